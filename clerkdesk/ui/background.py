"""Long work off the UI thread, for callers that want its result in order.

``run_in_background`` runs a function on the thread pool and waits for it in a
local event loop, so the window keeps painting (with a busy indicator) while a
large agenda pack is read, and the caller still gets the result, or the
exception, back where it asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


class _Done(QObject):
    done = Signal()


class _Task(QRunnable):
    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.result: object = None
        self.error: BaseException | None = None
        self.signals = _Done()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as error:  # handed back to the caller on the UI thread
            self.error = error
        finally:
            self.signals.done.emit()


def run_in_background(work: Callable[[], T], label: str, parent: QWidget | None) -> T:
    task = _Task(work)
    loop = QEventLoop()
    task.signals.done.connect(loop.quit)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)  # quick work shows no dialog at all
    progress.setAccessibleName("Working")
    QThreadPool.globalInstance().start(task)
    loop.exec()
    progress.close()
    progress.deleteLater()
    if task.error is not None:
        raise task.error
    return task.result  # type: ignore[return-value]

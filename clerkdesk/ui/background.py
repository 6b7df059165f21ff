"""Work off the UI thread: exporting, searching, reading an agenda pack and
talking to the council's server.

A :class:`Task` runs a function on the thread pool and hands its result, or
the exception it raised, back to the window through its signals: a slow
export, search or server (one gone quiet waits out its connect timeout,
server.py) costs the clerk a message, never a frozen window. The caller
keeps the task until it has answered, and words any failure itself.

``run_in_background`` is for a caller that wants the result in order: it
waits in a local event loop, so the window keeps painting (with a busy
indicator) while a large agenda pack is read, and the caller still gets the
result, or the exception, back where it asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

T = TypeVar("T")


class TaskSignals(QObject):
    finished = Signal(object)  # what the work returned
    failed = Signal(object)  # the exception it raised


class Task(QRunnable):
    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.result: object = None
        self.error: BaseException | None = None
        self.signals = TaskSignals()
        self.setAutoDelete(False)  # the caller keeps it until it has answered

    def run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as error:  # handed to the UI thread, which words it
            self.error = error
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(self.result)


def run_in_background(work: Callable[[], T], label: str, parent: QWidget | None) -> T:
    # Imported here, not with the window (team_actions.py imports Task): importing
    # the class builds its Python enums, time taken from the window's first paint.
    from PySide6.QtWidgets import QProgressDialog

    task = Task(work)
    loop = QEventLoop()
    task.signals.finished.connect(loop.quit)
    task.signals.failed.connect(loop.quit)
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

"""Work with the council's server, off the UI thread (issue 18).

A connection to a server that has gone quiet waits up to its connect timeout
(server.py) before it fails: run on the window's thread, that would freeze
the window. A :class:`ServerTask` runs the work on the thread pool and hands
the result, or the exception, back to the window through its signals.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal


class ServerSignals(QObject):
    finished = Signal(object)  # what the work returned
    failed = Signal(object)  # the exception it raised


class ServerTask(QRunnable):
    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = ServerSignals()
        self.setAutoDelete(False)  # the window keeps it until it has answered

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # handed to the window, which words it
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)

"""Starting the desktop application."""

from __future__ import annotations

import atexit
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    QSettings,
    QSize,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from clerkdesk.resources import icons_dir
from clerkdesk.ui.memory import freeze_what_is_loaded, resume_collection

if TYPE_CHECKING:
    from clerkdesk.ui.main_window import MainWindow
    from clerkdesk.ui.problem_handler import ProblemHandler

ORGANISATION = "ClerkDesk"
APPLICATION = "ClerkDesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def application_icon() -> QIcon:
    """ClerkDesk's icon at every size drawn (scripts/make_icons.py), so that Qt
    never scales the window's or the task bar's from another size. Loaded when
    shown, not here (sizes given)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icons_dir() / f"clerkdesk-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def install_excepthook(log_folder: Path | None = None) -> ProblemHandler:
    """Show unexpected errors in the crash dialog, with a problem report also
    written to the log file (in ``log_folder`` if given), instead of crashing
    the meeting."""
    from clerkdesk.diagnostics import problem_logger
    from clerkdesk.ui.problem_handler import ProblemHandler

    handler = ProblemHandler(problem_logger(log_folder))
    handler.install()
    return handler


# How long to wait for a first paint that may never come (a window started
# minimised). Read when the wait starts, so a test can make the order certain.
FIRST_PAINT_FALLBACK_MS = 500


class AfterFirstPaint(QObject):
    """Run ``then`` once, just after ``window`` has first painted.

    A zero-delay timer started at ``show()`` would run *before* the first paint
    (Qt delivers the paint later, and on X11 only once the server exposes the
    window), so slow work queued that way still keeps the window blank. This
    waits for the window's first Paint, then queues ``then`` behind it. If no
    paint comes (the window starts minimised), ``then`` runs after ``fallback_ms``.
    """

    def __init__(self, window: QWidget, then: Callable[[], object], fallback_ms: int | None = None):
        super().__init__(window)
        self._window = window
        self._then = then
        self._done = False
        window.installEventFilter(self)
        wait = FIRST_PAINT_FALLBACK_MS if fallback_ms is None else fallback_ms
        QTimer.singleShot(wait, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        self._then()


def show_window(db_path: Path | str | None, settings: QSettings) -> MainWindow:
    """Show the desk with the database's meetings at once; open it for
    recording just after the window has painted. A string is a server's URL
    (server_window.py).

    Before the window is shown, the file is made ready and its meetings listed
    with the standard library alone (``MainWindow.first_look``), so the first
    paint already shows them, with "Opening …" in the status bar. The services
    and SQLAlchemy behind them, slower to import than the whole window is to
    appear, load once it is on screen. If the database cannot be opened (the
    reason has been shown), the application exits with status 1; if another
    copy has it open and came forward, with status 0 (see second_copy.py).
    """
    if isinstance(db_path, str):
        from clerkdesk.ui.server_window import show_window_on_server

        return show_window_on_server(db_path, settings)
    from clerkdesk.ui.main_window import MainWindow
    from clerkdesk.ui.second_copy import CameForward

    window = MainWindow(None, settings)
    try:
        prepared = window.first_look(db_path)
    except CameForward as handed_over:
        # The copy that has the database open came forward and says why, in its
        # window; this one has nothing to do. Said here too, for a terminal.
        resume_collection()
        print(
            f"ClerkDesk: {handed_over.reason} That window has been brought forward.",
            file=sys.stderr,
        )
        QTimer.singleShot(0, lambda: QApplication.exit(0))
        return window
    except Exception as error:  # shown by the hook; without a database, nothing to do
        sys.excepthook(type(error), error, error.__traceback__)
        prepared = None
    if prepared is None:
        resume_collection()
        QTimer.singleShot(0, lambda: QApplication.exit(1))  # once the event loop runs
        return window
    if _qt_log is not None:
        _qt_log.hold()  # written just after the first paint: see QtMessageLog
    window.show()

    def open_database() -> None:
        resume_collection()  # paused for the first paint by preload.load_before_qt
        if _qt_log is not None:
            _qt_log.release()
        try:
            window.tabs.build()
            opened = window.open_database(prepared.path, prepared)
        except Exception as error:  # shown by the hook; without a database, nothing to do
            prepared.release()
            sys.excepthook(type(error), error, error.__traceback__)
            opened = False
        if not opened:
            window.hide()
            QApplication.exit(1)

    AfterFirstPaint(window, open_database)
    return window


class QtMessageLog:
    """Sends what Qt logs (font fallbacks, platform notices) to the log file, not the
    terminal: it is for whoever maintains ClerkDesk, never for the clerk.

    While the window is first coming up the messages are held and written just
    after its first paint (``release``): writing the first one opens the log
    file, which imports the rotating handler and looks up the user's log folder,
    some 25 ms of the start-up, and the offscreen platform (IT's ``self-test``,
    the benchmark) warns at every show that it "does not support
    propagateSizeHints()". Each record keeps the time Qt logged it. A critical
    or fatal message ends the holding and is written at once, after what was
    held (a fatal one ends the process); anything still held when the program
    ends is written then.
    """

    def __init__(self) -> None:
        from clerkdesk.diagnostics import LOGGER

        self.logger = logging.getLogger(LOGGER)
        self.held: list[logging.LogRecord] | None = None
        atexit.register(self.release)

    def handle(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        record = self.logger.makeRecord(
            self.logger.name, logging.WARNING, "", 0, "Qt %s: %s", (kind.name, message), None
        )
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.release()  # what came before it first, in order
        if self.held is None:
            self.logger.handle(record)
        else:
            self.held.append(record)

    def hold(self) -> None:
        if self.held is None:
            self.held = []

    def release(self) -> None:
        held, self.held = self.held or [], None
        for record in held:
            self.logger.handle(record)


_qt_log: QtMessageLog | None = None


def log_qt_messages() -> QtMessageLog:
    """Send what Qt logs to the log file from now on (see QtMessageLog)."""
    global _qt_log
    if _qt_log is None:
        _qt_log = QtMessageLog()
    qInstallMessageHandler(_qt_log.handle)
    return _qt_log


def start_application(argv: list[str]) -> tuple[QApplication, ProblemHandler]:
    """Qt as every launch of the window has it: its messages logged, the
    application named, its icon, unexpected errors shown in the crash dialog.
    ``self-test`` starts the same way, so that it, and the start-up benchmark
    that runs it, see what a clerk's launch does."""
    log_qt_messages()
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setWindowIcon(application_icon())
    return app, install_excepthook()


def run_app(db_path: Path | str | None, argv: list[str]) -> int:
    """Show the desk and open the database (the default one if ``db_path`` is
    None; a server's if it is its URL)."""
    from clerkdesk.domain.changes import Area

    app, problems = start_application(argv)
    window = show_window(db_path, QSettings())
    problems.watch(window)
    # Once the database (and the meeting it reopens) is open, and once each
    # meeting the clerk opens has been shown: see memory.py.
    window.database_opened.connect(lambda: QTimer.singleShot(0, freeze_what_is_loaded))
    opened = Area.OPENED
    window.meeting.refreshed.connect(
        lambda areas: bool(areas & opened) and QTimer.singleShot(0, freeze_what_is_loaded)
    )
    try:
        return int(app.exec())
    finally:
        window.dispose()

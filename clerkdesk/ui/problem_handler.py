"""What happens to an unexpected error in the window: ``sys.excepthook``.

Installed before the window's first paint, so it holds only the hook; the
crash dialog it opens (crash_dialog.py), with its widgets, is imported the
first time there is a problem to show.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from clerkdesk.diagnostics import LogFile
from clerkdesk.domain.errors import DomainError
from clerkdesk.ui.problem_report import problem_report, type_name

if TYPE_CHECKING:
    from clerkdesk.ui.main_window import MainWindow
    from clerkdesk.ui.open_meeting import OpenMeeting


def menu_path(action: QAction) -> str:
    """``File › Export minutes › PDF – public``: the menus to the action, and its name."""
    names = [action.text()]
    menu = next((o for o in action.associatedObjects() if isinstance(o, QMenu)), None)
    # Up to the menu bar's menu; the bar's own overflow menu has no title.
    while menu is not None and menu.title():
        names.insert(0, menu.title())
        owner = menu.menuAction()
        menu = next((o for o in owner.associatedObjects() if isinstance(o, QMenu)), None)
    return " › ".join(name.replace("&", "") for name in names)


def service_name(service: object) -> str | None:
    """``lifecycle.set_status``; None for a lambda or partial (its menu says more)."""
    operation_name = getattr(service, "name", None)  # a ui.operations.Operation
    if isinstance(operation_name, str):
        return operation_name
    name = getattr(service, "__name__", None)
    if not isinstance(name, str) or name == "<lambda>":
        return None
    module = str(getattr(service, "__module__", ""))
    return f"{module.removeprefix('clerkdesk.services.')}.{name}"


class ProblemHandler:
    """``sys.excepthook`` while the window runs.

    A DomainError that escaped is a rule the clerk met: its message is shown as
    is. Anything else is a fault: its report (problem_report.py) is written to
    the log, the open meeting is read again from the file, and the crash dialog
    shown, once at a time (an error while it is open is only logged).
    """

    def __init__(self, log: logging.Logger) -> None:
        self.log = log
        self.window: MainWindow | None = None
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self

    def watch(self, window: MainWindow) -> None:
        """Name ``window``'s last menu command and its last service in reports."""
        self.window = window

    @property
    def meeting(self) -> OpenMeeting | None:
        return self.window.meeting if self.window is not None else None

    def attempted(self) -> list[str]:
        said = []
        command = self.window.last_command if self.window is not None else None
        if command is not None:
            said.append(f"{menu_path(command)} (the last menu command chosen)")
        service = self.meeting.last_service if self.meeting is not None else None
        name = service_name(service) if service is not None else None
        if name:
            said.append(f"{name} (the last recording action started)")
        return said

    def schema(self) -> str:
        if self.meeting is None or not self.meeting.has_desk:
            return "no database open"
        try:
            return str(self.meeting.desk.db.schema_version())
        except Exception as error:
            return f"could not be read ({type_name(type(error))})"

    def log_file(self) -> Path | None:
        for handler in self.log.handlers:
            if isinstance(handler, LogFile):
                opened = handler.open()  # the report is written there next
                if isinstance(opened, logging.FileHandler):
                    return Path(opened.baseFilename)
        return None

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if isinstance(error, DomainError):
            # Imported here: the hook is installed before the window's first paint,
            # which would wait for QMessageBox's Python enums (ui/asks.py).
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(QApplication.activeWindow(), "ClerkDesk", error.message)
            return
        try:
            report = problem_report(error, tb, self.attempted(), self.schema())
        except Exception:  # the report itself failed: still say what and where
            report = f"{type_name(kind)}\n" + "".join(traceback.format_tb(tb))
        self.log.error("%s", report)
        if sys.stderr is not None:  # None in a frozen windowed app
            sys.stderr.write(report)
        if self._showing:
            return
        self._showing = True
        try:
            self.show(report, self._show_saved())
        finally:
            self._showing = False

    def _show_saved(self) -> bool:
        """Read the open meeting again, so the window shows what the file holds
        (not what the failed action left on screen). Whether that was done."""
        if self.meeting is None or self.meeting.meeting_id is None:
            return False
        from clerkdesk.ui.open_meeting import EVERYTHING

        try:
            self.meeting.reload(EVERYTHING)
        except Exception as error:
            self.log.error("Reading the meeting again failed: %s", type_name(type(error)))
            return False
        return True

    def show(self, report: str, reread: bool) -> None:
        from clerkdesk.ui.crash_dialog import CrashDialog

        CrashDialog(report, self.log_file(), reread, QApplication.activeWindow()).exec()

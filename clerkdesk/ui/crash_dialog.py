"""An unexpected error in the window: say plainly that nothing recorded was
lost and why, and give the clerk a problem report to copy or save.

Nothing is sent anywhere (council laptops are often offline, and a report
must never leave with meeting content in it): the report is shown, written to
the log file, and handed to the clerk's support contact by the clerk.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.diagnostics import LogFile
from clerkdesk.domain.errors import DomainError
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.problem_report import problem_report, type_name

if TYPE_CHECKING:
    from clerkdesk.ui.main_window import MainWindow
    from clerkdesk.ui.open_meeting import OpenMeeting

HEADING = "Something unexpected went wrong. Nothing you recorded was lost."
WHY_NOTHING_WAS_LOST = (
    "Every action you record is written to the database file the moment you record it, "
    "each in a transaction of its own. An action that fails part-way is rolled back "
    "whole: the database holds everything recorded before this, and nothing half-done."
)
REREAD = "The meeting on screen has been read again from the file: it shows what is saved."
WHAT_TO_DO = (
    "If this happens again, copy or save the report below and give it to your support "
    "contact. It holds the versions, the action attempted and where in ClerkDesk it "
    "failed; no names, titles or minutes. ClerkDesk has sent it nowhere."
)


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


class CrashDialog(QDialog):
    def __init__(
        self,
        report: str,
        log_file: Path | None,
        reread: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.asker = Asker(self)
        self.setWindowTitle("ClerkDesk – a problem")
        heading = QLabel(f"<b>{HEADING}</b>")
        why = QLabel(f"{WHY_NOTHING_WAS_LOST} {REREAD}" if reread else WHY_NOTHING_WAS_LOST)
        logged = f" It is also in the log file, {log_file}." if log_file else ""
        what = QLabel(WHAT_TO_DO + logged)
        what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view = QPlainTextEdit(report)
        self.view.setReadOnly(True)
        self.view.setAccessibleName("Problem report")
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy report")
        self.save_button = QPushButton("&Save report…")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for label in (heading, why, what):
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def text(self) -> str:
        """What the dialog says above the report."""
        return " ".join(
            label.text() for label in self.findChildren(QLabel) if label.parent() is self
        )

    def copy(self) -> None:
        QApplication.clipboard().setText(self.report)
        self.copy_button.setText("Copied")

    def save(self) -> None:
        suggested = Path.home() / f"ClerkDesk problem report {dt.datetime.now():%Y-%m-%d %H%M}.txt"
        path = self.asker.save_path("Save the problem report", suggested, "Text file (*.txt)")
        if path is None:
            return
        try:
            path.write_text(self.report, encoding="utf-8")
        except OSError as error:
            self.asker.error("Not saved", f"The report could not be saved: {error.strerror}.")
            return
        self.save_button.setText("Saved")


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
        CrashDialog(report, self.log_file(), reread, QApplication.activeWindow()).exec()

"""An unexpected error in the window: say plainly that nothing recorded was
lost and why, and give the clerk a problem report to copy or save.

Nothing is sent anywhere (council laptops are often offline, and a report
must never leave with meeting content in it): the report is shown, written to
the log file, and handed to the clerk's support contact by the clerk.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.ui.asks import Asker

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

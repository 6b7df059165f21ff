"""Help › About: what this is, which version, what it runs on, which database
file it is using, where its log and release notes are, and that it never goes
online."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from clerkdesk.diagnostics import LOG_FILE, log_folder
from clerkdesk.resources import release_notes_file
from clerkdesk.ui.versions import versions
from clerkdesk.version import RELEASE_NOTES, name_and_version

if TYPE_CHECKING:
    from clerkdesk.persistence.database import Database

OFFLINE = (
    "ClerkDesk never connects to the internet: it does not check for updates and "
    "sends nothing anywhere. Your council's IT team installs new versions."
)


def database_words(db: Database | None) -> str:
    if db is None:
        return "not open yet"
    return f"{db.describe()} (schema version {db.schema_version()})"


def release_notes_words() -> str:
    notes = release_notes_file()
    return f"{notes}, and the project's releases page" if notes.is_file() else RELEASE_NOTES


def about_lines(db: Database | None) -> list[tuple[str, str]]:
    """(what, said) for each line of the dialog below its heading."""
    return [
        *((what, version) for what, version in versions() if what != "ClerkDesk"),
        ("Database", database_words(db)),
        ("Log file", str(log_folder() / LOG_FILE)),
        ("Release notes", release_notes_words()),
    ]


class AboutDialog(QDialog):
    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About ClerkDesk")
        rows = "".join(
            f"<tr><td><b>{escape(what)}</b>&nbsp;&nbsp;</td><td>{escape(said)}</td></tr>"
            for what, said in about_lines(db)
        )
        self.text = QLabel(
            f"<h2>{escape(name_and_version())}</h2>"
            "<p>ClerkDesk records council committee meetings live: attendance, "
            "interests, votes and minutes.</p>"
            f"<table>{rows}</table>"
            f"<p>{escape(OFFLINE)}</p>"
        )
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        # Selectable, so a clerk can copy a path or a version for their support contact.
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName("About ClerkDesk")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

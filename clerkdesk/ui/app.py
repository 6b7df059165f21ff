"""Starting the desktop application."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

ORGANISATION = "ClerkDesk"
APPLICATION = "ClerkDesk"


def install_excepthook() -> None:
    """Show unexpected errors in a dialog instead of crashing the meeting."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        from clerkdesk.domain.errors import DomainError

        if isinstance(error, DomainError):
            text, details = error.message, ""
        else:
            text = (
                "Something unexpected went wrong. What was saved before this is safe in "
                "the database; please tell your support contact what you were doing."
            )
            details = "".join(traceback.format_exception(kind, error, tb))
        sys.stderr.write(details)
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("ClerkDesk")
        box.setText(text)
        if details:
            box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook


def run_app(db_path: Path | None, argv: list[str]) -> int:
    """Open the database (the default one if ``db_path`` is None) and show the desk."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    install_excepthook()

    from clerkdesk.services.context import Desk
    from clerkdesk.ui.main_window import MainWindow
    from clerkdesk.ui.safekeeping import open_interactively

    db = open_interactively(db_path, None)
    if db is None:
        return 1
    window = MainWindow(Desk(db), QSettings())
    window.remember_database(db.path)
    window.show()
    try:
        return int(app.exec())
    finally:
        window.session.desk.db.dispose()

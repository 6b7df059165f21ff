"""Starting the window on the council's server (``clerkdesk --server URL``,
or ``CLERKDESK_SERVER``): issue 18.

A file is made ready before the window shows (app.py); a server is opened
after the window has painted, off the UI thread, since reaching it may take
up to its connect timeout (server.py). Meanwhile the status bar says which
server is being opened, without its password.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from clerkdesk.persistence.database import Database
    from clerkdesk.ui.main_window import MainWindow


def show_window_on_server(location: str, settings: QSettings) -> MainWindow:
    """Show the desk, then open the server's database for it; exit with status 1
    (the reason shown) if it cannot be opened."""
    from clerkdesk.services.context import Desk
    from clerkdesk.ui.app import AfterFirstPaint
    from clerkdesk.ui.main_window import MainWindow

    window = MainWindow(None, settings)
    window.show()

    def opened(db: Database | None) -> None:
        if db is None:
            window.hide()
            QApplication.exit(1)
            return
        window.tabs.build()
        window.attach(Desk(db))
        window.remember_database(location)

    AfterFirstPaint(window, lambda: window.team.open_server(location, opened))
    return window

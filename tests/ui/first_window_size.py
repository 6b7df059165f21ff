"""For test_live_layout.py: the first window on a 1366x768 screen (with window
frames), in its own process because the screen is the platform's, set at start.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python tests/ui/first_window_size.py FOLDER
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from clerkdesk.persistence.database import open_database
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.main_window import MainWindow


def main() -> int:
    folder = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    db = open_database(folder / "clerkdesk.db", create=True)
    desk = Desk(db, "test clerk")
    create_demo(desk)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(desk, settings, Asker())  # no saved geometry: the first window
    window.show()
    QTest.qWaitForWindowExposed(window)
    app.processEvents()
    frame, available = window.frameGeometry(), window.screen().availableGeometry()
    status = window.statusBar()
    bottom = window.mapToGlobal(status.geometry().bottomLeft()).y()
    print(
        json.dumps(
            {
                "screen": [available.width(), available.height()],
                "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                "fits": available.contains(frame),
                "status_bar_on_screen": bottom <= available.bottom(),
            }
        ),
        flush=True,
    )
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The first copy of ClerkDesk, for test_second_copy.py: the real window on a
database, maximised then minimised, that reports (one JSON line on stdout) how
it came forward when a second copy knocked, then quits.

    python tests/ui/first_copy_app.py DATABASE SETTINGS_FILE
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from clerkdesk.ui.app import show_window


def main() -> int:
    db_path, settings_file = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    window = show_window(db_path, QSettings(str(settings_file), QSettings.Format.IniFormat))

    def ready() -> None:
        window.showMaximized()
        window.showMinimized()  # the clerk put it away, maximised
        print(json.dumps({"ready": True}), flush=True)

    def report_when_forward() -> None:
        keeper = window.safekeeping.first_copy
        notice = keeper.notice if keeper is not None else None
        if notice is None or not notice.isVisible():
            return
        state = window.windowState()
        print(
            json.dumps(
                {
                    "minimised": bool(state & Qt.WindowState.WindowMinimized),
                    "maximised": bool(state & Qt.WindowState.WindowMaximized),
                    "visible": window.isVisible(),
                    "notice": notice.text(),
                }
            ),
            flush=True,
        )
        app.quit()

    window.database_opened.connect(ready)
    poll = QTimer(window)
    poll.timeout.connect(report_when_forward)
    poll.start(50)
    QTimer.singleShot(60_000, app.quit)  # never a hang
    try:
        return int(app.exec())
    finally:
        window.dispose()


if __name__ == "__main__":
    sys.exit(main())

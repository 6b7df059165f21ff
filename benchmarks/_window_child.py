"""Child process for the start-up and memory benchmarks. Not a benchmark itself.

    python _window_child.py bare
    python _window_child.py app DB_PATH [MEETING_ID]

Builds either a bare QMainWindow or ClerkDesk's main window the way
``clerkdesk.ui.app.run_app`` does (QApplication, open_database, MainWindow,
show), optionally opens a meeting, and when the window first paints (or, if
the platform never paints it, from a zero-timer after ``show``) prints one
JSON line: ``{"shown": CLOCK_MONOTONIC seconds, "rss": VmRSS, "maxrss": VmHWM}`` (bytes)
and quits.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def status_bytes(field: str) -> int:
    """A memory figure from /proc/self/status (VmRSS now, VmHWM the peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    return 0


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    mode = sys.argv[1]
    if mode == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1366, 768)
    else:
        from clerkdesk.persistence.database import open_database
        from clerkdesk.services.context import Desk
        from clerkdesk.ui.app import APPLICATION, ORGANISATION
        from clerkdesk.ui.main_window import MainWindow

        app.setOrganizationName(ORGANISATION)
        app.setApplicationName(APPLICATION)
        db = open_database(Path(sys.argv[2]))
        window = MainWindow(Desk(db), QSettings())
        window.remember_database(db.path)
        if len(sys.argv) > 3:
            window.open_meeting(int(sys.argv[3]))
    reported = False

    def report() -> None:
        nonlocal reported
        if reported:
            return
        reported = True
        shown = time.monotonic()
        # ru_maxrss survives exec on Linux (it would report the parent's peak when
        # the parent is bigger), so the peak is VmHWM, this process image's own.
        maxrss = status_bytes("VmHWM") or (
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        )
        print(
            json.dumps({"shown": shown, "rss": status_bytes("VmRSS"), "maxrss": maxrss}), flush=True
        )
        QTimer.singleShot(0, app.quit)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                report()
            return False

    painted = FirstPaint()
    window.installEventFilter(painted)
    window.show()
    QTimer.singleShot(0, report)  # for platforms that paint nothing offscreen
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())

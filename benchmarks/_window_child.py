"""Child process for the start-up and memory benchmarks. Not a benchmark itself.

    python _window_child.py bare
    python _window_child.py app DB_PATH [MEETING_ID]

Builds either a bare QMainWindow or ClerkDesk's main window the way
``clerkdesk.ui.app.run_app`` does (``show_window``: the window is shown at once
and opens its database just after its first paint). Without MEETING_ID it
reports when the window first paints (what the clerk sees first); with one, it
waits until the database is open, opens the meeting, repaints, and reports
then. The report is one JSON line:
``{"shown": CLOCK_MONOTONIC seconds, "rss": VmRSS, "maxrss": VmHWM}`` (bytes),
after which it quits. (If no paint ever comes, it reports after 5 s anyway.)
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
        from clerkdesk.ui.app import APPLICATION, ORGANISATION, show_window

        app.setOrganizationName(ORGANISATION)
        app.setApplicationName(APPLICATION)
        window = show_window(Path(sys.argv[2]), QSettings())
    meeting = int(sys.argv[3]) if mode != "bare" and len(sys.argv) > 3 else None
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
            if event.type() == QEvent.Type.Paint and meeting is None:
                report()
            return False

    def meeting_open() -> None:
        window.open_meeting(meeting)  # type: ignore[attr-defined]
        window.repaint()
        report()

    if meeting is not None:
        window.database_opened.connect(meeting_open)  # type: ignore[attr-defined]
    painted = FirstPaint()
    window.installEventFilter(painted)
    window.show()
    # A zero-timer here would fire before the first paint, so only a late fallback.
    QTimer.singleShot(5000, report)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())

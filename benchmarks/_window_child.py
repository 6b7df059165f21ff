"""Child process for the start-up and memory benchmarks. Not a benchmark itself.

    python _window_child.py bare
    python _window_child.py app DB_PATH [MEETING_ID]

Builds either a bare QMainWindow or ClerkDesk's main window the way
``clerkdesk.ui.app.run_app`` does (``show_window``: the file is made ready and
its meetings listed with the standard library, the window shown, and the
database opened for recording just after its first paint). Without
MEETING_ID it reports when the window first paints (with how many meetings
that paint showed), then waits until the database is open for recording and
the window has painted again, and reports that too; with one, it opens the
meeting once the database is open, repaints, and reports then. The report is
one JSON line: ``{"shown": CLOCK_MONOTONIC seconds, "meetings": rows listed at
that paint, "ready": CLOCK_MONOTONIC seconds, "rss": VmRSS, "maxrss":
VmHWM}`` (bytes), after which it quits. (If no paint ever comes, it reports
after 5 s anyway.)
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # not imported when run: the bare window must not load ClerkDesk
    from clerkdesk.ui.main_window import MainWindow


def status_bytes(field: str) -> int:
    """A memory figure from /proc/self/status (VmRSS now, VmHWM the peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    return 0


def main() -> int:
    mode = sys.argv[1]
    if mode != "bare":  # in the order the command line (cli.cmd_app) imports them
        from clerkdesk.ui.preload import load_before_qt

        load_before_qt()
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    main_window: MainWindow | None = None  # ClerkDesk's, when not bare
    window: QMainWindow
    if mode == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1366, 768)
    else:
        from clerkdesk.ui.app import APPLICATION, ORGANISATION, show_window

        app.setOrganizationName(ORGANISATION)
        app.setApplicationName(APPLICATION)
        main_window = show_window(Path(sys.argv[2]), QSettings())
        window = main_window
    meeting = int(sys.argv[3]) if mode != "bare" and len(sys.argv) > 3 else None
    marks: dict[str, float] = {}
    reported = False

    def report() -> None:
        nonlocal reported
        if reported:
            return
        reported = True
        # ru_maxrss survives exec on Linux (it would report the parent's peak when
        # the parent is bigger), so the peak is VmHWM, this process image's own.
        maxrss = status_bytes("VmHWM") or (
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        )
        shown = marks.get("shown", time.monotonic())
        print(
            json.dumps(
                {
                    "shown": shown,
                    "meetings": marks.get("meetings", 0),
                    "ready": marks.get("ready", shown),
                    "rss": status_bytes("VmRSS"),
                    "maxrss": maxrss,
                }
            ),
            flush=True,
        )
        QTimer.singleShot(0, app.quit)

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint or meeting is not None:
                return False
            if "shown" not in marks:
                marks["shown"] = time.monotonic()
                listed = getattr(window, "meetings", None)
                marks["meetings"] = listed.model.rowCount() if listed is not None else 0
                if mode == "bare":
                    report()
            elif "opened" in marks and "ready" not in marks:
                marks["ready"] = time.monotonic()
                report()
            return False

    def opened() -> None:
        if meeting is None:
            marks["opened"] = time.monotonic()
            window.update()  # the status bar changed: the paint that shows it is the mark
            return
        assert main_window is not None  # a meeting is only given for ClerkDesk's window
        main_window.open_meeting(meeting)
        window.repaint()
        marks["shown"] = marks["ready"] = time.monotonic()
        report()

    if main_window is not None:  # mode != "bare"
        main_window.database_opened.connect(opened)
    paints = Paints()
    window.installEventFilter(paints)
    window.show()
    # A zero-timer here would fire before the first paint, so only a late fallback.
    QTimer.singleShot(5000, report)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())

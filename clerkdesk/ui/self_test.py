"""``clerkdesk self-test``: open the real window, check it comes up, report, quit.

For an IT team after deploying ClerkDesk (does the installed application
start on this machine, with its Qt platform and fonts?), for the packaging
smoke test in CI, and for the start-up benchmark, which needs the frozen
application itself to say when its window first showed the meetings.

The window is shown exactly as ``run_app`` shows it (``start_application``:
Qt's log, the names, the icon and the crash hook; ``show_window``: the
meetings listed before the first paint, the database opened for recording
just after it). The report is a dict: ``shown`` (CLOCK_MONOTONIC seconds at
the first paint), ``cpu`` (the process's CPU seconds by then, which other
work on the machine inflates less than the wall clock), ``meetings`` (rows
that paint showed), ``ready`` (seconds at the first paint after the database
opened for recording, or None if it never did), ``rss`` and ``maxrss``
(bytes, Linux only, else 0) and versions.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, qVersion
from PySide6.QtWidgets import QApplication

# Past this the window is taken as not coming up: the report says so, never a hang.
GIVE_UP_MS = 60_000


def _status_bytes(field: str) -> int:
    """A memory figure from /proc/self/status (VmRSS now, VmHWM the peak); 0 elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_self_test(
    db_path: Path,
    settings_file: Path,
    meeting_id: int | None = None,
    give_up_ms: int = GIVE_UP_MS,
) -> dict[str, Any]:
    """Show the window on ``db_path`` (opening ``meeting_id`` once ready); the report.

    The window's settings go to ``settings_file``, so a test leaves the clerk's own
    (recent databases, window geometry) as they were."""
    from clerkdesk.ui.app import show_window, start_application

    app, problems = start_application(sys.argv[:1])
    marks: dict[str, Any] = {}

    def finish() -> None:
        if "done" in marks:
            return
        marks["done"] = True
        marks["maxrss"] = _status_bytes("VmHWM") or (
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        )
        marks["rss"] = _status_bytes("VmRSS")
        QTimer.singleShot(0, app.quit)

    def give_up() -> None:
        for dialog in QApplication.topLevelWidgets():
            if dialog.isModal():
                dialog.close()  # a question nobody will answer ends its own loop
        finish()

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            if "shown" not in marks:
                marks["shown"] = time.monotonic()
                marks["cpu"] = time.process_time()
                marks["meetings"] = window.meetings.model.rowCount()
            elif "opened" in marks and "ready" not in marks:
                marks["ready"] = time.monotonic()
                finish()
            return False

    def opened() -> None:
        marks["opened"] = time.monotonic()
        if meeting_id is not None:
            window.open_meeting(meeting_id)
        window.update()  # the status bar changed: the paint that shows it is the mark

    # Started before the window, whose opening may ask the clerk something (a
    # damaged file, a newer version's): unanswered, the test gives up and says so.
    QTimer.singleShot(give_up_ms, give_up)
    window = show_window(db_path, QSettings(str(settings_file), QSettings.Format.IniFormat))
    problems.watch(window)
    window.database_opened.connect(opened)
    paints = Paints()
    window.installEventFilter(paints)
    # Always run the loop, even if the test already gave up while the window
    # was opening: it takes the quit (and any exit the window queued) with it,
    # so nothing is left pending for whatever runs Qt next in this process.
    app.exec()
    window.removeEventFilter(paints)
    window.dispose()
    return {
        "shown": marks.get("shown"),
        "cpu": marks.get("cpu"),
        "meetings": marks.get("meetings", 0),
        "ready": marks.get("ready"),
        "rss": marks.get("rss", 0),
        "maxrss": marks.get("maxrss", 0),
        "qt": qVersion(),
        "platform": app.platformName(),
    }

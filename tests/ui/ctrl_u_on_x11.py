"""For test_live_focus.py: Ctrl+U typed in a vote count box, on X11.

X11's key bindings make Ctrl+U "delete the line" in any text box, which the
offscreen platform used by the other tests does not have; so this runs the
real window in its own process under a virtual X server (xvfb-run). Prints
one JSON line: whether the vote was recorded, and what the box then shows.

    xvfb-run -a python tests/ui/ctrl_u_on_x11.py FOLDER
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from clerkdesk.domain.model import AttendanceStatus
from clerkdesk.persistence.database import open_database
from clerkdesk.services import attendance
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.services.records_io import get_record
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.main_window import MainWindow


def main() -> int:
    folder = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    db = open_database(folder / "clerkdesk.db", create=True)
    desk = Desk(db, "test clerk")
    _, meeting = create_demo(desk)
    for a in get_record(desk, meeting).attendees:
        attendance.mark_attendance(desk, meeting, a.person_id, AttendanceStatus.PRESENT)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(desk, settings, Asker())
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    window.open_meeting(meeting)
    record = get_record(desk, meeting)
    item = record.item_by_number("3").id
    window.meeting.set_item(item)
    window.tabs.show_index(1)
    box = window.voting.for_box
    box.setFocus()
    app.processEvents()
    QTest.keyClicks(box, "4")
    QTest.keyClick(box, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    app.processEvents()
    first = get_record(desk, meeting).recommendations_of(item)[0]
    decision = get_record(desk, meeting).decision_on(first.id)
    print(
        json.dumps(
            {
                "platform": app.platformName(),
                "recorded": decision is not None,
                "unanimous": bool(decision and decision.tally and decision.tally.is_unanimous),
            }
        ),
        flush=True,
    )
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

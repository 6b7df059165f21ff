"""Render every screen of the demo meeting to docs/screenshots/<size>/*.png.

The main window in each state, every dialog, the import preview, search and
the settings, at 1366×768 and at 1024×700 (the two screens the clerks have),
offscreen, against a throw-away database:

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget  # noqa: E402

from clerkdesk.domain.model import AttendanceStatus, Capacity, MeetingRecord, Tally  # noqa: E402
from clerkdesk.persistence.database import Database, open_database  # noqa: E402
from clerkdesk.services import (  # noqa: E402
    agenda_edits,
    attendance,
    declarations,
    lifecycle,
    minutes,
    votes,
)
from clerkdesk.services.context import Desk  # noqa: E402
from clerkdesk.services.demo import create_demo  # noqa: E402
from clerkdesk.services.records_io import get_record  # noqa: E402

SCREENSHOTS = ROOT / "docs" / "screenshots"
SIZES = ((1366, 768), (1024, 700))
SAMPLE_PACK = ROOT / "tests" / "samples" / "herts-acah-panel-2018-01-30-agenda-pack.txt"
OUT = SCREENSHOTS  # the folder of the size being drawn (set by main)


def prepare(desk: Desk, meeting: int) -> None:
    """Part of the 30 January meeting recorded, with a Part II item added."""
    record = get_record(desk, meeting)
    ids = {p.name: p.id for p in record.people}
    for name, status in [
        ("E H Buckmaster", AttendanceStatus.APOLOGIES),
        ("D J Hewitt", AttendanceStatus.ABSENT),
    ]:
        attendance.mark_attendance(desk, meeting, ids[name], status)
    for a in record.attendees:
        if record.name_of(a.person_id) not in ("E H Buckmaster", "D J Hewitt"):
            attendance.mark_attendance(desk, meeting, a.person_id, AttendanceStatus.PRESENT)
    attendance.record_arrival(
        desk, meeting, ids["D J Hewitt"], dt.time(10, 45), record.item_by_number("2").id
    )
    attendance.add_substitute(desk, meeting, "R H Smith", ids["E H Buckmaster"])
    attendance.set_attendance_note(
        desk, meeting, ids["T Howard"], "attended remotely, not entitled to vote"
    )
    attendance.add_attendee(
        desk,
        meeting,
        "Helen Maneuf",
        setup_capacity_officer(),
        "Assistant Director, Integrated Planning and Resources",
    )
    change = agenda_edits.add_agenda_item(
        desk, meeting, "7", "Home Care Contract Award", part=2, exempt_paragraph=3
    )
    assert change.new_id is not None
    agenda_edits.add_item_recommendation(
        desk, meeting, change.new_id, "That the contract be awarded to the preferred bidder.", "2.1"
    )
    item4 = record.item_by_number("4").id
    declarations.declare_interest(
        desk,
        meeting,
        item4,
        ids["F Guest"],
        "dpi",
        "Employed by Herts Valleys Clinical Commissioning Group",
    )
    item3 = record.item_by_number("3")
    rec31, rec32 = record.recommendations_of(item3.id)
    at = dt.time(11, 0)
    votes.record_vote(desk, meeting, recommendation_id=rec31.id, tally=Tally(8, 3, 1), at=at)
    votes.record_unanimous(desk, meeting, rec32.id, at)
    for text in (
        "Members received a report setting out the Integrated Plan proposals for the Adult "
        "Care and Health portfolio for 2018/19 to 2021/22.",
        "Members asked how the proposed savings would affect people receiving care at home; "
        "officers explained that the figures assumed no change to eligibility.",
    ):
        minutes.add_paragraph(desk, meeting, item3.id, text)
    minutes.add_action(
        desk,
        meeting,
        item3.id,
        "Helen Maneuf",
        "Circulate the breakdown of savings by service to all Members.",
    )


def setup_capacity_officer() -> Capacity:
    return Capacity.OFFICER


def save(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab()  # lay out at the size shown, then draw
    QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def main() -> int:
    global OUT
    import argparse

    argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Writes docs/screenshots/1366x768/*.png and docs/screenshots/1024x700/*.png; "
        "reads only the repository's own files (the demo meeting and "
        "tests/samples/) and a throw-away database it makes itself.",
    ).parse_args()
    app = QApplication(sys.argv[:1])
    for size in SIZES:
        OUT = SCREENSHOTS / f"{size[0]}x{size[1]}"
        shoot(size)
    app.quit()
    return 0


def dialogs(window: QWidget, record: MeetingRecord, db: Database) -> None:
    """The dialogs not shown elsewhere, each as it opens."""
    from clerkdesk import importing
    from clerkdesk.services.lookups import list_committees
    from clerkdesk.ui.about_dialog import AboutDialog
    from clerkdesk.ui.agenda_item_dialogs import AgendaItemDialog, ItemPartDialog, ItemPlaceDialog
    from clerkdesk.ui.amendment_dialog import AmendmentDialog
    from clerkdesk.ui.approval_dialog import ApprovalDialog
    from clerkdesk.ui.asks import attendance_note_dialog
    from clerkdesk.ui.attendee_dialog import AttendeeDialog
    from clerkdesk.ui.certificate_settings_dialog import CertificateSettingsDialog
    from clerkdesk.ui.correction_dialog import CorrectionReasonDialog
    from clerkdesk.ui.import_preview import ImportPreviewDialog
    from clerkdesk.ui.meeting_details_dialog import MeetingDetailsDialog
    from clerkdesk.ui.membership_dialog import MembershipChange, MembershipDialog
    from clerkdesk.ui.minutes_details_dialog import MinutesDetailsDialog
    from clerkdesk.ui.new_meeting_dialog import NewMeetingDialog
    from clerkdesk.ui.recommendation_dialog import RecommendationDialog
    from clerkdesk.ui.shortcuts_dialog import ShortcutsDialog

    item3 = record.item_by_number("3")
    rec31 = record.recommendations_of(item3.id)[0]
    assert isinstance(window, QMainWindow)
    pack = importing.parse_agenda_file(SAMPLE_PACK)
    hill = ids_of(record)["F R G Hill"]
    urgent = AgendaItemDialog(None, urgent=True, parent=window)
    urgent.number.setText("4A")
    urgent.title.setText("Winter pressures: additional home care hours")
    urgent.reason.setPlainText(
        "The contract must be let before the next meeting for the extra hours to start in December."
    )
    replace = MembershipDialog(record, MembershipChange.REPLACE, hill, window)
    replace.name.setText("A P Newcomer")
    for name, dialog in (
        ("20-import-preview", ImportPreviewDialog(pack, window)),
        ("21-new-meeting-dialog", NewMeetingDialog(list_committees(db), window)),
        ("22-amendment-dialog", AmendmentDialog(record, rec31.id, window)),
        ("23-attendee-dialog", AttendeeDialog(window)),
        ("24-approval-dialog", ApprovalDialog("C B Wyatt-Lowe", record.date, window)),
        ("25-correction-reason-dialog", CorrectionReasonDialog(window)),
        ("26-certificate-settings", CertificateSettingsDialog(None, None, window)),
        ("27-keyboard-shortcuts", ShortcutsDialog(window.menuBar(), window)),
        ("28-about", AboutDialog(db, window)),
        ("29-meeting-details-dialog", MeetingDetailsDialog(record, window)),
        ("30-urgent-item-dialog", urgent),
        ("31-item-place-dialog", ItemPlaceDialog(record, item3, out_of_order=True, parent=window)),
        ("32-item-part-dialog", ItemPartDialog(item3, window)),
        (
            "33-recommendation-dialog",
            RecommendationDialog(record, item3.id, new=False, chosen=rec31.id, parent=window),
        ),
        ("34-membership-replace-dialog", replace),
        (
            "35-membership-role-dialog",
            MembershipDialog(record, MembershipChange.ROLE, hill, window),
        ),
        ("36-minutes-details-dialog", MinutesDetailsDialog(record, window)),
        (
            "37-attendance-note-dialog",
            attendance_note_dialog("T Howard", "attended remotely, not entitled to vote", window),
        ),
    ):
        fit_on_screen(dialog, window)
        dialog.show()
        save(dialog, name)
        dialog.close()


def fit_on_screen(dialog: QWidget, window: QWidget) -> None:
    """A dialog no bigger than the window's screen, as the window manager would keep it."""
    width = min(dialog.width(), window.width())
    height = min(dialog.height(), window.height())
    dialog.resize(width, height)


def shoot(size: tuple[int, int]) -> None:
    from clerkdesk.ui.asks import Asker
    from clerkdesk.ui.declaration_dialog import DeclarationDialog
    from clerkdesk.ui.main_window import MainWindow
    from clerkdesk.ui.named_vote_dialog import NamedVoteDialog
    from clerkdesk.ui.search_dialog import SearchDialog

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "demo.db", create=True)
        desk = Desk(db, "Democratic Services")
        january_10, january_30 = create_demo(desk)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)

        # What the clerk sees first: the window, before its database is open.
        shell = MainWindow(None, settings, Asker())
        shell.resize(*size)
        shell.opening(db.path)
        shell.header.set_time(dt.time(10, 0), live=True)
        shell.show()
        save(shell, "00-starting-up")
        shell.hide()
        shell.deleteLater()

        window = MainWindow(desk, settings, Asker())
        window.resize(*size)
        window.show()

        window.open_meeting(january_30)
        window.header.set_time(dt.time(10, 30))
        save(window, "01-inquorate-at-the-start")

        prepare(desk, january_30)
        record = get_record(desk, january_30)
        window.open_meeting(january_30, record.item_by_number("3").id)
        window.header.set_time(dt.time(11, 0))
        window.tabs.show_panel(window.attendance)
        save(window, "02-attendance")

        window.tabs.show_panel(window.voting)
        window.voting.motion_table.select_row(0)
        save(window, "03-voting")

        window.meeting.set_item(record.item_by_number("4").id)
        window.voting.for_box.setValue(5)
        window.voting.against_box.setValue(5)
        save(window, "04-voting-tie-and-barred-member")

        window.meeting.set_item(record.item_by_number("7").id)
        save(window, "05-part-ii-item")

        window.meeting.set_item(record.item_by_number("3").id)
        window.tabs.show_panel(window.declarations)
        save(window, "06-declarations")

        window.tabs.show_panel(window.minutes)
        save(window, "07-minutes-notes")

        dialog = DeclarationDialog(record, record.item_by_number("5").id, dt.time(11, 0), window)
        dialog.member.setCurrentIndex(dialog.member.findText("K M Hastrick"))
        dialog.nature.setText("Trustee of a charity bidding for the programme")
        dialog.kind.setCurrentIndex(dialog.kind.findData("ori-direct"))
        dialog.show()
        save(dialog, "08-declaration-dialog")
        dialog.close()

        named = NamedVoteDialog(record, record.item_by_number("5").id, dt.time(11, 0), window)
        named.set_option(2, named.options[2].__class__("no"))
        named.show()
        save(named, "09-named-vote-dialog")
        named.close()

        search = SearchDialog(db, window.open_meeting, window)
        search.query.setText("charging")
        waiting = QEventLoop()
        search.search_done.connect(waiting.quit)
        search.run_search()
        waiting.exec()  # the search runs in a worker
        fit_on_screen(search, window)
        search.show()
        save(search, "10-search")
        search.tabs.setCurrentIndex(1)
        search.show_member(ids_of(record)["C B Wyatt-Lowe"])
        save(search, "14-members-record")
        search.close()

        edit = DeclarationDialog(record, None, dt.time(11, 0), window, record.declarations[0])
        edit.dispensation.setChecked(True)
        edit.left_room.setChecked(False)  # F Guest stayed, with a dispensation
        edit.show()
        save(edit, "12-edit-declaration-dialog")
        edit.close()

        item5 = record.item_by_number("5")
        (rec5,) = record.recommendations_of(item5.id)
        ids = {p.name: p.id for p in record.people}
        votes.add_amendment(
            desk,
            january_30,
            rec5.id,
            ids["J S Kaye"],
            ids["N A Quinton"],
            "Add at the end: 'and report back to the Panel in six months'",
        )
        window.meeting.open(january_30, item5.id)
        window.tabs.show_panel(window.voting)
        window.voting.motion_table.select_row(0)
        save(window, "13-voting-on-an-amendment")

        lifecycle.approve_minutes(
            desk, january_10, "C B Wyatt-Lowe", dt.datetime(2018, 1, 30, 12, 0)
        )
        window.open_meeting(january_10, get_record(desk, january_10).item_by_number("3").id)
        window.tabs.show_panel(window.voting)
        save(window, "11-approved-and-locked")
        window.tabs.show_panel(window.attendance)
        save(window, "15-approved-attendance")

        window.meetings_dock.hide()  # collapsed (Ctrl+Shift+L), as at 1024 wide
        window.open_meeting(january_30, item5.id)
        window.header.set_time(dt.time(11, 30))
        window.tabs.show_panel(window.voting)
        save(window, "16-meetings-list-collapsed")
        window.meetings_dock.show()

        dialogs(window, get_record(desk, january_30), db)
        window.close()
        db.dispose()


def ids_of(record: MeetingRecord) -> dict[str, int]:
    return {p.name: p.id for p in record.people}


if __name__ == "__main__":
    raise SystemExit(main())

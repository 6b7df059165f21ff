"""A clerk records the 30 January meeting from start to approval by keyboard.

After every action the database is read through a second connection: what
the clerk typed must already be there (no keystroke lost, nothing cached).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerkdesk.domain.model import (
    AttendanceStatus,
    Capacity,
    MeetingRecord,
    MeetingStatus,
    Outcome,
    VoteOption,
)
from clerkdesk.domain.voting import voter_roll
from clerkdesk.ui import meeting_header, open_meeting
from clerkdesk.ui.approval_dialog import Approval
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.declaration_dialog import DeclarationInput
from clerkdesk.ui.main_window import MainWindow
from tests.ui.conftest import DemoDb

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def person(record: MeetingRecord, name: str) -> int:
    return next(p.id for p in record.people if p.name == name)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


@pytest.fixture
def window(
    qtbot: QtBot, demo: DemoDb, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    # The clock follows the time now until a time is typed; a fixed "now" keeps
    # the test from depending on the hour it runs at (at 10.30 typing "1030"
    # would change nothing, and the clock would go on following the time).
    monkeypatch.setattr(meeting_header, "now_minute", lambda: dt.time(9, 0))
    monkeypatch.setattr(open_meeting, "now_minute", lambda: dt.time(9, 0))
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(demo.desk, settings, Asker())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def test_record_a_whole_meeting_by_keyboard(qtbot: QtBot, window: MainWindow, demo: DemoDb) -> None:
    asker = window.asker
    meeting = demo.january_30
    fresh = lambda: demo.fresh_record(meeting)  # noqa: E731
    record = fresh()
    names = {p.name: p.id for p in record.people}

    # Open the 30 January meeting from the meetings list (newest first).
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert focused() is window.meetings.table
    press(qtbot, Qt.Key.Key_Home, CTRL)
    press(qtbot, Qt.Key.Key_Return)
    assert window.meeting.meeting_id == meeting
    assert "INQUORATE" in window.header.quorum.text()  # nobody marked present yet

    # The meeting clock, typed: 10.30.
    press(qtbot, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(focused(), "1030")
    assert window.meeting.at == dt.time(10, 30)
    assert not window.header.live.isChecked()

    # Attendance: one key per member, the cursor moving down the list.
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert focused() is window.attendance.table
    press(qtbot, Qt.Key.Key_Home, CTRL)
    keys = "APPPPXPPPPPP"  # Buckmaster apologies, Hewitt absent for now
    for n, letter in enumerate(keys):
        person = window.attendance.model.rows[n].person_id  # the list is sorted by surname
        press(qtbot, getattr(Qt.Key, f"Key_{letter}"))
        marked = fresh().attendee(person)
        assert marked is not None
        status = marked.status
        assert (
            status
            is {
                "P": AttendanceStatus.PRESENT,
                "A": AttendanceStatus.APOLOGIES,
                "X": AttendanceStatus.ABSENT,
            }[letter]
        )
    assert "Quorate" in window.header.quorum.text()

    # D J Hewitt arrives late, at 10.45, during item 1.
    window.header.set_time(dt.time(10, 45))
    assert focused() is window.attendance.table
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Up)
    assert window.attendance.selected().name == "D J Hewitt"  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_L)
    hewitt = fresh().attendee(names["D J Hewitt"])
    assert hewitt is not None
    assert hewitt.status is AttendanceStatus.PRESENT
    assert hewitt.arrived_at == dt.time(10, 45)
    assert hewitt.arrived_during_item == record.ordered_items[0].id

    # R H Smith substitutes for E H Buckmaster (the question answered by the clerk).
    asker.substitute_name = lambda member, suggestions: "R H Smith"  # type: ignore[method-assign]
    press(qtbot, Qt.Key.Key_Home, CTRL)
    press(qtbot, Qt.Key.Key_S)
    assert not window.attendance.error.isVisible(), window.attendance.error.text()
    stored = fresh()
    names = {p.name: p.id for p in stored.people}
    smith = stored.attendee(names["R H Smith"])
    assert smith is not None and smith.capacity is Capacity.SUBSTITUTE
    assert smith.substitute_for == names["E H Buckmaster"]

    # A declaration that bars F Guest from voting on item 4.
    item3, item4, item5 = (record.item_by_number(n) for n in ("3", "4", "5"))
    guest = names["F Guest"]
    asker.declaration = lambda rec, item_id, at, person_id=None: DeclarationInput(  # type: ignore[method-assign]
        item4.id, guest, "dpi", "Employed by Herts Valleys CCG", False, False, True
    )
    press(qtbot, Qt.Key.Key_D, CTRL)
    stored = fresh()
    assert [(d.person_id, d.item_id, d.left_room) for d in stored.declarations] == [
        (guest, item4.id, True)
    ]
    assert guest not in voter_roll(stored, item4.id, dt.time(11, 0)).eligible
    assert "F Guest can no longer vote on item 4" in window.declarations.consequence.text()

    # Votes, at 11.00, on item 3: by counts, then unanimous.
    window.header.set_time(dt.time(11, 0))
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert focused() is window.voting.motion_table
    press(qtbot, Qt.Key.Key_Down, ALT)
    press(qtbot, Qt.Key.Key_Down, ALT)
    assert window.meeting.item_id == item3.id
    rec31, rec32 = stored.recommendations_of(item3.id)
    press(qtbot, Qt.Key.Key_R, ALT)  # Fo&r
    assert focused() is window.voting.for_box
    for text in ("8", "3", "1"):
        press(qtbot, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(focused(), text)
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_S, ALT)  # Ab&stain: back to the last box, Enter records
    press(qtbot, Qt.Key.Key_Return)
    decision = fresh().decision_on(rec31.id)
    assert decision is not None and decision.tally is not None
    assert (decision.tally.yes, decision.tally.no, decision.tally.abstain) == (8, 3, 1)
    assert decision.outcome is Outcome.CARRIED
    assert decision.taken_at == dt.time(11, 0)

    assert window.voting.selected() is not None
    assert window.voting.selected().recommendation_id == rec32.id  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_U, CTRL)
    decision = fresh().decision_on(rec32.id)
    assert decision is not None and decision.tally is not None
    assert decision.tally.yes == 12 and decision.tally.is_unanimous

    # Item 4: a named vote (all for except two), then a tie settled by the casting vote.
    press(qtbot, Qt.Key.Key_Down, ALT)
    assert window.meeting.item_id == item4.id
    rec_a, rec_b = stored.recommendations_of(item4.id)
    kaye, quinton = names["J S Kaye"], names["N A Quinton"]
    asker.named_vote = lambda rec, item_id, at: {  # type: ignore[method-assign]
        kaye: VoteOption.NO,
        quinton: VoteOption.ABSTAIN,
    }
    press(qtbot, Qt.Key.Key_U, CTRL | SHIFT)
    decision = fresh().decision_on(rec_a.id)
    assert decision is not None and decision.is_named
    named = dict(decision.named)
    assert guest not in named  # barred by the declaration
    assert named[kaye] is VoteOption.NO and named[quinton] is VoteOption.ABSTAIN
    assert len(named) == 11

    asked: list[tuple[str, int]] = []

    def casting(presiding: str, each: int) -> VoteOption:
        asked.append((presiding, each))
        return VoteOption.YES

    asker.casting_vote = casting  # type: ignore[method-assign]
    assert window.voting.selected().recommendation_id == rec_b.id  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_R, ALT)
    for text in ("5", "5", "1"):
        press(qtbot, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(focused(), text)
        if text != "1":
            press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return)
    assert asked == [("C B Wyatt-Lowe", 5)]
    decision = fresh().decision_on(rec_b.id)
    assert decision is not None
    assert decision.casting_vote is VoteOption.YES
    assert decision.casting_voter_id == names["C B Wyatt-Lowe"]
    assert decision.outcome is Outcome.CARRIED

    # Minutes of item 5, typed.
    press(qtbot, Qt.Key.Key_Down, ALT)
    assert window.meeting.item_id == item5.id
    press(qtbot, Qt.Key.Key_4, CTRL)
    assert focused() is window.minutes.editor
    paragraphs = ["Members received the report.", "The Panel asked for a progress report."]
    for text in paragraphs:
        qtbot.keyClicks(focused(), text)
        press(qtbot, Qt.Key.Key_Return, CTRL)
        assert [p.text for p in fresh().paragraphs_of(item5.id)][-1] == text
    assert [p.text for p in fresh().paragraphs_of(item5.id)] == paragraphs
    assert window.minutes.paragraphs.rows[1].number == "5.2"

    # Undo and redo through the Edit menu's shortcuts.
    press(qtbot, Qt.Key.Key_0, CTRL)  # to the agenda, away from the text editor
    assert window.undo_action.text() == "&Undo Add minute 5.2"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [p.text for p in fresh().paragraphs_of(item5.id)] == paragraphs[:1]
    assert window.redo_action.text() == "&Redo Add minute 5.2"
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert [p.text for p in fresh().paragraphs_of(item5.id)] == paragraphs
    press(qtbot, Qt.Key.Key_Z, CTRL)
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [p.text for p in fresh().paragraphs_of(item5.id)] == paragraphs
    assert window.saved_label.text().startswith("Saved: Redo Add minute 5.2")

    # Close the meeting and approve the minutes; the record locks.
    action = {a.text().replace("&", ""): a for a in window.menuBar().actions()}
    meeting_menu = action["Meeting"].menu()
    assert meeting_menu is not None
    by_text = {a.text().replace("&", ""): a for a in meeting_menu.actions()}
    by_text["Close meeting"].trigger()
    assert fresh().status is MeetingStatus.CLOSED
    asker.approval = lambda presiding, date: Approval(presiding, date)  # type: ignore[method-assign]
    by_text["Approve minutes…"].trigger()
    stored = fresh()
    assert stored.status is MeetingStatus.APPROVED
    assert stored.approved_by == "C B Wyatt-Lowe"
    assert window.header.locked.isVisible()
    assert "Minutes approved" in window.header.locked.text()

    # After approval a change is a correction, with its reason.
    asker.correction_reason = lambda: "Spelling of the provider's name"  # type: ignore[method-assign]
    press(qtbot, Qt.Key.Key_4, CTRL)
    qtbot.keyClicks(focused(), "Correction: the report was presented by Ed Knowles.")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    stored = fresh()
    assert len(stored.paragraphs_of(item5.id)) == 3
    assert [c.reason for c in stored.corrections] == ["Spelling of the provider's name"]


def test_an_over_count_shows_the_rule_in_the_panel_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    window.open_meeting(demo.january_10)
    record = demo.fresh_record(demo.january_10)
    item = record.item_by_number("3")
    window.meeting.set_item(item.id)
    window.tabs.show_panel(window.voting)
    rec = record.recommendations_of(item.id)[0]
    before = record.decision_on(rec.id)
    window.voting.motion_table.select_row(0)
    press(qtbot, Qt.Key.Key_R, ALT)
    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), "20")
    assert "only" in window.voting.check.text()  # the live check warns before saving
    press(qtbot, Qt.Key.Key_Return)
    assert window.voting.error.isVisible()
    assert "votes were entered" in window.voting.error.text()
    assert "Check the counts" in window.voting.error.text()
    assert demo.fresh_record(demo.january_10).decision_on(rec.id) == before
    assert window.saved_label.text() == "Nothing saved yet in this session"

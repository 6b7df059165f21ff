"""The voting panel: its Tab order, and votes on amendments through the services
that count and write in one transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerkdesk.domain.model import AttendanceStatus, Outcome, Role, VoteOption
from clerkdesk.domain.voting import voter_roll
from clerkdesk.export.view import build_minutes_view
from clerkdesk.services.attendance import mark_attendance
from clerkdesk.services.lifecycle import approve_minutes
from clerkdesk.services.votes import add_amendment
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.main_window import MainWindow
from tests.ui.conftest import DemoDb

AT = dt.time(11, 0)
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


@pytest.fixture
def window(qtbot: QtBot, demo: DemoDb, settings_path: Path) -> MainWindow:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(demo.desk, settings, Asker())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def amendment(demo: DemoDb) -> int:
    """Everyone present on 30 January; an amendment moved to item 3's first recommendation."""
    meeting = demo.january_30
    record = demo.fresh_record(meeting)
    for a in record.attendees:
        mark_attendance(demo.desk, meeting, a.person_id, AttendanceStatus.PRESENT)
    rec = record.recommendations_of(record.item_by_number("3").id)[0]
    mover, seconder = (a.person_id for a in record.attendees[:2])
    change = add_amendment(demo.desk, meeting, rec.id, mover, seconder, "Leave out 'ONLY'")
    assert change.new_id is not None
    return change.new_id


def open_item_3(window: MainWindow, demo: DemoDb) -> None:
    record = demo.fresh_record(demo.january_30)
    window.open_meeting(demo.january_30, record.item_by_number("3").id)
    window.header.set_time(AT)
    window.tabs.show_panel(window.voting)


def select_amendment(window: MainWindow, amendment: int) -> None:
    rows = [m.amendment_id for m in window.voting.motions.rows]
    window.voting.motion_table.select_row(rows.index(amendment))


def test_tab_visits_for_against_abstain_then_record_vote(
    qtbot: QtBot, window: MainWindow, demo: DemoDb, amendment: int
) -> None:
    open_item_3(window, demo)
    voting = window.voting
    assert focused() is voting.for_box  # where the first count is typed (issue 14)
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused() is voting.motion_table
    visited = []
    for _ in range(4):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        visited.append(focused())
    assert visited == [
        voting.for_box,
        voting.against_box,
        voting.abstain_box,
        voting.record_button,
    ]
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused() is voting.abstain_box


def test_unanimous_vote_on_an_amendment(
    qtbot: QtBot, window: MainWindow, demo: DemoDb, amendment: int
) -> None:
    open_item_3(window, demo)
    select_amendment(window, amendment)
    qtbot.keyClick(window, Qt.Key.Key_U, CTRL)
    assert not window.voting.error.isVisible(), window.voting.error.text()
    record = demo.fresh_record(demo.january_30)
    decision = record.decision_on_amendment(amendment)
    assert decision is not None and decision.tally is not None
    roll = voter_roll(record, record.item_by_number("3").id, AT)
    assert decision.tally.yes == roll.size > 0 and decision.tally.is_unanimous
    assert decision.taken_at == AT
    # The panel moves on to the recommendation itself, still undecided.
    selected = window.voting.selected()
    assert selected is not None and selected.recommendation_id is not None
    assert record.decision_on(selected.recommendation_id) is None


def test_a_tied_named_vote_on_an_amendment_asks_for_the_casting_vote(
    window: MainWindow, demo: DemoDb, amendment: int
) -> None:
    open_item_3(window, demo)
    record = demo.fresh_record(demo.january_30)
    roll = voter_roll(record, record.item_by_number("3").id, AT)
    half = roll.size // 2
    against = {person: VoteOption.NO for person in roll.eligible[:half]}
    if roll.size % 2:
        against[roll.eligible[half]] = VoteOption.ABSTAIN
    window.asker.named_vote = lambda rec, item_id, at: against  # type: ignore[method-assign]
    asked: list[int] = []

    def casting(presiding: str, each: int) -> VoteOption:
        asked.append(each)
        return VoteOption.NO

    window.asker.casting_vote = casting  # type: ignore[method-assign]
    select_amendment(window, amendment)
    window.voting.named()
    assert not window.voting.error.isVisible(), window.voting.error.text()
    assert asked == [half]
    decision = demo.fresh_record(demo.january_30).decision_on_amendment(amendment)
    assert decision is not None and decision.is_named
    assert decision.casting_vote is VoteOption.NO
    assert decision.outcome is Outcome.LOST


def test_cancelling_the_casting_vote_records_nothing(
    window: MainWindow, demo: DemoDb, amendment: int
) -> None:
    open_item_3(window, demo)
    window.asker.casting_vote = lambda presiding, each: None  # type: ignore[method-assign]
    select_amendment(window, amendment)
    window.voting.for_box.setValue(5)
    window.voting.against_box.setValue(5)
    window.voting.record_counts()
    assert demo.fresh_record(demo.january_30).decision_on_amendment(amendment) is None


def test_an_amendment_can_be_removed_from_the_panel(
    window: MainWindow, demo: DemoDb, amendment: int
) -> None:
    open_item_3(window, demo)
    voting = window.voting
    voting.motion_table.select_row(len(voting.motions.rows) - 1)
    assert not voting.remove_amendment_button.isEnabled()  # a recommendation is selected
    select_amendment(window, amendment)
    assert voting.remove_amendment_button.isEnabled()
    voting.remove_amendment_button.click()
    stored = demo.fresh_record(demo.january_30)
    assert not stored.amendments_of(stored.recommendations_of(stored.item_by_number("3").id)[0].id)
    assert all(m.amendment_id is None for m in voting.motions.rows)


def test_a_vote_on_approved_minutes_is_a_correction_with_its_reason(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    meeting = demo.january_10
    approve_minutes(demo.desk, meeting, "C B Wyatt-Lowe")
    record = demo.fresh_record(meeting)
    item = record.item_by_number("3")
    window.open_meeting(meeting, item.id)
    window.header.set_time(AT)
    window.tabs.show_panel(window.voting)
    reasons = iter([None, "The vote was unanimous; the counts were mistyped"])
    window.asker.correction_reason = lambda: next(reasons)  # type: ignore[method-assign]
    first = record.recommendations_of(item.id)[0]
    window.voting.motion_table.select_row(0)
    qtbot.keyClick(window, Qt.Key.Key_U, CTRL)  # the clerk cancels the reason: nothing
    assert demo.fresh_record(meeting).decision_on(first.id) == record.decision_on(first.id)
    window.voting.motion_table.select_row(0)
    qtbot.keyClick(window, Qt.Key.Key_U, CTRL)
    stored = demo.fresh_record(meeting)
    decision = stored.decision_on(first.id)
    assert decision is not None and decision.tally is not None and decision.tally.is_unanimous
    assert [c.reason for c in stored.corrections] == [
        "The vote was unanimous; the counts were mistyped"
    ]


@pytest.fixture
def chair_and_vice_away(demo: DemoDb) -> list[int]:
    """30 January with everyone present but the Chairman and the Vice-Chairman;
    returns the members who may vote on item 3, in order."""
    meeting = demo.january_30
    record = demo.fresh_record(meeting)
    for a in record.attendees:
        status = (
            AttendanceStatus.APOLOGIES if a.role is not Role.MEMBER else AttendanceStatus.PRESENT
        )
        mark_attendance(demo.desk, meeting, a.person_id, status)
    record = demo.fresh_record(meeting)
    return list(voter_roll(record, record.item_by_number("3").id, AT).eligible)


def test_a_tie_with_neither_chair_nor_vice_asks_who_presides(
    window: MainWindow, demo: DemoDb, chair_and_vice_away: list[int]
) -> None:
    eligible = chair_and_vice_away
    chosen = eligible[2]
    offered: list[list[int]] = []
    asked: list[str] = []

    def presiding(choices: list[tuple[int, str]], each: int) -> int:
        offered.append([person for person, _name in choices])
        return chosen

    def casting(who: str, each: int) -> VoteOption:
        asked.append(who)
        return VoteOption.YES

    window.asker.presiding_member = presiding  # type: ignore[method-assign]
    window.asker.casting_vote = casting  # type: ignore[method-assign]
    open_item_3(window, demo)
    motion = window.voting.selected()
    assert motion is not None and motion.recommendation_id is not None
    half = len(eligible) // 2
    window.voting.for_box.setValue(half)
    window.voting.against_box.setValue(half)
    window.voting.abstain_box.setValue(len(eligible) % 2)
    assert "asked who presides" in window.voting.check.text()
    window.voting.record_counts()
    assert not window.voting.error.isVisible(), window.voting.error.text()
    record = demo.fresh_record(demo.january_30)
    assert offered == [eligible]
    assert asked == [record.name_of(chosen)]
    decision = record.decision_on(motion.recommendation_id)
    assert decision is not None
    assert decision.casting_voter_id == chosen and decision.outcome is Outcome.CARRIED
    view = build_minutes_view(record, confidential=False)
    text = " ".join(block.text for item in view.items for block in item.blocks)
    text = text.replace("\u00a0", " ")  # the name is kept whole by no-break spaces
    assert (
        f"There being an equality of votes, Councillor {record.name_of(chosen)}, presiding, "
        "used their casting vote IN FAVOUR of this recommendation."
    ) in text


def test_not_naming_who_presides_records_nothing(
    window: MainWindow, demo: DemoDb, chair_and_vice_away: list[int]
) -> None:
    window.asker.presiding_member = lambda choices, each: None  # type: ignore[method-assign]
    window.asker.casting_vote = lambda who, each: pytest.fail("asked for the casting vote")  # type: ignore[method-assign]
    open_item_3(window, demo)
    motion = window.voting.selected()
    assert motion is not None and motion.recommendation_id is not None
    half = len(chair_and_vice_away) // 2
    window.voting.for_box.setValue(half)
    window.voting.against_box.setValue(half)
    window.voting.abstain_box.setValue(len(chair_and_vice_away) % 2)
    window.voting.record_counts()
    assert demo.fresh_record(demo.january_30).decision_on(motion.recommendation_id) is None


def test_the_clerk_sets_a_recommendations_sub_points(window: MainWindow, demo: DemoDb) -> None:
    open_item_3(window, demo)
    voting = window.voting
    rows = [m.recommendation_id for m in voting.motions.rows]
    rec = demo.fresh_record(demo.january_30).recommendations_of(
        demo.fresh_record(demo.january_30).item_by_number("3").id
    )[0]
    voting.motion_table.select_row(rows.index(rec.id))
    assert voting.points_button.isEnabled()
    asked = []

    def answer(recommendation: object) -> list[str]:
        asked.append(recommendation)
        return ["For the low needs band", "For the high needs band"]

    window.asker.sub_points = answer  # type: ignore[method-assign]
    voting.points_button.click()
    assert asked == [rec]
    stored = demo.fresh_record(demo.january_30).recommendation(rec.id)
    assert stored.points == ("For the low needs band", "For the high needs band")
    assert window.undo_action.isEnabled()

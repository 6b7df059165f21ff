"""Issue 14, the live meeting: what the window shows is the state of the meeting."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerkdesk.domain.model import VoteOption
from clerkdesk.services import attendance, lifecycle
from clerkdesk.ui import meeting_header
from clerkdesk.ui.import_preview import ImportPreviewDialog
from clerkdesk.ui.main_window import MainWindow
from tests.conftest import SAMPLES, DemoDb
from tests.ui.live import CTRL, everyone_present, focused, ids, open_at_item, press, window

__all__ = ["window"]
PACK = SAMPLES / "herts-acah-panel-2018-01-30-agenda-pack.txt"


def test_an_item_with_no_recommendations_shows_no_counts(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    everyone_present(demo, demo.january_30)
    open_at_item(window, demo.january_30, "3")
    press(qtbot, Qt.Key.Key_2, CTRL)
    for count in ("8", "3", "1"):
        qtbot.keyClicks(focused(), count)
        press(qtbot, Qt.Key.Key_Tab)
    window.voting.record_counts()
    window.meeting.move_item(1)  # item 4, then 5, then 6: no recommendations
    window.meeting.move_item(1)
    window.meeting.move_item(1)
    voting = window.voting
    assert voting.motions.rows == ()
    for box in (voting.for_box, voting.against_box, voting.abstain_box):
        assert box.text() == "", "the previous item's counts are still shown"
        assert not box.isEnabled()
    assert voting.check.text() == ""


def test_the_tied_note_clears_once_the_casting_vote_is_recorded(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    everyone_present(demo, demo.january_30)
    open_at_item(window, demo.january_30, "3")
    window.asker.casting_vote = lambda presiding, each: VoteOption.YES  # type: ignore[method-assign]
    press(qtbot, Qt.Key.Key_2, CTRL)
    qtbot.keyClicks(focused(), "6")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "6")
    assert "will be asked for the casting vote" in window.voting.check.text()
    press(qtbot, Qt.Key.Key_Return)
    window.voting.motion_table.select_row(0)  # back to the motion just decided
    assert window.voting.for_box.value() == 6
    assert "will be asked" not in window.voting.check.text()
    assert "casting vote for, by C B Wyatt-Lowe" in window.voting.check.text()


def test_the_result_reads_casting_vote_for_by_the_chair(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    everyone_present(demo, demo.january_30)
    open_at_item(window, demo.january_30, "3")
    window.asker.casting_vote = lambda presiding, each: VoteOption.NO  # type: ignore[method-assign]
    window.voting.for_box.setValue(5)
    window.voting.against_box.setValue(5)
    window.voting.record_counts()
    assert window.voting.motions.rows[0].result.endswith(
        "; casting vote against, by C B Wyatt-Lowe"
    )


def test_an_old_error_clears_when_the_clerk_moves_on(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    open_at_item(window, demo.january_30, "1")
    press(qtbot, Qt.Key.Key_1, CTRL)
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_D)  # "left": but nobody is marked present yet
    error = window.attendance.error
    assert error.isVisible()
    press(qtbot, Qt.Key.Key_Down)  # another member
    assert not error.isVisible()
    press(qtbot, Qt.Key.Key_D)
    assert error.isVisible()
    window.meeting.move_item(1)  # the next item
    assert not error.isVisible()


def test_attendance_says_left_at_the_time_for_a_member_who_has_left(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    everyone_present(demo, demo.january_30)
    hill = ids(demo.fresh_record(demo.january_30))["F R G Hill"]
    attendance.record_departure(demo.desk, demo.january_30, hill, dt.time(11, 45))
    open_at_item(window, demo.january_30, "3")
    window.header.set_time(dt.time(12, 0))
    model = window.attendance.model
    row = [r.person_id for r in model.rows].index(hill)
    assert model.index(row, 2).data() == "Left 11.45"
    window.header.set_time(dt.time(11, 30))  # before they left: present
    assert model.index(row, 2).data() == "Present"


def test_the_status_bar_tells_the_last_save_by_the_meeting_clock(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    open_at_item(window, demo.january_30, "1")
    window.header.set_time(dt.time(10, 52))
    press(qtbot, Qt.Key.Key_1, CTRL)
    press(qtbot, Qt.Key.Key_P)
    assert window.saved_label.text().endswith("— 10.52")


def test_the_status_bar_says_an_imported_agenda_was_saved(
    qtbot: QtBot, window: MainWindow, demo: DemoDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(window.asker, "open_path", lambda *args, **kwargs: PACK)
    monkeypatch.setattr(window.asker, "info", lambda *args: None)
    # The demo holds this very meeting: the clerk makes a deliberate copy.
    monkeypatch.setattr(window.asker, "same_meeting", lambda message: "copy")

    def save_when_the_preview_shows() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportPreviewDialog) and dialog.isVisible():
            dialog.accept()
        else:
            QTimer.singleShot(50, save_when_the_preview_shows)

    QTimer.singleShot(0, save_when_the_preview_shows)
    window.import_agenda()
    assert window.meeting.record is not None
    assert "Nothing saved" not in window.saved_label.text()
    assert window.saved_label.text().startswith("Saved: agenda imported")


@pytest.mark.parametrize("approved", [False, True])
def test_a_closed_or_approved_meeting_does_not_follow_the_computers_clock(
    qtbot: QtBot,
    window: MainWindow,
    demo: DemoDb,
    monkeypatch: pytest.MonkeyPatch,
    approved: bool,
) -> None:
    if approved:
        lifecycle.approve_minutes(demo.desk, demo.january_10, "C B Wyatt-Lowe")
    window.open_meeting(demo.january_10)  # closed (or approved) on 10 January
    assert not window.header.live.isChecked()
    shown = window.meeting.at
    monkeypatch.setattr(meeting_header, "now_minute", lambda: dt.time(15, 17))
    window.header._tick()  # the computer's clock moves on
    assert window.meeting.at == shown
    window.open_meeting(demo.january_30)  # a draft: follows the time now again
    assert window.header.live.isChecked()
    assert window.meeting.at == dt.time(15, 17)

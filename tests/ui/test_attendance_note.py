"""Issue 14: the clerk adds and edits a note on a member's attendance from the
attendance list, by keyboard; it is undone with Ctrl+Z, and after approval is a
correction with a reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerkdesk.export.view import build_minutes_view
from clerkdesk.services import lifecycle
from clerkdesk.ui.main_window import MainWindow
from tests.conftest import DemoDb
from tests.ui.live import CTRL, focused, open_at_item, press, window

__all__ = ["window"]
NOTE = "attended remotely, not entitled to vote"


def _go_to(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Ctrl+1 to the attendance list, then down it to ``name``, by keyboard."""
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert focused() is window.attendance.table
    press(qtbot, Qt.Key.Key_Home)
    names = [row.name for row in window.attendance.model.rows]
    for _ in range(names.index(name)):
        press(qtbot, Qt.Key.Key_Down)
    selected = window.attendance.selected()
    assert selected is not None and selected.name == name


def _note_of(demo: DemoDb, meeting: int, name: str) -> str | None:
    record = demo.fresh_record(meeting)
    person = next(p.id for p in record.people if p.name == name)
    attendee = record.attendee(person)
    assert attendee is not None
    return attendee.note


def test_n_adds_and_edits_a_note_and_ctrl_z_undoes_it(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    open_at_item(window, demo.january_30, "1")
    asked: list[tuple[str, str]] = []
    answers = iter([NOTE, "left the room for item 6", ""])

    def attendance_note(name: str, note: str) -> str | None:
        asked.append((name, note))
        return next(answers)

    window.asker.attendance_note = attendance_note  # type: ignore[method-assign]
    _go_to(qtbot, window, "T Howard")
    press(qtbot, Qt.Key.Key_N)
    assert asked == [("T Howard", "")]
    assert _note_of(demo, demo.january_30, "T Howard") == NOTE
    row = window.attendance.selected()
    assert row is not None and row.name == "T Howard" and NOTE in row.note  # shown in the list
    press(qtbot, Qt.Key.Key_N)  # the dialog opens on the note as it stands
    assert asked[-1] == ("T Howard", NOTE)
    assert _note_of(demo, demo.january_30, "T Howard") == "left the room for item 6"
    record = demo.fresh_record(demo.january_30)
    notes = build_minutes_view(record, confidential=False).attendance_notes
    assert any("T Howard: left the room for item 6." in n.replace("\u00a0", " ") for n in notes)
    press(qtbot, Qt.Key.Key_N)  # emptied: the note goes
    assert _note_of(demo, demo.january_30, "T Howard") is None
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert _note_of(demo, demo.january_30, "T Howard") == "left the room for item 6"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert _note_of(demo, demo.january_30, "T Howard") == NOTE


def test_after_approval_the_note_is_a_correction_with_a_reason(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    lifecycle.approve_minutes(demo.desk, demo.january_10, "C B Wyatt-Lowe", dt.date(2018, 1, 30))
    open_at_item(window, demo.january_10, "1")
    window.asker.attendance_note = lambda name, note: NOTE  # type: ignore[method-assign]
    window.asker.correction_reason = lambda: "He joined by video"  # type: ignore[method-assign]
    _go_to(qtbot, window, "T Howard")
    press(qtbot, Qt.Key.Key_N)
    record = demo.fresh_record(demo.january_10)
    assert _note_of(demo, demo.january_10, "T Howard") == NOTE
    assert record.corrections[-1].reason == "He joined by video"
    assert "T Howard" in record.corrections[-1].summary

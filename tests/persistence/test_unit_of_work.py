"""What an action changed is derived from what it wrote (docs/write-path.md)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event

from clerkdesk.domain.changes import Area, Change, UndoLabels
from clerkdesk.domain.model import AttendanceStatus
from clerkdesk.persistence.entities import areas_of
from clerkdesk.persistence.records import SECTIONS, Reading, read_record
from clerkdesk.services import attendance, declarations, undo
from clerkdesk.services.context import Desk
from clerkdesk.services.records_io import get_record


def test_an_actions_areas_are_those_of_the_rows_it_wrote(desk: Desk, demo_ids: list[int]) -> None:
    meeting = demo_ids[1]
    record = get_record(desk, meeting)
    member = record.attendees[0].person_id
    marked = attendance.mark_attendance(desk, meeting, member, AttendanceStatus.PRESENT)
    assert marked.areas == Area.ATTENDANCE
    declared = declarations.declare_interest(
        desk, meeting, record.items[0].id, member, "declarable", "Member of the trust board"
    )
    assert declared.areas == Area.DECLARATIONS | Area.VOTES
    undone = undo.undo(desk, meeting)
    assert undone.areas == Area.DECLARATIONS | Area.VOTES
    assert undone.undo is not None and undone.undo.redo_label == declared.label


def test_rows_of_a_table_no_entity_names_redraw_the_whole_record() -> None:
    assert areas_of({"attendee", "organisation"}) == Area.RECORD
    assert areas_of(()) == Area.NONE


def test_a_section_is_read_again_only_if_the_action_wrote_what_it_reads() -> None:
    """After a key press (an attendee's status updated) the attendance is read
    again but the people are not; anything that can change who attends, or
    their title at the meeting, reads them again."""
    people, attendees = SECTIONS["people"], SECTIONS["attendees"]
    key_press = {"attendee": frozenset({"status", "arrived_at"})}
    assert attendees.stale(key_press)
    assert not people.stale(key_press)
    for written in (
        {"attendee": None},  # a row added or removed
        {"attendee": frozenset({"title"})},
        {"attendee": frozenset({"status", "substitute_for_id"})},
        {"person": frozenset({"name"})},
    ):
        assert people.stale(written), written
    assert not people.stale({"decision": None, "audit": None})


def test_the_record_and_undo_labels_an_action_leaves_are_the_files(
    desk: Desk, demo_ids: list[int]
) -> None:
    """Whether or not the people were read again, and the undo labels of a
    journalled action known without asking the journal: after an undo, a new
    action ends the redo list."""
    meeting = demo_ids[1]
    record = get_record(desk, meeting)
    first, second = (a.person_id for a in record.attendees[:2])

    def as_in_the_file(change: Change) -> None:
        with desk.db.reading() as connection:
            fresh = read_record(Reading(connection, meeting))
        assert change.record == fresh
        assert change.undo == undo.undo_state(desk, meeting)

    marked = attendance.mark_attendance(desk, meeting, first, AttendanceStatus.APOLOGIES)
    as_in_the_file(marked)
    undone = undo.undo(desk, meeting)
    as_in_the_file(undone)
    assert undone.undo is not None and undone.undo.redo_label == marked.label
    noted = attendance.set_attendance_note(desk, meeting, second, "Attended remotely")
    as_in_the_file(noted)
    assert noted.undo == UndoLabels(noted.label, None)


def test_an_action_ends_the_redo_list_only_when_an_undo_left_one(
    desk: Desk, demo_ids: list[int]
) -> None:
    """A statement fewer on a key press: the journal's redo list is ended (an
    UPDATE of the journal) only if an undo has left something to redo, which
    the action's first statement says."""
    meeting = demo_ids[1]
    member = get_record(desk, meeting).attendees[0].person_id
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(" ".join(statement.split()).upper())

    def journal_updates(action: Callable[[], Change]) -> int:
        statements.clear()
        action()
        return sum(1 for s in statements if s.startswith("UPDATE JOURNAL"))

    def mark(status: AttendanceStatus) -> Change:
        return attendance.mark_attendance(desk, meeting, member, status)

    event.listen(desk.db.engine, "before_cursor_execute", seen)
    try:
        assert journal_updates(lambda: mark(AttendanceStatus.APOLOGIES)) == 0
        assert journal_updates(lambda: mark(AttendanceStatus.PRESENT)) == 0
        undo.undo(desk, meeting)
        assert undo.undo_state(desk, meeting).redo_label is not None
        assert journal_updates(lambda: mark(AttendanceStatus.ABSENT)) == 1
    finally:
        event.remove(desk.db.engine, "before_cursor_execute", seen)
    assert undo.undo_state(desk, meeting).redo_label is None

"""What an action changed is derived from what it wrote (docs/write-path.md)."""

from __future__ import annotations

from clerkdesk.domain.changes import Area
from clerkdesk.domain.model import AttendanceStatus
from clerkdesk.persistence.entities import areas_of
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

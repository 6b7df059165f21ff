"""Text that is not text is refused the same way on a file and on a server.

A NUL pasted into a minute reached PostgreSQL, which refused it with an error
naming no field, while a SQLite file stored it (found by test_stateful.py).
Every way text reaches the database now refuses such characters first, with
a message naming the field, and nothing is recorded (domain/record_text.py).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from sqlalchemy import select, text

from clerkdesk.domain.errors import InvalidRecordError, RuleViolation
from clerkdesk.domain.model import MeetingStatus
from clerkdesk.domain.record_json import dump_record
from clerkdesk.persistence.schema import CommitteeRow
from clerkdesk.services import agenda_edits, attendance, lifecycle, minutes, records_io, setup
from clerkdesk.services.context import Correction, Desk
from clerkdesk.services.undo import undo_state
from tests.services.helpers import fresh_record

NOT_TEXT = "holds a character that is not text"
WRITTEN = "Cllr Ŵyn Jones’ report 📄 —\n\tsee appendix A.\nAgreed."


def test_a_minute_holding_a_nul_is_refused_and_nothing_is_recorded(
    desk: Desk, demo_ids: list[int]
) -> None:
    meeting = demo_ids[1]
    before = fresh_record(desk, meeting)
    undo_before = undo_state(desk, meeting)
    item = before.ordered_items[0].id
    with pytest.raises(RuleViolation) as refused:
        minutes.add_paragraph(desk, meeting, item, "Apologies were received\x00.")
    assert refused.value.message.startswith(
        f"The minute paragraph's text {NOT_TEXT} (U+0000) after “Apologies were received”."
    )
    assert dump_record(fresh_record(desk, meeting)) == dump_record(before)
    assert undo_state(desk, meeting) == undo_before


def test_text_with_lines_tabs_and_any_language_is_stored_exactly(
    desk: Desk, demo_ids: list[int]
) -> None:
    meeting = demo_ids[1]
    item = fresh_record(desk, meeting).ordered_items[0].id
    made = minutes.add_paragraph(desk, meeting, item, WRITTEN).new_id
    stored = [p.text for p in fresh_record(desk, meeting).paragraphs if p.id == made]
    assert stored == [WRITTEN]


def test_a_changed_title_and_a_substitutes_name_are_checked_before_they_are_looked_up(
    desk: Desk, demo_ids: list[int]
) -> None:
    meeting = demo_ids[1]
    before = fresh_record(desk, meeting)
    item = before.ordered_items[0]
    with pytest.raises(RuleViolation, match=f"^The agenda item's title {NOT_TEXT} \\(U\\+001B\\)"):
        agenda_edits.edit_agenda_item(desk, meeting, item.id, title=f"{item.title}\x1b[0m")
    member = before.attendees[0].person_id
    # The name is looked up (any letter case) before it is made: on a server
    # that lookup would be the statement refused.
    with pytest.raises(RuleViolation, match=f"^The person's name {NOT_TEXT} \\(U\\+0000\\)"):
        attendance.add_substitute(desk, meeting, "Cllr A\x00Substitute", member)
    assert dump_record(fresh_record(desk, meeting)) == dump_record(before)


def test_a_correction_whose_reason_is_not_text_is_refused(desk: Desk, demo_ids: list[int]) -> None:
    meeting = demo_ids[1]
    for status in (MeetingStatus.IN_PROGRESS, MeetingStatus.CLOSED):
        lifecycle.set_status(desk, meeting, status)
    lifecycle.approve_minutes(desk, meeting, "C B Wyatt-Lowe")
    approved = dump_record(fresh_record(desk, meeting))
    item = fresh_record(desk, meeting).ordered_items[0].id
    chair = Correction("Chair's\x00 request", made_by="Elaine Manzi")
    with pytest.raises(RuleViolation, match=f"^The correction's reason {NOT_TEXT} \\(U\\+0000\\)"):
        minutes.add_paragraph(desk, meeting, item, "A corrected minute.", correction=chair)
    assert dump_record(fresh_record(desk, meeting)) == approved


def test_setup_and_a_loaded_record_are_checked_as_actions_are(
    desk: Desk, demo_ids: list[int]
) -> None:
    """What is written outside a clerk's action (a new meeting, a whole record
    loaded) meets the same rule, from the session that writes it."""
    count = len(records_io.list_meetings(desk))
    with desk.db.session() as session:
        committee_id = session.scalars(select(CommitteeRow.id)).one()
    with pytest.raises(RuleViolation, match=f"^The meeting's venue {NOT_TEXT} \\(U\\+0007\\)"):
        setup.create_meeting(desk, committee_id, dt.date(2018, 3, 1), venue="Room 1\x07")
    record = fresh_record(desk, demo_ids[1])
    broken = replace(
        record, items=(replace(record.items[0], title="Minutes\x00"), *record.items[1:])
    )
    with pytest.raises(RuleViolation, match=f"^The agenda item's title {NOT_TEXT} \\(U\\+0000\\)"):
        records_io.load_meeting(desk, broken, as_new_copy=True)
    assert len(records_io.list_meetings(desk)) == count


def test_a_committees_names_are_checked_before_they_are_looked_up(desk: Desk) -> None:
    members = [setup.MemberSpec("Cllr A\x00Jones")]
    for organisation, name, field in (
        ("Dacorum\x00", "Cabinet", "council's name"),
        ("Dacorum", "Cabinet", "person's name"),
    ):
        with (
            pytest.raises(RuleViolation, match=f"^The {field} {NOT_TEXT} \\(U\\+0000\\)"),
            desk.db.session() as session,
        ):
            setup.save_committee(session, organisation, name, 3, members)
    assert records_io.list_meetings(desk) == []
    with desk.db.session() as session:
        assert session.scalars(select(CommitteeRow.id)).all() == []


def test_a_record_file_holding_a_nul_is_refused_where_it_holds_it(
    desk: Desk, demo_ids: list[int]
) -> None:
    dumped = records_io.dump_meeting(desk, demo_ids[1])
    dumped["items"][0]["title"] += "\u0000"
    with pytest.raises(InvalidRecordError, match=r"^The text at items\[0\]\.title holds"):
        records_io.parse_record_text(json.dumps(dumped))


def test_a_row_holding_such_text_from_before_the_rule_can_still_be_changed(
    desk: Desk, demo_ids: list[int]
) -> None:
    """A file written before the rule may hold a control character (a server
    never held a NUL): the clerk can still change the row's other fields, and
    put the text right."""
    meeting = demo_ids[1]
    item = fresh_record(desk, meeting).ordered_items[0]
    with desk.db.session() as session:
        session.execute(
            text("UPDATE agenda_item SET title = :title WHERE id = :id"),
            {"title": "Minutes\x01", "id": item.id},
        )
    agenda_edits.edit_agenda_item(desk, meeting, item.id, number="1A")
    assert fresh_record(desk, meeting).item(item.id).title == "Minutes\x01"
    agenda_edits.edit_agenda_item(desk, meeting, item.id, title="Minutes")
    assert fresh_record(desk, meeting).item(item.id).title == "Minutes"


def test_a_separator_at_either_end_is_stripped_as_whitespace_and_refused_inside(
    desk: Desk, demo_ids: list[int]
) -> None:
    """Python counts the separators U+001C-U+001F as whitespace, so a minute,
    stored stripped, loses one at either end (found by test_stateful.py); one
    inside the text is refused."""
    meeting = demo_ids[1]
    item = fresh_record(desk, meeting).ordered_items[0].id
    made = minutes.add_paragraph(desk, meeting, item, "\x1dAgreed.\x1c").new_id
    assert [p.text for p in fresh_record(desk, meeting).paragraphs if p.id == made] == ["Agreed."]
    with pytest.raises(RuleViolation, match=r"\(U\+001D\) after “Agreed”"):
        minutes.add_paragraph(desk, meeting, item, "Agreed\x1d.")

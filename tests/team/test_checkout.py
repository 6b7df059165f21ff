"""Checking a meeting out of the team's server and back in (issue 18)."""

from __future__ import annotations

import datetime as dt

import pytest

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import AttendanceStatus
from clerkdesk.services import attendance, minutes
from clerkdesk.services.records_io import dump_meeting, get_record
from clerkdesk.services.team import LeaseHeldError, check_in, check_out, held_by
from tests.services.helpers import person_id
from tests.team_fixtures import Team


def test_a_meeting_checked_out_is_recorded_on_the_laptop_and_checked_back_in(team: Team) -> None:
    server, laptop = team.server(), team.laptop()
    before = dump_meeting(team.office, team.jan30)
    done = check_out(server, laptop, team.jan30)
    assert done.meeting_id == team.jan30
    assert dump_meeting(laptop, team.jan30) == before  # the same meeting, under the same id
    with team.office.db.reading() as connection:
        holder = held_by(connection, team.jan30)
    assert holder is not None and holder.holder == "alice"
    record = get_record(laptop, team.jan30)
    for a in record.attendees:
        attendance.mark_attendance(laptop, team.jan30, a.person_id, AttendanceStatus.PRESENT)
    item = record.item_by_number("3")
    minutes.add_paragraph(laptop, team.jan30, item.id, "Members noted the report.")
    attendance.record_departure(
        laptop, team.jan30, person_id(record, "F Guest"), dt.time(11, 5), item.id
    )
    with pytest.raises(RuleViolation, match="checked out to alice"):
        minutes.add_paragraph(team.office, team.jan30, item.id, "Written on the server.")
    recorded = dump_meeting(laptop, team.jan30)
    result = check_in(server, laptop, team.jan30)
    assert not result.already
    assert dump_meeting(team.office, team.jan30) == recorded
    with team.office.db.reading() as connection:
        assert held_by(connection, team.jan30) is None
    with pytest.raises(RuleViolation, match="read-only"):
        minutes.add_paragraph(laptop, team.jan30, item.id, "After the check-in.")
    minutes.add_paragraph(team.office, team.jan30, item.id, "Written on the server.")


def test_a_second_check_out_is_refused_saying_who_holds_it(team: Team) -> None:
    check_out(team.server("alice"), team.laptop("a", "alice"), team.jan30)
    with pytest.raises(LeaseHeldError, match="checked out to alice on .* since"):
        check_out(team.server("bob"), team.laptop("b", "bob"), team.jan30)


def test_a_meeting_checked_out_cannot_be_deleted_from_the_laptop(team: Team) -> None:
    from clerkdesk.services.meeting_register import delete_meeting

    laptop = team.laptop()
    check_out(team.server(), laptop, team.jan30)
    with pytest.raises(RuleViolation, match="is checked out from the server .* check it in"):
        delete_meeting(laptop, team.jan30)
    assert get_record(laptop, team.jan30).meeting_id == team.jan30


def test_the_meeting_checked_out_is_searched_on_the_laptop_and_its_minutes_on_the_server(
    team: Team,
) -> None:
    from clerkdesk.services.lookups import search

    server, laptop = team.server(), team.laptop()
    check_out(server, laptop, team.jan30)
    assert {h.meeting_id for h in search(laptop.db, "integrated plan")} == {team.jan30}
    item = get_record(laptop, team.jan30).item_by_number("3")
    minutes.add_paragraph(laptop, team.jan30, item.id, "Members praised the hydrotherapy pool.")
    assert [h.meeting_id for h in search(laptop.db, "hydrotherapy")] == [team.jan30]
    check_in(server, laptop, team.jan30)
    assert [h.meeting_id for h in search(team.office.db, "hydrotherapy")] == [team.jan30]


def test_the_committees_members_on_the_laptop_are_the_offices_and_read_only(team: Team) -> None:
    from clerkdesk.services.meeting_edits import add_member, remove_member

    laptop = team.laptop()
    check_out(team.server(), laptop, team.jan30)
    before = dump_meeting(laptop, team.jan30)
    guest = person_id(get_record(laptop, team.jan30), "F Guest")
    with pytest.raises(RuleViolation, match="members are the office's"):
        add_member(laptop, team.jan30, "A New Member")
    with pytest.raises(RuleViolation, match="members are the office's"):
        remove_member(laptop, team.jan30, guest)
    assert dump_meeting(laptop, team.jan30) == before
    # on the server, the office changes them (once the meeting is back)
    check_in(team.server(), laptop, team.jan30)
    add_member(team.office, team.jan30, "A New Member")

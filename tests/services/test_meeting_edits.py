"""Correcting a saved meeting's details, quorum and membership."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import AttendanceStatus, Capacity, ChairStyle, MeetingStatus, Role
from clerkdesk.persistence.schema import CommitteeMemberRow, CommitteeRow
from clerkdesk.services import meeting_edits as edits
from clerkdesk.services import undo
from clerkdesk.services.attendance import mark_attendance
from clerkdesk.services.context import Desk
from clerkdesk.services.declarations import declare_interest
from clerkdesk.services.lifecycle import approve_minutes, set_status
from clerkdesk.services.records_io import get_record
from clerkdesk.services.setup import create_meeting
from tests.services.helpers import fresh_record, person_id


@pytest.fixture
def jan30(demo_ids: list[int]) -> int:
    return demo_ids[1]


def committee_members(desk: Desk) -> dict[str, tuple[str, bool]]:
    with desk.db.session() as session:
        from clerkdesk.persistence.schema import PersonRow

        rows = session.execute(
            select(PersonRow.name, CommitteeMemberRow.role, CommitteeMemberRow.voting).join(
                PersonRow, PersonRow.id == CommitteeMemberRow.person_id
            )
        )
        return {name: (role, voting) for name, role, voting in rows}


def test_the_quorum_is_checked_against_the_voting_members(desk: Desk, jan30: int) -> None:
    with pytest.raises(
        RuleViolation,
        match="A quorum of 99 can never be reached: the committee has 12 voting members",
    ):
        edits.edit_meeting(desk, jan30, quorum=99)
    with pytest.raises(RuleViolation, match="at least one"):
        edits.edit_meeting(desk, jan30, quorum=0)
    change = edits.edit_meeting(desk, jan30, quorum=4, venue="  Room 2,  County Hall ")
    assert change.label == "Meeting: venue Room 2, County Hall, quorum 4"
    record = fresh_record(desk, jan30)
    assert (record.quorum, record.venue) == (4, "Room 2, County Hall")
    with desk.db.session() as session:
        assert session.scalars(select(CommitteeRow.quorum)).one() == 4  # the latest meeting
    undo.undo(desk, jan30)
    assert fresh_record(desk, jan30).quorum == 3


def test_an_earlier_meetings_quorum_leaves_the_committees_alone(
    demo_ids: list[int], desk: Desk
) -> None:
    edits.edit_meeting(desk, demo_ids[0], quorum=5)
    with desk.db.session() as session:
        assert session.scalars(select(CommitteeRow.quorum)).one() == 3


def test_date_time_and_chair_title(desk: Desk, jan30: int) -> None:
    edits.edit_meeting(
        desk,
        jan30,
        date=dt.date(2018, 1, 31),
        start_time=dt.time(14, 0),
        chair_style=ChairStyle.CHAIR,
    )
    record = fresh_record(desk, jan30)
    assert (record.date, record.start_time, record.chair_style) == (
        dt.date(2018, 1, 31),
        dt.time(14, 0),
        ChairStyle.CHAIR,
    )
    with pytest.raises(RuleViolation, match="Nothing was changed"):
        edits.edit_meeting(desk, jan30, venue=record.venue or "")


def test_replacing_a_member_applies_from_this_meeting_on(demo_ids: list[int], desk: Desk) -> None:
    jan10, jan30 = demo_ids
    record = get_record(desk, jan30)
    hill = person_id(record, "F R G Hill")
    change = edits.replace_member(desk, jan30, hill, "A  P Newcomer")
    assert change.label == "A P Newcomer replaces F R G Hill on the committee"
    after = fresh_record(desk, jan30)
    newcomer = after.attendee(person_id(after, "A P Newcomer"))
    assert newcomer is not None and newcomer.role is Role.VICE_CHAIR
    assert after.attendee(hill) is None
    assert fresh_record(desk, jan10).attendee(hill) is not None  # earlier minutes unchanged
    assert "F R G Hill" not in committee_members(desk)
    with desk.db.session() as session:
        committee_id = session.scalars(select(CommitteeRow.id)).one()
    later = create_meeting(desk, committee_id, dt.date(2018, 3, 1)).new_id
    assert later is not None
    names = {
        get_record(desk, later).name_of(a.person_id) for a in get_record(desk, later).attendees
    }
    assert "A P Newcomer" in names and "F R G Hill" not in names


def test_replacing_is_undone_and_redone_as_one(desk: Desk, jan30: int) -> None:
    hill = person_id(get_record(desk, jan30), "F R G Hill")
    edits.replace_member(desk, jan30, hill, "A P Newcomer")
    undo.undo(desk, jan30)
    record = fresh_record(desk, jan30)
    assert record.attendee(hill) is not None
    assert "A P Newcomer" not in {record.name_of(a.person_id) for a in record.attendees}
    assert committee_members(desk)["F R G Hill"] == ("vice-chair", True)
    undo.redo(desk, jan30)
    assert fresh_record(desk, jan30).attendee(hill) is None


def test_co_opted_members_and_roles(desk: Desk, jan30: int) -> None:
    change = edits.add_member(desk, jan30, "J Smith", Role.MEMBER, voting=False)
    assert change.label == "J Smith joins the committee (co-opted, non-voting)"
    record = fresh_record(desk, jan30)
    smith = record.attendee(person_id(record, "J Smith"))
    assert smith is not None and smith.capacity is Capacity.MEMBER and not smith.voting
    with pytest.raises(RuleViolation, match="C B Wyatt-Lowe is already the Chairman"):
        edits.change_member(desk, jan30, person_id(record, "T Howard"), Role.CHAIR, True)
    edits.change_member(desk, jan30, person_id(record, "T Howard"), Role.MEMBER, False)
    assert committee_members(desk)["T Howard"] == ("member", False)


def test_a_member_with_something_recorded_stays(desk: Desk, jan30: int) -> None:
    record = get_record(desk, jan30)
    guest = person_id(record, "F Guest")
    mark_attendance(desk, jan30, guest, AttendanceStatus.PRESENT)
    declare_interest(desk, jan30, record.item_by_number("3").id, guest, "dpi", "Owns a home")
    with pytest.raises(RuleViolation, match="declaration of interest"):
        edits.remove_member(desk, jan30, guest)


def test_removing_members_below_the_quorum_is_refused(desk: Desk, jan30: int) -> None:
    edits.edit_meeting(desk, jan30, quorum=12)
    with pytest.raises(RuleViolation, match="Lower the quorum first"):
        edits.remove_member(desk, jan30, person_id(get_record(desk, jan30), "F Guest"))


def test_later_meetings_not_yet_held_follow_a_membership_change(
    demo_ids: list[int], desk: Desk
) -> None:
    """From this meeting on: a later draft follows; a later draft that records
    something about the member, a meeting already held and earlier meetings
    keep their lists."""
    jan10, jan30 = demo_ids
    with desk.db.session() as session:
        committee_id = session.scalars(select(CommitteeRow.id)).one()
    # Saved before the change is made at 30 January (all start from the committee's list).
    march = create_meeting(desk, committee_id, dt.date(2018, 3, 1)).new_id
    april = create_meeting(desk, committee_id, dt.date(2018, 4, 5)).new_id
    may = create_meeting(desk, committee_id, dt.date(2018, 5, 3)).new_id
    assert march is not None and april is not None and may is not None
    hill = person_id(get_record(desk, jan30), "F R G Hill")
    mark_attendance(desk, april, hill, AttendanceStatus.APOLOGIES)  # sent ahead
    set_status(desk, may, MeetingStatus.IN_PROGRESS)  # held: never follows

    change = edits.replace_member(desk, jan30, hill, "A P Newcomer")
    assert change.label == (
        "A P Newcomer replaces F R G Hill on the committee; also at the meeting of 1 March 2018"
    )

    def names(meeting_id: int) -> set[str]:
        record = fresh_record(desk, meeting_id)
        return {record.name_of(a.person_id) for a in record.attendees}

    assert "A P Newcomer" in names(march) and "F R G Hill" not in names(march)
    newcomer = fresh_record(desk, march).attendee(
        person_id(fresh_record(desk, march), "A P Newcomer")
    )
    assert newcomer is not None and newcomer.role is Role.VICE_CHAIR
    assert "F R G Hill" in names(april) and "A P Newcomer" not in names(april)
    assert "F R G Hill" in names(may) and "A P Newcomer" not in names(may)
    assert "F R G Hill" in names(jan10) and "A P Newcomer" not in names(jan10)
    # A meeting has been held since: its list, not this change, is the committee's latest.
    assert "F R G Hill" in committee_members(desk)

    edits.change_member(
        desk, jan30, person_id(fresh_record(desk, jan30), "T Howard"), Role.MEMBER, False
    )
    howard = person_id(fresh_record(desk, march), "T Howard")
    attendee = fresh_record(desk, march).attendee(howard)
    assert attendee is not None and not attendee.voting
    may_howard = fresh_record(desk, may).attendee(howard)
    assert may_howard is not None and may_howard.voting

    edits.add_member(desk, jan30, "J Smith")
    assert "J Smith" in names(march) and "J Smith" in names(april)
    assert "J Smith" not in names(may) and "J Smith" not in names(jan10)

    for _ in range(3):  # each change, later meetings and all, is one undoable action
        undo.undo(desk, jan30)
    assert "F R G Hill" in names(march) and "A P Newcomer" not in names(march)
    attendee = fresh_record(desk, march).attendee(howard)
    assert attendee is not None and attendee.voting
    assert "J Smith" not in names(april)


def test_an_approved_later_meeting_never_changes(demo_ids: list[int], desk: Desk) -> None:
    jan10, jan30 = demo_ids
    with desk.db.session() as session:
        committee_id = session.scalars(select(CommitteeRow.id)).one()
    december = create_meeting(desk, committee_id, dt.date(2017, 12, 6)).new_id
    assert december is not None
    approve_minutes(desk, jan10, "C B Wyatt-Lowe", dt.date(2018, 1, 30))
    approved = fresh_record(desk, jan10).attendees

    change = edits.add_member(desk, december, "J Smith")
    assert change.label == "J Smith joins the committee; also at the meeting of 30 January 2018"
    assert fresh_record(desk, jan10).attendees == approved
    later = fresh_record(desk, jan30)
    assert "J Smith" in {later.name_of(a.person_id) for a in later.attendees}
    assert "J Smith" not in committee_members(desk)  # a meeting was held since December

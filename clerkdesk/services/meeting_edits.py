"""Correcting a saved meeting: its details, quorum and the committee's membership.

Each function is one clerk action (``meeting_action``: one unit of work,
journalled for undo, audited; after approval a correction with its reason).
A membership change applies from this meeting on: this meeting's attendance
list changes, and, when this is the committee's latest meeting, so does the
committee's membership that later meetings start from. Earlier meetings keep
their own attendance rows, so their minutes are unchanged.
"""

from __future__ import annotations

import datetime as dt

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.membership import (
    check_member_change,
    check_member_removal,
    check_quorum_of,
)
from clerkdesk.domain.model import AttendanceStatus, Capacity, ChairStyle, PersonKind, Role
from clerkdesk.persistence.entities import Entity
from clerkdesk.persistence.queries import committee_and_latest
from clerkdesk.services.context import Change, Correction, Desk, UnitOfWork, meeting_action
from clerkdesk.services.setup import normalise_name


def edit_meeting(
    desk: Desk,
    meeting_id: int,
    *,
    date: dt.date | None = None,
    start_time: dt.time | None = None,
    venue: str | None = None,
    quorum: int | None = None,
    chair_style: ChairStyle | None = None,
    correction: Correction | None = None,
) -> Change:
    """Change the meeting's date, start time, venue, quorum or chair's title;
    ``None`` leaves a detail as it is (an empty venue clears it)."""
    with meeting_action(desk, meeting_id, "Edit meeting", correction=correction) as work:
        record = work.record
        values: dict[str, object] = {}
        changed: list[str] = []
        if date is not None and date != record.date:
            values["date"] = date
            changed.append(f"date {date:%d %B %Y}")
        if start_time is not None and start_time != record.start_time:
            values["start_time"] = start_time.replace(second=0, microsecond=0)
            changed.append(f"start {start_time:%H.%M}")
        if venue is not None and (" ".join(venue.split()) or None) != record.venue:
            values["venue"] = " ".join(venue.split()) or None
            changed.append(f"venue {values['venue'] or '(none)'}")
        if quorum is not None and quorum != record.quorum:
            check_quorum_of(record, quorum)
            values["quorum"] = quorum
            committee_id, latest = committee_and_latest(work.connection, meeting_id)
            if latest:
                work.change(Entity.COMMITTEE, committee_id, quorum=quorum)
            changed.append(f"quorum {quorum}")
        if chair_style is not None and chair_style is not record.chair_style:
            values["chair_style"] = ChairStyle(chair_style).value
            changed.append(f"chair's title {chair_style.value}")
        if not changed:
            raise RuleViolation("Nothing was changed in the meeting's details.")
        work.change(Entity.MEETING, meeting_id, **values)
        work.label = "Meeting: " + ", ".join(changed)
    return work.done()


def _committee_member(work: UnitOfWork, person_id: int) -> int | None:
    """The committee's membership row for this person, if this is the committee's
    latest meeting and they are on it."""
    committee_id, latest = committee_and_latest(work.connection, work.meeting_id)
    if not latest:
        return None
    found = work.ids(Entity.COMMITTEE_MEMBER, committee_id=committee_id, person_id=person_id)
    return found[0] if found else None


def _add_member(
    work: UnitOfWork, name: str, role: Role, voting: bool, *, role_given_up: bool = False
) -> int:
    """Add a member to this meeting's list (and the committee's, from now on).

    ``role_given_up``: the member replaced held the role, so no other holder is
    looked for (the record read before the action still shows them).
    """
    clean = normalise_name(name)
    if not clean:
        raise RuleViolation("Enter the new member's name.")
    record = work.record
    if role is Role.CHAIR and not voting:
        raise RuleViolation(f"The {record.chair_style.value} of the committee votes.")
    person = work.person(clean, PersonKind.COUNCILLOR)
    if record.attendee(person.id) is not None:
        raise RuleViolation(
            f"{person.name} is already on this meeting's attendance list; remove them "
            "there first if they are joining the committee."
        )
    holder = next(
        (a for a in record.attendees if a.capacity is Capacity.MEMBER and a.role is role), None
    )
    if role is not Role.MEMBER and holder is not None and not role_given_up:
        title = record.chair_style.role_title(role)
        raise RuleViolation(
            f"{record.name_of(holder.person_id)} is already the {title}. Make them a member first."
        )
    work.add(
        Entity.ATTENDEE,
        meeting_id=work.meeting_id,
        person_id=person.id,
        capacity=Capacity.MEMBER.value,
        role=role.value,
        voting=voting,
        status=AttendanceStatus.ABSENT.value,
        position=work.next_position(Entity.ATTENDEE, meeting_id=work.meeting_id),
    )
    committee_id, latest = committee_and_latest(work.connection, work.meeting_id)
    if latest and _committee_member(work, person.id) is None:
        work.add(
            Entity.COMMITTEE_MEMBER,
            committee_id=committee_id,
            person_id=person.id,
            role=role.value,
            voting=voting,
            position=work.next_position(Entity.COMMITTEE_MEMBER, committee_id=committee_id),
        )
    return person.id


def _remove_member(work: UnitOfWork, person_id: int, *, replaced: bool = False) -> str:
    record = work.record
    check_member_removal(record, person_id, replaced=replaced)
    work.remove(Entity.ATTENDEE, {"meeting_id": work.meeting_id, "person_id": person_id})
    member = _committee_member(work, person_id)
    if member is not None:
        work.remove(Entity.COMMITTEE_MEMBER, member)
    return record.name_of(person_id)


def _what(role: Role, voting: bool, style: ChairStyle) -> str:
    title = style.role_title(role)
    words = [title] if title else []
    if not voting:
        words.append("co-opted, non-voting")
    return f" ({', '.join(words)})" if words else ""


def add_member(
    desk: Desk,
    meeting_id: int,
    name: str,
    role: Role = Role.MEMBER,
    voting: bool = True,
    *,
    correction: Correction | None = None,
) -> Change:
    """A councillor (or a co-opted, non-voting member) joins the committee."""
    with meeting_action(desk, meeting_id, "Add member", correction=correction) as work:
        work.new_id = _add_member(work, name, role, voting)
        person_name = " ".join(name.split())
        work.label = (
            f"{person_name} joins the committee{_what(role, voting, work.record.chair_style)}"
        )
    return work.done()


def remove_member(
    desk: Desk, meeting_id: int, person_id: int, *, correction: Correction | None = None
) -> Change:
    """A member leaves the committee from this meeting on."""
    with meeting_action(desk, meeting_id, "Remove member", correction=correction) as work:
        name = _remove_member(work, person_id)
        work.label = f"{name} leaves the committee"
    return work.done()


def replace_member(
    desk: Desk,
    meeting_id: int,
    person_id: int,
    new_name: str,
    *,
    correction: Correction | None = None,
) -> Change:
    """One member replaced by another, in the same role and with the same vote."""
    with meeting_action(desk, meeting_id, "Replace member", correction=correction) as work:
        record = work.record
        old = record.attendee(person_id)
        if old is None or old.capacity is not Capacity.MEMBER:
            raise RuleViolation(f"{record.name_of(person_id)} is not a member of the committee.")
        name = _remove_member(work, person_id, replaced=True)
        # The role passes to the new member: the checks see the old one gone.
        work.new_id = _add_member(work, new_name, old.role, old.voting, role_given_up=True)
        work.label = f"{' '.join(new_name.split())} replaces {name} on the committee"
    return work.done()


def change_member(
    desk: Desk,
    meeting_id: int,
    person_id: int,
    role: Role,
    voting: bool,
    *,
    correction: Correction | None = None,
) -> Change:
    """A member's role (chair, vice-chair, member) or vote changes from this meeting on."""
    with meeting_action(desk, meeting_id, "Change member", correction=correction) as work:
        record = work.record
        attendee = record.attendee(person_id)
        check_member_change(record, person_id, role, voting)
        assert attendee is not None  # check_member_change refuses a non-member
        if (attendee.role, attendee.voting) == (role, voting):
            raise RuleViolation(f"Nothing was changed for {record.name_of(person_id)}.")
        work.change(
            Entity.ATTENDEE,
            {"meeting_id": meeting_id, "person_id": person_id},
            role=role.value,
            voting=voting,
        )
        member = _committee_member(work, person_id)
        if member is not None:
            work.change(Entity.COMMITTEE_MEMBER, member, role=role.value, voting=voting)
        work.label = (
            f"{record.name_of(person_id)} is now a member{_what(role, voting, record.chair_style)}"
        )
    return work.done()

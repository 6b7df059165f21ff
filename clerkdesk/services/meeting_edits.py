"""Correcting a saved meeting: its details, quorum and the committee's membership.

Each function is one clerk action (``meeting_action``: one unit of work,
journalled for undo, audited; after approval a correction with its reason).
A membership change applies from this meeting on: this meeting's attendance
list changes, and so does that of every later meeting of the committee already
saved but not yet held (a draft that records nothing about the member); when
no later meeting has been held, so does the committee's membership that new
meetings start from. Earlier meetings, and any meeting already under way,
closed or approved, keep their own attendance rows, so their minutes are
unchanged.
"""

from __future__ import annotations

import datetime as dt

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.membership import (
    check_member_change,
    check_member_removal,
    check_quorum_of,
    recorded_about,
)
from clerkdesk.domain.model import (
    AttendanceStatus,
    Capacity,
    ChairStyle,
    MeetingRecord,
    MeetingStatus,
    PersonKind,
    Role,
)
from clerkdesk.persistence.entities import Entity
from clerkdesk.persistence.queries import committee_and_later
from clerkdesk.persistence.records import read_whole_record
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
            committee_id, later = committee_and_later(work.connection, meeting_id)
            if not later:
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


def _defaults_follow(work: UnitOfWork) -> tuple[int, bool]:
    """The meeting's committee, and whether its membership (which new meetings
    start from) follows a change here: unless a later meeting has been held,
    whose list, not this one's, is then the committee's latest."""
    committee_id, later = committee_and_later(work.connection, work.meeting_id)
    return committee_id, all(status == MeetingStatus.DRAFT.value for _, status in later)


def _committee_member(work: UnitOfWork, person_id: int) -> int | None:
    """The committee's membership row for this person, if the committee's
    membership follows this meeting's and they are on it."""
    committee_id, follows = _defaults_follow(work)
    if not follows:
        return None
    found = work.ids(Entity.COMMITTEE_MEMBER, committee_id=committee_id, person_id=person_id)
    return found[0] if found else None


def _later_drafts(work: UnitOfWork) -> list[MeetingRecord]:
    """The later meetings saved but not yet held, as they stand with the
    action's writes so far."""
    _, later = committee_and_later(work.connection, work.meeting_id)
    return [
        read_whole_record(work.transaction, meeting_id)
        for meeting_id, status in later
        if status == MeetingStatus.DRAFT.value
    ]


def _untouched(record: MeetingRecord, person_id: int) -> bool:
    """A later draft may follow a change to this member only if it records
    nothing about them: not even an apology sent ahead."""
    attendee = record.attendee(person_id)
    return (
        attendee is not None
        and attendee.capacity is Capacity.MEMBER
        and attendee.status is AttendanceStatus.ABSENT
        and not recorded_about(record, person_id)
    )


def _follow_removal(work: UnitOfWork, person_id: int, *, replaced: bool) -> list[MeetingRecord]:
    """Take the member off each later draft that records nothing about them
    (and, unless replaced, keeps its quorum without them)."""
    followed = []
    for later in _later_drafts(work):
        if not _untouched(later, person_id):
            continue
        try:
            check_member_removal(later, person_id, replaced=replaced)
        except RuleViolation:
            continue
        work.remove(Entity.ATTENDEE, {"meeting_id": later.meeting_id, "person_id": person_id})
        followed.append(later)
    return followed


def _follow_addition(
    work: UnitOfWork, person_id: int, role: Role, voting: bool, only: set[int] | None = None
) -> list[MeetingRecord]:
    """Put the new member on each later draft (of ``only``, when given) that
    does not list them yet: in the role given when no one there holds it,
    otherwise as a member."""
    followed = []
    for later in _later_drafts(work):
        if later.attendee(person_id) is not None or (
            only is not None and later.meeting_id not in only
        ):
            continue
        held = any(a.capacity is Capacity.MEMBER and a.role is role for a in later.attendees)
        work.add(
            Entity.ATTENDEE,
            meeting_id=later.meeting_id,
            person_id=person_id,
            capacity=Capacity.MEMBER.value,
            role=(Role.MEMBER if role is not Role.MEMBER and held else role).value,
            voting=voting,
            status=AttendanceStatus.ABSENT.value,
            position=work.next_position(Entity.ATTENDEE, meeting_id=later.meeting_id),
        )
        followed.append(later)
    return followed


def _also_at(meetings: list[MeetingRecord]) -> str:
    """The audit label's note of the later meetings that followed."""
    if not meetings:
        return ""
    dates = ", ".join(f"{m.date.day} {m.date:%B %Y}" for m in meetings)
    return f"; also at the meeting{'s' if len(meetings) > 1 else ''} of {dates}"


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
    committee_id, follows = _defaults_follow(work)
    on_committee = work.ids(Entity.COMMITTEE_MEMBER, committee_id=committee_id, person_id=person.id)
    if follows and not on_committee:
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


def _refuse_on_a_checkout(work: UnitOfWork) -> None:
    """A meeting checked out from the council's server brings a read-only copy
    of its committee's members: they are changed on the server, by the office
    (a change here would not be checked in)."""
    if work.checked_out_from is not None:
        raise RuleViolation(
            f"This meeting is checked out from the server {work.checked_out_from}: its "
            "committee's members are the office's, changed there. Record who attends "
            "here instead (a substitute, an officer or another member)."
        )


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
        _refuse_on_a_checkout(work)
        work.new_id = _add_member(work, name, role, voting)
        followed = _follow_addition(work, work.new_id, role, voting)
        person_name = " ".join(name.split())
        work.label = (
            f"{person_name} joins the committee{_what(role, voting, work.record.chair_style)}"
            + _also_at(followed)
        )
    return work.done()


def remove_member(
    desk: Desk, meeting_id: int, person_id: int, *, correction: Correction | None = None
) -> Change:
    """A member leaves the committee from this meeting on."""
    with meeting_action(desk, meeting_id, "Remove member", correction=correction) as work:
        _refuse_on_a_checkout(work)
        name = _remove_member(work, person_id)
        followed = _follow_removal(work, person_id, replaced=False)
        work.label = f"{name} leaves the committee" + _also_at(followed)
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
        _refuse_on_a_checkout(work)
        record = work.record
        old = record.attendee(person_id)
        if old is None or old.capacity is not Capacity.MEMBER:
            raise RuleViolation(f"{record.name_of(person_id)} is not a member of the committee.")
        name = _remove_member(work, person_id, replaced=True)
        # The role passes to the new member: the checks see the old one gone.
        work.new_id = _add_member(work, new_name, old.role, old.voting, role_given_up=True)
        # A later draft that already records something about the old member
        # keeps them, and so is not given the new one as well.
        gone = {m.meeting_id for m in _follow_removal(work, person_id, replaced=True)}
        followed = _follow_addition(work, work.new_id, old.role, old.voting, only=gone)
        work.label = f"{' '.join(new_name.split())} replaces {name} on the committee" + _also_at(
            followed
        )
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
        _refuse_on_a_checkout(work)
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
        followed = []
        for later in _later_drafts(work):
            if not _untouched(later, person_id):
                continue
            try:  # a later draft whose roles differ keeps them
                check_member_change(later, person_id, role, voting)
            except RuleViolation:
                continue
            work.change(
                Entity.ATTENDEE,
                {"meeting_id": later.meeting_id, "person_id": person_id},
                role=role.value,
                voting=voting,
            )
            followed.append(later)
        work.label = (
            f"{record.name_of(person_id)} is now a member{_what(role, voting, record.chair_style)}"
            + _also_at(followed)
        )
    return work.done()

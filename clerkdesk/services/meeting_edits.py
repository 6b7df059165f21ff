"""Correcting a saved meeting: its details, quorum and the committee's membership.

Each function is one clerk action (``meeting_action``: one transaction,
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

from sqlalchemy import select

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
from clerkdesk.persistence.records import get_meeting_row, load_record
from clerkdesk.persistence.schema import (
    AttendeeRow,
    CommitteeMemberRow,
    CommitteeRow,
    MeetingRow,
)
from clerkdesk.services.context import ActionScope, Change, Correction, Desk, meeting_action
from clerkdesk.services.setup import find_or_create_person, next_position

MEETING = frozenset({"meeting", "meetings", "attendance", "votes"})
MEMBERSHIP = frozenset({"attendance", "votes", "declarations"})


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
    with meeting_action(desk, meeting_id, "Edit meeting", correction=correction) as scope:
        record = scope.record
        row = get_meeting_row(scope.session, meeting_id)
        changed: list[str] = []
        if date is not None and date != record.date:
            row.date = date
            changed.append(f"date {date:%d %B %Y}")
        if start_time is not None and start_time != record.start_time:
            row.start_time = start_time.replace(second=0, microsecond=0)
            changed.append(f"start {start_time:%H.%M}")
        if venue is not None and (" ".join(venue.split()) or None) != record.venue:
            row.venue = " ".join(venue.split()) or None
            changed.append(f"venue {row.venue or '(none)'}")
        if quorum is not None and quorum != record.quorum:
            check_quorum_of(record, quorum)
            row.quorum = quorum
            if _is_latest(scope, row):
                scope.session.get_one(CommitteeRow, row.committee_id).quorum = quorum
            changed.append(f"quorum {quorum}")
        if chair_style is not None and chair_style is not record.chair_style:
            row.chair_style = ChairStyle(chair_style).value
            changed.append(f"chair's title {chair_style.value}")
        if not changed:
            raise RuleViolation("Nothing was changed in the meeting's details.")
        scope.label = "Meeting: " + ", ".join(changed)
    return Change(scope.label, meeting_id, MEETING)


def _is_latest(scope: ActionScope, meeting: MeetingRow) -> bool:
    """True if no meeting of the committee comes after this one."""
    later = scope.session.scalar(
        select(MeetingRow.id)
        .where(
            MeetingRow.committee_id == meeting.committee_id,
            MeetingRow.id != meeting.id,
            (MeetingRow.date > meeting.date)
            | ((MeetingRow.date == meeting.date) & (MeetingRow.id > meeting.id)),
        )
        .limit(1)
    )
    return later is None


def _later_meetings(scope: ActionScope) -> list[MeetingRow]:
    """The committee's meetings after this one, in date order."""
    meeting = get_meeting_row(scope.session, scope.meeting_id)
    return list(
        scope.session.scalars(
            select(MeetingRow)
            .where(
                MeetingRow.committee_id == meeting.committee_id,
                MeetingRow.id != meeting.id,
                (MeetingRow.date > meeting.date)
                | ((MeetingRow.date == meeting.date) & (MeetingRow.id > meeting.id)),
            )
            .order_by(MeetingRow.date, MeetingRow.id)
        )
    )


def _defaults_follow(scope: ActionScope) -> bool:
    """The committee's membership follows a change unless a later meeting has
    been held (its list, not this one's, is then the committee's latest)."""
    return all(m.status == MeetingStatus.DRAFT.value for m in _later_meetings(scope))


def _later_drafts(scope: ActionScope) -> list[MeetingRecord]:
    """The later meetings saved but not yet held, as they stand now."""
    scope.session.flush()
    return [
        load_record(scope.transaction, m.id)
        for m in _later_meetings(scope)
        if m.status == MeetingStatus.DRAFT.value
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


def _row_at(scope: ActionScope, meeting_id: int, person_id: int) -> AttendeeRow:
    return scope.session.scalars(
        select(AttendeeRow).where(
            AttendeeRow.meeting_id == meeting_id, AttendeeRow.person_id == person_id
        )
    ).one()


def _follow_removal(scope: ActionScope, person_id: int, *, replaced: bool) -> list[MeetingRecord]:
    """Take the member off each later draft that records nothing about them
    (and, unless replaced, keeps its quorum without them)."""
    followed = []
    for later in _later_drafts(scope):
        if not _untouched(later, person_id):
            continue
        try:
            check_member_removal(later, person_id, replaced=replaced)
        except RuleViolation:
            continue
        scope.session.delete(_row_at(scope, later.meeting_id, person_id))
        followed.append(later)
    return followed


def _follow_addition(
    scope: ActionScope, person_id: int, role: Role, voting: bool, only: set[int] | None = None
) -> list[MeetingRecord]:
    """Put the new member on each later draft (of ``only``, when given) that
    does not list them yet: in the role given when no one there holds it,
    otherwise as a member."""
    followed = []
    for later in _later_drafts(scope):
        if later.attendee(person_id) is not None or (
            only is not None and later.meeting_id not in only
        ):
            continue
        held = any(a.capacity is Capacity.MEMBER and a.role is role for a in later.attendees)
        scope.session.add(
            AttendeeRow(
                meeting_id=later.meeting_id,
                person_id=person_id,
                capacity=Capacity.MEMBER.value,
                role=(Role.MEMBER if role is not Role.MEMBER and held else role).value,
                voting=voting,
                status=AttendanceStatus.ABSENT.value,
                position=next_position(
                    scope.session, AttendeeRow.position, AttendeeRow.meeting_id == later.meeting_id
                ),
            )
        )
        followed.append(later)
    scope.session.flush()
    return followed


def _also_at(meetings: list[MeetingRecord]) -> str:
    """The audit label's note of the later meetings that followed."""
    if not meetings:
        return ""
    dates = ", ".join(f"{m.date.day} {m.date:%B %Y}" for m in meetings)
    return f"; also at the meeting{'s' if len(meetings) > 1 else ''} of {dates}"


def _committee_member(scope: ActionScope, person_id: int) -> CommitteeMemberRow | None:
    meeting = get_meeting_row(scope.session, scope.meeting_id)
    return scope.session.scalars(
        select(CommitteeMemberRow).where(
            CommitteeMemberRow.committee_id == meeting.committee_id,
            CommitteeMemberRow.person_id == person_id,
        )
    ).first()


def _add_member(
    scope: ActionScope, name: str, role: Role, voting: bool, *, role_given_up: bool = False
) -> int:
    """Add a member to this meeting's list (and the committee's, from now on).

    ``role_given_up``: the member replaced held the role, so no other holder is
    looked for (the record read before the action still shows them).
    """
    if not " ".join(name.split()):
        raise RuleViolation("Enter the new member's name.")
    record = scope.record
    if role is Role.CHAIR and not voting:
        raise RuleViolation(f"The {record.chair_style.value} of the committee votes.")
    person = find_or_create_person(scope.session, name, PersonKind.COUNCILLOR)
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
    scope.session.add(
        AttendeeRow(
            meeting_id=scope.meeting_id,
            person_id=person.id,
            capacity=Capacity.MEMBER.value,
            role=role.value,
            voting=voting,
            status=AttendanceStatus.ABSENT.value,
            position=next_position(
                scope.session, AttendeeRow.position, AttendeeRow.meeting_id == scope.meeting_id
            ),
        )
    )
    meeting = get_meeting_row(scope.session, scope.meeting_id)
    if _defaults_follow(scope) and _committee_member(scope, person.id) is None:
        scope.session.add(
            CommitteeMemberRow(
                committee_id=meeting.committee_id,
                person_id=person.id,
                role=role.value,
                voting=voting,
                position=next_position(
                    scope.session,
                    CommitteeMemberRow.position,
                    CommitteeMemberRow.committee_id == meeting.committee_id,
                ),
            )
        )
    scope.session.flush()
    return person.id


def _remove_member(scope: ActionScope, person_id: int, *, replaced: bool = False) -> str:
    record = scope.record
    check_member_removal(record, person_id, replaced=replaced)
    scope.session.delete(_attendee_row(scope, person_id))
    if _defaults_follow(scope):
        member = _committee_member(scope, person_id)
        if member is not None:
            scope.session.delete(member)
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
    with meeting_action(desk, meeting_id, "Add member", correction=correction) as scope:
        scope.new_id = _add_member(scope, name, role, voting)
        followed = _follow_addition(scope, scope.new_id, role, voting)
        person_name = " ".join(name.split())
        scope.label = (
            f"{person_name} joins the committee{_what(role, voting, scope.record.chair_style)}"
            + _also_at(followed)
        )
    return Change(scope.label, meeting_id, MEMBERSHIP, new_id=scope.new_id)


def remove_member(
    desk: Desk, meeting_id: int, person_id: int, *, correction: Correction | None = None
) -> Change:
    """A member leaves the committee from this meeting on."""
    with meeting_action(desk, meeting_id, "Remove member", correction=correction) as scope:
        name = _remove_member(scope, person_id)
        followed = _follow_removal(scope, person_id, replaced=False)
        scope.label = f"{name} leaves the committee" + _also_at(followed)
    return Change(scope.label, meeting_id, MEMBERSHIP)


def replace_member(
    desk: Desk,
    meeting_id: int,
    person_id: int,
    new_name: str,
    *,
    correction: Correction | None = None,
) -> Change:
    """One member replaced by another, in the same role and with the same vote."""
    with meeting_action(desk, meeting_id, "Replace member", correction=correction) as scope:
        record = scope.record
        old = record.attendee(person_id)
        if old is None or old.capacity is not Capacity.MEMBER:
            raise RuleViolation(f"{record.name_of(person_id)} is not a member of the committee.")
        name = _remove_member(scope, person_id, replaced=True)
        scope.session.flush()
        # The role passes to the new member: the checks see the old one gone.
        scope.new_id = _add_member(scope, new_name, old.role, old.voting, role_given_up=True)
        # A later draft that already records something about the old member
        # keeps them, and so is not given the new one as well.
        gone = {m.meeting_id for m in _follow_removal(scope, person_id, replaced=True)}
        followed = _follow_addition(scope, scope.new_id, old.role, old.voting, only=gone)
        scope.label = f"{' '.join(new_name.split())} replaces {name} on the committee" + _also_at(
            followed
        )
    return Change(scope.label, meeting_id, MEMBERSHIP, new_id=scope.new_id)


def _attendee_row(scope: ActionScope, person_id: int) -> AttendeeRow:
    return scope.session.scalars(
        select(AttendeeRow).where(
            AttendeeRow.meeting_id == scope.meeting_id, AttendeeRow.person_id == person_id
        )
    ).one()


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
    with meeting_action(desk, meeting_id, "Change member", correction=correction) as scope:
        record = scope.record
        attendee = record.attendee(person_id)
        check_member_change(record, person_id, role, voting)
        assert attendee is not None  # check_member_change refuses a non-member
        if (attendee.role, attendee.voting) == (role, voting):
            raise RuleViolation(f"Nothing was changed for {record.name_of(person_id)}.")
        row = _attendee_row(scope, person_id)
        row.role, row.voting = role.value, voting
        if _defaults_follow(scope):
            member = _committee_member(scope, person_id)
            if member is not None:
                member.role, member.voting = role.value, voting
        followed = []
        for later in _later_drafts(scope):
            if not _untouched(later, person_id):
                continue
            try:  # a later draft whose roles differ keeps them
                check_member_change(later, person_id, role, voting)
            except RuleViolation:
                continue
            later_row = _row_at(scope, later.meeting_id, person_id)
            later_row.role, later_row.voting = role.value, voting
            followed.append(later)
        scope.label = (
            f"{record.name_of(person_id)} is now a member{_what(role, voting, record.chair_style)}"
            + _also_at(followed)
        )
    return Change(scope.label, meeting_id, MEMBERSHIP)

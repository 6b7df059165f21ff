"""Recording who is in the room: attendance, late arrivals, early departures,
substitutes, other members and officers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from clerkdesk.domain.attendance import check_times, clean_attendance_note
from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.model import AttendanceStatus, Capacity, PersonKind
from clerkdesk.domain.substitution import check_member_may_be_present, check_substitution
from clerkdesk.persistence.schema import AttendeeRow
from clerkdesk.services.context import ActionScope, Change, Correction, Desk, meeting_action
from clerkdesk.services.setup import find_or_create_person, next_position

AREAS = frozenset({"attendance"})


# Built once: constructing the statement cost more than running it.
_ATTENDEE = select(AttendeeRow).where(
    AttendeeRow.meeting_id == bindparam("meeting_id"),
    AttendeeRow.person_id == bindparam("person_id"),
)
_NOT_LISTED = "Person {} is not on this meeting's attendance list."


def _attendee_row(session: Session, meeting_id: int, person_id: int) -> AttendeeRow:
    row = session.scalars(_ATTENDEE, {"meeting_id": meeting_id, "person_id": person_id}).first()
    if row is None:
        raise NotFoundError(_NOT_LISTED.format(person_id))
    return row


def _update_attendee(scope: ActionScope, person_id: int, values: Mapping[str, object]) -> None:
    """Change the person's attendance row, found by meeting and person in the
    same statement that reads it for undo."""
    key = {"meeting_id": scope.meeting_id, "person_id": person_id}
    if scope.rows.update_where("attendee", key, dict(values)) is None:
        raise NotFoundError(_NOT_LISTED.format(person_id))


# Marking attendance, arrivals and departures are repeated all through a
# meeting, so they write through the action's RowWriter rather than the ORM.
_NO_TIMES = {
    "arrived_at": None,
    "departed_at": None,
    "arrived_item_id": None,
    "departed_item_id": None,
}


def mark_attendance(
    desk: Desk,
    meeting_id: int,
    person_id: int,
    status: AttendanceStatus,
    *,
    correction: Correction | None = None,
) -> Change:
    with meeting_action(desk, meeting_id, "", correction=correction) as scope:
        name = scope.record.name_of(person_id)
        scope.label = label = f"Mark {name} {status.value}"
        if status is AttendanceStatus.PRESENT:
            check_member_may_be_present(scope.record, person_id)
        values: dict[str, object] = {"status": status.value}
        if status is not AttendanceStatus.PRESENT:
            values.update(_NO_TIMES)
        _update_attendee(scope, person_id, values)
    return Change(label, meeting_id, AREAS)


def record_arrival(
    desk: Desk,
    meeting_id: int,
    person_id: int,
    at: dt.time,
    item_id: int | None = None,
    *,
    correction: Correction | None = None,
) -> Change:
    """A late arrival: the person is present from ``at``, during ``item_id``."""
    arrived_at = at.replace(second=0, microsecond=0)
    with meeting_action(desk, meeting_id, "arrival", correction=correction) as scope:
        record = scope.record
        name = record.name_of(person_id)
        check_member_may_be_present(record, person_id)
        if item_id is not None:
            record.item(item_id)
        attendee = record.attendee(person_id)
        if attendee is None:
            raise NotFoundError(_NOT_LISTED.format(person_id))
        check_times(replace(attendee, status=AttendanceStatus.PRESENT, arrived_at=arrived_at), name)
        _update_attendee(
            scope,
            person_id,
            {
                "status": AttendanceStatus.PRESENT.value,
                "arrived_at": arrived_at,
                "arrived_item_id": item_id,
            },
        )
        scope.label = f"{name} arrived at {at:%H.%M}"
    return Change(scope.label, meeting_id, AREAS)


def record_departure(
    desk: Desk,
    meeting_id: int,
    person_id: int,
    at: dt.time,
    item_id: int | None = None,
    *,
    correction: Correction | None = None,
) -> Change:
    departed_at = at.replace(second=0, microsecond=0)
    with meeting_action(desk, meeting_id, "departure", correction=correction) as scope:
        record = scope.record
        name = record.name_of(person_id)
        attendee = record.attendee(person_id)
        if attendee is None or attendee.status is not AttendanceStatus.PRESENT:
            raise RuleViolation(f"{name} is not marked present, so cannot leave the meeting.")
        if item_id is not None:
            record.item(item_id)
        check_times(replace(attendee, departed_at=departed_at), name)
        _update_attendee(
            scope, person_id, {"departed_at": departed_at, "departed_item_id": item_id}
        )
        scope.label = f"{name} left at {at:%H.%M}"
    return Change(scope.label, meeting_id, AREAS)


def clear_times(
    desk: Desk, meeting_id: int, person_id: int, *, correction: Correction | None = None
) -> Change:
    """Present for the whole meeting after all (a time entered by mistake)."""
    with meeting_action(desk, meeting_id, "clear times", correction=correction) as scope:
        name = scope.record.name_of(person_id)
        _update_attendee(scope, person_id, _NO_TIMES)
        scope.label = f"Clear {name}'s arrival and departure"
    return Change(scope.label, meeting_id, AREAS)


def add_substitute(
    desk: Desk,
    meeting_id: int,
    substitute_name: str,
    member_id: int,
    *,
    correction: Correction | None = None,
) -> Change:
    with meeting_action(desk, meeting_id, "substitute", correction=correction) as scope:
        person = find_or_create_person(scope.session, substitute_name)
        record = scope.record
        from clerkdesk.domain.model import Person

        if all(p.id != person.id for p in record.people):
            record = replace(record, people=(*record.people, Person(person.id, person.name)))
        check_substitution(record, person.id, member_id)
        existing = record.attendee(person.id)
        if existing is not None:
            row = _attendee_row(scope.session, meeting_id, person.id)
            row.capacity = Capacity.SUBSTITUTE.value
            row.substitute_for_id = member_id
            row.status = AttendanceStatus.PRESENT.value
        else:
            scope.session.add(
                AttendeeRow(
                    meeting_id=meeting_id,
                    person_id=person.id,
                    capacity=Capacity.SUBSTITUTE.value,
                    role="member",
                    voting=True,
                    status=AttendanceStatus.PRESENT.value,
                    substitute_for_id=member_id,
                    position=next_position(
                        scope.session, AttendeeRow.position, AttendeeRow.meeting_id == meeting_id
                    ),
                )
            )
        scope.label = f"{person.name} substitutes for {record.name_of(member_id)}"
        scope.new_id = person.id
    return Change(scope.label, meeting_id, AREAS, new_id=scope.new_id)


def add_attendee(
    desk: Desk,
    meeting_id: int,
    name: str,
    capacity: Capacity,
    title: str | None = None,
    *,
    correction: Correction | None = None,
) -> Change:
    """Another councillor in attendance, or an officer."""
    if capacity not in (Capacity.OTHER_MEMBER, Capacity.OFFICER):
        raise RuleViolation(
            "Add committee members through the committee, and substitutes with 'substitute'."
        )
    kind = PersonKind.OFFICER if capacity is Capacity.OFFICER else PersonKind.COUNCILLOR
    with meeting_action(desk, meeting_id, "attendee", correction=correction) as scope:
        person = find_or_create_person(scope.session, name, kind, title)
        if scope.record.attendee(person.id) is not None:
            raise RuleViolation(f"{person.name} is already on the attendance list.")
        job_title = None
        if kind is PersonKind.OFFICER:
            clean = " ".join(title.split()) if title else ""
            if clean:
                person.title = clean  # the default offered next time; minutes use the row's
            job_title = clean or person.title
        scope.session.add(
            AttendeeRow(
                meeting_id=meeting_id,
                person_id=person.id,
                capacity=capacity.value,
                role="member",
                voting=False,
                status=AttendanceStatus.PRESENT.value,
                position=next_position(
                    scope.session, AttendeeRow.position, AttendeeRow.meeting_id == meeting_id
                ),
                title=job_title,
            )
        )
        scope.new_id = person.id
        scope.label = f"Add {person.name}"
    return Change(scope.label, meeting_id, AREAS, new_id=scope.new_id)


def remove_attendee(
    desk: Desk, meeting_id: int, person_id: int, *, correction: Correction | None = None
) -> Change:
    """Remove a substitute, other member or officer added by mistake."""
    with meeting_action(desk, meeting_id, "remove", correction=correction) as scope:
        attendee = scope.record.attendee(person_id)
        name = scope.record.name_of(person_id)
        if attendee is None:
            raise NotFoundError(f"{name} is not on the attendance list.")
        if attendee.capacity is Capacity.MEMBER:
            raise RuleViolation(
                f"{name} is a member of the committee; mark them absent instead of removing."
            )
        scope.session.delete(_attendee_row(scope.session, meeting_id, person_id))
        scope.label = f"Remove {name}"
    return Change(scope.label, meeting_id, AREAS)


def set_attendance_note(
    desk: Desk,
    meeting_id: int,
    person_id: int,
    note: str,
    *,
    correction: Correction | None = None,
) -> Change:
    """Add, change or (with an empty note) remove the clerk's note on a person's
    attendance, printed in the minutes' attendance notes."""
    with meeting_action(desk, meeting_id, "note", correction=correction) as scope:
        record = scope.record
        attendee = record.attendee(person_id)
        if attendee is None:
            raise NotFoundError(_NOT_LISTED.format(person_id))
        clean = clean_attendance_note(note)
        name = record.name_of(person_id)
        if clean == attendee.note:
            raise RuleViolation(f"The note on {name}'s attendance is unchanged.")
        _update_attendee(scope, person_id, {"note": clean})
        if clean is None:
            scope.label = f"Remove the note on {name}'s attendance"
        else:
            verb = "Add" if attendee.note is None else "Change"
            scope.label = f"{verb} the note on {name}'s attendance: {clean}"
    return Change(scope.label, meeting_id, AREAS)

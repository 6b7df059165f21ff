"""Recording who is in the room: attendance, late arrivals, early departures,
substitutes, other members and officers."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from clerkdesk.domain.attendance import check_times, clean_attendance_note
from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.model import AttendanceStatus, Capacity, PersonKind
from clerkdesk.domain.substitution import check_member_may_be_present, check_substitution
from clerkdesk.persistence.entities import Entity
from clerkdesk.services.context import Change, Correction, Desk, UnitOfWork, meeting_action
from clerkdesk.services.setup import normalise_name

_NOT_LISTED = "Person {} is not on this meeting's attendance list."


def _update_attendee(work: UnitOfWork, person_id: int, **values: object) -> None:
    """Change the person's attendance row, found by meeting and person."""
    if work.record.attendee(person_id) is None:
        raise NotFoundError(_NOT_LISTED.format(person_id))
    work.change(Entity.ATTENDEE, {"meeting_id": work.meeting_id, "person_id": person_id}, **values)


def _name(name: str) -> str:
    clean = normalise_name(name)
    if not clean:
        raise RuleViolation("A person needs a name.")
    return clean


_NO_TIMES: dict[str, object] = {
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
        scope.label = f"Mark {name} {status.value}"
        if status is AttendanceStatus.PRESENT:
            check_member_may_be_present(scope.record, person_id)
        times = {} if status is AttendanceStatus.PRESENT else _NO_TIMES
        _update_attendee(scope, person_id, status=status.value, **times)
    return scope.done()


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
            status=AttendanceStatus.PRESENT.value,
            arrived_at=arrived_at,
            arrived_item_id=item_id,
        )
        scope.label = f"{name} arrived at {at:%H.%M}"
    return scope.done()


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
        _update_attendee(scope, person_id, departed_at=departed_at, departed_item_id=item_id)
        scope.label = f"{name} left at {at:%H.%M}"
    return scope.done()


def clear_times(
    desk: Desk, meeting_id: int, person_id: int, *, correction: Correction | None = None
) -> Change:
    """Present for the whole meeting after all (a time entered by mistake)."""
    with meeting_action(desk, meeting_id, "clear times", correction=correction) as scope:
        name = scope.record.name_of(person_id)
        _update_attendee(scope, person_id, **_NO_TIMES)
        scope.label = f"Clear {name}'s arrival and departure"
    return scope.done()


def add_substitute(
    desk: Desk,
    meeting_id: int,
    substitute_name: str,
    member_id: int,
    *,
    correction: Correction | None = None,
) -> Change:
    with meeting_action(desk, meeting_id, "substitute", correction=correction) as scope:
        person = scope.person(_name(substitute_name), PersonKind.COUNCILLOR)
        record = scope.record
        from clerkdesk.domain.model import Person

        if all(p.id != person.id for p in record.people):
            record = replace(record, people=(*record.people, Person(person.id, person.name)))
        check_substitution(record, person.id, member_id)
        existing = record.attendee(person.id)
        if existing is not None:
            _update_attendee(
                scope,
                person.id,
                capacity=Capacity.SUBSTITUTE.value,
                substitute_for_id=member_id,
                status=AttendanceStatus.PRESENT.value,
            )
        else:
            scope.add(
                Entity.ATTENDEE,
                meeting_id=meeting_id,
                person_id=person.id,
                capacity=Capacity.SUBSTITUTE.value,
                role="member",
                voting=True,
                status=AttendanceStatus.PRESENT.value,
                substitute_for_id=member_id,
                position=scope.next_position(Entity.ATTENDEE, meeting_id=meeting_id),
            )
        scope.label = f"{person.name} substitutes for {record.name_of(member_id)}"
        scope.new_id = person.id
    return scope.done()


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
        clean = " ".join(title.split()) if title else ""
        # An officer's title given here becomes the default offered next time.
        officer = kind is PersonKind.OFFICER
        person = scope.person(
            _name(name), kind, clean or title, replace_title=officer and bool(clean)
        )
        if scope.record.attendee(person.id) is not None:
            raise RuleViolation(f"{person.name} is already on the attendance list.")
        job_title = None
        if officer:
            job_title = clean or person.title  # the minutes use the attendance row's
        scope.add(
            Entity.ATTENDEE,
            meeting_id=meeting_id,
            person_id=person.id,
            capacity=capacity.value,
            role="member",
            voting=False,
            status=AttendanceStatus.PRESENT.value,
            position=scope.next_position(Entity.ATTENDEE, meeting_id=meeting_id),
            title=job_title,
        )
        scope.new_id = person.id
        scope.label = f"Add {person.name}"
    return scope.done()


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
        scope.remove(Entity.ATTENDEE, {"meeting_id": meeting_id, "person_id": person_id})
        scope.label = f"Remove {name}"
    return scope.done()


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
        _update_attendee(scope, person_id, note=clean)
        if clean is None:
            scope.label = f"Remove the note on {name}'s attendance"
        else:
            verb = "Add" if attendee.note is None else "Change"
            scope.label = f"{verb} the note on {name}'s attendance: {clean}"
    return scope.done()

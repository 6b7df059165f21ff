"""Small meeting records built in memory for the domain rules' tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from clerkdesk.domain.interests import DEFAULT_INTEREST_KINDS
from clerkdesk.domain.model import (
    AgendaItem,
    AttendanceStatus,
    Attendee,
    Capacity,
    Declaration,
    MeetingRecord,
    Person,
    Recommendation,
    Role,
)

ITEM = 100
REC = 200


def meeting(
    members: int = 6,
    quorum: int = 3,
    present: int | None = None,
    *,
    co_opted: int = 0,
) -> MeetingRecord:
    """A committee of ``members`` (the first is chair, the second vice-chair)."""
    present = members if present is None else present
    people = [Person(n, f"Member {n}") for n in range(1, members + co_opted + 1)]
    attendees = []
    for n in range(1, members + co_opted + 1):
        role = Role.CHAIR if n == 1 else Role.VICE_CHAIR if n == 2 else Role.MEMBER
        attendees.append(
            Attendee(
                person_id=n,
                capacity=Capacity.MEMBER,
                role=role,
                voting=n <= members,
                status=AttendanceStatus.PRESENT if n <= present else AttendanceStatus.APOLOGIES,
            )
        )
    return MeetingRecord(
        meeting_id=1,
        organisation="Test Council",
        committee="Test Committee",
        quorum=quorum,
        date=dt.date(2025, 3, 12),
        start_time=dt.time(19, 0),
        people=tuple(people),
        attendees=tuple(attendees),
        interest_kinds=DEFAULT_INTEREST_KINDS,
        items=(AgendaItem(ITEM, "4", "Planning application", 0),),
        recommendations=(Recommendation(REC, ITEM, "Approve the application", 0, "(a)"),),
    )


def with_attendee(record: MeetingRecord, person_id: int, **changes: object) -> MeetingRecord:
    attendees = tuple(
        replace(a, **changes) if a.person_id == person_id else a  # type: ignore[arg-type]
        for a in record.attendees
    )
    return replace(record, attendees=attendees)


def with_person(record: MeetingRecord, attendee: Attendee, name: str) -> MeetingRecord:
    return replace(
        record,
        people=(*record.people, Person(attendee.person_id, name)),
        attendees=(*record.attendees, attendee),
    )


def with_declaration(
    record: MeetingRecord, person_id: int, kind: str, **changes: object
) -> MeetingRecord:
    declaration = Declaration(
        id=900 + len(record.declarations),
        item_id=ITEM,
        person_id=person_id,
        kind=kind,
        nature="Owns land next to the site",
    )
    declaration = replace(declaration, **changes)  # type: ignore[arg-type]
    return replace(record, declarations=(*record.declarations, declaration))

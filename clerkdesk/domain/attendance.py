"""Who is in the room at a given moment, and whether the meeting is quorate.

A moment is a time of day on the meeting's date. ``None`` means "no time
recorded": a person is then in the room if marked present, whatever their
arrival or departure time, which is what a clerk means when no times are given.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import (
    AttendanceStatus,
    Attendee,
    Capacity,
    MeetingRecord,
    Role,
)


def in_room(attendee: Attendee, at: dt.time | None) -> bool:
    if attendee.status is not AttendanceStatus.PRESENT:
        return False
    if at is None:
        return True
    if attendee.arrived_at is not None and at < attendee.arrived_at:
        return False
    return not (attendee.departed_at is not None and at >= attendee.departed_at)


def counts_for_quorum(attendee: Attendee) -> bool:
    """Voting members and the substitutes who stand in for them."""
    if attendee.capacity is Capacity.MEMBER:
        return attendee.voting
    return attendee.capacity is Capacity.SUBSTITUTE


_NOBODY: frozenset[int] = frozenset()


def _withdrawn(record: MeetingRecord, item_id: int) -> frozenset[int]:
    def compute() -> frozenset[int]:
        left = {d.person_id for d in record.declarations_for(item_id) if d.left_room}
        return frozenset(left | set(barring(record, item_id)))

    if not record.declarations:
        record.item(item_id)  # an item not in the record is refused, as below
        return _NOBODY
    return record.derived(("withdrawn", item_id), compute)


@dataclass(frozen=True, slots=True)
class QuorumStatus:
    present: int
    required: int

    @property
    def quorate(self) -> bool:
        return self.present >= self.required

    def describe(self) -> str:
        state = "quorate" if self.quorate else "INQUORATE"
        return f"{self.present} voting members present, quorum {self.required}: {state}"


def quorum_at(
    record: MeetingRecord, at: dt.time | None, item_id: int | None = None
) -> QuorumStatus:
    away = _withdrawn(record, item_id) if item_id is not None else _NOBODY

    def compute() -> QuorumStatus:
        counted = _counted_at(record, at)
        present = sum(1 for p in counted if p not in away) if away else len(counted)
        return QuorumStatus(present=present, required=record.quorum)

    # An item nobody withdrew from has the room's own count: worked out once
    # for the room, not again for every item (a whole record asks for each).
    return record.derived(("quorum", same_room(record, at), item_id if away else None), compute)


def _counted_at(record: MeetingRecord, at: dt.time | None) -> tuple[int, ...]:
    """Who counts for the quorum and is in the room at ``at``, before any interest:
    the same for every item and every moment between two arrivals or departures,
    so worked out once for each such stretch."""

    def compute() -> tuple[int, ...]:
        return tuple(a.person_id for a in in_room_at(record, at) if counts_for_quorum(a))

    return record.derived(("counted for quorum", same_room(record, at)), compute)


def in_room_at(record: MeetingRecord, at: dt.time | None) -> tuple[Attendee, ...]:
    """Everyone in the room at ``at``, in attendance order; worked out once for
    each stretch between arrivals and departures."""

    def compute() -> tuple[Attendee, ...]:
        present = AttendanceStatus.PRESENT
        if at is None:
            return tuple(a for a in record.attendees if a.status is present)
        return tuple(a for a in record.attendees if a.status is present and in_room(a, at))

    return record.derived(("in the room", same_room(record, at)), compute)


def same_room(record: MeetingRecord, at: dt.time | None) -> int | None:
    """A key shared by every moment at which exactly the same people are in the room.

    Who is in the room changes only at an arrival or a departure, so two moments
    with the same number of such times at or before them see the same room. None
    (no time given: everyone marked present) is its own key.
    """
    if at is None:
        return None
    times = record.derived(("change times",), lambda: tuple(change_times(record)))
    return bisect.bisect_right(times, at)


def change_times(record: MeetingRecord) -> list[dt.time]:
    """Every moment at which someone arrived or left, in order."""
    times = {a.arrived_at for a in record.attendees if a.arrived_at is not None}
    times |= {a.departed_at for a in record.attendees if a.departed_at is not None}
    return sorted(times)


def require_quorum(record: MeetingRecord, at: dt.time | None, item_id: int | None) -> None:
    status = quorum_at(record, at, item_id)
    if not status.quorate:
        when = f" at {at:%H.%M}" if at is not None else ""
        raise RuleViolation(
            f"The meeting is inquorate{when}: {status.present} voting members present, "
            f"quorum {status.required}. A vote taken now would be invalid; wait for members "
            "to return or adjourn the item."
        )


def barring(record: MeetingRecord, item_id: int) -> Mapping[int, str]:
    """Members who may not vote on an item because of an interest, and why; worked out
    once per record."""

    def compute() -> Mapping[int, str]:
        item = record.item(item_id)
        barred: dict[int, str] = {}
        for declaration in record.declarations_for(item_id):
            kind = record.interest_kind(declaration.kind)
            if not kind.may_vote and not declaration.dispensation:
                barred[declaration.person_id] = (
                    f"declared {kind.with_article} in item {item.number} with no dispensation"
                )
            elif declaration.left_room:
                barred[declaration.person_id] = f"left the room for item {item.number}"
        return MappingProxyType(barred)

    if not record.declarations:
        record.item(item_id)  # an item not in the record is refused, as above
        return _NO_BAR
    return record.derived(("barred", item_id), compute)


_NO_BAR: Mapping[int, str] = MappingProxyType({})


def presiding_member(
    record: MeetingRecord, at: dt.time | None, item_id: int | None = None
) -> int | None:
    """The chair if in the room, otherwise the vice-chair, otherwise nobody.

    For an item, a chair barred by an interest in it (or who left the room for
    it) does not preside over it, so neither gives its casting vote.
    """

    def compute() -> int | None:
        away = barring(record, item_id) if item_id is not None else {}
        for role in (Role.CHAIR, Role.VICE_CHAIR):
            for a in record.attendees:
                if (
                    a.capacity is Capacity.MEMBER
                    and a.role is role
                    and in_room(a, at)
                    and a.person_id not in away
                ):
                    return a.person_id
        return None

    return record.derived(("presiding", same_room(record, at), item_id), compute)


def check_times(attendee: Attendee, name: str) -> None:
    if (
        attendee.arrived_at is not None
        and attendee.departed_at is not None
        and attendee.departed_at <= attendee.arrived_at
    ):
        raise RuleViolation(
            f"{name} cannot leave at {attendee.departed_at:%H.%M} before arriving at "
            f"{attendee.arrived_at:%H.%M}. Check the two times."
        )
    if attendee.status is not AttendanceStatus.PRESENT and (
        attendee.arrived_at is not None or attendee.departed_at is not None
    ):
        raise RuleViolation(
            f"{name} is recorded as {attendee.status.value}, so cannot have arrival or "
            "departure times. Mark them present first."
        )


# A note is a sentence or two in the minutes, not a report.
NOTE_LIMIT = 300


def clean_attendance_note(note: str) -> str | None:
    """The clerk's note on a person's attendance, as the minutes will print it
    (spaces and line breaks as one space); None when it is empty, which removes it."""
    clean = " ".join(note.split())
    if len(clean) > NOTE_LIMIT:
        raise RuleViolation(
            f"The note is {len(clean)} characters long; the minutes take at most "
            f"{NOTE_LIMIT}. Shorten it, or record the detail in the item's minutes."
        )
    return clean or None

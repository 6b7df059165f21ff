"""Rules about the record as a whole: locking after approval, declarations,
status changes, and the check a whole record must pass before it is loaded."""

from __future__ import annotations

import operator
from dataclasses import replace

from clerkdesk.domain.attendance import check_times, counts_for_quorum, in_room
from clerkdesk.domain.errors import RecordLockedError, RuleViolation
from clerkdesk.domain.model import (
    Capacity,
    Decision,
    Declaration,
    MeetingRecord,
    MeetingStatus,
)
from clerkdesk.domain.substitution import check_substitution

NEXT_STATUS = {
    MeetingStatus.DRAFT: (MeetingStatus.IN_PROGRESS,),
    MeetingStatus.IN_PROGRESS: (MeetingStatus.CLOSED, MeetingStatus.DRAFT),
    MeetingStatus.CLOSED: (MeetingStatus.APPROVED, MeetingStatus.IN_PROGRESS),
    MeetingStatus.APPROVED: (),
}


def ensure_editable(record: MeetingRecord, correcting: bool = False) -> None:
    if record.is_locked and not correcting:
        raise RecordLockedError(
            f"The minutes of {record.committee} on {record.date:%d %B %Y} were approved"
            + (f" by {record.approved_by}" if record.approved_by else "")
            + ". The record is locked: make the change as a correction, giving the reason."
        )


def check_status_change(record: MeetingRecord, new: MeetingStatus) -> None:
    if new not in NEXT_STATUS[record.status]:
        raise RuleViolation(
            f"A meeting that is {record.status.value} cannot become {new.value}."
            + (
                " Close the meeting before approving its minutes."
                if new is MeetingStatus.APPROVED
                else ""
            )
        )


def check_declaration(record: MeetingRecord, declaration: Declaration) -> None:
    name = record.name_of(declaration.person_id)
    attendee = record.attendee(declaration.person_id)
    if attendee is None or attendee.capacity is Capacity.OFFICER:
        raise RuleViolation(
            f"{name} is not a councillor attending this meeting, so cannot declare an "
            "interest here. Add them to the attendance first."
        )
    kind = record.interest_kind(declaration.kind)
    record.item(declaration.item_id)
    if not declaration.nature.strip() and not declaration.sensitive and kind.shows_nature:
        raise RuleViolation(
            f"Record the nature of {name}'s {kind.label.lower()}, or mark it sensitive "
            "(a sensitive interest is declared without its nature)."
        )
    for other in record.declarations_for(declaration.item_id):
        if (
            other.person_id == declaration.person_id
            and other.id != declaration.id
            and (other.kind == declaration.kind)
        ):
            raise RuleViolation(
                f"{name} has already declared {kind.with_article} in this item; "
                "edit that declaration instead."
            )


def validate_record(record: MeetingRecord) -> None:
    """Check every rule over a whole record; raise on the first broken one."""
    if record.quorum < 1:
        raise RuleViolation("The quorum must be at least one member.")
    numbers = [i.number.lower() for i in record.items]
    if len(numbers) != len(set(numbers)):
        raise RuleViolation("Two agenda items have the same number; each number must be unique.")
    seen: set[int] = set()
    for a in record.attendees:
        person = record.person(a.person_id)  # refuses a person not in the record
        if a.person_id in seen:
            raise RuleViolation(f"{person.name} is listed twice in the attendance.")
        seen.add(a.person_id)
        if a.arrived_at is not None or a.departed_at is not None:  # else no time to check
            check_times(a, person.name)
    for a in record.attendees:
        if a.capacity is Capacity.SUBSTITUTE:
            if a.substitute_for is None:
                raise RuleViolation(
                    f"{record.name_of(a.person_id)} is a substitute but replaces nobody."
                )
            others = replace(record, attendees=tuple(x for x in record.attendees if x is not a))
            check_substitution(others, a.person_id, a.substitute_for)
    for declaration in record.declarations:
        check_declaration(record, declaration)
    _validate_decisions(record)


# The sections an attendance change leaves as they were (MeetingRecord fields),
# read all at once.
_NOT_ATTENDANCE = operator.attrgetter(
    *(
        name
        for name in MeetingRecord.__dataclass_fields__
        if name not in ("attendees", "_index", "_derived")
    )
)


def validate_attendance_change(before: MeetingRecord, after: MeetingRecord) -> None:
    """Check ``after`` against every rule, given that ``before`` kept them all and
    that the two differ only in attendance rows changed in place (a member
    marked, arriving or leaving). Raises exactly when ``validate_record(after)``
    would (tests/domain/test_incremental_checks.py compares the two).

    Only what such a change can affect is checked again: the changed rows'
    times, and every vote at whose moment a changed member's being in the room
    is not what it was (who counts for the quorum, who may vote and who
    presides all follow from that, the member's capacity, role and vote being
    unchanged). A change to anything else (a substitution, a role, a capacity,
    another section) is checked over the whole record. Recording one arrival
    with every vote checked again was most of the action's work, and grew with
    every vote of the meeting (docs/benchmarks.md).
    """
    if len(before.attendees) != len(after.attendees) or any(
        was is not now and was != now
        for was, now in zip(_NOT_ATTENDANCE(before), _NOT_ATTENDANCE(after), strict=True)
    ):
        validate_record(after)
        return
    # A record patched after a write shares every row it did not change.
    changed = [
        (old, new)
        for old, new in zip(before.attendees, after.attendees, strict=True)
        if old is not new and old != new
    ]
    if not changed:
        return
    substituted = {a.substitute_for for a in after.attendees if a.capacity is Capacity.SUBSTITUTE}
    for old, new in changed:
        if (
            old.person_id != new.person_id
            or old.capacity is not new.capacity
            or old.role is not new.role
            or old.voting != new.voting
            or old.substitute_for != new.substitute_for
            or new.capacity is Capacity.SUBSTITUTE
            or new.person_id in substituted
        ):
            validate_record(after)
            return
    for _old, new in changed:
        if new.arrived_at is not None or new.departed_at is not None:
            check_times(new, after.name_of(new.person_id))
    for decision in after.decisions:
        at = decision.taken_at
        if any(in_room(old, at) != in_room(new, at) for old, new in changed):
            _check_decision(after, decision)


def _validate_decisions(record: MeetingRecord) -> None:
    motions: set[tuple[int | None, int | None]] = set()
    for d in record.decisions:
        key = (d.recommendation_id, d.amendment_id)
        if key in motions:
            raise RuleViolation("A recommendation or amendment has two decisions recorded.")
        motions.add(key)
        _check_decision(record, d)
    for amendment in record.amendments:
        for person_id in (amendment.mover_id, amendment.seconder_id):
            attendee = record.attendee(person_id)
            if attendee is None or attendee.capacity not in (Capacity.MEMBER, Capacity.SUBSTITUTE):
                raise RuleViolation(
                    f"{record.name_of(person_id)} is not a member or substitute at this "
                    "meeting, so cannot move or second an amendment."
                )
        if amendment.mover_id == amendment.seconder_id:
            raise RuleViolation("An amendment needs a mover and a different seconder.")


def _check_decision(record: MeetingRecord, decision: Decision) -> None:
    from clerkdesk.domain.voting import recorded_outcome

    if recorded_outcome(record, decision) is not decision.outcome:
        raise RuleViolation("A recorded outcome does not follow from its votes.")


def members_in_room(record: MeetingRecord) -> int:
    return sum(1 for a in record.attendees if counts_for_quorum(a) and in_room(a, None))

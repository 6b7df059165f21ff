"""Rules about the record as a whole: locking after approval, declarations,
status changes, and the check a whole record must pass before it is loaded."""

from __future__ import annotations

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
from clerkdesk.domain.voting import recorded_outcome

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


def _validate_decisions(record: MeetingRecord) -> None:
    motions: set[tuple[int | None, int | None]] = set()
    for d in record.decisions:
        key = (d.recommendation_id, d.amendment_id)
        if key in motions:
            raise RuleViolation("A recommendation or amendment has two decisions recorded.")
        motions.add(key)
        _check_decision(record, d)
    for amendment in record.amendments:
        check_amendment(record, amendment.mover_id, amendment.seconder_id)


def check_amendment(record: MeetingRecord, mover_id: int, seconder_id: int) -> None:
    """An amendment is moved and seconded by two different members or substitutes
    at the meeting."""
    for person_id, role in ((mover_id, "move"), (seconder_id, "second")):
        attendee = record.attendee(person_id)
        if attendee is None or attendee.capacity not in (Capacity.MEMBER, Capacity.SUBSTITUTE):
            raise RuleViolation(
                f"{record.name_of(person_id)} is not a member or substitute at this "
                f"meeting, so cannot {role} an amendment."
            )
    if mover_id == seconder_id:
        raise RuleViolation("An amendment must be seconded by someone other than its mover.")


def _check_decision(record: MeetingRecord, decision: Decision) -> None:
    if recorded_outcome(record, decision) is not decision.outcome:
        raise RuleViolation("A recorded outcome does not follow from its votes.")


def members_in_room(record: MeetingRecord) -> int:
    return sum(1 for a in record.attendees if counts_for_quorum(a) and in_room(a, None))

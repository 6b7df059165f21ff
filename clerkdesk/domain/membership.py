"""The committee's membership at a meeting, and the quorum it is held under.

Pure rules: the services ask them before writing, so a quorum no meeting of
the committee could ever reach (99 for a panel of 12), or a membership change
that would unmake something already recorded, is refused in plain words.
"""

from __future__ import annotations

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import Attendee, Capacity, MeetingRecord, Role


def voting_members(record: MeetingRecord) -> int:
    """The committee's voting members at this meeting (substitutes stand in for
    them, so are not counted again)."""
    return sum(1 for a in record.attendees if a.capacity is Capacity.MEMBER and a.voting)


def check_quorum(quorum: int, voting: int) -> None:
    """A quorum is at least one member and at most the voting membership."""
    if quorum < 1:
        raise RuleViolation("The quorum must be at least one member.")
    if quorum > voting:
        raise RuleViolation(
            f"A quorum of {quorum} can never be reached: the committee has "
            f"{voting} voting member{'' if voting == 1 else 's'}. Enter a number "
            f"from 1 to {voting}."
        )


def check_quorum_of(record: MeetingRecord, quorum: int) -> None:
    check_quorum(quorum, voting_members(record))


def _member(record: MeetingRecord, person_id: int) -> Attendee:
    attendee = record.attendee(person_id)
    if attendee is None or attendee.capacity is not Capacity.MEMBER:
        raise RuleViolation(f"{record.name_of(person_id)} is not a member of the committee.")
    return attendee


def recorded_about(record: MeetingRecord, person_id: int) -> list[str]:
    """What this meeting has recorded about a person, in words (empty if nothing)."""
    found: list[str] = []
    attendee = record.attendee(person_id)
    if attendee is not None and (attendee.arrived_at or attendee.departed_at):
        found.append("an arrival or departure time")
    if any(d.person_id == person_id for d in record.declarations):
        found.append("a declaration of interest")
    if any(a.substitute_for == person_id for a in record.attendees):
        found.append("a substitute in their place")
    if any(person_id in (m.mover_id, m.seconder_id) for m in record.amendments):
        found.append("an amendment they moved or seconded")
    if any(
        person_id == d.casting_voter_id or any(p == person_id for p, _ in d.named)
        for d in record.decisions
    ):
        found.append("a vote")
    return found


def check_member_removal(record: MeetingRecord, person_id: int, *, replaced: bool = False) -> None:
    """A member leaves the committee from this meeting on: refused while the
    meeting records something about them, or (unless someone replaces them) if
    the quorum could no longer be reached."""
    attendee = _member(record, person_id)
    name = record.name_of(person_id)
    recorded = recorded_about(record, person_id)
    if recorded:
        raise RuleViolation(
            f"{name} cannot be taken off the committee at this meeting: the meeting records "
            f"{', '.join(recorded)}. Remove those first, or mark {name} absent instead."
        )
    if attendee.voting and not replaced:
        check_quorum_after_change(record, voting_members(record) - 1)


def check_quorum_after_change(record: MeetingRecord, voting: int) -> None:
    if record.quorum > voting:
        raise RuleViolation(
            f"The committee would have {voting} voting member{'' if voting == 1 else 's'}, "
            f"fewer than its quorum of {record.quorum}. Lower the quorum first."
        )


def check_member_change(record: MeetingRecord, person_id: int, role: Role, voting: bool) -> None:
    """A member's role or vote changes from this meeting on."""
    attendee = _member(record, person_id)
    name = record.name_of(person_id)
    if role is not Role.MEMBER:
        holder = next(
            (
                a
                for a in record.attendees
                if a.capacity is Capacity.MEMBER and a.role is role and a.person_id != person_id
            ),
            None,
        )
        if holder is not None:
            title = record.chair_style.role_title(role)
            raise RuleViolation(
                f"{record.name_of(holder.person_id)} is already the {title}. Make them a "
                f"member first, then make {name} the {title}."
            )
    if not voting and role is Role.CHAIR:
        raise RuleViolation(f"The {record.chair_style.value} of the committee votes.")
    if attendee.voting and not voting:
        # A vote already counted with them is checked again over the whole record
        # once the change is written (services/context.py).
        check_quorum_after_change(record, voting_members(record) - 1)

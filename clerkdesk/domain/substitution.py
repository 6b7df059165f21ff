"""The rules for substitutes: one stand-in for one absent voting member."""

from __future__ import annotations

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import AttendanceStatus, Capacity, MeetingRecord


def check_substitution(record: MeetingRecord, substitute_id: int, member_id: int) -> None:
    """Raise unless ``substitute_id`` may stand in for ``member_id``."""
    substitute = record.name_of(substitute_id)
    member = record.name_of(member_id)
    if substitute_id == member_id:
        raise RuleViolation(f"{member} cannot substitute for themselves.")
    replaced = record.attendee(member_id)
    if replaced is None or replaced.capacity is not Capacity.MEMBER:
        raise RuleViolation(
            f"{member} is not a member of {record.committee}, so nobody can substitute for them."
        )
    if not replaced.voting:
        raise RuleViolation(
            f"{member} is a non-voting co-opted member; a substitute can only replace a "
            "voting member."
        )
    if replaced.status is AttendanceStatus.PRESENT:
        raise RuleViolation(
            f"{member} is marked present, so {substitute} cannot substitute for them. "
            f"Mark {member} as apologies or absent first."
        )
    for other in record.attendees:
        if other.capacity is not Capacity.SUBSTITUTE or other.person_id == substitute_id:
            continue
        if other.substitute_for == member_id:
            raise RuleViolation(
                f"{record.name_of(other.person_id)} is already substituting for {member}; "
                "only one substitute may replace an absent member."
            )
    existing = record.attendee(substitute_id)
    if existing is not None and existing.capacity is Capacity.MEMBER:
        raise RuleViolation(
            f"{substitute} is a member of {record.committee} and cannot also be a substitute."
        )
    if (
        existing is not None
        and existing.capacity is Capacity.SUBSTITUTE
        and existing.substitute_for not in (None, member_id)
    ):
        raise RuleViolation(
            f"{substitute} is already substituting for "
            f"{record.name_of(existing.substitute_for or 0)}; a person can replace only one member."
        )


def check_member_may_be_present(record: MeetingRecord, member_id: int) -> None:
    """A member who has a substitute cannot also be counted present."""
    for other in record.attendees:
        if other.capacity is Capacity.SUBSTITUTE and other.substitute_for == member_id:
            raise RuleViolation(
                f"{record.name_of(other.person_id)} is substituting for "
                f"{record.name_of(member_id)}, so {record.name_of(member_id)} cannot also be "
                "marked present. Remove the substitution first."
            )

"""How a meeting's minutes are set out, as the clerk sets it (plain data)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clerkdesk.domain.model import BodyKind, MeetingRecord, MemberOrder


@dataclass(frozen=True, slots=True)
class MinutesDetails:
    """What the clerk sets; ``None`` in a text field clears it."""

    body_kind: BodyKind | None
    member_order: MemberOrder
    closed_at: dt.time | None
    clerk_name: str | None
    proper_officer: str | None
    proper_officer_title: str | None


def details_of(record: MeetingRecord) -> MinutesDetails:
    """The details as a record holds them (for a dialog or command to change some)."""
    return MinutesDetails(
        record.body_kind,
        record.member_order,
        record.closed_at,
        record.clerk_name,
        record.proper_officer,
        record.proper_officer_title,
    )

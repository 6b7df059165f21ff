"""How a meeting's minutes are set out: the details real minutes carry.

The kind of body ("MEMBERS OF THE PANEL"), the order members are listed in,
the time the meeting closed, the clerk (in whose name corrections after
approval are made) and the proper officer's line at the foot. Later meetings
of the committee start with the same body, order, clerk and proper officer
(services/setup.py), as they do with the chair's title.
"""

from __future__ import annotations

from dataclasses import replace

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.minutes_details import MinutesDetails, details_of
from clerkdesk.domain.model import MemberOrder
from clerkdesk.persistence.entities import Entity
from clerkdesk.persistence.records import points_json
from clerkdesk.services.context import Change, Correction, Desk, meeting_action

__all__ = ["MinutesDetails", "details_of", "set_minutes_details", "set_recommendation_points"]


def _text(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value is not None else None


def set_minutes_details(
    desk: Desk, meeting_id: int, details: MinutesDetails, *, correction: Correction | None = None
) -> Change:
    """Set how these minutes are set out. Approved minutes change only by a
    correction with its reason."""
    closed = details.closed_at.replace(second=0, microsecond=0) if details.closed_at else None
    clerk = _text(details.clerk_name)
    if correction is not None and not correction.made_by and clerk:
        # Naming the clerk on approved minutes is itself a correction, made by that
        # clerk: minutes approved before any clerk was named can be given one.
        correction = replace(correction, made_by=clerk)
    with meeting_action(desk, meeting_id, "minutes details", correction=correction) as scope:
        start = scope.record.start_time
        if closed is not None and start is not None and closed < start:
            raise RuleViolation(
                f"The meeting cannot close at {closed:%H:%M}, before it began at {start:%H:%M}. "
                "Give the time it closed (24-hour clock)."
            )
        scope.change(
            Entity.MEETING,
            meeting_id,
            body_kind=details.body_kind.value if details.body_kind else None,
            member_order=MemberOrder(details.member_order).value,
            closed_at=closed,
            clerk_name=clerk,
            proper_officer=_text(details.proper_officer),
            proper_officer_title=_text(details.proper_officer_title),
        )
        scope.label = "Set the minutes' details"
    return scope.done()


def set_recommendation_points(
    desk: Desk,
    meeting_id: int,
    recommendation_id: int,
    points: list[str],
    *,
    correction: Correction | None = None,
) -> Change:
    """The recommendation's sub-points, in order (an empty list removes them)."""
    cleaned = tuple(" ".join(p.split()) for p in points)
    if any(not p for p in cleaned):
        raise RuleViolation("A sub-point of a recommendation cannot be empty; leave it out.")
    with meeting_action(desk, meeting_id, "recommendation points", correction=correction) as scope:
        rec = scope.record.recommendation(recommendation_id)
        scope.change(Entity.RECOMMENDATION, rec.id, points=points_json(cleaned))
        label = f" {rec.label}" if rec.label else ""
        scope.label = f"Set the sub-points of recommendation{label}"
    return scope.done()

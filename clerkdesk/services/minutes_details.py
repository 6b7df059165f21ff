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
from clerkdesk.persistence.records import get_meeting_row, points_json
from clerkdesk.persistence.schema import RecommendationRow
from clerkdesk.services.context import Change, Correction, Desk, meeting_action

AREAS = frozenset({"meeting", "attendance"})
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
        row = get_meeting_row(scope.session, meeting_id)
        row.body_kind = details.body_kind.value if details.body_kind else None
        row.member_order = MemberOrder(details.member_order).value
        row.closed_at = closed
        row.clerk_name = clerk
        row.proper_officer = _text(details.proper_officer)
        row.proper_officer_title = _text(details.proper_officer_title)
        scope.label = "Set the minutes' details"
    return Change(scope.label, meeting_id, AREAS)


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
        row = scope.session.get_one(RecommendationRow, rec.id)
        row.points = points_json(cleaned)
        label = f" {rec.label}" if rec.label else ""
        scope.label = f"Set the sub-points of recommendation{label}"
    return Change(scope.label, meeting_id, frozenset({"items"}))

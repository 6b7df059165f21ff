"""Changes to the agenda, before and on the day: the rules, pure.

An item may be added (an urgent one only with the chair's reason, which the
minutes must state: LGA 1972 s.100B(4)(b)), removed while nothing is recorded
in it, renumbered, moved, taken out of order, withdrawn or deferred. A
recommendation may be removed or reworded only while nothing hangs on it.
"""

from __future__ import annotations

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import AgendaItem, MeetingRecord


def clean_text(text: str) -> str:
    return " ".join(text.split())


def check_number(record: MeetingRecord, number: str, item_id: int | None = None) -> str:
    """The item number, tidied, refusing one that is empty or already used."""
    clean = clean_text(number).rstrip(".")
    if not clean:
        raise RuleViolation("An agenda item needs a number.")
    for item in record.items:
        if item.id != item_id and item.number.lower() == clean.lower():
            raise RuleViolation(
                f"Item {item.number} is already on the agenda ({item.title}); "
                "give this item another number."
            )
    return clean


def check_urgency_reason(reason: str) -> str:
    clean = clean_text(reason)
    if not clean:
        raise RuleViolation(
            "An item not on the published agenda may be taken only as a matter of urgency, "
            "for the chair's reason, which the minutes must state (LGA 1972 s.100B(4)(b)). "
            "Enter the reason."
        )
    return clean


def recorded_in_item(record: MeetingRecord, item_id: int) -> list[str]:
    """What the meeting has recorded in an item, in words (empty if nothing)."""
    recs = {r.id for r in record.recommendations_of(item_id)}
    amendments = {a.id for a in record.amendments if a.recommendation_id in recs}
    found: list[str] = []
    if any(d.recommendation_id in recs or d.amendment_id in amendments for d in record.decisions):
        found.append("a vote")
    if amendments:
        found.append("an amendment")
    if record.declarations_for(item_id):
        found.append("a declaration of interest")
    if record.paragraphs_of(item_id):
        found.append("minute notes")
    if record.actions_of(item_id):
        found.append("an action")
    if any(item_id in (a.arrived_during_item, a.departed_during_item) for a in record.attendees):
        found.append("an arrival or departure")
    return found


def check_item_removable(record: MeetingRecord, item_id: int) -> AgendaItem:
    item = record.item(item_id)
    recorded = recorded_in_item(record, item_id)
    if recorded:
        raise RuleViolation(
            f"Item {item.number} cannot be removed: {', '.join(recorded)} "
            "is recorded in it. Mark it withdrawn or deferred instead, or remove what "
            "is recorded first."
        )
    return item


def check_disposal_allowed(record: MeetingRecord, item_id: int) -> AgendaItem:
    """An item withdrawn or deferred was not considered, so it has no votes."""
    item = record.item(item_id)
    recs = {r.id for r in record.recommendations_of(item_id)}
    amendments = {a.id for a in record.amendments if a.recommendation_id in recs}
    if any(
        (d.recommendation_id in recs or d.amendment_id in amendments) and d.outcome.needs_vote
        for d in record.decisions
    ):
        raise RuleViolation(
            f"Item {item.number} has a vote recorded, so it was considered. Clear the "
            "votes first if it was in fact withdrawn or deferred."
        )
    return item


def moved(order: list[int], moving: int, to_index: int) -> list[int]:
    """``order`` (ids) with ``moving`` put at ``to_index`` (clamped to the list)."""
    if moving not in order:
        raise RuleViolation("That item is not on this agenda.")
    rest = [i for i in order if i != moving]
    to_index = max(0, min(len(rest), to_index))
    return [*rest[:to_index], moving, *rest[to_index:]]


def check_recommendation_changeable(record: MeetingRecord, recommendation_id: int) -> None:
    """A recommendation voted on, or amended, keeps its words: those are what
    the committee resolved on."""
    rec = record.recommendation(recommendation_id)
    label = f"recommendation {rec.label}" if rec.label else "this recommendation"
    if record.decision_on(recommendation_id) is not None:
        raise RuleViolation(
            f"A vote is recorded on {label}; clear it before changing or removing it."
        )
    if record.amendments_of(recommendation_id):
        raise RuleViolation(
            f"An amendment to {label} is recorded; remove it before changing or removing "
            "the recommendation."
        )

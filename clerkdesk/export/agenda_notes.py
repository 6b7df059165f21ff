"""What the minutes say about changes to the agenda on the day.

An urgent item carries the chair's reason for taking it (LGA 1972
s.100B(4)(b) requires the minutes to state it); an item taken out of the
agenda's order says where it was taken (the minutes themselves follow the
order taken); a withdrawn or deferred item says so, and its recommendations,
not considered, are left out.
"""

from __future__ import annotations

from clerkdesk.domain.model import AgendaItem, MeetingRecord
from clerkdesk.export.view_model import Block, BlockKind, plain


def urgency_note(record: MeetingRecord, item: AgendaItem, *, with_reason: bool) -> str:
    chair = f"the {record.chair_style.value}"
    said = (
        f"{chair[0].upper()}{chair[1:]} agreed to consider this item, which was not on the "
        "published agenda, as a matter of urgency under section 100B(4)(b) of the Local "
        "Government Act 1972"
    )
    if with_reason and item.urgency_reason:
        reason = item.urgency_reason.rstrip(".")
        return f"{said}, because {reason[0].lower()}{reason[1:]}."
    return f"{said}."


def order_note(record: MeetingRecord, item: AgendaItem) -> str:
    ordered = record.ordered_items
    place = next(n for n, i in enumerate(ordered) if i.id == item.id)
    if place:
        earlier = ordered[place - 1].number
        return f"This item was taken out of the agenda's order, after item {earlier}."
    following = ordered[1].number if len(ordered) > 1 else ""
    return (
        f"This item was taken out of the agenda's order, before item {following}."
        if following
        else "This item was taken out of the agenda's order."
    )


def day_notes(record: MeetingRecord, item: AgendaItem, *, shows_detail: bool) -> list[Block]:
    """The notes that open an item's minute. ``shows_detail`` is False for a
    Part II item in the public minutes: its reason for urgency may itself be
    exempt, so only the fact is minuted there."""
    notes: list[str] = []
    if item.is_urgent:
        notes.append(urgency_note(record, item, with_reason=shows_detail))
    if item.taken_out_of_order:
        notes.append(order_note(record, item))
    if item.disposal is not None:
        notes.append(f"This item was {item.disposal.value.upper()}.")
    return [plain(BlockKind.NOTE, text) for text in notes]

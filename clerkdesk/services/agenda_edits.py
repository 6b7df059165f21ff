"""Changing the agenda of a saved meeting: items and their recommendations.

Each function is one clerk action: one unit of work through ``meeting_action``,
journalled for undo and audited; after approval, a correction with its reason.
The rules are the domain's (``clerkdesk.domain.agenda_changes``). What each
action changed (the items, and the voting panel that shows them) follows from
the rows it wrote.
"""

from __future__ import annotations

from clerkdesk.domain.agenda_changes import (
    check_disposal_allowed,
    check_item_removable,
    check_number,
    check_recommendation_changeable,
    check_urgency_reason,
    clean_text,
    moved,
)
from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import Disposal
from clerkdesk.domain.schedule_12a import ExemptParagraph
from clerkdesk.persistence.entities import Entity
from clerkdesk.services.context import Change, Correction, Desk, UnitOfWork, meeting_action
from clerkdesk.services.setup import check_part


def _put_in_order(work: UnitOfWork, entity: Entity, order: list[int], now: dict[int, int]) -> None:
    """Give the rows ``order``'s positions, writing only those that move.
    ``now``: each row's position as it stands."""
    for position, row_id in enumerate(order):
        if now.get(row_id) != position:
            work.change(entity, row_id, position=position)


def _item_positions(work: UnitOfWork) -> dict[int, int]:
    return {item.id: item.position for item in work.record.items}


def add_agenda_item(
    desk: Desk,
    meeting_id: int,
    number: str,
    title: str,
    *,
    urgency_reason: str | None = None,
    part: int = 1,
    exempt_paragraph: ExemptParagraph | None = None,
    at_index: int | None = None,
    correction: Correction | None = None,
) -> Change:
    """Add an item at ``at_index`` in the order taken (the end if None).

    An item not on the published agenda is given ``urgency_reason``: the chair's
    reason for taking it as a matter of urgency, which the minutes state.
    """
    if not clean_text(title):
        raise RuleViolation("An agenda item needs a title.")
    check_part(part, exempt_paragraph)
    reason = None if urgency_reason is None else check_urgency_reason(urgency_reason)
    with meeting_action(desk, meeting_id, "Add item", correction=correction) as work:
        record = work.record
        clean_number = check_number(record, number)
        new_id = work.add(
            Entity.ITEM,
            meeting_id=meeting_id,
            position=len(record.items),
            number=clean_number,
            title=clean_text(title),
            part=part,
            exempt_paragraph=exempt_paragraph if part == 2 else None,
            urgency_reason=reason,
            taken_out_of_order=False,
        )
        order = [i.id for i in record.ordered_items]
        index = len(order) if at_index is None else at_index
        positions = {**_item_positions(work), new_id: len(record.items)}
        _put_in_order(work, Entity.ITEM, moved([*order, new_id], new_id, index), positions)
        work.new_id = new_id
        work.label = f"Add {'urgent ' if reason else ''}item {clean_number}"
    return work.done()


def remove_agenda_item(
    desk: Desk, meeting_id: int, item_id: int, *, correction: Correction | None = None
) -> Change:
    """Remove an item (and its recommendations) that has nothing recorded in it."""
    with meeting_action(desk, meeting_id, "Remove item", correction=correction) as work:
        item = check_item_removable(work.record, item_id)
        for rec_id in work.ids(Entity.RECOMMENDATION, item_id=item_id):
            work.remove(Entity.RECOMMENDATION, rec_id)
        work.remove(Entity.ITEM, item_id)
        rest = [i.id for i in work.record.ordered_items if i.id != item_id]
        _put_in_order(work, Entity.ITEM, rest, _item_positions(work))
        work.label = f"Remove item {item.number}"
    return work.done()


def edit_agenda_item(
    desk: Desk,
    meeting_id: int,
    item_id: int,
    *,
    number: str | None = None,
    title: str | None = None,
    urgency_reason: str | None = None,
    correction: Correction | None = None,
) -> Change:
    """Renumber or rename an item, or reword an urgent item's reason."""
    with meeting_action(desk, meeting_id, "Edit item", correction=correction) as work:
        item = work.record.item(item_id)
        new_number, new_title, new_reason = item.number, item.title, item.urgency_reason
        if number is not None:
            new_number = check_number(work.record, number, item_id)
        if title is not None:
            if not clean_text(title):
                raise RuleViolation("An agenda item needs a title.")
            new_title = clean_text(title)
        if urgency_reason is not None:
            if not item.is_urgent:
                raise RuleViolation(
                    f"Item {item.number} was on the published agenda, so it has no reason "
                    "for urgency."
                )
            new_reason = check_urgency_reason(urgency_reason)
        if (new_number, new_title, new_reason) == (item.number, item.title, item.urgency_reason):
            raise RuleViolation(f"Nothing was changed in item {item.number}.")
        work.change(
            Entity.ITEM, item_id, number=new_number, title=new_title, urgency_reason=new_reason
        )
        work.label = (
            f"Renumber item {item.number} as {new_number}"
            if new_number != item.number
            else f"Edit item {item.number}"
        )
    return work.done()


def move_agenda_item(
    desk: Desk,
    meeting_id: int,
    item_id: int,
    to_index: int,
    *,
    out_of_order: bool = False,
    correction: Correction | None = None,
) -> Change:
    """Put an item at ``to_index`` in the order.

    ``out_of_order`` says the chair took it at this point on the day: its number
    stays, and the minutes, which follow the order taken, say so. Otherwise the
    agenda itself is reordered (renumber the items if their numbers should follow).
    """
    with meeting_action(desk, meeting_id, "Move item", correction=correction) as work:
        record = work.record
        item = record.item(item_id)
        order = [i.id for i in record.ordered_items]
        new_order = moved(order, item_id, to_index)
        if new_order == order:
            raise RuleViolation(f"Item {item.number} is already there.")
        _put_in_order(work, Entity.ITEM, new_order, _item_positions(work))
        if out_of_order:
            work.change(Entity.ITEM, item_id, taken_out_of_order=True)
        place = new_order.index(item_id)
        neighbour = record.item(new_order[place - 1 if place else 1])
        where = f"after item {neighbour.number}" if place else f"before item {neighbour.number}"
        work.label = (
            f"Take item {item.number} out of order, {where}"
            if out_of_order
            else f"Move item {item.number} {where}"
        )
    return work.done()


def set_disposal(
    desk: Desk,
    meeting_id: int,
    item_id: int,
    disposal: Disposal | None,
    *,
    correction: Correction | None = None,
) -> Change:
    """Mark an item withdrawn or deferred (not considered), or considered again (None)."""
    with meeting_action(desk, meeting_id, "Item disposal", correction=correction) as work:
        item = check_disposal_allowed(work.record, item_id)
        if item.disposal is disposal:
            raise RuleViolation(
                f"Item {item.number} is already "
                + (disposal.value if disposal else "marked as considered")
                + "."
            )
        work.change(Entity.ITEM, item_id, disposal=disposal.value if disposal else None)
        work.label = (
            f"Item {item.number} {disposal.value}"
            if disposal
            else f"Item {item.number} considered after all"
        )
    return work.done()


def set_item_part(
    desk: Desk,
    meeting_id: int,
    item_id: int,
    part: int,
    exempt_paragraph: ExemptParagraph | None = None,
    *,
    correction: Correction | None = None,
) -> Change:
    """Move an item between Part I and Part II (with its Schedule 12A paragraph)."""
    check_part(part, exempt_paragraph if part == 2 else None)
    with meeting_action(desk, meeting_id, "Item part", correction=correction) as work:
        item = work.record.item(item_id)
        paragraph = exempt_paragraph if part == 2 else None
        if (item.part, item.exempt_paragraph) == (part, paragraph):
            raise RuleViolation(f"Item {item.number} is already in Part {'I' * part}.")
        work.change(Entity.ITEM, item_id, part=part, exempt_paragraph=paragraph)
        cited = f", Schedule 12A paragraph {paragraph}" if paragraph is not None else ""
        work.label = f"Item {item.number} in Part {'I' * part}{cited}"
    return work.done()


# Recommendations.
def _put_recommendations_in_order(work: UnitOfWork, order: list[int]) -> None:
    now = {rec.id: rec.position for rec in work.record.recommendations}
    _put_in_order(work, Entity.RECOMMENDATION, order, now)


def _rec_name(label: str | None, item_number: str) -> str:
    return (
        f"recommendation {label} in item {item_number}"
        if label
        else (f"a recommendation in item {item_number}")
    )


def add_item_recommendation(
    desk: Desk,
    meeting_id: int,
    item_id: int,
    text: str,
    label: str | None = None,
    *,
    correction: Correction | None = None,
) -> Change:
    if not clean_text(text):
        raise RuleViolation("A recommendation needs its text.")
    with meeting_action(desk, meeting_id, "Add recommendation", correction=correction) as work:
        item = work.record.item(item_id)
        clean_label = clean_text(label or "") or None
        work.new_id = work.add(
            Entity.RECOMMENDATION,
            item_id=item_id,
            position=len(work.record.recommendations_of(item_id)),
            label=clean_label,
            text=text.strip(),
        )
        work.label = f"Add {_rec_name(clean_label, item.number)}"
    return work.done()


def edit_recommendation(
    desk: Desk,
    meeting_id: int,
    recommendation_id: int,
    *,
    text: str | None = None,
    label: str | None = None,
    correction: Correction | None = None,
) -> Change:
    """Reword or relabel a recommendation. Its words change only while no vote
    or amendment hangs on them (after approval, by correction)."""
    with meeting_action(desk, meeting_id, "Edit recommendation", correction=correction) as work:
        record = work.record
        rec = record.recommendation(recommendation_id)
        new_text, new_label = rec.text, rec.label
        if text is not None and text.strip() != rec.text:
            if not clean_text(text):
                raise RuleViolation("A recommendation needs its text.")
            if not record.is_locked:
                check_recommendation_changeable(record, recommendation_id)
            new_text = text.strip()
        if label is not None:
            new_label = clean_text(label) or None
        if (new_text, new_label) == (rec.text, rec.label):
            raise RuleViolation("Nothing was changed in the recommendation.")
        work.change(Entity.RECOMMENDATION, recommendation_id, text=new_text, label=new_label)
        number = record.item(rec.item_id).number
        what = "Amend the text of" if new_text != rec.text else "Relabel"
        work.label = f"{what} {_rec_name(rec.label, number)}"
    return work.done()


def move_recommendation(
    desk: Desk,
    meeting_id: int,
    recommendation_id: int,
    to_index: int,
    *,
    correction: Correction | None = None,
) -> Change:
    with meeting_action(desk, meeting_id, "Move recommendation", correction=correction) as work:
        record = work.record
        rec = record.recommendation(recommendation_id)
        order = [r.id for r in record.recommendations_of(rec.item_id)]
        new_order = moved(order, recommendation_id, to_index)
        if new_order == order:
            raise RuleViolation("The recommendation is already there.")
        _put_recommendations_in_order(work, new_order)
        work.label = f"Move {_rec_name(rec.label, record.item(rec.item_id).number)}"
    return work.done()


def delete_recommendation(
    desk: Desk, meeting_id: int, recommendation_id: int, *, correction: Correction | None = None
) -> Change:
    with meeting_action(desk, meeting_id, "Delete recommendation", correction=correction) as work:
        record = work.record
        rec = record.recommendation(recommendation_id)
        check_recommendation_changeable(record, recommendation_id)
        work.remove(Entity.RECOMMENDATION, recommendation_id)
        rest = [r.id for r in record.recommendations_of(rec.item_id) if r.id != rec.id]
        _put_recommendations_in_order(work, rest)
        work.label = f"Delete {_rec_name(rec.label, record.item(rec.item_id).number)}"
    return work.done()

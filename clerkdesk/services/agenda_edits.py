"""Changing the agenda of a saved meeting: items and their recommendations.

Each function is one clerk action: one transaction through ``meeting_action``,
journalled for undo and audited; after approval, a correction with its reason.
The rules are the domain's (``clerkdesk.domain.agenda_changes``).
"""

from __future__ import annotations

from sqlalchemy import select

from clerkdesk.domain.agenda_changes import (
    check_disposal_allowed,
    check_item_removable,
    check_number,
    check_recommendation_changeable,
    check_urgency_reason,
    clean_text,
    moved,
)
from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.model import Disposal
from clerkdesk.domain.schedule_12a import ExemptParagraph
from clerkdesk.persistence.schema import AgendaItemRow, RecommendationRow
from clerkdesk.services.context import ActionScope, Change, Correction, Desk, meeting_action
from clerkdesk.services.setup import check_part

ITEMS = frozenset({"items"})
# Withdrawing an item or taking it out of order changes what the voting panel shows.
ITEMS_AND_VOTES = frozenset({"items", "votes"})


def _item_row(scope: ActionScope, item_id: int) -> AgendaItemRow:
    row = scope.session.get(AgendaItemRow, item_id)
    if row is None or row.meeting_id != scope.meeting_id:
        raise NotFoundError(f"There is no agenda item with id {item_id} in this meeting.")
    return row


def _renumber_positions(scope: ActionScope, order: list[int]) -> None:
    for position, item_id in enumerate(order):
        row = _item_row(scope, item_id)
        if row.position != position:
            row.position = position


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
    with meeting_action(desk, meeting_id, "Add item", correction=correction) as scope:
        record = scope.record
        clean_number = check_number(record, number)
        row = AgendaItemRow(
            meeting_id=meeting_id,
            position=len(record.items),
            number=clean_number,
            title=clean_text(title),
            part=part,
            exempt_paragraph=exempt_paragraph if part == 2 else None,
            urgency_reason=reason,
            taken_out_of_order=False,
        )
        scope.session.add(row)
        scope.session.flush()
        order = [i.id for i in record.ordered_items]
        index = len(order) if at_index is None else at_index
        _renumber_positions(scope, moved([*order, row.id], row.id, index))
        scope.new_id = row.id
        scope.label = f"Add {'urgent ' if reason else ''}item {clean_number}"
    return Change(scope.label, meeting_id, ITEMS, new_id=scope.new_id)


def remove_agenda_item(
    desk: Desk, meeting_id: int, item_id: int, *, correction: Correction | None = None
) -> Change:
    """Remove an item (and its recommendations) that has nothing recorded in it."""
    with meeting_action(desk, meeting_id, "Remove item", correction=correction) as scope:
        item = check_item_removable(scope.record, item_id)
        for rec in scope.session.scalars(
            select(RecommendationRow).where(RecommendationRow.item_id == item_id)
        ):
            scope.session.delete(rec)
        scope.session.delete(_item_row(scope, item_id))
        scope.session.flush()
        _renumber_positions(scope, [i.id for i in scope.record.ordered_items if i.id != item_id])
        scope.label = f"Remove item {item.number}"
    return Change(scope.label, meeting_id, ITEMS_AND_VOTES)


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
    with meeting_action(desk, meeting_id, "Edit item", correction=correction) as scope:
        item = scope.record.item(item_id)
        row = _item_row(scope, item_id)
        if number is not None:
            row.number = check_number(scope.record, number, item_id)
        if title is not None:
            if not clean_text(title):
                raise RuleViolation("An agenda item needs a title.")
            row.title = clean_text(title)
        if urgency_reason is not None:
            if not item.is_urgent:
                raise RuleViolation(
                    f"Item {item.number} was on the published agenda, so it has no reason "
                    "for urgency."
                )
            row.urgency_reason = check_urgency_reason(urgency_reason)
        if (row.number, row.title, row.urgency_reason) == (
            item.number,
            item.title,
            item.urgency_reason,
        ):
            raise RuleViolation(f"Nothing was changed in item {item.number}.")
        scope.label = (
            f"Renumber item {item.number} as {row.number}"
            if row.number != item.number
            else f"Edit item {item.number}"
        )
    return Change(scope.label, meeting_id, ITEMS)


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
    with meeting_action(desk, meeting_id, "Move item", correction=correction) as scope:
        record = scope.record
        item = record.item(item_id)
        order = [i.id for i in record.ordered_items]
        new_order = moved(order, item_id, to_index)
        if new_order == order:
            raise RuleViolation(f"Item {item.number} is already there.")
        _renumber_positions(scope, new_order)
        if out_of_order:
            _item_row(scope, item_id).taken_out_of_order = True
        place = new_order.index(item_id)
        neighbour = record.item(new_order[place - 1 if place else 1])
        where = f"after item {neighbour.number}" if place else f"before item {neighbour.number}"
        scope.label = (
            f"Take item {item.number} out of order, {where}"
            if out_of_order
            else f"Move item {item.number} {where}"
        )
    return Change(scope.label, meeting_id, ITEMS)


def set_in_agenda_order(
    desk: Desk, meeting_id: int, item_id: int, *, correction: Correction | None = None
) -> Change:
    """Say that an item marked as taken out of order was not (its place stays)."""
    with meeting_action(desk, meeting_id, "Item in order", correction=correction) as scope:
        item = scope.record.item(item_id)
        if not item.taken_out_of_order:
            raise RuleViolation(f"Item {item.number} is not marked as taken out of order.")
        _item_row(scope, item_id).taken_out_of_order = False
        scope.label = f"Item {item.number} taken in agenda order"
    return Change(scope.label, meeting_id, ITEMS)


def set_disposal(
    desk: Desk,
    meeting_id: int,
    item_id: int,
    disposal: Disposal | None,
    *,
    correction: Correction | None = None,
) -> Change:
    """Mark an item withdrawn or deferred (not considered), or considered again (None)."""
    with meeting_action(desk, meeting_id, "Item disposal", correction=correction) as scope:
        item = check_disposal_allowed(scope.record, item_id)
        if item.disposal is disposal:
            raise RuleViolation(
                f"Item {item.number} is already "
                + (disposal.value if disposal else "marked as considered")
                + "."
            )
        _item_row(scope, item_id).disposal = disposal.value if disposal else None
        scope.label = (
            f"Item {item.number} {disposal.value}"
            if disposal
            else f"Item {item.number} considered after all"
        )
    return Change(scope.label, meeting_id, ITEMS_AND_VOTES)


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
    with meeting_action(desk, meeting_id, "Item part", correction=correction) as scope:
        item = scope.record.item(item_id)
        paragraph = exempt_paragraph if part == 2 else None
        if (item.part, item.exempt_paragraph) == (part, paragraph):
            raise RuleViolation(f"Item {item.number} is already in Part {'I' * part}.")
        row = _item_row(scope, item_id)
        row.part, row.exempt_paragraph = part, paragraph
        cited = f", Schedule 12A paragraph {paragraph}" if paragraph is not None else ""
        scope.label = f"Item {item.number} in Part {'I' * part}{cited}"
    return Change(scope.label, meeting_id, ITEMS_AND_VOTES)


# Recommendations.
def _rec_row(scope: ActionScope, recommendation_id: int) -> RecommendationRow:
    scope.record.recommendation(recommendation_id)  # refuses another meeting's
    return scope.session.get_one(RecommendationRow, recommendation_id)


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
    with meeting_action(desk, meeting_id, "Add recommendation", correction=correction) as scope:
        item = scope.record.item(item_id)
        clean_label = clean_text(label or "") or None
        row = RecommendationRow(
            item_id=item_id,
            position=len(scope.record.recommendations_of(item_id)),
            label=clean_label,
            text=text.strip(),
        )
        scope.session.add(row)
        scope.session.flush()
        scope.new_id = row.id
        scope.label = f"Add {_rec_name(clean_label, item.number)}"
    return Change(scope.label, meeting_id, ITEMS_AND_VOTES, new_id=scope.new_id)


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
    with meeting_action(desk, meeting_id, "Edit recommendation", correction=correction) as scope:
        record = scope.record
        rec = record.recommendation(recommendation_id)
        row = _rec_row(scope, recommendation_id)
        if text is not None and text.strip() != rec.text:
            if not clean_text(text):
                raise RuleViolation("A recommendation needs its text.")
            if not record.is_locked:
                check_recommendation_changeable(record, recommendation_id)
            row.text = text.strip()
        if label is not None:
            row.label = clean_text(label) or None
        if (row.text, row.label) == (rec.text, rec.label):
            raise RuleViolation("Nothing was changed in the recommendation.")
        number = record.item(rec.item_id).number
        what = "Amend the text of" if row.text != rec.text else "Relabel"
        scope.label = f"{what} {_rec_name(rec.label, number)}"
    return Change(scope.label, meeting_id, ITEMS_AND_VOTES)


def move_recommendation(
    desk: Desk,
    meeting_id: int,
    recommendation_id: int,
    to_index: int,
    *,
    correction: Correction | None = None,
) -> Change:
    with meeting_action(desk, meeting_id, "Move recommendation", correction=correction) as scope:
        record = scope.record
        rec = record.recommendation(recommendation_id)
        order = [r.id for r in record.recommendations_of(rec.item_id)]
        new_order = moved(order, recommendation_id, to_index)
        if new_order == order:
            raise RuleViolation("The recommendation is already there.")
        for position, rec_id in enumerate(new_order):
            row = _rec_row(scope, rec_id)
            if row.position != position:
                row.position = position
        scope.label = f"Move {_rec_name(rec.label, record.item(rec.item_id).number)}"
    return Change(scope.label, meeting_id, ITEMS_AND_VOTES)


def delete_recommendation(
    desk: Desk, meeting_id: int, recommendation_id: int, *, correction: Correction | None = None
) -> Change:
    with meeting_action(desk, meeting_id, "Delete recommendation", correction=correction) as scope:
        record = scope.record
        rec = record.recommendation(recommendation_id)
        check_recommendation_changeable(record, recommendation_id)
        scope.session.delete(_rec_row(scope, recommendation_id))
        scope.session.flush()
        rest = [r.id for r in record.recommendations_of(rec.item_id) if r.id != rec.id]
        for position, rec_id in enumerate(rest):
            row = _rec_row(scope, rec_id)
            if row.position != position:
                row.position = position
        scope.label = f"Delete {_rec_name(rec.label, record.item(rec.item_id).number)}"
    return Change(scope.label, meeting_id, ITEMS_AND_VOTES)

"""Minute paragraphs and actions typed during the meeting."""

from __future__ import annotations

from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.persistence.schema import ActionRow, MinuteParagraphRow
from clerkdesk.services.context import ActionScope, Change, Correction, Desk, meeting_action
from clerkdesk.services.setup import next_position

AREAS = frozenset({"minutes"})


def add_paragraph(
    desk: Desk, meeting_id: int, item_id: int, text: str, *, correction: Correction | None = None
) -> Change:
    if not text.strip():
        raise RuleViolation("A minute paragraph cannot be empty.")
    with meeting_action(desk, meeting_id, "paragraph", correction=correction) as scope:
        item = scope.item(item_id)
        row = MinuteParagraphRow(
            item_id=item_id,
            position=next_position(
                scope.session, MinuteParagraphRow.position, MinuteParagraphRow.item_id == item_id
            ),
            text=text.strip(),
        )
        scope.session.add(row)
        scope.session.flush()
        scope.new_id = row.id
        scope.label = f"Add minute {item.number}.{row.position + 1}"
    return Change(scope.label, meeting_id, AREAS, new_id=scope.new_id)


def _paragraph(scope: ActionScope, paragraph_id: int) -> MinuteParagraphRow:
    row = scope.session.get(MinuteParagraphRow, paragraph_id)
    if row is None or scope.item(row.item_id).meeting_id != scope.meeting_id:
        raise NotFoundError(f"There is no minute paragraph {paragraph_id} in this meeting.")
    return row


def edit_paragraph(
    desk: Desk,
    meeting_id: int,
    paragraph_id: int,
    text: str,
    *,
    correction: Correction | None = None,
) -> Change:
    if not text.strip():
        raise RuleViolation("A minute paragraph cannot be empty; delete it instead.")
    with meeting_action(desk, meeting_id, "edit paragraph", correction=correction) as scope:
        row = _paragraph(scope, paragraph_id)
        row.text = text.strip()
        scope.label = f"Edit minute {scope.item(row.item_id).number}.{row.position + 1}"
    return Change(scope.label, meeting_id, AREAS)


def delete_paragraph(
    desk: Desk, meeting_id: int, paragraph_id: int, *, correction: Correction | None = None
) -> Change:
    with meeting_action(desk, meeting_id, "delete paragraph", correction=correction) as scope:
        row = _paragraph(scope, paragraph_id)
        scope.label = f"Delete minute {scope.item(row.item_id).number}.{row.position + 1}"
        scope.session.delete(row)
    return Change(scope.label, meeting_id, AREAS)


def add_action(
    desk: Desk,
    meeting_id: int,
    item_id: int,
    owner: str,
    text: str,
    *,
    correction: Correction | None = None,
) -> Change:
    if not owner.strip() or not text.strip():
        raise RuleViolation("An action needs the officer responsible and what they will do.")
    with meeting_action(desk, meeting_id, "action", correction=correction) as scope:
        item = scope.item(item_id)
        row = ActionRow(
            item_id=item_id,
            position=next_position(scope.session, ActionRow.position, ActionRow.item_id == item_id),
            owner=" ".join(owner.split()),
            text=text.strip(),
        )
        scope.session.add(row)
        scope.session.flush()
        scope.new_id = row.id
        scope.label = f"Add action for {row.owner} on item {item.number}"
    return Change(scope.label, meeting_id, AREAS, new_id=scope.new_id)


def delete_action(
    desk: Desk, meeting_id: int, action_id: int, *, correction: Correction | None = None
) -> Change:
    with meeting_action(desk, meeting_id, "delete action", correction=correction) as scope:
        row = scope.session.get(ActionRow, action_id)
        if row is None or scope.item(row.item_id).meeting_id != meeting_id:
            raise NotFoundError(f"There is no action {action_id} in this meeting.")
        scope.label = f"Delete action for {row.owner}"
        scope.session.delete(row)
    return Change(scope.label, meeting_id, AREAS)

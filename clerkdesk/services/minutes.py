"""Minute paragraphs and actions typed during the meeting.

These are the actions typed most often, so their rows are written with plain
SQL through the action's ``RowWriter`` (captured for undo like any other).
"""

from __future__ import annotations

from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.services.context import ActionScope, Change, Correction, Desk, meeting_action

AREAS = frozenset({"minutes"})

_PARAGRAPH = "SELECT item_id, position FROM minute_paragraph WHERE id = ?"
_ACTION = "SELECT item_id, owner FROM action WHERE id = ?"
_ACTIONS_BESIDE = "SELECT id FROM action WHERE paragraph_id = ?"


def add_paragraph(
    desk: Desk, meeting_id: int, item_id: int, text: str, *, correction: Correction | None = None
) -> Change:
    if not text.strip():
        raise RuleViolation("A minute paragraph cannot be empty.")
    with meeting_action(desk, meeting_id, "paragraph", correction=correction) as scope:
        number = scope.item_number(item_id)
        position = scope.rows.next_position("minute_paragraph", "item_id", item_id)
        scope.new_id = scope.rows.insert(
            "minute_paragraph", {"item_id": item_id, "position": position, "text": text.strip()}
        )
        scope.label = f"Add minute {number}.{position + 1}"
    return Change(scope.label, meeting_id, AREAS, new_id=scope.new_id)


def _paragraph_label(scope: ActionScope, paragraph_id: int) -> str:
    """'3.2' for the second paragraph of item 3, refusing another meeting's paragraph."""
    found = scope.rows.one(_PARAGRAPH, paragraph_id)
    if found is None:
        raise NotFoundError(f"There is no minute paragraph {paragraph_id} in this meeting.")
    item_id, position = found
    try:
        number = scope.item_number(item_id)
    except NotFoundError:
        raise NotFoundError(
            f"There is no minute paragraph {paragraph_id} in this meeting."
        ) from None
    return f"{number}.{position + 1}"


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
        scope.label = f"Edit minute {_paragraph_label(scope, paragraph_id)}"
        scope.rows.update("minute_paragraph", paragraph_id, {"text": text.strip()})
    return Change(scope.label, meeting_id, AREAS)


def delete_paragraph(
    desk: Desk, meeting_id: int, paragraph_id: int, *, correction: Correction | None = None
) -> Change:
    with meeting_action(desk, meeting_id, "delete paragraph", correction=correction) as scope:
        scope.label = f"Delete minute {_paragraph_label(scope, paragraph_id)}"
        # An action beside it stays, at the end of its item: unlinked here, so the
        # change is journalled (undo links it again) rather than left to the database.
        for (action_id,) in scope.rows.all(_ACTIONS_BESIDE, paragraph_id):
            scope.rows.update("action", action_id, {"paragraph_id": None})
        scope.rows.delete("minute_paragraph", paragraph_id)
    return Change(scope.label, meeting_id, AREAS)


def add_action(
    desk: Desk,
    meeting_id: int,
    item_id: int,
    owner: str,
    text: str,
    *,
    paragraph_id: int | None = None,
    correction: Correction | None = None,
) -> Change:
    """An action on an item; with ``paragraph_id``, printed beside that minute paragraph."""
    if not owner.strip() or not text.strip():
        raise RuleViolation("An action needs the officer responsible and what they will do.")
    owner = " ".join(owner.split())
    with meeting_action(desk, meeting_id, "action", correction=correction) as scope:
        number = scope.item_number(item_id)
        if paragraph_id is not None:
            found = scope.rows.one(_PARAGRAPH, paragraph_id)
            if found is None or found[0] != item_id:
                raise NotFoundError(
                    f"Item {number} has no minute paragraph {paragraph_id}: choose one of its "
                    "paragraphs, or none to put the action at the end of the item."
                )
        scope.new_id = scope.rows.insert(
            "action",
            {
                "item_id": item_id,
                "position": scope.rows.next_position("action", "item_id", item_id),
                "owner": owner,
                "text": text.strip(),
                "paragraph_id": paragraph_id,
            },
        )
        scope.label = f"Add action for {owner} on item {number}"
    return Change(scope.label, meeting_id, AREAS, new_id=scope.new_id)


def delete_action(
    desk: Desk, meeting_id: int, action_id: int, *, correction: Correction | None = None
) -> Change:
    with meeting_action(desk, meeting_id, "delete action", correction=correction) as scope:
        found = scope.rows.one(_ACTION, action_id)
        missing = NotFoundError(f"There is no action {action_id} in this meeting.")
        if found is None:
            raise missing
        item_id, owner = found
        try:
            scope.item_number(item_id)
        except NotFoundError:
            raise missing from None
        scope.label = f"Delete action for {owner}"
        scope.rows.delete("action", action_id)
    return Change(scope.label, meeting_id, AREAS)

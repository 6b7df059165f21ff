"""Minute paragraphs and actions typed during the meeting."""

from __future__ import annotations

from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.model import MeetingRecord, MinuteParagraph
from clerkdesk.persistence.entities import Entity
from clerkdesk.services.context import Change, Correction, Desk, meeting_action


def _next_position(positions: list[int]) -> int:
    return max(positions, default=-1) + 1


def add_paragraph(
    desk: Desk, meeting_id: int, item_id: int, text: str, *, correction: Correction | None = None
) -> Change:
    if not text.strip():
        raise RuleViolation("A minute paragraph cannot be empty.")
    with meeting_action(desk, meeting_id, "paragraph", correction=correction) as work:
        number = work.record.item(item_id).number
        position = _next_position([p.position for p in work.record.paragraphs_of(item_id)])
        work.new_id = work.add(
            Entity.PARAGRAPH, item_id=item_id, position=position, text=text.strip()
        )
        work.label = f"Add minute {number}.{position + 1}"
    return work.done()


def _paragraph(record: MeetingRecord, paragraph_id: int) -> tuple[MinuteParagraph, str]:
    """The paragraph and its number ('3.2' for item 3's second), refusing another
    meeting's paragraph."""
    for paragraph in record.paragraphs:
        if paragraph.id == paragraph_id:
            number = record.item(paragraph.item_id).number
            return paragraph, f"{number}.{paragraph.position + 1}"
    raise NotFoundError(f"There is no minute paragraph {paragraph_id} in this meeting.")


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
    with meeting_action(desk, meeting_id, "edit paragraph", correction=correction) as work:
        _, number = _paragraph(work.record, paragraph_id)
        work.label = f"Edit minute {number}"
        work.change(Entity.PARAGRAPH, paragraph_id, text=text.strip())
    return work.done()


def delete_paragraph(
    desk: Desk, meeting_id: int, paragraph_id: int, *, correction: Correction | None = None
) -> Change:
    with meeting_action(desk, meeting_id, "delete paragraph", correction=correction) as work:
        _, number = _paragraph(work.record, paragraph_id)
        work.label = f"Delete minute {number}"
        # An action beside it stays, at the end of its item: unlinked here, so the
        # change is journalled (undo links it again) rather than left to the database.
        for action in work.record.actions:
            if action.paragraph_id == paragraph_id:
                work.change(Entity.ACTION, action.id, paragraph_id=None)
        work.remove(Entity.PARAGRAPH, paragraph_id)
    return work.done()


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
    with meeting_action(desk, meeting_id, "action", correction=correction) as work:
        record = work.record
        number = record.item(item_id).number
        if paragraph_id is not None and paragraph_id not in {
            p.id for p in record.paragraphs_of(item_id)
        }:
            raise NotFoundError(
                f"Item {number} has no minute paragraph {paragraph_id}: choose one of its "
                "paragraphs, or none to put the action at the end of the item."
            )
        positions = [a.position for a in record.actions if a.item_id == item_id]
        work.new_id = work.add(
            Entity.ACTION,
            item_id=item_id,
            position=_next_position(positions),
            owner=owner,
            text=text.strip(),
            paragraph_id=paragraph_id,
        )
        work.label = f"Add action for {owner} on item {number}"
    return work.done()


def delete_action(
    desk: Desk, meeting_id: int, action_id: int, *, correction: Correction | None = None
) -> Change:
    with meeting_action(desk, meeting_id, "delete action", correction=correction) as work:
        found = next((a for a in work.record.actions if a.id == action_id), None)
        if found is None:
            raise NotFoundError(f"There is no action {action_id} in this meeting.")
        work.label = f"Delete action for {found.owner}"
        work.remove(Entity.ACTION, action_id)
    return work.done()

"""Recording declarations of interest."""

from __future__ import annotations

from clerkdesk.domain.errors import NotFoundError
from clerkdesk.domain.model import Declaration
from clerkdesk.domain.rules import check_declaration
from clerkdesk.persistence.entities import Entity
from clerkdesk.services.context import Change, Correction, Desk, meeting_action


def declare_interest(
    desk: Desk,
    meeting_id: int,
    item_id: int,
    person_id: int,
    kind: str,
    nature: str = "",
    *,
    sensitive: bool = False,
    dispensation: bool = False,
    left_room: bool | None = None,
    correction: Correction | None = None,
) -> Change:
    """Record a declaration. ``left_room`` defaults to what the kind requires."""
    with meeting_action(desk, meeting_id, "declare", correction=correction) as scope:
        record = scope.record
        interest = record.interest_kind(kind)
        if left_room is None:
            left_room = interest.must_leave and not dispensation
        declaration = Declaration(
            id=0,
            item_id=item_id,
            person_id=person_id,
            kind=kind,
            nature=nature.strip(),
            sensitive=sensitive,
            dispensation=dispensation,
            left_room=left_room,
        )
        check_declaration(record, declaration)
        scope.new_id = scope.add(
            Entity.DECLARATION,
            meeting_id=meeting_id,
            item_id=item_id,
            person_id=person_id,
            kind_code=kind,
            nature="" if sensitive else nature.strip(),
            sensitive=sensitive,
            dispensation=dispensation,
            left_room=left_room,
        )
        scope.label = (
            f"{record.name_of(person_id)} declares {interest.with_article} in item "
            f"{record.item(item_id).number}"
        )
    return scope.done()


def withdraw_declaration(
    desk: Desk, meeting_id: int, declaration_id: int, *, correction: Correction | None = None
) -> Change:
    """Remove a declaration entered by mistake."""
    with meeting_action(desk, meeting_id, "withdraw", correction=correction) as scope:
        found = next((d for d in scope.record.declarations if d.id == declaration_id), None)
        if found is None:
            raise NotFoundError(f"There is no declaration {declaration_id} in this meeting.")
        scope.label = f"Remove {scope.record.name_of(found.person_id)}'s declaration"
        scope.remove(Entity.DECLARATION, declaration_id)
    return scope.done()

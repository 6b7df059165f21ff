"""Editing a declaration of interest already recorded."""

from __future__ import annotations

from dataclasses import replace

from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.rules import check_declaration
from clerkdesk.persistence.entities import Entity
from clerkdesk.services.context import Change, Correction, Desk, meeting_action


def edit_declaration(
    desk: Desk,
    meeting_id: int,
    declaration_id: int,
    *,
    kind: str | None = None,
    nature: str | None = None,
    sensitive: bool | None = None,
    dispensation: bool | None = None,
    left_room: bool | None = None,
    correction: Correction | None = None,
) -> Change:
    """Change what was recorded about a declaration; ``None`` leaves a field as it is.

    The member and the item stay (withdraw the declaration and declare again
    to change them). A sensitive interest is kept without its nature. The
    whole record is checked again afterwards, so an edit that would make a
    recorded vote invalid (a member now barred who was counted) is refused.
    """
    with meeting_action(desk, meeting_id, "edit declaration", correction=correction) as scope:
        record = scope.record
        current = next((d for d in record.declarations if d.id == declaration_id), None)
        if current is None:
            raise NotFoundError(f"There is no declaration {declaration_id} in this meeting.")
        edited = replace(
            current,
            kind=current.kind if kind is None else kind,
            nature=(current.nature if nature is None else nature).strip(),
            sensitive=current.sensitive if sensitive is None else sensitive,
            dispensation=current.dispensation if dispensation is None else dispensation,
            left_room=current.left_room if left_room is None else left_room,
        )
        if edited.sensitive:
            edited = replace(edited, nature="")
        name = record.name_of(current.person_id)
        if edited == current:
            raise RuleViolation(f"Nothing was changed in {name}'s declaration.")
        check_declaration(record, edited)
        scope.change(
            Entity.DECLARATION,
            declaration_id,
            kind_code=edited.kind,
            nature=edited.nature,
            sensitive=edited.sensitive,
            dispensation=edited.dispensation,
            left_room=edited.left_room,
        )
        scope.label = f"Edit {name}'s declaration in item {record.item(current.item_id).number}"
    scope.new_id = declaration_id
    return scope.done()

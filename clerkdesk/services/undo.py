"""Undo and redo, kept in the database so they survive a restart."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.rules import ensure_editable, validate_record
from clerkdesk.persistence.journal import apply_changes, decode_changes
from clerkdesk.persistence.records import load_record
from clerkdesk.persistence.schema import JournalRow
from clerkdesk.services.context import Change, Desk, write_audit

ALL_AREAS = frozenset({"attendance", "items", "votes", "declarations", "minutes", "meeting"})


@dataclass(frozen=True, slots=True)
class UndoState:
    undo_label: str | None
    redo_label: str | None


def _next_undo(session: Session, meeting_id: int) -> JournalRow | None:
    return session.scalars(
        select(JournalRow)
        .where(JournalRow.meeting_id == meeting_id, JournalRow.state == "done")
        .order_by(JournalRow.id.desc())
    ).first()


def _next_redo(session: Session, meeting_id: int) -> JournalRow | None:
    return session.scalars(
        select(JournalRow)
        .where(JournalRow.meeting_id == meeting_id, JournalRow.state == "undone")
        .order_by(JournalRow.id)
    ).first()


def undo_state(desk: Desk, meeting_id: int) -> UndoState:
    with desk.db.session() as session:
        undo, redo = _next_undo(session, meeting_id), _next_redo(session, meeting_id)
        return UndoState(undo.label if undo else None, redo.label if redo else None)


def _step(desk: Desk, meeting_id: int, *, backwards: bool) -> Change:
    word = "Undo" if backwards else "Redo"
    with desk.db.session() as session:
        ensure_editable(load_record(session, meeting_id))
        entry = _next_undo(session, meeting_id) if backwards else _next_redo(session, meeting_id)
        if entry is None:
            raise RuleViolation(f"There is nothing to {word.lower()}.")
        apply_changes(session, decode_changes(entry.changes), backwards=backwards)
        entry.state = "undone" if backwards else "done"
        session.flush()
        validate_record(load_record(session, meeting_id))
        write_audit(session, desk, meeting_id, f"{word}: {entry.label}", "")
        label = f"{word} {entry.label}"
    return Change(label, meeting_id, ALL_AREAS)


def undo(desk: Desk, meeting_id: int) -> Change:
    return _step(desk, meeting_id, backwards=True)


def redo(desk: Desk, meeting_id: int) -> Change:
    return _step(desk, meeting_id, backwards=False)

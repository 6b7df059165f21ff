"""Undo and redo, kept in the database so they survive a restart."""

from __future__ import annotations

from dataclasses import replace

from clerkdesk.domain.changes import UndoLabels
from clerkdesk.persistence.unit_of_work import undo_labels
from clerkdesk.services.context import Change, Desk, meeting_action

UndoState = UndoLabels


def undo_state(desk: Desk, meeting_id: int) -> UndoState:
    """What Undo and Redo would do now (when a meeting is opened; after an action
    its Change carries them), read without taking the write lock."""
    with desk.db.reading() as connection:
        return undo_labels(connection, meeting_id)


def _step(desk: Desk, meeting_id: int, *, backwards: bool) -> Change:
    word = "Undo" if backwards else "Redo"
    with meeting_action(desk, meeting_id, word, undoable=False) as work:
        label = work.replay(backwards=backwards)
        work.label = f"{word}: {label}"
    return replace(work.done(), label=f"{word} {label}")


def undo(desk: Desk, meeting_id: int) -> Change:
    return _step(desk, meeting_id, backwards=True)


def redo(desk: Desk, meeting_id: int) -> Change:
    return _step(desk, meeting_id, backwards=False)

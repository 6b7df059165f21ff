"""Text no meeting record may hold is refused before it is written.

The rule is the domain's (record_text.py); here it is applied to every value
on its way to the database, by the unit of work for a clerk's action and by
the session for what setup, imports and loaded records write, so that a
laptop's file and a team's server refuse the same text with the same
message. (PostgreSQL's own refusal of a NUL names no field and says nothing
a clerk can act on.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from clerkdesk.domain.record_text import check_record_text


def check_written_text(table: str, values: Mapping[str, Any]) -> None:
    """Refuse a text value of a row of ``table`` that no record may hold,
    naming the field ("The minute paragraph's text")."""
    for column, value in values.items():
        if isinstance(value, str):
            check_record_text(value, f"The {table.replace('_', ' ')}'s {column.replace('_', ' ')}")


def check_flushed_text(session: Session, _context: object, _instances: object) -> None:
    """Before a session writes: every text of a new row, and each text a
    changed row is given (a row already holding such text, from before the
    rule, can still be changed in its other fields)."""
    for row in (*session.new, *session.dirty):
        state = inspect(row)
        table = state.mapper.local_table.description or ""
        if row in session.new:
            values = {attr.key: attr.value for attr in state.attrs}
        else:
            values = {a.key: a.history.added[-1] for a in state.attrs if a.history.added}
        check_written_text(table, values)

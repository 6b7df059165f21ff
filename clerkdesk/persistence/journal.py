"""Row-level change capture, so every action can be undone, redone and audited.

Every row an action inserts, updates or deletes is captured by the unit of
work with its values before and after. The list is stored as JSON in the
journal (for undo and redo, which survive a restart) and in corrections (so a
correction keeps the original values). Undo applies the changes backwards.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table

from clerkdesk.persistence.dialects import defer_foreign_keys
from clerkdesk.persistence.schema import Base


@dataclass(frozen=True, slots=True)
class RowChange:
    op: str  # insert / update / delete
    table: str
    pk: Any
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "table": self.table,
            "pk": self.pk,
            "before": self.before,
            "after": self.after,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RowChange:
        return cls(data["op"], data["table"], data["pk"], data["before"], data["after"])


def encode_value(value: Any) -> Any:
    """A column's value as the journal keeps it in JSON."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def _decode(table: Table, column: str, value: Any) -> Any:
    if value is None:
        return None
    python_type = table.c[column].type.python_type
    if python_type is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if python_type is dt.date:
        return dt.date.fromisoformat(value)
    if python_type is dt.time:
        return dt.time.fromisoformat(value)
    return value


def encode_changes(changes: list[RowChange]) -> str:
    return json.dumps([c.to_json() for c in changes], separators=(",", ":"))


def decode_changes(text: str) -> list[RowChange]:
    return [RowChange.from_json(item) for item in json.loads(text)]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _decoded(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    return {key: _decode(table, key, value) for key, value in values.items()}


def apply_changes(connection: Connection, changes: list[RowChange], *, backwards: bool) -> None:
    """Apply ``changes`` forwards (redo) or backwards (undo) with Core statements.

    Foreign keys are checked at commit rather than per statement, since the
    captured order follows the action's writes, not the foreign keys.
    """
    defer_foreign_keys(connection)
    sequence = reversed(changes) if backwards else iter(changes)
    for change in sequence:
        table = _table(change.table)
        pk_column = next(iter(table.primary_key.columns))
        where = pk_column == change.pk
        op = change.op
        if backwards:
            op = {"insert": "delete", "delete": "insert", "update": "update"}[op]
        values = change.before if backwards else change.after
        if op == "insert":
            source = change.after if change.op == "insert" else change.before
            assert source is not None
            connection.execute(table.insert().values(**_decoded(table, source)))
        elif op == "delete":
            connection.execute(table.delete().where(where))
        else:
            assert values is not None
            connection.execute(table.update().where(where).values(**_decoded(table, values)))

"""Plain-SQL row writes that are captured for undo exactly as ORM flushes are.

The actions a clerk repeats through a meeting (marking attendance, times in
and out, votes, minute paragraphs) write one to three rows. Through the ORM's
unit of work, with its change capture, those writes cost more than the rest
of the action together (docs/benchmarks.md); here each is one statement on
the action's own connection, inside its transaction, and each appends the
same ``RowChange`` the flush capture would, so undo, redo and corrections do
not know the difference. Values are stored in SQLAlchemy's own formats, so a
row written here reads back exactly like one the ORM wrote.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table, Time

from clerkdesk.persistence.errors import TransactionEndedError
from clerkdesk.persistence.journal import UNTRACKED, RowChange
from clerkdesk.persistence.schema import Base

Values = dict[str, Any]
# Told of every row written: (cursor, table, op, whole row before, whole row after).
OnWrite = Callable[[sqlite3.Cursor, str, str, Values | None, Values | None], None]
# Called before every write: the action's ORM session, if it has one, flushes
# (so captured changes keep the order they were made in) and forgets what it
# loaded (so it never captures a "before" that a write here has changed).
BeforeWrite = Callable[[], None]


def _table(name: str) -> Table:
    try:
        return Base.metadata.tables[name]
    except KeyError:
        raise ValueError(f"There is no table {name!r}.") from None


def stored(table: Table, column: str, value: Any) -> Any:
    """``value`` as SQLAlchemy stores it in this column on SQLite."""
    if value is None:
        return None
    kind = table.c[column].type
    if isinstance(kind, DateTime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(kind, Date):
        return value.isoformat()
    if isinstance(kind, Time):
        return value.strftime("%H:%M:%S.%f")
    if isinstance(kind, Boolean):
        return int(bool(value))
    if isinstance(value, Enum):
        return value.value
    return value


def captured(table: Table, column: str, raw: Any) -> Any:
    """A stored value as the flush capture records it (journal.py's encoding)."""
    if raw is None:
        return None
    kind = table.c[column].type
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat(raw).isoformat()
    if isinstance(kind, Date):
        return dt.date.fromisoformat(raw).isoformat()
    if isinstance(kind, Time):
        return dt.time.fromisoformat(raw).isoformat()
    if isinstance(kind, Boolean):
        return bool(raw)
    return raw


class RowWriter:
    """Inserts, updates and deletes by primary key ``id``, each one captured."""

    def __init__(
        self,
        cursor: sqlite3.Cursor,
        changes: list[RowChange],
        on_write: OnWrite | None = None,
        before_write: BeforeWrite | None = None,
    ) -> None:
        self._cursor = cursor
        self._changes = changes
        self._on_write = on_write
        self._before_write = before_write

    def _ready(self) -> None:
        # The driver connection is in autocommit mode between transactions: a
        # write after a rollback would be committed on its own, half an action.
        if not self._cursor.connection.in_transaction:
            raise TransactionEndedError()
        if self._before_write is not None:
            self._before_write()

    def one(self, sql: str, *params: Any) -> tuple[Any, ...] | None:
        found: tuple[Any, ...] | None = self._cursor.execute(sql, params).fetchone()
        return found

    def all(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        found: list[tuple[Any, ...]] = self._cursor.execute(sql, params).fetchall()
        return found

    def value(self, sql: str, *params: Any) -> Any:
        found = self.one(sql, *params)
        return None if found is None else found[0]

    def next_position(self, table: str, parent_column: str, parent_id: int) -> int:
        """One past the last position among the rows of the same parent."""
        if parent_column not in _table(table).c:
            raise ValueError(f"{table} has no column {parent_column!r}.")
        current = self.value(
            f"SELECT max(position) FROM {table} WHERE {parent_column} = ?", parent_id
        )
        return 0 if current is None else int(current) + 1

    def insert(self, table_name: str, values: Values) -> int:
        table = _table(table_name)
        self._ready()
        columns = list(values)
        self._cursor.execute(
            f"INSERT INTO {table_name} ({', '.join(columns)})"
            f" VALUES ({', '.join('?' for _ in columns)})",
            [stored(table, c, values[c]) for c in columns],
        )
        new_id = self._cursor.lastrowid
        assert new_id is not None
        if table_name not in UNTRACKED:
            after = self._row(table, new_id)
            self._changes.append(RowChange("insert", table_name, new_id, None, after))
            self._told(table_name, "insert", None, after)
        return new_id

    def update(self, table_name: str, row_id: int, values: Values) -> bool:
        """Change the given columns; False (and nothing written) if none differs."""
        table = _table(table_name)
        self._ready()
        before = self._row(table, row_id)
        wanted = {c: stored(table, c, v) for c, v in values.items()}
        changed = {c: v for c, v in wanted.items() if captured(table, c, v) != before[c]}
        if not changed:
            return False
        self._cursor.execute(
            f"UPDATE {table_name} SET {', '.join(f'{c} = ?' for c in changed)} WHERE id = ?",
            [*changed.values(), row_id],
        )
        if table_name not in UNTRACKED:
            after = {c: captured(table, c, v) for c, v in changed.items()}
            self._changes.append(
                RowChange("update", table_name, row_id, {c: before[c] for c in changed}, after)
            )
            self._told(table_name, "update", before, {**before, **after})
        return True

    def delete(self, table_name: str, row_id: int) -> None:
        table = _table(table_name)
        self._ready()
        before = self._row(table, row_id)
        self._cursor.execute(f"DELETE FROM {table_name} WHERE id = ?", (row_id,))
        if table_name not in UNTRACKED:
            self._changes.append(RowChange("delete", table_name, row_id, before, None))
            self._told(table_name, "delete", before, None)

    def _told(self, table: str, op: str, before: Values | None, after: Values | None) -> None:
        if self._on_write is not None:
            self._on_write(self._cursor, table, op, before, after)

    def _row(self, table: Table, row_id: int) -> Values:
        columns = [c.name for c in table.columns]
        found = self.one(f"SELECT {', '.join(columns)} FROM {table.name} WHERE id = ?", row_id)
        if found is None:
            raise LookupError(f"There is no row {row_id} in {table.name}.")
        return {c: captured(table, c, v) for c, v in zip(columns, found, strict=True)}

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
import functools
import sqlite3
from collections.abc import Callable
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table, Time

from clerkdesk.persistence.errors import TransactionEndedError
from clerkdesk.persistence.journal import UNTRACKED, RowChange
from clerkdesk.persistence.schema import Base

Values = dict[str, Any]
# Told of every row written: (cursor, table, op, whole row before, whole row
# after, the connection's total_changes just before the write).
OnWrite = Callable[[sqlite3.Cursor, str, str, Values | None, Values | None, int], None]
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
    return _codec(table.name).store[column](value)


def captured(table: Table, column: str, raw: Any) -> Any:
    """A stored value as the flush capture records it (journal.py's encoding)."""
    return _codec(table.name).capture[column](raw)


Convert = Callable[[Any], Any]


# SQLAlchemy's SQLite formats, "%(year)04d-%(month)02d-%(day)02d %(hour)02d:
# %(minute)02d:%(second)02d.%(microsecond)06d" and the time part alone: what
# isoformat writes with these arguments, and several times faster than strftime.
def _store_datetime(value: Any) -> Any:
    return None if value is None else value.isoformat(sep=" ", timespec="microseconds")


def _store_date(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _store_time(value: Any) -> Any:
    return None if value is None else value.isoformat(timespec="microseconds")


def _store_boolean(value: Any) -> Any:
    return None if value is None else int(bool(value))


def _store_plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _capture_datetime(raw: Any) -> Any:
    return None if raw is None else dt.datetime.fromisoformat(raw).isoformat()


def _capture_date(raw: Any) -> Any:
    return None if raw is None else dt.date.fromisoformat(raw).isoformat()


def _capture_time(raw: Any) -> Any:
    return None if raw is None else dt.time.fromisoformat(raw).isoformat()


def _capture_boolean(raw: Any) -> Any:
    return None if raw is None else bool(raw)


def _capture_plain(raw: Any) -> Any:
    return raw


# DateTime before Date: SQLAlchemy's DateTime is not a Date, but the order says
# plainly which test wins.
_BY_TYPE: tuple[tuple[type, Convert, Convert], ...] = (
    (DateTime, _store_datetime, _capture_datetime),
    (Date, _store_date, _capture_date),
    (Time, _store_time, _capture_time),
    (Boolean, _store_boolean, _capture_boolean),
)


class _Codec:
    """One table's columns, each with its storing and capturing conversion,
    worked out once: looking the column types up on every value cost a fifth
    of a minute paragraph's write."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = [c.name for c in table.columns]
        self.select_row = f"SELECT {', '.join(self.columns)} FROM {table.name} WHERE id = ?"
        self._select_where: dict[tuple[str, ...], str] = {}
        self.store: dict[str, Convert] = {}
        self.capture: dict[str, Convert] = {}
        for column in table.columns:
            store: Convert = _store_plain
            capture: Convert = _capture_plain
            for kind, store_kind, capture_kind in _BY_TYPE:
                if isinstance(column.type, kind):
                    store, capture = store_kind, capture_kind
                    break
            self.store[column.name] = store
            self.capture[column.name] = capture

    def select_where(self, key: tuple[str, ...]) -> str:
        """SELECT of the whole row by the given key columns (checked against the table)."""
        sql = self._select_where.get(key)
        if sql is None:
            for column in key:
                if column not in self.store:
                    raise ValueError(f"{self.table.name} has no column {column!r}.")
            where = " AND ".join(f"{column} = ?" for column in key)
            sql = f"SELECT {', '.join(self.columns)} FROM {self.table.name} WHERE {where}"
            self._select_where[key] = sql
        return sql


@functools.cache
def _codec(table_name: str) -> _Codec:
    return _Codec(_table(table_name))


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
        codec = _codec(table_name)
        self._ready()
        columns = list(values)
        written_before = self._cursor.connection.total_changes
        self._cursor.execute(
            f"INSERT INTO {table_name} ({', '.join(columns)})"
            f" VALUES ({', '.join('?' for _ in columns)})",
            [codec.store[c](values[c]) for c in columns],
        )
        new_id = self._cursor.lastrowid
        assert new_id is not None
        if table_name not in UNTRACKED:
            after = self._row(codec, new_id)
            self._changes.append(RowChange("insert", table_name, new_id, None, after))
            self._told(table_name, "insert", None, after, written_before)
        return new_id

    def update(self, table_name: str, row_id: int, values: Values) -> bool:
        """Change the given columns; False (and nothing written) if none differs."""
        codec = _codec(table_name)
        self._ready()
        return self._update(codec, row_id, self._row(codec, row_id), values)

    def update_where(self, table_name: str, key: Values, values: Values) -> bool | None:
        """``update`` the one row whose ``key`` columns (a unique key) hold these
        values, found and read in one statement; None if there is no such row."""
        codec = _codec(table_name)
        self._ready()
        found = self.one(codec.select_where(tuple(key)), *key.values())
        if found is None:
            return None
        capture = codec.capture
        before = {c: capture[c](v) for c, v in zip(codec.columns, found, strict=True)}
        return self._update(codec, before["id"], before, values)

    def _update(self, codec: _Codec, row_id: int, before: Values, values: Values) -> bool:
        table_name = codec.table.name
        store, capture = codec.store, codec.capture
        changed: Values = {}
        after: Values = {}
        for column, value in values.items():
            raw = store[column](value)
            as_captured = capture[column](raw)
            if as_captured != before[column]:
                changed[column], after[column] = raw, as_captured
        if not changed:
            return False
        written_before = self._cursor.connection.total_changes
        self._cursor.execute(
            f"UPDATE {table_name} SET {', '.join(f'{c} = ?' for c in changed)} WHERE id = ?",
            [*changed.values(), row_id],
        )
        if table_name not in UNTRACKED:
            self._changes.append(
                RowChange("update", table_name, row_id, {c: before[c] for c in changed}, after)
            )
            self._told(table_name, "update", before, {**before, **after}, written_before)
        return True

    def delete(self, table_name: str, row_id: int) -> None:
        codec = _codec(table_name)
        self._ready()
        before = self._row(codec, row_id)
        written_before = self._cursor.connection.total_changes
        self._cursor.execute(f"DELETE FROM {table_name} WHERE id = ?", (row_id,))
        if table_name not in UNTRACKED:
            self._changes.append(RowChange("delete", table_name, row_id, before, None))
            self._told(table_name, "delete", before, None, written_before)

    def _told(
        self,
        table: str,
        op: str,
        before: Values | None,
        after: Values | None,
        written_before: int,
    ) -> None:
        if self._on_write is not None:
            self._on_write(self._cursor, table, op, before, after, written_before)

    def _row(self, codec: _Codec, row_id: int) -> Values:
        found = self.one(codec.select_row, row_id)
        if found is None:
            raise LookupError(f"There is no row {row_id} in {codec.table.name}.")
        capture = codec.capture
        return {c: capture[c](v) for c, v in zip(codec.columns, found, strict=True)}

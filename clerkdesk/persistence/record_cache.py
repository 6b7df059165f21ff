"""Meeting records kept in memory between clerk actions.

Reading a whole meeting costs more than everything else a clerk action does
(docs/benchmarks.md), yet an action changes one or two tables. Migration 0003
gives every table a record is read from a change counter, raised by triggers
on every insert, update and delete, in the same transaction, whoever writes.
A record kept here remembers the counters it was read at; the next read
compares them (one query) and reads again only the sections whose tables
have changed since.

Only what a committed transaction read is kept: reads inside a transaction
go to that transaction's own list, handed over by ``Database`` after
its COMMIT succeeds. A rolled-back transaction can leave counters at values
a later transaction reaches again with different rows, so nothing it read
may survive it. Within a committed transaction, a section read part-way is
still safe to keep: if its tables changed after it was read, their counters
moved on too.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from clerkdesk.domain.model import MeetingRecord
from clerkdesk.persistence.record_patch import patch_fields
from clerkdesk.persistence.records import (
    RECORD_TABLES,
    SECTIONS,
    Fields,
    InTransaction,
    driver_cursor,
    read_sections,
    read_whole_record,
)

PENDING_KEY = "clerkdesk.pending_records"
_COUNTERS = "SELECT tbl, n FROM change_counter"
_TOTAL = "SELECT coalesce(sum(n), 0) FROM change_counter"
# The meetings a clerk moves between in one sitting; each record is small.
KEPT_MEETINGS = 16


class _Kept:
    """A record with the counters it matches. (A plain class: made on every
    action, and a frozen dataclass's __init__ was a cost of its own.)"""

    __slots__ = ("counters", "exact_at", "fields", "record", "total")

    def __init__(
        self,
        counters: dict[str, int],
        fields: Fields,
        record: MeetingRecord,
        exact_at: int | None = None,
    ) -> None:
        self.counters = counters
        self.fields = fields
        self.record = record
        # Counters only ever go up (every committed write raises one, and what a
        # rolled-back transaction read is never kept), so their sum is the same
        # exactly when every one of them is: one number to compare, not fifteen.
        self.total = sum(counters.values())
        # Inside the transaction that made it: the connection's total_changes
        # at the moment the record matched the file exactly. While that count
        # stands, nothing has been written since (our own BEGIN IMMEDIATE keeps
        # every other writer out, and the count includes what triggers wrote),
        # so the record is used as it is, without reading the counters again.
        self.exact_at = exact_at


def counters_intact(connection: sqlite3.Connection) -> bool:
    """Whether every table a record is read from has its counter and its three
    triggers. A later migration that rebuilt a table and forgot them would
    leave the counters still, and kept records stale: such a database is read
    in full every time instead."""
    counted = {row[0] for row in connection.execute("SELECT tbl FROM change_counter")}
    triggers = {
        row[0]
        for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    wanted = {f"count_{t}_{op}" for t in RECORD_TABLES for op in ("insert", "update", "delete")}
    return counted >= RECORD_TABLES and wanted <= triggers


@dataclass(slots=True)
class CacheStats:
    """How reads were answered, for tests and the benchmarks (counted without a
    lock: under threads a count can be lost, never a record)."""

    whole: int = 0  # read in full
    partial: int = 0  # some sections read again
    kept: int = 0  # nothing had changed
    unchanged: int = 0  # read again in the same transaction, nothing written since
    patched: int = 0  # a row the action wrote, applied in memory


class RecordCache:
    """The meeting records of one ``Database``, checked against the counters."""

    def __init__(self, *, enabled: bool = True, verify: bool | None = None) -> None:
        self.enabled = enabled
        self._kept: OrderedDict[int, _Kept] = OrderedDict()
        self._lock = threading.Lock()
        self.stats = CacheStats()
        # Checking every read against a full read: on in the test suite, so
        # that every test of every service also tests this cache.
        self.verify = (
            os.environ.get("CLERKDESK_VERIFY_RECORDS") == "1" if verify is None else verify
        )

    def record(self, session: InTransaction, meeting_id: int) -> MeetingRecord:
        if not self.enabled:
            self.stats.whole += 1
            return read_whole_record(session, meeting_id)
        cursor = driver_cursor(session)
        pending: dict[int, _Kept] = session.info.setdefault(PENDING_KEY, {})
        mine = pending.get(meeting_id)
        if mine is not None and mine.exact_at == cursor.connection.total_changes:
            self.stats.unchanged += 1
            return self._checked(session, mine.record)
        kept = mine or self._committed(meeting_id)
        if kept is not None and cursor.execute(_TOTAL).fetchone()[0] == kept.total:
            self.stats.kept += 1  # the usual case: one sum compared
            exact = cursor.connection.total_changes
            pending[meeting_id] = _Kept(kept.counters, kept.fields, kept.record, exact)
            return self._checked(session, kept.record)
        counters: dict[str, int] = dict(cursor.execute(_COUNTERS).fetchall())
        if kept is None:
            fields = read_sections(cursor, meeting_id, SECTIONS)
            self.stats.whole += 1
        else:
            changed = {t for t, n in counters.items() if kept.counters.get(t) != n}
            stale = [name for name, section in SECTIONS.items() if section.tables & changed]
            if not stale:  # tables changed that no section of a record reads
                self.stats.kept += 1
                exact = cursor.connection.total_changes
                pending[meeting_id] = _Kept(counters, kept.fields, kept.record, exact)
                return self._checked(session, kept.record)
            fields = {**kept.fields, **read_sections(cursor, meeting_id, stale)}
            self.stats.partial += 1
        record = MeetingRecord(**fields)
        pending[meeting_id] = _Kept(counters, fields, record, cursor.connection.total_changes)
        return self._checked(session, record)

    def patch(
        self,
        session: InTransaction,
        meeting_id: int,
        cursor: sqlite3.Cursor,
        table: str,
        op: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
        changes_before: int | None = None,
    ) -> None:
        """Apply a row the session has just written to the meeting's kept record.

        The counter moves on by the one step the table's trigger took; if the
        record was already behind for that table it stays behind, and the
        section is read at the next use, as it would have been.
        ``changes_before`` is the connection's total_changes just before the
        write: if the record was exact then, it is exact again now.
        """
        if not self.enabled:
            return
        pending: dict[int, _Kept] = session.info.setdefault(PENDING_KEY, {})
        mine = pending.get(meeting_id)
        kept = mine or self._committed(meeting_id)
        if kept is None or table not in kept.counters:
            return
        fields = patch_fields(cursor, kept.fields, table, op, before, after)
        if fields is None:
            return
        counters = {**kept.counters, table: kept.counters[table] + 1}
        # Exact only if it was exact, in this transaction, just before the write.
        exact = mine is not None and mine.exact_at is not None and mine.exact_at == changes_before
        exact_at = cursor.connection.total_changes if exact else None
        pending[meeting_id] = _Kept(counters, fields, MeetingRecord(**fields), exact_at)
        self.stats.patched += 1

    def keep(self, session: InTransaction) -> None:
        """Keep what ``session`` read; call only once its transaction has committed."""
        pending: dict[int, _Kept] | None = session.info.pop(PENDING_KEY, None)
        if not pending:
            return
        with self._lock:
            for meeting_id, kept in pending.items():
                # Its exact_at goes with it but means nothing outside the
                # transaction: record() and patch() trust it only in the
                # transaction's own pending entries.
                self._kept[meeting_id] = kept
                self._kept.move_to_end(meeting_id)
            while len(self._kept) > KEPT_MEETINGS:
                self._kept.popitem(last=False)

    def forget(self) -> None:
        with self._lock:
            self._kept.clear()

    def _committed(self, meeting_id: int) -> _Kept | None:
        with self._lock:
            return self._kept.get(meeting_id)

    def _checked(self, session: InTransaction, record: MeetingRecord) -> MeetingRecord:
        if self.verify:
            fresh = read_whole_record(session, record.meeting_id)
            # repr as well as ==: 'present' == AttendanceStatus.PRESENT and 1 == True,
            # but the rules test members with `is`, so the types must match too.
            if fresh != record or repr(fresh) != repr(record):
                raise AssertionError(
                    f"The record kept in memory for meeting {record.meeting_id} differs "
                    "from the database."
                )
        return record

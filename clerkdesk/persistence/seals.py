"""Sealing meetings approved before ClerkDesk sealed approvals (schema 10).

Decided: the seal is computed once, while the database is upgraded to schema
10, in the same transaction as the new columns, rather than at the first read.
A read then never writes (a dump or an export stays read-only), and every
approved meeting has its seal from the moment the new version opens the file,
so no later path has to ask whether a meeting might still be unsealed. What is
sealed is the record as the older version left it: the chain starts there.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Connection, create_engine, exists, inspect, select, update
from sqlalchemy.pool import StaticPool

from clerkdesk.domain.seal import next_seal
from clerkdesk.persistence.records import Reading, read_record, statements_for_columns
from clerkdesk.persistence.schema import Base


class _Borrowed:
    """The upgrade's own sqlite3 connection, lent to SQLAlchemy for the record
    reader: the upgrade's transaction is the ladder's to commit or roll back,
    so SQLAlchemy's ending of its connection does neither."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)

    def commit(self) -> None:
        pass

    def rollback(self) -> None:
        pass

    def close(self) -> None:
        pass


def seal_unsealed_approvals(conn: sqlite3.Connection) -> int:
    """Seal every approved meeting that has no seal yet; returns how many."""
    engine = create_engine("sqlite://", creator=lambda: _Borrowed(conn), poolclass=StaticPool)
    with engine.connect() as connection:
        return _seal(connection)


def _seal(connection: Connection) -> int:
    meeting, correction = Base.metadata.tables["meeting"], Base.metadata.tables["correction"]
    unsealed = connection.scalars(
        select(meeting.c.id)
        .where(
            meeting.c.status == "approved",
            meeting.c.seal.is_(None),
            ~exists().where(correction.c.meeting_id == meeting.c.id, correction.c.seal.isnot(None)),
        )
        .order_by(meeting.c.id)
    ).all()
    # The file is at version 10: the columns later versions add are not there yet.
    schema = inspect(connection)
    statements = statements_for_columns(
        {name: {c["name"] for c in schema.get_columns(name)} for name in schema.get_table_names()}
    )
    for meeting_id in unsealed:
        record = read_record(Reading(connection, meeting_id, statements))
        # Its corrections (if any) carry no seal, so the meeting's seal is the
        # latest link and vouches for the record with them.
        connection.execute(
            update(meeting).where(meeting.c.id == meeting_id).values(seal=next_seal(None, record))
        )
    return len(unsealed)

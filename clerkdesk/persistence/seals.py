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

from clerkdesk.domain.model import MeetingRecord
from clerkdesk.domain.seal import next_seal
from clerkdesk.persistence.records import SECTIONS, read_sections


def seal_unsealed_approvals(conn: sqlite3.Connection) -> int:
    """Seal every approved meeting that has no seal yet; returns how many."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    unsealed = [
        row[0]
        for row in cursor.execute(
            "SELECT id FROM meeting WHERE status = 'approved' AND seal IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM correction c"
            " WHERE c.meeting_id = meeting.id AND c.seal IS NOT NULL) ORDER BY id"
        ).fetchall()
    ]
    for meeting_id in unsealed:
        record = MeetingRecord(**read_sections(cursor, meeting_id, SECTIONS))
        # Its corrections (if any) carry no seal, so the meeting's seal is the
        # latest link and vouches for the record with them.
        cursor.execute(
            "UPDATE meeting SET seal = ? WHERE id = ?", (next_seal(None, record), meeting_id)
        )
    return len(unsealed)

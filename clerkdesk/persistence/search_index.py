"""Bringing the full-text index of the minutes up to date.

Since migration 0007 a minute paragraph's insert, edit or delete only notes,
in ``search_pending`` and in the same transaction, which index entry is out of
date; ``catch_up`` replaces those entries with the paragraphs as they now are
(or drops them, for paragraphs deleted since). It runs before every search, so
a search always sees every minute recorded, when the clerk pauses, and when
the database is closed, so that a closed file's index is complete. Plain
sqlite3 only: this runs on whichever connection the caller holds.
"""

from __future__ import annotations

import sqlite3

# An entry is the paragraph's id * 4 + 3 (migration 0002), so entry / 4 is its id.
_DROP_STALE = "DELETE FROM search_index WHERE rowid IN (SELECT entry FROM search_pending)"
_ADD_CURRENT = (
    "INSERT INTO search_index (rowid, kind, row_id, meeting_id, item_id, body)"
    " SELECT p.id * 4 + 3, 'minute', p.id, i.meeting_id, p.item_id, p.text"
    " FROM search_pending q"
    " JOIN minute_paragraph p ON p.id = q.entry / 4"
    " JOIN agenda_item i ON i.id = p.item_id"
    " ORDER BY q.entry"
)
_CLEAR = "DELETE FROM search_pending"
_ANY = "SELECT EXISTS (SELECT 1 FROM search_pending)"


def is_behind(connection: sqlite3.Connection) -> bool:
    """Whether some minute's index entry is out of date."""
    return bool(connection.execute(_ANY).fetchone()[0])


def catch_up(connection: sqlite3.Connection) -> bool:
    """Bring every out-of-date entry up to date; True if there were any.

    Call inside a write transaction: the three statements stand or fall together.
    """
    if not is_behind(connection):
        return False
    connection.execute(_DROP_STALE)
    connection.execute(_ADD_CURRENT)
    connection.execute(_CLEAR)
    return True

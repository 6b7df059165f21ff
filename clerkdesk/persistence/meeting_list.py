"""The list of meetings in a database, newest first, for the window's first look.

The desktop app lists a SQLite file's meetings with the standard library
alone before SQLAlchemy is loaded (opening.py): importing it takes longer
than the window takes to appear (docs/benchmarks.md), and a test checks that
the first look loads none of it. So this one query is plain SQL on a sqlite3
connection. Once the database is open, the services list meetings in Core
(``records.meeting_list``) on any database; a test checks that the two agree.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple


class MeetingSummary(NamedTuple):
    """One line of the list. A named tuple, not a frozen dataclass: a council's
    server lists tens of thousands of meetings, and a frozen dataclass's
    constructor cost five times a tuple's, most of the list's time in Python
    (docs/benchmarks.md, issue 18)."""

    id: int
    organisation: str
    committee: str
    date: str  # ISO 8601, as stored
    status: str
    venue: str | None


MEETINGS_SQL = (
    "SELECT m.id, o.name, c.name, m.date, m.status, m.venue"
    " FROM meeting m"
    " JOIN committee c ON c.id = m.committee_id"
    " JOIN organisation o ON o.id = c.organisation_id"
    " ORDER BY m.date DESC, m.id DESC"
)


def read_meeting_list(connection: sqlite3.Connection) -> list[MeetingSummary]:
    return [MeetingSummary(*row) for row in connection.execute(MEETINGS_SQL)]

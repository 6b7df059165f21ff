"""The list of meetings in a database, newest first, in plain SQL.

One query, on any sqlite3 connection: the window shows it before SQLAlchemy
is loaded (opening.py), and the services list meetings with it too, so the
two can never disagree.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MeetingSummary:
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

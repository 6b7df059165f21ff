"""Read-only look-ups the windows need that no service offers.

Plain functions over a :class:`Database`; no Qt here, so they can be tested
and reused from a script.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from clerkdesk.persistence import queries
from clerkdesk.persistence.database import Database
from clerkdesk.persistence.errors import DatabaseError
from clerkdesk.persistence.search_index import count_words, search_rows, search_terms


@dataclass(frozen=True, slots=True)
class CommitteeSummary:
    id: int
    organisation: str
    name: str
    quorum: int
    members: int

    @property
    def label(self) -> str:
        return f"{self.name} ({self.organisation}), {self.members} members, quorum {self.quorum}"


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str
    meeting_id: int
    item_id: int | None
    committee: str
    date: dt.date
    item_number: str
    snippet: str


@dataclass(frozen=True, slots=True)
class PersonSummary:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class HistoryRow:
    meeting_id: int
    item_id: int | None
    date: dt.date
    committee: str
    what: str


def list_committees(db: Database) -> list[CommitteeSummary]:
    with db.session() as session:
        return [CommitteeSummary(*row) for row in session.connection().execute(queries.COMMITTEES)]


# What one search may ask of the index. Each word is looked up as a prefix,
# and the cost grows with the number of words (a pasted page took minutes);
# a clerk's search is a few words, a pasted sentence a few dozen.
MAX_SEARCH_WORDS = 32
MAX_SEARCH_CHARACTERS = 256


class SearchTooLong(ValueError):
    """The clerk's search is beyond one of the limits above; the message says which."""


def check_search(words: str) -> None:
    """Refuse a search beyond the limits above, saying which."""
    if len(words) > MAX_SEARCH_CHARACTERS:
        raise SearchTooLong(
            f"The search is {len(words):,} characters long; the limit is "
            f"{MAX_SEARCH_CHARACTERS} characters. Search for fewer, rarer words."
        )
    if count_words(words) > MAX_SEARCH_WORDS:
        raise SearchTooLong(
            f"The search has {count_words(words):,} words; the limit is "
            f"{MAX_SEARCH_WORDS} words. Search for fewer, rarer words."
        )


def search(db: Database, words: str, limit: int = 200) -> list[SearchHit]:
    """Hits across every meeting, the most recently recorded first.

    Raises :class:`SearchTooLong` for a search beyond the limits above.

    Newest first rather than by relevance: ranking scores every match before
    the first ``limit`` can be taken (a fifth of a second over ten years of
    minutes), while the index can walk its rowids backwards and stop early.
    """
    check_search(words)
    if not search_terms(words):
        return []
    # The minutes recorded since the clerk last paused; a read-only or busy
    # file is searched as it is indexed.
    with contextlib.suppress(DatabaseError):
        db.catch_up_search()
    with db.session() as session:
        rows = search_rows(session.connection(), words, limit)
    return [
        SearchHit(
            kind=kind,
            meeting_id=int(meeting_id),
            item_id=int(item_id) if item_id is not None else None,
            committee=committee,
            date=date,
            item_number=number,
            snippet=snippet,
        )
        for kind, meeting_id, item_id, committee, date, number, snippet in rows
    ]


def list_councillors(db: Database) -> list[PersonSummary]:
    with db.session() as session:
        return [PersonSummary(*row) for row in session.connection().execute(queries.COUNCILLORS)]


def member_history(db: Database, person_id: int) -> list[HistoryRow]:
    """A member's attendance and declarations at every meeting, newest first."""
    rows: list[HistoryRow] = []
    with db.session() as session:
        connection = session.connection()
        for row in queries.member_attendance(connection, person_id):
            what = row.status.capitalize()
            if row.capacity == "substitute" and row.replaced:
                what += f" (substituting for {row.replaced})"
            elif row.capacity == "other-member":
                what += " (other member in attendance)"
            if row.arrived_at:
                what += f", arrived {row.arrived_at:%H.%M}"
            if row.departed_at:
                what += f", left {row.departed_at:%H.%M}"
            rows.append(HistoryRow(int(row.meeting_id), None, row.date, row.committee, what))
        for row in queries.member_declarations(connection, person_id):
            detail = "sensitive interest" if row.sensitive else (row.nature or "")
            what = f"Declared {str(row.label or 'an interest').lower()} in item {row.number}"
            if detail:
                what += f": {detail}"
            item_id = int(row.item_id)
            rows.append(HistoryRow(int(row.meeting_id), item_id, row.date, row.committee, what))
    rows.sort(key=lambda r: (r.date, r.item_id is not None), reverse=True)
    return rows

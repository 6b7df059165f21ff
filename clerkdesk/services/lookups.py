"""Read-only look-ups the windows need that no service offers.

Plain functions over a :class:`Database`; no Qt here, so they can be tested
and reused from a script.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import unicodedata
from dataclasses import dataclass

from sqlalchemy import text

from clerkdesk.persistence.database import Database
from clerkdesk.persistence.errors import DatabaseError


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
    sql = text(
        "SELECT c.id, o.name, c.name, c.quorum,"
        " (SELECT count(*) FROM committee_member m WHERE m.committee_id = c.id)"
        " FROM committee c JOIN organisation o ON o.id = c.organisation_id"
        " ORDER BY o.name, c.name"
    )
    with db.session() as session:
        return [CommitteeSummary(*row) for row in session.execute(sql).all()]


# The SQL of the look-ups below, by name: the history benchmark runs the same
# statements on a bare sqlite3 connection as their baseline.
SEARCH_SQL = (
    "SELECT s.kind, s.meeting_id, s.item_id, c.name, m.date, coalesce(i.number, ''),"
    " snippet(search_index, 4, '[', ']', ' … ', 12)"
    " FROM search_index s"
    " JOIN meeting m ON m.id = s.meeting_id"
    " JOIN committee c ON c.id = m.committee_id"
    " LEFT JOIN agenda_item i ON i.id = s.item_id"
    " WHERE search_index MATCH :q ORDER BY s.rowid DESC LIMIT :limit"
)
MEMBER_ATTENDANCE_SQL = (
    "SELECT a.meeting_id, m.date, c.name, a.capacity, a.status, a.arrived_at,"
    " a.departed_at, s.name"
    " FROM attendee a JOIN meeting m ON m.id = a.meeting_id"
    " JOIN committee c ON c.id = m.committee_id"
    " LEFT JOIN person s ON s.id = a.substitute_for_id"
    " WHERE a.person_id = :p"
)
MEMBER_DECLARATIONS_SQL = (
    "SELECT d.meeting_id, d.item_id, m.date, c.name, i.number, k.label, d.nature,"
    " d.sensitive"
    " FROM declaration d JOIN meeting m ON m.id = d.meeting_id"
    " JOIN committee c ON c.id = m.committee_id"
    " JOIN agenda_item i ON i.id = d.item_id"
    " LEFT JOIN interest_kind k ON k.code = d.kind_code"
    " WHERE d.person_id = :p"
)


# What one search may ask of the index. Each word is looked up as a prefix,
# and the cost grows with the number of words (a pasted page took minutes);
# a clerk's search is a few words, a pasted sentence a few dozen.
MAX_SEARCH_WORDS = 32
MAX_SEARCH_CHARACTERS = 256


class SearchTooLong(ValueError):
    """The clerk's search is beyond one of the limits above; the message says which."""


def _is_token_character(ch: str) -> bool:
    # The index's tokenizer (unicode61, migration 0002) keeps letters, numbers
    # and private-use characters ("L* N* Co") and splits on everything else.
    return ch.isalnum() or unicodedata.category(ch) == "Co"


def count_words(words: str) -> int:
    """How many words the index would see in ``words`` ("double-handed" is two)."""
    count, inside = 0, False
    for ch in words:
        token = _is_token_character(ch)
        count += token and not inside
        inside = token
    return count


def fts_query(words: str) -> str:
    """Turn what the clerk typed into a safe FTS5 query.

    Each term between spaces becomes one quoted phrase, as a prefix: FTS5 runs
    the index's own tokenizer over a phrase, so "double-handed" and "3.25" match
    the text as it was indexed, and nothing the clerk types (quotes, NEAR, AND,
    *, ^, column:) is read as query syntax. Terms without a letter or digit are
    dropped: the tokenizer would find nothing in them.
    """
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
    terms = [term for term in words.split() if any(map(_is_token_character, term))]
    return " ".join('"' + term.replace('"', '""') + '"*' for term in terms)


def search(db: Database, words: str, limit: int = 200) -> list[SearchHit]:
    """Hits across every meeting, the most recently recorded first.

    Raises :class:`SearchTooLong` for a search beyond the limits above.

    Newest first rather than by relevance: ranking scores every match before
    the first ``limit`` can be taken (a fifth of a second over ten years of
    minutes), while the index can walk its rowids backwards and stop early.
    """
    query = fts_query(words)
    if not query:
        return []
    # The minutes recorded since the clerk last paused; a read-only or busy
    # file is searched as it is indexed.
    with contextlib.suppress(DatabaseError):
        db.catch_up_search()
    with db.session() as session:
        rows = session.execute(text(SEARCH_SQL), {"q": query, "limit": limit}).all()
    return [
        SearchHit(
            kind=kind,
            meeting_id=int(meeting_id),
            item_id=int(item_id) if item_id is not None else None,
            committee=committee,
            date=_date(date),
            item_number=number,
            snippet=snippet,
        )
        for kind, meeting_id, item_id, committee, date, number, snippet in rows
    ]


def list_councillors(db: Database) -> list[PersonSummary]:
    sql = text("SELECT id, name FROM person WHERE kind = 'councillor' ORDER BY name")
    with db.session() as session:
        return [PersonSummary(*row) for row in session.execute(sql).all()]


def member_history(db: Database, person_id: int) -> list[HistoryRow]:
    """A member's attendance and declarations at every meeting, newest first."""
    attendance, declarations = text(MEMBER_ATTENDANCE_SQL), text(MEMBER_DECLARATIONS_SQL)
    rows: list[HistoryRow] = []
    with db.session() as session:
        for (
            meeting_id,
            date,
            committee,
            capacity,
            status,
            arrived,
            departed,
            replaced,
        ) in session.execute(attendance, {"p": person_id}).all():
            what = status.capitalize()
            if capacity == "substitute" and replaced:
                what += f" (substituting for {replaced})"
            elif capacity == "other-member":
                what += " (other member in attendance)"
            if arrived:
                what += f", arrived {_hhmm(arrived)}"
            if departed:
                what += f", left {_hhmm(departed)}"
            rows.append(HistoryRow(int(meeting_id), None, _date(date), committee, what))
        for (
            meeting_id,
            item_id,
            date,
            committee,
            number,
            label,
            nature,
            sensitive,
        ) in session.execute(declarations, {"p": person_id}).all():
            detail = "sensitive interest" if sensitive else (nature or "")
            what = f"Declared {str(label or 'an interest').lower()} in item {number}"
            if detail:
                what += f": {detail}"
            rows.append(HistoryRow(int(meeting_id), int(item_id), _date(date), committee, what))
    rows.sort(key=lambda r: (r.date, r.item_id is not None), reverse=True)
    return rows


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _hhmm(value: object) -> str:
    return str(value)[:5].replace(":", ".")

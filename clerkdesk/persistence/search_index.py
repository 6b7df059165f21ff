"""The full-text search of the record, one interface on either database.

On a SQLite file it is an FTS5 table (migration 0002); on a server,
PostgreSQL's text search over GIN indexes on the same words (server.py),
which are always current. ``search_rows`` asks either in the same terms.

Bringing the SQLite file's index of the minutes up to date:

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
import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Date, TextualSelect, text

from clerkdesk.domain.record_text import NOT_RECORD_TEXT

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


def merge_search_index(connection: Connection) -> None:
    """Merge the index's segments, so that words of deleted rows leave the file.
    (A server's indexes keep no text; reclaiming its dead rows is VACUUM's job.)"""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("INSERT INTO search_index (search_index) VALUES ('optimize')")


# The clerk's search, newest first (see services/lookups.py for why not by rank).
SEARCH_SQL = (
    "SELECT s.kind, s.meeting_id, s.item_id, c.name, m.date, coalesce(i.number, ''),"
    " snippet(search_index, 4, '[', ']', ' … ', 12)"
    " FROM search_index s"
    " JOIN meeting m ON m.id = s.meeting_id"
    " JOIN committee c ON c.id = m.committee_id"
    " LEFT JOIN agenda_item i ON i.id = s.item_id"
    " WHERE search_index MATCH :q ORDER BY s.rowid DESC LIMIT :limit"
)
# The meeting's date read as a date, as the typed queries read it.
_SEARCH = text(SEARCH_SQL).columns(date=Date)

# The same on a server, over each table's stored and indexed search words
# (server.py); the snippet is made from the same text. An entry is numbered
# as on the file (id * 4 + kind), so hits come newest first in the same order.
# The newest ``limit`` hits are chosen first, from the hits alone, and only
# they are joined to their item, meeting and committee and given a snippet:
# joined before the choice, every hit of a word in thousands of minutes was
# (0.6 s for a word in 9,000 of twenty years' paragraphs, docs/benchmarks.md).
#
# In two steps. First the newest entries only (above ``:e``), each table read
# newest first: a common word has its hits there, and the search stops at
# them (fetching every hit of "budget" in twenty years took 4 s). Only if
# they are too few, the older entries, through the words' index: a word that
# rare has few hits. (One statement for both let the planner read a whole
# table newest first looking for a word that is in no row: seconds.)
_SEARCHED = (
    ("item", 1, "agenda_item", "i.number || ' ' || i.title || ' ' || coalesce(i.report_title, '')"),
    ("recommendation", 2, "recommendation", "coalesce(i.label, '') || ' ' || i.text"),
    ("minute", 3, "minute_paragraph", "i.text"),
)
_QUERY = "to_tsquery('clerkdesk', :q)"


def _server_search(newest: bool) -> TextualSelect:
    """Hits above entry ``:e`` (``newest``), or the rest."""
    branches = " UNION ALL ".join(
        f"(SELECT '{kind}' AS kind, i.id * 4 + {k} AS entry, "
        f"{'i.id' if k == 1 else 'i.item_id'} AS item_id, {words} AS body"
        f" FROM {table} i WHERE i.search_words @@ {_QUERY}"
        + (
            f" AND i.id > (:e - {k}) / 4 ORDER BY i.id DESC"
            if newest
            # in entry order, not the key's: the words' index finds the rows
            else f" AND i.id <= (:e - {k}) / 4 ORDER BY i.id * 4 DESC"
        )
        + " LIMIT :limit)"
        for kind, k, table, words in _SEARCHED
    )
    return text(
        f"WITH q AS (SELECT {_QUERY} AS query)"
        " SELECT h.kind, i.meeting_id, h.item_id, c.name, m.date, i.number,"
        " ts_headline('clerkdesk', h.body, q.query, 'StartSel=[, StopSel=], MaxWords=12,"
        ' MinWords=4, MaxFragments=2, FragmentDelimiter=" … "\')'
        f" FROM (SELECT * FROM ({branches}) hits ORDER BY entry DESC LIMIT :limit) h"
        " CROSS JOIN q"
        " JOIN agenda_item i ON i.id = h.item_id"
        " JOIN meeting m ON m.id = i.meeting_id"
        " JOIN committee c ON c.id = m.committee_id"
        " ORDER BY h.entry DESC"
    ).columns(date=Date)


_SERVER_NEWEST, _SERVER_OLDER = _server_search(True), _server_search(False)
# The newest entries: about the last 100,000 paragraphs (a year of a busy council's).
_NEWEST_ENTRIES = 4 * 100_000
_LAST_ENTRY = text(
    "SELECT greatest((SELECT max(id) * 4 + 1 FROM agenda_item),"
    " (SELECT max(id) * 4 + 2 FROM recommendation), (SELECT max(id) * 4 + 3 FROM minute_paragraph))"
)


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


def search_terms(words: str) -> list[str]:
    """The terms of a search the tokenizer would find something in. A character
    no record's text holds separates terms, as a space does: it matches nothing,
    and a server's query cannot hold a NUL."""
    words = NOT_RECORD_TEXT.sub(" ", words)
    return [term for term in words.split() if any(map(_is_token_character, term))]


def fts_query(words: str) -> str:
    """Turn what the clerk typed into a safe FTS5 query.

    Each term between spaces becomes one quoted phrase, as a prefix: FTS5 runs
    the index's own tokenizer over a phrase, so "double-handed" and "3.25" match
    the text as it was indexed, and nothing the clerk types (quotes, NEAR, AND,
    *, ^, column:) is read as query syntax. Terms without a letter or digit are
    dropped: the tokenizer would find nothing in them.
    """
    return " ".join('"' + term.replace('"', '""') + '"*' for term in search_terms(words))


def text_search_query(words: str) -> str:
    """The same for PostgreSQL's ``to_tsquery``: each term a quoted phrase that
    the server's own parser splits as it split the text ("double-handed",
    "3.25"), as a prefix, and every term required. Quoted, nothing typed is
    read as the query's syntax."""
    phrases = []
    for term in search_terms(words):
        quoted = term.replace("\\", " ").replace("'", "''")
        phrases.append(f"'{quoted}':*")
    return " & ".join(phrases)


def search_rows(connection: Connection, words: str, limit: int) -> Sequence[Any]:
    """(kind, meeting, item, committee, date, item number, snippet) of each hit."""
    if connection.dialect.name == "sqlite":
        return connection.execute(_SEARCH, {"q": fts_query(words), "limit": limit}).all()
    last = connection.execute(_LAST_ENTRY).scalar() or 0
    asked = {"q": text_search_query(words), "limit": limit, "e": last - _NEWEST_ENTRIES}
    hits = list(connection.execute(_SERVER_NEWEST, asked).all())
    if len(hits) < limit:
        hits += connection.execute(_SERVER_OLDER, {**asked, "limit": limit - len(hits)}).all()
    return hits

"""Years of history: the everyday look-ups on a database of 5,000 meetings.

Times, on the cached ten-year database from ``history_data.py``: opening it,
listing every meeting, a member's attendance and declarations (the UI's
query), full-text search of the minutes, and loading one meeting's record.
Also the search index's cost when a minute paragraph is edited.
Target: each under 100 ms (median of the repetitions).

Baselines, each measured in the same run on the same file, just after its
row, the same way (median, after a warm-up): the same question asked of a
bare ``sqlite3`` connection (no pragmas, no SQLAlchemy, no Python objects
built) with the most direct SQL, the physical limit. The baseline SQL sits
next to each row below; the ratio is what ClerkDesk costs over that floor.

Run alone:  .venv/bin/python benchmarks/bench_history.py [--quick]
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Row, ms, row
from history_data import MEETINGS, history_db

from clerkdesk.persistence.meeting_list import MEETINGS_SQL

TARGET_SECONDS = 0.100
REPEATS = 15
QUICK_REPEATS = 5

# Baseline for listing meetings: list_meetings' six columns, joins and order, bare.
LIST_MEETINGS_SQL = MEETINGS_SQL  # the statement list_meetings runs, run bare
# The declarations row is plain SQL already; its floor is the declaration table
# alone through its person_id index (which meetings, and at which item), without
# the joins for the date and committee name or the sort by date.
DECLARED_FLOOR_SQL = "SELECT meeting_id, item_id FROM declaration WHERE person_id = ?"
# Baseline for full-text search: the index's own answer, rowids only, no columns read.
MATCH_ROWIDS_SQL = "SELECT rowid FROM search_index WHERE search_index MATCH ?"
# Baseline for editing a paragraph: a one-row UPDATE by primary key, rolled back, of a
# table in the same file that has no triggers (no change counter, no search index).
BARE_UPDATE_SQL = "UPDATE committee_member SET role = role WHERE id = ?"
# Baselines for services.lookups: the very SQL those functions run (imported from
# there), on the bare connection.
# Baseline for loading a meeting's record: every row the record is made of, bare
# (SELECT *, no joins, no order, nothing built from the rows).
_ITEMS = "item_id IN (SELECT id FROM agenda_item WHERE meeting_id = :m)"
RECORD_ROWS_SQL = (
    "SELECT * FROM meeting WHERE id = :m",
    "SELECT * FROM agenda_item WHERE meeting_id = :m",
    "SELECT * FROM attendee WHERE meeting_id = :m",
    "SELECT * FROM person WHERE id IN (SELECT person_id FROM attendee WHERE meeting_id = :m)",
    f"SELECT * FROM recommendation WHERE {_ITEMS}",
    "SELECT * FROM amendment WHERE recommendation_id IN (SELECT r.id FROM recommendation r"
    " JOIN agenda_item i ON i.id = r.item_id WHERE i.meeting_id = :m)",
    "SELECT * FROM decision WHERE meeting_id = :m",
    "SELECT * FROM named_vote WHERE decision_id IN (SELECT id FROM decision WHERE meeting_id = :m)",
    "SELECT * FROM declaration WHERE meeting_id = :m",
    f"SELECT * FROM minute_paragraph WHERE {_ITEMS}",
    f"SELECT * FROM action WHERE {_ITEMS}",
    "SELECT * FROM correction WHERE meeting_id = :m",
    "SELECT * FROM interest_kind",
)


def _median(work: Callable[[], object], repeats: int) -> float:
    work()  # warm up: the page cache and SQLAlchemy's statement cache
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def run(quick: bool = False) -> list[Row]:
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.records_io import get_record, list_meetings

    repeats = QUICK_REPEATS if quick else REPEATS
    history = history_db()
    # The baselines' connection: bare sqlite3 on the same file, its defaults, autocommit.
    bare = sqlite3.connect(history.path, isolation_level=None)
    # (name, seconds, baseline label, baseline seconds, note)
    timings: list[tuple[str, float, str, float, str]] = []

    def measured(
        name: str,
        work: Callable[[], object],
        baseline: str,
        floor: Callable[[], object],
        note: str = "",
    ) -> None:
        seconds = _median(work, repeats)
        timings.append((name, seconds, baseline, _median(floor, repeats), note))

    def opened() -> None:
        db = open_database(history.path)
        with db.session() as session:  # the first statement really connects
            session.connection()
        db.dispose()

    def bare_open() -> None:  # baseline: sqlite3.connect + PRAGMA user_version, closed
        conn = sqlite3.connect(history.path)
        conn.execute("PRAGMA user_version").fetchone()
        conn.close()

    measured(
        "open the database (open_database + connect)",
        opened,
        "bare connect + PRAGMA user_version",
        bare_open,
    )
    db = open_database(history.path)
    desk = Desk(db, "bench")
    measured(
        f"list all {MEETINGS} meetings (list_meetings)",
        lambda: list_meetings(desk),
        "bare SELECT, same columns, joins, order",
        lambda: bare.execute(LIST_MEETINGS_SQL).fetchall(),
    )
    from sqlalchemy import bindparam
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from clerkdesk.persistence.queries import MEMBER_ATTENDANCE, MEMBER_DECLARATIONS
    from clerkdesk.persistence.schema import AttendeeRow, DeclarationRow
    from clerkdesk.persistence.search_index import SEARCH_SQL, fts_query
    from clerkdesk.services.lookups import member_history, search

    # The very SQL member_history's typed queries send to SQLite (":p" the person).
    dialect = sqlite_dialect.dialect(paramstyle="named")
    member_attendance_sql = str(
        MEMBER_ATTENDANCE.where(AttendeeRow.person_id == bindparam("p")).compile(dialect=dialect)
    )
    member_declarations_sql = str(
        MEMBER_DECLARATIONS.where(DeclarationRow.person_id == bindparam("p")).compile(
            dialect=dialect
        )
    )

    declared = (
        "SELECT d.meeting_id, m.date, c.name, d.item_id FROM declaration d"
        " JOIN meeting m ON m.id = d.meeting_id JOIN committee c ON c.id = m.committee_id"
        " WHERE d.person_id = ? ORDER BY m.date DESC"
    )
    person = (history.watched_person_id,)
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)  # the pysqlite driver's connection
        measured(
            "meetings where a member declared an interest (SQL join)",
            lambda: raw.execute(declared, person).fetchall(),
            "bare declaration rows alone, no joins",
            lambda: bare.execute(DECLARED_FLOOR_SQL, person).fetchall(),
        )
        for word in (history.rare_word, history.common_word):
            hits = len(bare.execute(MATCH_ROWIDS_SQL, (word,)).fetchall())
            measured(
                f"full-text search '{word}', every hit (MATCH)",
                lambda w=word: raw.execute(
                    "SELECT meeting_id, item_id FROM search_index WHERE search_index MATCH ?",
                    (w,),
                ).fetchall(),
                "bare MATCH, rowids only",
                lambda w=word: bare.execute(MATCH_ROWIDS_SQL, (w,)).fetchall(),
                note=f"{hits:,} hits",
            )
        paragraph_id = raw.execute(
            "SELECT p.id FROM minute_paragraph p JOIN agenda_item i ON i.id = p.item_id"
            " WHERE i.meeting_id = ? LIMIT 1",
            (history.open_meeting_id,),
        ).fetchone()[0]

        from clerkdesk.persistence.search_index import catch_up

        def edit() -> None:
            # The UPDATE and its trigger (which notes the index entry), then the
            # index brought up to date as the next search or pause does; undone.
            raw.execute("BEGIN")
            raw.execute(
                "UPDATE minute_paragraph SET text = text || ' (edited)' WHERE id = ?",
                (paragraph_id,),
            )
            catch_up(raw)
            raw.execute("ROLLBACK")

        member_row = (bare.execute("SELECT min(id) FROM committee_member").fetchone()[0],)

        def bare_update() -> None:  # baseline: one row, no triggers, then undone
            bare.execute("BEGIN")
            bare.execute(BARE_UPDATE_SQL, member_row)
            bare.execute("ROLLBACK")

        measured(
            "edit one minute paragraph, search index brought up to date",
            edit,
            "bare 1-row UPDATE, no triggers",
            bare_update,
        )
    params = {"p": history.watched_person_id}
    measured(
        "member's attendance + declarations (services.lookups.member_history)",
        lambda: member_history(db, history.watched_person_id),
        "bare SQL it runs (2 SELECTs)",
        lambda: (
            bare.execute(member_attendance_sql, params).fetchall(),
            bare.execute(member_declarations_sql, params).fetchall(),
        ),
    )
    query = {"q": fts_query(history.common_word), "limit": 200}
    measured(
        f"search dialog '{history.common_word}' (services.lookups.search, 200 hits)",
        lambda: search(db, history.common_word),
        "bare SQL it runs",
        lambda: bare.execute(SEARCH_SQL, query).fetchall(),
    )

    meeting = {"m": history.open_meeting_id}

    def bare_record() -> None:  # baseline for both record reads: the meeting's rows, bare
        for sql in RECORD_ROWS_SQL:
            bare.execute(sql, meeting).fetchall()

    record_rows = f"bare SELECT * of its rows ({len(RECORD_ROWS_SQL)} tables)"
    measured(
        "load one meeting's record (get_record)",
        lambda: get_record(desk, history.open_meeting_id),
        record_rows,
        bare_record,
    )
    db.dispose()
    bare.close()
    # Fetching every one of a common word's hits (a quarter of the index) is a
    # worst case shown for scale; the clerk's search asks for 200 (the row below it).
    informational = f"'{history.common_word}', every hit"
    rows = [
        row(
            f"history: {name}",
            f"median {ms(seconds)}",
            seconds,
            baseline=f"{baseline} {ms(floor)}",
            baseline_value=floor,
            target="" if informational in name else f"< {ms(TARGET_SECONDS)}",
            ok=None if informational in name else seconds < TARGET_SECONDS,
            note=note,
        )
        for name, seconds, baseline, floor, note in timings
    ]
    if history.build_seconds:
        rows[0]["note"] = f"database generated in {history.build_seconds:.0f} s (then cached)"
    return rows


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        ratio = f"{result['ratio']:.2f}x" if result["ratio"] else ""
        print(
            f"{result['name']:<84} {result['figure']:<16} {result['baseline']:<50}"
            f" {ratio:>9}  {result['ok']}"
        )

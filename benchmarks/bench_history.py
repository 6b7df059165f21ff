"""Years of history: the everyday look-ups on a database of 5,000 meetings.

Times, on the cached ten-year database from ``history_data.py``: opening it,
listing every meeting, a member's attendance and declarations (the UI's
query), full-text search of the minutes, and loading one meeting's record.
Also the search-index triggers' cost when a minute paragraph is edited.
Target: each under 100 ms (median of the repetitions). Baseline: a bare
``SELECT count(*) FROM meeting`` on the same file.

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

TARGET_SECONDS = 0.100
REPEATS = 15
QUICK_REPEATS = 5


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
    bare = sqlite3.connect(history.path)
    baseline = _median(lambda: bare.execute("SELECT count(*) FROM meeting").fetchone(), repeats)
    base = f"count(*) {ms(baseline)}"

    def opened() -> None:
        db = open_database(history.path)
        with db.session() as session:  # the first statement really connects
            session.connection()
        db.dispose()

    db = open_database(history.path)
    desk = Desk(db, "bench")
    timings: list[tuple[str, float]] = [
        ("open the database (open_database + connect)", _median(opened, repeats)),
        (
            f"list all {MEETINGS} meetings (list_meetings)",
            _median(lambda: list_meetings(desk), repeats),
        ),
    ]
    try:
        from clerkdesk.services.lookups import member_history, search
    except Exception:
        member_history = search = None  # type: ignore[assignment]
    declared = (
        "SELECT d.meeting_id, m.date, c.name, d.item_id FROM declaration d"
        " JOIN meeting m ON m.id = d.meeting_id JOIN committee c ON c.id = m.committee_id"
        " WHERE d.person_id = ? ORDER BY m.date DESC"
    )
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        timings.append(
            (
                "meetings where a member declared an interest (SQL join)",
                _median(
                    lambda: raw.execute(declared, (history.watched_person_id,)).fetchall(), repeats
                ),
            )
        )
        for word in (history.rare_word, history.common_word):
            timings.append(
                (
                    f"full-text search '{word}', every hit (MATCH)",
                    _median(
                        lambda w=word: raw.execute(  # type: ignore[misc]
                            "SELECT meeting_id, item_id FROM search_index"
                            " WHERE search_index MATCH ?",
                            (w,),
                        ).fetchall(),
                        repeats,
                    ),
                )
            )
        paragraph_id = raw.execute(
            "SELECT p.id FROM minute_paragraph p JOIN agenda_item i ON i.id = p.item_id"
            " WHERE i.meeting_id = ? LIMIT 1",
            (history.open_meeting_id,),
        ).fetchone()[0]

        def edit() -> None:  # the UPDATE and its search-index trigger, then undone
            raw.execute("BEGIN")
            raw.execute(
                "UPDATE minute_paragraph SET text = text || ' (edited)' WHERE id = ?",
                (paragraph_id,),
            )
            raw.execute("ROLLBACK")

        timings.append(("edit one minute paragraph (UPDATE + FTS trigger)", _median(edit, repeats)))
    if member_history is not None:
        timings.append(
            (
                "member's attendance + declarations (ui.queries.member_history)",
                _median(lambda: member_history(db, history.watched_person_id), repeats),
            )
        )
        timings.append(
            (
                f"search dialog '{history.common_word}' (ui.queries.search, 200 hits)",
                _median(lambda: search(db, history.common_word), repeats),
            )
        )

    def first_read() -> object:
        db.records.forget()  # as when the meeting is opened: nothing kept in memory yet
        return get_record(desk, history.open_meeting_id)

    timings.append(
        ("load one meeting's record, first read (get_record)", _median(first_read, repeats))
    )
    timings.append(
        (
            "load it again, nothing changed (kept in memory, checked against the counters)",
            _median(lambda: get_record(desk, history.open_meeting_id), repeats),
        )
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
            baseline=base,
            baseline_value=baseline,
            target="" if informational in name else f"< {ms(TARGET_SECONDS)}",
            ok=None if informational in name else seconds < TARGET_SECONDS,
        )
        for name, seconds in timings
    ]
    if history.build_seconds:
        rows[0]["note"] = f"database generated in {history.build_seconds:.0f} s (then cached)"
    return rows


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(f"{result['name']:<75} {result['figure']:<18} {result['baseline']}  {result['ok']}")

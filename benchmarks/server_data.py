"""Twenty years of a busy council on a PostgreSQL server, generated once and kept.

25,000 meetings of 80 committees from January 2006 to December 2025 (about
15 a year each), made by ``history_data.generate``, the generator of the
ten-year SQLite history, scaled: 8-15 items a meeting, 1-4 recommendations
decided by a vote and 3-10 minute paragraphs an item, 12-15 people on each
attendance list, a declaration at about one meeting in three. The watched
member sits on five committees (about 1,560 meetings). The database is set
up by ``open_database(URL, create=True)``, as ``clerkdesk --server URL setup``
sets up a council's; its rows go in with COPY (psycopg), and its indexes
other than keys are dropped for the load and made again from their own
definitions afterwards (the same indexes; building each once is minutes
faster than keeping it up to date row by row). Then VACUUM ANALYZE, as the
server's autovacuum would have done long before anyone searched twenty years.

The server's data folder is kept in ``benchmarks/.cache/postgres/``; the
database's name carries ``VERSION`` and a fingerprint of the schema
(schema.py, server.py and the migrations), so a changed schema gets a new
database and the stale one is dropped. It is built under another name and
renamed when complete: an interrupted build is never taken for a finished one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CACHE
from history_data import COLUMNS, RARE_WORD, Shape, generate

VERSION = 2
SHAPE = Shape(meetings=25_000, committees=80, first_day=dt.date(2006, 1, 2), days=7305)
PGDATA = CACHE / "postgres" / "pgdata"
PREFIX = "council_"


@dataclass(frozen=True)
class ServerHistory:
    url: str  # the ClerkDesk database's URL on the running server
    watched_person_id: int
    rare_word: str
    common_word: str
    absent_word: str  # in no item, recommendation or minute
    meetings: int
    size_bytes: int  # the database on disk, indexes included
    build_seconds: float  # 0.0 when it was already on the server


def schema_fingerprint() -> str:
    """Changes with the tables or indexes of either database, so that a
    database built on an older schema is built again."""
    package = resources.files("clerkdesk.persistence")
    digest = hashlib.sha256()
    for name in ("schema.py", "server.py"):
        digest.update((package / name).read_bytes())
    for entry in sorted((package / "migrations").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:10]


def database_name() -> str:
    return f"{PREFIX}v{VERSION}_{schema_fingerprint()}_{SHAPE.meetings}"


def _admin(server_url: str, statement: str) -> list[Any]:
    from sqlalchemy import create_engine, text

    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            result = connection.execute(text(statement))
            return list(result) if result.returns_rows else []
    finally:
        engine.dispose()


def server_history(location: Any) -> ServerHistory:
    """The kept database on the server, built first if it is not there.
    ``location(name)`` is a database's URL on the server (PostgresServer.location)."""
    name = database_name()
    admin = location("postgres")
    found = [row[0] for row in _admin(admin, "SELECT datname FROM pg_database")]
    for stale in found:
        if stale.startswith(PREFIX) and stale != name:
            _admin(admin, f'DROP DATABASE "{stale}" WITH (FORCE)')
    built = 0.0
    if name not in found:
        started = time.perf_counter()
        _build(location, name)
        built = time.perf_counter() - started
    size = _admin(admin, f"SELECT pg_database_size('{name}')")[0][0]
    return ServerHistory(
        location(name), 1, RARE_WORD, "budget", "zymurgy", SHAPE.meetings, int(size), built
    )


def _build(location: Any, name: str) -> None:
    from sqlalchemy import create_engine

    from clerkdesk.persistence.database import open_database

    building = f"{name}_building"
    admin = location("postgres")
    _admin(admin, f'CREATE DATABASE "{building}"')
    open_database(location(building), create=True).dispose()  # as `setup` does
    engine = create_engine(location(building))
    try:
        with engine.connect() as connection:
            driver: Any = connection.connection.driver_connection
            _load(driver)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    finally:
        engine.dispose()
    _admin(admin, f'ALTER DATABASE "{building}" RENAME TO "{name}"')


# Indexes that back a key or a unique constraint stay; the rest are dropped
# for the load and made again from their own definitions.
_PLAIN_INDEXES = (
    "SELECT i.indexname, i.indexdef FROM pg_indexes i"
    " WHERE i.schemaname = 'public' AND NOT EXISTS ("
    " SELECT 1 FROM pg_constraint c WHERE c.conindid = to_regclass(quote_ident(i.indexname)))"
)


def _load(driver: Any) -> None:
    """Every generated row, in one transaction on a psycopg connection."""
    from sqlalchemy.schema import ColumnDefault

    from clerkdesk.persistence.schema import Base

    with driver.cursor() as cursor:
        indexes = cursor.execute(_PLAIN_INDEXES).fetchall()
        for index_name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{index_name}"')
        # The rows are whole and consistent (the SQLite build checks its keys);
        # the foreign keys' triggers would check each of millions again.
        cursor.execute("SET LOCAL session_replication_role = replica")
        for rows in generate(SHAPE):
            for table, table_rows in rows.items():
                if not table_rows:
                    continue
                columns = Base.metadata.tables[table].c
                # What the generator leaves out takes the mapping's default (a
                # SQLite migration's DEFAULT; on a server, the services give it).
                defaults = {
                    column.name: column.default.arg
                    for column in columns
                    if column.name not in COLUMNS[table]
                    # only a ColumnDefault is ever scalar; the isinstance lets mypy see .arg
                    and isinstance(column.default, ColumnDefault)
                    and column.default.is_scalar
                }
                names = ", ".join((*COLUMNS[table], *defaults))
                extra = tuple(defaults.values())
                with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in table_rows:
                        copy.write_row(row + extra)
        for mapped in Base.metadata.sorted_tables:
            if "id" in mapped.c and mapped.c["id"].primary_key:
                # The next id each table gives is after the loaded ones.
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{mapped.name}', 'id'),"
                    f" coalesce(max(id), 0) + 1, false) FROM {mapped.name}"
                )
        cursor.execute("SET LOCAL session_replication_role = origin")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for _index_name, definition in indexes:
            cursor.execute(definition)
    driver.commit()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.postgres_server import PostgresServer, started_server

    PGDATA.parent.mkdir(parents=True, exist_ok=True)
    with started_server(PGDATA) as url:
        history = server_history(PostgresServer(url).location)
    print(
        f"{history.meetings} meetings, {history.size_bytes / 2**20:.0f} MB on the server, "
        f"built in {history.build_seconds:.0f} s"
    )

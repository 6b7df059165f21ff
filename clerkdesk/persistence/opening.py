"""Getting a database file ready to open, with the standard library alone.

What must happen before any connection touches the file (the writer lock, the
damage check, the schema upgrade) needs no SQLAlchemy, and neither does the
list of meetings the window shows first. The desktop app does this part
first and shows the meetings; only then does it load SQLAlchemy and the
services, which take longer to import than the whole window takes to appear
(docs/benchmarks.md), and open the file for recording with
``open_database(prepared=...)``. Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from clerkdesk.persistence.errors import (
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseError,
)
from clerkdesk.persistence.health import check_health
from clerkdesk.persistence.migrations import upgrade
from clerkdesk.persistence.single_writer import WriterLock, acquire_writer_lock

DEFAULT_BUSY_TIMEOUT_MS = 5000


def default_database_path() -> Path:
    """``CLERKDESK_DB`` if set, otherwise ``clerkdesk.db`` in the user data folder."""
    override = os.environ.get("CLERKDESK_DB")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("ClerkDesk", appauthor=False)) / "clerkdesk.db"


def busy_timeout_ms() -> int:
    value = os.environ.get("CLERKDESK_BUSY_TIMEOUT_MS", "")
    return int(value) if value.isdigit() else DEFAULT_BUSY_TIMEOUT_MS


def explain_sqlite_error(error: BaseException, path: Path | None) -> DatabaseError:
    """Turn a sqlite3/SQLAlchemy error into a message that says what to do."""
    original = getattr(error, "orig", None) or error
    text = str(original).lower()
    where = f" ({path})" if path is not None else ""
    if "locked" in text or "busy" in text:
        return DatabaseBusyError(
            f"The database{where} is in use by another program or another copy of ClerkDesk. "
            "Close the other copy and try again."
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseError(
            f"The database{where} is read-only, so nothing can be recorded. Nothing was "
            "changed. Check the file's permissions or copy it to a folder you can write to."
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DatabaseError(
            f"The disk holding the database{where} is full. The last action was NOT "
            "recorded; everything before it is safe. Free some space and try again."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseError(
            f"The database file{where} is damaged and cannot be read. Nothing has been "
            "changed. Restore the latest backup (clerkdesk restore) or contact support."
        )
    if "unable to open" in text:
        return DatabaseError(
            f"The database{where} cannot be opened. Check that its folder exists and that "
            "you may write there."
        )
    return DatabaseError(f"The database{where} reported an error: {original}")


@dataclass(slots=True)
class PreparedFile:
    """A database file checked and upgraded, its writer lock held if asked for;
    ready for ``open_database(prepared=...)``, which takes the lock over."""

    path: Path
    lock: WriterLock | None

    def release(self) -> None:
        """Give the lock back, for a file that will not be opened after all."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def connect(self) -> sqlite3.Connection:
        """A plain connection with the app's settings, for the first look."""
        try:
            connection = sqlite3.connect(self.path, isolation_level=None)
            connection.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        except sqlite3.Error as error:
            raise explain_sqlite_error(error, self.path) from error
        return connection


def prepare_file(path: Path | str | None = None, *, exclusive: bool = False) -> PreparedFile:
    """Create, lock (if ``exclusive``), check and upgrade the database at ``path``.

    ``exclusive`` is for the app and for commands that record: it takes the
    writer lock (refusing if another copy has it) and checks the file for
    damage before SQLite touches it, offering the latest good backup.
    """
    db_path = Path(path).expanduser() if path is not None else default_database_path()
    if db_path.exists() and db_path.is_dir():
        raise DatabaseError(f"{db_path} is a folder, not a ClerkDesk database file.")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(
            f"Cannot create the folder {db_path.parent} for the database: {error.strerror}."
        ) from error
    lock = acquire_writer_lock(db_path) if exclusive else None
    try:
        if exclusive:
            # Before any connection: opening the file rebuilds the -shm index,
            # the only trace of a lost -wal file.
            report = check_health(db_path)
            if not report.ok:
                raise DatabaseDamagedError(report.problem or "The database is damaged.", report)
        _migrate(db_path)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return PreparedFile(db_path, lock)


def _migrate(db_path: Path) -> None:
    try:
        conn = sqlite3.connect(db_path, isolation_level=None)
    except sqlite3.Error as error:
        raise explain_sqlite_error(error, db_path) from error
    try:
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        upgrade(conn, db_path)
    except sqlite3.Error as error:
        raise explain_sqlite_error(error, db_path) from error
    finally:
        conn.close()

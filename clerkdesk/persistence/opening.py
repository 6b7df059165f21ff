"""Getting a database file ready to open, with the standard library alone.

What must happen before any connection touches the file (the writer lock, the
damage check, the schema upgrade) needs no SQLAlchemy, and neither does the
list of meetings the window shows first. The desktop app does this part
first and shows the meetings; only then does it load SQLAlchemy and the
services, which take longer to import than the whole window takes to appear
(docs/benchmarks.md), and open the file for recording with
``open_database(prepared=...)``. Nothing here imports SQLAlchemy.

Only ``create`` makes a database; every other way in refuses a file that is
not ClerkDesk's without changing it (identity.py), and compares what the file
holds with the last action this computer acknowledged (single_writer.py).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from clerkdesk.domain.errors import DomainError
from clerkdesk.persistence.backups import latest_good_backup
from clerkdesk.persistence.errors import (
    DatabaseBusyError,
    DatabaseDamagedError,
    DatabaseError,
)
from clerkdesk.persistence.health import (
    check_health,
    damaged_report,
    missing_actions_report,
    wal_problem,
)
from clerkdesk.persistence.identity import NotClerkDeskError, identify
from clerkdesk.persistence.meeting_list import MeetingSummary, read_meeting_list
from clerkdesk.persistence.migrations import MARKED_VERSION, upgrade
from clerkdesk.persistence.single_writer import (
    WriterLock,
    acquire_writer_lock,
    read_acknowledged,
)
from clerkdesk.private_files import create_private_file, make_private_folder

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


class PreparedFile:
    """A database file checked and upgraded, its writer lock held if asked for;
    ready for ``open_database(prepared=...)``, which takes the lock over.

    ``token`` is the database's identity (migration 0012) and ``audit_id`` the
    last action it holds; ``warning`` is for a reader of a file that has lost
    acknowledged actions (a writer is refused instead).

    A plain class, not a dataclass: it is made before the window's first paint,
    where making a dataclass (compiling its methods) is time the clerk waits,
    and a file holding a lock has no use for being compared or copied."""

    __slots__ = ("audit_id", "lock", "path", "token", "warning")

    def __init__(
        self,
        path: Path,
        lock: WriterLock | None,
        token: str | None = None,
        audit_id: int = 0,
        warning: str | None = None,
    ) -> None:
        self.path = path
        self.lock = lock
        self.token = token
        self.audit_id = audit_id
        self.warning = warning

    def __repr__(self) -> str:
        return f"PreparedFile({str(self.path)!r}, locked={self.lock is not None})"

    def release(self) -> None:
        """Give the lock back, for a file that will not be opened after all."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def meetings(self) -> list[MeetingSummary] | None:
        """The file's meetings, for the window's first look before SQLAlchemy
        loads; None if they cannot be read yet (the problem is explained when
        the database is opened)."""
        try:
            with contextlib.closing(self.connect()) as connection:
                return read_meeting_list(connection)
        except (sqlite3.Error, DomainError):
            return None

    def connect(self) -> sqlite3.Connection:
        """A plain connection with the app's settings, for the first look."""
        try:
            connection = sqlite3.connect(self.path, isolation_level=None)
            connection.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        except sqlite3.Error as error:
            raise explain_sqlite_error(error, self.path) from error
        return connection


def _is_new(db_path: Path) -> bool:
    """No database yet: nothing at the path, or an empty (0-byte) file."""
    try:
        return db_path.stat().st_size == 0
    except FileNotFoundError:
        return True


def _no_database(db_path: Path) -> DatabaseError:
    what = "is empty" if db_path.exists() else "does not exist"
    return DatabaseError(
        f"There is no ClerkDesk database at {db_path} (the file {what}); nothing was created. "
        "Check the name, or create one with `clerkdesk demo`, `clerkdesk load` or "
        "`clerkdesk import-agenda`."
    )


def prepare_file(
    path: Path | str | None = None, *, exclusive: bool = False, create: bool = False
) -> PreparedFile:
    """Lock (if ``exclusive``), check and upgrade the ClerkDesk database at
    ``path``; with ``create``, make a new one where there is none.

    Only ``create`` makes a schema, and only where there is no file or an empty
    one: the clerk's explicit choice (``demo``, the app's own database, ``load``
    and ``import-agenda`` into a new path). Any other file that is not a
    ClerkDesk database this version can open is refused before anything opens
    it, and is left exactly as it was (identity.py).

    ``exclusive`` is for the app and for commands that record: it takes the
    writer lock (refusing if another copy has it), checks the file for damage
    before SQLite touches it, offering the latest good backup, and refuses a
    file that holds fewer actions than this computer acknowledged.
    """
    db_path = Path(path).expanduser() if path is not None else default_database_path()
    if db_path.exists() and db_path.is_dir():
        raise DatabaseError(f"{db_path} is a folder, not a ClerkDesk database file.")
    new = _is_new(db_path)
    if new:
        report = check_health(db_path)  # deleted or emptied, with backups: offer them
        if not report.ok:
            raise DatabaseDamagedError(report.problem or "The database is missing.", report)
        if not create:
            raise _no_database(db_path)
        try:
            make_private_folder(db_path.parent)
        except OSError as error:
            raise DatabaseError(
                f"Cannot create the folder {db_path.parent} for the database: {error.strerror}."
            ) from error
    else:
        _identify(db_path)  # before the lock file: another program's folder gains nothing
    lock = acquire_writer_lock(db_path) if exclusive else None
    try:
        if new:
            _create(db_path)
        warning = _check_before_opening(db_path, exclusive=exclusive)
        token, audit_id = _migrate(db_path)
        acknowledged = lock.acknowledged if lock is not None else read_acknowledged(db_path)
        missing = missing_actions_report(db_path, acknowledged, token, audit_id)
        if missing is not None:
            if exclusive:
                raise DatabaseDamagedError(missing.problem or "Actions are missing.", missing)
            warning = missing.problem
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return PreparedFile(db_path, lock, token, audit_id, warning)


def _identify(db_path: Path) -> None:
    """Refuse a file that is not a ClerkDesk database; but where this path has
    backups, it was one: say it is damaged and offer the latest good backup."""
    try:
        identify(db_path)
    except NotClerkDeskError as refusal:
        if latest_good_backup(db_path) is None:
            raise
        report = check_health(db_path, deep=False)  # the header alone: SQLite never opens it
        if report.ok:
            report = damaged_report(db_path, "not-clerkdesk", refusal.message.split(". ")[0] + ".")
        raise DatabaseDamagedError(report.problem or refusal.message, report) from None


def _check_before_opening(db_path: Path, *, exclusive: bool) -> str | None:
    """Damage refuses a writer. A reader is only warned of a lost -wal (its
    read then rebuilds the -shm, but the lock file keeps what was acknowledged)."""
    if exclusive:
        # Before any connection: opening the file rebuilds the -shm index,
        # the only trace of a lost -wal file.
        report = check_health(db_path)
        if not report.ok:
            raise DatabaseDamagedError(report.problem or "The database is damaged.", report)
        return None
    lost_wal = wal_problem(db_path)
    return None if lost_wal is None else lost_wal[1]


def _create(db_path: Path) -> None:
    """A new database, made whole under another name and then renamed into
    place, so that a half-made one is never found at the path (and is then
    not a ClerkDesk file)."""
    partial = db_path.with_name(f"{db_path.name}.new-{os.getpid()}")
    for leftover in (partial, *(Path(f"{partial}{end}") for end in ("-journal", "-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    try:
        create_private_file(partial)  # 0600 before SQLite writes; its side files copy that
        with closing(sqlite3.connect(partial, isolation_level=None)) as conn:
            conn.execute("PRAGMA secure_delete = ON")
            upgrade(conn, None)
            conn.execute("PRAGMA journal_mode = WAL")
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        if _is_new(db_path):
            os.replace(partial, db_path)
        else:  # another copy made it meanwhile: use that one
            partial.unlink()
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise explain_sqlite_error(error, db_path) from error
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            f"The database {db_path} could not be created ({error.strerror}). Check that "
            "you may write to its folder."
        ) from error


def _migrate(db_path: Path) -> tuple[str | None, int]:
    """Upgrade the file; returns its identity token and its last audit id."""
    try:
        with closing(sqlite3.connect(db_path, isolation_level=None)) as conn:
            conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            started = upgrade(conn, db_path)
            if 0 < started < MARKED_VERSION:
                # Pages freed before secure_delete was on still hold what was
                # deleted (Part II text among it): rewrite the file once without them.
                conn.execute("VACUUM")
            return read_identity(conn)
    except sqlite3.Error as error:
        raise explain_sqlite_error(error, db_path) from error


def read_identity(conn: sqlite3.Connection) -> tuple[str | None, int]:
    """(identity token, highest audit id) of an open ClerkDesk database."""
    found = conn.execute("SELECT token FROM database_identity").fetchone()
    last = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
    return (None if found is None else str(found[0])), int(last or 0)


def accept_missing_actions(path: Path | str | None = None) -> PreparedFile:
    """The clerk carries on with the file as it is: what it holds now becomes
    what was acknowledged. Returns the file, prepared and locked."""
    db_path = Path(path).expanduser() if path is not None else default_database_path()
    if _is_new(db_path):
        raise _no_database(db_path)
    _identify(db_path)
    lock = acquire_writer_lock(db_path)
    try:
        _check_before_opening(db_path, exclusive=True)
        token, audit_id = _migrate(db_path)
        if token is not None:
            lock.acknowledge(token, audit_id)
    except BaseException:
        lock.release()
        raise
    return PreparedFile(db_path, lock, token, audit_id)


def sqlite_version() -> str:
    """The version of the SQLite library the file is read and written with."""
    return sqlite3.sqlite_version

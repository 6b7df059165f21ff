"""Backups beside the database, made and restored with SQLite's online backup API.

A plain file copy of a live SQLite database can catch it half-written (and
misses whatever is still in the ``-wal`` file); the backup API copies a
consistent snapshot of everything committed. Backups live in
``<db name>.backups/`` next to the database, the folder the migration ladder
already uses, named ``<stem>-<YYYYmmdd-HHMMSS>-<reason>.db``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import NamedTuple

from clerkdesk.persistence.errors import DatabaseError
from clerkdesk.persistence.migrations import LATEST_VERSION
from clerkdesk.persistence.single_writer import forget_acknowledged
from clerkdesk.private_files import create_private_file, make_private_folder, private_creation

STAMP = "%Y%m%d-%H%M%S"
_STAMP_RE = re.compile(r"(\d{8}-\d{6})")
KEEP_ALL_FOR = dt.timedelta(hours=2)
KEEP_DAILY_FOR = dt.timedelta(days=14)
KEEP_WEEKLY_FOR = dt.timedelta(weeks=12)


# A named tuple, not a frozen dataclass: made before the window's first paint,
# where making a dataclass compiles each of its methods (docs/benchmarks.md, issue 19).
class BackupInfo(NamedTuple):
    path: Path
    created: dt.datetime
    reason: str
    size: int
    schema_version: int | None  # None when the file cannot be read
    ok: bool  # passes SQLite's quick_check


def backups_folder(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.name}.backups"


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "backup"


def _free_name(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, numbered if two backups land in the same second."""
    target = folder / f"{name}.db"
    number = 2
    while target.exists():
        target = folder / f"{name}-{number}.db"
        number += 1
    return target


def _connect_existing(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open without ever creating an empty file where a database was expected."""
    mode = "ro" if read_only else "rw"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _copy_with_backup_api(source: sqlite3.Connection, target: Path) -> None:
    """Snapshot ``source`` into ``target`` via a temporary name, so that a
    half-made backup never looks like a backup."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private_file(partial)  # 0600 before a byte of the database is copied in
    copy = sqlite3.connect(partial, isolation_level=None)
    try:
        source.backup(copy)
        # A self-contained file: no -wal/-shm needed to read it later.
        copy.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        copy.close()
        partial.unlink(missing_ok=True)
        raise
    copy.close()
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)


def make_backup(db_path: Path, reason: str, now: dt.datetime | None = None) -> Path:
    """Back up the database at ``db_path``; returns the new backup's path."""
    if not db_path.is_file():
        raise DatabaseError(f"There is no database at {db_path} to back up.")
    folder = backups_folder(db_path)
    stamp = (now or dt.datetime.now()).strftime(STAMP)
    try:
        make_private_folder(folder)
        target = _free_name(folder, f"{db_path.stem}-{stamp}-{_slug(reason)}")
        with closing(_connect_existing(db_path)) as source:
            _copy_with_backup_api(source, target)
    except (sqlite3.Error, OSError) as error:
        raise DatabaseError(
            f"The backup of {db_path} could not be made ({error}). The database itself is "
            f"unchanged. Check that {folder} exists and has free space."
        ) from error
    return target


def _parse_name(path: Path, stem: str) -> tuple[dt.datetime, str]:
    """Creation time and reason from a backup's name (both naming schemes)."""
    name = path.stem.removeprefix(stem)
    match = _STAMP_RE.search(name)
    if match is None:
        created = dt.datetime.fromtimestamp(path.stat().st_mtime)
        return created, name.strip("-") or "backup"
    created = dt.datetime.strptime(match.group(1), STAMP)
    reason = (name[: match.start()] + name[match.end() :]).strip("-").replace("--", "-")
    return created, reason or "backup"


def inspect_backup(path: Path, *, thorough: bool = False) -> tuple[int | None, bool]:
    """(schema version, passes the check) for one backup file."""
    try:
        with closing(_connect_existing(path, read_only=True)) as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            check = "integrity_check" if thorough else "quick_check"
            result = [row[0] for row in conn.execute(f"PRAGMA {check}")]
            return version, result == ["ok"]
    except sqlite3.Error:
        return None, False


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Every backup of the database, newest first."""
    folder = backups_folder(db_path)
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for path in folder.glob("*.db"):
        created, reason = _parse_name(path, db_path.stem)
        version, ok = inspect_backup(path)
        found.append(BackupInfo(path, created, reason, path.stat().st_size, version, ok))
    return sorted(found, key=lambda info: (info.created, info.path.name), reverse=True)


def latest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that reads cleanly and this ClerkDesk can open."""
    for info in list_backups(db_path):
        if info.ok and info.schema_version is not None and info.schema_version <= LATEST_VERSION:
            return info
    return None


def backups_to_keep(backups: Iterable[BackupInfo], now: dt.datetime) -> set[Path]:
    """All from the last 2 hours, the newest each day for 14 days and each
    week for 12 weeks, and always the newest good one."""
    newest_first = sorted(backups, key=lambda info: info.created, reverse=True)
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for info in sorted(newest_first, key=lambda info: not info.ok):  # good ones win buckets
        age = now - info.created
        week = info.created.isocalendar()[:2]
        if age <= KEEP_ALL_FOR:
            keep.add(info.path)
        if age <= KEEP_DAILY_FOR and info.created.date() not in days:
            days.add(info.created.date())
            keep.add(info.path)
        if age <= KEEP_WEEKLY_FOR and week not in weeks:
            weeks.add(week)
            keep.add(info.path)
    good = [info for info in newest_first if info.ok]
    if good:
        keep.add(good[0].path)
    return keep


def thin_backups(db_path: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups the schedule no longer needs; returns what was deleted."""
    backups = list_backups(db_path)
    keep = backups_to_keep(backups, now or dt.datetime.now())
    removed = [info.path for info in backups if info.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def should_back_up(
    last_backup_time: dt.datetime | None,
    last_change_time: dt.datetime | None,
    now: dt.datetime,
    every: dt.timedelta = dt.timedelta(minutes=5),
) -> bool:
    """Whether the app's timer should make a backup now: only when something
    changed since the last backup, and at most once per ``every``."""
    if last_change_time is None:
        return False
    if last_backup_time is None:
        return True
    return last_change_time > last_backup_time and now - last_backup_time >= every


def _remove_side_files(db_path: Path) -> None:
    # A stale -wal left beside a restored file would be replayed into it.
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)


def keep_replaced_copy(db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """Save the database about to be replaced: by the backup API if SQLite can
    still read it, otherwise as raw bytes (with its -wal), damage and all."""
    if not db_path.exists():
        return None
    folder = backups_folder(db_path)
    make_private_folder(folder)
    stamp = (now or dt.datetime.now()).strftime(STAMP)
    target = _free_name(folder, f"{db_path.stem}-{stamp}-replaced")
    try:
        with closing(_connect_existing(db_path)) as source:
            _copy_with_backup_api(source, target)
    except sqlite3.Error:
        with private_creation():
            shutil.copyfile(db_path, target)
            wal = Path(f"{db_path}-wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{target}-wal"))
    return target


def restore_backup(db_path: Path, backup_path: Path) -> Path | None:
    """Replace the database with ``backup_path``; returns the safety copy of the
    database that was replaced (None if there was none).

    The database must be closed (the caller holds the writer lock). The backup
    is verified first, and the restored file is put in place with one rename,
    so an interrupted restore leaves either the old database or the new one.
    """
    from clerkdesk.persistence.identity import NotClerkDeskError, foreign_program, identify

    try:
        identify(backup_path)  # by its header, before SQLite opens it
    except NotClerkDeskError as refusal:
        raise DatabaseError(f"Not restored: {refusal.message}") from None
    # The file replaced may well be damaged (that is what restoring is for, and
    # it is kept), but it is never another program's database.
    if foreign_program(db_path):
        raise DatabaseError(
            f"Not restored: {db_path} belongs to another program, not ClerkDesk. Nothing "
            "was changed. Give the path of your ClerkDesk database with --db."
        )
    version, ok = inspect_backup(backup_path, thorough=True)
    if not ok or version is None:
        raise DatabaseError(
            f"The backup {backup_path.name} is itself damaged or is not a ClerkDesk "
            "database, so it was not restored. Nothing was changed. Choose an older backup."
        )
    if version > LATEST_VERSION:
        raise DatabaseError(
            f"The backup {backup_path.name} was made by a newer version of ClerkDesk. "
            "Nothing was changed. Update ClerkDesk to restore it."
        )
    try:
        replaced = keep_replaced_copy(db_path)
        incoming = db_path.with_name(db_path.name + ".restoring")
        with closing(_connect_existing(backup_path, read_only=True)) as source:
            _copy_with_backup_api(source, incoming)
        _remove_side_files(db_path)
        os.replace(incoming, db_path)
        forget_acknowledged(db_path)  # the restored file's actions are counted afresh
    except (sqlite3.Error, OSError) as error:
        raise DatabaseError(
            f"The backup could not be restored ({error}). Close every copy of ClerkDesk "
            "and try again; the backup itself is unchanged."
        ) from error
    return replaced

"""Is the database file sound? Checked before ClerkDesk opens it.

SQLite notices most damage by itself (``integrity_check``, "file is not a
database", "malformed"), but two kinds are cheaper and clearer to catch from
the file's own header: a truncated file and a zeroed header. One kind SQLite
cannot notice at all: a deleted ``-wal`` file. SQLite then silently opens the
older state in the main file. The only trace left is the ``-shm`` index, which
records how many WAL frames existed; so this check must run *before* any
connection opens the database, because opening it rebuilds the ``-shm``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import struct
import sys
from contextlib import closing
from pathlib import Path
from typing import NamedTuple

from clerkdesk.persistence.backups import BackupInfo, latest_good_backup
from clerkdesk.persistence.single_writer import Acknowledged

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_INDEX_VERSION = 3007000  # first field of a -shm written by SQLite 3.7.0 and later
WAL_HEADER_SIZE = 32
WAL_FRAME_HEADER_SIZE = 24


# A named tuple, not a frozen dataclass: made before the window's first paint,
# where making a dataclass compiles each of its methods (docs/benchmarks.md, issue 19).
class HealthReport(NamedTuple):
    ok: bool
    problem: str | None  # for the clerk: what is wrong and what to do
    latest_good_backup: Path | None  # offered when there is a problem
    kind: str = "ok"  # missing, empty, not-a-database, truncated, wal-missing, damaged, ...


def _when(created: dt.datetime) -> str:
    return f"{created.day} {created:%B %Y} at {created:%H.%M}"


def _advice(backup: BackupInfo | None) -> str:
    if backup is None:
        return (
            "There is no good backup to restore. Keep a copy of the file as it is and "
            "contact support before recording anything else."
        )
    return (
        f"The latest good backup is from {_when(backup.created)}: restore it with "
        f'`clerkdesk restore "{backup.path}"`.'
    )


def damaged_report(db_path: Path, kind: str, what: str) -> HealthReport:
    """A problem found with ``db_path``, with the latest good backup to offer."""
    backup = latest_good_backup(db_path)
    problem = f"{what} Nothing has been changed. {_advice(backup)}"
    return HealthReport(False, problem, backup.path if backup else None, kind)


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _header_problem(db_path: Path, header: bytes, file_size: int) -> tuple[str, str] | None:
    name = db_path.name
    if header[:16] != SQLITE_MAGIC:
        return "not-a-database", (
            f"The database file {name} is damaged: its first bytes are not those of a "
            "database, so ClerkDesk cannot read it."
        )
    if len(header) < 100:
        return "truncated", f"The database file {name} is damaged: it has been cut short."
    page_size = _page_size(header)
    if page_size < 512 or page_size & (page_size - 1):
        return "damaged", f"The database file {name} is damaged: its header is invalid."
    change_counter, pages = struct.unpack(">II", header[24:32])
    valid_for = int.from_bytes(header[92:96], "big")
    expected = pages * page_size
    header_size_valid = pages > 0 and change_counter == valid_for
    if file_size % page_size or (header_size_valid and file_size < expected):
        return "truncated", (
            f"The database file {name} is damaged: it has been cut short "
            f"({file_size:,} bytes where {expected:,} were expected), so recent records "
            "are missing."
        )
    return None


def _wal_frames_not_in_file(shm: Path) -> tuple[int, int] | None:
    """(frames the WAL held beyond the last checkpoint, page size), from the -shm."""
    try:
        data = shm.read_bytes()[:136]
    except OSError:
        return None
    if len(data) < 100:
        return None
    order = "<" if sys.byteorder == "little" else ">"  # the -shm is in native byte order
    version, _unused, _change, is_init = struct.unpack(f"{order}IIIB", data[:13])
    if version != WAL_INDEX_VERSION or not is_init:
        return None
    raw_page_size = struct.unpack(f"{order}H", data[14:16])[0]
    page_size = (raw_page_size & 0xFE00) | ((raw_page_size & 0x0001) << 16)
    max_frame = struct.unpack(f"{order}I", data[16:20])[0]
    backfilled = struct.unpack(f"{order}I", data[96:100])[0]
    if max_frame <= backfilled:
        return None
    return max_frame - backfilled, page_size or 4096


def wal_problem(db_path: Path) -> tuple[str, str] | None:
    wal, shm = Path(f"{db_path}-wal"), Path(f"{db_path}-shm")
    if not shm.exists():
        return None  # closed cleanly, or both files gone: nothing left to compare
    pending = _wal_frames_not_in_file(shm)
    if pending is None:
        return None
    frames, page_size = pending
    if not wal.exists():
        shortfall = "is missing"
    elif wal.stat().st_size < WAL_HEADER_SIZE + frames * (WAL_FRAME_HEADER_SIZE + page_size):
        shortfall = "has been cut short"
    else:
        return None
    return "wal-missing", (
        f"The database's recent-changes file ({wal.name}) {shortfall}, so the most recent "
        f"records ({frames} page writes) are not in {db_path.name}. This happens when only "
        "the .db file is copied or a sync program removes the other file. If you have "
        f"{wal.name} elsewhere (for example where the database was copied from), put it back "
        "beside the database before opening ClerkDesk."
    )


def _summarise(lines: list[str]) -> str:
    """integrity_check's findings in one line: a clerk needs the gist, not the list."""
    findings = [part.strip() for line in lines for part in line.splitlines()]
    findings = [f for f in findings if f and not f.startswith("***")]
    pages = [f for f in findings if f.startswith("Page ")]
    if len(pages) > 1:
        return f"{len(pages)} or more damaged pages"
    return findings[0] if findings else "damaged"


def _sqlite_problem(db_path: Path) -> tuple[str, str] | None:
    uri = f"{db_path.resolve().as_uri()}?mode=rw"  # never create a file here
    try:
        with closing(sqlite3.connect(uri, uri=True, isolation_level=None)) as conn:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.Error as error:
        detail = str(error)
    else:
        if result == ["ok"]:
            return None
        detail = _summarise(result)
    if "locked" in detail or "busy" in detail:
        return None  # in use by a writer: not damage
    return "damaged", (
        f"The database file {db_path.name} is damaged and cannot be trusted "
        f"(SQLite reports: {detail})."
    )


# SQLite's integrity_check reads every page; past this size it would slow the
# opening of years of history, and the header and WAL checks still run.
DEEP_CHECK_LIMIT = 64 * 1024 * 1024


def check_health(db_path: Path, *, deep: bool | None = None) -> HealthReport:
    """Check ``db_path`` without changing it; never raises for a damaged file.

    ``deep`` runs SQLite's integrity_check too; by default only for files up
    to DEEP_CHECK_LIMIT.
    """
    try:
        if not db_path.exists():
            if latest_good_backup(db_path) is None:
                return HealthReport(True, None, None)  # a new database will be created
            return damaged_report(db_path, "missing", f"The database file {db_path} is missing.")
        with db_path.open("rb") as handle:
            header = handle.read(100)
        size = db_path.stat().st_size
    except OSError as error:
        return damaged_report(
            db_path, "unreadable", f"The database file {db_path} cannot be read ({error.strerror})."
        )
    if size == 0:
        if latest_good_backup(db_path) is None:
            return HealthReport(True, None, None)  # created but never written
        return damaged_report(db_path, "empty", f"The database file {db_path.name} is empty.")
    if deep is None:
        deep = size <= DEEP_CHECK_LIMIT
    found = _header_problem(db_path, header, size) or wal_problem(db_path)
    if found is None and deep:
        found = _sqlite_problem(db_path)
    if found is None:
        # Backups are only looked for when one is needed: checking each takes time.
        return HealthReport(True, None, None)
    kind, what = found
    return damaged_report(db_path, kind, what)


def missing_actions_report(
    db_path: Path, acknowledged: Acknowledged | None, token: str | None, audit_id: int
) -> HealthReport | None:
    """A report if the file holds fewer actions than this computer acknowledged
    on it (the same database by its token); None if all are there.

    SQLite cannot see this: a file whose -wal was lost is a sound, older file.
    """
    if acknowledged is None or token is None or acknowledged.token != token:
        return None  # nothing acknowledged, or another database now at this path
    if audit_id >= acknowledged.audit_id:
        return None
    missing = acknowledged.audit_id - audit_id
    return damaged_report(
        db_path,
        "actions-missing",
        f"The database file {db_path.name} holds fewer actions than ClerkDesk acknowledged: "
        f"{missing} recorded action{'s are' if missing != 1 else ' is'} missing (the last "
        f"acknowledged was number {acknowledged.audit_id}, the file ends at {audit_id}), "
        f"usually because its recent-changes file ({db_path.name}-wal) was deleted or not "
        "copied with it. If you have that file, put it back beside the database. To carry "
        "on without them, run `clerkdesk check --accept-missing`.",
    )

"""Damage real database files and check that ClerkDesk notices, explains what
happened in plain words, and offers the latest good backup — never a traceback."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clerkdesk.persistence.backups import make_backup
from clerkdesk.persistence.health import check_health
from tests.reliability.helpers import integrity, record_paragraphs

BACKUP_TIME = dt.datetime(2026, 11, 25, 14, 5)
PAGE = 4096


@pytest.fixture
def backed_up(db_path: Path) -> Path:
    """A database with a backup from 25 November 2026 at 14.05, then more records."""
    record_paragraphs(db_path, [f"paragraph {n} " + "words " * 300 for n in range(15)])
    make_backup(db_path, "timer", now=BACKUP_TIME)
    record_paragraphs(db_path, ["after the backup"])
    return db_path


def assert_offers_backup(db_path: Path, kind: str) -> str:
    report = check_health(db_path)
    assert not report.ok
    assert report.kind == kind
    assert report.latest_good_backup is not None
    assert report.latest_good_backup.parent == db_path.parent / "clerkdesk.db.backups"
    assert report.problem is not None
    assert "The latest good backup is from 25 November 2026 at 14.05" in report.problem
    assert f'clerkdesk restore "{report.latest_good_backup}"' in report.problem
    assert "Traceback" not in report.problem
    return report.problem


def test_a_sound_database_is_ok(backed_up: Path) -> None:
    report = check_health(backed_up)
    assert (report.ok, report.problem, report.kind) == (True, None, "ok")


def test_a_new_database_is_ok(db_path: Path) -> None:
    assert check_health(db_path).ok


def test_bytes_overwritten_in_the_middle_are_detected(backed_up: Path) -> None:
    size = backed_up.stat().st_size
    assert size >= 6 * PAGE
    with backed_up.open("r+b") as handle:
        handle.seek(2 * PAGE)  # page 3 onwards: tables, not the header
        handle.write(os.urandom(size // 2 - 2 * PAGE))
    problem = assert_offers_backup(backed_up, "damaged")
    assert problem.startswith("The database file clerkdesk.db is damaged")
    assert "Nothing has been changed" in problem


def test_a_truncated_file_is_detected(backed_up: Path) -> None:
    size = backed_up.stat().st_size
    os.truncate(backed_up, size // 2)
    problem = assert_offers_backup(backed_up, "truncated")
    assert "cut short" in problem


def test_a_file_cut_mid_page_is_detected(backed_up: Path) -> None:
    os.truncate(backed_up, backed_up.stat().st_size - 100)
    assert_offers_backup(backed_up, "truncated")


def test_a_zeroed_header_is_detected(backed_up: Path) -> None:
    with backed_up.open("r+b") as handle:
        handle.write(b"\x00" * 100)
    problem = assert_offers_backup(backed_up, "not-a-database")
    assert "not those of a database" in problem


def test_a_missing_database_with_backups_is_reported(backed_up: Path) -> None:
    backed_up.unlink()
    assert "is missing" in assert_offers_backup(backed_up, "missing")


def test_without_a_backup_the_message_says_what_to_do(db_path: Path) -> None:
    record_paragraphs(db_path, ["x"])
    with db_path.open("r+b") as handle:
        handle.write(b"\x00" * 100)
    report = check_health(db_path)
    assert not report.ok and report.latest_good_backup is None
    assert report.problem is not None and "There is no good backup" in report.problem


# --- the -wal file ------------------------------------------------------------

LATE_WRITES = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint = 0")  # keep the last transactions in the WAL
for n in range(3):
    conn.execute("INSERT INTO audit (meeting_id, at, clerk, action, detail) "
                 "VALUES (2, '2026-11-25 15:00:00', 'Test Clerk', ?, '')", (f"late {n}",))
os._exit(0)  # like a crash: no close, no checkpoint; -wal and -shm stay
"""


def late_writes_then_crash(db_path: Path) -> None:
    subprocess.run([sys.executable, "-c", LATE_WRITES, str(db_path)], check=True)
    assert Path(f"{db_path}-wal").stat().st_size > 0
    assert Path(f"{db_path}-shm").exists()


def late_actions(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(
            conn.execute("SELECT count(*) FROM audit WHERE action LIKE 'late %'").fetchone()[0]
        )
    finally:
        conn.close()


def test_a_crash_with_data_in_the_wal_is_healthy(backed_up: Path) -> None:
    late_writes_then_crash(backed_up)
    assert check_health(backed_up).ok  # no false alarm after an ordinary crash
    assert late_actions(backed_up) == 3  # SQLite recovers them from the WAL


def test_a_deleted_wal_is_detected_though_sqlite_cannot_tell(backed_up: Path) -> None:
    late_writes_then_crash(backed_up)
    Path(f"{backed_up}-wal").unlink()
    problem = assert_offers_backup(backed_up, "wal-missing")
    assert "recent-changes file (clerkdesk.db-wal) is missing" in problem
    assert "put it back" in problem
    # SQLite itself sees nothing wrong: the three late actions are silently gone.
    assert integrity(backed_up) == "ok"
    assert late_actions(backed_up) == 0


def test_a_truncated_wal_is_detected(backed_up: Path) -> None:
    late_writes_then_crash(backed_up)
    wal = Path(f"{backed_up}-wal")
    os.truncate(wal, wal.stat().st_size // 2)
    assert "has been cut short" in assert_offers_backup(backed_up, "wal-missing")


def test_a_closed_database_never_depends_on_its_wal(db_path: Path) -> None:
    """Closing the last connection checkpoints: nothing is left in a -wal to lose."""
    record_paragraphs(db_path, ["x"])
    assert not Path(f"{db_path}-wal").exists()
    assert check_health(db_path).ok


def test_a_checkpoint_truncate_empties_the_wal_while_open(db_path: Path) -> None:
    record_paragraphs(db_path, ["x"])
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE minute_paragraph SET text = 'y' WHERE text = 'x'")
        assert Path(f"{db_path}-wal").stat().st_size > 0
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert Path(f"{db_path}-wal").stat().st_size == 0
        Path(f"{db_path}-wal").unlink()  # now losing the WAL loses nothing
        assert check_health(db_path).ok
    finally:
        conn.close()

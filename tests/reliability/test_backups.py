"""Backups: made with the online backup API, listed, thinned, and restored."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from clerkdesk.persistence.backups import (
    backups_folder,
    list_backups,
    make_backup,
    restore_backup,
    should_back_up,
    thin_backups,
)
from clerkdesk.persistence.errors import DatabaseError
from clerkdesk.persistence.migrations import LATEST_VERSION
from tests.reliability.helpers import integrity, paragraph_texts, record_paragraphs

NOW = dt.datetime(2026, 11, 25, 14, 5, 0)


def test_a_backup_is_a_readable_database_beside_the_original(db_path: Path) -> None:
    record_paragraphs(db_path, ["first", "second"])
    backup = make_backup(db_path, "Before export", now=NOW)
    assert backup.parent == backups_folder(db_path)
    assert backup.name == "clerkdesk-20261125-140500-before-export.db"
    assert paragraph_texts(backup) == paragraph_texts(db_path)
    [info] = list_backups(db_path)
    assert (info.path, info.created, info.reason) == (backup, NOW, "before-export")
    assert info.ok and info.schema_version == LATEST_VERSION and info.size > 0


def test_a_backup_includes_what_is_still_only_in_the_wal(db_path: Path) -> None:
    record_paragraphs(db_path, ["checkpointed"])
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute(
        "UPDATE minute_paragraph SET text = 'only in the WAL' WHERE text = ?", ("checkpointed",)
    )
    try:
        backup = make_backup(db_path, "timer")
        assert "only in the WAL" in paragraph_texts(backup)
        assert not Path(f"{backup}-wal").exists()  # self-contained
    finally:
        writer.close()


def test_two_backups_in_one_second_do_not_overwrite_each_other(db_path: Path) -> None:
    record_paragraphs(db_path, ["x"])
    first, second = make_backup(db_path, "timer", NOW), make_backup(db_path, "timer", NOW)
    assert first != second and first.exists() and second.exists()


def test_backing_up_a_missing_database_says_so(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no database"):
        make_backup(tmp_path / "nothing.db", "timer")


def test_migration_backups_are_listed_too(db_path: Path) -> None:
    record_paragraphs(db_path, ["x"])
    folder = backups_folder(db_path)
    folder.mkdir()
    make_backup(db_path, "timer", NOW).rename(
        folder / "clerkdesk-before-v2-from-v1-20261101-090000.db"
    )
    [info] = list_backups(db_path)
    assert info.reason == "before-v2-from-v1"
    assert info.created == dt.datetime(2026, 11, 1, 9, 0)


def test_thinning_keeps_recent_daily_and_weekly_backups(db_path: Path) -> None:
    record_paragraphs(db_path, ["x"])
    minutes, hours, days = (dt.timedelta(minutes=1), dt.timedelta(hours=1), dt.timedelta(days=1))
    recent = [5 * minutes, 60 * minutes, 110 * minutes]  # last 2 hours: all kept
    today, yesterday = [3 * hours, 4 * hours], [30 * hours, 31 * hours]
    weeks_ago = [20 * days, 21 * days, 22 * days]  # within 12 weeks: one per ISO week
    ancient = [100 * days]  # beyond 12 weeks: removed
    made = {
        age: make_backup(db_path, "timer", NOW - age)
        for age in recent + today + yesterday + weeks_ago + ancient
    }
    removed = set(thin_backups(db_path, NOW))
    kept = {age for age, path in made.items() if path.exists()}
    assert removed == {path for path in made.values() if not path.exists()}
    assert set(recent) <= kept
    assert not set(today) & kept  # today's newest is already among the recent ones
    assert (30 * hours in kept, 31 * hours in kept) == (True, False)  # newest of yesterday
    kept_weeks = [(NOW - age).isocalendar()[:2] for age in weeks_ago if age in kept]
    assert sorted(kept_weeks) == sorted({(NOW - age).isocalendar()[:2] for age in weeks_ago})
    assert 100 * days not in kept


def test_thinning_never_removes_the_only_good_backup(db_path: Path) -> None:
    record_paragraphs(db_path, ["x"])
    only = make_backup(db_path, "timer", NOW - dt.timedelta(days=400))
    assert thin_backups(db_path, NOW) == []
    assert only.exists()


@pytest.mark.parametrize(
    ("last_backup", "last_change", "now", "expected"),
    [
        (None, None, NOW, False),  # nothing recorded yet
        (None, NOW, NOW, True),  # first change ever
        (NOW, NOW - dt.timedelta(minutes=1), NOW + dt.timedelta(hours=1), False),  # no change
        (NOW, NOW + dt.timedelta(minutes=1), NOW + dt.timedelta(minutes=2), False),  # too soon
        (NOW, NOW + dt.timedelta(minutes=1), NOW + dt.timedelta(minutes=5), True),
    ],
)
def test_should_back_up(
    last_backup: dt.datetime | None,
    last_change: dt.datetime | None,
    now: dt.datetime,
    expected: bool,
) -> None:
    assert should_back_up(last_backup, last_change, now) is expected


def test_restore_drill(db_path: Path) -> None:
    """Record, back up, record more, lose the file, restore: exactly the backup comes back."""
    record_paragraphs(db_path, ["before backup 1", "before backup 2"])
    backup = make_backup(db_path, "timer")
    expected = paragraph_texts(backup)
    record_paragraphs(db_path, ["after backup"])
    with db_path.open("r+b") as handle:  # damage the live file beyond repair
        handle.write(b"\x00" * 4096)
    replaced = restore_backup(db_path, backup)
    assert paragraph_texts(db_path) == expected
    assert integrity(db_path) == "ok"
    assert replaced is not None and "replaced" in replaced.name
    assert replaced.read_bytes()[:16] == b"\x00" * 16  # the damaged file kept as it was
    assert not Path(f"{db_path}-wal").exists()
    record_paragraphs(db_path, ["recording again"])  # ClerkDesk opens it and carries on
    assert paragraph_texts(db_path) == [*expected, "recording again"]


def test_restore_over_a_readable_database_keeps_it_via_the_backup_api(db_path: Path) -> None:
    record_paragraphs(db_path, ["one"])
    backup = make_backup(db_path, "timer")
    record_paragraphs(db_path, ["two"])
    replaced = restore_backup(db_path, backup)
    assert replaced is not None and paragraph_texts(replaced)[-1] == "two"
    assert paragraph_texts(db_path)[-1] == "one"


def test_a_damaged_backup_is_refused_and_nothing_changes(db_path: Path) -> None:
    record_paragraphs(db_path, ["one"])
    backup = make_backup(db_path, "timer")
    with backup.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * 8192)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="itself damaged .* Nothing was changed"):
        restore_backup(db_path, backup)
    assert db_path.read_bytes() == before

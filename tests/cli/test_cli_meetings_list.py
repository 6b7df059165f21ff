"""The meetings list on the command line: a second copy only on purpose, and
deleting a meeting that is not approved, after a backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli.test_cli import clerkdesk
from tests.conftest import SAMPLES

PACK = SAMPLES / "herts-acah-panel-2018-01-30-agenda-pack.txt"


def meeting_ids(db: Path) -> list[int]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM meeting ORDER BY id")]


def test_importing_the_same_agenda_again_names_the_meeting(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    first = clerkdesk(db, "import-agenda", str(PACK))
    assert first.returncode == 0, first.stderr
    meeting_id = int(first.stdout.strip())
    again = clerkdesk(db, "import-agenda", str(PACK))
    assert again.returncode == 2
    assert f"is already in this database (meeting {meeting_id})" in again.stderr
    assert "--as-new" in again.stderr
    assert meeting_ids(db) == [meeting_id]
    copy = clerkdesk(db, "import-agenda", "--as-new", str(PACK))
    assert copy.returncode == 0, copy.stderr
    assert meeting_ids(db) == [meeting_id, int(copy.stdout.strip())]


def test_a_draft_is_deleted_after_a_backup(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert clerkdesk(db, "demo").returncode == 0
    deleted = clerkdesk(db, "delete", "2")
    assert deleted.returncode == 0, deleted.stderr
    assert "Delete the meeting of Adult Care & Health Cabinet Panel on 30 January 2018" in (
        deleted.stdout
    )
    assert meeting_ids(db) == [1]
    backups = list((tmp_path / "c.db.backups").iterdir())
    assert any("before-deleting-meeting-2" in b.name for b in backups)
    (backup,) = [b for b in backups if "before-deleting-meeting-2" in b.name]
    assert meeting_ids(backup) == [1, 2]  # the backup still holds it
    with sqlite3.connect(db) as conn:
        for table in ("agenda_item", "attendee"):
            assert not conn.execute(f"SELECT 1 FROM {table} WHERE meeting_id = 2").fetchall()
        (action,) = conn.execute("SELECT action FROM audit WHERE action LIKE 'Delete%'").fetchone()
        assert "(meeting 2)" in action
    check = clerkdesk(db, "check")
    assert check.returncode == 0, check.stderr


def test_approved_minutes_are_never_deleted(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert clerkdesk(db, "demo").returncode == 0
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.lifecycle import approve_minutes

    opened = open_database(db)
    try:
        approve_minutes(Desk(opened, "test clerk"), 1, "C B Wyatt-Lowe")
    finally:
        opened.dispose()
    refused = clerkdesk(db, "delete", "1")
    assert refused.returncode == 2
    assert "are approved: they are the council's record and cannot be deleted" in refused.stderr
    assert meeting_ids(db) == [1, 2]
    missing = clerkdesk(db, "delete", "7")
    assert missing.returncode == 2 and "There is no meeting with id 7" in missing.stderr

"""Issue 13, point 7: confidential data at rest. What ClerkDesk creates is the
user's alone, and deleted Part II text does not outlive approval in the file
or its backups."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerkdesk.export.certify import ensure_certificate
from clerkdesk.persistence.backups import make_backup
from clerkdesk.persistence.database import open_database
from clerkdesk.services import lifecycle, minutes
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.services.records_io import get_record
from clerkdesk.services.undo import undo

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual desktop umask, so that only ClerkDesk's own care makes files private."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_the_database_its_side_files_lock_backups_and_folders_are_private(
    tmp_path: Path, open_umask: None
) -> None:
    db_path = tmp_path / "new" / "folders" / "clerkdesk.db"
    db = open_database(db_path, exclusive=True, create=True)
    try:
        create_demo(Desk(db, "clerk"))
        wal, shm = Path(f"{db_path}-wal"), Path(f"{db_path}-shm")
        assert wal.exists() and shm.exists()
        backup = make_backup(db_path, "timer")
        files = [db_path, wal, shm, db_path.with_name("clerkdesk.db.lock"), backup]
        assert {str(p.name): mode(p) for p in files} == {str(p.name): 0o600 for p in files}
        folders = [tmp_path / "new", tmp_path / "new" / "folders", backup.parent]
        assert [mode(f) for f in folders] == [0o700] * 3
    finally:
        db.dispose()


def test_the_signing_key_folder_and_files_are_private(tmp_path: Path, open_umask: None) -> None:
    key_dir = tmp_path / "ClerkDesk" / "keys"
    key, cert = ensure_certificate(key_dir)
    assert [mode(key_dir.parent), mode(key_dir), mode(key), mode(cert)] == [
        0o700,
        0o700,
        0o600,
        0o600,
    ]


SECRET = "Zanzibarquartz tender price 4,310,000"


def test_deleted_part_ii_text_is_gone_from_the_file_and_backups_once_approved(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "clerkdesk.db"
    db = open_database(db_path, exclusive=True, create=True)
    try:
        desk = Desk(db, "clerk")
        meeting = create_demo(desk)[0]  # the meeting of 10 January 2018, closed
        item = get_record(desk, meeting).items[-1].id
        change = minutes.add_paragraph(desk, meeting, item, SECRET)
        assert change.new_id is not None
        db.catch_up_search()  # indexed for search while it stood
        minutes.delete_paragraph(desk, meeting, change.new_id)  # typed, then deleted
        minutes.add_paragraph(desk, meeting, item, f"{SECRET} again")
        undo(desk, meeting)  # typed, then undone
        db.catch_up_search()
        with db.transaction() as transaction:
            journal = transaction.driver.execute(
                "SELECT count(*) FROM journal WHERE meeting_id = ?", (meeting,)
            ).fetchone()[0]
        assert journal > 0
        lifecycle.approve_minutes(desk, meeting, "C B Wyatt-Lowe")
        with db.transaction() as transaction:
            left = transaction.driver.execute(
                "SELECT count(*) FROM journal WHERE meeting_id = ?", (meeting,)
            ).fetchone()[0]
        assert left == 0  # deleted with the approval, in its transaction
        backup = make_backup(db_path, "after approval")
    finally:
        db.dispose()
    needle = b"Zanzibarquartz"
    assert needle not in db_path.read_bytes()
    assert needle not in backup.read_bytes()

"""When the disk is full or the file is read-only, the clerk is told the action
was NOT recorded, and everything recorded before it is intact."""

from __future__ import annotations

import os
import shutil
import site
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from clerkdesk.persistence.database import open_database
from clerkdesk.persistence.errors import DatabaseError
from clerkdesk.services.context import Desk
from clerkdesk.services.minutes import add_paragraph
from tests.reliability.helpers import first_item, integrity, paragraph_texts, record_paragraphs

NOBODY = 65534


def page_count(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        conn.close()


def test_disk_full_refuses_the_action_and_keeps_everything_before(db_path: Path) -> None:
    record_paragraphs(db_path, ["before 1", "before 2"])
    before = paragraph_texts(db_path)
    limit = page_count(db_path) + 2  # room for small changes, not for a big one
    db = open_database(db_path)

    def cap_file_size(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit}")

    event.listen(db.engine, "connect", cap_file_size)  # in this test only
    db.engine.dispose()
    desk = Desk(db, clerk="Test Clerk")
    try:
        item_id = first_item(desk, 2)
        add_paragraph(desk, 2, item_id, "small, still fits")
        with pytest.raises(DatabaseError) as refused:
            add_paragraph(desk, 2, item_id, "huge " * 200_000)  # ~1 MB: the disk is "full"
        message = str(refused.value)
        assert "disk holding the database" in message and "is full" in message
        assert "The last action was NOT recorded; everything before it is safe" in message
        add_paragraph(desk, 2, item_id, "small again")  # and recording carries on
    finally:
        db.dispose()
    assert paragraph_texts(db_path) == [*before, "small, still fits", "small again"]
    assert integrity(db_path) == "ok"


ATTEMPT = """
import sys
from pathlib import Path
from clerkdesk.persistence.database import open_database
from clerkdesk.persistence.errors import DatabaseError
from clerkdesk.services.context import Desk
from clerkdesk.services.minutes import add_paragraph
try:
    db = open_database(Path(sys.argv[1]))
    desk = Desk(db, clerk="Test Clerk")
    add_paragraph(desk, 2, int(sys.argv[2]), "written to a read-only database?")
    print("RECORDED")
except DatabaseError as error:
    print("REFUSED", error)
"""


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder a dropped-privilege child can reach (pytest's tmp is root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="clerkdesk-readonly-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def interpreters() -> list[str]:
    """This Python, then the system's own of the same version: the unprivileged
    user may not be allowed into the folder this one lives in (e.g. /root)."""
    system = Path("/usr/bin") / f"python{sys.version_info.major}.{sys.version_info.minor}"
    return [sys.executable] + ([str(system)] if system.exists() else [])


def attempt_as_ordinary_user(db_path: Path, item_id: int) -> str:
    """Try to record, as a user the permissions apply to (root ignores chmod)."""
    user = NOBODY if os.geteuid() == 0 else None
    paths = [str(Path(__file__).resolve().parents[2]), *site.getsitepackages()]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    problems: list[str] = []
    for python in interpreters():
        try:
            done = subprocess.run(
                [python, "-c", ATTEMPT, str(db_path), str(item_id)],
                capture_output=True, text=True, user=user, env=env, timeout=60, check=False,
            )  # fmt: skip
        except PermissionError as error:
            problems.append(str(error))
            continue
        if "Error" in done.stderr and "Traceback" in done.stderr and "clerkdesk" not in done.stderr:
            problems.append(done.stderr[-300:])  # the interpreter could not start ClerkDesk
            continue
        assert "Traceback" not in done.stderr, done.stderr
        return done.stdout.strip()
    pytest.skip(f"running as root and no ordinary user can run ClerkDesk here: {problems}")


@pytest.mark.parametrize("folder_writable", [True, False], ids=["file-read-only", "folder-too"])
def test_a_read_only_database_refuses_and_changes_nothing(
    shared_folder: Path, folder_writable: bool
) -> None:
    db_path = shared_folder / "clerkdesk.db"
    record_paragraphs(db_path, ["before"])
    before, item_id = paragraph_texts(db_path), 5
    db_path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # 0o444
    shared_folder.chmod(0o777 if folder_writable else 0o555)
    outcome = attempt_as_ordinary_user(db_path, item_id)
    if outcome == "RECORDED":
        pytest.skip("chmod did not stop the write here (privileged user): nothing to test")
    assert outcome.startswith("REFUSED")
    assert "read-only, so nothing can be recorded. Nothing was changed." in outcome or (
        "cannot be opened" in outcome and "you may write there" in outcome
    ), outcome
    shared_folder.chmod(0o755)
    assert paragraph_texts(db_path) == before
    assert integrity(db_path) == "ok"

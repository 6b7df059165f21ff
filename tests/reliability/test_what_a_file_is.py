"""Issue 13, point 6: no command hides damage or adopts a file that is not
ClerkDesk's. Each test makes the hostile file itself and runs the real commands."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clerkdesk.cli import main
from clerkdesk.persistence.database import open_database
from clerkdesk.persistence.errors import DatabaseDamagedError
from clerkdesk.persistence.migrations import APPLICATION_ID, LATEST_VERSION
from clerkdesk.persistence.opening import prepare_file
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.services.minutes import add_paragraph
from clerkdesk.services.records_io import dump_meeting
from tests.reliability.helpers import first_item

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "tests" / "samples"


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def every_command(tmp_path: Path) -> list[list[str]]:
    """Every command that opens the database, with inputs good enough to reach it."""
    inputs = tmp_path / "inputs"
    if not inputs.exists():
        inputs.mkdir()
        scratch = open_database(inputs / "scratch.db", create=True)
        try:
            record = dump_meeting(Desk(scratch, "clerk"), create_demo(Desk(scratch, "clerk"))[0])
        finally:
            scratch.dispose()
        (inputs / "record.json").write_text(json.dumps(record))
    record_file = str(inputs / "record.json")
    return [
        ["meetings"],
        ["meetings", "--json"],
        ["dump", "1"],
        ["verify", record_file],
        ["export", "1", "--format", "pdf", "-o", str(inputs / "out.pdf")],
        ["backup"],
        ["check"],
        ["demo"],
        ["load", record_file],
        ["import-agenda", str(SAMPLES / "herts-acah-panel-2018-01-30-agenda-pack.txt")],
        ["attach-report", "1", "4", str(SAMPLES / "herts-acah-item4-report.txt")],
    ]


def files_beside(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if p.is_file()}


def another_programs_database(path: Path, *, wal: bool) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('holiday.jpg')")
    conn.close()


def test_an_emptied_database_file_is_refused_by_reading_commands_and_not_filled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "data" / "clerkdesk.db"
    db.parent.mkdir()
    db.write_bytes(b"")
    export = ["export", "1", "--format", "pdf", "-o", str(tmp_path / "x.pdf")]
    for args in (["meetings"], ["dump", "1"], ["check"], ["backup"], export):
        code, _, err = run(capsys, db, *args)
        assert code == 2, args
        assert "no ClerkDesk database" in err and err.count("\n") == 1, args
        assert sorted(p.name for p in db.parent.iterdir()) == ["clerkdesk.db"], args
        assert db.stat().st_size == 0, args


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_another_programs_sqlite_file_is_refused_by_every_command_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], wal: bool
) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    db = folder / "library.db"
    another_programs_database(db, wal=wal)
    before = files_beside(db)
    commands = every_command(tmp_path)
    for args in commands:
        code, _, err = run(capsys, db, *args)
        assert code == 2, (args, err)
        assert "not a ClerkDesk database" in err and err.count("\n") == 1, (args, err)
        assert "Traceback" not in err
        assert files_beside(db) == before, args  # byte for byte; no -wal, -shm or lock
    with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert tables == {"photos"}
    assert len(commands) == 11


def test_a_file_that_is_not_a_database_at_all_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes").mkdir()
    db = tmp_path / "notes" / "notes.db"
    db.write_bytes(b"Dear clerk, these are my notes.\n" * 50)
    before = files_beside(db)
    for args in every_command(tmp_path):
        code, _, err = run(capsys, db, *args)
        assert code == 2 and "not a ClerkDesk database" in err and err.count("\n") == 1, args
        assert files_beside(db) == before, args


def test_a_database_from_a_newer_clerkdesk_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "newer").mkdir()
    db = tmp_path / "newer" / "clerkdesk.db"
    # In rollback-journal mode, so that setting WAL mode (as opening did) would change it.
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE meeting (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = files_beside(db)
    for args in every_command(tmp_path):
        code, _, err = run(capsys, db, *args)
        assert code == 2 and "newer version of ClerkDesk" in err and err.count("\n") == 1, args
        assert files_beside(db) == before, args


def test_restore_refuses_a_backup_that_is_not_a_sound_clerkdesk_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "clerkdesk.db"
    assert run(capsys, db, "demo")[0] == 0
    run(capsys, db, "meetings")  # closes the file: no -wal left
    before = db.read_bytes()
    foreign = tmp_path / "other.db"
    another_programs_database(foreign, wal=False)
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for backup in (foreign, empty):
        code, _, err = run(capsys, db, "restore", str(backup))
        assert code == 2 and "Not restored" in err and err.count("\n") == 1, backup
        assert db.read_bytes() == before
    assert not (tmp_path / "clerkdesk.db.backups").exists()  # nothing replaced, nothing kept


RECORDER = """
import os, signal, sys
from clerkdesk.persistence.database import open_database
from clerkdesk.services.context import Desk
from clerkdesk.services.minutes import add_paragraph
from clerkdesk.services.records_io import dump_meeting
db = open_database(sys.argv[1], exclusive=True)
desk = Desk(db, "clerk")
for n in range(int(sys.argv[3])):
    add_paragraph(desk, 2, int(sys.argv[2]), f"acknowledged action {n}")
print("acknowledged", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def crash_after_acknowledging(db: Path, actions: int) -> None:
    """A demo database, then ``actions`` paragraphs acknowledged by a recording
    process that is then killed: they are in the -wal only."""
    made = open_database(db, create=True)
    desk = Desk(made, "clerk")
    create_demo(desk)
    item = first_item(desk, 2)
    made.dispose()
    done = subprocess.run(
        [sys.executable, "-c", RECORDER, str(db), str(item), str(actions)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL and "acknowledged" in done.stdout, done.stderr
    assert Path(f"{db}-wal").stat().st_size > 0


def test_acknowledged_actions_lost_with_the_wal_are_reported_by_readers_and_refused_to_writers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "clerkdesk.db"
    crash_after_acknowledging(db, 30)
    # Both side files gone (copied without them, or a sync program): the -shm
    # index cannot tell; only what was acknowledged can.
    os.remove(f"{db}-wal")
    os.remove(f"{db}-shm")
    code, out, err = run(capsys, db, "meetings", "--json")
    assert code == 0 and len(json.loads(out)) == 2  # a reader still reads, but is told
    assert "30 recorded actions are missing" in err and err.count("\n") == 1
    code, _, err = run(capsys, db, "demo")
    assert code == 2 and "30 recorded actions are missing" in err and err.count("\n") == 1
    assert run(capsys, db, "check")[0] == 1
    with pytest.raises(DatabaseDamagedError) as refused:
        prepare_file(db, exclusive=True)  # how the app opens it: the damage dialog
    assert refused.value.report.kind == "actions-missing"
    # The clerk chooses to carry on: recording works again.
    assert run(capsys, db, "check", "--accept-missing")[0] == 0
    assert run(capsys, db, "demo")[0] == 0


def test_an_ordinary_crash_loses_nothing_and_raises_no_alarm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "clerkdesk.db"
    crash_after_acknowledging(db, 30)
    code, _, err = run(capsys, db, "meetings")
    assert code == 0 and err == ""
    assert run(capsys, db, "demo")[0] == 0


def test_a_wal_removed_while_recording_is_noticed_and_nothing_is_lost(tmp_path: Path) -> None:
    db_path = tmp_path / "clerkdesk.db"
    db = open_database(db_path, exclusive=True, create=True)
    try:
        desk = Desk(db, "clerk")
        create_demo(desk)
        item = first_item(desk, 2)
        add_paragraph(desk, 2, item, "before the removal")
        assert db.take_notice() is None
        os.remove(f"{db_path}-wal")  # a clean-up tool, while the app records
        add_paragraph(desk, 2, item, "after the removal")
        notice = db.take_notice()
        assert notice is not None and "was removed while ClerkDesk was recording" in notice
        # Already in the database file itself (read ignoring any -wal):
        uri = f"{db_path.resolve().as_uri()}?mode=ro&immutable=1"
        with sqlite3.connect(uri, uri=True) as conn:
            texts = {r[0] for r in conn.execute("SELECT text FROM minute_paragraph")}
        assert {"before the removal", "after the removal"} <= texts
        add_paragraph(desk, 2, item, "recording carries on")
        assert db.take_notice() is None
        assert Path(f"{db_path}-wal").exists()  # a new -wal, really used
    finally:
        db.dispose()

"""The command line, run as a clerk would run it: in a child process."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clerkdesk.cli import main

REPO = Path(__file__).resolve().parents[2]


def clerkdesk(
    db: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerkdesk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def run_in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_meetings_dump_load_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.db")
    code, out, _ = run_in_process(capsys, "--db", db, "demo")
    assert code == 0 and out.split() == ["1", "2"]
    code, out, _ = run_in_process(capsys, "--db", db, "meetings", "--json")
    listed = json.loads(out)
    assert [(m["date"], m["status"]) for m in listed] == [
        ("2018-01-30", "draft"),
        ("2018-01-10", "closed"),
    ]
    code, out, _ = run_in_process(capsys, "--db", db, "dump", "1")
    first = json.loads(out)
    assert first["format"] == "clerkdesk-meeting"
    dump_file = tmp_path / "m.json"
    dump_file.write_text(out)
    code, out, _ = run_in_process(capsys, "--db", db, "load", "--as-new-copy", str(dump_file))
    assert code == 0
    new_id = out.strip()
    code, out, _ = run_in_process(capsys, "--db", db, "dump", new_id)
    assert json.loads(out) == first  # identical apart from ids, and the dump has none


def test_console_script_entry_works_in_a_child_process(tmp_path: Path) -> None:
    # Listing meetings never creates a database (issue 13, point 6): it says how to make one.
    result = clerkdesk(tmp_path / "c.db", "meetings")
    assert result.returncode == 2
    assert "clerkdesk demo" in result.stderr
    assert not (tmp_path / "c.db").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["load", "/no/such/file.json"], "no such file"),
        (["dump", "42"], "There is no meeting with id 42"),
        (["dump", "forty-two"], "invalid int value"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    # On a database that exists: reading commands no longer create one (issue 13).
    assert run_in_process(capsys, "--db", str(tmp_path / "c.db"), "demo")[0] == 0
    code, out, err = run_in_process(capsys, "--db", str(tmp_path / "c.db"), *args)
    assert code == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_malformed_json_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "clerkdesk-meeting", "version": 1,')
    code, _, err = run_in_process(capsys, "--db", str(tmp_path / "c.db"), "load", str(bad))
    assert code == 2 and "not valid JSON (line 1" in err


def test_rule_breaking_record_is_refused_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.db")
    run_in_process(capsys, "--db", db, "demo")
    _, out, _ = run_in_process(capsys, "--db", db, "dump", "1")
    record = json.loads(out)
    record["items"][2]["recommendations"][0]["vote"]["counts"][0]["value"] = (
        10  # 14 votes, 12 voters
    )
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(record))
    code, _, err = run_in_process(capsys, "--db", db, "load", str(bad))
    assert code == 2 and "14 votes were entered" in err
    _, out, _ = run_in_process(capsys, "--db", db, "meetings", "--json")
    assert len(json.loads(out)) == 2  # nothing written


@pytest.mark.slow
def test_locked_database_is_reported(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert clerkdesk(db, "demo").returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        result = clerkdesk(db, "demo", env={"CLERKDESK_BUSY_TIMEOUT_MS": "200"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2
    assert "in use by another program" in result.stderr
    assert "Traceback" not in result.stderr


def test_clerkdesk_db_environment_variable(tmp_path: Path) -> None:
    target = tmp_path / "env.db"
    result = subprocess.run(
        [sys.executable, "-m", "clerkdesk", "demo"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "CLERKDESK_DB": str(target)},
        timeout=120,
    )
    assert result.returncode == 0 and target.exists()


def test_backup_list_check_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "c.db"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "backup", "--reason", "before the meeting"]) == 0
    backup = Path(capsys.readouterr().out.split()[-1])
    assert main(["--db", str(db), "demo"]) == 0  # two more meetings after the backup
    assert main(["--db", str(db), "backups"]) == 0
    assert "before-the-meeting" in capsys.readouterr().out
    assert main(["--db", str(db), "check"]) == 0
    assert "sound" in capsys.readouterr().out
    assert main(["--db", str(db), "restore", str(backup)]) == 0
    assert "was kept as" in capsys.readouterr().out
    assert main(["--db", str(db), "meetings", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["--db", str(db), "restore", str(tmp_path / "nope.db")]) == 2
    assert "no such backup" in capsys.readouterr().err


def test_damaged_database_is_explained_with_the_backup_to_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.db"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "backup"]) == 0
    with db.open("r+b") as handle:
        handle.truncate(db.stat().st_size // 2 + 100)
    capsys.readouterr()
    assert main(["--db", str(db), "demo"]) == 2
    err = capsys.readouterr().err
    assert "damaged" in err and "clerkdesk restore" in err and err.count("\n") == 1
    assert main(["--db", str(db), "check"]) == 1


@pytest.mark.slow
def test_second_writer_is_refused_while_the_app_holds_the_database(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from clerkdesk.persistence.database import open_database; "
            "d = open_database(sys.argv[1], exclusive=True, create=True); "
            "print('open', flush=True); time.sleep(60)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        result = clerkdesk(db, "demo")
        assert result.returncode == 2
        assert "already open in another copy of ClerkDesk" in result.stderr
        assert clerkdesk(db, "meetings").returncode == 0  # reading is still allowed
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()


def test_main_py_runs_the_same_command_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--db", str(tmp_path / "c.db"), "demo"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0 and result.stdout.split() == ["1", "2"]


def test_an_approved_meeting_edited_and_loaded_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 13, point 5: dump an approved meeting, reverse a vote, load it."""
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.lifecycle import approve_minutes

    db = str(tmp_path / "c.db")
    run_in_process(capsys, "--db", db, "demo")
    database = open_database(Path(db))
    approve_minutes(Desk(database), 1, "C B Wyatt-Lowe")
    database.dispose()
    _, out, _ = run_in_process(capsys, "--db", db, "dump", "1")
    record = json.loads(out)
    vote = record["items"][2]["recommendations"][0]["vote"]
    vote["counts"][0]["value"], vote["counts"][1]["value"] = 4, 8
    vote.update(outcome="lost", result="fail")
    bad = tmp_path / "reversed.json"
    bad.write_text(json.dumps(record))
    for extra in ([], ["--as-new-copy"]):
        code, _, err = run_in_process(capsys, "--db", db, "load", *extra, str(bad))
        assert code == 2 and "changed after approval" in err and err.count("\n") == 1
    _, out, _ = run_in_process(capsys, "--db", db, "meetings", "--json")
    assert len(json.loads(out)) == 2  # nothing written

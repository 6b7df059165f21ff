"""`clerkdesk self-test`: the real window comes up and says so; it never hangs."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from clerkdesk.persistence.migrations import LATEST_VERSION
from tests.ui.conftest import DemoDb

REPO = Path(__file__).resolve().parents[2]


def self_test(db: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """In a child process, as IT runs it: the self-test sets up Qt for the whole
    process (its message handler, the application's name), which a test process
    must keep as pytest-qt set it."""
    return subprocess.run(
        [sys.executable, "-m", "clerkdesk", "--db", str(db), "self-test", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(home)},
        timeout=120,  # a hang guard, not a measure
    )


def test_the_window_comes_up_listing_the_meetings(demo: DemoDb, tmp_path: Path) -> None:
    demo.db.dispose()  # the window takes the writer lock
    result = self_test(demo.path, tmp_path, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["passed"] and report["meetings"] == 2
    assert report["ready"] >= report["shown"]
    assert report["platform"] == "offscreen"


def test_a_question_nobody_answers_ends_in_a_failed_report_not_a_hang(
    demo: DemoDb, tmp_path: Path
) -> None:
    """A database from a newer ClerkDesk: the window asks before it shows. The
    self-test, run by IT with nobody watching, closes the question and fails.
    (In a child process: the window it gave up on leaves its own exit queued.)"""
    demo.db.dispose()
    with sqlite3.connect(demo.path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    result = self_test(demo.path, tmp_path, "--timeout", "1")
    assert result.returncode == 1
    assert "did not come up" in result.stderr

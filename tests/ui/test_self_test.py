"""`clerkdesk self-test`: the real window comes up and says so; it never hangs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerkdesk.persistence.migrations import LATEST_VERSION
from clerkdesk.ui import self_test
from tests.ui.conftest import DemoDb


def test_the_window_comes_up_listing_the_meetings(
    qtbot: QtBot, demo: DemoDb, tmp_path: Path
) -> None:
    demo.db.dispose()  # the window takes the writer lock
    report = self_test.run_self_test(demo.path, tmp_path / "settings.ini")
    assert report["meetings"] == 2
    assert report["shown"] is not None and report["ready"] >= report["shown"]
    assert report["platform"] == "offscreen"


def test_a_question_nobody_answers_ends_in_a_failed_report_not_a_hang(
    qtbot: QtBot, demo: DemoDb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database from a newer ClerkDesk: the window asks before it shows. The
    self-test, run by IT with nobody watching, closes the question and reports."""
    demo.db.dispose()
    with sqlite3.connect(demo.path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    monkeypatch.setattr(self_test, "GIVE_UP_MS", 300)
    report = self_test.run_self_test(demo.path, tmp_path / "settings.ini")
    assert report["ready"] is None and report["meetings"] == 0

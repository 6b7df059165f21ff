"""Opening the database safely from the window, and the backups made while recording."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from clerkdesk.persistence.backups import list_backups, make_backup
from clerkdesk.persistence.database import open_database
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.services.records_io import list_meetings
from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.safekeeping import open_interactively
from clerkdesk.ui.second_copy import ask_running_copy_to_come_forward
from tests.ui.conftest import DemoDb


@pytest.fixture
def window(qtbot: QtBot, demo: DemoDb, settings_path: Path) -> MainWindow:
    window = MainWindow(demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    return window


def reasons(path: Path) -> list[str]:
    return [b.reason for b in list_backups(path)]


def test_opening_a_meeting_backs_the_database_up(window: MainWindow, demo: DemoDb) -> None:
    window.open_meeting(demo.january_30)
    assert reasons(demo.path) == ["meeting-opened"]


def test_changes_are_backed_up_while_recording_and_on_close(
    window: MainWindow, demo: DemoDb
) -> None:
    keeper = window.safekeeping
    keeper.back_up_if_due()
    assert reasons(demo.path) == []  # nothing changed, nothing to back up
    keeper.note_change()
    keeper.back_up_if_due()
    assert reasons(demo.path) == ["while-recording"]
    keeper.note_change()
    window.close()
    assert sorted(reasons(demo.path)) == ["on-close", "while-recording"]


def test_a_second_copy_is_refused_and_the_first_comes_forward(
    qtbot: QtBot, window: MainWindow, demo: DemoDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = open_database(demo.path, exclusive=True)  # the "running copy"
    window.safekeeping.switch_to(holder)
    came_forward: list[bool] = []
    monkeypatch.setattr(window, "activateWindow", lambda: came_forward.append(True))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    try:
        assert open_interactively(demo.path, None) is None
        qtbot.waitUntil(lambda: came_forward == [True], timeout=3000)
        holder_gone = not ask_running_copy_to_come_forward(demo.path / "elsewhere.db")
        assert holder_gone
    finally:
        holder.dispose()
    assert shown == []  # the running copy answered, so no message was needed


def test_second_copy_with_no_window_to_raise_says_the_database_is_in_use(
    demo: DemoDb, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    holder = open_database(demo.path, exclusive=True)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    try:
        assert open_interactively(demo.path, None) is None
    finally:
        holder.dispose()
    assert "already open in another copy of ClerkDesk" in shown[0]


def test_damaged_database_offers_the_latest_backup_and_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    path = tmp_path / "council.db"
    db = open_database(path, create=True)
    create_demo(Desk(db))
    db.dispose()
    make_backup(path, "before damage")
    with path.open("r+b") as handle:
        handle.seek(0)
        handle.write(b"\0" * 100)  # the header is gone
    asked: list[str] = []

    def answer_yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    restored = open_interactively(path, None)
    assert restored is not None
    try:
        assert "restore it" in asked[0]
        assert len(list_meetings(Desk(restored))) == 2
    finally:
        restored.dispose()


def test_minutes_are_indexed_for_search_once_the_clerk_pauses(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    import sqlite3

    from clerkdesk.services.minutes import add_paragraph

    def pending() -> int:
        with sqlite3.connect(demo.path) as conn:
            return int(conn.execute("SELECT count(*) FROM search_pending").fetchone()[0])

    demo.db.catch_up_search()
    item = demo.fresh_record(demo.january_30).item_by_number("3")
    keeper = window.safekeeping
    keeper.index_timer.setInterval(200)
    for text in ("Members asked about respite care.", "The officer replied."):
        add_paragraph(demo.desk, demo.january_30, item.id, text)
        keeper.note_change()  # what the window does after every action
    assert pending() == 2 and keeper.index_timer.isActive()  # not inside the actions
    qtbot.waitUntil(lambda: pending() == 0, timeout=5_000)
    assert not keeper.index_timer.isActive()

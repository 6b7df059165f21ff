"""The real window on the demo database, for the live-meeting tests (issue 14)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerkdesk.domain.model import AttendanceStatus, MeetingRecord
from clerkdesk.services import attendance
from clerkdesk.ui import meeting_header, open_meeting
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.main_window import MainWindow
from tests.conftest import DemoDb

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NINE = dt.time(9, 0)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def ids(record: MeetingRecord) -> dict[str, int]:
    return {p.name: p.id for p in record.people}


def everyone_present(demo: DemoDb, meeting: int) -> None:
    record = demo.fresh_record(meeting)
    for a in record.attendees:
        attendance.mark_attendance(demo.desk, meeting, a.person_id, AttendanceStatus.PRESENT)


def make_window(qtbot: QtBot, demo: DemoDb, settings_path: Path) -> MainWindow:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(demo.desk, settings, Asker())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(
    qtbot: QtBot, demo: DemoDb, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The window at 9.00 by the computer's clock (see test_meeting_by_keyboard.py)."""
    monkeypatch.setattr(meeting_header, "now_minute", lambda: NINE)
    monkeypatch.setattr(open_meeting, "now_minute", lambda: NINE)
    yield make_window(qtbot, demo, settings_path)


def open_at_item(window: MainWindow, meeting: int, number: str) -> int:
    """Open ``meeting`` at item ``number``; the item's id."""
    window.open_meeting(meeting)
    record = window.meeting.record
    assert record is not None
    item_id = record.item_by_number(number).id
    window.meeting.set_item(item_id)
    return item_id

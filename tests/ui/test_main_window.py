"""The main window's other duties: quorum warning, search, new meeting, export,
settings, shortcuts and the error hook."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clerkdesk.domain.model import AttendanceStatus, MeetingStatus
from clerkdesk.services.attendance import mark_attendance
from clerkdesk.services.lifecycle import approve_minutes
from clerkdesk.ui.approval_dialog import Approval
from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.new_meeting_dialog import NewMeetingInput
from clerkdesk.ui.search_dialog import SearchDialog
from tests.ui.conftest import DemoDb


def make_window(qtbot: QtBot, demo: DemoDb, settings_path: Path) -> MainWindow:
    window = MainWindow(demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, demo: DemoDb, settings_path: Path) -> MainWindow:
    return make_window(qtbot, demo, settings_path)


def test_quorum_turns_red_the_instant_the_meeting_is_inquorate(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    meeting = demo.january_30
    record = demo.fresh_record(meeting)
    present = [a.person_id for a in record.attendees[:3]]
    for person_id in present:
        mark_attendance(demo.desk, meeting, person_id, AttendanceStatus.PRESENT)
    window.open_meeting(meeting)
    window.header.set_time(dt.time(10, 30))
    assert window.header.quorum.text().startswith("Quorate: 3")
    window.tabs.show_panel(window.attendance)
    window.attendance.table.select_row(0)
    window.header.set_time(dt.time(11, 5))
    qtbot.keyClick(window.attendance.table, Qt.Key.Key_D)  # leaves at 11.05
    assert window.header.quorum.text().startswith("INQUORATE: 2")
    assert "#c62828" in window.header.quorum.styleSheet()
    assert window.quorum_label.text().startswith("INQUORATE")
    window.header.set_time(dt.time(11, 0))  # before the departure: quorate again
    assert window.header.quorum.text().startswith("Quorate")


def test_search_opens_the_meeting_at_the_item(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    dialog = SearchDialog(demo.db, window.open_meeting, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.query, "flexi")
    # The search runs in a worker; Return takes the first hit once it arrives.
    with qtbot.waitSignal(dialog.search_done, timeout=30_000):
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.hits.rows
    hit = dialog.hits.rows[0]
    qtbot.keyClick(dialog.hit_table, Qt.Key.Key_Return)
    assert window.meeting.meeting_id == hit.meeting_id == demo.january_10
    assert window.meeting.item_id == hit.item_id
    dialog.tabs.setCurrentIndex(1)
    dialog.member.setCurrentIndex(dialog.member.findText("R H Smith"))
    assert "substituting for E H Buckmaster" in dialog.history.rows[0].what


def test_new_meeting_from_a_committee(qtbot: QtBot, window: MainWindow, demo: DemoDb) -> None:
    window.asker.new_meeting = lambda committees: NewMeetingInput(  # type: ignore[method-assign]
        committees[0].id, dt.date(2018, 3, 6), dt.time(10, 0), "Council Chamber"
    )
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    record = window.meeting.record
    assert record is not None and record.date == dt.date(2018, 3, 6)
    assert len(record.attendees) == 12
    assert window.meetings.model.rows[0].date == "06 Mar 2018"
    assert window.meeting.meeting_id == window.meetings.model.rows[0].id


def test_approved_minutes_show_as_locked_and_ask_for_a_reason(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    approve_minutes(demo.desk, demo.january_10, "C B Wyatt-Lowe")
    window.open_meeting(demo.january_10)
    assert window.header.locked.isVisible()
    assert not window.undo_action.isEnabled()
    window.asker.correction_reason = lambda: None  # type: ignore[method-assign]
    window.tabs.show_panel(window.attendance)
    window.attendance.table.select_row(1)
    qtbot.keyClick(window.attendance.table, Qt.Key.Key_A)  # cancelled: nothing written
    assert demo.fresh_record(demo.january_10).attendees[1].status is AttendanceStatus.PRESENT
    assert demo.fresh_record(demo.january_10).status is MeetingStatus.APPROVED


def test_export_runs_off_the_ui_thread(
    qtbot: QtBot, window: MainWindow, demo: DemoDb, tmp_path: Path
) -> None:
    pytest.importorskip("clerkdesk.services.exporting")
    window.open_meeting(demo.january_10)
    target = tmp_path / "minutes.docx"
    window.asker.save_path = lambda title, suggested, filters: target  # type: ignore[method-assign]
    finished: list[Path] = []
    window._exported = finished.append  # type: ignore[method-assign]
    window.export("docx", False)
    assert window.progress.isVisible() or finished
    task = window.export_running
    assert task is not None
    task.signals.finished.disconnect()
    task.signals.finished.connect(finished.append)
    task.signals.failed.connect(lambda message: pytest.fail(message))
    qtbot.waitUntil(lambda: bool(finished) or window.export_running is None, timeout=30_000)
    window.pool.waitForDone()
    assert target.exists() and target.stat().st_size > 0


def test_geometry_and_recent_databases_are_remembered(
    qtbot: QtBot, demo: DemoDb, settings_path: Path
) -> None:
    window = make_window(qtbot, demo, settings_path)
    window.resize(1040, 640)
    window.remember_database(demo.path)
    size = window.size()
    window.close()
    assert QSettings(str(settings_path), QSettings.Format.IniFormat).value("geometry")
    again = make_window(qtbot, demo, settings_path)
    # Restored rather than the 1366×768 default (the offscreen screen may clamp it).
    assert again.size().height() == size.height()
    assert again.size().width() < 1366
    assert again.recent_databases() == [str(demo.path)]
    assert again.recent_menu.actions()[0].text().endswith(str(demo.path))


def test_undo_and_redo_shortcuts_include_ctrl_y_and_ctrl_shift_z(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    redo = {s.toString() for s in window.redo_action.shortcuts()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= redo
    assert QKeySequence("Ctrl+Z") in window.undo_action.shortcuts()


def test_shortcut_reference_lists_the_menus(qtbot: QtBot, window: MainWindow) -> None:
    from clerkdesk.ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QTextBrowser

    browser = dialog.findChild(QTextBrowser)
    assert browser is not None
    html = browser.toPlainText()
    assert "Undo" in html and "Ctrl+Y" in html and "P present" in html


def test_every_control_has_an_accessible_name(window: MainWindow, demo: DemoDb) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QHeaderView,
        QLineEdit,
    )

    window.open_meeting(demo.january_10)
    missing = [
        type(w).__name__ + ":" + (w.text() if isinstance(w, QAbstractButton) else "")
        for kind in (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QLineEdit)
        for w in window.centralWidget().findChildren(kind)
        if not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
        and w.isVisibleTo(window)
        and not isinstance(w, QHeaderView)
        and not isinstance(w.parent(), QAbstractSpinBox)
    ]
    assert missing == []


def test_unexpected_errors_are_shown_not_crashed(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from clerkdesk.ui.app import install_excepthook
    from clerkdesk.ui.crash_dialog import CrashDialog

    shown: list[str] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    problems = install_excepthook(tmp_path)
    try:
        raise ValueError("boom")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    for handler in problems.log.handlers:
        handler.close()
    assert shown and "Something unexpected went wrong" in shown[0]


def test_error_dialog_for_menu_actions_uses_the_asker(window: MainWindow, demo: DemoDb) -> None:
    errors: list[str] = []
    window.asker.error = lambda title, message: errors.append(message)  # type: ignore[method-assign]
    window.open_meeting(demo.january_30)
    window.asker.approval = lambda presiding, date: Approval("C B Wyatt-Lowe", date)  # type: ignore[method-assign]
    window.approve()
    assert errors and "Close the meeting before approving" in errors[0]

"""Importing the sample agenda pack from the main window, by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerkdesk.ui.asks import Asker
from clerkdesk.ui.import_preview import ImportPreviewDialog
from clerkdesk.ui.main_window import MainWindow
from tests.conftest import DemoDb

PACK = "herts-acah-panel-2018-01-30-agenda-pack.txt"


def test_ctrl_i_imports_the_sample_pack_into_a_new_meeting(
    qtbot: QtBot,
    demo: DemoDb,
    settings_path: Path,
    samples: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asker = Asker()
    monkeypatch.setattr(asker, "open_path", lambda *args: samples / PACK)
    notes: list[str] = []
    monkeypatch.setattr(asker, "info", lambda title, message: notes.append(message))
    window = MainWindow(demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat), asker)
    qtbot.addWidget(window)
    # The demo holds this very meeting: the clerk is asked, and makes a second copy.
    asked: list[str] = []
    window.editor.asks.same_meeting = lambda message: asked.append(message) or "copy"  # type: ignore[method-assign]
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    seen: list[ImportPreviewDialog] = []

    def save_when_the_preview_shows() -> None:
        # The pack is read off the UI thread first; wait for the preview, then save
        # it the way a clerk would, with the keyboard.
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportPreviewDialog) and dialog.isVisible():
            seen.append(dialog)
            qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
            if dialog.isVisible():  # the button box may not take Alt+S on every style
                dialog.accept()
        else:
            QTimer.singleShot(50, save_when_the_preview_shows)

    QTimer.singleShot(0, save_when_the_preview_shows)
    before = {m for m in _meeting_ids(demo)}
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier
    )
    assert seen, "the preview was never shown"
    new = {m for m in _meeting_ids(demo)} - before
    assert len(new) == 1
    record = demo.fresh_record(new.pop())
    assert record.committee == "Adult Care & Health Cabinet Panel"
    assert [i.number for i in record.ordered_items] == ["1", "2", "3", "4", "5", "6"]
    assert sum(len(record.recommendations_of(i.id)) for i in record.items) == 5
    assert notes and "Matched the existing committee" in notes[0]
    assert window.meeting.meeting_id == record.meeting_id  # opened at once
    assert asked and f"(meeting {demo.january_30})" in asked[0]


def _meeting_ids(demo: DemoDb) -> list[int]:
    from clerkdesk.services.records_io import list_meetings

    return [m.id for m in list_meetings(demo.desk)]

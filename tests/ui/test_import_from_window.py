"""Importing the sample agenda pack from the main window, by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
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
    window.asker.same_meeting = lambda message: asked.append(message) or "copy"  # type: ignore[method-assign]
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


def test_a_refused_agenda_reopens_the_preview_with_the_clerks_corrections(
    qtbot: QtBot,
    demo: DemoDb,
    settings_path: Path,
    samples: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A quorum the committee can never reach is refused on saving: the preview
    comes back with what the clerk typed and says what to fix."""
    asker = Asker()
    monkeypatch.setattr(asker, "open_path", lambda *args: samples / PACK)
    monkeypatch.setattr(asker, "info", lambda title, message: None)
    errors: list[str] = []
    monkeypatch.setattr(asker, "error", lambda title, message: errors.append(message))
    window = MainWindow(demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat), asker)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    previews: list[ImportPreviewDialog] = []
    seen_again: dict[str, object] = {}

    def type_into(widget: QWidget, text: str) -> None:
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(widget, text)

    def correct(dialog: ImportPreviewDialog) -> None:
        # The clerk's corrections: another date (so not the demo's meeting), the
        # venue, and a quorum of 99 for a panel of twelve.
        type_into(dialog.venue, "Room 2, County Hall")
        dialog.date.setFocus()
        dialog.date.setDate(QDate(2018, 2, 28))
        type_into(dialog.quorum, "99")
        if dialog.quorum_confirmed.isVisible():
            dialog.quorum_confirmed.setChecked(True)

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not (isinstance(dialog, ImportPreviewDialog) and dialog.isVisible()) or (
            previews and dialog is previews[-1]
        ):
            QTimer.singleShot(50, drive)
            return
        previews.append(dialog)
        if len(previews) == 1:
            correct(dialog)
            dialog.accept()
            QTimer.singleShot(50, drive)
            return
        # Reopened: what the clerk typed is there, with the reason and the fix.
        seen_again.update(
            venue=dialog.venue.text(),
            date=dialog.date.date(),
            quorum=dialog.quorum.value(),
            error=dialog.error.text() if dialog.error.isVisible() else "",
        )
        type_into(dialog.venue, "Room 2, County Hall")  # an edit leaves the reason in view
        seen_again["error after an edit"] = dialog.error.isVisible()
        type_into(dialog.quorum, "4")
        dialog.accept()

    QTimer.singleShot(0, drive)
    before = set(_meeting_ids(demo))
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier
    )
    assert len(previews) == 2, "the preview did not reopen after the refusal"
    assert not errors  # said in the preview, not in a box that closes it
    assert seen_again["venue"] == "Room 2, County Hall"
    assert seen_again["date"] == QDate(2018, 2, 28)
    assert seen_again["quorum"] == 99
    error = str(seen_again["error"])
    assert "The agenda was not saved" in error
    assert "A quorum of 99 can never be reached" in error and "Enter a number from 1 to" in error
    assert seen_again["error after an edit"] is True
    new = set(_meeting_ids(demo)) - before
    assert len(new) == 1
    record = demo.fresh_record(new.pop())
    assert (record.venue, record.quorum) == ("Room 2, County Hall", 4)
    assert record.date.isoformat() == "2018-02-28"

"""The meetings list: the same agenda opened again, deleting a meeting, and the
meeting last worked on opened again at start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clerkdesk.services.lifecycle import approve_minutes
from clerkdesk.services.records_io import list_meetings
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.import_preview import ImportPreviewDialog
from clerkdesk.ui.main_window import MainWindow
from tests.conftest import DemoDb

PACK = "herts-acah-panel-2018-01-30-agenda-pack.txt"


def make_window(qtbot: QtBot, demo: DemoDb, settings_path: Path) -> MainWindow:
    asker = Asker()
    asker.error = lambda title, message: errors.append(message)  # type: ignore[method-assign]
    errors.clear()
    window = MainWindow(demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat), asker)
    qtbot.addWidget(window)
    window.show()
    return window


errors: list[str] = []


def test_opening_the_same_agenda_again_offers_the_saved_meeting(
    qtbot: QtBot,
    demo: DemoDb,
    settings_path: Path,
    samples: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(qtbot, demo, settings_path)
    window.asker.open_path = lambda *args: samples / PACK  # type: ignore[method-assign]
    window.asker.info = lambda *args: None  # type: ignore[method-assign]
    asked: list[str] = []
    window.asker.same_meeting = lambda message: asked.append(message) or "open"  # type: ignore[method-assign]
    # The preview, saved as shown (its own tests type into it).
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: 1)
    window.import_agenda()
    assert asked == [
        "The meeting of Adult Care & Health Cabinet Panel on 30 January 2018 at 10.30 is "
        f"already in this database (meeting {demo.january_30}). Open it to correct it, or "
        "import the agenda again as a separate copy on purpose "
        "(`clerkdesk import-agenda --as-new FILE`)."
    ]
    assert window.meeting.meeting_id == demo.january_30
    assert len(list_meetings(demo.desk)) == 2  # no second copy


def test_delete_in_the_meetings_list_after_a_confirmation(
    qtbot: QtBot, demo: DemoDb, settings_path: Path
) -> None:
    window = make_window(qtbot, demo, settings_path)
    window.open_meeting(demo.january_30)
    answers = iter([False, True])
    window.asker.delete_meeting = lambda what: next(answers)  # type: ignore[method-assign]
    window.meetings.table.setFocus()
    ids = [row.id for row in window.meetings.model.rows]
    window.meetings.table.select_row(ids.index(demo.january_30))
    qtbot.keyClick(window.meetings.table, Qt.Key.Key_Delete)  # "No": nothing deleted
    assert {m.id for m in list_meetings(demo.desk)} == {demo.january_10, demo.january_30}
    qtbot.keyClick(window.meetings.table, Qt.Key.Key_Delete)
    assert [m.id for m in list_meetings(demo.desk)] == [demo.january_10]
    assert window.meeting.meeting_id is None
    assert [row.id for row in window.meetings.model.rows] == [demo.january_10]
    assert "backup:" in window.saved_label.text()
    backups = list((demo.path.parent / f"{demo.path.name}.backups").iterdir())
    assert any("before-deleting-meeting" in b.name for b in backups)
    assert errors == []


def test_approved_minutes_are_not_deleted_from_the_list(
    qtbot: QtBot, demo: DemoDb, settings_path: Path
) -> None:
    approve_minutes(demo.desk, demo.january_10, "C B Wyatt-Lowe")
    window = make_window(qtbot, demo, settings_path)
    window.asker.delete_meeting = lambda what: pytest.fail("not to be asked")  # type: ignore[method-assign]
    window.editor.delete_meeting(demo.january_10)
    assert errors and "cannot be deleted" in errors[0]
    assert len(list_meetings(demo.desk)) == 2


def test_the_meeting_last_worked_on_opens_at_start(
    qtbot: QtBot, demo: DemoDb, settings_path: Path
) -> None:
    window = make_window(qtbot, demo, settings_path)
    window.open_meeting(demo.january_10)
    window.close()
    again = make_window(qtbot, demo, settings_path)
    assert again.meeting.meeting_id == demo.january_10

"""Issue 14, the live meeting: what a clerk expects of a desk application."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from clerkdesk.domain.errors import DomainError
from clerkdesk.domain.model import MeetingStatus
from clerkdesk.services import lifecycle
from clerkdesk.ui.approval_dialog import Approval, ApprovalDialog
from clerkdesk.ui.import_preview import ImportPreviewDialog
from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.shortcuts_dialog import ShortcutsDialog
from tests.conftest import SAMPLES, DemoDb
from tests.ui.live import CTRL, open_at_item, press, window

__all__ = ["window"]
PACK = SAMPLES / "herts-acah-panel-2018-01-30-agenda-pack.txt"


def surname(name: str) -> str:
    return name.split()[-1]


def test_the_attendance_list_is_sorted_by_surname(window: MainWindow, demo: DemoDb) -> None:
    open_at_item(window, demo.january_30, "1")
    names = [row.name for row in window.attendance.model.rows]
    assert names == sorted(names, key=lambda n: (surname(n), n))
    assert names[:4] == ["E H Buckmaster", "E M Gordon", "S Gordon", "F Guest"]


def test_home_and_end_go_to_the_first_and_last_member(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    open_at_item(window, demo.january_30, "1")
    press(qtbot, Qt.Key.Key_1, CTRL)
    press(qtbot, Qt.Key.Key_End)
    assert window.attendance.table.current_row() == len(window.attendance.model.rows) - 1
    press(qtbot, Qt.Key.Key_Home)
    assert window.attendance.table.current_row() == 0


def test_the_approval_date_is_entered_and_kept(window: MainWindow, demo: DemoDb) -> None:
    window.open_meeting(demo.january_10)
    window.asker.approval = lambda presiding, meeting_date: Approval(  # type: ignore[method-assign]
        presiding, dt.date(2018, 3, 7)
    )
    window.approve()
    record = demo.fresh_record(demo.january_10)
    assert record.status is MeetingStatus.APPROVED
    assert record.approved_at is not None and record.approved_at.date() == dt.date(2018, 3, 7)
    assert "07 March 2018" in window.header.locked.text()


def test_the_approval_dialog_offers_dates_from_the_meeting_to_today(qtbot: QtBot) -> None:
    dialog = ApprovalDialog("C B Wyatt-Lowe", dt.date(2018, 1, 10))
    qtbot.addWidget(dialog)
    assert dialog.value() == Approval("C B Wyatt-Lowe", dt.date.today())
    assert dialog.date.minimumDate().toPython() == dt.date(2018, 1, 10)
    assert dialog.date.maximumDate().toPython() == dt.date.today()


@pytest.mark.parametrize(
    ("when", "why"),
    [(dt.date(2018, 1, 9), "before the meeting"), (dt.date.today() + dt.timedelta(1), "future")],
)
def test_approval_is_refused_before_the_meeting_or_in_the_future(
    demo: DemoDb, when: dt.date, why: str
) -> None:
    with pytest.raises(DomainError, match=why):
        lifecycle.approve_minutes(demo.desk, demo.january_10, "C B Wyatt-Lowe", when)
    assert demo.fresh_record(demo.january_10).status is MeetingStatus.CLOSED


def test_the_import_dialog_remembers_its_folder(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders: list[str] = []

    def choose(title: str, filters: str, folder: str = "") -> object:
        folders.append(folder)
        return PACK

    monkeypatch.setattr(window.asker, "open_path", choose)
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: 0)  # looked at, not saved
    window.import_agenda()
    window.import_agenda()
    assert folders[1] == str(SAMPLES)
    assert folders[0] != str(SAMPLES)


def test_the_shortcut_reference_reads_as_a_clerk_reads_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: 0)
    dialogs: list[ShortcutsDialog] = []
    real_init = ShortcutsDialog.__init__

    def keep(self: ShortcutsDialog, *args: object) -> None:
        real_init(self, *args)  # type: ignore[arg-type]
        dialogs.append(self)

    monkeypatch.setattr(ShortcutsDialog, "__init__", keep)
    press(qtbot, Qt.Key.Key_F1)
    text = dialogs[0].findChild(QTextBrowser).toPlainText()  # type: ignore[union-attr]
    assert "Ctrl+Z\tUndo" in text or "Ctrl+Z Undo" in text or "Ctrl+Z\nUndo" in text, text
    for unreadable in ("F14", " or Undo", " or Find", " or Help", " or New", "Backspace"):
        assert unreadable not in text
    assert "Ctrl+Y or Ctrl+Shift+Z" in text

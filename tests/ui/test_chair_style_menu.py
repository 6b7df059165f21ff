"""Meeting > Chair's title in the minutes: ticked as the open meeting has it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from clerkdesk.domain.model import ChairStyle
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.main_window import MainWindow
from tests.ui.conftest import DemoDb


def chair_menu(window: MainWindow) -> QMenu:
    meeting = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Meeting" and a.menu()
    )
    assert isinstance(meeting, QMenu)
    found = next(a.menu() for a in meeting.actions() if a.text().startswith("C&hair's title"))
    assert isinstance(found, QMenu)
    return found


def test_the_clerk_sets_what_the_minutes_call_the_chair(
    qtbot: QtBot, demo: DemoDb, settings_path: Path
) -> None:
    window = MainWindow(
        demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat), Asker()
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(demo.january_30)
    menu = chair_menu(window)
    menu.aboutToShow.emit()
    ticked = [a.text() for a in menu.actions() if a.isChecked()]
    assert ticked == ["Chairman"]
    next(a for a in menu.actions() if a.text() == "Chair").trigger()
    assert demo.fresh_record(demo.january_30).chair_style is ChairStyle.CHAIR
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["Chair"]
    assert window.undo_action.isEnabled()

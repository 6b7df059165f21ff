"""At 1024x700 the meetings list starts collapsed, so the agenda's titles stay
readable; at 1366 it shows; a window the clerk has arranged keeps its state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from clerkdesk.ui.asks import Asker
from clerkdesk.ui.main_window import MainWindow
from tests.conftest import DemoDb


def _shown(qtbot: QtBot, demo: DemoDb, settings: QSettings, width: int) -> MainWindow:
    window = MainWindow(demo.desk, settings, Asker())
    qtbot.addWidget(window)
    window.resize(width, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_narrow_window_starts_with_the_meetings_list_collapsed(
    qtbot: QtBot, demo: DemoDb, settings_path: Path
) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = _shown(qtbot, demo, settings, 1024)
    assert not window.meetings_dock.isVisible()
    assert window.saved_label.text() == "Nothing saved yet in this session"  # untouched
    window.focus_meetings()  # Ctrl+Shift+L or the Meeting menu brings it back
    assert window.meetings_dock.isVisible()
    window.close()  # the clerk's arrangement is kept from now on
    again = _shown(qtbot, demo, QSettings(str(settings_path), QSettings.Format.IniFormat), 1024)
    assert again.meetings_dock.isVisible()


def test_a_wide_window_shows_the_meetings_list(
    qtbot: QtBot, demo: DemoDb, settings_path: Path
) -> None:
    window = _shown(qtbot, demo, QSettings(str(settings_path), QSettings.Format.IniFormat), 1366)
    assert window.meetings_dock.isVisible()

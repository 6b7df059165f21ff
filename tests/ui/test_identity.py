"""The window says its name and version: in its title and in Help › About."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from clerkdesk.ui.main_window import MainWindow
from clerkdesk.version import VERSION
from tests.ui.conftest import DemoDb


@pytest.fixture
def window(qtbot: QtBot, demo: DemoDb, settings_path: Path) -> MainWindow:
    window = MainWindow(demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_the_title_says_the_version_the_database_and_the_open_meeting(
    window: MainWindow, demo: DemoDb
) -> None:
    assert window.windowTitle() == f"ClerkDesk {VERSION} – clerkdesk.db"
    window.open_meeting(demo.january_30)
    assert window.windowTitle() == (
        f"ClerkDesk {VERSION} – Adult Care & Health Cabinet Panel, 30 January 2018 – clerkdesk.db"
    )


def test_before_the_database_is_open_the_title_is_the_name_and_version(
    qtbot: QtBot, settings_path: Path
) -> None:
    window = MainWindow(None, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.windowTitle() == f"ClerkDesk {VERSION}"

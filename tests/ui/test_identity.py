"""The window says its name and version: in its title and in Help › About."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
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


def test_the_application_icon_has_every_size(qapp: object) -> None:
    from clerkdesk.ui.app import ICON_SIZES, application_icon

    icon = application_icon()
    assert {(s.width(), s.height()) for s in icon.availableSizes()} == {(s, s) for s in ICON_SIZES}
    assert not icon.pixmap(QSize(48, 48)).isNull()


def test_frozen_the_icon_is_read_from_the_bundle(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerkdesk.resources import icons_dir
    from clerkdesk.ui.app import application_icon

    bundled = tmp_path / "resources" / "icons"
    bundled.mkdir(parents=True)
    shutil.copy(icons_dir() / "clerkdesk-32.png", bundled)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    icon = application_icon()
    assert [(s.width(), s.height()) for s in icon.availableSizes()] == [(32, 32)]

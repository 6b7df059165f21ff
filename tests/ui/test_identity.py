"""The window says its name and version: in its title and in Help › About."""

from __future__ import annotations

import platform
import shutil
import sqlite3
import sys
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QSettings, QSize, qVersion
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from clerkdesk.persistence.migrations import LATEST_VERSION
from clerkdesk.ui.main_window import MainWindow
from clerkdesk.version import VERSION
from tests.conftest import REPO
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


def about_text(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> str:
    """Choose Help › About ClerkDesk; what the dialog said."""
    from clerkdesk.ui.about_dialog import AboutDialog

    said: list[str] = []

    def shown(dialog: AboutDialog) -> int:
        document = QTextDocument()  # what the dialog says, as plain text
        document.setHtml(dialog.text.text())
        said.append(document.toPlainText())
        return 0

    monkeypatch.setattr(AboutDialog, "exec", shown)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if a.text() == "&About ClerkDesk").trigger()
    assert len(said) == 1
    return said[0]


def test_about_says_every_version_the_database_the_log_and_the_release_notes(
    window: MainWindow, demo: DemoDb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLERKDESK_LOG_DIR", str(tmp_path / "logs"))
    text = about_text(window, monkeypatch)
    assert f"ClerkDesk {VERSION}" in text
    for version in (
        qVersion(),
        PySide6.__version__,
        platform.python_version(),
        sqlite3.sqlite_version,
    ):
        assert version in text
    assert f"{demo.path} (schema version {LATEST_VERSION})" in " ".join(text.split())
    assert str(tmp_path / "logs" / "clerkdesk.log") in text
    assert str(REPO / "docs" / "release-notes.md") in text
    assert "never connects to the internet" in text
    assert not (tmp_path / "logs").exists()  # said where the log is; wrote nothing


def test_about_before_the_database_is_open(
    qtbot: QtBot, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(None, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert "Database not open yet" in " ".join(about_text(window, monkeypatch).split())

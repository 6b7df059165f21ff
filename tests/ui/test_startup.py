"""Start-up: the window paints first and opens its database just afterwards."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

import clerkdesk.ui
from clerkdesk.ui import safekeeping
from clerkdesk.ui.app import show_window
from tests.ui.conftest import DemoDb

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]


def test_no_ui_module_imports_the_database_layer_when_imported() -> None:
    """Importing the UI must not pull in SQLAlchemy, persistence or the services:
    they load after the first paint, which is what makes the window appear at once."""
    modules = [m.name for m in pkgutil.iter_modules(clerkdesk.ui.__path__, "clerkdesk.ui.")]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print('\\n'.join(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'\n"
        "    or m.startswith(('clerkdesk.services', 'clerkdesk.persistence')))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert len(modules) > 20
    assert result.stdout.split() == []


class PaintSeen(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def test_the_window_paints_then_opens_the_database(
    qtbot: QtBot, demo: DemoDb, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    painted_when_opened: list[bool] = []
    real_open = safekeeping.open_interactively

    def opening(path: Path | None, parent: QWidget | None):  # type: ignore[no-untyped-def]
        painted_when_opened.append(seen.painted)
        return real_open(path, parent)

    monkeypatch.setattr(safekeeping, "open_interactively", opening)
    window = show_window(demo.path, settings)
    qtbot.addWidget(window)
    seen = PaintSeen(window)
    # The shell, before the database: menus, empty panels, what is being opened.
    assert window.isVisible()
    assert window.saved_label.text() == "Opening “clerkdesk.db”…"
    assert not window.session.has_desk
    assert not window.meetings.isEnabled()
    assert not window.import_action.isEnabled()
    assert window.header.title.text().startswith("<b>No meeting open")
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        pass
    assert painted_when_opened == [True]
    assert window.session.has_desk
    assert window.meetings.isEnabled() and window.import_action.isEnabled()
    assert len(window.meetings.model.rows) == 2
    assert window.saved_label.text() == "Nothing saved yet in this session"
    assert window.recent_databases() == [str(demo.path)]
    # The panels not shown at first were built after the paint, and work.
    item = demo.fresh_record(demo.january_10).item_by_number("3")
    window.open_meeting(demo.january_10, item.id)
    assert len(window.voting.motions.rows) == 5
    assert window.tabs.panel_at(1) is window.voting
    window.close()
    window.dispose()


def test_a_database_that_cannot_be_opened_ends_the_app(
    qtbot: QtBot, tmp_path: Path, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safekeeping, "open_interactively", lambda path, parent: None)
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = show_window(tmp_path / "council.db", settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: exits == [1], timeout=10_000)
    assert window.isHidden()
    assert not window.session.has_desk
    window.dispose()  # nothing to close, and no error

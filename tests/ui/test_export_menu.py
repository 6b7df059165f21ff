"""File › Export minutes lists every registered format, public and confidential,
and each command exports in its format."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from clerkdesk.export.formats import FORMATS
from clerkdesk.ui.main_window import MainWindow
from tests.ui.conftest import DemoDb
from tests.ui.test_main_window import make_window


def _export_menu(window: MainWindow) -> list[str]:
    file = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    export = next(a.menu() for a in file.actions() if a.text() == "&Export minutes")
    return [a.text() for a in export.actions()]


def test_the_export_menu_lists_the_registered_formats(
    qtbot: QtBot, demo: DemoDb, settings_path: Path
) -> None:
    window = make_window(qtbot, demo, settings_path)
    expected = [text for f in FORMATS.values() for text in (f.public_menu, f.confidential_menu)]
    assert _export_menu(window) == expected
    assert "&Web page (HTML) – public" in expected


def test_the_html_command_exports_a_web_page(
    qtbot: QtBot, demo: DemoDb, settings_path: Path, tmp_path: Path
) -> None:
    window = make_window(qtbot, demo, settings_path)
    window.open_meeting(demo.january_10)
    target = tmp_path / "minutes.html"
    asked: list[str] = []

    def save_path(title: str, suggested: Path, filters: str) -> Path:
        asked.append(filters)
        assert suggested.suffix == ".html"
        return target

    window.asker.save_path = save_path  # type: ignore[method-assign]
    finished: list[Path] = []
    window._exported = finished.append  # type: ignore[method-assign]
    file = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    export = next(a.menu() for a in file.actions() if a.text() == "&Export minutes")
    next(a for a in export.actions() if a.text() == FORMATS["html"].public_menu).trigger()
    task = window.export_running
    assert task is not None
    task.signals.finished.disconnect()
    task.signals.finished.connect(finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=30_000)
    window.pool.waitForDone()
    assert asked == ["Web page (*.html)"]
    assert target.read_bytes().startswith(b"<!DOCTYPE html>")

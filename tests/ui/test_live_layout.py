"""Issue 14, the live meeting: the window at 1366x768 and 1024x700."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerkdesk.ui.main_window import MainWindow
from tests.conftest import REPO, DemoDb
from tests.ui.live import CTRL, SHIFT, open_at_item, press, window

__all__ = ["window"]


def test_the_first_window_fits_a_1366x768_screen_with_its_status_bar(tmp_path: Path) -> None:
    # A 1366x768 screen with window frames, set up in a child process
    # (first_window_size.py): the platform's screen is fixed when Qt starts.
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "windowFrameMargins": True,
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
        PYTHONPATH=str(REPO),
        CLERKDESK_LOG_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, str(REPO / "tests/ui/first_window_size.py"), str(tmp_path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["screen"] == [1366, 768]
    assert report["fits"], report
    assert report["status_bar_on_screen"], report


def test_at_1024x700_the_agenda_titles_stay_readable(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    window.resize(1024, 700)
    open_at_item(window, demo.january_30, "3")
    readable = window.agenda.table.fontMetrics().averageCharWidth() * 20
    # A narrow window starts with the meetings list collapsed (test_narrow_screen.py);
    # Ctrl+Shift+L collapses it otherwise.
    if window.meetings_dock.isVisible():
        press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    qtbot.waitUntil(lambda: not window.meetings_dock.isVisible())
    qtbot.waitUntil(lambda: window.agenda.table.columnWidth(1) >= readable)
    press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)  # and back
    qtbot.waitUntil(window.meetings_dock.isVisible)
    press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)  # and away again
    qtbot.waitUntil(lambda: not window.meetings_dock.isVisible())


def test_at_1366x768_the_actions_table_shows_five_rows(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    window.resize(1366, 768)
    open_at_item(window, demo.january_30, "3")
    press(qtbot, Qt.Key.Key_4, CTRL)
    table = window.minutes.action_table
    qtbot.waitUntil(lambda: table.isVisible())
    row = table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() >= 5 * row

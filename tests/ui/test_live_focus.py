"""Issue 14, the live meeting: where the cursor is, so no key the clerk types is lost."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.search_dialog import SearchDialog
from tests.conftest import REPO, DemoDb
from tests.ui.live import CTRL, SHIFT, everyone_present, focused, ids, open_at_item, press, window

__all__ = ["window"]


def test_ctrl_2_puts_the_cursor_in_the_first_count_box(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    everyone_present(demo, demo.january_30)
    open_at_item(window, demo.january_30, "3")
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert focused() is window.voting.for_box
    qtbot.keyClicks(focused(), "7")  # the first digit typed is kept
    assert window.voting.for_box.value() == 7


def test_after_a_vote_the_cursor_is_in_the_first_count_box_ready_for_the_next(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    everyone_present(demo, demo.january_30)
    item = open_at_item(window, demo.january_30, "3")
    press(qtbot, Qt.Key.Key_2, CTRL)
    qtbot.keyClicks(focused(), "8")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "3")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "1")
    press(qtbot, Qt.Key.Key_Return)  # records the vote
    first, second = demo.fresh_record(demo.january_30).recommendations_of(item)
    assert demo.fresh_record(demo.january_30).decision_on(first.id) is not None
    assert window.voting.selected().recommendation_id == second.id  # type: ignore[union-attr]
    assert focused() is window.voting.for_box
    qtbot.keyClicks(focused(), "9")  # replaces the count shown, not appended to it
    assert window.voting.for_box.value() == 9


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (X11 key bindings)")
def test_ctrl_u_in_a_count_box_records_unanimous_not_clears_the_box(tmp_path: Path) -> None:
    # Only X11 binds Ctrl+U in a text box (to "delete the line"): a real X
    # server, in a child process (ctrl_u_on_x11.py).
    env = dict(os.environ, PYTHONPATH=str(REPO), CLERKDESK_LOG_DIR=str(tmp_path))
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, str(REPO / "tests/ui/ctrl_u_on_x11.py"), str(tmp_path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"platform": "xcb", "recorded": True, "unanimous": True}


def test_ctrl_z_in_the_minutes_editor_undoes_the_last_action(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    item = open_at_item(window, demo.january_30, "3")
    press(qtbot, Qt.Key.Key_4, CTRL)
    assert focused() is window.minutes.editor
    qtbot.keyClicks(focused(), "The Panel noted the report.")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert len(demo.fresh_record(demo.january_30).paragraphs_of(item)) == 1
    assert focused() is window.minutes.editor
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert not demo.fresh_record(demo.january_30).paragraphs_of(item)


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_F, CTRL)
    dialog = window.findChild(SearchDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.query)
    qtbot.keyClicks(focused(), "charging")
    assert dialog.query.text() == "charging"


def test_the_declaration_dialog_opens_on_the_selected_member(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    everyone_present(demo, demo.january_30)
    open_at_item(window, demo.january_30, "4")
    press(qtbot, Qt.Key.Key_1, CTRL)
    hastrick = ids(demo.fresh_record(demo.january_30))["K M Hastrick"]
    window.attendance.table.select_row(
        [r.person_id for r in window.attendance.model.rows].index(hastrick)
    )
    seen: list[object] = []

    def look(record: object, item_id: object, at: object, person_id: int | None = None) -> None:
        seen.append(person_id)

    window.asker.declaration = look  # type: ignore[method-assign]
    press(qtbot, Qt.Key.Key_D, CTRL)
    assert seen == [hastrick]


def test_the_real_declaration_dialog_shows_the_member_it_is_given(
    qtbot: QtBot, demo: DemoDb
) -> None:
    from clerkdesk.ui.declaration_dialog import DeclarationDialog

    record = demo.fresh_record(demo.january_30)
    hastrick = ids(record)["K M Hastrick"]
    dialog = DeclarationDialog(
        record, record.item_by_number("4").id, record.start_time, None, person_id=hastrick
    )
    qtbot.addWidget(dialog)
    assert dialog.member.currentData() == hastrick


def test_the_members_record_opens_on_the_selected_member(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    open_at_item(window, demo.january_30, "3")
    press(qtbot, Qt.Key.Key_1, CTRL)
    hill = ids(demo.fresh_record(demo.january_30))["F R G Hill"]
    window.attendance.table.select_row(
        [r.person_id for r in window.attendance.model.rows].index(hill)
    )
    press(qtbot, Qt.Key.Key_M, CTRL | SHIFT)
    dialog = window.findChild(SearchDialog)
    assert dialog is not None
    assert dialog.member.currentData() == hill


def test_no_substitute_is_offered_for_a_member_who_is_present(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    everyone_present(demo, demo.january_30)
    open_at_item(window, demo.january_30, "3")
    press(qtbot, Qt.Key.Key_1, CTRL)
    asked: list[str] = []
    window.asker.substitute_name = (  # type: ignore[method-assign]
        lambda member, suggestions: asked.append(member)
    )
    press(qtbot, Qt.Key.Key_Home)
    name = window.attendance.selected().name  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_S)
    assert asked == []
    assert window.attendance.error.isVisible()
    assert f"{name} is present" in window.attendance.error.text()

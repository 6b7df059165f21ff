"""What the minutes need, set from the window: Meeting › Minutes details, and an
action put beside the paragraph the clerk chooses (issue 16)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from clerkdesk.ui.asks import Asker
from clerkdesk.ui.main_window import MainWindow
from tests.ui.conftest import DemoDb


def test_the_clerk_sets_the_minutes_details_from_the_meeting_menu(
    qtbot: QtBot, demo: DemoDb, settings_path: Path
) -> None:
    import datetime as dt
    from dataclasses import replace

    from clerkdesk.domain.model import BodyKind
    from clerkdesk.services.minutes_details import details_of

    window = MainWindow(
        demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat), Asker()
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(demo.january_10)
    asked = []

    def answer(record: object) -> object:
        asked.append(record)
        return replace(
            details_of(demo.fresh_record(demo.january_10)),
            body_kind=BodyKind.CABINET,
            closed_at=dt.time(12, 45),
        )

    window.asker.minutes_details = answer  # type: ignore[assignment]
    meeting = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Meeting" and a.menu()
    )
    assert isinstance(meeting, QMenu)
    next(a for a in meeting.actions() if a.text() == "Minutes deta&ils…").trigger()
    assert len(asked) == 1
    record = demo.fresh_record(demo.january_10)
    assert record.body_kind is BodyKind.CABINET and record.closed_at == dt.time(12, 45)
    assert window.undo_action.isEnabled()


def test_an_action_is_added_beside_the_paragraph_the_clerk_chooses(
    qtbot: QtBot, demo: DemoDb, settings_path: Path
) -> None:
    window = MainWindow(
        demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat), Asker()
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(demo.january_30)
    item = demo.fresh_record(demo.january_30).item_by_number("3")
    window.meeting.set_item(item.id)
    panel = window.minutes
    for text in ("Members received the report.", "A paper was asked for."):
        panel.editor.setPlainText(text)
        panel.save_button.click()
    assert [panel.beside.itemText(n) for n in range(panel.beside.count())] == [
        "At the end of the item",
        "Beside 3.1",
        "Beside 3.2",
    ]
    panel.beside.setCurrentIndex(2)
    qtbot.keyClicks(panel.owner, "Helen Maneuf")
    qtbot.keyClicks(panel.action_text, "Bring the paper.")
    panel.add_action_button.click()
    record = demo.fresh_record(demo.january_30)
    second = record.paragraphs_of(item.id)[1]
    assert [(a.owner, a.paragraph_id) for a in record.actions_of(item.id)] == [
        ("Helen Maneuf", second.id)
    ]
    assert panel.actions_model.rows[0].beside == "3.2"
    assert panel.beside.currentText() == "Beside 3.2"  # the choice is kept for the next

"""Editing a declaration from the declarations panel: Enter or double-click opens
the dialog filled in as recorded; the service saves only what changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from clerkdesk.domain.model import Declaration, MeetingRecord
from clerkdesk.services.declarations import declare_interest
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.declaration_dialog import DeclarationDialog, DeclarationInput
from clerkdesk.ui.main_window import MainWindow
from tests.ui.conftest import DemoDb

AT = dt.time(11, 0)


@pytest.fixture
def declared(demo: DemoDb) -> Declaration:
    """F R G Hill's interest in item 3 of 10 January (all present, votes recorded)."""
    meeting = demo.january_10
    record = demo.fresh_record(meeting)
    hill = next(p.id for p in record.people if p.name == "F R G Hill")
    declare_interest(
        demo.desk, meeting, record.item_by_number("3").id, hill, "ori-affects", "Owns an agency"
    )
    (declaration,) = demo.fresh_record(meeting).declarations
    return declaration


@pytest.fixture
def window(qtbot: QtBot, demo: DemoDb, settings_path: Path, declared: Declaration) -> MainWindow:
    """The 10 January meeting open on the declarations panel, the declaration selected."""
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = MainWindow(demo.desk, settings, Asker())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.open_meeting(demo.january_10)
    window.header.set_time(AT)
    window.tabs.show_panel(window.declarations)
    return window


def as_input(declaration: Declaration, **changes: object) -> DeclarationInput:
    value = DeclarationInput(
        declaration.item_id,
        declaration.person_id,
        declaration.kind,
        declaration.nature,
        declaration.sensitive,
        declaration.dispensation,
        declaration.left_room,
    )
    return replace(value, **changes)  # type: ignore[arg-type]


def test_the_dialog_opens_filled_in_as_recorded(
    qtbot: QtBot, demo: DemoDb, declared: Declaration
) -> None:
    record = demo.fresh_record(demo.january_10)
    dialog = DeclarationDialog(record, None, AT, existing=declared)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit a declaration"
    assert dialog.member.currentText() == "F R G Hill" and not dialog.member.isEnabled()
    assert dialog.item.currentData() == declared.item_id and not dialog.item.isEnabled()
    assert dialog.kind.currentData() == "ori-affects"
    assert dialog.nature.text() == "Owns an agency"
    assert not dialog.left_room.isChecked()
    assert dialog.value() == as_input(declared)
    assert "F R G Hill may still vote on item 3" in dialog.consequence.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("dpi"))
    assert not dialog.left_room.isChecked()  # what was recorded about leaving is kept
    assert "F R G Hill can no longer vote on item 3" in dialog.consequence.text()
    assert "should normally leave the room" in dialog.consequence.text()


def test_enter_edits_the_selected_declaration(
    qtbot: QtBot, window: MainWindow, demo: DemoDb, declared: Declaration
) -> None:
    shown: list[tuple[Declaration, MeetingRecord]] = []

    def edit(record: MeetingRecord, declaration: Declaration, at: dt.time) -> DeclarationInput:
        shown.append((declaration, record))
        return as_input(declaration, nature="Owns two agencies", dispensation=True)

    window.asker.edit_declaration = edit  # type: ignore[method-assign]
    table = window.declarations.table
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert [d for d, _ in shown] == [declared]
    (stored,) = demo.fresh_record(demo.january_10).declarations
    assert (stored.nature, stored.dispensation) == ("Owns two agencies", True)
    assert window.saved_label.text().startswith("Saved: Edit F R G Hill's declaration in item 3")
    assert window.declarations.model.rows[0].dispensation == "Yes"
    assert window.undo_action.text() == "&Undo Edit F R G Hill's declaration in item 3"


def test_double_click_edits_too(
    qtbot: QtBot, window: MainWindow, demo: DemoDb, declared: Declaration
) -> None:
    window.asker.edit_declaration = lambda record, declaration, at: as_input(  # type: ignore[method-assign]
        declaration, sensitive=True, nature=""
    )
    table = window.declarations.table
    cell = table.visualRect(window.declarations.model.index(0, 1)).center()
    # A real double-click: press and release, then the second press (QTest's
    # mouseDClick alone sends only the last event).
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    (stored,) = demo.fresh_record(demo.january_10).declarations
    assert stored.sensitive and stored.nature == ""


def test_an_edit_that_would_invalidate_a_vote_is_refused_in_the_panel(
    window: MainWindow, demo: DemoDb, declared: Declaration
) -> None:
    window.asker.edit_declaration = lambda record, declaration, at: as_input(  # type: ignore[method-assign]
        declaration, kind="dpi", left_room=True
    )
    window.declarations.edit()
    assert window.declarations.error.isVisible()
    assert "only 11 members may vote" in window.declarations.error.text()
    assert demo.fresh_record(demo.january_10).declarations == (declared,)


def test_nothing_changed_saves_nothing(
    window: MainWindow, demo: DemoDb, declared: Declaration
) -> None:
    window.asker.edit_declaration = lambda record, declaration, at: as_input(  # type: ignore[method-assign]
        declaration
    )
    window.declarations.edit()
    assert not window.declarations.error.isVisible()
    assert window.saved_label.text() == "Nothing saved yet in this session"

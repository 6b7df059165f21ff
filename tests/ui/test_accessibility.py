"""Every dialog names its controls for screen readers, and Tab goes down the form."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clerkdesk.services.lookups import list_committees
from clerkdesk.ui.amendment_dialog import AmendmentDialog
from clerkdesk.ui.attendee_dialog import AttendeeDialog
from clerkdesk.ui.declaration_dialog import DeclarationDialog
from clerkdesk.ui.minutes_details_dialog import MinutesDetailsDialog
from clerkdesk.ui.named_vote_dialog import NamedVoteDialog
from clerkdesk.ui.new_meeting_dialog import NewMeetingDialog
from clerkdesk.ui.search_dialog import SearchDialog
from tests.ui.conftest import DemoDb

AT = dt.time(11, 0)
CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
)


def unnamed(dialog: QWidget) -> list[str]:
    return [
        type(w).__name__
        for kind in CONTROLS
        for w in dialog.findChildren(kind)
        if not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
        and w.isVisibleTo(dialog)
        and not isinstance(w, QHeaderView)
        and not isinstance(w.parent(), QAbstractSpinBox | QComboBox | QAbstractItemView)
    ]


def dialogs(demo: DemoDb) -> list[QDialog]:
    record = demo.fresh_record(demo.january_10)
    item = record.item_by_number("3")
    return [
        DeclarationDialog(record, item.id, AT),
        NamedVoteDialog(record, item.id, AT),
        AmendmentDialog(record, record.recommendations_of(item.id)[0].id),
        AttendeeDialog(),
        NewMeetingDialog(list_committees(demo.db)),
        MinutesDetailsDialog(record),
        SearchDialog(demo.db, lambda meeting, item: None),
    ]


def test_every_dialog_control_has_an_accessible_name(qtbot: QtBot, demo: DemoDb) -> None:
    for dialog in dialogs(demo):
        qtbot.addWidget(dialog)
        assert dialog.accessibleName() or dialog.windowTitle()
        assert unnamed(dialog) == [], type(dialog).__name__


def test_tab_goes_down_the_declaration_form(qtbot: QtBot, demo: DemoDb) -> None:
    record = demo.fresh_record(demo.january_10)
    dialog = DeclarationDialog(record, record.item_by_number("3").id, AT)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.member.setFocus()
    order: list[QWidget | None] = []
    for _ in range(7):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:6] == [
        dialog.item,
        dialog.kind,
        dialog.nature,
        dialog.sensitive,
        dialog.dispensation,
        dialog.left_room,
    ]
    assert isinstance(order[6], QAbstractButton) and order[6].text() == "Record declaration"

"""The dialogs, driven by keyboard without their modal loop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerkdesk.domain.model import VoteOption
from clerkdesk.services.lookups import list_committees
from clerkdesk.ui.amendment_dialog import AmendmentDialog
from clerkdesk.ui.declaration_dialog import DeclarationDialog
from clerkdesk.ui.import_preview import ImportPreviewDialog
from clerkdesk.ui.named_vote_dialog import NamedVoteDialog
from clerkdesk.ui.new_meeting_dialog import NewMeetingDialog
from tests.ui.conftest import DemoDb

AT = dt.time(11, 0)
FIXTURES = Path(__file__).parents[1] / "fixtures" / "agendas"


def test_declaration_dialog_shows_the_consequence_at_once(qtbot: QtBot, demo: DemoDb) -> None:
    record = demo.fresh_record(demo.january_10)
    item = record.item_by_number("3")
    dialog = DeclarationDialog(record, item.id, AT)
    qtbot.addWidget(dialog)
    dialog.member.setCurrentIndex(dialog.member.findText("F Guest"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("dpi"))
    qtbot.keyClicks(dialog.nature, "Director of a care provider")
    assert dialog.left_room.isChecked()  # a DPI means leaving the room
    assert "F Guest can no longer vote on item 3" in dialog.consequence.text()
    dialog.dispensation.setChecked(True)
    assert "F Guest may still vote on item 3" in dialog.consequence.text()
    value = dialog.value()
    assert value is not None
    assert (value.person_id, value.item_id, value.kind, value.dispensation) == (
        next(p.id for p in record.people if p.name == "F Guest"),
        item.id,
        "dpi",
        True,
    )
    assert value.nature == "Director of a care provider"


def test_named_vote_dialog_by_keys(qtbot: QtBot, demo: DemoDb) -> None:
    record = demo.fresh_record(demo.january_10)
    item = record.item_by_number("3")
    dialog = NamedVoteDialog(record, item.id, AT)
    qtbot.addWidget(dialog)
    assert dialog.exceptions() == {}
    qtbot.keyClick(dialog.table, Qt.Key.Key_A)  # first member against, cursor moves down
    qtbot.keyClick(dialog.table, Qt.Key.Key_B)  # second abstains
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # third: for -> against
    first, second, third = dialog.people[:3]
    assert dialog.exceptions() == {
        first: VoteOption.NO,
        second: VoteOption.ABSTAIN,
        third: VoteOption.NO,
    }
    assert "2 against, 1 abstaining" in dialog.summary.text()


def test_amendment_dialog_offers_members_present(qtbot: QtBot, demo: DemoDb) -> None:
    record = demo.fresh_record(demo.january_10)
    rec = record.recommendations_of(record.item_by_number("3").id)[0]
    dialog = AmendmentDialog(record, rec.id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.text, "Leave out 'ONLY'")
    value = dialog.value()
    assert value is not None and value.mover_id != value.seconder_id
    assert value.text == "Leave out 'ONLY'"
    names = [dialog.mover.itemText(n) for n in range(dialog.mover.count())]
    assert "E H Buckmaster" not in names  # sent apologies
    assert "R H Smith" in names  # substitutes may move amendments


def test_new_meeting_dialog(qtbot: QtBot, demo: DemoDb) -> None:
    dialog = NewMeetingDialog(list_committees(demo.db))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.venue, "Council Chamber")
    value = dialog.value()
    assert value is not None and value.venue == "Council Chamber"


def test_import_preview_edits_reach_the_saved_agenda(qtbot: QtBot) -> None:
    importing = pytest.importorskip("clerkdesk.importing")
    parsed = importing.parse_agenda_file(FIXTURES / "modern-gov.txt")
    dialog = ImportPreviewDialog(parsed)
    qtbot.addWidget(dialog)
    assert dialog.items.rowCount() == len(parsed.items) > 0
    dialog.committee.setText("Renamed Committee")
    dialog.items.item(0, 1).setText("Apologies and substitutions")  # type: ignore[union-attr]
    dialog.items.item(0, 2).setText("2")  # type: ignore[union-attr]
    dialog.items.item(0, 3).setText("3")  # type: ignore[union-attr]
    edited = dialog.value()
    assert edited.committee == "Renamed Committee"
    assert edited.items[0].title == "Apologies and substitutions"
    assert (edited.items[0].part, edited.items[0].exempt_paragraph) == (2, 3)
    assert edited.items[1:] == parsed.items[1:]


def test_minutes_details_dialog_says_what_a_bad_time_is_and_keeps_what_was_typed(
    qtbot: QtBot, demo: DemoDb
) -> None:
    from clerkdesk.domain.model import BodyKind, MemberOrder
    from clerkdesk.ui.minutes_details_dialog import MinutesDetailsDialog

    dialog = MinutesDetailsDialog(demo.fresh_record(demo.january_10))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.clerk.text() == "Elaine Manzi"  # as the demo records its clerk
    assert dialog.body.currentText() == "As its name says (Panel)"
    dialog.body.setCurrentIndex(dialog.body.findData(BodyKind.CABINET))
    dialog.order.setCurrentIndex(dialog.order.findData(MemberOrder.COMMITTEE))
    qtbot.keyClicks(dialog.closed_at, "quarter to one")
    qtbot.keyClick(dialog.closed_at, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "24-hour clock" in dialog.problem.text()
    dialog.closed_at.setText("12.45")
    value = dialog.value()
    assert (value.body_kind, value.member_order) == (BodyKind.CABINET, MemberOrder.COMMITTEE)
    assert value.closed_at == dt.time(12, 45) and value.proper_officer == "Kathryn Pettitt"

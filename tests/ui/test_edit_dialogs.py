"""The dialogs that correct a saved meeting, typed into as a clerk would."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerkdesk.domain.model import ChairStyle, Disposal, Role
from clerkdesk.ui.agenda_item_dialogs import AgendaItemDialog, ItemPartDialog, ItemPlaceDialog
from clerkdesk.ui.meeting_details_dialog import MeetingDetailsDialog
from clerkdesk.ui.membership_dialog import MembershipChange, MembershipDialog
from clerkdesk.ui.recommendation_dialog import RecommendationDialog
from clerkdesk.ui.rows import agenda_rows
from tests.ui.conftest import DemoDb


def test_the_quorum_box_runs_from_one_to_the_voting_members(qtbot: QtBot, demo: DemoDb) -> None:
    record = dataclasses.replace(demo.fresh_record(demo.january_30), quorum=99)
    dialog = MeetingDetailsDialog(record)
    qtbot.addWidget(dialog)
    assert (dialog.quorum.minimum(), dialog.quorum.maximum()) == (1, 12)
    assert dialog.quorum.value() == 12  # 99 could never be reached: offered as the most
    dialog.quorum.selectAll()
    qtbot.keyClicks(dialog.quorum, "40")
    assert dialog.quorum.value() == 4  # "0" would make 40: refused as typed
    dialog.chair_style.setCurrentIndex(1)
    assert (dialog.value().quorum, dialog.value().chair_style) == (4, ChairStyle.CHAIR)


def test_an_urgent_item_asks_for_the_reason(qtbot: QtBot) -> None:
    dialog = AgendaItemDialog(None, urgent=True)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.number, "7")
    qtbot.keyClicks(dialog.title, "Winter grant")
    qtbot.keyClicks(dialog.reason, "A deadline before the next meeting")
    value = dialog.value()
    assert (value.number, value.title, value.urgency_reason) == (
        "7",
        "Winter grant",
        "A deadline before the next meeting",
    )
    plain = AgendaItemDialog(None, urgent=False)
    qtbot.addWidget(plain)
    assert plain.value().urgency_reason is None


def test_place_and_part(qtbot: QtBot, demo: DemoDb) -> None:
    record = demo.fresh_record(demo.january_30)
    item5 = record.item_by_number("5")
    place = ItemPlaceDialog(record, item5, out_of_order=True)
    qtbot.addWidget(place)
    assert place.place.currentText().startswith("Before item 6")
    qtbot.keyClick(place.place, Qt.Key.Key_Home)
    assert place.value().index == 0 and place.value().out_of_order
    part = ItemPartDialog(item5)
    qtbot.addWidget(part)
    part.part.setCurrentIndex(1)
    qtbot.keyClicks(part.paragraph, "3")
    assert part.value() is not None and part.value().exempt_paragraph == 3  # type: ignore[union-attr]
    part.paragraph.setText("9")
    assert part.value() is None  # not a paragraph of Schedule 12A


def test_recommendation_and_membership(qtbot: QtBot, demo: DemoDb) -> None:
    record = demo.fresh_record(demo.january_30)
    item3 = record.item_by_number("3")
    second = record.recommendations_of(item3.id)[1]
    dialog = RecommendationDialog(record, item3.id, new=False, chosen=second.id)
    qtbot.addWidget(dialog)
    assert dialog.label.text() == "3.2" and dialog.text.toPlainText() == second.text
    dialog.text.selectAll()
    qtbot.keyClicks(dialog.text, "Reworded.")
    assert dialog.value() == type(dialog.value())(second.id, "3.2", "Reworded.")
    members = MembershipDialog(record, MembershipChange.ADD)
    qtbot.addWidget(members)
    qtbot.keyClicks(members.name, "J Smith")
    members.co_opted.setChecked(True)
    value = members.value()
    assert (value.person_id, value.name, value.role, value.voting) == (
        None,
        "J Smith",
        Role.MEMBER,
        False,
    )
    names = [members.member.itemText(i) for i in range(members.member.count())]
    assert names[0] == "E H Buckmaster" and names[-1] == "C B Wyatt-Lowe"  # by surname


def test_the_agenda_shows_what_happened_on_the_day(demo: DemoDb) -> None:
    record = demo.fresh_record(demo.january_30)
    items = tuple(
        dataclasses.replace(i, disposal=Disposal.DEFERRED, urgency_reason="Deadline")
        if i.number == "5"
        else i
        for i in record.items
    )
    (row,) = [r for r in agenda_rows(dataclasses.replace(record, items=items)) if r.number == "5"]
    assert row.progress == "Deferred · Urgent · 0/1"  # under the "Decided" heading

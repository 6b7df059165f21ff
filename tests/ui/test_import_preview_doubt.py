"""The import preview marks what the parser worked out or guessed, for the clerk to confirm."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from clerkdesk import importing
from clerkdesk.ui.import_preview import ROLE_CONFIRMED, VOTES, ImportPreviewDialog
from tests.conftest import SAMPLES

DOUBTFUL = """NORTHMOOR FIRE AUTHORITY
RESOURCES COMMITTEE
Date: Tuesday 4 March 2025
Time: 10.00 am

Membership
Councillor A Smith\tLeader of the Authority
Councillor B Jones\tMember
Councillor C Brown\tMember
Councillor D White\tMember
Mr E Green\tCo-opted member (non-voting)

Quorum: one third of the members, or three, whichever is greater

AGENDA
1. Apologies
2. Budget
3. Exclusion of the press and public
4. Staffing restructure
"""


@pytest.fixture
def dialog(qtbot: QtBot) -> ImportPreviewDialog:
    preview = ImportPreviewDialog(importing.parse_agenda_text(DOUBTFUL))
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def _row(dialog: ImportPreviewDialog, name: str) -> int:
    for row in range(dialog.members.rowCount()):
        if dialog.members.item(row, 0).text() == name:  # type: ignore[union-attr]
            return row
    raise AssertionError(name)


def test_guesses_are_marked_and_must_be_ticked(qtbot: QtBot, dialog: ImportPreviewDialog) -> None:
    parsed = dialog.parsed
    assert parsed.quorum == 3 and parsed.quorum_inferred
    assert dialog.quorum_confirmed.isVisibleTo(dialog)
    assert not dialog.quorum_confirmed.isChecked()
    assert "worked out" in dialog.quorum_confirmed.toolTip()

    smith = dialog.members.item(_row(dialog, "A Smith"), ROLE_CONFIRMED)
    assert smith is not None and smith.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert smith.checkState() == Qt.CheckState.Unchecked
    assert "Taken as chair" in smith.toolTip()
    jones = dialog.members.item(_row(dialog, "B Jones"), ROLE_CONFIRMED)
    assert jones is not None and not jones.flags() & Qt.ItemFlag.ItemIsUserCheckable
    green = dialog.members.item(_row(dialog, "E Green"), VOTES)
    assert green is not None and green.text() == "no"

    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    message = dialog.error.text()
    assert "tick Quorum confirmed" in message
    assert "The role of A Smith was guessed" in message
    assert "Item 4 was taken as Part II" in message  # the item after the exclusion

    dialog.quorum_confirmed.setChecked(True)
    smith.setCheckState(Qt.CheckState.Checked)
    dialog.items.item(3, 5).setCheckState(Qt.CheckState.Checked)  # type: ignore[union-attr]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted

    value = dialog.value()
    assert value.quorum_inferred is None
    members = {m.name: m for m in value.members}
    assert (members["A Smith"].role, members["A Smith"].role_inferred) == ("chair", False)
    assert (members["E Green"].co_opted, members["E Green"].voting) == (True, False)
    assert members["B Jones"].voting


def test_a_paper_that_says_it_all_asks_nothing(qtbot: QtBot) -> None:
    preview = ImportPreviewDialog(
        importing.parse_agenda_file(SAMPLES / "herts-acah-panel-2018-01-30-agenda-pack.txt")
    )
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    assert not preview.quorum_confirmed.isVisibleTo(preview)
    for row in range(preview.members.rowCount()):
        tick = preview.members.item(row, ROLE_CONFIRMED)
        assert tick is not None and not tick.flags() & Qt.ItemFlag.ItemIsUserCheckable
    preview.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert preview.result() == QDialog.DialogCode.Accepted

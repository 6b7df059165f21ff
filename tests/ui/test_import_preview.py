"""The import preview: adding, deleting and correcting members, items and recommendations."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from clerkdesk import importing
from clerkdesk.ui.import_preview import ImportPreviewDialog
from tests.conftest import SAMPLES

SAMPLE = SAMPLES / "herts-acah-panel-2018-01-30-agenda-pack.txt"


@pytest.fixture
def dialog(qtbot: QtBot) -> ImportPreviewDialog:
    preview = ImportPreviewDialog(importing.parse_agenda_file(SAMPLE))
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def _row_of(dialog: ImportPreviewDialog, number: str) -> int:
    for row in range(dialog.items.rowCount()):
        if dialog.items.item(row, 0).text() == number:  # type: ignore[union-attr]
            return row
    raise AssertionError(f"no item {number}")


def _choose(qtbot: QtBot, dialog: ImportPreviewDialog, row: int, column: int, text: str) -> None:
    """Pick ``text`` in the combo the items table opens for a cell."""
    table = dialog.items
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.indexWidget(index)
    assert isinstance(combo, QComboBox)
    combo.setCurrentText(text)
    QTest.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, column).text() == text)  # type: ignore[union-attr]


def test_every_edit_reaches_value(qtbot: QtBot, dialog: ImportPreviewDialog) -> None:
    parsed = dialog.parsed
    assert [i.number for i in parsed.items] == ["1", "2", "3", "4", "5", "6"]

    # Edit the text of item 3's first recommendation.
    dialog.items.setCurrentCell(_row_of(dialog, "3"), 1)
    assert dialog.recommendations.rowCount() == 2
    dialog.recommendations.item(0, 1).setText("Comment on the Integrated Plan.")  # type: ignore[union-attr]

    # Add a recommendation to item 6 with the button's shortcut.
    dialog.items.setCurrentCell(_row_of(dialog, "6"), 1)
    assert dialog.recommendations.rowCount() == 0
    dialog.add_rec.click()
    assert dialog.recommendations.rowCount() == 1
    dialog.recommendations.item(0, 0).setText("6.1")  # type: ignore[union-attr]
    dialog.recommendations.item(0, 1).setText("Note the report.")  # type: ignore[union-attr]
    assert dialog.items.item(_row_of(dialog, "6"), 4).text() == "1"  # type: ignore[union-attr]

    # Delete item 2.
    dialog.items.setCurrentCell(_row_of(dialog, "2"), 1)
    dialog.delete_item.click()

    # Add a member, as vice-chair through the role combo.
    dialog.add_member.click()
    new = dialog.members.rowCount() - 1
    dialog.members.item(new, 0).setText("A N Other")  # type: ignore[union-attr]

    # Item 5 becomes Part II, paragraph 3, chosen in the combos.
    row5 = _row_of(dialog, "5")
    para = dialog.items.item(row5, 3)
    assert para is not None and not para.flags() & Qt.ItemFlag.ItemIsEditable
    _choose(qtbot, dialog, row5, 2, "II")
    assert dialog.notice.isVisibleTo(dialog)  # Part II without a paragraph: a warning
    _choose(qtbot, dialog, row5, 3, "3")
    assert not dialog.notice.isVisibleTo(dialog)

    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted

    edited = dialog.value()
    by_number = {i.number: i for i in edited.items}
    assert list(by_number) == ["1", "3", "4", "5", "6"]
    assert by_number["3"].recommendations[0].text == "Comment on the Integrated Plan."
    assert by_number["3"].recommendations[1] == parsed.items[2].recommendations[1]
    assert by_number["6"].recommendations[-1].label == "6.1"
    assert by_number["6"].recommendations[-1].text == "Note the report."
    assert (by_number["5"].part, by_number["5"].exempt_paragraph) == (2, 3)
    assert by_number["5"].report_title == parsed.items[4].report_title
    assert by_number["4"] == parsed.items[3]
    assert edited.members[:-1] == parsed.members
    assert edited.members[-1].name == "A N Other"
    assert edited.members[-1].role == "member"


def test_duplicate_numbers_keep_the_dialog_open(qtbot: QtBot, dialog: ImportPreviewDialog) -> None:
    dialog.items.item(1, 0).setText("1")  # type: ignore[union-attr]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert "Item numbers must be unique; repeated: 1." in dialog.error.text()


def test_two_chairs_and_empty_titles_are_refused(qtbot: QtBot, dialog: ImportPreviewDialog) -> None:
    dialog.members.item(0, 1).setText("chair")  # type: ignore[union-attr]
    dialog.add_item.click()
    dialog.accept()
    assert dialog.isVisible()
    message = dialog.error.text()
    assert "Only one member can be chair" in message
    assert "Item 7 has no title." in message
    dialog.members.item(0, 1).setText("member")  # type: ignore[union-attr]
    dialog.items.item(dialog.items.currentRow(), 1).setText("Urgent business")  # type: ignore[union-attr]
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    added = dialog.value().items[1]  # inserted after the selected item, 1
    assert (added.number, added.title, added.recommendations) == ("7", "Urgent business", ())


def test_buttons_have_names_and_shortcuts(dialog: ImportPreviewDialog) -> None:
    for push in (
        dialog.add_member,
        dialog.delete_member,
        dialog.add_item,
        dialog.delete_item,
        dialog.add_rec,
        dialog.delete_rec,
    ):
        assert push.accessibleName()
        assert "&" in push.text()


AGENDA_WITHOUT_A_PART_II_HEADING = """Westbrook Borough Council
Planning Committee
Date: 3 June 2025
Members: Councillor A Foster (Chair), B Hughes

1. APOLOGIES FOR ABSENCE
2. EXCLUSION OF THE PRESS AND PUBLIC
3. STAFFING RESTRUCTURE
"""


def test_a_guessed_part_ii_must_be_confirmed_before_saving(qtbot: QtBot) -> None:
    preview = ImportPreviewDialog(importing.parse_agenda_text(AGENDA_WITHOUT_A_PART_II_HEADING))
    qtbot.addWidget(preview)
    preview.show()
    row = _row_of(preview, "3")
    assert preview.items.item(row, 2).text() == "II"  # type: ignore[union-attr]
    confirm = preview.items.item(row, 5)
    assert confirm is not None and "exclusion of the press" in confirm.toolTip()
    assert not preview.items.item(0, 5).flags() & Qt.ItemFlag.ItemIsUserCheckable  # type: ignore[union-attr]
    preview.accept()
    assert preview.isVisible() and preview.result() != QDialog.DialogCode.Accepted
    assert "Item 3 was taken as Part II" in preview.error.text()
    assert preview.value().items[row].confirm_part  # not confirmed yet
    confirm.setCheckState(Qt.CheckState.Checked)
    preview.accept()
    assert preview.result() == QDialog.DialogCode.Accepted
    saved = preview.value().items[row]
    assert (saved.part, saved.confirm_part) == (2, None)

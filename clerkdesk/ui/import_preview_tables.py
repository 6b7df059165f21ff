"""Tables, combo editors and checks used by the import preview dialog."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from clerkdesk.domain import schedule_12a
from clerkdesk.ui import widgets

ROLES = ("chair", "vice-chair", "member")
VOTING = ("yes", "no")
PART_LABELS = ("I", "II")
PARAGRAPHS = ("", *(str(p) for p in schedule_12a.ENGLAND + schedule_12a.WALES))

AnyIndex = QModelIndex | QPersistentModelIndex


class ComboDelegate(QStyledItemDelegate):
    """Edits a cell with a combo box of fixed choices (typing a choice also works)."""

    def __init__(self, choices: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(self.choices)
        header = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
        combo.setAccessibleName(str(header))
        # Choosing an entry (mouse or Return in the popup) commits it at once.
        combo.activated.connect(lambda _at: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        text = str(index.data() or "")
        at = editor.findText(text, Qt.MatchFlag.MatchFixedString)
        editor.setCurrentIndex(max(at, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


def make_table(
    parent: QWidget, name: str, headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    row_height = table.fontMetrics().height() + 10
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.verticalHeader().setMinimumSectionSize(row_height)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    for row in rows:
        append_row(table, row)
    return table


def append_row(table: QTableWidget, values: Sequence[str], at: int | None = None) -> int:
    row = table.rowCount() if at is None else at
    table.insertRow(row)
    for column, text in enumerate(values):
        table.setItem(row, column, QTableWidgetItem(text))
    return row


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text().strip() if item is not None else ""


def ask_to_confirm(
    table: QTableWidget, row: int, column: int, why: str, *, tooltip: str | None = None
) -> None:
    """A tick box the clerk must tick to confirm what the parser guessed; ``why`` says why."""
    item = QTableWidgetItem("Confirm")
    item.setFlags((item.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
    item.setCheckState(Qt.CheckState.Unchecked)
    item.setToolTip(
        tooltip or f"Taken as Part II because {why}. Tick once you have checked the part."
    )
    item.setData(Qt.ItemDataRole.UserRole, why)
    table.setItem(row, column, item)


def nothing_to_confirm(table: QTableWidget, row: int, column: int) -> None:
    """An empty cell in a confirmation column: no tick box, not editable."""
    item = table.item(row, column)
    if item is None:
        item = QTableWidgetItem("")
        table.setItem(row, column, item)
    if not item.data(Qt.ItemDataRole.UserRole):
        item.setFlags(
            item.flags() & ~(Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        )


def unconfirmed(table: QTableWidget, row: int, column: int) -> str | None:
    """Why the row's part still needs the clerk's tick, or None."""
    item = table.item(row, column)
    why = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    if item is None or not why or item.checkState() == Qt.CheckState.Checked:
        return None
    return str(why)


def parse_part(text: str) -> Literal[1, 2]:
    return 2 if text.strip().lower().removeprefix("part").strip() in ("2", "ii") else 1


def parse_paragraph(text: str) -> schedule_12a.ExemptParagraph | None:
    return schedule_12a.parse_label(text)


def button(text: str, slot: Callable[[], None]) -> QPushButton:
    """A push button named as ``text`` says; its tooltip names its Alt key, the
    letter after the & in ``text``."""
    name = text.replace("&", "")
    return widgets.button(text, name, slot, f"{name} (Alt+{text[text.index('&') + 1].upper()})")


@dataclass(frozen=True, slots=True)
class Check:
    errors: tuple[str, ...]
    warnings: tuple[str, ...]


def check(
    members: Sequence[tuple[str, str]],
    items: Sequence[tuple[str, str, int, schedule_12a.ExemptParagraph | None, str | None]],
    *,
    roles_to_confirm: Sequence[str] = (),
    quorum_to_confirm: str | None = None,
) -> Check:
    """Problems that stop the save (errors) and ones the clerk should see (warnings).

    ``members`` are (name, role); ``items`` are (number, title, part, paragraph,
    why the part is still to be confirmed or None). ``roles_to_confirm`` names the
    members whose guessed role is not yet ticked; ``quorum_to_confirm`` says how a
    worked-out quorum was found, until the clerk ticks it.
    """
    errors: list[str] = []
    warnings: list[str] = []
    if quorum_to_confirm:
        errors.append(
            "The quorum was worked out by ClerkDesk, not read from the agenda: check it and "
            "tick Quorum confirmed."
        )
    for name in roles_to_confirm:
        errors.append(
            f"The role of {name or '(no name)'} was guessed from their title: check it and "
            "tick its Checked box."
        )
    for row, (name, _role) in enumerate(members, start=1):
        if not name:
            errors.append(f"Member in row {row} has no name.")
    chairs = [name or "(no name)" for name, role in members if role == "chair"]
    if len(chairs) > 1:
        errors.append(f"Only one member can be chair: {', '.join(chairs)}.")
    counts = Counter(number for number, *_ in items if number)
    duplicates = sorted(number for number, count in counts.items() if count > 1)
    if duplicates:
        errors.append("Item numbers must be unique; repeated: " + ", ".join(duplicates) + ".")
    for row, (number, title, part, paragraph, to_confirm) in enumerate(items, start=1):
        label = f"Item {number}" if number else f"Item in row {row}"
        if to_confirm:
            errors.append(
                f"{label} was taken as Part II because {to_confirm}: check its part and "
                "tick its Checked box."
            )
        if not number:
            errors.append(f"{label} has no number.")
        if not title:
            errors.append(f"{label} has no title.")
        if part == 2 and paragraph is None:
            warnings.append(f"{label} is Part II but has no Schedule 12A paragraph.")
    return Check(tuple(errors), tuple(warnings))

"""Dialogs for changing the agenda: an item's number, title and reason for
urgency; where it goes (or was taken); whether it is Part I or Part II."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from clerkdesk.domain import schedule_12a
from clerkdesk.domain.model import AgendaItem, MeetingRecord
from clerkdesk.domain.schedule_12a import ExemptParagraph
from clerkdesk.ui.widgets import TitledDialog, line_edit, ok_cancel


@dataclass(frozen=True, slots=True)
class ItemInput:
    number: str
    title: str
    urgency_reason: str | None  # None for an item on the published agenda


@dataclass(frozen=True, slots=True)
class PlaceInput:
    index: int  # in the order taken
    out_of_order: bool


@dataclass(frozen=True, slots=True)
class PartInput:
    part: int
    exempt_paragraph: ExemptParagraph | None


class AgendaItemDialog(TitledDialog):
    """A new item (``item`` None), urgent or not, or an item's number and title."""

    def __init__(
        self, item: AgendaItem | None, *, urgent: bool, parent: QWidget | None = None
    ) -> None:
        title = (
            "Add an urgent item"
            if item is None and urgent
            else "Add an item"
            if item is None
            else f"Item {item.number}"
        )
        super().__init__(title, parent)
        self.number = line_edit(item.number if item else "", "Item number")
        self.title = line_edit(item.title if item else "", "Item title")
        self.reason = QPlainTextEdit(item.urgency_reason or "" if item else "")
        self.reason.setAccessibleName("Reason for urgency")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.urgent = urgent or (item is not None and item.is_urgent)
        form = QFormLayout(self)
        form.addRow("&Number:", self.number)
        form.addRow("&Title:", self.title)
        if self.urgent:
            note = QLabel(
                "The chair's reason for taking this item as a matter of urgency; the minutes "
                "state it (Local Government Act 1972, s.100B(4)(b))."
            )
            note.setWordWrap(True)
            form.addRow(note)
            form.addRow("&Reason:", self.reason)
        else:
            self.reason.hide()
        form.addRow(ok_cancel(self))
        self.number.setFocus()
        self.resize(520, 0)

    def value(self) -> ItemInput:
        reason = self.reason.toPlainText().strip() if self.urgent else None
        return ItemInput(self.number.text().strip(), self.title.text().strip(), reason)


class ItemPlaceDialog(TitledDialog):
    """Where an item goes in the order: moved on the agenda, or taken out of order."""

    def __init__(
        self,
        record: MeetingRecord,
        item: AgendaItem,
        *,
        out_of_order: bool,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            f"Take item {item.number} out of order" if out_of_order else f"Move item {item.number}"
        )
        super().__init__(title, parent)
        self.place = QComboBox()
        self.place.setAccessibleName("Taken before")
        others = [i for i in record.ordered_items if i.id != item.id]
        for index, other in enumerate(others):
            self.place.addItem(f"Before item {other.number}: {other.title}", index)
        self.place.addItem("At the end", len(others))
        current = [i.id for i in record.ordered_items].index(item.id)
        self.place.setCurrentIndex(current)
        self.out_of_order = QCheckBox(
            "Taken out of the agenda's &order on the day (its number stays)"
        )
        self.out_of_order.setChecked(out_of_order)
        form = QFormLayout(self)
        form.addRow("&Place:", self.place)
        form.addRow(self.out_of_order)
        form.addRow(ok_cancel(self))
        self.place.setFocus()
        self.resize(520, 0)

    def value(self) -> PlaceInput:
        return PlaceInput(int(self.place.currentData()), self.out_of_order.isChecked())


class ItemPartDialog(TitledDialog):
    """Part I (public) or Part II (exempt) with its Schedule 12A paragraph."""

    def __init__(self, item: AgendaItem, parent: QWidget | None = None) -> None:
        super().__init__(f"Item {item.number}: Part I or Part II", parent)
        self.part = QComboBox()
        self.part.setAccessibleName("Part")
        self.part.addItem("Part I (public)", 1)
        self.part.addItem("Part II (exempt: press and public excluded)", 2)
        self.part.setCurrentIndex(item.part - 1)
        self.paragraph = QLineEdit(
            "" if item.exempt_paragraph is None else str(item.exempt_paragraph)
        )
        self.paragraph.setAccessibleName("Schedule 12A paragraph")
        self.paragraph.setPlaceholderText("1 to 7, 7A to 7C (Wales: 12 to 18, 18A to 18C)")
        form = QFormLayout(self)
        form.addRow("&Part:", self.part)
        form.addRow("Schedule 12A &paragraph:", self.paragraph)
        form.addRow(ok_cancel(self))
        self.part.setFocus()
        self.resize(520, 0)

    def value(self) -> PartInput | None:
        """None when Part II names a paragraph the Schedule does not have."""
        part = int(self.part.currentData())
        if part == 1:
            return PartInput(1, None)
        text = self.paragraph.text().strip()
        if not text:
            return PartInput(2, None)
        paragraph = schedule_12a.parse_label(text)
        return None if paragraph is None else PartInput(2, paragraph)

"""Adding another councillor in attendance, or an officer."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QWidget,
)

from clerkdesk.domain.model import Capacity
from clerkdesk.ui.widgets import TitledDialog, line_edit, ok_cancel, set_tab_order


@dataclass(frozen=True, slots=True)
class AttendeeInput:
    name: str
    capacity: Capacity
    title: str | None


class AttendeeDialog(TitledDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Add to the attendance", parent)
        self.capacity = QComboBox()
        self.capacity.setAccessibleName("Attends as")
        self.capacity.addItem("Officer", Capacity.OFFICER)
        self.capacity.addItem("Other member in attendance", Capacity.OTHER_MEMBER)
        self.name = line_edit("", "Name")
        self.title = line_edit("", "Job title", "e.g. Democratic Services Officer")
        self.capacity.currentIndexChanged.connect(
            lambda _i: self.title.setEnabled(self.capacity.currentData() is Capacity.OFFICER)
        )
        buttons = ok_cancel(self)
        form = QFormLayout(self)
        form.addRow("Attends &as:", self.capacity)
        form.addRow("&Name:", self.name)
        form.addRow("Job &title:", self.title)
        form.addRow(buttons)
        set_tab_order(
            self.capacity,
            self.name,
            self.title,
            *buttons.buttons(),
        )
        self.resize(440, 0)

    def value(self) -> AttendeeInput:
        capacity = self.capacity.currentData()
        title = self.title.text().strip() or None
        return AttendeeInput(
            self.name.text().strip(), capacity, title if capacity is Capacity.OFFICER else None
        )

"""Declaring an interest, with its consequence shown as the clerk types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.errors import DomainError
from clerkdesk.domain.model import Capacity, Declaration, MeetingRecord
from clerkdesk.ui.rows import declaration_consequence
from clerkdesk.ui.widgets import NOTICE_STYLE


@dataclass(frozen=True, slots=True)
class DeclarationInput:
    item_id: int
    person_id: int
    kind: str
    nature: str
    sensitive: bool
    dispensation: bool
    left_room: bool


class DeclarationDialog(QDialog):
    def __init__(
        self,
        record: MeetingRecord,
        item_id: int | None,
        at: dt.time,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record = record
        self.at = at
        self.setWindowTitle("Declare an interest")
        self.setAccessibleName("Declare an interest")
        self.member = QComboBox()
        self.member.setAccessibleName("Member declaring")
        for a in record.attendees:
            if a.capacity is not Capacity.OFFICER:
                self.member.addItem(record.name_of(a.person_id), a.person_id)
        self.item = QComboBox()
        self.item.setAccessibleName("Agenda item")
        for item in record.ordered_items:
            self.item.addItem(f"{item.number}. {item.title}", item.id)
        if item_id is not None:
            self.item.setCurrentIndex(max(0, self.item.findData(item_id)))
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of interest")
        for kind in record.interest_kinds:
            self.kind.addItem(kind.label, kind.code)
        self.nature = QLineEdit()
        self.nature.setAccessibleName("Nature of the interest")
        self.nature.setPlaceholderText("e.g. employed by the provider named in the report")
        self.sensitive = QCheckBox("Sensitive interest (declared without its nature)")
        self.sensitive.setAccessibleName("Sensitive interest")
        self.dispensation = QCheckBox("A dispensation has been granted")
        self.dispensation.setAccessibleName("Dispensation granted")
        self.left_room = QCheckBox("Left the room for the item")
        self.left_room.setAccessibleName("Left the room")
        self.consequence = QLabel()
        self.consequence.setWordWrap(True)
        self.consequence.setAccessibleName("Consequence of the declaration")
        self.consequence.setStyleSheet(NOTICE_STYLE)

        form = QFormLayout()
        form.addRow("&Member:", self.member)
        form.addRow("&Item:", self.item)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Nature:", self.nature)
        form.addRow("", self.sensitive)
        form.addRow("", self.dispensation)
        form.addRow("", self.left_room)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record declaration")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.consequence)
        layout.addWidget(buttons)
        self.resize(560, 0)

        self._left_touched = False
        self.left_room.clicked.connect(self._touch_left)
        for combo in (self.member, self.item, self.kind):
            combo.currentIndexChanged.connect(self._update)
        for box in (self.sensitive, self.dispensation, self.left_room):
            box.toggled.connect(self._update)
        self._update()

    def _touch_left(self) -> None:
        self._left_touched = True

    def _update(self) -> None:
        try:
            kind = self.record.interest_kind(str(self.kind.currentData()))
        except DomainError:
            return
        if not self._left_touched:
            self.left_room.blockSignals(True)
            self.left_room.setChecked(kind.must_leave and not self.dispensation.isChecked())
            self.left_room.blockSignals(False)
        self.nature.setEnabled(not self.sensitive.isChecked())
        value = self.value()
        if value is None:
            self.consequence.setText("Choose the member and the item.")
            return
        declaration = Declaration(
            0,
            value.item_id,
            value.person_id,
            value.kind,
            value.nature,
            value.sensitive,
            value.dispensation,
            value.left_room,
        )
        try:
            self.consequence.setText(declaration_consequence(self.record, declaration, self.at))
        except DomainError as error:
            self.consequence.setText(error.message)

    def value(self) -> DeclarationInput | None:
        person, item, kind = (
            self.member.currentData(),
            self.item.currentData(),
            self.kind.currentData(),
        )
        if person is None or item is None or kind is None:
            return None
        return DeclarationInput(
            item_id=int(item),
            person_id=int(person),
            kind=str(kind),
            nature="" if self.sensitive.isChecked() else self.nature.text().strip(),
            sensitive=self.sensitive.isChecked(),
            dispensation=self.dispensation.isChecked(),
            left_room=self.left_room.isChecked(),
        )

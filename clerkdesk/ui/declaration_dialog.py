"""Declaring an interest, or editing one, with its consequence shown as the clerk types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.errors import DomainError
from clerkdesk.domain.model import Capacity, Declaration, MeetingRecord
from clerkdesk.ui.rows import by_surname, declaration_consequence
from clerkdesk.ui.widgets import NOTICE_STYLE, TitledDialog, ok_cancel, set_tab_order, wrapped_label


@dataclass(frozen=True, slots=True)
class DeclarationInput:
    item_id: int
    person_id: int
    kind: str
    nature: str
    sensitive: bool
    dispensation: bool
    left_room: bool

    def as_declaration(self, declaration_id: int = 0) -> Declaration:
        return Declaration(
            declaration_id,
            self.item_id,
            self.person_id,
            self.kind,
            self.nature,
            self.sensitive,
            self.dispensation,
            self.left_room,
        )


class DeclarationDialog(TitledDialog):
    """Declare an interest; given ``existing``, edit that declaration instead.

    When editing, the member and the item are fixed (withdraw the declaration
    and declare again to change them) and the fields start as recorded.
    """

    def __init__(
        self,
        record: MeetingRecord,
        item_id: int | None,
        at: dt.time,
        parent: QWidget | None = None,
        existing: Declaration | None = None,
        person_id: int | None = None,
    ) -> None:
        super().__init__("Edit a declaration" if existing else "Declare an interest", parent)
        self.record = record
        self.at = at
        self.existing = existing
        if existing is not None:
            item_id = existing.item_id
        self.member = QComboBox()
        self.member.setAccessibleName("Member declaring")
        for a in sorted(record.attendees, key=lambda a: by_surname(record.name_of(a.person_id))):
            if a.capacity is not Capacity.OFFICER:
                self.member.addItem(record.name_of(a.person_id), a.person_id)
        if person_id is not None:
            self.member.setCurrentIndex(max(0, self.member.findData(person_id)))
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
        self.left_room.setToolTip("Set from the kind of interest until you change it")
        self.consequence = wrapped_label("Consequence of the declaration", NOTICE_STYLE)

        form = QFormLayout()
        form.addRow("&Member:", self.member)
        form.addRow("&Item:", self.item)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Nature:", self.nature)
        form.addRow("", self.sensitive)
        form.addRow("", self.dispensation)
        form.addRow("", self.left_room)
        buttons = ok_cancel(self, "Save changes" if existing else "Record declaration")
        layout = QVBoxLayout(self)
        if existing is not None:
            fixed = QLabel(
                "The member and the item cannot be changed here: remove the declaration "
                "and declare again for that."
            )
            fixed.setWordWrap(True)
            fixed.setEnabled(False)
            layout.addWidget(fixed)
        layout.addLayout(form)
        layout.addWidget(self.consequence)
        layout.addWidget(buttons)
        self.resize(560, 0)
        set_tab_order(
            self.member,
            self.item,
            self.kind,
            self.nature,
            self.sensitive,
            self.dispensation,
            self.left_room,
            *buttons.buttons(),
        )

        # What was recorded about leaving the room is a fact: an edit keeps it.
        self._left_touched = existing is not None
        if existing is not None:
            self._fill(existing)
        self.left_room.clicked.connect(self._touch_left)
        for combo in (self.member, self.item, self.kind):
            combo.currentIndexChanged.connect(self._update)
        for box in (self.sensitive, self.dispensation, self.left_room):
            box.toggled.connect(self._update)
        self._update()

    def _fill(self, existing: Declaration) -> None:
        self.member.setCurrentIndex(max(0, self.member.findData(existing.person_id)))
        self.item.setCurrentIndex(max(0, self.item.findData(existing.item_id)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(existing.kind)))
        self.nature.setText(existing.nature)
        self.sensitive.setChecked(existing.sensitive)
        self.dispensation.setChecked(existing.dispensation)
        self.left_room.setChecked(existing.left_room)
        self.member.setEnabled(False)
        self.item.setEnabled(False)
        self.kind.setFocus()

    def _touch_left(self) -> None:
        self._left_touched = True

    def _update(self) -> None:
        try:
            kind = self.record.interest_kind(str(self.kind.currentData()))
        except DomainError:
            return
        if not self._left_touched:
            with QSignalBlocker(self.left_room):
                self.left_room.setChecked(kind.must_leave and not self.dispensation.isChecked())
        self.nature.setEnabled(not self.sensitive.isChecked())
        value = self.value()
        if value is None:
            self.consequence.setText("Choose the member and the item.")
            return
        declaration = value.as_declaration(self.existing.id if self.existing else 0)
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

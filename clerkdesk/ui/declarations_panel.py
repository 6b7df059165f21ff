"""Declarations of interest for the whole meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from clerkdesk.domain.errors import DomainError
from clerkdesk.domain.model import Declaration
from clerkdesk.ui.meeting_session import ITEM, OPENED, MeetingSession
from clerkdesk.ui.models import DeclarationsTableModel
from clerkdesk.ui.rows import declaration_consequence, declaration_rows
from clerkdesk.ui.widgets import (
    NOTICE_STYLE,
    ErrorLabel,
    KeyTableView,
    Panel,
    button,
    set_tab_order,
)

if TYPE_CHECKING:
    from clerkdesk.ui.declaration_dialog import DeclarationInput

AREAS = frozenset({"declarations", "attendance", "items", OPENED})


class DeclarationsPanel(Panel):
    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = DeclarationsTableModel(self)
        self.table = KeyTableView("Declarations of interest", self)
        self.table.setModel(self.model)
        self.table.stretch(3)
        self.table.setWordWrap(True)  # the nature of the interest, in full
        self.table.key_actions = {
            Qt.Key.Key_Delete: self.withdraw,
            Qt.Key.Key_Return: self.edit,
            Qt.Key.Key_Enter: self.edit,
        }
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.empty = QLabel("No conflicts of interest have been declared.")
        self.empty.setAccessibleName("No declarations")
        self.consequence = QLabel()
        self.consequence.setWordWrap(True)
        self.consequence.setAccessibleName("Consequence of the last declaration")
        self.consequence.setStyleSheet(NOTICE_STYLE)
        self.consequence.hide()
        self.error = ErrorLabel("Declaration error", self)
        self.declare_button = button("Declare interest… (Ctrl+D)", "Declare interest", self.declare)
        self.edit_button = button(
            "Edit declaration… (Enter)",
            "Edit declaration",
            self.edit,
            "Change the kind, nature, dispensation or leaving the room (Ctrl+Shift+D)",
        )
        self.withdraw_button = button(
            "Remove declaration (Delete)", "Remove declaration", self.withdraw
        )
        buttons = QHBoxLayout()
        for widget in (self.declare_button, self.edit_button, self.withdraw_button):
            buttons.addWidget(widget)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.consequence)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.focus_target = self.table
        set_tab_order(*self.focus_chain())

    def focus_chain(self) -> list[QWidget]:
        """The panel's controls in Tab order."""
        return [self.table, self.declare_button, self.edit_button, self.withdraw_button]

    def refresh(self, areas: frozenset[str]) -> None:
        if ITEM in areas:
            self.error.clear_error()  # about what the clerk has moved on from
        if not areas & AREAS:
            return
        record = self.session.record
        if OPENED in areas:
            self.consequence.hide()
            self.error.clear_error()
        keep = self.model.row_at(self.table.current_row())
        self.model.set_rows(declaration_rows(record) if record else ())
        self.table.fit_rows()
        ids = [row.id for row in self.model.rows]
        if keep is not None and keep.id in ids:
            self.table.select_row(ids.index(keep.id))
        elif ids:
            self.table.select_row(0)
        self.empty.setVisible(not self.model.rows)
        for widget in (self.edit_button, self.withdraw_button):
            widget.setEnabled(bool(ids))

    def selected(self) -> Declaration | None:
        row, record = self.model.row_at(self.table.current_row()), self.session.record
        if row is None or record is None:
            return None
        return next((d for d in record.declarations if d.id == row.id), None)

    def _consequence(self, declaration: Declaration) -> str:
        record = self.session.record
        if record is None:
            return ""
        try:
            return declaration_consequence(record, declaration, self.session.at)
        except DomainError:
            return ""

    def _show_consequence(self, text: str) -> None:
        self.consequence.setText(text)
        self.consequence.setVisible(bool(text))

    def declare(self) -> None:
        from clerkdesk.services.declarations import declare_interest

        record = self.session.record
        if record is None:
            return
        value = self.session.asker.declaration(
            record, self.session.item_id, self.session.at, self.session.person_id
        )
        if value is None:
            return
        consequence = self._consequence(value.as_declaration())
        self.error.clear_error()
        change = self.session.act(
            declare_interest,
            value.item_id,
            value.person_id,
            value.kind,
            value.nature,
            sensitive=value.sensitive,
            dispensation=value.dispensation,
            left_room=value.left_room,
            errors=self.error.show_error,
        )
        if change is not None:
            self._show_consequence(consequence)

    def edit(self) -> None:
        """Open the selected declaration, filled in as recorded, and save what changed."""
        from clerkdesk.services.declarations_edit import edit_declaration

        existing, record = self.selected(), self.session.record
        if existing is None or record is None:
            return
        value = self.session.asker.edit_declaration(record, existing, self.session.at)
        if value is None or value.as_declaration(existing.id) == existing:
            return
        consequence = self._consequence(value.as_declaration(existing.id))
        self.error.clear_error()
        change = self.session.act(
            edit_declaration,
            existing.id,
            **_edited_fields(existing, value),
            errors=self.error.show_error,
        )
        if change is not None:
            self._show_consequence(consequence)

    def withdraw(self) -> None:
        from clerkdesk.services.declarations import withdraw_declaration

        row = self.model.row_at(self.table.current_row())
        if row is None:
            return
        self.error.clear_error()
        self.consequence.hide()
        self.session.act(withdraw_declaration, row.id, errors=self.error.show_error)


def _edited_fields(existing: Declaration, value: DeclarationInput) -> dict[str, object]:
    """Only the fields the clerk changed, as ``edit_declaration`` takes them."""
    fields = {
        "kind": value.kind,
        "nature": value.nature,
        "sensitive": value.sensitive,
        "dispensation": value.dispensation,
        "left_room": value.left_room,
    }
    return {name: new for name, new in fields.items() if getattr(existing, name) != new}

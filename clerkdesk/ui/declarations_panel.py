"""Declarations of interest for the whole meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from clerkdesk.domain.changes import Area
from clerkdesk.domain.errors import DomainError
from clerkdesk.domain.model import Declaration
from clerkdesk.ui import operations
from clerkdesk.ui.models import DeclarationsTableModel
from clerkdesk.ui.open_meeting import ITEM, OPENED, OpenMeeting
from clerkdesk.ui.rows import declaration_consequence, declaration_rows
from clerkdesk.ui.widgets import (
    NOTICE_STYLE,
    ErrorLabel,
    KeyTableView,
    Panel,
    button,
    set_tab_order,
    wrapped_label,
)

if TYPE_CHECKING:
    from clerkdesk.ui.declaration_dialog import DeclarationInput

AREAS = Area.DECLARATIONS | Area.ATTENDANCE | Area.ITEMS | OPENED


class DeclarationsPanel(Panel):
    def __init__(self, meeting: OpenMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting = meeting
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
        self.consequence = wrapped_label(
            "Consequence of the last declaration", NOTICE_STYLE, hidden=True
        )
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

    def refresh(self, areas: Area) -> None:
        if ITEM in areas:
            self.error.clear_error()  # about what the clerk has moved on from
        if not areas & AREAS:
            return
        record = self.meeting.record
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
        row, record = self.model.row_at(self.table.current_row()), self.meeting.record
        if row is None or record is None:
            return None
        return next((d for d in record.declarations if d.id == row.id), None)

    def _consequence(self, declaration: Declaration) -> str:
        record = self.meeting.record
        if record is None:
            return ""
        try:
            return declaration_consequence(record, declaration, self.meeting.at)
        except DomainError:
            return ""

    def _record(self, operation: operations.Operation, declaration: Declaration) -> None:
        """Run the operation, a refusal said in the panel; once recorded, what the
        declaration means is shown under the list."""
        consequence = self._consequence(declaration)
        self.error.clear_error()
        if self.meeting.act(operation, errors=self.error.show_error) is not None:
            self.consequence.setText(consequence)
            self.consequence.setVisible(bool(consequence))

    def declare(self) -> None:
        record = self.meeting.record
        if record is None:
            return
        value = self.meeting.asker.declaration(
            record, self.meeting.item_id, self.meeting.at, self.meeting.person_id
        )
        if value is None:
            return
        fields = operations.DeclarationFields(
            value.kind, value.nature, value.sensitive, value.dispensation, value.left_room
        )
        self._record(
            operations.declare_interest(value.item_id, value.person_id, fields),
            value.as_declaration(),
        )

    def edit(self) -> None:
        """Open the selected declaration, filled in as recorded, and save what changed."""
        existing, record = self.selected(), self.meeting.record
        if existing is None or record is None:
            return
        value = self.meeting.asker.edit_declaration(record, existing, self.meeting.at)
        if value is None or value.as_declaration(existing.id) == existing:
            return
        self._record(
            operations.edit_declaration(existing.id, _edited_fields(existing, value)),
            value.as_declaration(existing.id),
        )

    def withdraw(self) -> None:
        row = self.model.row_at(self.table.current_row())
        if row is None:
            return
        self.error.clear_error()
        self.consequence.hide()
        self.meeting.act(operations.withdraw_declaration(row.id), errors=self.error.show_error)


def _edited_fields(existing: Declaration, value: DeclarationInput) -> operations.DeclarationFields:
    """Only the fields the clerk changed; the others None, left as recorded."""

    def changed(new: Any, old: Any) -> Any:
        return None if new == old else new

    return operations.DeclarationFields(
        kind=changed(value.kind, existing.kind),
        nature=changed(value.nature, existing.nature),
        sensitive=changed(value.sensitive, existing.sensitive),
        dispensation=changed(value.dispensation, existing.dispensation),
        left_room=changed(value.left_room, existing.left_room),
    )

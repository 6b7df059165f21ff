"""Declarations of interest for the whole meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from clerkdesk.domain.errors import DomainError
from clerkdesk.domain.model import Declaration
from clerkdesk.services import declarations as service
from clerkdesk.ui.meeting_session import OPENED, MeetingSession
from clerkdesk.ui.models import DeclarationsTableModel
from clerkdesk.ui.rows import declaration_consequence, declaration_rows
from clerkdesk.ui.widgets import NOTICE_STYLE, ErrorLabel, KeyTableView, button

AREAS = frozenset({"declarations", "attendance", "items", OPENED})


class DeclarationsPanel(QWidget):
    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = DeclarationsTableModel(self)
        self.table = KeyTableView("Declarations of interest", self)
        self.table.setModel(self.model)
        self.table.stretch(3)
        self.table.key_actions = {Qt.Key.Key_Delete: self.withdraw}
        self.empty = QLabel("No conflicts of interest have been declared.")
        self.empty.setAccessibleName("No declarations")
        self.consequence = QLabel()
        self.consequence.setWordWrap(True)
        self.consequence.setAccessibleName("Consequence of the last declaration")
        self.consequence.setStyleSheet(NOTICE_STYLE)
        self.consequence.hide()
        self.error = ErrorLabel("Declaration error", self)
        buttons = QHBoxLayout()
        buttons.addWidget(button("Declare interest… (Ctrl+D)", "Declare interest", self.declare))
        buttons.addWidget(
            button("Remove declaration (Delete)", "Remove declaration", self.withdraw)
        )
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.consequence)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def refresh(self, areas: frozenset[str]) -> None:
        if not areas & AREAS:
            return
        record = self.session.record
        if OPENED in areas:
            self.consequence.hide()
            self.error.clear_error()
        self.model.set_rows(declaration_rows(record) if record else ())
        self.empty.setVisible(not self.model.rows)

    def declare(self) -> None:
        record = self.session.record
        if record is None:
            return
        value = self.session.asker.declaration(record, self.session.item_id, self.session.at)
        if value is None:
            return
        try:
            consequence = declaration_consequence(
                record,
                Declaration(
                    0,
                    value.item_id,
                    value.person_id,
                    value.kind,
                    value.nature,
                    value.sensitive,
                    value.dispensation,
                    value.left_room,
                ),
                self.session.at,
            )
        except DomainError:
            consequence = ""
        self.error.clear_error()
        change = self.session.act(
            service.declare_interest,
            value.item_id,
            value.person_id,
            value.kind,
            value.nature,
            sensitive=value.sensitive,
            dispensation=value.dispensation,
            left_room=value.left_room,
            errors=self.error.show_error,
        )
        if change is not None and consequence:
            self.consequence.setText(consequence)
            self.consequence.show()

    def withdraw(self) -> None:
        row = self.model.row_at(self.table.current_row())
        if row is None:
            return
        self.error.clear_error()
        self.consequence.hide()
        self.session.act(service.withdraw_declaration, row.id, errors=self.error.show_error)

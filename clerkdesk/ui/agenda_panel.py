"""The agenda: items in order, Part II marked; the current item is chosen here."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from clerkdesk.domain.changes import Area
from clerkdesk.ui.models import AgendaTableModel
from clerkdesk.ui.open_meeting import ITEM, OPENED, OpenMeeting
from clerkdesk.ui.rows import agenda_rows
from clerkdesk.ui.widgets import KeyTableView, Panel, heading

AREAS = Area.ITEMS | Area.VOTES | ITEM | OPENED


class AgendaPanel(Panel):
    def __init__(self, meeting: OpenMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.model = AgendaTableModel(self)
        self.table = KeyTableView("Agenda items", self)
        self.table.setModel(self.model)
        self.table.stretch(1)
        self.table.setWordWrap(True)
        self.table.refit_rows_on_resize = True
        # Titles wrap rather than shrink to a few letters when the window is narrow
        # (1024 wide with the meetings list open left them 38 pixels).
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        hint = QLabel("Alt+↑/↓ moves between items from anywhere")
        hint.setEnabled(False)
        hint.setAccessibleName("Agenda keys")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading("Agenda"))
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.focus_target = self.table
        self._updating = False

    def refresh(self, areas: Area) -> None:
        if not areas & AREAS:
            return
        self._updating = True
        try:
            record = self.meeting.record
            if areas & (Area.ITEMS | Area.VOTES | OPENED) or not self.model.rows:
                self.model.set_rows(agenda_rows(record) if record else ())
                self.table.fit_rows()
            ids = [row.item_id for row in self.model.rows]
            if self.meeting.item_id in ids:
                self.table.select_row(ids.index(self.meeting.item_id))
        finally:
            self._updating = False

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._updating:
            return
        row = self.model.row_at(self.table.current_row())
        if row is not None:
            self.meeting.set_item(row.item_id)

"""The list of meetings in the database, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from clerkdesk.ui.models import MeetingsTableModel
from clerkdesk.ui.rows import meeting_rows
from clerkdesk.ui.widgets import KeyTableView, Panel, button, set_tab_order

if TYPE_CHECKING:
    from clerkdesk.persistence.meeting_list import MeetingSummary
    from clerkdesk.services.context import Desk


class MeetingsPanel(Panel):
    chosen = Signal(int)
    new_requested = Signal()
    import_requested = Signal()
    delete_requested = Signal(int)  # Delete on a meeting in the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MeetingsTableModel(self)
        self.table = KeyTableView("Meetings", self)
        self.table.setModel(self.model)
        self.table.stretch(1)
        self.table.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.key_actions = {
            Qt.Key.Key_Return: self._open_current,
            Qt.Key.Key_Enter: self._open_current,
            Qt.Key.Key_Delete: self._delete_current,
        }
        self.new_button = button("New meeting…", "New meeting", self.new_requested.emit)
        self.import_button = button("Import agenda…", "Import agenda", self.import_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.focus_target = self.table
        set_tab_order(*self.focus_chain())
        self._quiet = False

    def focus_chain(self) -> list[QWidget]:
        return [self.table, self.new_button, self.import_button]

    def reload(self, desk: Desk, current: int | None) -> None:
        from clerkdesk.services.records_io import list_meetings

        self.show_list(list_meetings(desk), current)

    def show_list(self, summaries: list[MeetingSummary], current: int | None) -> None:
        self._quiet = True
        try:
            self.model.set_rows(meeting_rows(summaries))
            self.table.resizeRowsToContents()
            self.show_current(current)
        finally:
            self._quiet = False

    def browse_only(self, browsing: bool) -> None:
        """While the database is not yet open for recording, meetings can be
        looked through and chosen, but nothing new made."""
        self.new_button.setEnabled(not browsing)
        self.import_button.setEnabled(not browsing)

    def show_current(self, meeting_id: int | None) -> None:
        ids = [row.id for row in self.model.rows]
        if meeting_id in ids:
            quiet, self._quiet = self._quiet, True
            self.table.select_row(ids.index(meeting_id))
            self._quiet = quiet

    def _selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        if not self._quiet:
            self._open_current()

    def _delete_current(self) -> None:
        row = self.model.row_at(self.table.current_row())
        if row is not None:
            self.delete_requested.emit(row.id)

    def _open_current(self) -> None:
        row = self.model.row_at(self.table.current_row())
        if row is not None:
            self.chosen.emit(row.id)

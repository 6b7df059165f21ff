"""The list of meetings in the database, newest first."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from clerkdesk.domain.errors import DomainError
from clerkdesk.ui.models import MeetingsTableModel
from clerkdesk.ui.rows import meeting_rows
from clerkdesk.ui.team_words import away_words, last_check_in_words
from clerkdesk.ui.widgets import KeyTableView, Panel, button, set_tab_order, wrapped_label

if TYPE_CHECKING:
    from clerkdesk.persistence.meeting_list import MeetingSummary
    from clerkdesk.services.context import Desk
    from clerkdesk.services.team_status import LeaseNews, TeamState


class MeetingsPanel(Panel):
    chosen = Signal(int)
    new_requested = Signal()
    import_requested = Signal()
    delete_requested = Signal(int)  # Delete on a meeting in the list
    team_requested = Signal(int)  # check the meeting out, or in (team_actions.py)
    # The list read afresh, or why it could not be (a server gone): team_actions.py.
    reloaded = Signal()
    reload_failed = Signal(object)  # the DomainError

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MeetingsTableModel(self)
        self.table = KeyTableView("Meetings", self)
        self.table.setModel(self.model)
        self.table.stretch(1)
        self.table.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.key_actions = {
            Qt.Key.Key_Return: partial(self._emit_current, self.chosen),
            Qt.Key.Key_Enter: partial(self._emit_current, self.chosen),
            Qt.Key.Key_Delete: partial(self._emit_current, self.delete_requested),
        }
        self.new_button = button("New meeting…", "New meeting", self.new_requested.emit)
        self.import_button = button("Import agenda…", "Import agenda", self.import_requested.emit)
        # On a server "Check out…", on a laptop's file "Check in"; hidden on a file
        # nothing was checked out to (set by show_team).
        self.team_button = button(
            "Check out…", "Check out or in", partial(self._emit_current, self.team_requested)
        )
        self.team_button.hide()
        # The chosen meeting's check-out, in full (its status has a word or two).
        self.away = wrapped_label("Check-out of the meeting chosen", hidden=True)
        self.last_check_in = wrapped_label("Last check-in", hidden=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.away)
        layout.addWidget(self.last_check_in)
        layout.addWidget(self.team_button)
        layout.addLayout(buttons)
        self._summaries: list[MeetingSummary] = []
        self.team: TeamState | None = None
        self.lease_news: dict[int, LeaseNews] = {}
        self.focus_target = self.table
        set_tab_order(*self.focus_chain())
        self._quiet = False

    def focus_chain(self) -> list[QWidget]:
        return [self.table, self.team_button, self.new_button, self.import_button]

    def reload(self, desk: Desk, current: int | None) -> None:
        from clerkdesk.services.records_io import list_meetings
        from clerkdesk.services.team_status import team_state

        try:
            summaries = list_meetings(desk)
            team = team_state(desk.db)
        except DomainError as error:  # the list stays as last read
            self.reload_failed.emit(error)
            return
        self.team = team
        self.show_team(on_server=not desk.db.on_file)
        self.show_list(summaries, current)
        self.reloaded.emit()

    def show_list(self, summaries: list[MeetingSummary], current: int | None) -> None:
        self._summaries = summaries
        away = away_words(self.team, self.lease_news) if self.team is not None else {}
        self._quiet = True
        try:
            self.model.set_rows(meeting_rows(summaries, away))
            self.table.resizeRowsToContents()
            self.show_current(current)
        finally:
            self._quiet = False
        self._show_away()
        titles = {s.id: f"{s.committee}, {_day(s.date)}" for s in summaries}
        words = last_check_in_words(self.team, titles) if self.team is not None else ""
        self.last_check_in.setText(words)
        self.last_check_in.setVisible(bool(words))

    def show_team(self, *, on_server: bool) -> None:
        """The check-out button: on a server, to check a meeting out to this
        computer; on a file meetings were checked out to, to check one in."""
        laptop = self.team is not None and bool(self.team.checkouts)
        self.team_button.setText(
            "Check out to this computer…" if on_server else "Check in to the server"
        )
        self.team_button.setVisible(on_server or laptop)

    def show_lease_news(self, news: dict[int, LeaseNews]) -> None:
        """What the server said of this file's check-outs (team_actions.py)."""
        self.lease_news = news
        self.show_list(self._summaries, self.current_id())

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

    def _show_away(self) -> None:
        row = self.model.row_at(self.table.current_row())
        said = row.away_said if row is not None else ""
        self.away.setText(said)
        self.away.setVisible(bool(said))

    def _selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self._show_away()
        if not self._quiet:
            self._emit_current(self.chosen)

    def current_id(self) -> int | None:
        row = self.model.row_at(self.table.current_row())
        return row.id if row is not None else None

    def _emit_current(self, signal: SignalInstance) -> None:
        """``signal`` (chosen, delete or check out/in) with the current meeting's id."""
        meeting_id = self.current_id()
        if meeting_id is not None:
            signal.emit(meeting_id)


def _day(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d %b %Y")

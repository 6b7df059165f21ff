"""The open meeting as the window sees it: its record, current item and clock.

Every change goes through :meth:`OpenMeeting.act`, which calls one service,
shows a DomainError where the clerk caused it, reloads the record and tells
the panels which areas changed so each redraws only what it must.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from clerkdesk.domain.changes import Area, UndoLabels
from clerkdesk.domain.errors import DomainError
from clerkdesk.ui.asks import Asker

if TYPE_CHECKING:
    # The records, and the rules that read them, load after the window's first
    # paint, which shows no meeting yet (see domain/terms.py).
    from clerkdesk.domain.attendance import QuorumStatus
    from clerkdesk.domain.model import MeetingRecord

    # The services (and SQLAlchemy behind them) are imported once the window has
    # painted: see clerkdesk.ui.app.
    from clerkdesk.services.context import Change, Desk
    from clerkdesk.ui.operations import Operation

ErrorSink = Callable[[str], None]
# The window's own areas, beside what the services change.
ITEM, CLOCK, OPENED = Area.CURRENT_ITEM, Area.CLOCK, Area.OPENED
EVERYTHING = Area.EVERYTHING


def now_minute() -> dt.time:
    return dt.datetime.now().time().replace(second=0, microsecond=0)


class OpenMeeting(QObject):
    refreshed = Signal(object)  # Area: what to redraw
    saved = Signal(object)  # Change, after a successful action

    def __init__(self, desk: Desk | None, asker: Asker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.asker = asker
        self.meeting_id: int | None = None
        self.record: MeetingRecord | None = None
        self.item_id: int | None = None
        # What Undo and Redo would do: read when a meeting opens, then carried
        # by each action's result (never read in a transaction of its own).
        self.undo: UndoLabels | None = None
        # The member last selected in the attendance list: the dialogs about a
        # member (declaration, member's record) open on them.
        self.person_id: int | None = None
        self._at: dt.time = now_minute()
        # The service last started, named in a problem report if one fails
        # unexpectedly (problem_handler.py); only the function is kept here.
        self.last_service: Operation | Callable[..., object] | None = None

    # The database.
    @property
    def has_desk(self) -> bool:
        """False while the window is up but the database is still being opened."""
        return self._desk is not None

    @property
    def desk(self) -> Desk:
        if self._desk is None:
            raise RuntimeError("No database is open yet.")
        return self._desk

    @desk.setter
    def desk(self, desk: Desk) -> None:
        self._desk = desk

    # The meeting and its current item.
    def open(self, meeting_id: int | None, item_id: int | None = None) -> None:
        self.meeting_id = meeting_id
        self.record = None
        self.undo = None
        self.item_id = None
        if meeting_id is not None:
            from clerkdesk.services.records_io import get_record
            from clerkdesk.services.undo import undo_state

            try:
                self.record = get_record(self.desk, meeting_id)
                self.undo = undo_state(self.desk, meeting_id)
            except DomainError as error:
                self.meeting_id = None
                self.asker.error("Cannot open the meeting", error.message)
            else:
                items = self.record.ordered_items
                known = {i.id for i in items}
                self.item_id = item_id if item_id in known else (items[0].id if items else None)
        self.refreshed.emit(EVERYTHING)

    def reload(self, areas: Area, record: MeetingRecord | None = None) -> None:
        """Show ``record`` (an action's result: the record as it left it), or the
        meeting read again."""
        if self.meeting_id is None:
            self.refreshed.emit(areas)
            return
        if record is None or record.meeting_id != self.meeting_id:
            from clerkdesk.services.records_io import get_record

            record = get_record(self.desk, self.meeting_id)
        self.record = record
        if self.item_id is not None and self.item_id not in {i.id for i in self.record.items}:
            items = self.record.ordered_items
            self.item_id = items[0].id if items else None
            areas |= ITEM
        self.refreshed.emit(areas)

    def set_item(self, item_id: int | None) -> None:
        if item_id != self.item_id:
            self.item_id = item_id
            self.refreshed.emit(ITEM)

    def move_item(self, step: int) -> None:
        if self.record is None or not self.record.items:
            return
        ids = [i.id for i in self.record.ordered_items]
        index = ids.index(self.item_id) if self.item_id in ids else 0
        self.set_item(ids[max(0, min(len(ids) - 1, index + step))])

    # The meeting clock: arrivals, departures and votes are stamped with it.
    @property
    def at(self) -> dt.time:
        return self._at

    def set_at(self, value: dt.time) -> None:
        value = value.replace(second=0, microsecond=0)
        if value != self._at:
            self._at = value
            self.refreshed.emit(CLOCK)

    def quorum(self) -> QuorumStatus | None:
        if self.record is None:
            return None
        from clerkdesk.domain.attendance import quorum_at

        return quorum_at(self.record, self._at, self.item_id)

    # Changes.
    def act(self, operation: Operation, errors: ErrorSink | None = None) -> Change | None:
        """Run one operation on the open meeting; on a DomainError show it and return None.

        On approved minutes a correctable operation is made as a correction, once
        the clerk has given the reason."""
        report: ErrorSink = errors or (lambda message: self.asker.error("Not saved", message))
        if self.meeting_id is None or self.record is None:
            report("Open a meeting first.")
            return None
        correction = None
        if self.record.is_locked and operation.correctable:
            reason = self.asker.correction_reason()
            if reason is None:
                return None
            from clerkdesk.services.context import Correction

            correction = Correction(reason)
        self.last_service = operation
        try:
            change = operation.run(self.desk, self.meeting_id, correction)
        except DomainError as error:
            report(error.message)
            return None
        if change.undo is not None:
            self.undo = change.undo
        self.saved.emit(change)
        self.reload(change.areas, change.record)
        return change

    def call(self, work: Callable[[], Change], errors: ErrorSink | None = None) -> Change | None:
        """Run a service call that is not meeting-scoped (creating a meeting, importing)."""
        report: ErrorSink = errors or (lambda message: self.asker.error("Not saved", message))
        self.last_service = work
        try:
            change = work()
        except DomainError as error:
            report(error.message)
            return None
        self.saved.emit(change)
        return change

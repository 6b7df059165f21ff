"""Search every meeting, and a member's attendance and declarations over time."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.ui.background import Task
from clerkdesk.ui.models import HistoryModel, SearchHitsModel
from clerkdesk.ui.rows import by_surname
from clerkdesk.ui.widgets import KeyTableView, TitledDialog, line_edit, set_tab_order

if TYPE_CHECKING:
    from clerkdesk.persistence.database import Database
    from clerkdesk.services.lookups import HistoryRow, SearchHit

OpenMeeting = Callable[[int, int | None], None]


class SearchDialog(TitledDialog):
    """Search runs on the thread pool, so a slow search never stops the window;
    one search runs at a time, and a newer one replaces any still waiting."""

    search_done = Signal()  # the latest search's hits, or why it failed, are shown

    def __init__(self, db: Database, open_meeting: OpenMeeting, parent: QWidget | None = None):
        super().__init__("Search all meetings", parent)
        self.db = db
        self.open_meeting = open_meeting

        self.query = line_edit("", "Search words", "Words in items, recommendations and minutes")
        self.query.setClearButtonEnabled(True)
        self.hits = SearchHitsModel(self)
        self.hit_table = KeyTableView("Search results", self)
        self.hit_table.setModel(self.hits)
        self.hit_table.stretch(4)
        self.hit_table.activated.connect(lambda index: self._open(self.hits.row_at(index.row())))
        self.count = QLabel()
        self.count.setAccessibleName("Number of results")
        self.typing_pause = QTimer(self)
        self.typing_pause.setSingleShot(True)
        self.typing_pause.setInterval(200)
        self.typing_pause.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self.typing_pause.start())
        self._running: Task | None = None  # one search at a time
        self._waiting: str | None = None
        self._latest = 0  # the number of the newest search asked for
        self._answering = 0  # the number of the search running
        self._select_first = False
        self.query.returnPressed.connect(self._first_hit)
        search_tab = QWidget()
        layout = QVBoxLayout(search_tab)
        layout.addWidget(self.query)
        layout.addWidget(self.hit_table, 1)
        layout.addWidget(self.count)

        self.member = QComboBox()
        self.member.setAccessibleName("Member")
        from clerkdesk.services.lookups import list_councillors

        for person in sorted(list_councillors(db), key=lambda p: by_surname(p.name)):
            self.member.addItem(person.name, person.id)
        self.member.currentIndexChanged.connect(lambda _i: self.show_history())
        self.history = HistoryModel(self)
        self.history_table = KeyTableView("Member's history", self)
        self.history_table.setModel(self.history)
        self.history_table.stretch(2)
        self.history_table.activated.connect(
            lambda index: self._open(self.history.row_at(index.row()))
        )
        member_tab = QWidget()
        member_layout = QVBoxLayout(member_tab)
        row = QHBoxLayout()
        label = QLabel("&Member:")
        label.setBuddy(self.member)
        row.addWidget(label)
        row.addWidget(self.member, 1)
        member_layout.addLayout(row)
        member_layout.addWidget(self.history_table, 1)

        set_tab_order(self.query, self.hit_table)
        set_tab_order(self.member, self.history_table)
        self.tabs = QTabWidget()
        self.tabs.addTab(search_tab, "&Text")
        self.tabs.addTab(member_tab, "Member's &record")
        hint = QLabel("Enter or double-click opens the meeting at that item.")
        hint.setEnabled(False)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        outer.addWidget(hint)
        self.resize(900, 520)
        self.show_history()

    @property
    def searching(self) -> bool:
        return self._running is not None

    def run_search(self) -> None:
        """Search for what is typed, in the background; the hits arrive by signal."""
        self._latest += 1
        if self._running is not None:
            # SQLite cannot drop a query half-way through from here; the running
            # one (bounded by the search limits) finishes and its answer is dropped.
            self._waiting = self.query.text()
            return
        self._start(self.query.text())

    def _start(self, words: str) -> None:
        task = Task(lambda: _search(self.db, words))
        task.signals.finished.connect(self._found)
        task.signals.failed.connect(self._failed)
        self._running, self._answering = task, self._latest
        self.count.setText("Searching…")
        QThreadPool.globalInstance().start(task)

    def _next(self) -> bool:
        """Start the search that waited, if any; whether the one that answered is the latest."""
        latest = self._answering == self._latest
        self._running = None
        if self._waiting is not None:
            words, self._waiting = self._waiting, None
            self._start(words)
        return latest

    def _found(self, hits: list[SearchHit]) -> None:
        if not self._next():
            return
        self.hits.set_rows(hits)
        n = len(self.hits.rows)
        self.count.setText(f"{n} result{'s' if n != 1 else ''}" if self.query.text() else "")
        if self._select_first:
            self._select_first = False
            self._select_first_hit()
        self.search_done.emit()

    def _failed(self, error: BaseException) -> None:
        from clerkdesk.services import lookups

        if not self._next():
            return
        self._select_first = False
        self.hits.set_rows([])
        # A damaged or busy file reaches the clerk as words too.
        too_long = isinstance(error, lookups.SearchTooLong)
        self.count.setText(str(error) if too_long else f"The search failed: {error}")
        self.search_done.emit()

    def _first_hit(self) -> None:
        if self.typing_pause.isActive():
            self.typing_pause.stop()
            self.run_search()
        if self.searching:
            self._select_first = True
        else:
            self._select_first_hit()

    def _select_first_hit(self) -> None:
        if self.hits.rows:
            self.hit_table.select_row(0)
            self.hit_table.setFocus()

    def _open(self, row: SearchHit | HistoryRow | None) -> None:
        """The meeting of a hit or of a line of the member's record, at its item."""
        if row is not None:
            self.open_meeting(row.meeting_id, row.item_id)

    def show_member(self, person_id: int | None) -> None:
        """Show ``person_id``'s record (if they are in the list)."""
        index = self.member.findData(person_id) if person_id is not None else -1
        if index >= 0:
            self.member.setCurrentIndex(index)

    def show_history(self) -> None:
        from clerkdesk.services.lookups import member_history

        person = self.member.currentData()
        self.history.set_rows(member_history(self.db, int(person)) if person else [])


def _search(db: Database, words: str) -> list[SearchHit]:
    """On a worker thread. Looked up when run, not imported by name, so that
    there is one search function."""
    from clerkdesk.services import lookups

    return lookups.search(db, words)

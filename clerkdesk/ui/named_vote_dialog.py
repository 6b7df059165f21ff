"""A recorded (named) vote, entered as clerks write it: all for, except …"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.model import MeetingRecord, Tally, VoteOption
from clerkdesk.domain.voting import voter_roll
from clerkdesk.ui.widgets import TitledDialog, ok_cancel, set_tab_order

WORDS = {VoteOption.YES: "For", VoteOption.NO: "Against", VoteOption.ABSTAIN: "Abstain"}
KEYS = {
    Qt.Key.Key_F: VoteOption.YES,
    Qt.Key.Key_1: VoteOption.YES,
    Qt.Key.Key_A: VoteOption.NO,
    Qt.Key.Key_2: VoteOption.NO,
    Qt.Key.Key_B: VoteOption.ABSTAIN,
    Qt.Key.Key_3: VoteOption.ABSTAIN,
}


class NamedVoteTable(QTableWidget):
    """F/A/B (or 1/2/3) set the current member's vote and move down; Space cycles."""

    def __init__(self, rows: int, dialog: NamedVoteDialog) -> None:
        super().__init__(rows, 2, dialog)
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        option = KEYS.get(Qt.Key(event.key()))
        if option is not None and row >= 0:
            self.dialog.set_option(row, option)
            self.setCurrentCell(min(row + 1, self.rowCount() - 1), 0)
            return
        if event.key() == Qt.Key.Key_Space and row >= 0:
            self.dialog.cycle(row)
            return
        super().keyPressEvent(event)


class NamedVoteDialog(TitledDialog):
    def __init__(
        self, record: MeetingRecord, item_id: int, at: dt.time, parent: QWidget | None = None
    ) -> None:
        super().__init__("Named vote", parent)
        roll = voter_roll(record, item_id, at)
        self.people = list(roll.eligible)
        self.options = [VoteOption.YES for _ in self.people]
        intro = QLabel(
            "Everyone entitled to vote is counted <b>for</b>; mark the exceptions.<br>"
            "Keys: F or 1 for · A or 2 against · B or 3 abstain · Space cycles."
        )
        intro.setWordWrap(True)
        self.table = NamedVoteTable(len(self.people), self)
        self.table.setAccessibleName("Members voting")
        self.table.setHorizontalHeaderLabels(["Member", "Vote"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, person_id in enumerate(self.people):
            self.table.setItem(row, 0, QTableWidgetItem(record.name_of(person_id)))
            self.table.setItem(row, 1, QTableWidgetItem())
            self._show(row)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.cycle(row))
        if self.people:
            self.table.setCurrentCell(0, 0)
        self.summary = QLabel()
        self.summary.setAccessibleName("Named vote totals")
        if roll.excluded:
            barred = "; ".join(f"{record.name_of(e.person_id)} {e.reason}" for e in roll.excluded)
            excluded = QLabel(f"Not voting: {barred}")
            excluded.setWordWrap(True)
            excluded.setEnabled(False)
        buttons = ok_cancel(self, "Record named vote")
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        if roll.excluded:
            layout.addWidget(excluded)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        set_tab_order(self.table, *buttons.buttons())
        self.resize(460, 520)
        self._update_summary()

    def _show(self, row: int) -> None:
        cell = self.table.item(row, 1)
        if cell is not None:
            cell.setText(WORDS[self.options[row]])

    def set_option(self, row: int, option: VoteOption) -> None:
        self.options[row] = option
        self._show(row)
        self._update_summary()

    def cycle(self, row: int) -> None:
        order = [VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN]
        self.set_option(row, order[(order.index(self.options[row]) + 1) % 3])

    def _update_summary(self) -> None:
        tally = Tally.from_named(zip(self.people, self.options, strict=True))
        self.summary.setText(
            f"{tally.yes} for, {tally.no} against, {tally.abstain} abstaining"
            + (" – tied: the casting vote will be asked for" if tally.is_tie else "")
        )

    def exceptions(self) -> dict[int, VoteOption]:
        return {
            person_id: option
            for person_id, option in zip(self.people, self.options, strict=True)
            if option is not VoteOption.YES
        }

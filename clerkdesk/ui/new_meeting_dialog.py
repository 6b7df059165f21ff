"""A new meeting of an existing committee, its attendance taken from the membership."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QWidget,
)

from clerkdesk.ui.widgets import TitledDialog, line_edit, ok_cancel, set_tab_order

if TYPE_CHECKING:
    from clerkdesk.services.lookups import CommitteeSummary


@dataclass(frozen=True, slots=True)
class NewMeetingInput:
    committee_id: int
    date: dt.date
    start_time: dt.time
    venue: str


def qdate_to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def qtime_to_time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


class NewMeetingDialog(TitledDialog):
    def __init__(self, committees: list[CommitteeSummary], parent: QWidget | None = None) -> None:
        super().__init__("New meeting", parent)
        self.committee = QComboBox()
        self.committee.setAccessibleName("Committee")
        for c in committees:
            self.committee.addItem(c.label, c.id)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd MMM yyyy")
        self.date.setAccessibleName("Meeting date")
        self.time = QTimeEdit(QTime(10, 0))
        self.time.setDisplayFormat("HH.mm")
        self.time.setAccessibleName("Start time")
        self.venue = line_edit("", "Venue")
        buttons = ok_cancel(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(committees))
        form = QFormLayout(self)
        if not committees:
            form.addRow(QLabel("There are no committees yet: import an agenda first."))
        form.addRow("&Committee:", self.committee)
        form.addRow("&Date:", self.date)
        form.addRow("&Start time:", self.time)
        form.addRow("&Venue:", self.venue)
        form.addRow(buttons)
        set_tab_order(
            self.committee,
            self.date,
            self.time,
            self.venue,
            *buttons.buttons(),
        )
        self.resize(520, 0)

    def value(self) -> NewMeetingInput | None:
        if self.committee.currentData() is None:
            return None
        return NewMeetingInput(
            int(self.committee.currentData()),
            qdate_to_date(self.date.date()),
            qtime_to_time(self.time.time()),
            self.venue.text().strip(),
        )

"""The meeting's details: date, start time, venue, quorum and the chair's title.

The quorum box runs from 1 to the committee's voting members (the domain's
rule, clerkdesk.domain.membership), so a quorum no meeting could reach cannot
be typed; the service checks it again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from clerkdesk.domain.membership import voting_members
from clerkdesk.domain.model import ChairStyle, MeetingRecord
from clerkdesk.ui.new_meeting_dialog import qdate_to_date, qtime_to_time
from clerkdesk.ui.widgets import TitledDialog, line_edit, ok_cancel


@dataclass(frozen=True, slots=True)
class MeetingDetailsInput:
    date: dt.date
    start_time: dt.time
    venue: str
    quorum: int
    chair_style: ChairStyle


class MeetingDetailsDialog(TitledDialog):
    def __init__(self, record: MeetingRecord, parent: QWidget | None = None) -> None:
        super().__init__("Meeting details", parent)
        self.date = QDateEdit(QDate(record.date.year, record.date.month, record.date.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd MMM yyyy")
        self.date.setAccessibleName("Meeting date")
        start = record.start_time or dt.time(10, 0)
        self.time = QTimeEdit(QTime(start.hour, start.minute))
        self.time.setDisplayFormat("HH.mm")
        self.time.setAccessibleName("Start time")
        self.venue = line_edit(record.venue, "Venue")
        voting = voting_members(record)
        self.quorum = QSpinBox()
        self.quorum.setRange(1, max(1, voting))
        self.quorum.setValue(min(max(1, record.quorum), max(1, voting)))
        self.quorum.setAccessibleName("Quorum")
        self.chair_style = QComboBox()
        self.chair_style.setAccessibleName("Chair's title")
        for style in ChairStyle:
            self.chair_style.addItem(style.value, style)
        self.chair_style.setCurrentIndex(list(ChairStyle).index(record.chair_style))
        form = QFormLayout(self)
        form.addRow("&Date:", self.date)
        form.addRow("&Start time:", self.time)
        form.addRow("&Venue:", self.venue)
        form.addRow("&Quorum:", self.quorum)
        hint = QLabel(
            f"From 1 to the {voting} voting members of the committee."
            + (
                f" It was {record.quorum}, more than can ever be present."
                if record.quorum > voting
                else ""
            )
        )
        hint.setWordWrap(True)
        hint.setAccessibleName("Quorum rule")
        form.addRow("", hint)
        form.addRow("&Chair's title:", self.chair_style)
        form.addRow(ok_cancel(self))
        self.quorum.setFocus()
        self.resize(460, 0)

    def value(self) -> MeetingDetailsInput:
        return MeetingDetailsInput(
            qdate_to_date(self.date.date()),
            qtime_to_time(self.time.time()),
            self.venue.text().strip(),
            self.quorum.value(),
            ChairStyle(self.chair_style.currentData()),
        )

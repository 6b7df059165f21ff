"""Approving the minutes: who signed them, and on which day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.ui.new_meeting_dialog import qdate_to_date
from clerkdesk.ui.widgets import ErrorLabel, TitledDialog, line_edit, ok_cancel


@dataclass(frozen=True, slots=True)
class Approval:
    signed_by: str
    on: dt.date


class ApprovalDialog(TitledDialog):
    """The minutes are usually approved at the next meeting, not the day they
    are typed up: the date is the clerk's to enter, from the meeting's own day
    to today (the service refuses any other)."""

    def __init__(self, presiding: str, meeting_date: dt.date, parent: QWidget | None = None):
        super().__init__("Approve minutes", parent)
        intro = QLabel(
            "Once approved, the record is locked: later changes are corrections, "
            "each with its reason."
        )
        intro.setWordWrap(True)
        self.signed_by = line_edit(presiding, "Signed by")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setAccessibleName("Date approved")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd MMMM yyyy")
        first = QDate(meeting_date.year, meeting_date.month, meeting_date.day)
        self.date.setDateRange(first, QDate.currentDate())
        self.error = ErrorLabel("Why the minutes cannot be approved yet", self)
        form = QFormLayout()
        form.addRow("&Signed as a correct record by:", self.signed_by)
        form.addRow("&Approved on:", self.date)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        if not self.value().signed_by:
            self.error.show_error("Name the person presiding who signed the minutes.")
            self.signed_by.setFocus()
            return
        super().accept()

    def value(self) -> Approval:
        return Approval(" ".join(self.signed_by.text().split()), qdate_to_date(self.date.date()))

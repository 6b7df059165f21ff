"""Meeting › Minutes details: how these minutes are set out.

The kind of body ("MEMBERS OF THE PANEL"), the order members are listed in,
when the meeting closed, the clerk (in whose name corrections are made) and the
proper officer's line. Later meetings of the committee start with the same.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QWidget,
)

from clerkdesk.domain.minutes_details import MinutesDetails
from clerkdesk.domain.model import BodyKind, MeetingRecord, MemberOrder
from clerkdesk.ui.widgets import TitledDialog, line_edit, ok_cancel, set_tab_order, wrapped_label

_ORDERS = {
    MemberOrder.SURNAME: "By surname (a substitute under their own name)",
    MemberOrder.COMMITTEE: "In the committee's own order",
}


def closing_time(text: str) -> dt.time | None:
    """ "12.45", "12:45" or "1245" on the 24-hour clock; "" for not recorded.

    Raises ValueError with what to type instead.
    """
    digits = text.strip().replace(".", ":")
    if not digits:
        return None
    if ":" not in digits and len(digits) in (3, 4) and digits.isdigit():
        digits = f"{digits[:-2]}:{digits[-2:]}"
    try:
        hour, minute = (int(part) for part in digits.split(":"))
        return dt.time(hour, minute)
    except ValueError:
        raise ValueError(
            f"“{text.strip()}” is not a time: type when the meeting closed on the 24-hour "
            "clock, such as 12.45 or 15.10, or leave it empty."
        ) from None


class MinutesDetailsDialog(TitledDialog):
    def __init__(self, record: MeetingRecord, parent: QWidget | None = None) -> None:
        super().__init__("Minutes details", parent)
        self.body = QComboBox()
        self.body.setAccessibleName("Kind of body")
        self.body.addItem(f"As its name says ({BodyKind.from_name(record.committee).value})", None)
        for kind in BodyKind:
            self.body.addItem(kind.value, kind)
        self.body.setCurrentIndex(max(0, self.body.findData(record.body_kind)))
        self.order = QComboBox()
        self.order.setAccessibleName("Order members are listed in")
        for order, label in _ORDERS.items():
            self.order.addItem(label, order)
        self.order.setCurrentIndex(self.order.findData(record.member_order))
        closed = f"{record.closed_at:%H.%M}" if record.closed_at else ""
        self.closed_at = line_edit(closed, "Time the meeting closed", "e.g. 12.45")
        self.clerk = line_edit(record.clerk_name, "Clerk's name", "corrections are made in it")
        self.officer = line_edit(record.proper_officer, "Proper officer's name")
        self.officer_title = line_edit(record.proper_officer_title, "Proper officer's title")
        self.problem = wrapped_label("Problem", hidden=True)
        form = QFormLayout(self)
        form.addRow("&Body (MEMBERS OF THE …):", self.body)
        form.addRow("&List members:", self.order)
        form.addRow("Meeting &closed at:", self.closed_at)
        form.addRow("C&lerk's name:", self.clerk)
        form.addRow("&Proper officer:", self.officer)
        form.addRow("Proper officer's &title:", self.officer_title)
        form.addRow(self.problem)
        form.addRow(ok_cancel(self))
        set_tab_order(
            self.body, self.order, self.closed_at, self.clerk, self.officer, self.officer_title
        )

    def value(self) -> MinutesDetails:
        """The details as typed. Raises ValueError for a closing time that is not a time."""
        return MinutesDetails(
            body_kind=self.body.currentData(),
            member_order=self.order.currentData(),
            closed_at=closing_time(self.closed_at.text()),
            clerk_name=self.clerk.text().strip() or None,
            proper_officer=self.officer.text().strip() or None,
            proper_officer_title=self.officer_title.text().strip() or None,
        )

    def accept(self) -> None:
        try:
            self.value()
        except ValueError as error:  # said in the dialog; nothing typed is lost
            self.problem.setText(str(error))
            self.problem.show()
            self.closed_at.setFocus()
            return
        super().accept()

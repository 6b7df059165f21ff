"""Building and laying out the import preview dialog's fields, tables and buttons."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.ui.widgets import line_edit, set_tab_order

if TYPE_CHECKING:
    from clerkdesk.importing import ParsedAgenda
    from clerkdesk.ui.import_preview import ImportPreviewDialog


def build_header(self: ImportPreviewDialog, parsed: ParsedAgenda) -> None:
    self.organisation = line_edit(parsed.organisation, "Organisation")
    self.committee = line_edit(parsed.committee, "Committee")
    when = parsed.date
    self.date = QDateEdit(QDate(when.year, when.month, when.day) if when else QDate.currentDate())
    self.date.setDisplayFormat("dd MMM yyyy")
    self.date.setCalendarPopup(True)
    self.date.setAccessibleName("Meeting date")
    start = parsed.time or dt.time(10, 0)
    self.time = QTimeEdit(QTime(start.hour, start.minute))
    self.time.setDisplayFormat("HH.mm")
    self.time.setAccessibleName("Start time")
    self.venue = line_edit(parsed.venue, "Venue")
    self.quorum = QSpinBox()
    self.quorum.setRange(1, 99)
    self.quorum.setValue(parsed.quorum or 3)
    self.quorum.setAccessibleName("Quorum")
    # A quorum worked out from a rule ("one third ..., or three") is the parser's
    # arithmetic: the clerk ticks it once checked. Hidden when the paper gives a number.
    self.quorum_confirmed = QCheckBox("Quorum confirmed")
    self.quorum_confirmed.setAccessibleName("Quorum confirmed")
    self.quorum_confirmed.setToolTip(parsed.quorum_inferred or "")
    self.quorum_confirmed.setVisible(parsed.quorum_inferred is not None)


def lay_out(self: ImportPreviewDialog, parsed: ParsedAgenda) -> None:
    form = QGridLayout()
    fields: list[tuple[str, QWidget, int, int]] = [
        ("&Organisation:", self.organisation, 0, 0),
        ("&Committee:", self.committee, 1, 0),
        ("&Venue:", self.venue, 2, 0),
        ("&Date:", self.date, 0, 2),
        ("Start &time:", self.time, 1, 2),
        ("&Quorum:", self.quorum, 2, 2),
    ]
    for text, field, row, column in fields:
        label = QLabel(text)
        label.setBuddy(field)
        form.addWidget(label, row, column)
        form.addWidget(field, row, column + 1)
    form.addWidget(self.quorum_confirmed, 2, 4)
    form.setColumnStretch(1, 1)
    form.setColumnMinimumWidth(2, 90)

    members_box = _section("<b>Members</b>", self.members, self.add_member, self.delete_member)
    items_box = _section(
        "<b>Agenda items</b> (Part I public, II exempt; Para is the Schedule 12A paragraph)",
        self.items,
        self.add_item,
        self.delete_item,
    )
    recs_box = _section(self.rec_heading, self.recommendations, self.add_rec, self.delete_rec)
    right = QSplitter(Qt.Orientation.Vertical)
    right.addWidget(items_box)
    right.addWidget(recs_box)
    right.setStretchFactor(0, 3)
    right.setStretchFactor(1, 2)
    right.setChildrenCollapsible(False)
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(members_box)
    split.addWidget(right)
    split.setStretchFactor(0, 1)
    split.setStretchFactor(1, 2)
    split.setChildrenCollapsible(False)
    # Room for "C B Wyatt-Lowe" beside its role at 1024 wide (300 left "C...").
    split.setSizes([400, 800])

    layout = QVBoxLayout(self)
    layout.addLayout(form)
    if parsed.warnings:
        warn = QLabel("Check: " + " ".join(parsed.warnings))
        warn.setWordWrap(True)
        warn.setAccessibleName("Import warnings")
        layout.addWidget(warn)
    layout.addWidget(split, 1)
    layout.addWidget(self.notice)
    layout.addWidget(self.error)
    layout.addWidget(self.buttons)
    # Tab moves between cells inside the tables (they are grids to edit);
    # Ctrl+Tab leaves a table.
    set_tab_order(
        self.organisation,
        self.committee,
        self.venue,
        self.date,
        self.time,
        self.quorum,
        self.quorum_confirmed,
        self.members,
        self.add_member,
        self.delete_member,
        self.items,
        self.add_item,
        self.delete_item,
        self.recommendations,
        self.add_rec,
        self.delete_rec,
        self.buttons.button(QDialogButtonBox.StandardButton.Save),
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
    )
    self.resize(1200, 680)


def _section(
    heading: str | QLabel, table: QTableWidget, add: QPushButton, delete: QPushButton
) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    label = heading if isinstance(heading, QLabel) else QLabel(heading)
    label.setWordWrap(True)
    layout.addWidget(label)
    layout.addWidget(table, 1)
    row = QHBoxLayout()
    row.addWidget(add)
    row.addWidget(delete)
    row.addStretch(1)
    layout.addLayout(row)
    return box

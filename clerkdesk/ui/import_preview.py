"""Import agenda: the parsed agenda shown as an editable preview before saving."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from clerkdesk.importing import ParsedAgenda
    from clerkdesk.ui.main_window import MainWindow
    from clerkdesk.ui.meeting_session import MeetingSession

from clerkdesk.ui.new_meeting_dialog import qdate_to_date, qtime_to_time
from clerkdesk.ui.widgets import set_tab_order

ROLES = ("chair", "vice-chair", "member")


class ImportPreviewDialog(QDialog):
    def __init__(self, parsed: ParsedAgenda, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parsed = parsed
        self.setWindowTitle("Import agenda – check before saving")
        self.setAccessibleName("Import agenda preview")
        self.organisation = QLineEdit(parsed.organisation or "")
        self.organisation.setAccessibleName("Organisation")
        self.committee = QLineEdit(parsed.committee or "")
        self.committee.setAccessibleName("Committee")
        self.date = QDateEdit(QDate(parsed.date) if parsed.date else QDate.currentDate())
        self.date.setDisplayFormat("dd MMM yyyy")
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName("Meeting date")
        start = parsed.time or dt.time(10, 0)
        self.time = QTimeEdit(QTime(start.hour, start.minute))
        self.time.setDisplayFormat("HH.mm")
        self.time.setAccessibleName("Start time")
        self.venue = QLineEdit(parsed.venue or "")
        self.venue.setAccessibleName("Venue")
        self.quorum = QSpinBox()
        self.quorum.setRange(1, 99)
        self.quorum.setValue(parsed.quorum or 3)
        self.quorum.setAccessibleName("Quorum")

        self.members = self._table(
            "Members", ["Name", "Role"], [[m.name, m.role] for m in parsed.members]
        )
        self.items = self._table(
            "Agenda items",
            ["No.", "Title", "Part", "Para", "Recs"],
            [
                [
                    i.number,
                    i.title,
                    str(i.part),
                    str(i.exempt_paragraph or ""),
                    str(len(i.recommendations)),
                ]
                for i in parsed.items
            ],
        )
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        form = QFormLayout()
        form.addRow("&Organisation:", self.organisation)
        form.addRow("&Committee:", self.committee)
        form.addRow("&Date:", self.date)
        form.addRow("&Start time:", self.time)
        form.addRow("&Venue:", self.venue)
        form.addRow("&Quorum:", self.quorum)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if parsed.warnings:
            warn = QLabel("Check: " + " ".join(parsed.warnings))
            warn.setWordWrap(True)
            layout.addWidget(warn)
        layout.addWidget(QLabel("<b>Members</b> (Part: 1 public, 2 exempt; edit any cell)"))
        layout.addWidget(self.members, 1)
        layout.addWidget(QLabel("<b>Agenda</b>"))
        layout.addWidget(self.items, 2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Tab moves between cells inside the two tables (it is a grid to edit);
        # Ctrl+Tab leaves a table.
        set_tab_order(
            self.organisation,
            self.committee,
            self.date,
            self.time,
            self.venue,
            self.quorum,
            self.members,
            self.items,
            buttons.button(QDialogButtonBox.StandardButton.Save),
            buttons.button(QDialogButtonBox.StandardButton.Cancel),
        )
        self.resize(820, 700)

    def _table(self, name: str, headers: list[str], rows: list[list[str]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers), self)
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _cell(self, table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    def value(self) -> ParsedAgenda:
        members = []
        for r, member in enumerate(self.parsed.members):
            role: Any = self._cell(self.members, r, 1).lower()
            members.append(
                replace(
                    member,
                    name=self._cell(self.members, r, 0) or member.name,
                    role=role if role in ROLES else member.role,
                )
            )
        items = []
        for r, item in enumerate(self.parsed.items):
            part: Any = 2 if self._cell(self.items, r, 2) == "2" else 1
            para = self._cell(self.items, r, 3)
            items.append(
                replace(
                    item,
                    number=self._cell(self.items, r, 0) or item.number,
                    title=self._cell(self.items, r, 1) or item.title,
                    part=part,
                    exempt_paragraph=int(para) if part == 2 and para.isdigit() else None,
                )
            )
        return replace(
            self.parsed,
            organisation=self.organisation.text().strip() or None,
            committee=self.committee.text().strip() or None,
            date=qdate_to_date(self.date.date()),
            time=qtime_to_time(self.time.time()),
            venue=self.venue.text().strip() or None,
            quorum=self.quorum.value(),
            members=tuple(members),
            items=tuple(items),
        )


def run_import(window: MainWindow, session: MeetingSession) -> int | None:
    """Choose a file, parse it, show the preview, save it; the new meeting's id."""
    asker = session.asker
    try:
        from clerkdesk.importing import SUPPORTED_SUFFIXES, DocumentError, parse_agenda_file
    except ImportError:
        asker.info("Import not available", "Importing agendas is not part of this build yet.")
        return None
    patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
    path = asker.open_path("Import agenda", f"Agendas ({patterns});;All files (*)")
    if path is None:
        return None
    try:
        parsed = parse_agenda_file(path)
    except DocumentError as error:
        asker.error("Cannot import the agenda", str(error))
        return None
    dialog = ImportPreviewDialog(parsed, window)
    if not dialog.exec():
        return None
    try:
        from clerkdesk.services.importing import import_agenda
    except ImportError:
        asker.info(
            "Import not available", "Saving an imported agenda is not part of this build yet."
        )
        return None
    from clerkdesk.domain.errors import DomainError

    try:
        result = import_agenda(session.desk, dialog.value())
    except DomainError as error:
        asker.error("The agenda was not saved", error.message)
        return None
    if result.notes:
        asker.info("Agenda imported", "\n".join(result.notes))
    return int(result.meeting_id)

"""Import agenda: the parsed agenda shown as an editable preview before saving."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QWidget,
)

from clerkdesk.importing.model import ParsedItem, ParsedMember, ParsedRecommendation
from clerkdesk.ui.import_preview_layout import build_header, lay_out
from clerkdesk.ui.import_preview_tables import (
    PARAGRAPHS,
    PART_LABELS,
    ROLES,
    VOTING,
    Check,
    ComboDelegate,
    append_row,
    ask_to_confirm,
    button,
    cell,
    check,
    make_table,
    nothing_to_confirm,
    parse_paragraph,
    parse_part,
    unconfirmed,
)
from clerkdesk.ui.new_meeting_dialog import qdate_to_date, qtime_to_time
from clerkdesk.ui.widgets import NOTICE_STYLE, ErrorLabel, wrapped_label

if TYPE_CHECKING:
    from clerkdesk.importing import ParsedAgenda
    from clerkdesk.ui.main_window import MainWindow
    from clerkdesk.ui.open_meeting import OpenMeeting

__all__ = ["ROLES", "ImportPreviewDialog", "run_import"]

NUMBER, TITLE, PART, PARA, RECS, CONFIRMED = range(6)
NAME, ROLE, VOTES, ROLE_CONFIRMED = range(4)
LABEL, TEXT = range(2)


def _part_label(part: int) -> str:
    return PART_LABELS[1] if part == 2 else PART_LABELS[0]


def _edit(table: QTableWidget, row: int, column: int) -> None:
    """Make the cell current and start editing it."""
    table.setCurrentCell(row, column)
    item = table.item(row, column)
    if item is not None:
        table.editItem(item)


def _voting(member: ParsedMember) -> str:
    return "yes" if member.voting else "no"


class ImportPreviewDialog(QDialog):
    # Made by build_header().
    organisation: QLineEdit
    committee: QLineEdit
    date: QDateEdit
    time: QTimeEdit
    venue: QLineEdit
    quorum: QSpinBox
    quorum_confirmed: QCheckBox

    def __init__(
        self,
        parsed: ParsedAgenda,
        parent: QWidget | None = None,
        *,
        as_read: ParsedAgenda | None = None,
        refused: str | None = None,
    ) -> None:
        """``parsed`` is what the preview shows. Reopened after the agenda was
        refused, it shows the clerk's corrections, ``as_read`` is the agenda as
        first read (what Escape would go back to) and ``refused`` says why it
        was not saved, until the clerk saves again."""
        super().__init__(parent)
        self.parsed = parsed
        self.setWindowTitle("Import agenda – check before saving")
        self.setAccessibleName("Import agenda preview")
        build_header(self, parsed)

        # Each member row keeps what the table does not show (co-opted), as for items.
        self._member_bases: list[ParsedMember | None] = list(parsed.members)
        self.members = make_table(
            self,
            "Members",
            ["Name", "Role", "Voting", "Checked"],  # short: names need the room
            [[m.name, m.role, _voting(m), ""] for m in parsed.members],
        )
        for row, member in enumerate(parsed.members):
            if member.role_inferred:
                why = f"the paper gives {member.name} a title, not a role"
                ask_to_confirm(
                    self.members,
                    row,
                    ROLE_CONFIRMED,
                    why,
                    tooltip=f"Taken as {member.role} because {why}. Tick once you have checked it.",
                )
            nothing_to_confirm(self.members, row, ROLE_CONFIRMED)
        self.members.setItemDelegateForColumn(ROLE, ComboDelegate(ROLES, self.members))
        self.members.setItemDelegateForColumn(VOTES, ComboDelegate(VOTING, self.members))
        self.members.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)

        # Each item row keeps what the table does not show (report, officer) and
        # its recommendations, in lists parallel to the table's rows.
        self._bases: list[ParsedItem | None] = list(parsed.items)
        self._recs: list[list[ParsedRecommendation]] = [
            list(i.recommendations) for i in parsed.items
        ]
        self._rec_row = -1
        self.items = make_table(
            self,
            "Agenda items",
            ["No.", "Title", "Part", "Para", "Recs", "Checked"],
            [
                [
                    i.number,
                    i.title,
                    _part_label(i.part),
                    str(i.exempt_paragraph or ""),
                    str(len(i.recommendations)),
                    "",
                ]
                for i in parsed.items
            ],
        )
        for row, parsed_item in enumerate(parsed.items):
            if parsed_item.confirm_part:
                ask_to_confirm(self.items, row, CONFIRMED, parsed_item.confirm_part)
        self.items.setItemDelegateForColumn(PART, ComboDelegate(PART_LABELS, self.items))
        self.items.setItemDelegateForColumn(PARA, ComboDelegate(PARAGRAPHS, self.items))
        self.items.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for row in range(self.items.rowCount()):
            self._fix_item_flags(row)

        self.recommendations = make_table(self, "Recommendations", ["Label", "Text"], [])
        self.recommendations.horizontalHeader().setSectionResizeMode(
            TEXT, QHeaderView.ResizeMode.Stretch
        )
        self.recommendations.setWordWrap(True)
        self.rec_heading = QLabel("<b>Recommendations</b>")

        self.add_member = button("Add &member", self._add_member)
        self.delete_member = button("Delete membe&r", self._delete_member)
        self.add_item = button("Add &item", self._add_item)
        self.delete_item = button("Delete it&em", self._delete_item)
        self.add_rec = button("&Add recommendation", self._add_rec)
        self.delete_rec = button("Delete recommendatio&n", self._delete_rec)

        self.notice = wrapped_label("Warnings", NOTICE_STYLE, hidden=True)
        self.error = ErrorLabel("Problems to fix before saving", self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay_out(self, parsed)

        self.items.currentCellChanged.connect(self._item_row_changed)
        self.items.itemChanged.connect(self._item_changed)
        self.members.itemChanged.connect(self._refresh_checks)
        self.quorum_confirmed.toggled.connect(self._refresh_checks)
        self.recommendations.itemChanged.connect(self._store_recs)
        if self.items.rowCount():
            self.items.setCurrentCell(0, TITLE)
        else:
            self._load_recs(-1)
        self._refused = refused
        self._refresh_checks()
        # What Cancel or Escape would throw away is the difference.
        self._as_read = self.value() if as_read is None else as_read
        self._ask_before_discarding = True
        if refused:
            self.error.show_error(
                f"The agenda was not saved: {refused}\nCorrect it here and save again "
                "(your corrections are kept)."
            )

    # -- members ------------------------------------------------------------

    def _add_member(self) -> None:
        row = append_row(self.members, ["", "member", "yes", ""])
        nothing_to_confirm(self.members, row, ROLE_CONFIRMED)
        self._member_bases.append(None)
        _edit(self.members, row, NAME)

    def _delete_member(self) -> None:
        row = self.members.currentRow()
        if row >= 0:
            self.members.removeRow(row)
            del self._member_bases[row]
            self._refresh_checks()

    # -- items --------------------------------------------------------------

    def _next_number(self) -> str:
        numbers = [cell(self.items, r, NUMBER) for r in range(self.items.rowCount())]
        return str(max((int(n) for n in numbers if n.isdigit()), default=0) + 1)

    def _add_item(self) -> None:
        row = self.items.currentRow() + 1 if self.items.currentRow() >= 0 else None
        with QSignalBlocker(self.items):
            row = append_row(self.items, [self._next_number(), "", "I", "", "0", ""], at=row)
        self._bases.insert(row, None)
        self._recs.insert(row, [])
        self._fix_item_flags(row)
        self._rec_row = -1
        _edit(self.items, row, TITLE)
        self._refresh_checks()

    def _delete_item(self) -> None:
        row = self.items.currentRow()
        if row < 0:
            return
        self._rec_row = -1
        del self._bases[row]
        del self._recs[row]
        self.items.removeRow(row)
        self._load_recs(self.items.currentRow())
        self._refresh_checks()

    def _fix_item_flags(self, row: int) -> None:
        """The count of recommendations is read-only; Para only for Part II."""
        with QSignalBlocker(self.items):
            nothing_to_confirm(self.items, row, CONFIRMED)
            for column in (RECS, PARA):
                item = self.items.item(row, column)
                if item is None:
                    item = QTableWidgetItem("")
                    self.items.setItem(row, column, item)
                editable = column == PARA and parse_part(cell(self.items, row, PART)) == 2
                flags = item.flags()
                if editable:
                    flags |= Qt.ItemFlag.ItemIsEditable
                else:
                    flags &= ~Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags)
                if column == PARA and not editable:
                    item.setText("")

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == PART:
            self._fix_item_flags(item.row())
        self._refresh_checks()

    def _item_row_changed(self, row: int, *_: int) -> None:
        if row != self._rec_row:
            self._load_recs(row)

    # -- recommendations ----------------------------------------------------

    def _load_recs(self, row: int) -> None:
        table = self.recommendations
        with QSignalBlocker(table):
            table.setRowCount(0)
            has_item = 0 <= row < len(self._recs)
            self._rec_row = row if has_item else -1
            for rec in self._recs[row] if has_item else []:
                append_row(table, [rec.label or "", rec.text])
        table.resizeRowsToContents()
        table.setEnabled(has_item)
        self.add_rec.setEnabled(has_item)
        self.delete_rec.setEnabled(has_item)
        if has_item:
            number = cell(self.items, row, NUMBER)
            title = cell(self.items, row, TITLE) or "(no title)"
            self.rec_heading.setText(f"<b>Recommendations for item {number}</b>: {title}")
        else:
            self.rec_heading.setText("<b>Recommendations</b> (select an item)")

    def _store_recs(self) -> None:
        row = self._rec_row
        if not 0 <= row < len(self._recs):
            return
        table = self.recommendations
        self._recs[row] = [
            ParsedRecommendation(cell(table, r, LABEL) or None, cell(table, r, TEXT))
            for r in range(table.rowCount())
        ]
        with QSignalBlocker(self.items):
            self.items.setItem(row, RECS, QTableWidgetItem(str(len(self._recs[row]))))
        self._fix_item_flags(row)

    def _add_rec(self) -> None:
        if self._rec_row < 0:
            return
        table = self.recommendations
        with QSignalBlocker(table):
            row = append_row(table, ["", ""])
        self._store_recs()
        _edit(table, row, TEXT)

    def _delete_rec(self) -> None:
        row = self.recommendations.currentRow()
        if row >= 0:
            self.recommendations.removeRow(row)
            self._store_recs()

    # -- checking and the result ----------------------------------------------

    def _check(self) -> Check:
        members = [
            (cell(self.members, r, NAME), cell(self.members, r, ROLE).lower())
            for r in range(self.members.rowCount())
        ]
        items = [
            (
                cell(self.items, r, NUMBER),
                cell(self.items, r, TITLE),
                parse_part(cell(self.items, r, PART)),
                parse_paragraph(cell(self.items, r, PARA)),
                unconfirmed(self.items, r, CONFIRMED),
            )
            for r in range(self.items.rowCount())
        ]
        roles = [
            cell(self.members, r, NAME)
            for r in range(self.members.rowCount())
            if unconfirmed(self.members, r, ROLE_CONFIRMED)
        ]
        quorum = self.parsed.quorum_inferred
        if quorum and self.quorum_confirmed.isChecked():
            quorum = None
        return check(members, items, roles_to_confirm=roles, quorum_to_confirm=quorum)

    def _refresh_checks(self) -> None:
        result = self._check()
        self.notice.setText("\n".join(result.warnings))
        self.notice.setVisible(bool(result.warnings))
        # Why the last save was refused stays in view until the clerk saves again.
        if self.error.isVisibleTo(self) and not result.errors and not self._refused:
            self.error.clear_error()

    def accept(self) -> None:
        result = self._check()
        if result.errors:
            self.error.show_error("Cannot save yet:\n" + "\n".join(result.errors))
            return
        self._refused = None
        self.error.clear_error()
        super().accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Asked only when the clerk closes it (Escape, Cancel, the window's close
        # button), not when the program does (its parent closing, a test ending).
        self._ask_before_discarding = event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._ask_before_discarding = True

    def reject(self) -> None:
        if self._ask_before_discarding and self.value() != self._as_read:
            answer = QMessageBox.question(
                self,
                "Throw away your corrections?",
                "You have made corrections to this agenda, and nothing has been saved yet. "
                "Close the preview and lose your corrections?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def value(self) -> ParsedAgenda:
        members = []
        for r, member_base in enumerate(self._member_bases):
            role = cell(self.members, r, ROLE).lower()
            members.append(
                ParsedMember(
                    name=cell(self.members, r, NAME),
                    role="chair"
                    if role == "chair"
                    else "vice-chair"
                    if role == "vice-chair"
                    else "member",
                    co_opted=member_base.co_opted if member_base else False,
                    voting=cell(self.members, r, VOTES).lower() != "no",
                    # Saved only once the clerk has ticked it (see check()).
                    role_inferred=unconfirmed(self.members, r, ROLE_CONFIRMED) is not None,
                )
            )
        items = []
        for r, base in enumerate(self._bases):
            part = parse_part(cell(self.items, r, PART))
            recs = tuple(rec for rec in self._recs[r] if rec.text or rec.label)
            number, title = cell(self.items, r, NUMBER), cell(self.items, r, TITLE)
            item = base or ParsedItem(number=number, title=title)
            items.append(
                replace(
                    item,
                    number=number or item.number,
                    title=title or item.title,
                    part=part,
                    exempt_paragraph=parse_paragraph(cell(self.items, r, PARA))
                    if part == 2
                    else None,
                    recommendations=recs,
                    # Saved only once the clerk has ticked it (see check()).
                    confirm_part=unconfirmed(self.items, r, CONFIRMED),
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
            quorum_inferred=None
            if self.quorum_confirmed.isChecked()
            else self.parsed.quorum_inferred,
            members=tuple(members),
            items=tuple(items),
        )


IMPORT_FOLDER = "importFolder"  # the settings key: the folder the last agenda came from


def run_import(window: MainWindow, meeting: OpenMeeting) -> int | None:
    """Choose a file, parse it, show the preview, save it; the new meeting's id."""
    asker = meeting.asker
    from clerkdesk.importing import SUPPORTED_SUFFIXES, DocumentError, parse_agenda_file

    patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
    folder = window.settings.value(IMPORT_FOLDER, "")
    path = asker.open_path(
        "Import agenda", f"Agendas ({patterns});;All files (*)", str(folder or "")
    )
    if path is None:
        return None
    window.settings.setValue(IMPORT_FOLDER, str(path.parent))  # where the next one will be
    from clerkdesk.ui.background import run_in_background

    try:
        parsed = run_in_background(lambda: parse_agenda_file(path), f"Reading {path.name}…", window)
    except DocumentError as error:
        asker.error("Cannot import the agenda", str(error))
        return None
    from clerkdesk.domain.errors import DomainError
    from clerkdesk.services.importing import ImportResult, import_agenda
    from clerkdesk.services.meeting_register import SameMeetingError

    agenda, refused = parsed, None
    while True:
        # A refused agenda reopens the preview with the clerk's corrections and
        # the reason, so nothing typed is lost.
        dialog = ImportPreviewDialog(agenda, window, as_read=parsed, refused=refused)
        # Deleted once read: a hidden preview would keep the agenda's text (and stay
        # the active window on some platforms).
        dialog.finished.connect(dialog.deleteLater)
        if not dialog.exec():
            return None
        agenda = dialog.value()
        try:
            try:
                result: ImportResult = import_agenda(meeting.desk, agenda)
            except SameMeetingError as same:
                # Opening the same agenda again: the clerk chooses (issue 14).
                choice = meeting.asker.same_meeting(same.message)
                if choice == "open":
                    return same.meeting_id
                if choice != "copy":
                    return None
                result = import_agenda(meeting.desk, agenda, as_new=True)
        except DomainError as error:
            refused = error.message
            continue
        break
    if result.notes:
        asker.info("Agenda imported", "\n".join(result.notes))
    return int(result.meeting_id)

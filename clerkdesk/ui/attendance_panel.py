"""Attendance: who is present, late arrivals, early departures, substitutes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from clerkdesk.domain.changes import Area
from clerkdesk.domain.terms import AttendanceStatus, Capacity
from clerkdesk.ui import operations
from clerkdesk.ui.models import AttendanceTableModel
from clerkdesk.ui.open_meeting import CLOCK, ITEM, OPENED, OpenMeeting
from clerkdesk.ui.operations import Operation
from clerkdesk.ui.rows import AttendanceLine, attendance_rows
from clerkdesk.ui.widgets import ErrorLabel, KeyTableView, Panel, button, set_tab_order

# The meeting: what the minutes call the chair is shown beside the chair.
AREAS = Area.ATTENDANCE | Area.ITEMS | Area.MEETING | CLOCK | OPENED
KEYS_HINT = (
    "Keys on the list: P present · A apologies · X absent · L arrived late · D left · "
    "S substitute · N note · Delete clear times"
)


class AttendancePanel(Panel):
    def __init__(self, meeting: OpenMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.model = AttendanceTableModel(self)
        self.table = KeyTableView("Attendance list", self)
        self.table.setModel(self.model)
        self.table.stretch(5)
        self.table.fit_changed_cells()  # a key press changes one row: measure only that
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.key_actions = {
            Qt.Key.Key_P: lambda: self.mark(AttendanceStatus.PRESENT),
            Qt.Key.Key_A: lambda: self.mark(AttendanceStatus.APOLOGIES),
            Qt.Key.Key_X: lambda: self.mark(AttendanceStatus.ABSENT),
            Qt.Key.Key_L: self.arrived,
            Qt.Key.Key_D: self.departed,
            Qt.Key.Key_S: self.substitute,
            Qt.Key.Key_N: self.edit_note,
            Qt.Key.Key_Delete: self.clear_times,
        }
        self.error = ErrorLabel("Attendance error", self)
        hint = QLabel(KEYS_HINT)
        hint.setWordWrap(True)
        hint.setAccessibleName("Attendance keys")
        hint.setEnabled(False)

        self.buttons = [
            button("Present (P)", "Mark present", lambda: self.mark(AttendanceStatus.PRESENT)),
            button(
                "Apologies (A)", "Mark apologies", lambda: self.mark(AttendanceStatus.APOLOGIES)
            ),
            button("Absent (X)", "Mark absent", lambda: self.mark(AttendanceStatus.ABSENT)),
            button(
                "Arrived late (L)",
                "Record arrival",
                self.arrived,
                "Present from the meeting clock's time, during the current item",
            ),
            button(
                "Left (D)",
                "Record departure",
                self.departed,
                "Left at the meeting clock's time, during the current item",
            ),
            button("Clear times", "Clear arrival and departure times", self.clear_times),
            button(
                "Substitute… (S)",
                "Add substitute",
                self.substitute,
                "Choose who substitutes for the selected absent member",
            ),
            button(
                "Note… (N)",
                "Attendance note",
                self.edit_note,
                "A note on the selected person's attendance, printed in the minutes "
                "(such as 'attended remotely, not entitled to vote')",
            ),
            button("Add officer or other…", "Add attendee", self.add_attendee),
            button("Remove from list", "Remove attendee", self.remove),
        ]
        grid = QGridLayout()
        for n, widget in enumerate(self.buttons):
            grid.addWidget(widget, n // 5, n % 5)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(grid)
        layout.addWidget(hint)
        self.focus_target = self.table
        set_tab_order(*self.focus_chain())

    def focus_chain(self) -> list[QWidget]:
        """The panel's controls in Tab order."""
        return [self.table, *self.buttons]

    def refresh(self, areas: Area) -> None:
        if areas & (ITEM | OPENED):
            self.error.clear_error()  # about what the clerk has moved on from
        if not areas & AREAS:
            return
        record = self.meeting.record
        keep = self.selected()
        row_index = self.table.current_row()
        self.model.set_rows(attendance_rows(record, self.meeting.at) if record else ())
        if OPENED in areas:
            self.error.clear_error()
            row_index = 0
        ids = [row.person_id for row in self.model.rows]
        if keep is not None and keep.person_id in ids:
            row_index = ids.index(keep.person_id)
        self.table.select_row(max(row_index, 0))

    def selected(self) -> AttendanceLine | None:
        return self.model.row_at(self.table.current_row())

    def _row_changed(self, *_: object) -> None:
        row = self.selected()
        self.meeting.person_id = row.person_id if row is not None else None
        self.error.clear_error()  # it was about the member the clerk has moved on from

    def _run(self, operation: Operation) -> bool:
        self.error.clear_error()
        return self.meeting.act(operation, errors=self.error.show_error) is not None

    def mark(self, status: AttendanceStatus) -> None:
        row = self.selected()
        if row is None:
            return
        position = self.table.current_row()
        if self._run(operations.mark_attendance(row.person_id, status)):
            self.table.select_row(position + 1)

    def arrived(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(
                operations.record_arrival(row.person_id, self.meeting.at, self.meeting.item_id)
            )

    def departed(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(
                operations.record_departure(row.person_id, self.meeting.at, self.meeting.item_id)
            )

    def clear_times(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(operations.clear_times(row.person_id))

    def substitute(self) -> None:
        from clerkdesk.services.lookups import list_councillors

        row = self.selected()
        record = self.meeting.record
        if row is None or record is None:
            return
        if row.capacity is not Capacity.MEMBER:
            self.error.show_error(f"Select the absent member {row.name} is to be replaced for.")
            return
        if row.status is AttendanceStatus.PRESENT:
            self.error.show_error(
                f"{row.name} is present: a substitute replaces a member who sent apologies "
                "or is absent. Mark them first (A or X), then add the substitute."
            )
            return
        on_list = {a.person_id for a in record.attendees}
        suggestions = [
            p.name for p in list_councillors(self.meeting.desk.db) if p.id not in on_list
        ]
        name = self.meeting.asker.substitute_name(row.name, suggestions)
        if name:
            self._run(operations.add_substitute(name, row.person_id))

    def edit_note(self) -> None:
        """Add, change or (emptied) remove the note on the selected person's attendance."""
        row = self.selected()
        if row is None or self.meeting.record is None:
            return
        note = self.meeting.asker.attendance_note(row.name, row.clerk_note)
        if note is not None:
            self._run(operations.set_attendance_note(row.person_id, note))

    def add_attendee(self) -> None:
        if self.meeting.record is None:
            return
        value = self.meeting.asker.attendee()
        if value is not None:
            self._run(operations.add_attendee(value.name, value.capacity, value.title))

    def remove(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(operations.remove_attendee(row.person_id))

"""The committee's membership from this meeting on: a member added, replaced,
given another role (or made co-opted, non-voting), or removed."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtWidgets import QWidget

from clerkdesk.domain.terms import Capacity, Role
from clerkdesk.ui.rows import by_surname
from clerkdesk.ui.widgets import TitledDialog, line_edit, ok_cancel

if TYPE_CHECKING:
    from clerkdesk.domain.model import MeetingRecord


class MembershipChange(StrEnum):
    ADD = "Add a member to the committee"
    REPLACE = "Replace a member of the committee"
    ROLE = "Change a member's role"
    REMOVE = "Take a member off the committee"


# A named tuple, not a frozen dataclass: made before the window's first paint,
# where making a dataclass compiles each of its methods (docs/benchmarks.md, issue 19).
class MemberInput(NamedTuple):
    person_id: int | None  # the member changed (None when adding)
    name: str  # the new member's name (adding or replacing)
    role: Role
    voting: bool


class MembershipDialog(TitledDialog):
    def __init__(
        self,
        record: MeetingRecord,
        change: MembershipChange,
        chosen: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        # Imported when the dialog is first asked for, not with the menus that
        # name its changes: importing these classes builds their Python enums,
        # a few milliseconds of the window's first paint.
        from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel

        super().__init__(change.value, parent)
        self.change = change
        self._record = record
        self.member = QComboBox()
        self.member.setAccessibleName("Member")
        members = [a for a in record.attendees if a.capacity is Capacity.MEMBER]
        for a in sorted(members, key=lambda a: by_surname(record.name_of(a.person_id))):
            self.member.addItem(record.name_of(a.person_id), a.person_id)
        if chosen is not None and self.member.findData(chosen) >= 0:
            self.member.setCurrentIndex(self.member.findData(chosen))
        self.name = line_edit("", "New member's name")
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        for role in Role:
            self.role.addItem(record.chair_style.role_title(role) or "Member", role)
        self.role.setCurrentIndex(list(Role).index(Role.MEMBER))
        self.co_opted = QCheckBox("&Co-opted, non-voting")
        form = QFormLayout(self)
        # Two fixed lines: a wrapped label in a form row was cut off at its top and foot.
        form.addRow(
            QLabel(
                "The change applies from this meeting on, and to later meetings not yet held.\n"
                "Earlier minutes, and any meeting already held, keep their own list."
            )
        )
        if change is not MembershipChange.ADD:
            form.addRow("&Member:", self.member)
            self.member.currentIndexChanged.connect(self._show_member)
        if change in (MembershipChange.ADD, MembershipChange.REPLACE):
            form.addRow("&New member:", self.name)
        if change in (MembershipChange.ADD, MembershipChange.ROLE):
            form.addRow("&Role:", self.role)
            form.addRow(self.co_opted)
        form.addRow(ok_cancel(self))
        self._show_member()
        (self.name if change is MembershipChange.ADD else self.member).setFocus()
        self.resize(480, 0)

    def _show_member(self) -> None:
        if self.change is not MembershipChange.ROLE or self.member.currentData() is None:
            return
        attendee = self._record.attendee(int(self.member.currentData()))
        if attendee is not None:
            self.role.setCurrentIndex(list(Role).index(attendee.role))
            self.co_opted.setChecked(not attendee.voting)

    def value(self) -> MemberInput:
        person = self.member.currentData()
        return MemberInput(
            None if self.change is MembershipChange.ADD or person is None else int(person),
            self.name.text().strip(),
            Role(self.role.currentData()),
            not self.co_opted.isChecked(),
        )

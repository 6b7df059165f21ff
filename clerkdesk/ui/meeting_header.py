"""The header over the open meeting: title, locked banner, clock and quorum."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSignalBlocker, QTime, QTimer
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QTimeEdit, QWidget

from clerkdesk.domain.changes import Area
from clerkdesk.domain.terms import MeetingStatus
from clerkdesk.ui.open_meeting import OPENED, OpenMeeting, now_minute
from clerkdesk.ui.widgets import NOTICE_STYLE, OK_STYLE, WARNING_STYLE, set_style_sheet
from clerkdesk.version import name_and_version


def window_title(meeting: OpenMeeting) -> str:
    """The name and version, the open meeting, and the database file: a clerk
    with two windows, or reading a screenshot, can tell which is which."""
    parts = [name_and_version()]
    record = meeting.record
    if record is not None:
        parts.append(f"{record.committee}, {record.date:%d %B %Y}")
    if meeting.has_desk:
        db = meeting.desk.db
        parts.append(db.path.name if db.on_file else db.describe())
    return " – ".join(parts)


def quorum_words(meeting: OpenMeeting) -> tuple[str, bool]:
    status = meeting.quorum()
    if status is None:
        return "No meeting open", True
    if status.quorate:
        return (
            f"Quorate: {status.present} voting members in the room (quorum {status.required})",
            True,
        )
    return (
        f"INQUORATE: {status.present} voting members in the room, quorum {status.required}. "
        "A vote now would be invalid.",
        False,
    )


class MeetingHeader(QWidget):
    def __init__(self, meeting: OpenMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.title = QLabel()
        self.title.setAccessibleName("Meeting")
        self.title.setWordWrap(True)
        self.locked = QLabel()
        self.locked.setAccessibleName("Approval banner")
        self.locked.setStyleSheet(NOTICE_STYLE)
        self.locked.setWordWrap(True)
        self.locked.hide()
        self.quorum = QLabel()
        self.quorum.setAccessibleName("Quorum")
        self.clock = QTimeEdit()
        self.clock.setDisplayFormat("HH.mm")
        self.clock.setAccessibleName("Meeting clock")
        self.clock.setToolTip(
            "Arrivals, departures and votes are stamped with this time (Ctrl+T to edit)"
        )
        self.live = QCheckBox("Follow the time now")
        self.live.setAccessibleName("Follow the time now")
        self.live.setChecked(True)
        clock_label = QLabel("&Time:")
        clock_label.setBuddy(self.clock)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 2)
        grid.addWidget(self.title, 0, 0, 1, 1)
        grid.addWidget(clock_label, 0, 1)
        grid.addWidget(self.clock, 0, 2)
        grid.addWidget(self.live, 0, 3)
        grid.addWidget(self.quorum, 1, 0, 1, 4)
        grid.addWidget(self.locked, 2, 0, 1, 4)
        grid.setColumnStretch(0, 1)
        self._timer = QTimer(self)
        self._timer.setInterval(15_000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self.clock.setTime(QTime(meeting.at.hour, meeting.at.minute))
        self.clock.timeChanged.connect(self._edited)
        self.live.toggled.connect(lambda on: self._tick() if on else None)
        QWidget.setTabOrder(self.clock, self.live)
        # Set while a closed or approved meeting is open: its clock stands still.
        self._held_for_finished_meeting = False

    def _follow_the_meeting(self) -> None:
        """A closed or approved meeting is not happening now: its clock stops at
        its start (what a correction is stamped with, unless the clerk types
        another time). A meeting being recorded follows the time now again."""
        record = self.meeting.record
        finished = record is not None and record.status in (
            MeetingStatus.CLOSED,
            MeetingStatus.APPROVED,
        )
        if finished and record is not None and not self._held_for_finished_meeting:
            self._held_for_finished_meeting = True
            self.set_time(record.start_time or self.meeting.at, live=False)
        elif not finished and self._held_for_finished_meeting:
            self._held_for_finished_meeting = False
            self.live.setChecked(True)

    def _tick(self) -> None:
        if self.live.isChecked():
            self.set_time(now_minute(), live=True)

    def set_time(self, value: dt.time, live: bool = False) -> None:
        self.live.setChecked(live)
        with QSignalBlocker(self.clock):
            self.clock.setTime(QTime(value.hour, value.minute))
        self.meeting.set_at(value)

    def _edited(self, value: QTime) -> None:
        self._held_for_finished_meeting = False  # the clerk's time stands
        self.live.setChecked(False)
        self.meeting.set_at(dt.time(value.hour(), value.minute()))

    def refresh(self, areas: Area) -> None:
        if areas & (OPENED | Area.MEETING):
            self._follow_the_meeting()
        record = self.meeting.record
        if record is None:
            # Ctrl+L: the list may be collapsed (a narrow window, or as the clerk left it).
            self.title.setText(
                "<b>No meeting open</b> – choose one in the meetings list (Ctrl+L), or create one"
            )
            self.locked.hide()
        else:
            status = record.status.value.replace("-", " ")
            self.title.setText(
                f"<span style='font-size:13pt'><b>{record.committee}</b></span><br>"
                f"{record.date:%A %d %B %Y}"
                + (f", {record.start_time:%H.%M}" if record.start_time else "")
                + (f" · {record.venue}" if record.venue else "")
                + f" · <i>{status}</i>"
            )
            if record.is_locked:
                signed = f", signed by {record.approved_by}" if record.approved_by else ""
                when = f" on {record.approved_at:%d %B %Y}" if record.approved_at else ""
                self.locked.setText(
                    f"Minutes approved{when}{signed} — the record is locked; "
                    "changes are corrections and each asks for a reason."
                )
            self.locked.setVisible(record.is_locked)
        text, ok = quorum_words(self.meeting)
        self.quorum.setText(text)
        set_style_sheet(self.quorum, OK_STYLE if ok else WARNING_STYLE)
        self.quorum.setVisible(record is not None)

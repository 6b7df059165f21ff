"""Voting on the current item's recommendations and amendments."""

from __future__ import annotations

from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.attendance import presiding_member
from clerkdesk.domain.changes import Area
from clerkdesk.domain.errors import DomainError
from clerkdesk.domain.model import Decision, MeetingRecord, Outcome, Tally, VoteOption
from clerkdesk.domain.voting import all_for_except, voter_roll
from clerkdesk.ui import operations
from clerkdesk.ui.models import MotionsTableModel, VoterRollModel
from clerkdesk.ui.open_meeting import CLOCK, ITEM, OPENED, OpenMeeting
from clerkdesk.ui.operations import Motion, Operation

if TYPE_CHECKING:
    from clerkdesk.services.context import Change
from clerkdesk.ui.rows import (
    MotionLine,
    describe_decision,
    motion_rows,
    outcome_label,
    part_badge,
    voter_rows,
)
from clerkdesk.ui.widgets import (
    NOTICE_STYLE,
    WARNING_STYLE,
    ErrorLabel,
    KeyTableView,
    Panel,
    button,
    heading,
    set_style_sheet,
    set_tab_order,
    wrapped_label,
)

# The meeting: its start time and the presiding member's title decide who may
# vote and who has the casting vote (correcting a saved meeting changes them).
AREAS = (
    Area.VOTES
    | Area.ITEMS
    | Area.ATTENDANCE
    | Area.DECLARATIONS
    | Area.MEETING
    | ITEM
    | CLOCK
    | OPENED
)


class VoteSpinBox(QSpinBox):
    """A count of votes; Enter records the vote."""

    entered = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 999)
        self.setAccessibleName(name)
        self.setFixedWidth(90)

    def event(self, event: QEvent) -> bool:
        # The line edit inside claims Ctrl+U ("delete the line") where the
        # platform binds it (X11): here it is Meeting > Unanimous vote.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_U
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            event.ignore()
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()  # the first digit typed replaces the count shown

    def show_count(self, value: int | None) -> None:
        """Show ``value`` (without signalling a change), or nothing at all."""
        with QSignalBlocker(self):
            self.setValue(value or 0)
            # setValue leaves the text alone when the value is unchanged: set it too.
            self.lineEdit().setText("" if value is None else self.textFromValue(value))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.interpretText()
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class VotingPanel(Panel):
    def __init__(self, meeting: OpenMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.title = wrapped_label("Current item")
        self.title.setTextFormat(Qt.TextFormat.RichText)

        self.motions = MotionsTableModel(self)
        self.motion_table = KeyTableView("Recommendations and amendments", self)
        self.motion_table.setModel(self.motions)
        self.motion_table.stretch(1)
        self.motion_table.setWordWrap(True)
        self.motion_table.selectionModel().selectionChanged.connect(self._motion_selected)

        self.for_box = VoteSpinBox("Votes for")
        self.against_box = VoteSpinBox("Votes against")
        self.abstain_box = VoteSpinBox("Abstentions")
        self.count_boxes = (self.for_box, self.against_box, self.abstain_box)
        for box in self.count_boxes:
            box.valueChanged.connect(self._check_counts)
            box.entered.connect(self.record_counts)
        self.check = wrapped_label("Vote count check")
        self.outcome = wrapped_label("Outcome")
        self.error = ErrorLabel("Voting error", self)

        counts = QFormLayout()
        counts.addRow("Fo&r:", self.for_box)
        counts.addRow("A&gainst:", self.against_box)
        counts.addRow("Ab&stain:", self.abstain_box)
        self.record_button = button("Record vote (Enter)", "Record vote", self.record_counts)
        self.unanimous_button = button(
            "Unanimous",
            "Record unanimous vote",
            self.unanimous,
            "Everyone entitled to vote voted in favour (Ctrl+U)",
        )
        self.named_button = button(
            "Named vote…",
            "Record named vote",
            self.named,
            "A recorded vote: all for, except … (Ctrl+Shift+U)",
        )
        self.without_vote_buttons = [
            button(
                text,
                f"Record as {text.lower()}",
                partial(self.without_vote, outcome),
                f"Record the motion as {text.lower()}, without a vote",
            )
            for text, outcome in (
                ("Noted", Outcome.NOTED),
                ("Deferred", Outcome.DEFERRED),
                ("Withdrawn", Outcome.WITHDRAWN),
            )
        ]
        self.clear_button = button("Clear vote", "Clear vote", self.clear)
        # The buttons that record or clear a vote on the motion selected.
        self.vote_buttons = [
            self.record_button,
            self.unanimous_button,
            self.named_button,
            *self.without_vote_buttons,
            self.clear_button,
        ]
        self.amend_button = button(
            "Add amendment…", "Add amendment", self.amend, "Amend the selected recommendation"
        )
        self.remove_amendment_button = button(
            "Remove amendment",
            "Remove amendment",
            self.remove_amendment,
            "Remove the selected amendment and any vote on it",
        )
        self.points_button = button(
            "Sub-points…",
            "Edit sub-points",
            self.edit_points,
            "The list of sub-points the selected recommendation holds, one a line",
        )
        self.action_buttons = [
            *self.vote_buttons,
            self.amend_button,
            self.remove_amendment_button,
            self.points_button,
        ]
        # Two buttons a row: three needed more width than a 1024-wide screen has
        # beside the agenda and the meetings list, and clipped their words.
        actions = QGridLayout()
        for n, widget in enumerate(self.action_buttons):
            actions.addWidget(widget, n // 2, n % 2)

        entry = QGroupBox("Vote on the selected motion")
        entry_layout = QVBoxLayout(entry)
        entry_layout.addLayout(counts)
        entry_layout.addWidget(self.check)
        entry_layout.addLayout(actions)
        entry_layout.addWidget(self.outcome)
        entry_layout.addWidget(self.error)
        entry_layout.addStretch()
        entry.setMinimumWidth(entry.sizeHint().width())  # never a clipped button

        self.roll = VoterRollModel(self)
        self.roll_table = KeyTableView("Who may vote", self)
        self.roll_table.setModel(self.roll)
        self.roll_table.stretch(1)
        self.roll_table.setWordWrap(True)  # why a member may not vote, in full
        # A list to read, not to work in: compact rows, so a full committee fits.
        compact = self.roll_table.fontMetrics().height() + 4
        self.roll_table.verticalHeader().setMinimumSectionSize(compact)
        self.roll_table.verticalHeader().setDefaultSectionSize(compact)
        self.roll_heading = heading("Who may vote")
        self.roll_heading.setWordWrap(True)  # else its one line sets the panel's width
        roll_box = QWidget()
        roll_layout = QVBoxLayout(roll_box)
        roll_layout.setContentsMargins(0, 0, 0, 0)
        roll_layout.addWidget(self.roll_heading)
        roll_layout.addWidget(self.roll_table)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(entry)
        lower.addWidget(roll_box)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.motion_table, 2)
        layout.addWidget(lower, 3)
        self.focus_target: QWidget = self.motion_table
        self._updating = False
        set_tab_order(*self.focus_chain())

    def focus_chain(self) -> list[QWidget]:
        """The panel's controls in Tab order: the motion, its counts, then the buttons."""
        return [
            self.motion_table,
            *self.count_boxes,
            *self.action_buttons,
            self.roll_table,
        ]

    # Redrawing.
    def refresh(self, areas: Area) -> None:
        if not areas & AREAS:
            return
        record, item_id = self.meeting.record, self.meeting.item_id
        if record is None or item_id is None:
            self.title.setText("No item selected")
            self.motions.set_rows(())
            self.roll.set_rows(())
            return
        item = record.item(item_id)
        badge = part_badge(record, item_id)
        badge_html = f" &nbsp;<span style='color:#c62828'><b>[{badge}]</b></span>" if badge else ""
        self.title.setText(f"<b>Item {item.number}: {item.title}</b>{badge_html}")
        keep = self.selected()
        index = self.motion_table.current_row()
        self._updating = True
        try:
            self.motions.set_rows(motion_rows(record, item_id))
        finally:
            self._updating = False
        self.motion_table.fit_rows()
        if areas & (ITEM | OPENED):
            index = 0
            self.error.clear_error()
        keys = [(m.recommendation_id, m.amendment_id) for m in self.motions.rows]
        if keep is not None and (keep.recommendation_id, keep.amendment_id) in keys:
            index = keys.index((keep.recommendation_id, keep.amendment_id))
        self.motion_table.select_row(max(index, 0))
        self.roll.set_rows(voter_rows(record, item_id, self.meeting.at))
        self.roll_table.fit_rows()
        self.roll_heading.setText(
            f"<b>Who may vote on item {item.number} at {self.meeting.at:%H.%M}</b>"
        )
        self._load_motion()

    def selected(self) -> MotionLine | None:
        return self.motions.row_at(self.motion_table.current_row())

    def _motion_selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        if not self._updating:
            self.error.clear_error()
            self._load_motion()

    def _load_motion(self) -> None:
        motion, record = self.selected(), self.meeting.record
        enabled = motion is not None
        for widget in (*self.count_boxes, *self.vote_buttons):
            widget.setEnabled(enabled)
        # Ctrl+2 and a recorded vote leave the cursor where the next count is typed.
        self.focus_target = self.for_box if enabled else self.motion_table
        self.amend_button.setEnabled(motion is not None and motion.recommendation_id is not None)
        self.points_button.setEnabled(self.amend_button.isEnabled())
        self.remove_amendment_button.setEnabled(
            motion is not None and motion.amendment_id is not None
        )
        if motion is None or record is None:
            self.outcome.setText("This item has no recommendations to vote on.")
            for box in self.count_boxes:
                box.show_count(None)  # not the last item's counts, greyed
            self.check.clear()
            set_style_sheet(self.check, "")
            return
        decision = _decision(record, motion)
        tally = decision.tally if decision and decision.tally else Tally()
        for box, value in zip(self.count_boxes, (tally.yes, tally.no, tally.abstain), strict=True):
            box.show_count(value)
        label = escape(outcome_label(motion.label))
        self.outcome.setText(f"<b>{label}</b> {escape(motion.result)}")
        self._check_counts()

    def _typed(self) -> Tally:
        return Tally(*(box.value() for box in self.count_boxes))

    def _check_counts(self) -> None:
        record, item_id = self.meeting.record, self.meeting.item_id
        if record is None or item_id is None:
            return
        size = voter_roll(record, item_id, self.meeting.at).size
        tally = self._typed()
        text = f"{tally.cast} votes entered; {size} members may vote."
        style = ""
        if tally.cast > size:
            text = (
                f"{tally.cast} votes entered, but only {size} members may vote. Check the counts."
            )
            style = WARNING_STYLE
        elif tally.is_tie and (settled := self._casting_recorded(tally)):
            text += f" Tied; {settled}."
        elif tally.is_tie:
            presiding = presiding_member(record, self.meeting.at, self.meeting.item_id)
            if presiding is None:
                text += (
                    " Tied: neither the chair nor the vice-chair may preside, so you will be "
                    "asked who presides and how they gave the casting vote."
                )
            else:
                text += f" Tied: {record.name_of(presiding)} will be asked for the casting vote."
            style = NOTICE_STYLE
        self.check.setText(text)
        set_style_sheet(self.check, style)

    def _casting_recorded(self, tally: Tally) -> str:
        """How the casting vote went, if these very counts are recorded with one."""
        motion, record = self.selected(), self.meeting.record
        if motion is None or record is None:
            return ""
        decision = _decision(record, motion)
        if decision is None or decision.tally != tally or decision.casting_vote is None:
            return ""
        _, _, casting = describe_decision(record, decision).rpartition("; ")
        return casting

    # Recording.
    def _motion(self) -> MotionLine | None:
        motion = self.selected()
        if motion is None:
            self.error.show_error("Select a recommendation or amendment first.")
        return motion

    def _casting(self, tally: Tally) -> tuple[bool, VoteOption | None, int | None]:
        """Ask for the casting vote on a tie, and first who presides if neither the
        chair nor the vice-chair may: (go on, casting vote, the member named as
        presiding). (False, None, None) if the clerk cancels."""
        record, item_id = self.meeting.record, self.meeting.item_id
        if record is None or item_id is None or not tally.is_tie:
            return True, None, None
        presiding = presiding_member(record, self.meeting.at, item_id)
        named: int | None = None
        if presiding is None:
            eligible = voter_roll(record, item_id, self.meeting.at).eligible
            if not eligible:
                return True, None, None  # nobody may vote: the service says why it refuses
            choices = [(person, record.name_of(person)) for person in eligible]
            named = self.meeting.asker.presiding_member(choices, tally.yes)
            if named is None:
                return False, None, None
            presiding = named
        answer = self.meeting.asker.casting_vote(record.name_of(presiding), tally.yes)
        return answer is not None, answer, named

    def _act(self, operation: Operation) -> Change | None:
        """Run the operation on the open meeting, a refusal said in the panel."""
        self.error.clear_error()
        return self.meeting.act(operation, errors=self.error.show_error)

    def _record(self, operation: Operation) -> None:
        """Run one vote operation on the open meeting; on success move to the next motion."""
        before = self.motion_table.current_row()
        if self._act(operation) is not None:
            self.motion_table.select_row(min(before + 1, len(self.motions.rows) - 1))
            self.focus_counts()

    def focus_counts(self) -> None:
        """The cursor in the first count box, its count selected so that the first
        digit typed replaces it (or on the motions, if there is nothing to count)."""
        self.focus_target.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.focus_target is self.for_box:
            self.for_box.selectAll()

    def record_counts(self) -> None:
        motion = self._motion()
        if motion is None:
            return
        tally = self._typed()
        go_on, casting, presiding = self._casting(tally)
        if go_on:
            self._record(
                operations.record_vote(
                    _motion_of(motion),
                    self.meeting.at,
                    tally=tally,
                    casting_vote=casting,
                    casting_voter_id=presiding,
                )
            )

    def unanimous(self) -> None:
        """Everyone entitled to vote, for: the service counts them in its transaction."""
        motion = self._motion()
        if motion is None:
            return
        self._record(operations.record_unanimous(_motion_of(motion), self.meeting.at))

    def named(self) -> None:
        record, item_id, motion = self.meeting.record, self.meeting.item_id, self.selected()
        if record is None or item_id is None or motion is None:
            return
        exceptions = self.meeting.asker.named_vote(record, item_id, self.meeting.at)
        if exceptions is None:
            return
        go_on, casting, presiding = self._casting(self._named_preview(exceptions))
        if go_on:
            self._record(
                operations.record_named_vote(
                    _motion_of(motion), exceptions, self.meeting.at, casting, presiding
                )
            )

    def _named_preview(self, exceptions: dict[int, VoteOption]) -> Tally:
        """The named vote's totals as the record stands, only to ask about a tie.

        The service works the vote out again from the record in its own
        transaction and decides; a mistake here only means it refuses with the
        reason, shown in the panel.
        """
        record, item_id = self.meeting.record, self.meeting.item_id
        if record is None or item_id is None:
            return Tally()
        try:
            return Tally.from_named(all_for_except(record, item_id, self.meeting.at, exceptions))
        except DomainError:
            return Tally()

    def without_vote(self, outcome: Outcome) -> None:
        motion = self._motion()
        if motion is not None:
            self._record(
                operations.record_vote(_motion_of(motion), self.meeting.at, outcome=outcome)
            )

    def clear(self) -> None:
        motion = self._motion()
        if motion is not None:
            self._act(operations.clear_vote(_motion_of(motion)))

    def amend(self) -> None:
        motion, record = self.selected(), self.meeting.record
        if motion is None or record is None:
            return
        if motion.recommendation_id is None:
            self.error.show_error("Select the recommendation itself to amend it.")
            return
        value = self.meeting.asker.amendment(record, motion.recommendation_id)
        if value is not None:
            self._act(
                operations.add_amendment(
                    motion.recommendation_id,
                    value.mover_id,
                    value.seconder_id,
                    value.text,
                    value.resulting_text or None,
                )
            )

    def edit_points(self) -> None:
        motion, record = self.selected(), self.meeting.record
        if motion is None or record is None or motion.recommendation_id is None:
            self.error.show_error("Select the recommendation itself to edit its sub-points.")
            return
        points = self.meeting.asker.sub_points(record.recommendation(motion.recommendation_id))
        if points is not None:
            self._act(operations.set_recommendation_points(motion.recommendation_id, points))

    def remove_amendment(self) -> None:
        motion = self._motion()
        if motion is None:
            return
        if motion.amendment_id is None:
            self.error.show_error("Select the amendment to remove (listed above its motion).")
            return
        self._act(operations.remove_amendment(motion.amendment_id))


def _motion_of(row: MotionLine) -> Motion:
    return Motion(row.recommendation_id, row.amendment_id)


def _decision(record: MeetingRecord, motion: MotionLine) -> Decision | None:
    """The decision recorded on the motion (a recommendation or an amendment), if any."""
    if motion.recommendation_id is not None:
        return record.decision_on(motion.recommendation_id)
    return record.decision_on_amendment(motion.amendment_id or 0)

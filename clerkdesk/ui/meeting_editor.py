"""Correcting the open meeting from the window: its details, membership and agenda.

Each command asks (through the window's ``Asker``, asks.py) and then calls
one service through ``OpenMeeting.act``, so every edit is one undoable,
audited action, and a correction with its reason once the minutes are
approved. Commands act on the current item (chosen in the agenda) and the
recommendation selected in the voting panel.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clerkdesk.domain.changes import Area
from clerkdesk.domain.terms import Disposal, MeetingStatus
from clerkdesk.ui import operations
from clerkdesk.ui.membership_dialog import MembershipChange
from clerkdesk.ui.open_meeting import OPENED

if TYPE_CHECKING:
    from clerkdesk.domain.model import MeetingRecord
    from clerkdesk.services.context import Change
    from clerkdesk.ui.main_window import MainWindow


class MeetingEditor:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.meeting = window.meeting
        self.asker = window.asker
        self.meeting.refreshed.connect(self._remember)

    # The meetings list: deleting a meeting, and the meeting last worked on.
    def delete_meeting(self, meeting_id: int | None = None) -> None:
        """Delete a meeting not yet approved (the open one if None), after a
        confirmation; the service backs the database up first."""
        from clerkdesk.services.meeting_register import delete_meeting
        from clerkdesk.services.records_io import list_meetings

        meeting_id = self.meeting.meeting_id if meeting_id is None else meeting_id
        if meeting_id is None or not self.meeting.has_desk:
            return
        desk = self.meeting.desk
        summary = next((m for m in list_meetings(desk) if m.id == meeting_id), None)
        if summary is None:
            return
        what = f"the meeting of {summary.committee} on {summary.date}"
        if summary.status == MeetingStatus.APPROVED.value:
            self.asker.error(
                "Cannot delete",
                f"The minutes of {what} are approved: they are the council's record and "
                "cannot be deleted. Make any change as a correction.",
            )
            return
        if not self.asker.delete_meeting(what):
            return
        deleted: list[Path] = []

        def work() -> Change:
            result = delete_meeting(desk, meeting_id)
            deleted.append(result.backup)
            return result.change

        change = self.meeting.call(work)
        if change is None:
            return
        if self.meeting.meeting_id == meeting_id:
            self.meeting.open(None)
        self.window.meetings.reload(desk, self.meeting.meeting_id)
        self.window.saved_label.setText(f"{change.label}; backup: {deleted[0].name}")

    def _remember(self, areas: Area) -> None:
        if OPENED in areas and self.meeting.meeting_id is not None and self.meeting.has_desk:
            self.window.settings.setValue(
                "lastMeeting", [self.meeting.desk.db.describe(), str(self.meeting.meeting_id)]
            )

    def last_meeting(self) -> int | None:
        """The meeting last open on this database, if it is still in the list."""
        value = self.window.settings.value("lastMeeting")
        if not isinstance(value, list) or len(value) != 2 or not self.meeting.has_desk:
            return None
        path, meeting = (str(v) for v in value)
        if path != self.meeting.desk.db.describe() or not meeting.isdigit():
            return None
        listed = {row.id for row in self.window.meetings.model.rows}
        return int(meeting) if int(meeting) in listed else None

    # What the commands act on.
    def _record(self) -> MeetingRecord | None:
        if self.meeting.record is None:
            self.asker.error("Not saved", "Open a meeting first.")
        return self.meeting.record

    def _item(self) -> tuple[MeetingRecord, int] | None:
        record = self._record()
        if record is None:
            return None
        if self.meeting.item_id is None:
            self.asker.error("Not saved", "Choose an agenda item first.")
            return None
        return record, self.meeting.item_id

    def _selected_recommendation(self) -> int | None:
        motion = self.window.voting.selected()
        return None if motion is None else motion.recommendation_id

    # The meeting.
    def edit_details(self) -> None:
        record = self._record()
        value = None if record is None else self.asker.meeting_details(record)
        if value is None or record is None:
            return
        self.meeting.act(
            operations.edit_meeting(
                date=value.date,
                start_time=value.start_time,
                venue=value.venue,
                quorum=value.quorum,
                chair_style=value.chair_style,
            )
        )

    def membership(self, change: MembershipChange) -> None:
        record = self._record()
        if record is None:
            return
        row = self.window.attendance.selected()
        chosen = None if row is None else row.person_id
        value = self.asker.member(record, change, chosen)
        if value is None:
            return
        if change is MembershipChange.ADD:
            self.meeting.act(operations.add_member(value.name, value.role, value.voting))
        elif value.person_id is None:
            self.asker.error("Not saved", "Choose the member.")
        elif change is MembershipChange.REPLACE:
            self.meeting.act(operations.replace_member(value.person_id, value.name))
        elif change is MembershipChange.ROLE:
            self.meeting.act(operations.change_member(value.person_id, value.role, value.voting))
        elif self.asker.confirm(
            "Take a member off the committee",
            f"Take {record.name_of(value.person_id)} off the committee from this meeting on?",
        ):
            self.meeting.act(operations.remove_member(value.person_id))

    # Items.
    def add_item(self, urgent: bool) -> None:
        record = self._record()
        value = None if record is None else self.asker.item(record, None, urgent=urgent)
        if value is None or record is None:
            return
        ids = [i.id for i in record.ordered_items]
        # After the current item: an urgent item is usually taken where it arises.
        after = ids.index(self.meeting.item_id) + 1 if self.meeting.item_id in ids else len(ids)
        change = self.meeting.act(
            operations.add_agenda_item(
                value.number, value.title, value.urgency_reason if urgent else None, after
            )
        )
        if change is not None and change.new_id is not None:
            self.meeting.set_item(change.new_id)

    def edit_item(self) -> None:
        found = self._item()
        if found is None:
            return
        record, item_id = found
        item = record.item(item_id)
        value = self.asker.item(record, item_id, urgent=item.is_urgent)
        if value is None:
            return
        self.meeting.act(
            operations.edit_agenda_item(
                item_id,
                number=value.number if value.number != item.number else None,
                title=value.title if value.title != item.title else None,
                urgency_reason=(
                    value.urgency_reason if value.urgency_reason != item.urgency_reason else None
                ),
            )
        )

    def move_item(self, out_of_order: bool) -> None:
        found = self._item()
        if found is None:
            return
        record, item_id = found
        value = self.asker.place(record, item_id, out_of_order=out_of_order)
        if value is not None:
            self.meeting.act(operations.move_agenda_item(item_id, value.index, value.out_of_order))

    def set_disposal(self, disposal: Disposal | None) -> None:
        found = self._item()
        if found is not None:
            self.meeting.act(operations.set_disposal(found[1], disposal))

    def set_part(self) -> None:
        found = self._item()
        if found is None:
            return
        value = self.asker.part(*found)
        if value is None:
            return
        self.meeting.act(operations.set_item_part(found[1], value.part, value.exempt_paragraph))

    def remove_item(self) -> None:
        found = self._item()
        if found is None:
            return
        record, item_id = found
        item = record.item(item_id)
        if self.asker.confirm(
            "Remove item", f"Remove item {item.number}, {item.title}, from the agenda?"
        ):
            self.meeting.act(operations.remove_agenda_item(item_id))

    # Recommendations.
    def add_recommendation(self) -> None:
        found = self._item()
        if found is None:
            return
        value = self.asker.recommendation(*found, new=True, chosen=None)
        if value is not None:
            self.meeting.act(operations.add_item_recommendation(found[1], value.text, value.label))

    def edit_recommendation(self) -> None:
        found = self._item()
        if found is None:
            return
        record, item_id = found
        if not record.recommendations_of(item_id):
            self.asker.error("Not saved", "This item has no recommendations.")
            return
        value = self.asker.recommendation(
            record, item_id, new=False, chosen=self._selected_recommendation()
        )
        if value is None or value.recommendation_id is None:
            return
        rec = record.recommendation(value.recommendation_id)
        self.meeting.act(
            operations.edit_recommendation(
                value.recommendation_id,
                text=value.text if value.text != rec.text else None,
                label=value.label if value.label != (rec.label or "") else None,
            )
        )

    def move_recommendation(self, step: int) -> None:
        record = self._record()
        rec_id = self._selected_recommendation()
        if record is None or rec_id is None:
            return
        rec = record.recommendation(rec_id)
        self.meeting.act(operations.move_recommendation(rec_id, max(0, rec.position + step)))

    def delete_recommendation(self) -> None:
        record = self._record()
        rec_id = self._selected_recommendation()
        if record is None:
            return
        if rec_id is None:
            self.asker.error("Not saved", "Select the recommendation in Voting first.")
            return
        rec = record.recommendation(rec_id)
        if self.asker.confirm(
            "Delete recommendation", f"Delete recommendation {rec.label or ''}: {rec.text[:80]}?"
        ):
            self.meeting.act(operations.delete_recommendation(rec_id))

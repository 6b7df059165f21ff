"""Keeping the meetings list tidy: a second copy of a meeting is made only on
purpose, and a meeting not yet approved can be deleted, after a backup."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.model import MeetingStatus
from clerkdesk.persistence.backups import make_backup
from clerkdesk.persistence.queries import delete_meeting_rows
from clerkdesk.persistence.schema import CheckoutRow, CommitteeRow, MeetingRow
from clerkdesk.services.context import Area, Change, Desk, write_audit
from clerkdesk.services.setup import committee_named, meeting_at


class SameMeetingError(RuleViolation):
    """The meeting is already in the database; ``meeting_id`` says which."""

    def __init__(self, message: str, meeting_id: int) -> None:
        super().__init__(message)
        self.meeting_id = meeting_id


@dataclass(frozen=True, slots=True)
class Deleted:
    change: Change
    backup: Path


def refuse_same_meeting(
    desk: Desk,
    organisation: str,
    committee: str,
    date: dt.date,
    start_time: dt.time | None,
) -> None:
    """Refuse a meeting of this committee at a date and start time it already has one at."""
    with desk.db.session() as session:
        found = committee_named(session, organisation, committee)
        existing = None if found is None else meeting_at(session, found.id, date, start_time)
    if existing is not None:
        at = f" at {start_time:%H.%M}" if start_time else ""
        raise SameMeetingError(
            f"The meeting of {committee} on {date:%d %B %Y}{at} is already in this database "
            f"(meeting {existing}). Open it to correct it, or import the agenda again as a "
            "separate copy on purpose (`clerkdesk import-agenda --as-new FILE`).",
            existing,
        )


def delete_meeting(desk: Desk, meeting_id: int) -> Deleted:
    """Delete a meeting that is not approved, with everything recorded in it.

    A backup of the whole database is taken first (the deletion cannot be
    undone in the app; the backup can be restored). Approved minutes are the
    council's record and are never deleted. The audit trail keeps a line
    saying what was deleted, when and by whom.
    """
    with desk.db.session() as session:
        meeting = session.get(MeetingRow, meeting_id)
        if meeting is None:
            raise NotFoundError(
                f"There is no meeting with id {meeting_id}. List the meetings with "
                "`clerkdesk meetings` to find its id."
            )
        committee = session.get_one(CommitteeRow, meeting.committee_id)
        what = f"the meeting of {committee.name} on {meeting.date:%d %B %Y}"
        if meeting.status == MeetingStatus.APPROVED.value:
            raise RuleViolation(
                f"The minutes of {what} are approved: they are the council's record and "
                "cannot be deleted. Make any change as a correction."
            )
        checkout = session.get(CheckoutRow, meeting_id)
        if checkout is not None and checkout.state == "out":
            raise RuleViolation(
                f"{what[0].upper()}{what[1:]} is checked out from the server {checkout.server}: "
                "check it in (`clerkdesk checkin`), or ask the office to release it, rather "
                "than delete it here."
            )
    backup = make_backup(desk.db.path, f"before deleting meeting {meeting_id}")
    with desk.db.session() as session:
        delete_meeting_rows(session.connection(), meeting_id)
        label = f"Delete {what} (meeting {meeting_id})"
        write_audit(session, desk, None, label, f"backup first: {backup.name}")
    return Deleted(Change(label, None, Area.MEETINGS), backup)

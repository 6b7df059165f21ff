"""Look-ups used by the service tests."""

from __future__ import annotations

from clerkdesk.domain.model import MeetingRecord
from clerkdesk.persistence.database import open_database
from clerkdesk.services.context import Desk
from clerkdesk.services.records_io import get_record


def fresh_record(desk: Desk, meeting_id: int) -> MeetingRecord:
    """The record as a second connection sees it: proof it is on disk."""
    other = open_database(desk.db.location)
    try:
        return get_record(Desk(other), meeting_id)
    finally:
        other.dispose()


def person_id(record: MeetingRecord, name: str) -> int:
    return next(p.id for p in record.people if p.name == name)

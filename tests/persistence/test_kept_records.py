"""The record kept between actions (persistence/kept_records.py): used while
nothing has been written since, by anyone; never when something has."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

import clerkdesk.persistence.records as records
from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import AttendanceStatus, MeetingRecord
from clerkdesk.persistence.database import open_database
from clerkdesk.services import attendance, minutes, votes
from clerkdesk.services.context import Desk
from clerkdesk.services.records_io import get_record

# Only a file keeps a record between actions (a server has other writers).
pytestmark = pytest.mark.sqlite_only

FullRead = Callable[[records.InTransaction, int], MeetingRecord]


@pytest.fixture
def full_reads(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The meetings read in full from the file, in order. (The suite's check of
    every kept record against a full read is off here: it reads in full.)"""
    desk.db.kept.verify = False
    read: list[int] = []
    whole: FullRead = records.read_whole_record

    def counted(session: records.InTransaction, meeting_id: int) -> MeetingRecord:
        read.append(meeting_id)
        return whole(session, meeting_id)

    monkeypatch.setattr(records, "read_whole_record", counted)
    return read


def _from_the_file(desk: Desk, meeting: int) -> MeetingRecord:
    with desk.db.session() as session:
        return records.read_record(records.Reading(session.connection(), meeting))


def test_the_next_action_starts_from_the_record_the_last_one_left(
    desk: Desk, demo_ids: list[int], full_reads: list[int]
) -> None:
    meeting = demo_ids[1]
    record = get_record(desk, meeting)
    member = record.attendees[0].person_id
    attendance.mark_attendance(desk, meeting, member, AttendanceStatus.APOLOGIES)
    full_reads.clear()
    attendance.mark_attendance(desk, meeting, member, AttendanceStatus.PRESENT)
    minutes.add_paragraph(desk, meeting, record.items[0].id, "Members noted the report.")
    shown = get_record(desk, meeting)
    assert full_reads == []  # each began from the record the one before left
    assert shown == _from_the_file(desk, meeting)
    assert repr(shown) == repr(_from_the_file(desk, meeting))


def test_a_change_by_another_writer_is_seen(
    db_path: Path, desk: Desk, demo_ids: list[int], full_reads: list[int]
) -> None:
    """Another process (here another Database on the same file) records between
    two of ours: our next read and our next action see what it wrote."""
    meeting = demo_ids[1]
    member = get_record(desk, meeting).attendees[0].person_id
    other = open_database(db_path)
    try:
        absent = AttendanceStatus.ABSENT
        attendance.mark_attendance(Desk(other, "Other Clerk"), meeting, member, absent)
    finally:
        other.dispose()
    full_reads.clear()
    seen = get_record(desk, meeting).attendee(member)
    assert full_reads == [meeting]
    assert seen is not None and seen.status is AttendanceStatus.ABSENT
    change = attendance.mark_attendance(desk, meeting, member, AttendanceStatus.APOLOGIES)
    assert change.record == _from_the_file(desk, meeting)


def test_an_action_the_rules_refuse_after_writing_keeps_nothing(
    desk: Desk, demo_ids: list[int], full_reads: list[int]
) -> None:
    """Marking away a member a recorded vote counted is written, then refused by
    the whole-record check and rolled back: the record kept stays the one
    before it."""
    meeting = demo_ids[1]
    record = get_record(desk, meeting)
    for attendee in record.attendees:
        attendance.mark_attendance(desk, meeting, attendee.person_id, AttendanceStatus.PRESENT)
    rec = record.recommendations[0]
    votes.record_unanimous(desk, meeting, rec.id, dt.time(10, 30))
    before = get_record(desk, meeting)
    voter = next(a.person_id for a in before.attendees if a.voting)
    with pytest.raises(RuleViolation):
        attendance.mark_attendance(desk, meeting, voter, AttendanceStatus.APOLOGIES)
    full_reads.clear()
    assert get_record(desk, meeting) == before
    assert full_reads == []  # the kept record was still the file's
    assert before == _from_the_file(desk, meeting)

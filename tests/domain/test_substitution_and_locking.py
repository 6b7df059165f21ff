import datetime as dt
from dataclasses import replace

import pytest

from clerkdesk.domain.errors import RecordLockedError, RuleViolation
from clerkdesk.domain.model import AttendanceStatus, Attendee, Capacity, MeetingStatus
from clerkdesk.domain.rules import check_status_change, ensure_editable, validate_record
from clerkdesk.domain.substitution import check_member_may_be_present, check_substitution
from tests.domain.factories import meeting, with_attendee, with_person


def test_substitute_may_replace_an_absent_voting_member() -> None:
    record = with_person(
        meeting(members=4, present=3), Attendee(50, Capacity.OTHER_MEMBER), "R H Smith"
    )
    check_substitution(record, 50, 4)


def test_substitute_cannot_replace_a_member_who_is_present() -> None:
    record = with_person(meeting(members=4), Attendee(50, Capacity.OTHER_MEMBER), "R H Smith")
    with pytest.raises(RuleViolation, match="Member 4 is marked present"):
        check_substitution(record, 50, 4)


def test_one_substitute_per_absent_member() -> None:
    record = meeting(members=4, present=3)
    record = with_person(record, Attendee(50, Capacity.SUBSTITUTE, substitute_for=4), "R H Smith")
    record = with_person(record, Attendee(51, Capacity.OTHER_MEMBER), "A Other")
    with pytest.raises(RuleViolation, match="already substituting for Member 4"):
        check_substitution(record, 51, 4)


def test_a_member_cannot_also_be_a_substitute() -> None:
    record = meeting(members=4, present=3)
    with pytest.raises(RuleViolation, match="cannot also be a substitute"):
        check_substitution(record, 2, 4)


def test_replaced_member_cannot_be_marked_present() -> None:
    record = meeting(members=4, present=3)
    record = with_person(record, Attendee(50, Capacity.SUBSTITUTE, substitute_for=4), "R H Smith")
    with pytest.raises(RuleViolation, match="cannot also be marked present"):
        check_member_may_be_present(record, 4)
    with pytest.raises(RuleViolation, match="Member 4 is marked present"):
        validate_record(with_attendee(record, 4, status=AttendanceStatus.PRESENT))


def test_non_voting_member_cannot_be_substituted() -> None:
    record = meeting(members=3, co_opted=1)
    record = with_attendee(record, 4, status=AttendanceStatus.APOLOGIES)
    record = with_person(record, Attendee(50, Capacity.OTHER_MEMBER), "R H Smith")
    with pytest.raises(RuleViolation, match="non-voting"):
        check_substitution(record, 50, 4)


def test_approved_record_is_locked_except_for_corrections() -> None:
    record = replace(meeting(), status=MeetingStatus.APPROVED, approved_by="Cllr Wyatt-Lowe")
    with pytest.raises(RecordLockedError, match="approved by Cllr Wyatt-Lowe"):
        ensure_editable(record)
    ensure_editable(record, correcting=True)
    ensure_editable(meeting())


def test_status_moves_forward_and_approval_needs_a_closed_meeting() -> None:
    with pytest.raises(RuleViolation, match="Close the meeting before approving"):
        check_status_change(meeting(), MeetingStatus.APPROVED)
    check_status_change(replace(meeting(), status=MeetingStatus.CLOSED), MeetingStatus.APPROVED)
    with pytest.raises(RuleViolation):
        check_status_change(replace(meeting(), status=MeetingStatus.APPROVED), MeetingStatus.DRAFT)


def test_departure_before_arrival_is_refused() -> None:
    record = with_attendee(meeting(), 3, arrived_at=dt.time(19, 30), departed_at=dt.time(19, 10))
    with pytest.raises(RuleViolation, match="cannot leave at 19.10 before arriving at 19.30"):
        validate_record(record)

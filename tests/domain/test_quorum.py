import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.attendance import quorum_at, quorum_timeline, require_quorum
from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import AttendanceStatus, Attendee, Capacity
from tests.domain.factories import ITEM, meeting, with_attendee, with_declaration, with_person


def test_quorate_with_enough_voting_members_present() -> None:
    status = quorum_at(meeting(members=6, quorum=3, present=3), None)
    assert (status.present, status.required, status.quorate) == (3, 3, True)


def test_inquorate_below_quorum() -> None:
    assert not quorum_at(meeting(members=6, quorum=3, present=2), None).quorate


def test_co_opted_non_voting_members_do_not_count() -> None:
    record = meeting(members=2, quorum=3, co_opted=2)
    assert quorum_at(record, None).present == 2


def test_substitute_counts_for_quorum() -> None:
    record = meeting(members=3, quorum=3, present=2)
    record = with_person(
        record,
        Attendee(50, Capacity.SUBSTITUTE, substitute_for=3),
        "R H Smith",
    )
    assert quorum_at(record, None).quorate


def test_departure_makes_meeting_inquorate_from_that_moment() -> None:
    record = with_attendee(meeting(members=3, quorum=3), 3, departed_at=dt.time(20, 5))
    assert quorum_at(record, dt.time(20, 0)).quorate
    assert not quorum_at(record, dt.time(20, 5)).quorate
    timeline = quorum_timeline(record)
    assert [(t, s.quorate) for t, s in timeline] == [
        (dt.time(19, 0), True),
        (dt.time(20, 5), False),
    ]


def test_late_arrival_counts_only_after_arriving() -> None:
    record = with_attendee(meeting(members=3, quorum=3), 3, arrived_at=dt.time(19, 20))
    assert not quorum_at(record, dt.time(19, 10)).quorate
    assert quorum_at(record, dt.time(19, 20)).quorate


def test_member_who_left_the_room_for_an_interest_does_not_count_for_that_item() -> None:
    record = with_declaration(meeting(members=3, quorum=3), 2, "dpi", left_room=True)
    assert quorum_at(record, None).quorate
    assert not quorum_at(record, None, ITEM).quorate
    with pytest.raises(RuleViolation, match="inquorate"):
        require_quorum(record, None, ITEM)


@given(
    statuses=st.lists(st.sampled_from(list(AttendanceStatus)), min_size=1, max_size=15),
    quorum=st.integers(min_value=1, max_value=10),
    departures=st.lists(st.integers(min_value=0, max_value=180), max_size=15),
    at=st.integers(min_value=0, max_value=200),
)
def test_quorum_counts_exactly_the_voting_members_in_the_room(
    statuses: list[AttendanceStatus], quorum: int, departures: list[int], at: int
) -> None:
    record = meeting(members=len(statuses), quorum=quorum)
    start = dt.datetime(2025, 3, 12, 19, 0)
    moment = (start + dt.timedelta(minutes=at)).time()
    expected = 0
    for n, status in enumerate(statuses, start=1):
        changes: dict[str, object] = {"status": status}
        departed = None
        if status is AttendanceStatus.PRESENT and n <= len(departures):
            departed = (start + dt.timedelta(minutes=departures[n - 1] + 1)).time()
            changes["departed_at"] = departed
        record = with_attendee(record, n, **changes)
        if status is AttendanceStatus.PRESENT and (departed is None or moment < departed):
            expected += 1
    status = quorum_at(record, moment)
    assert status.present == expected
    assert status.quorate == (expected >= quorum)


def test_member_barred_from_voting_does_not_count_even_if_still_in_the_room() -> None:
    record = with_declaration(meeting(members=3, quorum=3), 2, "dpi", left_room=False)
    assert quorum_at(record, None).quorate
    assert not quorum_at(record, None, ITEM).quorate
    record = with_declaration(meeting(members=3, quorum=3), 2, "dpi", dispensation=True)
    assert quorum_at(record, None, ITEM).quorate  # a dispensation restores the vote

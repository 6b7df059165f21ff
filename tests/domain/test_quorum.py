import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.attendance import quorum_at, require_quorum
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


@given(
    times=st.lists(
        st.tuples(
            st.sampled_from(list(AttendanceStatus)),
            st.none() | st.integers(min_value=0, max_value=120),
            st.none() | st.integers(min_value=0, max_value=120),
        ),
        min_size=1,
        max_size=10,
    ),
    moments=st.lists(st.none() | st.integers(min_value=0, max_value=130), min_size=1, max_size=12),
    barred=st.booleans(),
)
def test_answers_remembered_by_a_record_are_those_worked_out_alone(
    times: list[tuple[AttendanceStatus, int | None, int | None]],
    moments: list[int | None],
    barred: bool,
) -> None:
    """One record asked about many moments (as checking every vote of a meeting
    does) answers each exactly as a fresh copy asked about that moment alone."""
    from dataclasses import replace

    from clerkdesk.domain.attendance import presiding_member
    from clerkdesk.domain.voting import voter_roll

    start = dt.datetime(2025, 3, 12, 19, 0)

    def clock(minutes: int | None) -> dt.time | None:
        return None if minutes is None else (start + dt.timedelta(minutes=minutes)).time()

    record = meeting(members=len(times), quorum=2)
    for n, (status, arrived, departed) in enumerate(times, start=1):
        changes: dict[str, object] = {"status": status}
        if status is AttendanceStatus.PRESENT:
            if arrived is not None:
                changes["arrived_at"] = clock(arrived)
            if departed is not None and (arrived is None or departed > arrived):
                changes["departed_at"] = clock(departed)
        record = with_attendee(record, n, **changes)
    if barred and len(times) > 1:
        record = with_declaration(record, 2, "dpi", left_room=False)
    # The moments either side of every arrival and departure, where a wrong key
    # would share an answer across a change, asked in the order drawn.
    edges = [m + d for _, *pair in times for m in pair if m is not None for d in (-1, 0, 1)]
    for minutes in [*moments, *edges, *reversed(edges)]:
        at = clock(minutes)
        alone = replace(record)  # a copy that remembers nothing yet
        assert voter_roll(record, ITEM, at) == voter_roll(alone, ITEM, at)
        assert quorum_at(record, at, ITEM) == quorum_at(alone, at, ITEM)
        assert quorum_at(record, at) == quorum_at(alone, at)
        assert presiding_member(record, at, ITEM) == presiding_member(alone, at, ITEM)

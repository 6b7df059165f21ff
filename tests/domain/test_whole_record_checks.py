"""After an attendance change, the check every action passes (the unit of
work's ``check_record``) gives the answer checking the whole record gives.

Trivially true while ``check_record`` is the whole check; kept as a guard, so
that a shortcut that skips a rule (as the incremental re-check of attendance
changes once did) fails these property tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from clerkdesk.domain.errors import DomainError, RuleViolation
from clerkdesk.domain.model import (
    AgendaItem,
    AttendanceStatus,
    Attendee,
    Capacity,
    Declaration,
    MeetingRecord,
    Recommendation,
    Role,
    Tally,
    VoteOption,
)
from clerkdesk.domain.rules import validate_record
from clerkdesk.domain.voting import decide, voter_roll
from clerkdesk.persistence.unit_of_work import check_record
from tests.conftest import examples
from tests.domain.factories import meeting, with_attendee, with_person

START = dt.datetime(2025, 3, 12, 19, 0)
ITEMS = (100, 101, 102)


def clock(minutes: int | None) -> dt.time | None:
    return None if minutes is None else (START + dt.timedelta(minutes=minutes)).time()


minutes_or_none = st.none() | st.integers(min_value=0, max_value=120)
attendance = st.tuples(st.sampled_from(list(AttendanceStatus)), minutes_or_none, minutes_or_none)


def _outcome(record: MeetingRecord) -> str:
    """What the whole check says: 'ok', or the rule broken."""
    try:
        validate_record(record)
    except RuleViolation as error:
        return error.message
    return "ok"


def _incremental(_before: MeetingRecord, after: MeetingRecord) -> str:
    try:
        check_record(after)
    except RuleViolation as error:
        return error.message
    return "ok"


def _with_times(
    record: MeetingRecord,
    person: int,
    status: AttendanceStatus,
    times: tuple[int | None, int | None],
    *,
    sensible: bool = True,
) -> MeetingRecord:
    """The member's status and times; unless ``sensible``, times as typed, even
    ones the rules refuse (leaving before arriving, times for an absence)."""
    arrived, departed = times
    if not sensible:
        raw = {"status": status, "arrived_at": clock(arrived), "departed_at": clock(departed)}
        return with_attendee(record, person, **raw)
    changes: dict[str, object] = {"status": status, "arrived_at": None, "departed_at": None}
    if status is AttendanceStatus.PRESENT:
        changes["arrived_at"] = clock(arrived)
        if departed is not None and (arrived is None or departed > arrived):
            changes["departed_at"] = clock(departed)
    return with_attendee(record, person, **changes)


@st.composite
def valid_meetings(draw: st.DrawFn) -> MeetingRecord:
    """A meeting that keeps every rule: members coming and going, perhaps a
    substitute and an interest, and votes taken at various moments."""
    members = draw(st.integers(min_value=3, max_value=9))
    record = meeting(
        members=members, quorum=draw(st.integers(min_value=1, max_value=3)), co_opted=1
    )
    items = tuple(AgendaItem(i, str(n + 1), f"Item {n + 1}", n) for n, i in enumerate(ITEMS))
    recs = tuple(
        Recommendation(200 + n, ITEMS[n % len(ITEMS)], f"Recommendation {n}", n // len(ITEMS))
        for n in range(draw(st.integers(min_value=1, max_value=6)))
    )
    record = replace(record, items=items, recommendations=recs)
    for person in range(1, members + 1):
        status, arrived, departed = draw(attendance)
        record = _with_times(record, person, status, (arrived, departed))
    if draw(st.booleans()):  # a substitute for an absent member, if there is one
        absent = [
            a.person_id
            for a in record.attendees
            if a.status is not AttendanceStatus.PRESENT and a.voting
        ]
        if absent:
            record = with_person(
                record,
                Attendee(person_id=50, capacity=Capacity.SUBSTITUTE, substitute_for=absent[0]),
                "Substitute",
            )
    if draw(st.booleans()):
        record = replace(
            record,
            declarations=(
                Declaration(
                    id=900,
                    item_id=draw(st.sampled_from(ITEMS)),
                    person_id=draw(st.integers(min_value=1, max_value=members)),
                    kind=draw(st.sampled_from(["dpi", "ori-affects", "nri-direct"])),
                    nature="Owns land next to the site",
                    left_room=draw(st.booleans()),
                ),
            ),
        )
    decisions = []
    for rec in recs:
        at = clock(draw(minutes_or_none))
        roll = voter_roll(record, rec.item_id, at)
        if roll.size == 0:
            continue
        yes = draw(st.integers(min_value=0, max_value=roll.size))
        no = draw(st.integers(min_value=0, max_value=roll.size - yes))
        tally = Tally(yes, no, draw(st.integers(min_value=0, max_value=roll.size - yes - no)))
        named: list[tuple[int, VoteOption]] = []
        if draw(st.booleans()):  # by name instead: each eligible member for or against
            named = [
                (p, draw(st.sampled_from([VoteOption.YES, VoteOption.NO]))) for p in roll.eligible
            ]
            tally = None  # type: ignore[assignment]
        try:
            decision = decide(
                record,
                decision_id=300 + rec.id,
                recommendation_id=rec.id,
                tally=tally,
                named=named,
                casting_vote=VoteOption.YES,
                at=at,
            )
        except RuleViolation:
            try:  # not tied, or inquorate: without the casting vote, or not at all
                decision = decide(
                    record,
                    decision_id=300 + rec.id,
                    recommendation_id=rec.id,
                    tally=tally,
                    named=named,
                    at=at,
                )
            except RuleViolation:
                continue
        decisions.append(decision)
        record = replace(record, decisions=tuple(decisions))
    assume(_outcome(record) == "ok")
    return record


@pytest.mark.slow
@settings(max_examples=examples(300))
@given(
    before=valid_meetings(),
    changes=st.lists(
        st.tuples(st.integers(min_value=1, max_value=9), attendance), min_size=1, max_size=2
    ),
    sensible=st.booleans(),
)
def test_an_attendance_change_is_judged_as_the_whole_check_judges_it(
    before: MeetingRecord,
    changes: list[tuple[int, tuple[AttendanceStatus, int | None, int | None]]],
    sensible: bool,
) -> None:
    after = before
    for person, (status, arrived, departed) in changes:
        if after.attendee(person) is None:
            continue
        after = _with_times(after, person, status, (arrived, departed), sensible=sensible)
    assert _incremental(before, after) == _outcome(after)


@pytest.mark.slow
@settings(max_examples=examples(100))
@given(before=valid_meetings(), person=st.integers(min_value=1, max_value=9))
def test_a_change_of_role_or_capacity_is_judged_as_the_whole_check_judges_it(
    before: MeetingRecord, person: int
) -> None:
    """The changes it does not follow in detail go to the whole check."""
    attendee = before.attendee(person)
    assume(attendee is not None)
    assert attendee is not None
    for changed in (
        replace(attendee, role=Role.CHAIR if attendee.role is not Role.CHAIR else Role.MEMBER),
        replace(attendee, voting=not attendee.voting),
        replace(attendee, capacity=Capacity.OTHER_MEMBER),
    ):
        after = replace(
            before,
            attendees=tuple(changed if a is attendee else a for a in before.attendees),
        )
        assert _incremental(before, after) == _outcome(after)


def test_a_departure_before_a_vote_that_counted_the_member_is_refused() -> None:
    """The check that matters, by hand: a vote at 19.30 counted every member;
    recording that one of them had left at 19.15 makes it over-counted."""
    record = meeting(members=4, quorum=2)
    at = clock(30)
    decision = decide(record, decision_id=1, recommendation_id=200, tally=Tally(4, 0, 0), at=at)
    before = replace(record, decisions=(decision,))
    after = with_attendee(before, 3, departed_at=clock(15))
    assert _outcome(after) != "ok"
    assert _incremental(before, after) == _outcome(after)
    # Leaving after the vote changes nothing about it, and is not checked again.
    later = with_attendee(before, 3, departed_at=clock(45))
    assert _incremental(before, later) == "ok"


def test_anything_else_changed_is_checked_whole() -> None:
    record = meeting(members=3, quorum=2)
    broken = replace(record, quorum=0)  # not an attendance change: the whole check finds it
    try:
        check_record(broken)
    except DomainError as error:
        assert "quorum must be at least one" in error.message
    else:
        raise AssertionError("a change beyond the attendance was not checked")

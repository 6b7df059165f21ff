import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import (
    AttendanceStatus,
    Attendee,
    Capacity,
    Outcome,
    Tally,
    VoteOption,
)
from clerkdesk.domain.voting import all_for_except, decide, voter_roll
from tests.domain.factories import ITEM, REC, meeting, with_attendee, with_declaration, with_person


def vote(record, **kwargs):  # type: ignore[no-untyped-def]
    return decide(record, decision_id=1, recommendation_id=REC, **kwargs)


def test_counts_within_the_roll_carry_by_majority() -> None:
    decision = vote(meeting(members=12), tally=Tally(8, 4, 0))
    assert decision.outcome is Outcome.CARRIED
    assert not decision.tally.is_unanimous  # type: ignore[union-attr]


def test_counts_may_not_exceed_those_who_may_vote() -> None:
    with pytest.raises(RuleViolation, match="13 votes were entered .* only 12 members may vote"):
        vote(meeting(members=12), tally=Tally(9, 4, 0))


def test_member_with_dpi_and_no_dispensation_is_barred_and_named() -> None:
    record = with_declaration(meeting(members=4, quorum=2), 2, "dpi")
    roll = voter_roll(record, ITEM, None)
    assert 2 not in roll.eligible
    assert "disclosable pecuniary interest" in roll.excluded[0].reason
    with pytest.raises(RuleViolation, match="Member 2 declared a disclosable pecuniary"):
        vote(record, tally=Tally(4, 0, 0))
    with pytest.raises(RuleViolation, match="Member 2 declared .* cannot be recorded as voting"):
        vote(record, named=[(1, VoteOption.YES), (2, VoteOption.YES)])


def test_dispensation_restores_the_vote() -> None:
    record = with_declaration(meeting(members=4, quorum=2), 2, "dpi", dispensation=True)
    assert 2 in voter_roll(record, ITEM, None).eligible


def test_interest_that_only_affects_allows_voting() -> None:
    record = with_declaration(meeting(members=4, quorum=2), 2, "ori-affects")
    assert 2 in voter_roll(record, ITEM, None).eligible
    record = with_declaration(meeting(members=4, quorum=2), 2, "ori-direct")
    assert 2 not in voter_roll(record, ITEM, None).eligible


def test_member_out_of_the_room_at_the_vote_cannot_vote() -> None:
    record = with_attendee(meeting(members=5), 5, departed_at=dt.time(20, 0))
    assert 5 in voter_roll(record, ITEM, dt.time(19, 30)).eligible
    roll = voter_roll(record, ITEM, dt.time(20, 30))
    assert 5 not in roll.eligible
    assert roll.excluded[0].reason == "was not in the room"


def test_substitute_votes_in_place_of_the_absent_member() -> None:
    record = meeting(members=4, present=3)
    record = with_person(record, Attendee(50, Capacity.SUBSTITUTE, substitute_for=4), "R H Smith")
    assert set(voter_roll(record, ITEM, None).eligible) == {1, 2, 3, 50}


def test_named_vote_derives_its_counts() -> None:
    named = [(1, VoteOption.YES), (2, VoteOption.NO), (3, VoteOption.ABSTAIN), (4, VoteOption.YES)]
    decision = vote(meeting(members=4), named=named)
    assert decision.tally == Tally(2, 1, 1)
    with pytest.raises(RuleViolation, match="do not match the named vote"):
        vote(meeting(members=4), named=named, tally=Tally(3, 1, 0))


def test_tie_needs_the_casting_vote_of_the_person_presiding() -> None:
    record = meeting(members=4)
    with pytest.raises(RuleViolation, match="tied at 2 each"):
        vote(record, tally=Tally(2, 2, 0))
    carried = vote(record, tally=Tally(2, 2, 0), casting_vote=VoteOption.YES)
    assert carried.outcome is Outcome.CARRIED and carried.casting_voter_id == 1
    lost = vote(record, tally=Tally(2, 2, 0), casting_vote=VoteOption.NO)
    assert lost.outcome is Outcome.LOST
    with pytest.raises(RuleViolation, match="Only the person presiding"):
        vote(record, tally=Tally(2, 2, 0), casting_vote=VoteOption.YES, casting_voter_id=3)
    with pytest.raises(RuleViolation, match="not tied"):
        vote(record, tally=Tally(3, 1, 0), casting_vote=VoteOption.YES)


def test_vice_chair_presides_when_chair_is_absent() -> None:
    record = with_attendee(meeting(members=5), 1, status=AttendanceStatus.APOLOGIES)
    decision = vote(record, tally=Tally(2, 2, 0), casting_vote=VoteOption.NO)
    assert decision.casting_voter_id == 2


def test_outcome_is_derived_not_typed() -> None:
    with pytest.raises(RuleViolation, match="is lost, not carried"):
        vote(meeting(members=6), tally=Tally(2, 4, 0), outcome=Outcome.CARRIED)
    noted = vote(meeting(members=6), outcome=Outcome.NOTED)
    assert noted.outcome is Outcome.NOTED and noted.tally is None
    with pytest.raises(RuleViolation, match="Enter the votes"):
        vote(meeting(members=6))


def test_vote_while_inquorate_is_refused() -> None:
    with pytest.raises(RuleViolation, match="inquorate"):
        vote(meeting(members=6, quorum=4, present=3), tally=Tally(3, 0, 0))


def test_all_for_except() -> None:
    named = all_for_except(meeting(members=4), ITEM, None, {3: VoteOption.NO})
    assert named == [
        (1, VoteOption.YES),
        (2, VoteOption.YES),
        (3, VoteOption.NO),
        (4, VoteOption.YES),
    ]


@given(
    members=st.integers(min_value=3, max_value=20),
    yes=st.integers(min_value=0, max_value=25),
    no=st.integers(min_value=0, max_value=25),
    abstain=st.integers(min_value=0, max_value=25),
    barred=st.integers(min_value=0, max_value=3),
    casting=st.sampled_from([None, VoteOption.YES, VoteOption.NO]),
)
def test_vote_arithmetic_properties(
    members: int, yes: int, no: int, abstain: int, barred: int, casting: VoteOption | None
) -> None:
    record = meeting(members=members, quorum=1)
    for person in range(members - barred + 1, members + 1):
        record = with_declaration(record, person, "dpi")
    allowed = members - barred
    tally = Tally(yes, no, abstain)
    try:
        decision = vote(record, tally=tally, casting_vote=casting)
    except RuleViolation:
        over = tally.cast > allowed
        tie_without_casting = tally.is_tie and casting is None
        casting_without_tie = not tally.is_tie and casting is not None
        inquorate = allowed < 1  # members barred on the item do not count for its quorum
        assert over or tie_without_casting or casting_without_tie or inquorate
        return
    assert decision.tally is not None and decision.tally.cast <= allowed
    if tally.is_tie:
        assert decision.outcome is (Outcome.CARRIED if casting is VoteOption.YES else Outcome.LOST)
    else:
        assert decision.outcome is (Outcome.CARRIED if yes > no else Outcome.LOST)
    assert decision.tally.is_unanimous == (yes > 0 and no == 0 and abstain == 0)


@given(options=st.lists(st.sampled_from(list(VoteOption)), min_size=1, max_size=12))
def test_named_vote_counts_always_match_the_names(options: list[VoteOption]) -> None:
    record = meeting(members=len(options), quorum=1)
    named = list(enumerate(options, start=1))
    tally = Tally.from_named(named)
    casting = VoteOption.YES if tally.is_tie else None
    decision = vote(record, named=named, casting_vote=casting)
    assert decision.tally == Tally(
        options.count(VoteOption.YES),
        options.count(VoteOption.NO),
        options.count(VoteOption.ABSTAIN),
    )


def test_chair_barred_by_an_interest_does_not_preside_over_the_item() -> None:
    """Found in review: the vice-chair presides, and gives the casting vote."""
    record = with_declaration(meeting(members=7), 1, "dpi", left_room=True)
    decision = vote(record, tally=Tally(3, 3, 0), casting_vote=VoteOption.YES)
    assert decision.casting_voter_id == 2
    with pytest.raises(RuleViolation, match="Only the person presiding \\(Member 2\\)"):
        vote(record, tally=Tally(3, 3, 0), casting_vote=VoteOption.YES, casting_voter_id=1)


def test_named_presiding_member_must_be_able_to_vote_on_the_item() -> None:
    """Found in review: with chair and vice-chair away, anyone's id was accepted."""
    record = meeting(members=8)
    for person in (1, 2):
        record = with_attendee(record, person, status=AttendanceStatus.APOLOGIES)
    record = with_person(record, Attendee(60, Capacity.OFFICER, voting=False), "An Officer")
    with pytest.raises(RuleViolation, match="name who is presiding"):
        vote(record, tally=Tally(3, 3, 0), casting_vote=VoteOption.NO)
    for outsider in (1, 60):
        with pytest.raises(RuleViolation, match="cannot preside"):
            vote(
                record, tally=Tally(3, 3, 0), casting_vote=VoteOption.NO, casting_voter_id=outsider
            )
    chosen = vote(record, tally=Tally(3, 3, 0), casting_vote=VoteOption.NO, casting_voter_id=5)
    assert chosen.casting_voter_id == 5 and chosen.outcome is Outcome.LOST


def test_votes_in_one_room_are_checked_against_its_voters_worked_out_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each vote is stamped with its own time. Checking a whole record works out
    the voters once for the room between two arrivals or departures, for every
    item nobody declared an interest in; an item with a declaration keeps its
    own, and a member leaving starts a new room."""
    from dataclasses import replace

    from clerkdesk.domain import voting
    from clerkdesk.domain.model import AgendaItem, Decision, Recommendation
    from clerkdesk.domain.rules import validate_record

    items = tuple(AgendaItem(ITEM + n, str(4 + n), f"Item {n}", n) for n in range(4))
    recs = tuple(Recommendation(REC + n, ITEM + n, f"Resolve {n}", 0) for n in range(4))
    record = replace(meeting(members=6, quorum=3), items=items, recommendations=recs)
    record = with_declaration(record, 2, "dpi")  # on the first item: member 2 may not vote
    record = with_attendee(record, 6, departed_at=dt.time(20, 30))
    at = [dt.time(19, 10), dt.time(19, 20), dt.time(19, 40), dt.time(20, 45)]
    counts = [Tally(4, 1, 0), Tally(5, 1, 0), Tally(6, 0, 0), Tally(5, 0, 0)]
    decisions = tuple(
        Decision(300 + n, Outcome.CARRIED, REC + n, tally=counts[n], taken_at=at[n])
        for n in range(4)
    )
    record = replace(record, decisions=decisions)
    asked: list[tuple[int, dt.time | None]] = []
    real = voting.voter_roll

    def counting(record: object, item_id: int, at: dt.time | None) -> voting.VoterRoll:
        asked.append((item_id, at))
        return real(record, item_id, at)  # type: ignore[arg-type]

    monkeypatch.setattr(voting, "voter_roll", counting)
    validate_record(record)
    # The first item (a declaration), then the room before 20.30 (items 2 and 3,
    # at two moments), then the room after member 6 left (item 4).
    assert asked == [(ITEM, at[0]), (ITEM + 1, at[1]), (ITEM + 3, at[3])]
    # Each still checked against the right voters.
    for n, wrong in ((0, Tally(5, 1, 0)), (3, Tally(6, 0, 0))):
        wrong_record = replace(
            record,
            decisions=tuple(replace(d, tally=wrong) if d.id == 300 + n else d for d in decisions),
        )
        with pytest.raises(RuleViolation, match="only 5 members may vote"):
            validate_record(wrong_record)

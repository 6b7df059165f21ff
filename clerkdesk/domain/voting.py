"""Who may vote on a motion, and the arithmetic of the vote.

These are the rules whose breach is a legal problem: a barred member recorded
as voting, more votes than voters, a tie settled by anything but the casting
vote of the person presiding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from clerkdesk.domain.attendance import (
    barring,
    in_room,
    presiding_member,
    require_quorum,
    same_room,
)
from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import (
    Capacity,
    Decision,
    MeetingRecord,
    Outcome,
    Tally,
    VoteOption,
)


@dataclass(frozen=True, slots=True)
class Exclusion:
    person_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class VoterRoll:
    """Those entitled to vote at one moment on one item, and who is left out and why."""

    item_id: int
    at: dt.time | None
    eligible: tuple[int, ...]
    excluded: tuple[Exclusion, ...]

    @property
    def size(self) -> int:
        return len(self.eligible)


def voter_roll(record: MeetingRecord, item_id: int, at: dt.time | None) -> VoterRoll:
    return record.derived(("voter roll", item_id, at), lambda: _voter_roll(record, item_id, at))


def _voter_roll(record: MeetingRecord, item_id: int, at: dt.time | None) -> VoterRoll:
    barred = barring(record, item_id)
    if barred:
        eligible, excluded = _voters(record, at, barred)
    else:  # no interest bars anyone from this item: the same roll as any such item
        eligible, excluded = record.derived(
            ("voters in the room", same_room(record, at)), lambda: _voters(record, at, barred)
        )
    return VoterRoll(item_id, at, eligible, excluded)


def _voters(
    record: MeetingRecord, at: dt.time | None, barred: Mapping[int, str]
) -> tuple[tuple[int, ...], tuple[Exclusion, ...]]:
    eligible: list[int] = []
    excluded: list[Exclusion] = []
    for a in record.attendees:
        if a.capacity is Capacity.MEMBER and not a.voting:
            excluded.append(Exclusion(a.person_id, "is a co-opted non-voting member"))
            continue
        if a.capacity not in (Capacity.MEMBER, Capacity.SUBSTITUTE):
            continue
        if not in_room(a, at):
            if a.status.value == "present":
                excluded.append(Exclusion(a.person_id, "was not in the room"))
            continue
        if a.person_id in barred:
            excluded.append(Exclusion(a.person_id, barred[a.person_id]))
            continue
        eligible.append(a.person_id)
    return tuple(eligible), tuple(excluded)


class _Motion:
    """The recommendation or amendment voted on. Its name is worked out only
    when a message needs it: checking a whole record checks every vote again,
    and needs a name only when a rule is broken."""

    __slots__ = ("_amendment", "_rec", "_record", "item_id")

    def __init__(
        self, record: MeetingRecord, recommendation_id: int | None, amendment_id: int | None
    ) -> None:
        if (recommendation_id is None) == (amendment_id is None):
            raise RuleViolation("A vote is on exactly one recommendation or one amendment.")
        self._record = record
        self._amendment = amendment_id is not None
        if amendment_id is not None:
            recommendation_id = record.amendment(amendment_id).recommendation_id
        assert recommendation_id is not None
        self._rec = record.recommendation(recommendation_id)
        self.item_id = self._rec.item_id
        record.item(self.item_id)  # a motion on an item not in the record is refused

    def __str__(self) -> str:
        rec = self._rec
        label = f" {rec.label}" if rec.label else f" {rec.position + 1}"
        name = f"recommendation{label} of item {self._record.item(rec.item_id).number}"
        return f"the amendment to {name}" if self._amendment else name


class _Voters(NamedTuple):
    """Who may vote at one moment on one item (or on any item nobody declared an
    interest in), and who is left out and why."""

    eligible: tuple[int, ...]
    excluded: tuple[Exclusion, ...]


def _check_named(
    record: MeetingRecord, roll: _Voters, named: Sequence[tuple[int, VoteOption]]
) -> None:
    seen: set[int] = set()
    excluded = {e.person_id: e.reason for e in roll.excluded}
    for person_id, _ in named:
        name = record.name_of(person_id)
        if person_id in seen:
            raise RuleViolation(f"{name} is listed twice in the named vote.")
        seen.add(person_id)
        if person_id in excluded:
            raise RuleViolation(f"{name} {excluded[person_id]}: they cannot be recorded as voting.")
        if person_id not in roll.eligible:
            raise RuleViolation(
                f"{name} is not a voting member or substitute at this meeting and cannot vote."
            )


def _check_counts(record: MeetingRecord, roll: _Voters, tally: Tally, motion: _Motion) -> None:
    yes, no, abstain = tally.yes, tally.no, tally.abstain
    if yes < 0 or no < 0 or abstain < 0:
        raise RuleViolation("Vote counts cannot be negative.")
    if yes + no + abstain > len(roll.eligible):
        barred = "; ".join(f"{record.name_of(e.person_id)} {e.reason}" for e in roll.excluded)
        detail = f" ({barred})" if barred else ""
        raise RuleViolation(
            f"{tally.cast} votes were entered on {motion}, but only {len(roll.eligible)} "
            f"members may vote{detail}. Check the counts."
        )


def decide(
    record: MeetingRecord,
    *,
    decision_id: int,
    outcome: Outcome | None = None,
    recommendation_id: int | None = None,
    amendment_id: int | None = None,
    tally: Tally | None = None,
    named: Sequence[tuple[int, VoteOption]] = (),
    casting_vote: VoteOption | None = None,
    casting_voter_id: int | None = None,
    at: dt.time | None = None,
) -> Decision:
    """Check a vote against every rule and return the decision it makes.

    The outcome of a vote is derived from the counts and the casting vote; for
    a motion resolved without a vote (noted, deferred, withdrawn) it is given.
    """
    result, tally, casting_voter = _checked_vote(
        record,
        outcome,
        recommendation_id,
        amendment_id,
        tally,
        named,
        casting_vote,
        casting_voter_id,
        at,
    )
    return Decision(
        id=decision_id,
        outcome=result,
        recommendation_id=recommendation_id,
        amendment_id=amendment_id,
        tally=tally,
        named=tuple(named),  # none without a tally (_checked_vote)
        casting_vote=casting_vote if tally is not None else None,
        casting_voter_id=casting_voter,
        taken_at=at,
    )


def recorded_outcome(record: MeetingRecord, decision: Decision) -> Outcome:
    """Check a decision already in the record against every rule, as ``decide``
    would; its outcome as the votes make it. (Checking a whole record does this
    for every vote after each attendance change, so nothing is built that is
    not needed.)"""
    result, _tally, _voter = _checked_vote(
        record,
        decision.outcome,
        decision.recommendation_id,
        decision.amendment_id,
        decision.tally,
        decision.named,
        decision.casting_vote,
        decision.casting_voter_id,
        decision.taken_at,
    )
    return result


def _checked_vote(
    record: MeetingRecord,
    outcome: Outcome | None,
    recommendation_id: int | None,
    amendment_id: int | None,
    tally: Tally | None,
    named: Sequence[tuple[int, VoteOption]],
    casting_vote: VoteOption | None,
    casting_voter_id: int | None,
    at: dt.time | None,
) -> tuple[Outcome, Tally | None, int | None]:
    """(outcome, tally, casting voter) of a vote that keeps every rule; else raises."""
    motion = _Motion(record, recommendation_id, amendment_id)
    item_id = motion.item_id
    if tally is None and not named:
        if outcome is None or outcome.needs_vote:
            raise RuleViolation(
                f"Enter the votes on {motion}, or record it as noted, deferred or withdrawn."
            )
        return outcome, None, None
    if outcome is not None and not outcome.needs_vote:
        raise RuleViolation(
            f"{str(motion).capitalize()} cannot be both voted on and {outcome.value}; "
            "clear the votes or choose carried/lost."
        )
    roll = _quorate_roll(record, item_id, at)
    if named:
        _check_named(record, roll, named)
        derived = Tally.from_named(named)
        if tally is not None and tally != derived:
            raise RuleViolation(
                f"The counts typed ({tally.yes} for, {tally.no} against, {tally.abstain} "
                f"abstaining) do not match the named vote ({derived.yes}, {derived.no}, "
                f"{derived.abstain}). The counts of a named vote come from the names."
            )
        tally = derived
    assert tally is not None
    _check_counts(record, roll, tally, motion)
    casting_voter = _check_casting(
        record, item_id, tally, casting_vote, casting_voter_id, at, motion
    )
    result = _outcome(tally, casting_vote)
    if outcome is not None and outcome is not result:
        raise RuleViolation(
            f"With {tally.yes} for and {tally.no} against, {motion} is {result.value}, "
            f"not {outcome.value}."
        )
    return result, tally, casting_voter


def _quorate_roll(record: MeetingRecord, item_id: int, at: dt.time | None) -> _Voters:
    """Who may vote on the item at ``at``, once the meeting is seen to be quorate
    then (else RuleViolation). Asked for every vote when a whole record is
    checked, so worked out once per record: for an item someone declared an
    interest in, once per moment; for any other item, whose voters and quorum
    are the room's, once for each stretch between arrivals and departures (each
    vote is stamped with its own time, and this was half of checking a record
    of 300 votes). A record that is not quorate then keeps nothing and is
    refused again."""

    def compute() -> _Voters:
        require_quorum(record, at, item_id)
        roll = voter_roll(record, item_id, at)
        return _Voters(roll.eligible, roll.excluded)

    if record.declarations and record.declarations_for(item_id):
        return record.derived(("quorate roll", item_id, at), compute)
    return record.derived(("quorate roll of the room", same_room(record, at)), compute)


def _check_casting(
    record: MeetingRecord,
    item_id: int,
    tally: Tally,
    casting_vote: VoteOption | None,
    casting_voter_id: int | None,
    at: dt.time | None,
    motion: _Motion,
) -> int | None:
    if not tally.is_tie:
        if casting_vote is not None:
            raise RuleViolation(
                f"The vote on {motion} is not tied ({tally.yes} for, {tally.no} against), "
                "so there is no casting vote."
            )
        return None
    if casting_vote is None:
        raise RuleViolation(
            f"The vote on {motion} is tied at {tally.yes} each. The person presiding must "
            "give a casting vote for or against."
        )
    if casting_vote is VoteOption.ABSTAIN:
        raise RuleViolation("A casting vote is for or against; it cannot be an abstention.")
    presiding = presiding_member(record, at, item_id)
    voter = casting_voter_id if casting_voter_id is not None else presiding
    if voter is None:
        raise RuleViolation(
            "Neither the chair nor the vice-chair may preside over this vote (not in the "
            "room, or barred by an interest), so name who is presiding before recording "
            "the casting vote."
        )
    if casting_voter_id is not None and presiding is not None and casting_voter_id != presiding:
        raise RuleViolation(
            f"Only the person presiding ({record.name_of(presiding)}) has a casting vote, "
            f"not {record.name_of(casting_voter_id)}."
        )
    if voter not in voter_roll(record, item_id, at).eligible:
        raise RuleViolation(
            f"{record.name_of(voter)} may not vote on this item, so cannot preside over it "
            "with a casting vote. Name a member in the room who may vote."
        )
    return voter


def _outcome(tally: Tally, casting_vote: VoteOption | None) -> Outcome:
    if tally.is_tie:
        return Outcome.CARRIED if casting_vote is VoteOption.YES else Outcome.LOST
    return Outcome.CARRIED if tally.yes > tally.no else Outcome.LOST


def unanimous_tally(record: MeetingRecord, item_id: int, at: dt.time | None) -> Tally:
    """Everyone entitled to vote voted in favour."""
    return Tally(yes=voter_roll(record, item_id, at).size)


def all_for_except(
    record: MeetingRecord,
    item_id: int,
    at: dt.time | None,
    exceptions: dict[int, VoteOption],
) -> list[tuple[int, VoteOption]]:
    """A named vote entered the way clerks write it: all for, except ..."""
    roll = voter_roll(record, item_id, at)
    unknown = [p for p in exceptions if p not in roll.eligible]
    if unknown:
        names = ", ".join(record.name_of(p) for p in unknown)
        raise RuleViolation(f"{names} may not vote on this item, so cannot be an exception.")
    return [(p, exceptions.get(p, VoteOption.YES)) for p in roll.eligible]

"""Recording votes, decisions without a vote, and amendments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.model import Outcome, Recommendation, Tally, VoteOption
from clerkdesk.domain.rules import check_amendment
from clerkdesk.domain.voting import all_for_except, decide, unanimous_tally
from clerkdesk.persistence.entities import Entity
from clerkdesk.services.context import Change, Correction, Desk, UnitOfWork, meeting_action


def _existing(
    work: UnitOfWork, recommendation_id: int | None, amendment_id: int | None
) -> int | None:
    record = work.record
    if recommendation_id is not None:
        found = record.decision_on(recommendation_id)
    elif amendment_id is not None:
        found = record.decision_on_amendment(amendment_id)
    else:
        found = None
    return None if found is None else found.id


def _remove_named(work: UnitOfWork, decision_id: int) -> None:
    for named_id in work.ids(Entity.NAMED_VOTE, decision_id=decision_id):
        work.remove(Entity.NAMED_VOTE, named_id)


def _remove(work: UnitOfWork, decision_id: int) -> None:
    _remove_named(work, decision_id)
    work.remove(Entity.DECISION, decision_id)


def _voted_on(
    scope: UnitOfWork, recommendation_id: int | None, amendment_id: int | None
) -> Recommendation:
    """The recommendation voted on, or the one the amendment voted on would amend."""
    record = scope.record
    if amendment_id is not None:
        return record.recommendation(record.amendment(amendment_id).recommendation_id)
    if recommendation_id is None:
        raise RuleViolation("Choose a recommendation or an amendment to vote on.")
    return record.recommendation(recommendation_id)


def _motion_name(scope: UnitOfWork, recommendation_id: int | None, amendment_id: int | None) -> str:
    rec = _voted_on(scope, recommendation_id, amendment_id)
    prefix = "the amendment to " if amendment_id is not None else ""
    item = scope.record.item(rec.item_id)
    return f"{prefix}{item.number} {rec.label or f'recommendation {rec.position + 1}'}"


def record_vote(
    desk: Desk,
    meeting_id: int,
    *,
    recommendation_id: int | None = None,
    amendment_id: int | None = None,
    tally: Tally | None = None,
    named: Sequence[tuple[int, VoteOption]] = (),
    outcome: Outcome | None = None,
    casting_vote: VoteOption | None = None,
    casting_voter_id: int | None = None,
    at: dt.time | None = None,
    correction: Correction | None = None,
) -> Change:
    """Record (or re-record) the decision on one recommendation or amendment."""
    with meeting_action(desk, meeting_id, "vote", correction=correction) as scope:
        _write_decision(
            scope,
            recommendation_id=recommendation_id,
            amendment_id=amendment_id,
            tally=tally,
            named=named,
            outcome=outcome,
            casting_vote=casting_vote,
            casting_voter_id=casting_voter_id,
            at=at,
        )
    return scope.done()


def _write_decision(
    scope: UnitOfWork,
    *,
    recommendation_id: int | None,
    amendment_id: int | None,
    tally: Tally | None = None,
    named: Sequence[tuple[int, VoteOption]] = (),
    outcome: Outcome | None = None,
    casting_vote: VoteOption | None = None,
    casting_voter_id: int | None = None,
    at: dt.time | None = None,
) -> None:
    motion = _motion_name(scope, recommendation_id, amendment_id)
    decision = decide(
        scope.record,
        decision_id=0,
        outcome=outcome,
        recommendation_id=recommendation_id,
        amendment_id=amendment_id,
        tally=tally,
        named=named,
        casting_vote=casting_vote,
        casting_voter_id=casting_voter_id,
        at=at,
    )
    tally_given = decision.tally
    values = {
        "outcome": decision.outcome.value,
        "yes": tally_given.yes if tally_given else None,
        "no": tally_given.no if tally_given else None,
        "abstain": tally_given.abstain if tally_given else None,
        "casting_vote": decision.casting_vote.value if decision.casting_vote else None,
        "casting_voter_id": decision.casting_voter_id,
        "taken_at": at.replace(second=0, microsecond=0) if at else None,
    }
    decision_id = _existing(scope, recommendation_id, amendment_id)
    if decision_id is not None:
        # Re-recorded (a recount, a correction): the decision's row is changed
        # in place, half the pages of deleting it and inserting another; its
        # named votes, if any, are replaced.
        _remove_named(scope, decision_id)
        scope.change(Entity.DECISION, decision_id, **values)
    else:
        decision_id = scope.add(
            Entity.DECISION,
            meeting_id=scope.meeting_id,
            recommendation_id=recommendation_id,
            amendment_id=amendment_id,
            **values,
        )
    for position, (person_id, option) in enumerate(decision.named):
        scope.add(
            Entity.NAMED_VOTE,
            decision_id=decision_id,
            person_id=person_id,
            option=option.value,
            position=position,
        )
    scope.new_id = decision_id
    scope.label = f"Vote on {motion}: {decision.outcome.value}"


def record_unanimous(
    desk: Desk,
    meeting_id: int,
    recommendation_id: int | None = None,
    at: dt.time | None = None,
    *,
    amendment_id: int | None = None,
    correction: Correction | None = None,
) -> Change:
    """Everyone entitled to vote voted in favour (read and written in one transaction)."""
    with meeting_action(desk, meeting_id, "vote", correction=correction) as scope:
        item_id = _voted_on(scope, recommendation_id, amendment_id).item_id
        tally = unanimous_tally(scope.record, item_id, at)
        if tally.yes == 0:
            raise RuleViolation(
                "Nobody in the room may vote on this item, so it cannot be unanimous."
            )
        _write_decision(
            scope,
            recommendation_id=recommendation_id,
            amendment_id=amendment_id,
            tally=tally,
            at=at,
        )
    return scope.done()


def record_named_vote(
    desk: Desk,
    meeting_id: int,
    recommendation_id: int | None,
    exceptions: dict[int, VoteOption],
    at: dt.time | None = None,
    casting_vote: VoteOption | None = None,
    *,
    amendment_id: int | None = None,
    casting_voter_id: int | None = None,
    correction: Correction | None = None,
) -> Change:
    """A recorded vote entered as clerks write it: all for, except ...

    ``casting_voter_id`` names who presides when neither the chair nor the
    vice-chair may (the domain refuses anyone else while either may)."""
    with meeting_action(desk, meeting_id, "vote", correction=correction) as scope:
        item_id = _voted_on(scope, recommendation_id, amendment_id).item_id
        named = all_for_except(scope.record, item_id, at, exceptions)
        _write_decision(
            scope,
            recommendation_id=recommendation_id,
            amendment_id=amendment_id,
            named=named,
            at=at,
            casting_vote=casting_vote,
            casting_voter_id=casting_voter_id,
        )
    return scope.done()


def clear_vote(
    desk: Desk,
    meeting_id: int,
    *,
    recommendation_id: int | None = None,
    amendment_id: int | None = None,
    correction: Correction | None = None,
) -> Change:
    with meeting_action(desk, meeting_id, "clear vote", correction=correction) as scope:
        motion = _motion_name(scope, recommendation_id, amendment_id)
        old = _existing(scope, recommendation_id, amendment_id)
        if old is None:
            raise NotFoundError(f"No vote is recorded on {motion}.")
        _remove(scope, old)
        scope.label = f"Clear the vote on {motion}"
    return scope.done()


def add_amendment(
    desk: Desk,
    meeting_id: int,
    recommendation_id: int,
    mover_id: int,
    seconder_id: int,
    text: str,
    resulting_text: str | None = None,
    *,
    correction: Correction | None = None,
) -> Change:
    if not text.strip():
        raise RuleViolation("Write the amendment's wording.")
    with meeting_action(desk, meeting_id, "amendment", correction=correction) as scope:
        record = scope.record
        record.recommendation(recommendation_id)
        check_amendment(record, mover_id, seconder_id)
        positions = [
            a.position for a in record.amendments if a.recommendation_id == recommendation_id
        ]
        scope.new_id = scope.add(
            Entity.AMENDMENT,
            recommendation_id=recommendation_id,
            position=max(positions, default=-1) + 1,
            mover_id=mover_id,
            seconder_id=seconder_id,
            text=text.strip(),
            resulting_text=resulting_text.strip() if resulting_text else None,
        )
        scope.label = f"Amendment moved by {record.name_of(mover_id)}"
    return scope.done()


def remove_amendment(
    desk: Desk, meeting_id: int, amendment_id: int, *, correction: Correction | None = None
) -> Change:
    with meeting_action(desk, meeting_id, "remove amendment", correction=correction) as scope:
        scope.record.amendment(amendment_id)
        old = _existing(scope, None, amendment_id)
        if old is not None:
            _remove(scope, old)
        scope.remove(Entity.AMENDMENT, amendment_id)
        scope.label = "Remove amendment"
    return scope.done()

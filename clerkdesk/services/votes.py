"""Recording votes, decisions without a vote, and amendments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.model import Capacity, Outcome, Tally, VoteOption
from clerkdesk.domain.voting import all_for_except, decide, unanimous_tally
from clerkdesk.persistence.schema import AmendmentRow
from clerkdesk.services.context import ActionScope, Change, Correction, Desk, meeting_action
from clerkdesk.services.setup import next_position

AREAS = frozenset({"votes"})


# Votes are recorded all through a meeting, so their rows are written through
# the action's RowWriter rather than the ORM.
_BY_RECOMMENDATION = "SELECT id FROM decision WHERE recommendation_id = ?"
_BY_AMENDMENT = "SELECT id FROM decision WHERE amendment_id = ?"
_NAMED_VOTES = "SELECT id FROM named_vote WHERE decision_id = ? ORDER BY position, id"


def _existing(
    scope: ActionScope, recommendation_id: int | None, amendment_id: int | None
) -> int | None:
    if recommendation_id is not None:
        found = scope.rows.value(_BY_RECOMMENDATION, recommendation_id)
    else:
        found = scope.rows.value(_BY_AMENDMENT, amendment_id)
    return None if found is None else int(found)


def _remove(scope: ActionScope, decision_id: int) -> None:
    named = [row[0] for row in scope.rows.all(_NAMED_VOTES, decision_id)]
    for named_id in named:
        scope.rows.delete("named_vote", named_id)
    scope.rows.delete("decision", decision_id)


def _motion_name(
    scope: ActionScope, recommendation_id: int | None, amendment_id: int | None
) -> str:
    record = scope.record
    if amendment_id is not None:
        amendment = record.amendment(amendment_id)
        rec = record.recommendation(amendment.recommendation_id)
        prefix = "the amendment to "
    elif recommendation_id is not None:
        rec = record.recommendation(recommendation_id)
        prefix = ""
    else:
        raise RuleViolation("Choose a recommendation or an amendment to vote on.")
    item = record.item(rec.item_id)
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
    return Change(scope.label, meeting_id, AREAS, new_id=scope.new_id)


def _item_of(scope: ActionScope, recommendation_id: int | None, amendment_id: int | None) -> int:
    record = scope.record
    if amendment_id is not None:
        return record.recommendation(record.amendment(amendment_id).recommendation_id).item_id
    if recommendation_id is None:
        raise RuleViolation("Choose a recommendation or an amendment to vote on.")
    return record.recommendation(recommendation_id).item_id


def _write_decision(
    scope: ActionScope,
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
        for named_id in [row[0] for row in scope.rows.all(_NAMED_VOTES, decision_id)]:
            scope.rows.delete("named_vote", named_id)
        scope.rows.update("decision", decision_id, values)
    else:
        decision_id = scope.rows.insert(
            "decision",
            {
                "meeting_id": scope.meeting_id,
                "recommendation_id": recommendation_id,
                "amendment_id": amendment_id,
                **values,
            },
        )
    for position, (person_id, option) in enumerate(decision.named):
        scope.rows.insert(
            "named_vote",
            {
                "decision_id": decision_id,
                "person_id": person_id,
                "option": option.value,
                "position": position,
            },
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
        item_id = _item_of(scope, recommendation_id, amendment_id)
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
    return Change(scope.label, meeting_id, AREAS, new_id=scope.new_id)


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
        item_id = _item_of(scope, recommendation_id, amendment_id)
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
    return Change(scope.label, meeting_id, AREAS, new_id=scope.new_id)


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
    return Change(scope.label, meeting_id, AREAS)


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
        for person_id, role in ((mover_id, "mover"), (seconder_id, "seconder")):
            attendee = record.attendee(person_id)
            if attendee is None or attendee.capacity not in (Capacity.MEMBER, Capacity.SUBSTITUTE):
                raise RuleViolation(
                    f"The {role} must be a member or substitute at this meeting; "
                    f"{record.name_of(person_id)} is not."
                )
        if mover_id == seconder_id:
            raise RuleViolation("An amendment must be seconded by someone other than its mover.")
        row = AmendmentRow(
            recommendation_id=recommendation_id,
            position=next_position(
                scope.session,
                AmendmentRow.position,
                AmendmentRow.recommendation_id == recommendation_id,
            ),
            mover_id=mover_id,
            seconder_id=seconder_id,
            text=text.strip(),
            resulting_text=resulting_text.strip() if resulting_text else None,
        )
        scope.session.add(row)
        scope.session.flush()
        scope.new_id = row.id
        scope.label = f"Amendment moved by {record.name_of(mover_id)}"
    return Change(scope.label, meeting_id, AREAS | {"items"}, new_id=scope.new_id)


def remove_amendment(
    desk: Desk, meeting_id: int, amendment_id: int, *, correction: Correction | None = None
) -> Change:
    with meeting_action(desk, meeting_id, "remove amendment", correction=correction) as scope:
        scope.record.amendment(amendment_id)
        old = _existing(scope, None, amendment_id)
        if old is not None:
            _remove(scope, old)
        scope.rows.delete("amendment", amendment_id)
        scope.label = "Remove amendment"
    return Change(scope.label, meeting_id, AREAS | {"items"})

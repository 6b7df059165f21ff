"""A recommendation as minuted: its text and sub-points, amendments, votes, outcome."""

from __future__ import annotations

import datetime as dt

from clerkdesk.domain.attendance import presiding_member
from clerkdesk.domain.model import Decision, MeetingRecord, Outcome, Recommendation
from clerkdesk.export.attendance_view import person_name, styled_name
from clerkdesk.export.view_model import Block, BlockKind, plain
from clerkdesk.export.wording import (
    amendment_line,
    casting_line,
    emphasis_runs,
    named_vote_lines,
    outcome_line,
    vote_lines,
)


def _worded(kind: BlockKind, text: str) -> Block:
    return Block(kind, emphasis_runs(text))


def _item_of(record: MeetingRecord, decision: Decision) -> int | None:
    rec_id = decision.recommendation_id
    if rec_id is None and decision.amendment_id is not None:
        rec_id = record.amendment(decision.amendment_id).recommendation_id
    return record.recommendation(rec_id).item_id if rec_id is not None else None


def _presiding(record: MeetingRecord, decision: Decision) -> str:
    voter = decision.casting_voter_id
    if voter is None:
        voter = presiding_member(record, decision.taken_at, _item_of(record, decision))
    if voter is None:
        return f"the {record.chair_style.value}"
    attendee = record.attendee(voter)
    role = record.chair_style.role_title(attendee.role) if attendee else None
    if role:
        return f"the {role}"
    return f"{styled_name(record, voter)}, presiding,"


def decision_blocks(record: MeetingRecord, decision: Decision | None, motion: str) -> list[Block]:
    if decision is None:
        return []
    blocks: list[Block] = []
    if decision.tally is not None and decision.outcome.needs_vote:
        blocks += [_worded(BlockKind.VOTE, line) for line in vote_lines(decision.tally, motion)]
    if decision.named:
        named = [(person_name(record, pid), option) for pid, option in decision.named]
        blocks += [plain(BlockKind.NAMES, line) for line in named_vote_lines(named)]
    if decision.casting_vote is not None:
        line = casting_line(decision.casting_vote, _presiding(record, decision), motion)
        blocks.append(_worded(BlockKind.VOTE, line))
    blocks.append(_worded(BlockKind.OUTCOME, outcome_line(decision.outcome, motion)))
    return blocks


def _labelled(rec: Recommendation, text: str) -> list[Block]:
    """The recommendation labelled as the report labels it, its sub-points a list under it."""
    label = f"{rec.label} " if rec.label else ""
    blocks = [plain(BlockKind.RECOMMENDATION, f"{label}{text}")]
    blocks += [plain(BlockKind.POINT, point) for point in rec.points]
    return blocks


Segment = tuple[dt.time | None, list[Block]]  # blocks, and when the vote in them was taken


def recommendation_segments(record: MeetingRecord, rec: Recommendation) -> list[Segment]:
    """The recommendation as minuted, in pieces that each end with a vote (and its
    time), so that an arrival or departure can be placed between two votes."""
    segments: list[Segment] = [(None, _labelled(rec, rec.text))]
    resolved_text: str | None = None
    for amendment in record.amendments_of(rec.id):
        mover = person_name(record, amendment.mover_id)
        seconder = person_name(record, amendment.seconder_id)
        line = plain(BlockKind.TEXT, amendment_line(mover, seconder, amendment.text.strip()))
        decision = record.decision_on_amendment(amendment.id)
        taken = decision.taken_at if decision is not None else None
        segments.append((taken, [line, *decision_blocks(record, decision, "amendment")]))
        if decision is not None and decision.outcome is Outcome.CARRIED:
            resolved_text = amendment.resulting_text or resolved_text
    final: list[Block] = []
    if resolved_text:
        final.append(plain(BlockKind.TEXT, "The recommendation, as amended, was then put:"))
        final += _labelled(rec, resolved_text)
    decision = record.decision_on(rec.id)
    final += decision_blocks(record, decision, "recommendation")
    segments.append((decision.taken_at if decision is not None else None, final))
    return segments

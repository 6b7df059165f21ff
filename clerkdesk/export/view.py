"""Build the minutes view from a meeting record: the one place that filters.

``build_minutes_view(record, confidential=False)`` gives the public minutes: a
Part II item appears only as its heading, the Schedule 12A paragraph relied
on, and the clerk's non-exempt summary. ``confidential=True`` gives
everything, flagged so that renderers mark every page CONFIDENTIAL.
"""

from __future__ import annotations

from clerkdesk.domain.attendance import presiding_member
from clerkdesk.domain.model import (
    AgendaItem,
    Decision,
    MeetingRecord,
    MeetingStatus,
    Outcome,
    Recommendation,
)
from clerkdesk.export.agenda_notes import day_notes, without_recommendations
from clerkdesk.export.attendance_view import (
    attendance_groups,
    declaration_note,
    interests_statement,
    movement_notes,
    styled_name,
)
from clerkdesk.export.view_model import Block, BlockKind, ItemView, MinutesView
from clerkdesk.export.wording import (
    amendment_line,
    casting_line,
    clock,
    emphasis_runs,
    exclusion_resolution,
    exempt_paragraph_line,
    long_date,
    named_vote_lines,
    outcome_line,
    vote_lines,
)

PART_I = "PART I ('OPEN') BUSINESS"
PART_II = "PART II ('CLOSED') BUSINESS"


def _plain(kind: BlockKind, text: str, number: str = "", action: str = "") -> Block:
    return Block(kind, ((text, False),), number, action)


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


def _decision_blocks(record: MeetingRecord, decision: Decision | None, motion: str) -> list[Block]:
    if decision is None:
        return []
    blocks: list[Block] = []
    if decision.tally is not None and decision.outcome.needs_vote:
        blocks += [_worded(BlockKind.VOTE, line) for line in vote_lines(decision.tally, motion)]
    if decision.named:
        named = [(record.name_of(pid), option) for pid, option in decision.named]
        blocks += [_plain(BlockKind.NAMES, line) for line in named_vote_lines(named)]
    if decision.casting_vote is not None:
        line = casting_line(decision.casting_vote, _presiding(record, decision), motion)
        blocks.append(_worded(BlockKind.VOTE, line))
    blocks.append(_worded(BlockKind.OUTCOME, outcome_line(decision.outcome, motion)))
    return blocks


def _labelled(rec: Recommendation, text: str) -> Block:
    label = f"{rec.label} " if rec.label else ""
    return _plain(BlockKind.RECOMMENDATION, f"{label}{text}")


def _recommendation_blocks(record: MeetingRecord, rec: Recommendation) -> list[Block]:
    blocks = [_labelled(rec, rec.text)]
    resolved_text: str | None = None
    for amendment in record.amendments_of(rec.id):
        mover = record.name_of(amendment.mover_id)
        seconder = record.name_of(amendment.seconder_id)
        blocks.append(
            _plain(BlockKind.TEXT, amendment_line(mover, seconder, amendment.text.strip()))
        )
        decision = record.decision_on_amendment(amendment.id)
        blocks += _decision_blocks(record, decision, "amendment")
        if decision is not None and decision.outcome is Outcome.CARRIED:
            resolved_text = amendment.resulting_text or resolved_text
    if resolved_text:
        blocks.append(_plain(BlockKind.TEXT, "The recommendation, as amended, was then put:"))
        blocks.append(_labelled(rec, resolved_text))
    blocks += _decision_blocks(record, record.decision_on(rec.id), "recommendation")
    return blocks


def _item_number(item: AgendaItem) -> str:
    return item.number.strip().rstrip(".")


def _full_item(record: MeetingRecord, item: AgendaItem) -> list[Block]:
    number = _item_number(item)
    blocks: list[Block] = []
    if item.report_title:
        author = f" ({item.report_author})" if item.report_author else ""
        blocks.append(_plain(BlockKind.TEXT, f"Report: {item.report_title}{author}"))
    elif item.report_author:
        blocks.append(_plain(BlockKind.TEXT, f"Report of {item.report_author}"))
    if item.contact_officer:
        blocks.append(_plain(BlockKind.TEXT, f"Officer Contact: {item.contact_officer}"))
    blocks += [_plain(BlockKind.NOTE, note) for note in movement_notes(record, item.id)]
    for declaration in record.declarations_for(item.id):
        blocks.append(_plain(BlockKind.NOTE, declaration_note(record, declaration)))
    for index, paragraph in enumerate(record.paragraphs_of(item.id), start=1):
        blocks.append(_plain(BlockKind.PARAGRAPH, paragraph.text, f"{number}.{index}"))
    for rec in record.recommendations_of(item.id):
        blocks += _recommendation_blocks(record, rec)
    for action in record.actions_of(item.id):
        blocks.append(_plain(BlockKind.ACTION, action.text, action=action.owner))
    return blocks


def _exempt_heading(item: AgendaItem) -> list[Block]:
    blocks: list[Block] = []
    if item.exempt_paragraph is not None:
        line = exempt_paragraph_line(item.exempt_paragraph)
        blocks.append(
            _plain(
                BlockKind.EXEMPT,
                "The press and public were excluded for this item, which involved exempt "
                f"information as defined in {line}.",
            )
        )
    if item.public_summary:
        blocks.append(_plain(BlockKind.TEXT, item.public_summary))
    return blocks


def _items(record: MeetingRecord, confidential: bool) -> list[ItemView]:
    ordered = record.ordered_items
    exempt = [i for i in ordered if i.is_exempt]
    views: list[ItemView] = []
    part: int | None = None
    for item in ordered:
        if item.part != part:
            if item.is_exempt and part != 2:
                paragraphs = [i.exempt_paragraph for i in exempt if i.exempt_paragraph]
                resolution = [_plain(BlockKind.TEXT, "RESOLVED:")]
                if paragraphs:
                    resolution.append(
                        _plain(BlockKind.RECOMMENDATION, exclusion_resolution(paragraphs))
                    )
                views.append(ItemView("", PART_II, tuple(resolution), banner=True))
            elif not item.is_exempt:
                views.append(ItemView("", PART_I, banner=True))
            part = item.part
        shows_detail = confidential or not item.is_exempt
        blocks = day_notes(record, item, shows_detail=shows_detail)
        blocks += _exempt_heading(item) if item.is_exempt else []
        if shows_detail:
            full = _full_item(record, item)
            blocks += full if item.disposal is None else without_recommendations(full)
        views.append(ItemView(_item_number(item), item.title, tuple(blocks), item.is_exempt))
    return views


def _attendance_notes(record: MeetingRecord, confidential: bool) -> tuple[str, ...]:
    notes = movement_notes(record, None)
    if not confidential:
        # Movements during exempt items are minuted here, naming only the item.
        for item in record.ordered_items:
            if item.is_exempt:
                notes += movement_notes(record, item.id, item_label=_item_number(item))
    return tuple(notes)


def _status_line(record: MeetingRecord) -> str:
    if record.status is MeetingStatus.APPROVED:
        when = f" on {long_date(record.approved_at.date())}" if record.approved_at else ""
        who = f", signed by {record.approved_by}" if record.approved_by else ""
        return f"Approved as a correct record{when}{who}."
    return "DRAFT: these minutes have not yet been approved as a correct record."


def build_minutes_view(record: MeetingRecord, *, confidential: bool) -> MinutesView:
    items = _items(record, confidential)
    shown = {
        i.id for i in record.items if confidential or not i.is_exempt
    }  # items whose declarations are printed
    corrections = tuple(
        f"Corrected on {long_date(c.made_at.date())} by {c.made_by}"
        + (f": {c.reason}. {c.summary}" if confidential else ".")
        for c in record.corrections
    )
    return MinutesView(
        organisation=record.organisation,
        committee=record.committee,
        date_text=long_date(record.date),
        time_text=clock(record.start_time) if record.start_time else "",
        venue=record.venue or "",
        confidential=confidential,
        draft=record.status is not MeetingStatus.APPROVED,
        status_line=_status_line(record),
        attendance=attendance_groups(record),
        attendance_notes=_attendance_notes(record, confidential),
        introduction=(
            f"Upon consideration of the agenda for the {record.committee} meeting on "
            f"{record.date.day} {record.date:%B %Y} as circulated, copy annexed, conclusions "
            "were reached and are recorded below:"
        ),
        interests_statement=interests_statement(record, shown_items=shown),
        items=tuple(items),
        corrections=corrections,
        signature_label=record.chair_style.value.upper(),
        initials_label=f"{record.chair_style.value.upper()}'S INITIALS",
    )

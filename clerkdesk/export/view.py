"""Build the minutes view from a meeting record: the one place that filters.

``build_minutes_view(record, confidential=False)`` gives the public minutes: a
Part II item appears only as its heading, the Schedule 12A paragraph relied
on, and the clerk's non-exempt summary. ``confidential=True`` gives
everything, flagged so that renderers mark every page CONFIDENTIAL.
"""

from __future__ import annotations

from clerkdesk.domain.corrections import CorrectionAccount, account_of
from clerkdesk.domain.model import AgendaItem, MeetingRecord, MeetingStatus
from clerkdesk.export.agenda_notes import day_notes
from clerkdesk.export.attendance_view import (
    attendance_groups,
    clerk_notes,
    interests_statement,
    movement_notes,
    unbroken,
)
from clerkdesk.export.item_view import ItemContext, item_blocks
from clerkdesk.export.view_model import Block, BlockKind, ItemView, MinutesView, plain
from clerkdesk.export.wording import (
    clock,
    closing_line,
    correction_line,
    exclusion_resolution,
    exempt_paragraph_line,
    long_date,
)

PART_I = "PART I ('OPEN') BUSINESS"
PART_II = "PART II ('CLOSED') BUSINESS"


def _item_number(item: AgendaItem) -> str:
    return item.number.strip().rstrip(".")


def _exempt_heading(item: AgendaItem, accounts: tuple[CorrectionAccount, ...]) -> list[Block]:
    blocks: list[Block] = []
    if item.exempt_paragraph is not None:
        line = exempt_paragraph_line(item.exempt_paragraph)
        blocks.append(
            plain(
                BlockKind.EXEMPT,
                "The press and public were excluded for this item, which involved exempt "
                f"information as defined in {line}.",
            )
        )
    if item.public_summary:
        blocks.append(plain(BlockKind.TEXT, item.public_summary))
    # That exempt business was corrected is public; why and what, only confidential.
    blocks += [
        plain(BlockKind.NOTE, correction_line(a, detailed=False))
        for a in accounts
        if a.item_id == item.id
    ]
    return blocks


def _items(
    record: MeetingRecord, confidential: bool, accounts: tuple[CorrectionAccount, ...]
) -> list[ItemView]:
    ordered = record.ordered_items
    exempt = [i for i in ordered if i.is_exempt]
    views: list[ItemView] = []
    part: int | None = None
    for item in ordered:
        if item.part != part:
            if item.is_exempt and part != 2:
                paragraphs = [i.exempt_paragraph for i in exempt if i.exempt_paragraph]
                resolution = [plain(BlockKind.TEXT, "RESOLVED:")]
                if paragraphs:
                    resolution.append(
                        plain(BlockKind.RECOMMENDATION, exclusion_resolution(paragraphs))
                    )
                views.append(ItemView("", PART_II, tuple(resolution), banner=True))
            elif not item.is_exempt:
                views.append(ItemView("", PART_I, banner=True))
            part = item.part
        shown = confidential or not item.is_exempt
        # The Welsh title, where the agenda gave one, right under the English heading:
        # it is as public as the English title, so the public minutes carry it too.
        blocks = [plain(BlockKind.TEXT, item.welsh_title)] if item.welsh_title else []
        blocks += day_notes(record, item, shows_detail=shown)
        blocks += _exempt_heading(item, () if shown else accounts) if item.is_exempt else []
        if shown:
            number = _item_number(item)
            blocks += item_blocks(ItemContext(record, item, number, confidential, accounts))
        views.append(ItemView(_item_number(item), item.title, tuple(blocks), item.is_exempt))
    return views


def _attendance_notes(record: MeetingRecord, confidential: bool) -> tuple[str, ...]:
    notes = clerk_notes(record) + movement_notes(record, None)
    if not confidential:
        # Movements during exempt items are minuted here, naming only the item.
        for item in record.ordered_items:
            if item.is_exempt:
                notes += movement_notes(record, item.id, item_label=_item_number(item))
    return tuple(notes)


def _status_line(record: MeetingRecord) -> str:
    if record.status is MeetingStatus.APPROVED:
        when = f" on {long_date(record.approved_at.date())}" if record.approved_at else ""
        who = f", signed by {unbroken(record.approved_by)}" if record.approved_by else ""
        return f"Approved as a correct record{when}{who}."
    return "DRAFT: these minutes have not yet been approved as a correct record."


def _proper_officer(record: MeetingRecord) -> tuple[str, ...]:
    """The proper officer's line at the foot, in capitals as the real minutes set it."""
    lines = [record.proper_officer, record.proper_officer_title]
    return tuple(unbroken(line).upper() for line in lines if line)


def build_minutes_view(record: MeetingRecord, *, confidential: bool) -> MinutesView:
    accounts = tuple(account_of(record, c) for c in record.corrections)
    items = _items(record, confidential, accounts)
    shown = {
        i.id for i in record.items if confidential or not i.is_exempt
    }  # items whose declarations are printed
    # A correction of one item is minuted with it; the rest (attendance, the
    # meeting's details) after the last item. Why and what changed are public
    # unless they might tell of exempt business.
    corrections = tuple(
        correction_line(a, detailed=confidential) for a in accounts if a.item_id is None
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
        closing_line=closing_line(record.closed_at) if record.closed_at else "",
        proper_officer_lines=_proper_officer(record),
        signature_label=record.chair_style.value.upper(),
        initials_label=f"{record.chair_style.value.upper()}'S INITIALS",
    )

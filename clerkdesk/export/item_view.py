"""One agenda item as minuted: its blocks, in the order things happened.

An item is set out in sections, each a small function of an :class:`ItemContext`
(``SECTIONS``): the report, arrivals and departures before any vote,
declarations, the numbered minute paragraphs with
their actions beside them, the recommendations put to the vote (inside a
numbered paragraph, labelled as the report labels them, with each arrival or
departure placed where it happened between the votes), actions belonging to no
paragraph, and corrections made after approval. A new kind of content (the
reason an urgent item was taken, say) is one more section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from clerkdesk.domain.corrections import CorrectionAccount
from clerkdesk.domain.model import AgendaItem, MeetingRecord
from clerkdesk.export.attendance_view import Movement, declaration_note, movements
from clerkdesk.export.recommendation_view import Segment, recommendation_segments
from clerkdesk.export.view_model import Block, BlockKind, plain
from clerkdesk.export.wording import correction_line


@dataclass
class ItemContext:
    """What every section of one item needs, and the item's running paragraph number."""

    record: MeetingRecord
    item: AgendaItem
    number: str  # the item's number as printed ("3")
    confidential: bool
    corrections: tuple[CorrectionAccount, ...] = ()
    _paragraphs: int = field(default=0)
    _segments: list[Segment] | None = field(default=None)

    @property
    def segments(self) -> list[Segment]:
        """The item's recommendations as minuted, in pieces each ending with a vote
        and the time it was taken (built once)."""
        if self._segments is None:
            record = self.record
            self._segments = [
                segment
                for rec in record.recommendations_of(self.item.id)
                for segment in recommendation_segments(record, rec)
            ]
        return self._segments

    def next_number(self) -> str:
        """The next minute paragraph number of this item: "3.1", "3.2", ..."""
        self._paragraphs += 1
        return f"{self.number}.{self._paragraphs}"


def report_lines(ctx: ItemContext) -> list[Block]:
    item = ctx.item
    blocks: list[Block] = []
    if item.report_title:
        author = f" ({item.report_author})" if item.report_author else ""
        blocks.append(plain(BlockKind.TEXT, f"Report: {item.report_title}{author}"))
    elif item.report_author:
        blocks.append(plain(BlockKind.TEXT, f"Report of {item.report_author}"))
    if item.contact_officer:
        blocks.append(plain(BlockKind.TEXT, f"Officer Contact: {item.contact_officer}"))
    return blocks


def declarations(ctx: ItemContext) -> list[Block]:
    return [
        plain(BlockKind.NOTE, declaration_note(ctx.record, d))
        for d in ctx.record.declarations_for(ctx.item.id)
    ]


def paragraphs_with_actions(ctx: ItemContext) -> list[Block]:
    """Each minute paragraph numbered, its actions' owners in the ACTION column beside
    it and what they will do right under it, as the real minutes set them."""
    record = ctx.record
    blocks: list[Block] = []
    for paragraph in record.paragraphs_of(ctx.item.id):
        beside = [a for a in record.actions_of(ctx.item.id) if a.paragraph_id == paragraph.id]
        owners = "; ".join(a.owner for a in beside)
        blocks.append(plain(BlockKind.PARAGRAPH, paragraph.text, ctx.next_number(), owners))
        blocks += [plain(BlockKind.ACTION, a.text) for a in beside]
    return blocks


def _lead_in(ctx: ItemContext, count: int) -> list[Block]:
    """The numbered paragraph the recommendations are set inside, so that a report's
    own labels ("3.1", "(a)") never stand where a minute number does. A clerk's last
    paragraph that ends with a colon already introduces them."""
    typed = ctx.record.paragraphs_of(ctx.item.id)
    if typed and typed[-1].text.rstrip().endswith(":"):
        return []
    text = (
        "The recommendation of the report was put to the vote:"
        if count == 1
        else "The recommendations of the report were put to the vote:"
    )
    return [plain(BlockKind.PARAGRAPH, text, ctx.next_number())]


def _slot(segments: list[Segment], move: Movement) -> int:
    """After which piece of the votes a movement happened: the last vote taken before
    it (a member in the room at a vote was there for it); -1 for before them all."""
    earlier = [n for n, (t, _) in enumerate(segments) if t is not None and t < move.at]
    return max(earlier, default=-1)


def early_movements(ctx: ItemContext) -> list[Block]:
    """Arrivals and departures before any vote of the item: at its head, as ever."""
    moves = movements(ctx.record, ctx.item.id)
    return [plain(BlockKind.NOTE, m.text) for m in moves if _slot(ctx.segments, m) == -1]


def recommendations_and_movements(ctx: ItemContext) -> list[Block]:
    """The recommendations, amendments and votes, each later arrival or departure
    placed right after the vote it followed."""
    segments = ctx.segments
    if not segments or ctx.item.disposal is not None:  # withdrawn or deferred: no vote
        return []
    moves = [(_slot(segments, m), m) for m in movements(ctx.record, ctx.item.id)]
    count = len(ctx.record.recommendations_of(ctx.item.id))
    blocks = _lead_in(ctx, count)
    for index, (_, piece) in enumerate(segments):
        blocks += piece
        blocks += [plain(BlockKind.NOTE, m.text) for n, m in moves if n == index]
    return blocks


def other_actions(ctx: ItemContext) -> list[Block]:
    """Actions that belong to no paragraph (or to one since deleted): at the end."""
    record = ctx.record
    here = {p.id for p in record.paragraphs_of(ctx.item.id)}
    return [
        plain(BlockKind.ACTION, a.text, action=a.owner)
        for a in record.actions_of(ctx.item.id)
        if a.paragraph_id not in here
    ]


def corrections(ctx: ItemContext) -> list[Block]:
    """Corrections after approval, with the item they changed: when, by whom, why, what."""
    return [
        plain(BlockKind.NOTE, correction_line(account, detailed=True))
        for account in ctx.corrections
        if account.item_id == ctx.item.id
    ]


Section = Callable[[ItemContext], list[Block]]
SECTIONS: tuple[Section, ...] = (
    report_lines,
    early_movements,
    declarations,
    paragraphs_with_actions,
    recommendations_and_movements,
    other_actions,
    corrections,
)


def item_blocks(ctx: ItemContext) -> list[Block]:
    return [block for section in SECTIONS for block in section(ctx)]

"""The minutes as PDF (reportlab), then certified (see :mod:`clerkdesk.export.certify`).

Structure after pretix's invoices: one stylesheet, a ``BaseDocTemplate`` with
first and later page templates, headers and footers drawn in page callbacks,
and a numbered canvas that writes "Page X of Y" once the page count is known.

The minutes are a flow of paragraphs, not tables: each minute is one
Paragraph indented into the text column, its number set as the paragraph's
bullet in the number column, and an action's owner drawn beside it in the
ACTION column (:class:`clerkdesk.export.pdf_parts.ActionRow`). A table per
item made reportlab wrap every paragraph three times and could not break a
long minute across pages. What must share a page (a heading and its first
minute; a recommendation, its vote and the outcome; a part heading and the
resolution; the end of the last item and the signature) is marked
keep-with-next and placed as one :class:`~clerkdesk.export.pdf_parts.Stack`.
"""

from __future__ import annotations

import io
from functools import partial
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from clerkdesk.export.pdf_styles import Geometry, stylesheet
from clerkdesk.export.view_model import Block, BlockKind, ItemView, MinutesView

if TYPE_CHECKING:
    from clerkdesk.export.certify import Certifier, ChairFields

G = Geometry
_BLOCK_STYLE = {
    BlockKind.PARAGRAPH: "m-para",
    BlockKind.TEXT: "m-text",
    BlockKind.EXEMPT: "m-exempt",
    BlockKind.NOTE: "m-note",
    BlockKind.RECOMMENDATION: "m-rec",
    BlockKind.POINT: "m-point",
    BlockKind.VOTE: "m-vote",
    BlockKind.NAMES: "m-vote",
    BlockKind.OUTCOME: "m-outcome",
    BlockKind.ACTION: "m-text",
}
_TAIL_BLOCKS = 2  # how much of the last item the signature block is kept with


def markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _spans(block: Block) -> list[tuple[str, str]]:
    spans = [(text, "bold" if bold else "plain") for text, bold in block.runs]
    return [("Action: ", "italic"), *spans] if block.kind is BlockKind.ACTION else spans


def _block(block: Block, styles: dict[str, Any]) -> Any:
    from clerkdesk.export.pdf_parts import ActionRow, para

    bullet = "\u2022" if block.kind is BlockKind.POINT else block.number or None
    body = para(_spans(block), styles[_BLOCK_STYLE[block.kind]], bullet)
    flowable = (
        ActionRow(body, para([(block.action, "plain")], styles["action"])) if block.action else body
    )
    if block.keep_with_next:  # stack_chains puts it on one page with what follows
        flowable.keepWithNext = 1
    return flowable


def _item(item: ItemView, styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    from clerkdesk.export.pdf_parts import para

    if not item.banner:
        number = f"{item.number}." if item.number else None
        title = item.heading.split(". ", 1)[-1]
        heading = para([(title, "plain")], styles["m-item"], number)
        return [heading, *(_block(block, styles) for block in item.blocks)]
    # A part heading, and for Part II the resolution to exclude the public: all
    # kept with the first item that follows (a chain of keep-with-next).
    flowables = [Paragraph(markup(item.title), styles["h1"])]
    flowables += [_block(block, styles) for block in item.blocks]
    for flowable in flowables:
        flowable.keepWithNext = 1
    return flowables


def _front(view: MinutesView, styles: dict[str, Any]) -> list[Any]:
    """Heading, attendance, the introduction and the note on interests."""
    from reportlab.platypus import Paragraph

    story: list[Any] = [
        Paragraph(markup(view.organisation.upper()), styles["org"]),
        Paragraph(markup(view.committee.upper()), styles["title"]),
        Paragraph(markup(f"Minutes of the meeting held on {view.date_text}"), styles["subtitle"]),
    ]
    where_when = " at ".join(p for p in (view.time_text, view.venue) if p)
    if where_when:
        where_when = where_when[0].upper() + where_when[1:]
        story.append(Paragraph(markup(where_when), styles["subtitle"]))
    story.append(Paragraph(markup(view.status_line), styles["status"]))
    story.append(Paragraph("ATTENDANCE", styles["h1"]))
    for group in view.attendance:
        story.append(Paragraph(markup(group.heading), styles["banner"]))
        story.append(Paragraph(markup(group.text), styles["body"]))
    for note in view.attendance_notes:
        story.append(Paragraph(markup(note), styles["note"]))
    story.append(Paragraph(markup(view.introduction), styles["body"]))
    story.append(Paragraph(f"<b>Note:</b> {markup(view.interests_statement)}", styles["body"]))
    if view.items:
        story.append(Paragraph("ACTION", styles["action-head"]))
    return story


def _story(view: MinutesView, styles: dict[str, Any], where: dict[str, float]) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    from clerkdesk.export.pdf_parts import SignatureBlock, stack_chains

    story = _front(view, styles)
    items = [_item(item, styles) for item in view.items]
    tail: list[Any] = []
    if items:
        # The signature never stands alone: it takes the end of the last item with it.
        last = items[-1]
        keep = len(last) if len(last) <= _TAIL_BLOCKS + 1 else _TAIL_BLOCKS
        tail, items[-1] = last[-keep:], last[:-keep]
    for flowables in items:
        story += flowables
    tail += [Paragraph(markup(line), styles["note"]) for line in view.corrections]
    if view.closing_line:
        tail.append(Paragraph(markup(view.closing_line), styles["body"]))
    if view.proper_officer_lines:
        officer = "<br/>".join(markup(line) for line in view.proper_officer_lines)
        tail.append(Paragraph(f"<b>{officer}</b>", styles["body"]))
    tail.append(Spacer(1, 12))
    for flowable in tail:  # chained, so a part heading before it can join the chain
        flowable.keepWithNext = 1
    return stack_chains([*story, *tail, SignatureBlock(view.signature_label, where)])


def render_pdf_unsigned(view: MinutesView) -> tuple[bytes, dict[str, float]]:
    """The PDF before certification, and where the Chairman's signature goes."""
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

    from clerkdesk.export.pdf_parts import NumberedCanvas, page_decorator

    styles = stylesheet()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(G.width, G.height),
        leftMargin=G.left,
        rightMargin=G.right,
        topMargin=G.top,
        bottomMargin=G.bottom,
        title=view.doc_title,
        author="ClerkDesk",
        creator="ClerkDesk",
        subject=view.subject,
        keywords=["minutes", view.committee, "confidential" if view.confidential else "public"],
    )
    frame = Frame(
        G.left,
        G.bottom,
        G.frame_width(),
        G.height - G.top - G.bottom,
        leftPadding=0,
        rightPadding=0,
        id="body",
    )
    doc.addPageTemplates(
        [
            PageTemplate("first", [frame], onPage=page_decorator(view, True)),
            PageTemplate("later", [frame], onPage=page_decorator(view, False)),
        ]
    )
    where: dict[str, float] = {}
    story = [NextPageTemplate("later"), *_story(view, styles, where)]
    doc.build(story, canvasmaker=partial(NumberedCanvas, footer_title=view.doc_title))
    return buffer.getvalue(), where


def chair_fields_at(where: dict[str, float]) -> ChairFields:
    """The Chairman's signature and date fields where the signature block was drawn."""
    from clerkdesk.export.certify import ChairFields

    x, y, date_x = int(where["x"]), int(where["y"]), int(where["date_x"])
    return ChairFields(
        signature_box=(x, y, int(x + where["w"]), int(y + where["h"])),
        date_box=(date_x, y, int(date_x + where["date_w"]), y + 14),
    )


def render_pdf(view: MinutesView, certifier: Certifier | None = None) -> bytes:
    """The certified PDF: changes other than the Chairman signing are detectable.

    Only approved minutes carry the fields the Chairman fills (signature and
    date); a draft has none, so it cannot be signed as if approved.
    """
    from clerkdesk.export.certify import certify_pdf, machine_certifier

    unsigned, where = render_pdf_unsigned(view)
    chair = None if view.draft else chair_fields_at(where)
    return certify_pdf(unsigned, chair, certifier or machine_certifier())

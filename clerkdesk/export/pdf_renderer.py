"""The minutes as PDF (reportlab), then certified (see :mod:`clerkdesk.export.certify`).

Structure after pretix's invoices: one stylesheet, a ``BaseDocTemplate`` with
first and later page templates, headers and footers drawn in page callbacks,
and a numbered canvas that writes "Page X of Y" once the page count is known.

The minutes are a flow of paragraphs, not tables: each minute is one
Paragraph indented into the text column, its number set as the paragraph's
bullet in the number column, and an action's owner drawn beside it in the
ACTION column (:class:`clerkdesk.export.pdf_parts.ActionFlowable`). A table per
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

from clerkdesk.export.certify import CERTIFICATION_FIELD, DATE_FIELD, SIGNATURE_FIELD
from clerkdesk.export.pdf_styles import Geometry, stylesheet
from clerkdesk.export.pdf_tagging import HEADINGS, FieldRef, Node
from clerkdesk.export.view_model import Block, BlockKind, ItemView, MinutesView

if TYPE_CHECKING:
    from clerkdesk.export.certify import Certifier, ChairFields
    from clerkdesk.export.pdf_finish import FieldSpec

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


def _spans(block: Block) -> list[tuple[str, str]]:
    spans = [(text, "bold" if bold else "plain") for text, bold in block.runs]
    return [("Action: ", "italic"), *spans] if block.kind is BlockKind.ACTION else spans


class _Blocks:
    """Minutes blocks as flowables, each with its place in the structure tree.

    Tagged by what a block is, not by its wording: a block with a number is a
    list item (Lbl, LBody) of the list its numbered neighbours form; any other
    block is a paragraph; an owner in the ACTION column is a paragraph read
    straight after the minute it belongs to. New kinds of block are tagged
    the same way without a change here.
    """

    def __init__(self, styles: dict[str, Any], parent: Node) -> None:
        self.styles, self.parent = styles, parent
        self._list: Node | None = None
        self._numbering = ""

    def flowable(self, block: Block) -> Any:
        from clerkdesk.export.pdf_parts import ActionFlowable, para

        style = self.styles[_BLOCK_STYLE.get(block.kind, "m-text")]
        # A recommendation's sub-points are a bulleted list of their own.
        number = "\u2022" if block.kind is BlockKind.POINT else block.number
        numbering = "Disc" if block.kind is BlockKind.POINT else "Decimal"
        if number:
            if self._list is None or self._numbering != numbering:
                self._list = self.parent.add("L", attributes={"ListNumbering": numbering})
                self._numbering = numbering
            item = self._list.add("LI")
            label, container = item.add("Lbl"), item
            body = para(_spans(block), style, item.add("LBody"), number, label)
        else:
            self._list, container = None, self.parent
            body = para(_spans(block), style, container.add("P"))
        flowable = body
        if block.action:
            owner = container.add("P", alt=f"ACTION: {block.action}")
            flowable = ActionFlowable(
                body, para([(block.action, "plain")], self.styles["action"], owner)
            )
        if block.keep_with_next:  # stack_chains puts it on one page with what follows
            flowable.keepWithNext = 1
        return flowable


def _item(item: ItemView, styles: dict[str, Any], doc: Node, level: int) -> list[Any]:
    from clerkdesk.export.pdf_parts import para

    if not item.banner:
        number = f"{item.number}." if item.number else ""
        title = item.heading.split(". ", 1)[-1]
        heading = para([(title, "plain")], styles["m-item"], doc.add(HEADINGS[level]), number)
        blocks = _Blocks(styles, doc)
        return [heading, *(blocks.flowable(block) for block in item.blocks)]
    # A part heading, and for Part II the resolution to exclude the public: all
    # kept with the first item that follows (a chain of keep-with-next).
    flowables = [para([(item.title, "plain")], styles["h1"], doc.add(HEADINGS[level - 1]))]
    blocks = _Blocks(styles, doc)
    flowables += [blocks.flowable(block) for block in item.blocks]
    for flowable in flowables:
        flowable.keepWithNext = 1
    return flowables


def _front(view: MinutesView, styles: dict[str, Any], doc: Node) -> list[Any]:
    """Heading, attendance, the introduction and the note on interests."""
    from clerkdesk.export.pdf_parts import para

    def add(text: str, style: str, role: str = "P") -> None:
        story.append(para([(text, "plain")], styles[style], doc.add(role)))

    story: list[Any] = []
    add(view.organisation.upper(), "org")
    add(view.committee.upper(), "title", "H1")
    add(f"Minutes of the meeting held on {view.date_text}", "subtitle")
    where_when = " at ".join(p for p in (view.time_text, view.venue) if p)
    if where_when:
        add(where_when[0].upper() + where_when[1:], "subtitle")
    add(view.status_line, "status")
    add("ATTENDANCE", "h1", "H2")
    for group in view.attendance:
        add(group.heading, "banner", "H3")
        add(group.text, "body")
    for note in view.attendance_notes:
        add(note, "note")
    add(view.introduction, "body")
    interests = [("Note:", "bold"), (f" {view.interests_statement}", "plain")]
    story.append(para(interests, styles["body"], doc.add("P")))
    if view.items:
        # The ACTION column's heading: layout, like the running head on later
        # pages; each owner is read as "ACTION: ..." after its minute.
        heading = para([("ACTION", "plain")], styles["action-head"])
        heading.is_artifact = True
        story.append(heading)
    return story


def _story(
    view: MinutesView, styles: dict[str, Any], where: dict[str, float], doc: Node
) -> list[Any]:
    from reportlab.platypus import Spacer

    from clerkdesk.export.pdf_parts import SignatureBlock, para, stack_chains

    story = _front(view, styles, doc)
    # Items are H3 under their part's H2; with no part headings, H2 under H1.
    level = 3 if any(item.banner for item in view.items) else 2
    items = [_item(item, styles, doc, level - 1) for item in view.items]
    tail: list[Any] = []
    if items:
        # The signature never stands alone: it takes the end of the last item with it.
        last = items[-1]
        keep = len(last) if len(last) <= _TAIL_BLOCKS + 1 else _TAIL_BLOCKS
        tail, items[-1] = last[-keep:], last[:-keep]
    for flowables in items:
        story += flowables
    tail += [para([(line, "plain")], styles["note"], doc.add("P")) for line in view.corrections]
    if view.closing_line:
        tail.append(para([(view.closing_line, "plain")], styles["body"], doc.add("P")))
    if view.proper_officer_lines:
        officer = "\n".join(view.proper_officer_lines)
        tail.append(para([(officer, "bold")], styles["body"], doc.add("P")))
    tail.append(Spacer(1, 12))
    for flowable in tail:  # chained, so a part heading before it can join the chain
        flowable.keepWithNext = 1
    signature = doc.add("Div")
    block = SignatureBlock(view.signature_label, where, signature.add("P"))
    if not view.draft:  # the fields the Chairman fills, read after the signature line
        for name in (SIGNATURE_FIELD, DATE_FIELD):
            signature.add("Form").kids.append(FieldRef(name))
    doc.add("Form").kids.append(FieldRef(CERTIFICATION_FIELD))
    return stack_chains([*story, *tail, block])


def render_pdf_unsigned(view: MinutesView) -> tuple[bytes, dict[str, float]]:
    """The PDF before certification, and where the Chairman's signature goes.

    Tagged (PDF/UA-1) and archival (PDF/A-2b): see :mod:`clerkdesk.export.pdf_finish`.
    """
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

    from clerkdesk.export.pdf_finish import DocumentInfo, finish_pdf
    from clerkdesk.export.pdf_parts import NumberedCanvas, page_decorator

    styles = stylesheet()
    buffer = io.BytesIO()
    keywords = ["minutes", view.committee, "confidential" if view.confidential else "public"]
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
        keywords=keywords,
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
    root = Node("Document")
    story = [NextPageTemplate("later"), *_story(view, styles, where, root)]
    doc.build(story, canvasmaker=partial(NumberedCanvas, footer_title=view.doc_title))
    info = DocumentInfo(view.doc_title, view.subject, ", ".join(keywords))
    finished = finish_pdf(buffer.getvalue(), root, info, _fields(view, where))
    return finished, where


def _fields(view: MinutesView, where: dict[str, float]) -> list[FieldSpec]:
    """The certification's (invisible) field; on approved minutes, the Chairman's."""
    from clerkdesk.export.pdf_finish import FieldSpec

    fields = [FieldSpec(CERTIFICATION_FIELD, "/Sig", "Certification of the minutes by ClerkDesk")]
    if not view.draft:
        chair = chair_fields_at(where)
        page = int(where["page"]) - 1
        fields += [
            FieldSpec(
                SIGNATURE_FIELD,
                "/Sig",
                f"{view.signature_label.title()}'s signature",
                page,
                chair.signature_box,
            ),
            FieldSpec(
                DATE_FIELD,
                "/Tx",
                f"Date the {view.signature_label.title()} signed",
                page,
                chair.date_box,
            ),
        ]
    return fields


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

    unsigned, _ = render_pdf_unsigned(view)  # its fields are made, tagged, by the finishing
    return certify_pdf(unsigned, None, certifier or machine_certifier())

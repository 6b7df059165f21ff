"""The minutes as a Word document (python-docx), built from named Word styles.

Headings use Title / Subtitle / Heading 1 (parts) / Heading 2 (items, with
their number: "3. CHANGES TO ...", so the navigation pane reads as the
agenda); everything else a "Minute ..." style (see
:mod:`clerkdesk.export.docx_styles`) the clerk can restyle. The body of the
minutes is a borderless table ("Minutes Table") of the minute and an ACTION
column whose heading row repeats on every page. Minute paragraphs are
numbered by Word's own list numbering (:mod:`clerkdesk.export.docx_numbering`),
so a paragraph the clerk adds is numbered and the rest follow. The footer
carries "Page X of Y" as PAGE and NUMPAGES fields and a box for the
Chairman's initials; the header carries the CONFIDENTIAL / DRAFT marking and,
after the first page, the running head: the furniture of the PDF.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from clerkdesk.export.docx_numbering import (
    NUMBER_COLUMN_CM,
    TWIPS_PER_CM,
    MinuteNumbering,
    num_pr,
)
from clerkdesk.export.docx_package import finish_package
from clerkdesk.export.docx_parts import add_header_and_footer, set_column_widths
from clerkdesk.export.docx_rows import Cell, Span, append_rows, row_xml, runs_xml
from clerkdesk.export.docx_styles import (
    TABLE_STYLE,
    add_minute_styles,
    style_ids,
    style_indent_cm,
)
from clerkdesk.export.view_model import Block, BlockKind, ItemView, MinutesView

_BLOCK_STYLE = {
    BlockKind.PARAGRAPH: "Minute Paragraph",
    BlockKind.TEXT: "Minute Text",
    BlockKind.EXEMPT: "Minute Note",
    BlockKind.NOTE: "Minute Note",
    BlockKind.RECOMMENDATION: "Minute Recommendation",
    BlockKind.POINT: "Minute Point",
    BlockKind.VOTE: "Minute Vote",
    BlockKind.NAMES: "Minute Vote",
    BlockKind.OUTCOME: "Minute Outcome",
    BlockKind.ACTION: "Minute Text",
}
WIDTHS_CM = (13.8, 3.4)  # the minute (its number in its first 1.3 cm) and ACTION
_TAIL_ROWS = 2  # rows of the last item kept on the page with the signature
_NO = (False, False)  # neither bold nor italic


def _spans(block: Block) -> list[Span]:
    lead: list[Span] = [("Action: ", False, True)] if block.kind is BlockKind.ACTION else []
    return lead + [(text, bold, False) for text, bold in block.runs]


def _write(paragraph: Any, spans: list[Span]) -> None:
    for text, bold, italic in spans:
        for index, line in enumerate(text.split("\n")):
            if index:
                paragraph.add_run().add_break()
            run = paragraph.add_run(line)
            run.bold, run.italic = bold or None, italic or None


def _indent(style: str) -> str:
    """A minute's text starts after the number column, plus its style's own indent."""
    left = NUMBER_COLUMN_CM + style_indent_cm(style)
    return f'<w:ind w:left="{round(left * TWIPS_PER_CM)}"/>'


class _Body:
    """Writes the items as the rows of one Minutes Table: the minute, and its ACTION.

    A minute paragraph is numbered by Word (an item's list, see docx_numbering);
    the item's number is in its heading; a part heading spans the whole row.
    """

    def __init__(self, document: Any, ids: dict[str, str]) -> None:
        self.document, self.ids = document, ids
        self.numbering = MinuteNumbering()

    def cell(self, style: str, spans: list[Span] | None = None, paragraph: str = "") -> Cell:
        return Cell(self.ids[style], runs_xml(spans or []), paragraph)

    def block_cell(self, block: Block, item_list: int | None) -> Cell:
        style = _BLOCK_STYLE[block.kind]
        if block.kind is BlockKind.PARAGRAPH and item_list is not None:
            return self.cell(style, _spans(block), num_pr(item_list))
        if block.kind is BlockKind.POINT:
            bullets = self.numbering.bullets(NUMBER_COLUMN_CM + style_indent_cm(style))
            return self.cell(style, _spans(block), num_pr(bullets))
        return self.cell(style, _spans(block), _indent(style))

    def item_rows(self, item: ItemView) -> list[tuple[list[Cell], bool]]:
        """(cells, keep with the next row) for each row of one item."""
        if item.banner:
            banner = Cell(self.ids["Heading 1"], runs_xml([(item.title, *_NO)]), span=2)
            rows = [([banner], True)]
        else:
            heading = [self.cell("Heading 2", [(item.heading, *_NO)]), self.cell("Minute Action")]
            rows = [(heading, True)]
        numbered = any(b.kind is BlockKind.PARAGRAPH for b in item.blocks)
        item_list = self.numbering.for_item(item.number) if numbered and item.number else None
        for block in item.blocks:
            cells = [
                self.block_cell(block, item_list),
                self.cell("Minute Action", [(block.action, *_NO)]),
            ]
            # a banner's resolution is kept with the first item
            rows.append((cells, item.banner or block.keep_with_next))
        return rows

    def write(self, items: tuple[ItemView, ...]) -> None:
        if items:
            table = self.document.add_table(rows=0, cols=len(WIDTHS_CM))
            table.style = TABLE_STYLE
            set_column_widths(table, WIDTHS_CM)
            heading = [self.cell("Minute Text")]
            heading.append(self.cell("Minute Action Heading", [("ACTION", *_NO)]))
            rows = [row for item in items for row in self.item_rows(item)]
            tail = len(rows) - _TAIL_ROWS  # the end of the last item stays with the signature
            xml = [row_xml(heading, WIDTHS_CM, header=True)]
            xml += [
                row_xml(cells, WIDTHS_CM, keep_with_next=keep or n >= tail)
                for n, (cells, keep) in enumerate(rows)
            ]
            append_rows(table, xml)
        self.numbering.write(self.document)


def _front(document: Any, view: MinutesView) -> None:
    document.add_paragraph(view.organisation.upper(), style="Title")
    document.add_paragraph(view.committee.upper(), style="Subtitle")
    document.add_paragraph(f"Minutes of the meeting held on {view.date_text}", "Minute Details")
    where_when = " at ".join(p for p in (view.time_text, view.venue) if p)
    if where_when:
        document.add_paragraph(where_when[0].upper() + where_when[1:], style="Minute Details")
    document.add_paragraph(view.status_line, style="Minute Status")
    document.add_paragraph("ATTENDANCE", style="Heading 1")
    for group in view.attendance:
        document.add_paragraph(group.heading, style="Heading 2")
        document.add_paragraph(group.text)
    for note in view.attendance_notes:
        document.add_paragraph(note, style="Minute Note")
    document.add_paragraph(view.introduction)
    _write(document.add_paragraph(), [("Note: ", True, False), (view.interests_statement, *_NO)])


def _signature(document: Any, view: MinutesView) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm

    for line in view.corrections:
        document.add_paragraph(line, style="Minute Note").paragraph_format.keep_with_next = True
    if view.closing_line:
        closing = document.add_paragraph(view.closing_line, style="Minute Text")
        closing.paragraph_format.keep_with_next = True
    if view.proper_officer_lines:
        officer = document.add_paragraph(style="Minute Proper Officer")
        _write(officer, [("\n".join(view.proper_officer_lines), True, False)])
        officer.paragraph_format.keep_with_next = True
    signature = document.add_paragraph(style="Minute Signature")
    tabs = signature.paragraph_format.tab_stops
    tabs.add_tab_stop(Cm(10.5), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS)
    tabs.add_tab_stop(Cm(17.2), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    label = f"{view.signature_label} "
    _write(signature, [(label, True, False), ("\t", *_NO), ("   DATE ", True, False)])
    signature.add_run("\t")


def _properties(document: Any, view: MinutesView) -> None:
    props = document.core_properties
    props.title = view.doc_title
    props.subject = view.committee
    props.author = "ClerkDesk"
    props.last_modified_by = "ClerkDesk"
    props.keywords = "minutes; " + ("confidential" if view.confidential else "public")
    props.comments = view.subject
    props.category = "Confidential minutes" if view.confidential else "Minutes"
    props.content_status = "Draft" if view.draft else "Approved"
    props.language = "en-GB"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    props.revision = 1


def render_docx(view: MinutesView) -> bytes:
    from docx import Document

    document = Document()
    add_minute_styles(document)
    add_header_and_footer(document, view)
    _front(document, view)
    _Body(document, style_ids(document)).write(view.items)
    _signature(document, view)
    _properties(document, view)
    finish_package(document, view)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

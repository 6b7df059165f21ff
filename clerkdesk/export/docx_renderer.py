"""The minutes as a Word document (python-docx), built from real Word styles.

Headings use Title / Heading 1 / Heading 2; the body of the minutes is one
table (style Table Grid) with a number column, the minute, and an ACTION
column; the footer carries "Page X of Y" as PAGE and NUMPAGES fields and a
box for the Chairman's initials; the header carries CONFIDENTIAL / DRAFT.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from clerkdesk.export.docx_parts import (
    add_field_footer,
    add_minute_styles,
    mark_header_row,
    set_cell_width,
    set_column_widths,
)
from clerkdesk.export.view_model import Block, BlockKind, ItemView, MinutesView

_BLOCK_STYLE = {
    BlockKind.PARAGRAPH: "Normal",
    BlockKind.TEXT: "Normal",
    BlockKind.EXEMPT: "Minute Note",
    BlockKind.NOTE: "Minute Note",
    BlockKind.RECOMMENDATION: "Minute Recommendation",
    BlockKind.VOTE: "Minute Vote",
    BlockKind.NAMES: "Minute Vote",
    BlockKind.OUTCOME: "Minute Outcome",
    BlockKind.ACTION: "Normal",
}
WIDTHS_CM = (1.3, 12.5, 3.4)


def _write_text(paragraph: Any, text: str, bold: bool = False, italic: bool = False) -> None:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold or None
        run.italic = italic or None
        if index < len(lines) - 1:
            run.add_break()


def _write_block(paragraph: Any, block: Block) -> None:
    if block.kind is BlockKind.ACTION:
        _write_text(paragraph, "Action: ", italic=True)
    for text, bold in block.runs:
        _write_text(paragraph, text, bold=bold)


def _new_row(table: Any, number: str, style: str) -> tuple[Any, Any, Any]:
    from docx.table import _Cell

    row = table.add_row()
    # row.cells rebuilds the whole table's cell grid (quadratic); the new row's cells will do
    cells = [_Cell(tc, table) for tc in row._tr.tc_lst]
    for cell, width in zip(cells, WIDTHS_CM, strict=True):
        set_cell_width(cell, width)
    if number:
        cells[0].paragraphs[0].add_run(number)
    _set_style(cells[1].paragraphs[0], style)
    return cells[0], cells[1], cells[2]


def _set_style(paragraph: Any, name: str) -> None:
    """Set a paragraph style by id: python-docx's by-name setter scans all styles each time."""
    if name != "Normal":
        paragraph._p.style = _STYLE_IDS.get(name, name.replace(" ", ""))


_STYLE_IDS = {"Heading 2": "Heading2"}


def _item_rows(table: Any, item: ItemView) -> None:
    number_cell, heading_cell, _ = _new_row(
        table, f"{item.number}." if item.number else "", "Heading 2"
    )
    number_cell.paragraphs[0].runs[0].bold = True if item.number else None
    heading_cell.paragraphs[0].add_run(item.heading.split(". ", 1)[-1])
    for block in item.blocks:
        _, text_cell, action_cell = _new_row(table, block.number, _BLOCK_STYLE[block.kind])
        _write_block(text_cell.paragraphs[0], block)
        if block.action:
            _set_style(action_cell.paragraphs[0], "Minute Action")
            action_cell.paragraphs[0].add_run(block.action)


def _start(document: Any, view: MinutesView) -> None:
    document.add_paragraph(view.organisation.upper(), style="Title")
    document.add_paragraph(view.committee.upper(), style="Subtitle")
    document.add_paragraph(f"Minutes of the meeting held on {view.date_text}")
    where_when = " at ".join(p for p in (view.time_text, view.venue) if p)
    if where_when:
        document.add_paragraph(where_when[0].upper() + where_when[1:])
    document.add_paragraph(view.status_line, style="Minute Note")
    document.add_paragraph("ATTENDANCE", style="Heading 1")
    for group in view.attendance:
        document.add_paragraph(group.heading, style="Heading 2")
        document.add_paragraph(group.text)
    for note in view.attendance_notes:
        document.add_paragraph(note, style="Minute Note")
    document.add_paragraph(view.introduction)
    statement = document.add_paragraph()
    _write_text(statement, "Note: ", bold=True)
    _write_text(statement, view.interests_statement)


def _body(document: Any, view: MinutesView) -> None:
    table: Any = None
    for item in view.items:
        if item.banner:
            document.add_paragraph(item.title, style="Heading 1")
            for block in item.blocks:
                _write_block(document.add_paragraph(style=_BLOCK_STYLE[block.kind]), block)
            table = None
            continue
        if table is None:
            table = document.add_table(rows=0, cols=3)
            table.style = "Table Grid"
            set_column_widths(table, WIDTHS_CM)
            _, _, action = _new_row(table, "", "Normal")
            action.paragraphs[0].add_run("ACTION").bold = True
            mark_header_row(table.rows[0])
        _item_rows(table, item)


def render_docx(view: MinutesView) -> bytes:
    from docx import Document

    document = Document()
    add_minute_styles(document)
    add_field_footer(document, view)
    _start(document, view)
    _body(document, view)
    for line in view.corrections:
        document.add_paragraph(line, style="Minute Note")
    signature = document.add_paragraph(style="Minute Signature")
    signature.add_run(f"{view.signature_label} ").bold = True
    signature.add_run("." * 60 + "        ")
    signature.add_run("DATE ").bold = True
    signature.add_run("." * 30)

    props = document.core_properties
    props.title = view.doc_title
    props.subject = view.committee
    props.author = "ClerkDesk"
    props.last_modified_by = "ClerkDesk"
    props.keywords = "minutes; " + ("confidential" if view.confidential else "public")
    props.comments = view.subject
    props.category = "Confidential minutes" if view.confidential else "Minutes"
    props.created = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.revision = 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

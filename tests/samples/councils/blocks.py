"""The building blocks of a test paper, and how each is written as text, Word and PDF.

A paper is a list of blocks: paragraphs (optionally bold, italic, centred or in
Word's own list numbering), blank lines, page breaks and tables. The same list is
written three ways, as a clerk's office would publish it: plain text (copied out
of an email or a web page), a Word document made with python-docx, and a PDF made
with reportlab whose tables come out of the text layer side by side.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False
    italic: bool = False
    centre: bool = False
    # Word's automatic numbering: "List Number" (items) or "List Bullet"; the number
    # is then not in the text, as in a real Word agenda.
    style: str | None = None
    # How the text version writes an automatically numbered paragraph.
    text_prefix: str = ""


@dataclass(frozen=True)
class Blank:
    pass


@dataclass(frozen=True)
class Table:
    # Each cell is a list of paragraphs (a Word cell may hold several).
    rows: list[list[list[str]]]
    widths: list[float] = field(default_factory=list)  # in cm, for the PDF


Block = Para | Blank | Table


def as_text(blocks: list[Block], *, markdown_bold: bool = False) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Blank):
            out.append("")
        elif isinstance(block, Para):
            text = block.text_prefix + block.text
            if block.style == "List Bullet" and not block.text_prefix:
                text = "• " + text
            if markdown_bold and block.bold:
                text = f"**{text}**"
            out.append(text)
        else:
            for row in block.rows:
                out.append("\t".join(" ".join(cell) for cell in row))
    return "\n".join(out) + "\n"


def write_docx(blocks: list[Block], target: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document: Any = docx.Document()
    for block in blocks:
        if isinstance(block, Blank):
            continue
        if isinstance(block, Para):
            paragraph = document.add_paragraph(style=block.style)
            run = paragraph.add_run(block.text)
            run.bold = block.bold or None
            run.italic = block.italic or None
            if block.centre:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        table = document.add_table(rows=0, cols=len(block.rows[0]))
        table.style = "Table Grid"
        for row in block.rows:
            cells = table.add_row().cells
            for cell, texts in zip(cells, row, strict=True):
                cell.paragraphs[0].text = texts[0] if texts else ""
                for text in texts[1:]:
                    cell.add_paragraph(text)
    document.core_properties.author = "Democratic Services"
    # Fixed dates, so that writing the papers again changes no file that has not changed.
    fixed = datetime.datetime(2025, 1, 6, 9, 0, 0)
    document.core_properties.created = fixed
    document.core_properties.modified = fixed
    document.core_properties.last_printed = fixed
    document.save(str(target))
    _fix_zip_times(target)


def _fix_zip_times(target: Path) -> None:
    """Give every part of the .docx one fixed time, so the same paper gives the same bytes."""
    import zipfile

    with zipfile.ZipFile(target) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 6, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, data)


def write_pdf(blocks: list[Block], target: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as PdfTable

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    flow: list[Any] = []
    counters = 0
    for block in blocks:
        if isinstance(block, Blank):
            flow.append(Spacer(1, 4))
            continue
        if isinstance(block, Para):
            text = _escape(block.text)
            if block.style == "List Number":
                counters += 1
                text = f"{counters}.&nbsp;&nbsp;&nbsp;{text}"
            elif block.style == "List Bullet":
                text = f"•&nbsp;{text}"
            else:
                text = _escape(block.text_prefix) + text
            if block.bold:
                text = f"<b>{text}</b>"
            if block.italic:
                text = f"<i>{text}</i>"
            style = styles["Title"] if block.centre else body
            flow.append(Paragraph(text, style))
            continue
        widths = [w * cm for w in block.widths] if block.widths else None
        data = [
            [[Paragraph(_escape(text), body) for text in cell] for cell in row]
            for row in block.rows
        ]
        # Council tables are top-aligned (reportlab's default is the bottom).
        flow.append(
            PdfTable(
                data, colWidths=widths, hAlign="LEFT", style=[("VALIGN", (0, 0), (-1, -1), "TOP")]
            )
        )
    document = SimpleDocTemplate(
        str(target), pagesize=A4, title=target.stem, author="Democratic Services", invariant=1
    )
    document.build(flow)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

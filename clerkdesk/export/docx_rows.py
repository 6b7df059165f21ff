"""The body of the Word minutes as table rows, written as WordprocessingML text.

python-docx builds a row cell by cell and run by run, each step a search of
an element's children; for a long meeting that was most of the export. Here
each row is a string and a table's rows are parsed in one go. Only plain
``w:tr``/``w:tc``/``w:p``/``w:r`` markup is written, with named styles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from clerkdesk.domain.record_text import NOT_RECORD_TEXT

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_CM = 567

Span = tuple[str, bool, bool]  # (text, bold, italic)


class Cell(NamedTuple):
    """One cell of a row: a paragraph in a named style."""

    style_id: str
    runs: str  # runs XML (runs_xml)
    paragraph: str = ""  # more paragraph properties: list numbering, indent
    span: int = 1  # grid columns the cell spans


def runs_xml(spans: Iterable[Span]) -> str:
    """Runs for ``spans``; a newline becomes a line break, a tab a tab."""
    out: list[str] = []
    for text, bold, italic in spans:
        props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        pieces: list[str] = [f"<w:rPr>{props}</w:rPr>"] if props else []
        for index, line in enumerate(NOT_RECORD_TEXT.sub("", text).split("\n")):
            if index:
                pieces.append("<w:br/>")
            for part_index, part in enumerate(line.split("\t")):
                if part_index:
                    pieces.append("<w:tab/>")
                if part:
                    pieces.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
        out.append(f"<w:r>{''.join(pieces)}</w:r>")
    return "".join(out)


def row_xml(
    cells: Sequence[Cell],
    widths_cm: Sequence[float],
    *,
    keep_with_next: bool = False,
    header: bool = False,
) -> str:
    """One table row: a paragraph in each cell, in the cell's named style; a cell
    spanning columns says so (``w:gridSpan``) and takes their width."""
    if sum(cell.span for cell in cells) != len(widths_cm):
        raise ValueError("The cells of a row must span the table's columns exactly.")
    keep = "<w:keepNext/>" if keep_with_next else ""
    parts = ["<w:tr>", "<w:trPr><w:tblHeader/></w:trPr>" if header else ""]
    column = 0
    for cell in cells:
        width = sum(widths_cm[column : column + cell.span])
        column += cell.span
        span = f'<w:gridSpan w:val="{cell.span}"/>' if cell.span > 1 else ""
        parts.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{round(width * TWIPS_PER_CM)}" w:type="dxa"/>{span}'
            f'</w:tcPr><w:p><w:pPr><w:pStyle w:val="{cell.style_id}"/>{keep}{cell.paragraph}'
            f"</w:pPr>{cell.runs}</w:p></w:tc>"
        )
    parts.append("</w:tr>")
    return "".join(parts)


def append_rows(table: Any, rows: Iterable[str]) -> None:
    """Parse ``rows`` once and add them to the end of ``table``."""
    from docx.oxml import parse_xml

    parsed = parse_xml(f'<w:tbl xmlns:w="{W_NS}">{"".join(rows)}</w:tbl>')
    tbl = table._tbl
    for tr in list(parsed):
        tbl.append(tr)

"""Word plumbing the minutes need: fields, header and footer, table widths."""

from __future__ import annotations

from typing import Any

from clerkdesk.export.docx_styles import TABLE_STYLE
from clerkdesk.export.view_model import MinutesView

CONFIDENTIAL_HEX = "9E0D0D"
GREY_HEX = "595959"


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A complex field (w:fldChar begin/separate/end) that Word and LibreOffice update."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld_char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run._r.append(fld_char("begin"))
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    paragraph.add_run()._r.append(fld_char("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(fld_char("end"))


def _run_border(run: Any, color: str) -> None:
    """A thin box round one run: the CONFIDENTIAL marking, framed but not shouting."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    border = OxmlElement("w:bdr")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "2"), ("w:color", color)):
        border.set(qn(key), value)
    run._r.get_or_add_rPr().append(border)


def _header(header: Any, view: MinutesView, running_head: bool) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    top = header.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    top.paragraph_format.space_after = Pt(6)
    if view.confidential:
        mark = top.add_run(f"\u00a0{view.confidential_mark}\u00a0")
        mark.bold = True
        mark.font.size = Pt(9.5)
        mark.font.color.rgb = RGBColor.from_string(CONFIDENTIAL_HEX)
        _run_border(mark, CONFIDENTIAL_HEX)
    if view.draft:
        draft = top.add_run(("     " if view.confidential else "") + "DRAFT")
        draft.bold = True
        draft.font.size = Pt(9.5)
        draft.font.color.rgb = RGBColor.from_string(GREY_HEX)
    if running_head:
        head = header.add_paragraph()
        text = head.add_run(view.running_head)
        text.italic = True
        text.font.size = Pt(8)


def _footer(footer: Any, view: MinutesView) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm, Pt

    layout = footer.add_table(rows=1, cols=2, width=Cm(17.2))
    layout.alignment = WD_TABLE_ALIGNMENT.CENTER
    layout.style = TABLE_STYLE
    set_column_widths(layout, (13.0, 4.2))
    left, box = layout.rows[0].cells
    pages = left.paragraphs[0]
    pages.add_run("Page ")
    _field(pages, "PAGE", "1")
    pages.add_run(" of ")
    _field(pages, "NUMPAGES", "1")
    pages.paragraph_format.space_before = Pt(12)
    title = left.add_paragraph()
    text = title.add_run(view.doc_title)
    text.italic = True
    text.font.size = Pt(7)
    box_borders(box)
    label = box.paragraphs[0].add_run(view.initials_label)
    label.bold = True
    label.font.size = Pt(7)
    box.paragraphs[0].paragraph_format.left_indent = Cm(0.15)
    box.add_paragraph().paragraph_format.space_after = Pt(14)
    footer.paragraphs[0].paragraph_format.space_after = Pt(0)


def add_header_and_footer(document: Any, view: MinutesView) -> None:
    """Header (marking; running head after page 1) and footer (page X of Y, initials box)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    _header(section.first_page_header, view, running_head=False)
    _header(section.header, view, running_head=True)
    _footer(section.first_page_footer, view)
    _footer(section.footer, view)


def box_borders(cell: Any) -> None:
    """Draw a single-line box round one table cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "6")
        element.set(qn("w:color"), "000000")
        borders.append(element)
    tc_pr.append(borders)


def set_column_widths(table: Any, widths_cm: tuple[float, ...]) -> None:
    """Fixed column widths, in the grid (LibreOffice) and on every cell (Word)."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)

"""Word plumbing the minutes need: styles, fields, header and footer, table widths."""

from __future__ import annotations

from typing import Any

from clerkdesk.export.view_model import MinutesView

FONT = "Arial"


def add_minute_styles(document: Any) -> None:
    """Base fonts and margins, and the custom paragraph styles of the minutes."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt, RGBColor

    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin, section.right_margin = Cm(2.0), Cm(1.8)
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)
        section.footer_distance = Cm(0.8)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 16), ("Subtitle", 12), ("Heading 1", 11), ("Heading 2", 10)):
        style = styles[name]
        style.font.name, style.font.size = FONT, Pt(size)
        _plain_fonts(style)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.bold = True
        style.font.italic = False
        style.paragraph_format.space_before = Pt(6)
        style.paragraph_format.space_after = Pt(3)

    def custom(name: str, *, indent: float = 0.0, italic: bool = False, bold: bool = False) -> Any:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.italic = italic or None
        style.font.bold = bold or None
        if indent:
            style.paragraph_format.left_indent = Cm(indent)
        return style

    custom("Minute Note", italic=True)
    custom("Minute Recommendation", indent=0.6).paragraph_format.space_before = Pt(4)
    custom("Minute Vote", indent=0.6).paragraph_format.space_after = Pt(1)
    custom("Minute Outcome", indent=0.6).paragraph_format.space_after = Pt(6)
    custom("Minute Action", bold=True).font.size = Pt(9)
    custom("Minute Signature", bold=False).paragraph_format.space_before = Pt(36)


def _plain_fonts(style: Any) -> None:
    """Drop theme fonts and borders so the style uses FONT as set, in Word and LibreOffice."""
    from docx.oxml.ns import qn

    r_fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
    if r_fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            r_fonts.attrib.pop(qn(attr), None)
        r_fonts.set(qn("w:ascii"), FONT)
        r_fonts.set(qn("w:hAnsi"), FONT)
    p_pr = style.element.pPr
    if p_pr is not None:
        for border in p_pr.findall(qn("w:pBdr")):
            p_pr.remove(border)


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


def add_field_footer(document: Any, view: MinutesView) -> None:
    """Header (marking, running head) and footer (page X of Y, initials box)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    section = document.sections[0]
    header = section.header
    top = header.paragraphs[0]
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if view.marking:
        mark = top.add_run(view.marking)
        mark.bold = True
        mark.font.size = Pt(12)
        if view.confidential:
            mark.font.color.rgb = RGBColor(0xB0, 0, 0)
    head = header.add_paragraph(view.running_head)
    head.runs[0].italic = True
    head.runs[0].font.size = Pt(8)

    footer = section.footer
    layout = footer.add_table(rows=1, cols=2, width=Cm(17.2))
    layout.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_column_widths(layout, (13.0, 4.2))
    left, box = layout.rows[0].cells
    pages = left.paragraphs[0]
    pages.add_run("Page ")
    _field(pages, "PAGE", "1")
    pages.add_run(" of ")
    _field(pages, "NUMPAGES", "1")
    title = left.add_paragraph(view.doc_title)
    title.runs[0].italic = True
    title.runs[0].font.size = Pt(7)
    box_borders(box)
    label = box.paragraphs[0].add_run(view.initials_label)
    label.bold = True
    label.font.size = Pt(7)
    box.add_paragraph().paragraph_format.space_after = Pt(14)
    footer.paragraphs[0].paragraph_format.space_after = Pt(0)


def box_borders(cell: Any) -> None:
    """Draw a single-line box round one table cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "8")
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


def set_cell_width(cell: Any, width_cm: float) -> None:
    from docx.shared import Cm

    cell.width = Cm(width_cm)


def mark_header_row(row: Any) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)

"""The named Word styles of the minutes, so a clerk can restyle them in one place.

Built-in styles where Word has one (Title, Subtitle, Heading 1, Heading 2:
they drive the navigation pane and a table of contents), and "Minute ..."
paragraph styles for everything else; the body of the minutes is laid out by
the "Minutes Table" table style: no borders, text flush with the margin.
"""

from __future__ import annotations

from typing import Any

FONT = "Arial"
TABLE_STYLE = "Minutes Table"

# name: (based on, size pt, bold, italic, left indent cm, space before pt, space after pt)
_PARAGRAPH_STYLES: dict[str, tuple[str, float, bool, bool, float, float, float]] = {
    "Minute Details": ("Normal", 10, False, False, 0, 0, 2),
    "Minute Status": ("Normal", 9, False, True, 0, 2, 8),
    "Minute Text": ("Normal", 10, False, False, 0, 0, 3),
    "Minute Paragraph": ("Minute Text", 10, False, False, 0, 0, 5),
    "Minute Note": ("Minute Text", 10, False, True, 0, 0, 3),
    "Minute Recommendation": ("Minute Text", 10, False, False, 0.6, 4, 3),
    "Minute Point": ("Minute Text", 10, False, False, 1.2, 0, 2),
    "Minute Vote": ("Minute Text", 10, False, False, 0.6, 0, 1),
    "Minute Outcome": ("Minute Text", 10, False, False, 0.6, 0, 6),
    "Minute Action": ("Minute Text", 9, True, False, 0, 0, 3),
    "Minute Action Heading": ("Minute Text", 10, True, False, 0, 6, 3),
    "Minute Proper Officer": ("Normal", 10, True, False, 0, 18, 0),
    "Minute Signature": ("Normal", 10, False, False, 0, 36, 0),
}


def style_indent_cm(name: str) -> float:
    """A Minute style's own left indent (0 for any other style)."""
    found = _PARAGRAPH_STYLES.get(name)
    return found[4] if found else 0.0


def style_ids(document: Any) -> dict[str, str]:
    """Style name -> style id, for writing ``w:pStyle`` directly."""
    return {style.name: style.style_id for style in document.styles if style.name}


def add_minute_styles(document: Any) -> None:
    """Page set-up, fonts, the built-in headings restyled, and the Minute styles."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin, section.right_margin = Cm(2.0), Cm(1.8)
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)
        section.footer_distance = Cm(0.8)
    _british_english(document)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.widow_control = True  # no line left alone in a split row
    headings: tuple[tuple[str, float, float, float], ...] = (
        ("Title", 15, 0, 4),
        ("Subtitle", 12, 0, 4),
        ("Heading 1", 10.5, 10, 4),
        ("Heading 2", 10, 10, 3),
    )
    for name, size, before, after in headings:
        style = styles[name]
        style.font.name, style.font.size = FONT, Pt(size)
        _plain_fonts(style)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.bold, style.font.italic = True, False
        style.font.all_caps = False
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
    for name in ("Title", "Subtitle"):
        styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name, (base, size, bold, italic, indent, before, after) in _PARAGRAPH_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        style.font.size = Pt(size)
        style.font.bold = bold or None
        style.font.italic = italic or None
        fmt = style.paragraph_format
        fmt.left_indent = Cm(indent) if indent else None
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    for name in ("Minute Details", "Minute Status"):
        styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Minute Action Heading"].paragraph_format.keep_with_next = True
    _add_table_style(document)


def _british_english(document: Any) -> None:
    """Spell-check the minutes in British English (the template says US)."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if lang is not None:
        lang.set(qn("w:val"), "en-GB")
        lang.set(qn("w:eastAsia"), "en-GB")


def _plain_fonts(style: Any) -> None:
    """Drop theme fonts and borders so the style uses FONT as set, in Word and LibreOffice."""
    from docx.oxml.ns import qn

    r_fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
    if r_fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            r_fonts.attrib.pop(qn(attr), None)
        r_fonts.set(qn("w:ascii"), FONT)
        r_fonts.set(qn("w:hAnsi"), FONT)
    r_pr = style.element.rPr
    for name in ("w:spacing", "w:kern"):  # the template letter-spaces Title and Subtitle
        for element in r_pr.findall(qn(name)) if r_pr is not None else []:
            r_pr.remove(element)
    p_pr = style.element.pPr
    if p_pr is not None:
        for border in p_pr.findall(qn("w:pBdr")):
            p_pr.remove(border)


def _add_table_style(document: Any) -> None:
    """ "Minutes Table": no borders at all, no left cell margin (numbers sit on the margin)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    edges = "".join(
        f'<w:{edge} w:val="nil"/>'
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    style = parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="MinutesTable">'
        f'<w:name w:val="{TABLE_STYLE}"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="59"/><w:qFormat/>'
        f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{edges}</w:tblBorders>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="113" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
    )
    document.styles.element.append(style)

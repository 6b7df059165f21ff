"""Real Word list numbering for the minutes: numbering.xml, not typed numbers.

Each item's minute paragraphs are one list whose number reads "<item>.<n>"
("3.1", "3.2", ...): a clerk who adds a paragraph in Word (Enter at the end of
3.1) gets 3.2, and the paragraphs after it renumber themselves. An item's own
number stays in its heading text ("3. CHANGES TO ..."), since agenda numbers
are the agenda's ("5A", "24/117"), not a count. A recommendation's sub-points
are a bulleted list.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import quoteattr

TWIPS_PER_CM = 567
NUMBER_COLUMN_CM = 1.3  # where a minute's text starts, its number to the left
_FIRST_ID = 101  # clear of any list the template defines


def _level(text: str, fmt: str, left: int, hanging: int, font: str = "") -> str:
    fonts = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val={quoteattr(text)}/>'
        '<w:lvlJc w:val="left"/><w:suff w:val="tab"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
        f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{fonts}</w:lvl>'
    )


class MinuteNumbering:
    """Hands out a list per item (and one for bullets) and writes them to numbering.xml."""

    def __init__(self) -> None:
        self._abstract: list[str] = []
        self._bullets: int | None = None

    def _add(self, level: str, name: str) -> int:
        num_id = _FIRST_ID + len(self._abstract)
        self._abstract.append(
            f'<w:abstractNum w:abstractNumId="{num_id}">'
            f'<w:multiLevelType w:val="singleLevel"/><w:name w:val={quoteattr(name)}/>'
            f"{level}</w:abstractNum>"
        )
        return num_id

    def for_item(self, item_number: str) -> int:
        """A new list numbering "<item_number>.1", "<item_number>.2", ..."""
        column = round(NUMBER_COLUMN_CM * TWIPS_PER_CM)
        literal = item_number.replace("%", "")  # "%" starts a level reference in lvlText
        return self._add(
            _level(f"{literal}.%1", "decimal", column, column), f"Minutes of item {literal}"
        )

    def bullets(self, left_cm: float) -> int:
        """The one bulleted list for sub-points, indented to ``left_cm``."""
        if self._bullets is None:
            left = round(left_cm * TWIPS_PER_CM)
            self._bullets = self._add(
                _level("\u2022", "bullet", left, round(0.4 * TWIPS_PER_CM)), "Sub-points"
            )
        return self._bullets

    def write(self, document: Any) -> None:
        """Add the lists to the document's numbering part (abstract lists before lists)."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn

        numbering = document.part.numbering_part.element
        first_num = numbering.find(qn("w:num"))
        for index, xml in enumerate(self._abstract):
            abstract = parse_xml(
                xml.replace("<w:abstractNum ", f"<w:abstractNum {nsdecls('w')} ", 1)
            )
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                numbering.append(abstract)
            num_id = _FIRST_ID + index
            numbering.append(
                parse_xml(
                    f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                    f'<w:abstractNumId w:val="{num_id}"/></w:num>'
                )
            )


def num_pr(num_id: int) -> str:
    """The paragraph property that puts a paragraph in list ``num_id``."""
    return f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'

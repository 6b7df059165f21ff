"""Text of a Word document in reading order, with automatic numbers restored.

Word keeps list numbers out of the text: a paragraph says only "use list 3,
level 0", and the numbers live in ``numbering.xml``. Agendas rely on them
("1. Apologies"), so we replay the counters the way Word does. Tables come
out one row per line, cells separated by tabs. The first page's header comes
first, as it does in a PDF of the document.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import docx
from docx.oxml.ns import qn

from clerkdesk.importing.limits import MAX_DOCX_PARAGRAPHS, refuse

_ROMAN_FORMATS = {"lowerRoman", "upperRoman"}


@dataclass(frozen=True, slots=True)
class _Level:
    fmt: str
    text: str
    start: int


@dataclass(slots=True)
class _Numbering:
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        level = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else level.start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        if level.fmt == "bullet":
            return "•"
        if level.fmt == "none":
            return ""
        text = level.text
        for depth in range(ilvl, -1, -1):
            shown = levels.get(depth)
            value = counters[depth] or (shown.start if shown else 1)
            text = text.replace(f"%{depth + 1}", _format(value, shown.fmt if shown else ""))
        return text


def docx_text(data: bytes, name: str) -> str:
    """The text of the Word file ``data`` (already unpacked within limits: see
    ``docx_package``), refused past ``MAX_DOCX_PARAGRAPHS`` before any is read."""
    document: Any = docx.Document(io.BytesIO(data))
    paragraphs = sum(
        1 for _ in islice(document.element.body.iter(qn("w:p")), MAX_DOCX_PARAGRAPHS + 1)
    )
    if paragraphs > MAX_DOCX_PARAGRAPHS:
        raise refuse(
            name, f"has more than {MAX_DOCX_PARAGRAPHS:,} paragraphs", f"{MAX_DOCX_PARAGRAPHS:,}"
        )
    numbering = _read_numbering(document)
    style_numbering = _style_numbering(document)
    lines: list[str] = _first_page_header(document)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(_paragraph_text(child, numbering, style_numbering))
        elif child.tag == qn("w:tbl"):
            lines.extend(_table_lines(child, numbering, style_numbering))
    return "\n".join(lines)


def _first_page_header(document: Any) -> list[str]:
    """The first page's header, which a PDF of the document shows first: it may be
    the only place the council is named. Footers and later pages' headers are left out."""
    try:
        section = document.sections[0]
        first = section.different_first_page_header_footer
        header = section.first_page_header if first else section.header
        if header.is_linked_to_previous:
            return []
        texts = [paragraph.text for paragraph in header.paragraphs]
    except Exception:  # an odd header must not cost the clerk the whole agenda
        return []
    return [*(text for text in texts if text.strip()), ""] if any(map(str.strip, texts)) else []


def _table_lines(
    table: Any, numbering: _Numbering, styles: dict[str, tuple[str, int]]
) -> list[str]:
    lines = []
    for row in table.iter(qn("w:tr")):
        cells = []
        for cell in row.iterchildren(qn("w:tc")):
            texts = [_paragraph_text(p, numbering, styles) for p in cell.iter(qn("w:p"))]
            # Paragraphs inside a cell stay apart: a notes cell may hold several points.
            cells.append("\t".join(t for t in texts if t.strip()))
        lines.append("\t".join(cells))
        lines.append("")
    return lines


def _paragraph_text(p: Any, numbering: _Numbering, styles: dict[str, tuple[str, int]]) -> str:
    parts = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        else:
            parts.append(" ")
    text = "".join(parts)
    num = _paragraph_numbering(p, styles)
    if num is not None:
        label = numbering.label(*num)
        if label:
            return f"{label}\t{text}" if label != "•" else f"• {text}"
    return text


def _paragraph_numbering(p: Any, styles: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return None
    num_pr = ppr.find(qn("w:numPr"))
    if num_pr is not None:
        num_id = _val(num_pr.find(qn("w:numId")))
        ilvl = _val(num_pr.find(qn("w:ilvl")))
        if num_id and num_id != "0":
            return num_id, _int(ilvl, 0)
        return None
    style = ppr.find(qn("w:pStyle"))
    style_id = _val(style)
    return styles.get(style_id) if style_id else None


def _style_numbering(document: Any) -> dict[str, tuple[str, int]]:
    """Numbering that paragraphs inherit from styles such as "List Number"."""
    found: dict[str, tuple[str, int]] = {}
    based_on: dict[str, str] = {}
    for style in document.styles.element.iter(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        if not style_id:
            continue
        parent = style.find(qn("w:basedOn"))
        if parent is not None and _val(parent):
            based_on[style_id] = _val(parent) or ""
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            num_id = _val(num_pr.find(qn("w:numId")))
            if num_id and num_id != "0":
                found[style_id] = (num_id, _int(_val(num_pr.find(qn("w:ilvl"))), 0))
    for style_id in list(based_on):
        seen = {style_id}
        ancestor = based_on.get(style_id)
        while ancestor and ancestor not in seen and style_id not in found:
            seen.add(ancestor)
            if ancestor in found:
                found[style_id] = found[ancestor]
            ancestor = based_on.get(ancestor)
    return found


def _read_numbering(document: Any) -> _Numbering:
    numbering = _Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return numbering
    abstracts: dict[str, dict[int, _Level]] = {}
    for abstract in root.iterchildren(qn("w:abstractNum")):
        levels = {}
        for lvl in abstract.iterchildren(qn("w:lvl")):
            levels[_int(lvl.get(qn("w:ilvl")), 0)] = _Level(
                fmt=_val(lvl.find(qn("w:numFmt"))) or "decimal",
                text=_val(lvl.find(qn("w:lvlText"))) or "",
                start=_int(_val(lvl.find(qn("w:start"))), 1),
            )
        abstracts[abstract.get(qn("w:abstractNumId")) or ""] = levels
    for num in root.iterchildren(qn("w:num")):
        abstract_id = _val(num.find(qn("w:abstractNumId"))) or ""
        levels = dict(abstracts.get(abstract_id, {}))
        for override in num.iterchildren(qn("w:lvlOverride")):
            ilvl = _int(override.get(qn("w:ilvl")), 0)
            start = override.find(qn("w:startOverride"))
            if start is not None and ilvl in levels:
                old = levels[ilvl]
                levels[ilvl] = _Level(old.fmt, old.text, _int(_val(start), old.start))
        numbering.levels[num.get(qn("w:numId")) or ""] = levels
    return numbering


def _format(value: int, fmt: str) -> str:
    if fmt in _ROMAN_FORMATS:
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "lowerLetter":
        return chr(ord("a") + (value - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (value - 1) % 26)
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out: list[str] = []
    for amount, numeral in numerals:
        while value >= amount and len(out) < 40:
            out.append(numeral)
            value -= amount
    return "".join(out)


def _val(element: Any) -> str | None:
    if element is None:
        return None
    value = element.get(qn("w:val"))
    return str(value) if value is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default

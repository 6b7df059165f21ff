"""Reading the exported minutes back as a reader (and Word) would see them."""

from __future__ import annotations

import io
import re
from typing import Any

import docx
from docx.oxml.ns import qn
from pypdf import PdfReader

from clerkdesk.domain.model import MeetingRecord
from clerkdesk.export.docx_renderer import render_docx
from clerkdesk.export.pdf_renderer import render_pdf_unsigned
from clerkdesk.export.view import build_minutes_view

FORMATS = ("docx", "pdf")


def render(record: MeetingRecord, fmt: str, *, confidential: bool = False) -> bytes:
    view = build_minutes_view(record, confidential=confidential)
    return render_docx(view) if fmt == "docx" else render_pdf_unsigned(view)[0]


def paragraph_text(p: Any) -> str:
    """A paragraph's text, a line break as a new line and a tab as a tab."""
    pieces = {qn("w:br"): "\n", qn("w:tab"): "\t"}
    return "".join(
        (e.text or "") if e.tag == qn("w:t") else pieces.get(e.tag, "")
        for e in p.iter(qn("w:t"), qn("w:br"), qn("w:tab"))
    )


def docx_paragraphs(data: bytes) -> list[Any]:
    """Every w:p of the body in reading order, table cells included."""
    document = docx.Document(io.BytesIO(data))
    return list(document.element.body.iter(qn("w:p")))


def lines(data: bytes, fmt: str) -> list[str]:
    """The text a reader sees, a line at a time (a Word paragraph is one line)."""
    if fmt == "docx":  # with the numbers Word gives its numbered paragraphs
        return [f"{n} {t}" if n else t for n, t in numbered_paragraphs(data)]
    reader = PdfReader(io.BytesIO(data))
    return [line for page in reader.pages for line in (page.extract_text() or "").splitlines()]


def layout_lines(pdf: bytes) -> list[str]:
    """The PDF's lines with their horizontal layout (columns kept)."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
    return [line for page in pages for line in page.splitlines()]


def flat(data: bytes, fmt: str) -> str:
    """All the text in one string, white space (no-break spaces too) folded to one space."""
    return re.sub(r"\s+", " ", " ".join(lines(data, fmt)).replace("\u00a0", " "))


def in_order(text: str, *needles: str) -> bool:
    """Whether each needle occurs in ``text`` after the one before it."""
    at = -1
    for needle in needles:
        found = text.find(needle, at + 1)
        if found < 0:
            raise AssertionError(f"{needle!r} is not in the text after position {at}")
        at = found
    return True


def numbered_paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(number, text) of each paragraph of the body in reading order; the number is
    the one Word shows ("" for none), worked out as Word does from numbering.xml:
    a counter per list (w:num), its level's w:lvlText with %1 filled in."""
    document = docx.Document(io.BytesIO(data))
    numbering = document.part.numbering_part.element
    abstract_of = {
        num.get(qn("w:numId")): num.find(qn("w:abstractNumId")).get(qn("w:val"))
        for num in numbering.iter(qn("w:num"))
    }
    levels = {}
    for abstract in numbering.iter(qn("w:abstractNum")):
        lvl = abstract.find(qn("w:lvl"))
        levels[abstract.get(qn("w:abstractNumId"))] = (
            lvl.find(qn("w:lvlText")).get(qn("w:val")),
            int(lvl.find(qn("w:start")).get(qn("w:val"))),
            lvl.find(qn("w:numFmt")).get(qn("w:val")),
        )
    counters: dict[str, int] = {}
    found = []
    for p in document.element.body.iter(qn("w:p")):
        num_id = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is None:
            found.append(("", paragraph_text(p)))
            continue
        key = num_id.get(qn("w:val"))
        text, start, fmt = levels[abstract_of[key]]
        counters[key] = counters.get(key, start - 1) + 1
        number = text if fmt == "bullet" else text.replace("%1", str(counters[key]))
        found.append((number, paragraph_text(p)))
    return found


def word_numbers(data: bytes) -> list[tuple[str, str]]:
    """(number, text) of each paragraph Word numbers (a bullet's "number" is "•")."""
    return [(n, t) for n, t in numbered_paragraphs(data) if n]

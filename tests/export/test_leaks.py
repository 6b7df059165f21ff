"""Nothing from a Part II item may reach the public minutes, in any part of either file."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from clerkdesk.domain.model import (
    Action,
    AgendaItem,
    Amendment,
    Decision,
    Declaration,
    MeetingRecord,
    MinuteParagraph,
    Outcome,
    Recommendation,
    Tally,
)
from clerkdesk.export.docx_renderer import render_docx
from clerkdesk.export.html_renderer import render_html
from clerkdesk.export.pdf_renderer import render_pdf_unsigned
from clerkdesk.export.view import build_minutes_view
from tests.conftest import examples

from .conftest import docx_parts, squash
from .factories import PART_II_MARKERS, herts_2018_01_10
from .pdf_structure import get

Exported = Callable[[str, str, bool], bytes]


def pdf_everything(data: bytes) -> str:
    """Page text, metadata, annotations and outline of a PDF, whitespace removed."""
    reader = PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    parts += [str(v) for v in (reader.metadata or {}).values()]
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            parts.append(repr(annot.get_object()))
    parts.append(repr(reader.outline))
    root: Any = reader.trailer["/Root"]
    parts.append(repr(root.get("/AcroForm")))
    # What a screen reader is given besides the page text: the structure tree's
    # alternative texts, and the XMP metadata.
    tree = get(root, "/StructTreeRoot")
    stack = [tree["/K"]] if tree is not None else []
    while stack:
        elem = stack.pop().get_object()
        if isinstance(elem, ArrayObject):
            stack += list(elem)
        elif isinstance(elem, DictionaryObject) and elem.get("/Type") == "/StructElem":
            parts.append(str(get(elem, "/Alt", "")))
            stack.append(elem["/K"])
    if "/Metadata" in root:
        parts.append(root["/Metadata"].get_data().decode("utf-8", "replace"))
    return squash(" ".join(parts))


def html_everything(data: bytes) -> str:
    return squash(data.decode("utf-8"))


def docx_everything(data: bytes) -> str:
    return squash(" ".join(docx_parts(data).values()))


def test_public_files_hold_no_part_ii_text(exported: Exported) -> None:
    public_docx = docx_everything(exported("rich", "docx", False))
    public_pdf = pdf_everything(exported("rich", "pdf", False))
    public_html = html_everything(exported("rich", "html", False))
    for marker in PART_II_MARKERS:
        assert marker not in public_docx, f"{marker} leaked into the public Word minutes"
        assert marker not in public_pdf, f"{marker} leaked into the public PDF minutes"
        assert marker not in public_html, f"{marker} leaked into the public web page"
    # the heading, the paragraph relied on and the summary are there
    for text in (public_docx, public_pdf, public_html):
        assert squash("DISPOSAL OF LAND AT GRANGE FARM") in text
        assert squash("paragraph 3 of Part 1 of Schedule 12A to the Local Government") in text
        assert squash("Act 1972: information relating to the financial") in text
        assert squash("The Committee considered a report on the disposal") in text


def test_confidential_files_hold_all_part_ii_text(exported: Exported) -> None:
    conf_docx = docx_everything(exported("rich", "docx", True))
    conf_pdf = pdf_everything(exported("rich", "pdf", True))
    for marker in PART_II_MARKERS:
        assert marker in conf_docx
        assert marker in conf_pdf


@st.composite
def meetings_with_exempt_items(draw: st.DrawFn) -> tuple[MeetingRecord, list[str]]:
    base = herts_2018_01_10()
    count = draw(st.integers(1, 3))
    token = st.text("ABCDEFGHJKMNPQRSTUVWXYZ", min_size=6, max_size=6)
    markers: list[str] = []
    items, paras, recs, decls, actions = [], [], [], [], []
    amendments: list[Amendment] = []
    decisions: list[Decision] = []
    for n in range(count):
        item_id = 100 + n

        def marker(kind: str, n: int = n) -> str:
            text = f"LEAK{n}{kind}{draw(token)}"
            markers.append(text)
            return text

        items.append(
            AgendaItem(
                item_id, f"{7 + n}", f"Exempt business {n}", 7 + n, part=2,
                exempt_paragraph=draw(st.integers(1, 7)),
                report_title=marker("T") if draw(st.booleans()) else None,
                public_summary=draw(st.sampled_from([None, "A report was considered."])),
            )
        )  # fmt: skip
        paras += [
            MinuteParagraph(200 + 10 * n + k, item_id, k, marker("P"))
            for k in range(draw(st.integers(0, 3)))
        ]
        if draw(st.booleans()):
            recs.append(Recommendation(300 + n, item_id, marker("R"), 1, "(a)"))
            if draw(st.booleans()):
                mover, seconder = (a.person_id for a in base.attendees[:2])
                amendments.append(
                    Amendment(600 + n, 300 + n, mover, seconder, marker("M"), 0, marker("X"))
                )
                # Carried, so the recommendation "as amended" is minuted too.
                decisions.append(
                    Decision(700 + n, Outcome.CARRIED, amendment_id=600 + n, tally=Tally(8, 2, 0))
                )
        if draw(st.booleans()):
            decls.append(Declaration(400 + n, item_id, 1, "ori-affects", marker("D")))
        if draw(st.booleans()):
            actions.append(Action(500 + n, item_id, 1, marker("O"), marker("A")))
    record = dataclasses.replace(
        base,
        items=base.items + tuple(items),
        paragraphs=base.paragraphs + tuple(paras),
        recommendations=base.recommendations + tuple(recs),
        amendments=base.amendments + tuple(amendments),
        decisions=base.decisions + tuple(decisions),
        declarations=tuple(decls),
        actions=base.actions + tuple(actions),
    )
    return record, markers


# Hundreds of generated meetings: the public files are rendered in full each time.
@pytest.mark.slow
@settings(max_examples=examples(150))
@given(meetings_with_exempt_items())
def test_no_exempt_marker_ever_reaches_the_public_minutes(
    case: tuple[MeetingRecord, list[str]],
) -> None:
    record, markers = case
    public = build_minutes_view(record, confidential=False)
    confidential = build_minutes_view(record, confidential=True)
    public_docx = docx_everything(render_docx(public))
    public_pdf = pdf_everything(render_pdf_unsigned(public)[0])
    confidential_docx = docx_everything(render_docx(confidential))
    confidential_pdf = pdf_everything(render_pdf_unsigned(confidential)[0])
    public_html = html_everything(render_html(public))
    confidential_html = html_everything(render_html(confidential))
    for marker in markers:
        assert marker not in public_docx
        assert marker not in public_pdf
        assert marker not in public_html
        assert marker in confidential_docx
        assert marker in confidential_pdf
        assert marker in confidential_html
    assert "Section 100A(4)" in squash(public_pdf) or "Section100A(4)" in public_pdf


# Ways a record can be ambiguous or malformed about an item's confidentiality
# (issue 13, point 2): each is applied to one Part II item of a dumped record.
CONFIDENTIALITY_DAMAGE: dict[str, Callable[[dict[str, Any]], None]] = {
    "part missing": lambda i: i.pop("part", None),
    "Part": lambda i: i.update(Part=i.pop("part", 2)),
    "PART": lambda i: i.update(PART=i.pop("part", 2)),
    "part with a space": lambda i: i.update({"part ": i.pop("part", 2)}),
    'part "2"': lambda i: i.update(part="2"),
    'part "II"': lambda i: i.update(part="II"),
    "part 2.0": lambda i: i.update(part=2.0),
    "part true": lambda i: i.update(part=True),
    "part null": lambda i: i.update(part=None),
    "part 0": lambda i: i.update(part=0),
    "part 3": lambda i: i.update(part=3),
    "part 1 with a paragraph": lambda i: i.update(part=1, exempt_paragraph=4),
    "paragraph without part": lambda i: (i.pop("part", None), i.update(exempt_paragraph=3)),
    'paragraph "3"': lambda i: i.update(exempt_paragraph="3"),
    "paragraph 8": lambda i: i.update(exempt_paragraph=8),
    "paragraph missing": lambda i: i.pop("exempt_paragraph", None),
    "both missing": lambda i: (i.pop("part", None), i.pop("exempt_paragraph", None)),
    "confidential flag": lambda i: i.update(confidential=True, part=1, exempt_paragraph=None),
    "exempt key": lambda i: i.update(exempt=True),
}


@pytest.mark.slow
@settings(max_examples=examples(150))
@given(
    meetings_with_exempt_items(),
    st.lists(st.sampled_from(sorted(CONFIDENTIALITY_DAMAGE)), min_size=1, max_size=3),
    st.data(),
)
def test_a_record_ambiguous_about_confidentiality_never_leaks_through_load(
    case: tuple[MeetingRecord, list[str]], damage: list[str], data: st.DataObject
) -> None:
    """Refused by load, or loaded with nothing confidential in the public minutes."""
    from clerkdesk.domain.errors import InvalidRecordError
    from clerkdesk.domain.record_json import dump_record
    from clerkdesk.domain.record_reader import read_record

    record, markers = case
    document = dump_record(record)
    exempt = [i for i in document["items"] if i["part"] == 2]
    for name in damage:
        CONFIDENTIALITY_DAMAGE[name](data.draw(st.sampled_from(exempt)))
    try:
        loaded = read_record(document)
    except InvalidRecordError:
        return  # refused whole
    public = docx_everything(render_docx(build_minutes_view(loaded, confidential=False)))
    for marker in markers:
        assert marker not in public, f"{marker} reached the public minutes after {damage}"

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from typing import Any

from pypdf import PdfReader

from clerkdesk.export.pdf_renderer import render_pdf_unsigned
from clerkdesk.export.view import build_minutes_view

from .conftest import pdf_pages, pdf_text, squash
from .factories import herts_2018_01_10

Exported = Callable[[str, str, bool], bytes]


def test_pdf_reads_back_with_the_minutes(exported: Exported) -> None:
    data = exported("herts", "pdf", False)
    text = pdf_text(data)
    assert "HERTFORDSHIRE COUNTY COUNCIL" in text
    assert "Wednesday 10 January 2018" in text
    assert "R H Smith (substituting for E H Buckmaster)" in text
    assert "No conflicts of interest were declared by any member of the Adult Care" in text
    for line in (
        "EIGHT Members voted IN FAVOUR of this recommendation.",
        "FOUR Members voted AGAINST this recommendation.",
        "Members voted UNANIMOUSLY in favour of this recommendation.",
        "ELEVEN Members voted IN FAVOUR of this recommendation.",
        "ONE Member chose to ABSTAIN.",
        "ONE Member voted AGAINST this recommendation.",
        "THREE Members chose to ABSTAIN.",
    ):
        assert line in text
    for number in ("3.1", "3.2", "3.6"):
        assert number in text
    assert "ACTION" in text and "ACS Officers" in text and "Iain MacBeath /" in text
    assert "CHAIRMAN" in pdf_pages(data)[-1] and "DATE" in pdf_pages(data)[-1]


def test_every_page_is_numbered_and_has_an_initials_box(exported: Exported) -> None:
    pages = pdf_pages(exported("rich", "pdf", True))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "CHAIRMAN'S INITIALS" in page
        assert "CONFIDENTIAL" in page
    for page in pdf_pages(exported("rich", "pdf", False)):
        assert "CONFIDENTIAL" not in page


def test_pdf_rich_meeting_wording(exported: Exported) -> None:
    text = pdf_text(exported("rich", "pdf", True))
    assert "Councillor Jazzer McCreary moved and Councillor David Archer seconded" in text
    assert "There being an equality of votes, the Chairman used their casting vote" in text
    assert "Councillor Fallon Rogers arrived at 2.20 pm during this item." in text
    assert "For: Ann Archer; Brian Aldridge; Fallon Rogers; Jazzer McCreary" in text


def test_pdf_fonts_are_embedded_and_metadata_set(exported: Exported) -> None:
    reader = PdfReader(io.BytesIO(exported("herts", "pdf", False)))
    meta = reader.metadata
    assert meta is not None
    assert meta.author == "ClerkDesk" and meta.creator == "ClerkDesk"
    assert meta.subject == "Adult Care & Health Cabinet Panel, Wednesday 10 January 2018"
    assert meta.title and "Adult Care & Health Cabinet Panel" in meta.title
    resources: Any = reader.pages[0]["/Resources"]
    fonts = resources["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"


def test_signature_is_kept_with_the_end_of_the_last_item(exported: Exported) -> None:
    last = pdf_pages(exported("herts", "pdf", False))[-1]
    assert "CHAIRMAN" in last and "There was no other Part I business." in last
    pages = pdf_pages(exported("rich", "pdf", False))
    part_ii = next(page for page in pages if "PART II ('CLOSED') BUSINESS" in page)
    # the part heading, the resolution and the first exempt item stay together
    assert "Section 100A(4)" in part_ii and "DISPOSAL OF LAND AT GRANGE FARM" in part_ii
    assert "The press and public were excluded for this item" in part_ii


def test_minutes_longer_than_a_page_still_flow() -> None:
    record = herts_2018_01_10()
    long_rec = dataclasses.replace(
        record.recommendations[0], text="Very long recommendation. " * 700 + "ENDOFREC"
    )
    long_para = dataclasses.replace(
        record.paragraphs[0], text="A very long minute. " * 900 + "ENDOFPARA"
    )
    record = dataclasses.replace(
        record,
        recommendations=(long_rec, *record.recommendations[1:]),
        paragraphs=(long_para, *record.paragraphs[1:]),
    )
    data, where = render_pdf_unsigned(build_minutes_view(record, confidential=False))
    pages = pdf_pages(data)
    assert len(pages) >= 6
    text = squash(" ".join(pages))
    assert "ENDOFREC" in text and "ENDOFPARA" in text
    assert where["page"] == len(pages)


def test_reportlab_lays_out_with_its_c_accelerator() -> None:
    """rl_accel is a dependency because it makes the PDF faster; a broken
    install would fall back silently to reportlab's pure-Python versions."""
    import types

    from reportlab.lib import rl_accel

    assert isinstance(rl_accel.fp_str, types.BuiltinFunctionType)
    assert isinstance(rl_accel.escapePDF, types.BuiltinFunctionType)

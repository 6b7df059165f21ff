"""The exported PDF read back as a screen reader and a PDF/A checker would:
tagged structure (PDF/UA-1), artifacts, reading order, language, title,
PDF/A-2b identification, output intent and embedded fonts, all after
certification."""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
from collections.abc import Callable

import pytest
from pypdf import PdfReader

from clerkdesk.export.pdf_renderer import render_pdf_unsigned
from clerkdesk.export.view import build_minutes_view
from clerkdesk.export.view_model import MinutesView

from .conftest import MEETINGS
from .factories import herts_2018_01_10
from .pdf_structure import (
    Element,
    catalog,
    get,
    marked_text,
    squash,
    structure,
    unmarked_painting,
)
from .reading_order import first_out_of_order

Exported = Callable[[str, str, bool], bytes]
VERSIONS = [
    ("herts", False),
    ("rich", False),
    ("rich", True),
    ("rich approved", False),
    ("rich approved", True),
]
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


def _view(meeting: str, confidential: bool) -> MinutesView:
    return build_minutes_view(MEETINGS[meeting](), confidential=confidential)


@pytest.mark.parametrize(("meeting", "confidential"), VERSIONS)
def test_everything_painted_is_content_or_an_artifact(
    exported: Exported, meeting: str, confidential: bool
) -> None:
    data = exported(meeting, "pdf", confidential)
    assert unmarked_painting(data) == []
    texts, _ = marked_text(data)
    assert not [key for key in texts if key[1] == -1], "text outside any marked content"
    tree = structure(data)
    in_tree = {mcid for element in tree.walk() for mcid in element.mcids}
    assert set(texts) <= in_tree, "marked content that no structure element owns"


@pytest.mark.parametrize(("meeting", "confidential"), VERSIONS)
def test_page_furniture_is_artifact_and_never_read(
    exported: Exported, meeting: str, confidential: bool
) -> None:
    data = exported(meeting, "pdf", confidential)
    view = _view(meeting, confidential)
    _, artifacts = marked_text(data)
    pages = len(artifacts)
    for number, furniture in enumerate(artifacts, start=1):
        text = " ".join(furniture)
        assert f"Page {number} of {pages}" in text
        assert view.initials_label in text
        assert view.doc_title in squash(text) or squash(view.doc_title) in squash(text)
        if view.draft:
            assert "DRAFT" in text
        if confidential:
            assert "CONFIDENTIAL" in text
        if number > 1:
            assert view.running_head in text and "ACTION" in text
    read = structure(data).text
    assert view.initials_label not in read
    assert not re.search(r"Page \d+ of \d+", read)
    assert "CONFIDENTIAL – NOT FOR PUBLICATION" not in read
    # A screen reader starts with the council's name, not "DRAFT" or the initials box.
    assert read.startswith(view.organisation.upper())


@pytest.mark.parametrize(("meeting", "confidential"), VERSIONS)
def test_headings_nest_and_name_every_item(
    exported: Exported, meeting: str, confidential: bool
) -> None:
    data = exported(meeting, "pdf", confidential)
    view = _view(meeting, confidential)
    headings = [e for e in structure(data).walk() if re.fullmatch(r"H[1-6]", e.role)]
    levels = [int(e.role[1]) for e in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"a heading skips a level: H{before} then H{after}"
    texts = [squash(e.text) for e in headings]
    assert texts[0] == squash(view.committee.upper())
    wanted = [squash(item.heading) for item in view.items]
    assert [t for t in texts if t in wanted] == wanted  # every item, in order, once


@pytest.mark.parametrize(("meeting", "confidential"), VERSIONS)
def test_reading_order_is_the_order_of_the_minutes(
    exported: Exported, meeting: str, confidential: bool
) -> None:
    data = exported(meeting, "pdf", confidential)
    view = _view(meeting, confidential)
    assert first_out_of_order(structure(data).text, view) is None


@pytest.mark.parametrize(("meeting", "confidential"), VERSIONS)
def test_numbered_minutes_are_lists_with_labels(
    exported: Exported, meeting: str, confidential: bool
) -> None:
    data = exported(meeting, "pdf", confidential)
    view = _view(meeting, confidential)
    tree = structure(data)
    labels = []
    for element in tree.walk():
        if element.role == "L":
            assert element.kids and all(kid.role == "LI" for kid in element.kids)
        if element.role == "LI":
            assert [kid.role for kid in element.kids] == ["Lbl", "LBody"]
            labels.append(element.kids[0].text)
    numbers = [b.number for item in view.items for b in item.blocks if b.number]
    assert numbers and labels == numbers


@pytest.mark.parametrize(("meeting", "confidential"), VERSIONS)
def test_structure_uses_standard_roles_and_tables_have_header_cells(
    exported: Exported, meeting: str, confidential: bool
) -> None:
    tree = structure(exported(meeting, "pdf", confidential))
    standard = {"Document", "Div", "P", "L", "LI", "Lbl", "LBody", "Form", "Table", "TR"}
    standard |= {"TH", "TD", "THead", "TBody", "Span", *(f"H{n}" for n in range(1, 7))}
    for element in tree.walk():
        assert element.role in standard
        assert element.mcids or element.kids or element.widgets, f"empty {element.role}"
        if element.role == "Table":  # none today; any table added must have headers
            first_row = next(e for e in element.walk() if e.role == "TR")
            assert any(cell.role == "TH" for cell in first_row.kids)


def test_language_title_and_marking(exported: Exported) -> None:
    data = exported("rich", "pdf", True)
    view = _view("rich", True)
    reader = PdfReader(io.BytesIO(data))
    root = catalog(reader)
    assert str(root["/Lang"]) == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert root["/MarkInfo"]["/Marked"].value is True
    docinfo = reader.trailer["/Info"]
    assert str(docinfo["/Title"]) == view.doc_title
    assert "(confidential)" in str(docinfo["/Title"])
    for page in reader.pages:
        assert int(page["/StructParents"]) >= 0
        assert "/Trans" not in page


@pytest.mark.parametrize(("meeting", "confidential"), [("herts", False), ("rich approved", True)])
def test_pdfa_and_pdfua_identification_survive_certification(
    exported: Exported, meeting: str, confidential: bool
) -> None:
    from lxml import etree

    data = exported(meeting, "pdf", confidential)
    reader = PdfReader(io.BytesIO(data))
    root = catalog(reader)
    xmp = etree.fromstring(root["/Metadata"].get_data())
    docinfo = reader.trailer["/Info"]
    info = {key: str(docinfo[key]) for key in docinfo}
    intents = [intent.get_object() for intent in root["/OutputIntents"]]
    profile = intents[0]["/DestOutputProfile"]
    assert str(intents[0]["/S"]) == "/GTS_PDFA1" and int(profile["/N"]) == 3
    assert profile.get_data()[36:40] == b"acsp"  # an ICC profile
    assert reader.pdf_header.removeprefix("%PDF-") >= "1.7"
    values = _xmp_values(xmp)
    assert values["pdfaid:part"] == "2" and values["pdfaid:conformance"] == "B"
    assert values["pdfuaid:part"] == "1"
    # PDF/A wants the namespace of an extension schema as text, not a URI resource.
    assert values["pdfaSchema:namespaceURI"] == "http://www.aiim.org/pdfua/ns/id/"
    assert values["pdfaSchema:prefix"] == "pdfuaid"
    # The document information dictionary and the XMP say the same things.
    assert values["dc:title"] == info["/Title"]
    assert values["dc:description"] == info["/Subject"]
    assert values["pdf:Producer"] == info["/Producer"]
    assert values["pdf:Keywords"] == info["/Keywords"]
    assert values["xmp:CreatorTool"] == info["/Creator"]
    assert values["dc:language"] == "en-GB"
    assert _pdf_date(info["/ModDate"]) == _xmp_date(values["xmp:ModifyDate"])


def _xmp_values(xmp: object) -> dict[str, str]:
    from lxml import etree

    prefixes = {
        "http://www.aiim.org/pdfa/ns/id/": "pdfaid",
        "http://www.aiim.org/pdfua/ns/id/": "pdfuaid",
        "http://www.aiim.org/pdfa/ns/schema#": "pdfaSchema",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://ns.adobe.com/pdf/1.3/": "pdf",
        "http://ns.adobe.com/xap/1.0/": "xmp",
    }
    values: dict[str, str] = {}
    assert isinstance(xmp, etree._Element)
    for elem in xmp.iter():
        for name, value in [*elem.attrib.items(), (elem.tag, elem.text)]:
            qname = etree.QName(name)
            prefix = prefixes.get(qname.namespace or "")
            if prefix is None:
                continue
            text = value if isinstance(value, str) else ""
            if not text.strip() and name == elem.tag:  # an array: its first item
                text = next((li.text or "" for li in elem.iter(f"{{{NS['rdf']}}}li")), "")
            values.setdefault(f"{prefix}:{qname.localname}", text.strip())
    return values


def _pdf_date(text: str) -> str:
    return re.sub(r"\D", "", text.removeprefix("D:"))[:14]


def _xmp_date(text: str) -> str:
    return re.sub(r"\D", "", text)[:14]


def test_every_font_is_embedded(exported: Exported) -> None:
    data = exported("rich approved", "pdf", True)
    fonts = []
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts += list(get(page["/Resources"], "/Font", {}).values())
        for annot in get(page, "/Annots", []):
            appearance = get(get(annot.get_object(), "/AP", {}), "/N")
            if appearance is not None and "/Resources" in appearance:
                fonts += list(get(appearance["/Resources"], "/Font", {}).values())
    assert fonts
    for font in (font.get_object() for font in fonts):
        described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = described["/FontDescriptor"]
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
            f"{font['/BaseFont']} is not embedded"
        )
        assert str(font["/BaseFont"]) != "/Helvetica"


@pytest.mark.parametrize("meeting", ["rich", "rich approved"])
def test_form_fields_are_tagged_with_a_name(exported: Exported, meeting: str) -> None:
    data = exported(meeting, "pdf", False)
    tree = structure(data)
    forms = [e for e in tree.walk() if e.role == "Form"]
    named = {name for form in forms for name in form.widgets}
    reader = PdfReader(io.BytesIO(data))
    widgets = [a.get_object() for page in reader.pages for a in get(page, "/Annots", [])]
    assert widgets
    nums = catalog(reader)["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    parents = {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}
    for page in reader.pages:
        if "/Annots" in page:
            assert page["/Tabs"] == "/S"
    for widget in widgets:
        assert str(widget["/T"]) in named
        assert str(widget["/TU"])
        assert str(parents[int(widget["/StructParent"])]["/S"]) == "/Form"
        x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
        if x2 > x1 and y2 > y1:
            assert "/N" in widget["/AP"]  # PDF/A: a visible annotation has an appearance
    expected = {"ClerkDeskCertification"}
    if meeting == "rich approved":
        expected |= {"ChairmanSignature", "ChairmanSignatureDate"}
    assert named == expected
    assert all(form.alt for form in forms)


def test_a_minute_split_across_pages_is_one_element() -> None:
    record = herts_2018_01_10()
    long_para = dataclasses.replace(
        record.paragraphs[0], text="A very long minute. " * 900 + "ENDOFPARA"
    )
    record = dataclasses.replace(record, paragraphs=(long_para, *record.paragraphs[1:]))
    data, _ = render_pdf_unsigned(build_minutes_view(record, confidential=False))
    tree = structure(data)
    body = next(e for e in tree.walk() if "ENDOFPARA" in e.text and not e.kids)
    assert body.role == "LBody"
    assert len({page for page, _ in body.mcids}) >= 3
    assert unmarked_painting(data) == []


def _roles(tree: Element) -> list[str]:
    return [e.role for e in tree.walk()]


def test_a_draft_has_no_chairman_fields_but_stays_tagged(exported: Exported) -> None:
    tree = structure(exported("rich", "pdf", True))
    assert "Form" in _roles(tree)
    assert all("Chairman" not in name for e in tree.walk() for name in e.widgets)

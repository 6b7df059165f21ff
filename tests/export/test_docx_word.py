"""A Word file a clerk can edit (issue 16): real numbering, navigable headings,
honest metadata, spans that span, British English, the PDF's page furniture."""

from __future__ import annotations

import copy
import io
import zipfile

import docx
from docx.oxml.ns import qn

from clerkdesk.export.view import build_minutes_view

from .conftest import pdf_pages
from .factories import herts_2018_01_10, rich_meeting
from .factories_style import house_style_meeting
from .readback import numbered_paragraphs, render, word_numbers


def _saved(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_minute_numbers_are_words_own_numbering_and_follow_an_added_paragraph() -> None:
    record = herts_2018_01_10()
    data = render(record, "docx")
    view = build_minutes_view(record, confidential=False)
    expected = [(b.number, b.text) for i in view.items for b in i.blocks if b.number]
    assert word_numbers(data) == expected  # Word numbers them as the PDF does
    assert "3.1" not in "".join(t for _, t in numbered_paragraphs(data))  # none typed

    # A clerk adds a paragraph after 3.1, in its cell, as Word's Enter does.
    document = docx.Document(io.BytesIO(data))
    cell = next(
        c
        for row in document.tables[0].rows
        for c in row.cells
        if c.text.startswith("Members received a report")
    )
    first = cell.paragraphs[0]
    added = cell.add_paragraph("Members asked how carers had been told.", style=first.style)
    num_pr = first._p.pPr.find(qn("w:numPr"))
    added._p.get_or_add_pPr().append(copy.deepcopy(num_pr))
    edited = word_numbers(_saved(document))
    item3 = [(n, t[:30]) for n, t in edited if n.startswith("3.")]
    assert item3[:3] == [
        ("3.1", "Members received a report deta"),
        ("3.2", "Members asked how carers had b"),
        ("3.3", "The panel noted that in total,"),  # was 3.2: the numbers followed
    ]
    assert [n for n, _ in item3] == [f"3.{k}" for k in range(1, 8)]
    assert [n for n, _ in edited if n.startswith("6.")] == ["6.1"]  # other items untouched


def test_headings_carry_item_numbers_and_outline_levels_for_the_navigation_pane() -> None:
    document = docx.Document(io.BytesIO(render(herts_2018_01_10(), "docx")))

    def outline(style: docx.styles.style.BaseStyle | None) -> int | None:
        while style is not None:
            found = style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            if found is not None:
                return int(found.get(qn("w:val")))
            style = style.base_style
        return None

    pane = []
    for p in document.element.body.iter(qn("w:p")):
        paragraph = docx.text.paragraph.Paragraph(p, document)
        level = outline(paragraph.style)
        if level is not None:
            pane.append((level, paragraph.text))
    items = [text for level, text in pane if level == 1 and text[:1].isdigit()]
    assert items == [
        "1. MINUTES",
        "2. PUBLIC PETITIONS",
        "3. CHANGES TO CHARGING ARRANGEMENTS FOR COMMUNITY BASED ADULT SOCIAL CARE",
        "6. OTHER PART I BUSINESS",
    ]
    assert (0, "PART I ('OPEN') BUSINESS") in pane and (0, "ATTENDANCE") in pane


def test_metadata_says_clerkdesk_and_the_council_not_the_template() -> None:
    record = herts_2018_01_10()
    data = render(record, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        app = archive.read("docProps/app.xml").decode("utf-8")
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "<Application>ClerkDesk</Application>" in app
    assert "Microsoft" not in app and "Macintosh" not in app and "Normal.dotm" not in app
    assert "<Company>Hertfordshire County Council</Company>" in app
    assert "<Pages>" not in app  # only a layout of the file knows it: not guessed
    document = docx.Document(io.BytesIO(data))
    words = sum(len(t.text.split()) for t in document.element.body.iter(qn("w:t")) if t.text)
    assert f"<Words>{words}</Words>" in app
    props = document.core_properties
    assert props.author == "ClerkDesk" and props.last_modified_by == "ClerkDesk"
    assert props.title.startswith("Minutes of the Adult Care & Health Cabinet Panel")
    assert props.language == "en-GB" and "en-GB" in core
    assert not any("thumbnail" in name for name in names)  # not the template's picture


def test_english_uk_throughout() -> None:
    data = render(rich_meeting(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                assert "en-US" not in archive.read(name).decode("utf-8"), name
        styles = archive.read("word/styles.xml").decode("utf-8")
        settings = archive.read("word/settings.xml").decode("utf-8")
    assert 'w:lang w:val="en-GB"' in styles
    assert '<w:themeFontLang w:val="en-GB"' in settings


def test_every_row_spans_the_whole_table_and_part_headings_span_every_column() -> None:
    document = docx.Document(io.BytesIO(render(rich_meeting(), "docx", confidential=True)))
    table = document.tables[0]._tbl
    columns = len(table.tblGrid.findall(qn("w:gridCol")))
    banners = []
    for tr in table.tr_lst:
        spans = [tc.grid_span for tc in tr.tc_lst]
        assert sum(spans) == columns
        if len(spans) == 1:
            banners.append(docx.table._Cell(tr.tc_lst[0], None).text)
    assert banners == ["PART I ('OPEN') BUSINESS", "PART II ('CLOSED') BUSINESS"]


def test_page_furniture_is_the_pdfs() -> None:
    """Marking, running head from page 2, page X of Y, the title, the initials box."""
    record = house_style_meeting(approved=False)
    view = build_minutes_view(record, confidential=True)
    pages = pdf_pages(render(record, "pdf", confidential=True))
    assert len(pages) >= 2
    assert view.running_head not in pages[0] and view.running_head in pages[1]
    for number, page in enumerate(pages, start=1):
        for mark in ("CONFIDENTIAL", "DRAFT", view.initials_label, f"Page {number} of"):
            assert mark in page
    document = docx.Document(io.BytesIO(render(record, "docx", confidential=True)))
    section = document.sections[0]
    first = "".join(p.text for p in section.first_page_header.paragraphs)
    later = "".join(p.text for p in section.header.paragraphs)
    assert "CONFIDENTIAL" in first and "DRAFT" in first and view.running_head not in first
    assert "CONFIDENTIAL" in later and "DRAFT" in later and view.running_head in later
    for footer in (section.first_page_footer, section.footer):
        xml = footer._element.xml
        assert "PAGE" in xml and "NUMPAGES" in xml
        text = "".join(c.text for t in footer.tables for r in t.rows for c in r.cells)
        assert view.initials_label in text and view.doc_title in text and "Page" in text

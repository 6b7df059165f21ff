from __future__ import annotations

import io
from collections.abc import Callable

import docx
from docx.text.paragraph import Paragraph

from .conftest import docx_parts

Exported = Callable[[str, str, bool], bytes]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _style(paragraph: Paragraph) -> str:
    style = paragraph.style
    return style.name if style is not None and style.name else ""


def _all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts).replace("\u00a0", " ")  # names are kept whole by no-break spaces


def test_docx_reads_back_with_the_minutes(exported: Exported) -> None:
    document = docx.Document(io.BytesIO(exported("herts", "docx", False)))
    text = _all_text(document)
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
    assert "CHAIRMAN " in text and "DATE " in text
    styles = {_style(p) for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Minute Signature"} <= styles


def test_docx_minutes_body_is_a_table_with_an_action_column(exported: Exported) -> None:
    document = docx.Document(io.BytesIO(exported("herts", "docx", False)))
    table = document.tables[0]
    style = table.style
    assert style is not None and style.name == "Minutes Table"  # minutes, not a spreadsheet
    borders = style.element.find(f"{{{W}}}tblPr/{{{W}}}tblBorders")  # ...so no grid
    assert borders is not None
    assert {edge.get(f"{{{W}}}val") for edge in borders} == {"nil"}
    assert "tcBorders" not in table._tbl.xml
    assert table.rows[0].cells[1].text == "ACTION"
    texts = [row.cells[0].text for row in table.rows]
    # the item's number is in its heading; its paragraphs are numbered by Word (docx_numbering)
    assert "3. CHANGES TO CHARGING ARRANGEMENTS FOR COMMUNITY BASED ADULT SOCIAL CARE" in texts
    rows = [row for row in table.rows if len(row._tr.tc_lst) == 2]  # not the part headings
    owners = [row.cells[1].text for row in rows if row.cells[1].text not in ("", "ACTION")]
    assert owners == ["ACS Officers", "Iain MacBeath / Helen Maneuf"]
    votes = [row for row in rows if "IN FAVOUR" in row.cells[0].text]
    bold = [r.text for r in votes[0].cells[0].paragraphs[0].runs if r.bold]
    assert bold == ["IN FAVOUR"]


def test_docx_footer_has_page_fields_and_initials_box(exported: Exported) -> None:
    parts = docx_parts(exported("herts", "docx", False))
    footers = [body for name, body in parts.items() if name.startswith("word/footer")]
    assert footers
    footer = "".join(footers)
    assert "PAGE" in footer and "NUMPAGES" in footer and 'fldCharType="begin"' in footer
    assert "CHAIRMAN&apos;S INITIALS" in footer or "CHAIRMAN'S INITIALS" in footer
    assert "Page " in footer


def test_docx_rich_meeting_and_confidential_header(exported: Exported) -> None:
    data = exported("rich", "docx", True)
    document = docx.Document(io.BytesIO(data))
    text = _all_text(document)
    assert "Councillor Jazzer McCreary moved and Councillor David Archer seconded" in text
    assert "There being an equality of votes, the Chairman used their casting vote" in text
    assert "Councillor Fallon Rogers arrived at 2.20 pm during this item." in text
    assert "For: Ann Archer; Brian Aldridge; Fallon Rogers; Jazzer McCreary" in text
    header = "".join(p.text for p in document.sections[0].header.paragraphs)
    assert "CONFIDENTIAL" in header
    props = document.core_properties
    assert props.subject == "Resources Committee"
    assert props.author == "ClerkDesk" and props.created is not None
    public = docx.Document(io.BytesIO(exported("rich", "docx", False)))
    assert "CONFIDENTIAL" not in "".join(p.text for p in public.sections[0].header.paragraphs)


def test_docx_uses_named_styles_the_clerk_can_restyle(exported: Exported) -> None:
    document = docx.Document(io.BytesIO(exported("rich", "docx", True)))
    table = document.tables[0]
    rows = [row for row in table.rows if len(row._tr.tc_lst) == 2]
    by_text = {row.cells[0].text: _style(row.cells[0].paragraphs[0]) for row in rows}
    assert by_text["3. VILLAGE HALL GRANT"] == "Heading 2"
    assert by_text["Members considered the application for a grant."] == "Minute Paragraph"
    assert by_text["(a) That a grant of £5,000 be made to Ambridge Village Hall."] == (
        "Minute Recommendation"
    )
    assert by_text["The recommendation was CARRIED."] == "Minute Outcome"
    headings = [p.text for p in document.paragraphs if _style(p) == "Heading 1"]
    assert headings == ["ATTENDANCE"]
    parts = [row.cells[0] for row in table.rows if len(row._tr.tc_lst) == 1]
    assert [cell.text for cell in parts] == [
        "PART I ('OPEN') BUSINESS",
        "PART II ('CLOSED') BUSINESS",
    ]
    assert {_style(cell.paragraphs[0]) for cell in parts} == {"Heading 1"}
    assert len(document.tables) == 1  # one table: the ACTION heading repeats once a page
    for name in ("Heading 1", "Heading 2"):
        assert document.styles[name].paragraph_format.keep_with_next


def test_docx_properties_and_first_page(exported: Exported) -> None:
    document = docx.Document(io.BytesIO(exported("herts", "docx", False)))
    props = document.core_properties
    assert (
        props.title == "Minutes of the Adult Care & Health Cabinet Panel, Wednesday 10 January 2018"
    )
    assert props.content_status == "Draft" and props.language == "en-GB"
    assert props.category == "Minutes" and "public" in props.keywords
    section = document.sections[0]
    assert section.different_first_page_header_footer
    first = "".join(p.text for p in section.first_page_header.paragraphs)
    assert "DRAFT" in first and "ADULT CARE" not in first  # the running head starts on page 2
    assert "ADULT CARE & HEALTH CABINET PANEL" in "".join(p.text for p in section.header.paragraphs)

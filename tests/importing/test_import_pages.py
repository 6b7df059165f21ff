"""Running headers and footers of a PDF never become items nor break a title.

``paged/wessex-cabinet.pdf`` was made by LibreOffice from a Word document
whose every page has the header "WESSEX COUNTY COUNCIL / CABINET – THURSDAY
16 JANUARY 2025" and the footer "Page N of 3"; item 5's title runs over a
page break, and the council is named only in the header.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pypdf
import pytest

from clerkdesk.importing import parse_agenda_file
from clerkdesk.importing.pages import join_pages

PAGED = Path(__file__).resolve().parents[1] / "fixtures" / "agendas" / "paged"
TITLES = [
    "Apologies for Absence",
    "Minutes of the Last Meeting",
    "Revenue Budget Monitoring 2024/25 - Quarter 3",
    "School Organisation Proposals for North Wessex",
    "Review of the Winter Maintenance Policy and the Gritting Network for 2025/26",
    "Highways Capital Programme 2025/26 to 2027/28",
    "Other Part I Business",
]


def test_the_fixture_really_repeats_its_header_and_footer() -> None:
    reader = pypdf.PdfReader(PAGED / "wessex-cabinet.pdf")
    pages = [page.extract_text().split("\n") for page in reader.pages]
    assert len(pages) == 3
    for number, lines in enumerate(pages, start=1):
        assert lines[:2] == ["WESSEX COUNTY COUNCIL", "CABINET – THURSDAY 16 JANUARY 2025"]
        assert lines[-1] == f"Page {number} of 3"
    # Item 5's title is cut by a page break; page 2 opens with the end of item 3.
    assert pages[1][-2].strip() == "5. REVIEW OF THE WINTER MAINTENANCE POLICY AND"
    assert pages[2][2].strip() == "THE GRITTING NETWORK FOR 2025/26"
    assert pages[1][2].strip() == "The Cabinet is recommended to:"


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_headers_and_footers_do_not_become_items(suffix: str) -> None:
    agenda = parse_agenda_file(PAGED / f"wessex-cabinet{suffix}")
    assert [i.number for i in agenda.items] == [str(n) for n in range(1, 8)]
    assert [i.title for i in agenda.items] == TITLES
    assert agenda.organisation == "Wessex County Council"
    assert agenda.committee == "Cabinet"
    assert agenda.date == datetime.date(2025, 1, 16)
    assert agenda.time == datetime.time(10, 0)
    assert agenda.venue == "Council Chamber, County Hall, Dorchester"
    assert (agenda.quorum, len(agenda.members)) == (3, 6)
    counts = [len(i.recommendations) for i in agenda.items]
    assert counts == [0, 0, 3, 2, 1, 1, 0]
    assert agenda.warnings == ()


def test_pdf_matches_word() -> None:
    assert parse_agenda_file(PAGED / "wessex-cabinet.pdf") == parse_agenda_file(
        PAGED / "wessex-cabinet.docx"
    )


def test_a_paragraph_over_a_page_break_is_not_cut_by_the_footer() -> None:
    agenda = parse_agenda_file(PAGED / "wessex-cabinet.pdf")
    recommendations = agenda.items[2].recommendations
    assert [r.label for r in recommendations] == ["(a)", "(b)", "(c)"]
    assert recommendations[0].text == "note the forecast overspend of £3.2m"


HEADER = ["ANYTOWN DISTRICT COUNCIL", "Licensing Committee – 4 March 2025", ""]


def _page(number: int, body: list[str], of: int = 3) -> list[str]:
    return [*HEADER, *body, "", "", f"Page {number} of {of}"]


def test_repeated_header_and_page_numbers_are_dropped_after_the_first_page() -> None:
    pages = [
        _page(1, ["1. Apologies", "", "2. Minutes"]),
        _page(2, ["3. Licensing policy review"]),
        _page(3, ["4. Any other business"]),
    ]
    assert join_pages(pages) == [
        *HEADER[:2],
        "",
        "1. Apologies",
        "",
        "2. Minutes",
        "",
        "3. Licensing policy review",
        "",
        "4. Any other business",
    ]


def test_a_title_running_over_a_page_is_joined() -> None:
    pages = [
        _page(1, ["1. Apologies", "", "2. Review of the street trading policy and"]),
        _page(2, ["the consent fees for 2025/26", "", "Report of the Licensing Manager"]),
    ]
    lines = join_pages(pages)
    assert "2. Review of the street trading policy and the consent fees for 2025/26" in lines
    assert not any("Page" in line or "DISTRICT" in line for line in lines[2:])


def test_bare_page_numbers_at_the_foot_are_dropped() -> None:
    pages = [["Agenda", "1. Apologies", "", "1"], ["2. Minutes", "", "2"]]
    assert join_pages(pages) == ["Agenda", "1. Apologies", "", "2. Minutes"]


def test_one_page_keeps_everything_but_its_page_number() -> None:
    page = ["ANYTOWN DISTRICT COUNCIL", "", "1. Apologies", "2. Minutes", "", "Page 1 of 1"]
    assert join_pages([page]) == page[:-2]


def test_lines_repeated_only_in_the_middle_of_pages_stay() -> None:
    body = ["Intro", "x", "y", "Recommendation: That the report be noted.", "z", "w", "End"]
    assert join_pages([body, body]).count("Recommendation: That the report be noted.") == 2

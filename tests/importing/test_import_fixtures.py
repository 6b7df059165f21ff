"""Agendas in eleven real-world styles, as text/Markdown and as Word and PDF.

Each Word/PDF version must give the same result as the text original; the
text originals are checked against what a clerk would type in by hand.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from clerkdesk.importing import ParsedAgenda, parse_agenda_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "agendas"
D, T = datetime.date, datetime.time

EXPECTED: dict[str, dict[str, Any]] = {
    "parish-council.txt": {
        "organisation": "Little Snoring Parish Council",
        "committee": "Little Snoring Parish Council",
        "date": D(2025, 3, 3),
        "time": T(19, 30),
        "venue": "Village Hall, Church Lane, Little Snoring",
        "quorum": 3,
        "members": [
            ("J Smith", "chair"),
            ("P Brown", "vice-chair"),
            ("A Green", "member"),
            ("B White", "member"),
            ("C Black", "member"),
        ],
        "items": 7,
        "recs": {"5": 1},
    },
    "town-council-committee.md": {
        "organisation": "Market Harborough Town Council",
        "committee": "Finance and General Purposes Committee",
        "date": D(2025, 3, 12),
        "time": T(19, 0),
        "venue": "Council Chamber, The Old Town Hall, Market Harborough",
        "quorum": 3,
        "members": [
            ("A Jones", "chair"),
            ("R Patel", "vice-chair"),
            ("S O'Brien", "member"),
            ("T Nguyen", "member"),
            ("M Williams", "member"),
        ],
        "items": 6,
        "recs": {"4": 3, "5": 1},
    },
    "district-planning.txt": {
        "organisation": "Borchester District Council",
        "committee": "Planning Committee",
        "date": D(2024, 6, 3),
        "time": T(14, 0),
        "venue": "Council Chamber, District Offices, Borchester",
        "quorum": 4,
        "members": 7,
        "items": 6,
        "recs": {"4": 1, "5": 1},
    },
    "county-cabinet.txt": {
        "organisation": "Exampleshire County Council",
        "committee": "Cabinet",
        "date": D(2025, 1, 16),
        "time": T(10, 0),
        "venue": "County Hall, Exeter Road, Examplebury",
        "quorum": 3,
        "members": 6,
        "items": 5,
        "recs": {"3": 3},
    },
    "licensing-sub-committee.txt": {
        "organisation": "Westbrook Borough Council",
        "committee": "Licensing Sub-Committee",
        "date": D(2024, 10, 8),
        "time": T(10, 0),
        "venue": "Committee Room 2, Westbrook Civic Centre, Station Road, Westbrook",
        "quorum": 3,
        "members": [
            ("Anne Foster", "chair"),
            ("Brian Hughes", "member"),
            ("Carol Idowu", "member"),
        ],
        "items": 7,
        "parts": {"4": (1, None), "5": (2, 1), "6": (2, 1), "7": (2, 7)},
    },
    "scrutiny-committee.txt": {
        "organisation": "Riverside City Council",
        "committee": "Overview and Scrutiny Committee",
        "date": D(2025, 2, 5),
        "time": T(18, 30),
        "venue": "Committee Room 1, Riverside Guildhall",
        "quorum": 3,
        "members": 5,
        "items": 4,
        "recs": {"3": 2},
    },
    "modern-gov.txt": {
        "organisation": "Kingsmere Metropolitan Borough Council",
        "committee": "Health and Wellbeing Board",
        "date": D(2024, 5, 14),
        "time": T(18, 30),
        "venue": "The Lantern Room, Kingsmere Town Hall",
        "quorum": 5,
        "members": 5,
        "items": 7,
        "recs": {"4": 1},
        "parts": {"6": (1, None), "7": (2, 3)},
    },
    "fire-authority.txt": {
        "organisation": "Northshire Combined Fire Authority",
        "committee": "Audit and Governance Committee",
        "date": D(2025, 3, 21),
        "time": T(9, 30),
        "venue": "Board Room, Fire Service Headquarters, Northby",
        "quorum": 2,
        "members": 5,
        "items": 4,
        "recs": {"2": 2},
    },
    # Minute-reference numbers, "To: Councillors ...", "12.03.25", "7.00 p.m.", a share quorum
    # (worked out from the six members listed, and marked for the clerk to confirm).
    "parish-minute-refs.txt": {
        "organisation": "Great Whittling Parish Council",
        "committee": "Great Whittling Parish Council",
        "date": D(2025, 3, 12),
        "time": T(19, 0),
        "venue": "Memorial Hall, Church Street, Great Whittling",
        "quorum": 3,
        "members": [
            ("M Thornton", "chair"),
            ("S Kaur", "vice-chair"),
            ("G Lewis", "member"),
            ("H Marsh", "member"),
            ("J O'Neill", "member"),
            ("P Quinn", "member"),
        ],
        "numbers": [f"25/0{n}" for n in range(31, 38)],
        "recs": {"25/035": 1},
        "warnings": ['The quorum is worked out as 3 from "one third of the membership, and never'],
        "layouts": ["", "-table"],
    },
    # "Membership:" one per line then "Substitutes:", ISO date, 24-hour time, sub-items 5a/5b,
    # and two lead-ins whose (a)/(b) become "4.1 (a)" ... "4.2 (b)".
    "borough-planning-subitems.txt": {
        "organisation": "Hartfield Borough Council",
        "committee": "Planning Committee",
        "date": D(2025, 3, 12),
        "time": T(19, 0),
        "venue": "Council Chamber, Hartfield Civic Offices, Market Square, Hartfield",
        "quorum": 4,
        "members": [
            ("N Ahmed", "chair"),
            ("E Barker", "vice-chair"),
            ("F Castle", "member"),
            ("G Dunmore", "member"),
            ("H Ellery", "member"),
            ("J Frost", "member"),
        ],
        "numbers": ["1", "2", "3", "4", "5", "5a", "5b", "6"],
        "recs": {"4": 4, "5a": 1, "5b": 1},
        "labels": {"4": ["4.1 (a)", "4.1 (b)", "4.2 (a)", "4.2 (b)"]},
        "layouts": ["", "-table"],
    },
    # Roman item numbers, with a roman list in the notes above them that is not the agenda.
    "parish-roman.txt": {
        "organisation": "Ashcombe Parish Council",
        "committee": "Ashcombe Parish Council",
        "date": D(2025, 4, 7),
        "time": T(19, 0),
        "venue": "Reading Room, The Green, Ashcombe",
        "quorum": 3,
        "members": [
            ("R Pendle", "chair"),
            ("T Vickers", "vice-chair"),
            ("W Ashby", "member"),
            ("Y Brook", "member"),
            ("Z Collins", "member"),
        ],
        "numbers": ["i", "ii", "iii", "iv", "v", "vi"],
        "recs": {"iv": 1},
        "layouts": ["", "-table"],
    },
}
LAYOUTS = ["", "-autonum", "-table"]


def _summary(agenda: ParsedAgenda) -> dict[str, Any]:
    return {
        "organisation": agenda.organisation,
        "committee": agenda.committee,
        "date": agenda.date,
        "time": agenda.time,
        "venue": agenda.venue,
        "quorum": agenda.quorum,
        "members": [(m.name, m.role) for m in agenda.members],
        "items": [(i.number, i.title, i.part, i.exempt_paragraph) for i in agenda.items],
        "recs": [(i.number, [(r.label, r.text) for r in i.recommendations]) for i in agenda.items],
        "warnings": agenda.warnings,
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_original(name: str) -> None:
    agenda = parse_agenda_file(FIXTURES / name)
    want = EXPECTED[name]
    for field in ("organisation", "committee", "date", "time", "venue", "quorum"):
        assert getattr(agenda, field) == want[field], field
    members = [(m.name, m.role) for m in agenda.members]
    if isinstance(want["members"], int):
        assert len(members) == want["members"]
        assert [role for _, role in members].count("chair") == 1
    else:
        assert members == want["members"]
    numbers = want.get("numbers") or [str(n) for n in range(1, want["items"] + 1)]
    assert [i.number for i in agenda.items] == numbers
    counts = {i.number: len(i.recommendations) for i in agenda.items if i.recommendations}
    assert counts == want.get("recs", {})
    items = {i.number: i for i in agenda.items}
    for number, (part, paragraph) in want.get("parts", {}).items():
        item = items[number]
        assert (item.part, item.exempt_paragraph) == (part, paragraph), number
    for number, labels in want.get("labels", {}).items():
        assert [r.label for r in items[number].recommendations] == labels
    assert len(agenda.warnings) == len(want.get("warnings", []))
    for warning, start in zip(agenda.warnings, want.get("warnings", []), strict=False):
        assert warning.startswith(start)


# Word's list numbering cannot write "25/031" or "5a", so those agendas have no -autonum.
CONVERSIONS = [
    (name, layout, suffix)
    for name in sorted(EXPECTED)
    for layout in EXPECTED[name].get("layouts", LAYOUTS)
    for suffix in (".docx", ".pdf")
]


@pytest.mark.parametrize(("name", "layout", "suffix"), CONVERSIONS)
def test_word_and_pdf_match_the_text(name: str, layout: str, suffix: str) -> None:
    original = _summary(parse_agenda_file(FIXTURES / name))
    converted = _summary(parse_agenda_file(FIXTURES / f"{Path(name).stem}{layout}{suffix}"))
    assert converted == original


def test_titles_keep_their_wording() -> None:
    agenda = parse_agenda_file(FIXTURES / "district-planning.txt")
    assert agenda.items[3].title == (
        "23/01234/FUL Land at Manor Farm, Ambridge - Erection of 24 dwellings"
    )
    assert agenda.items[3].report_author == "Head of Planning"
    assert agenda.items[3].contact_officer == "Jane Ellis"
    assert agenda.items[3].recommendations[0].text.startswith("That planning permission")


def test_shouted_titles_become_title_case() -> None:
    agenda = parse_agenda_file(FIXTURES / "county-cabinet.txt")
    assert agenda.items[2].title == "Revenue Budget Monitoring 2024/25 - Quarter 3"
    assert agenda.items[4].title == "Highways Capital Programme 2025/26 to 2027/28"


def test_modern_gov_page_references_are_dropped() -> None:
    agenda = parse_agenda_file(FIXTURES / "modern-gov.txt")
    assert agenda.items[2].title == "Minutes of the previous meeting"
    assert agenda.items[6].title == "Pharmacy Needs Assessment - Contract Award"

"""Where Part II begins: a heading is never part of a title, and a guess is always Part II.

Issue 13, point 3: an item title in capitals directly followed by a "PART II"
heading in capitals took the heading into its title, and every exempt item
after it became Part I, with no warning.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerkdesk.importing import ParsedAgenda, parse_agenda_text
from tests.conftest import examples

FRONT = """Westbrook Borough Council
Planning Committee
Date: 3 June 2025
Members: Councillor A Foster (Chair), B Hughes, C Idowu

1. APOLOGIES FOR ABSENCE
2. MINUTES OF THE LAST MEETING
3. HIGHWAYS UPDATE
"""
EXEMPT_ITEMS = """4. STAFFING RESTRUCTURE
5. LAND DISPOSAL AT MILL LANE
"""
PART_TWO_HEADINGS = [
    "PART II - EXEMPT ITEMS",
    "PART II",
    "Part II",
    "PART 2",
    "Part 2 - Exempt Items",
    "PART TWO",
    "PART II ('CLOSED') AGENDA",
    "PART B - PRIVATE BUSINESS",
    "EXEMPT ITEMS",
    "CONFIDENTIAL BUSINESS",
    "ITEMS LIKELY TO BE CONSIDERED IN THE ABSENCE OF THE PRESS AND PUBLIC",
    "Items to be considered in private",
    "EXCLUSION OF PRESS AND PUBLIC",
    "EXCLUSION OF THE PRESS AND PUBLIC",
    "PRESS AND PUBLIC EXCLUDED",
]


def _items(agenda: ParsedAgenda) -> dict[str, tuple[str, int, bool]]:
    return {i.number: (i.title, i.part, bool(i.confirm_part)) for i in agenda.items}


@pytest.mark.parametrize("heading", PART_TWO_HEADINGS)
@pytest.mark.parametrize("gap", ["", "\n"])
def test_a_heading_after_a_title_in_capitals_is_never_its_title(heading: str, gap: str) -> None:
    agenda = parse_agenda_text(f"{FRONT}{gap}{heading}\n{gap}{EXEMPT_ITEMS}")
    items = _items(agenda)
    assert items["3"] == ("Highways Update", 1, False)
    assert items["4"] == ("Staffing Restructure", 2, False)
    assert items["5"] == ("Land Disposal at Mill Lane", 2, False)
    assert not any("Part II" in w for w in agenda.warnings)


def test_a_numbered_part_two_heading_opens_part_two() -> None:
    agenda = parse_agenda_text(f"{FRONT}4. PART II - EXEMPT ITEMS\n5. STAFFING RESTRUCTURE\n")
    assert _items(agenda)["5"] == ("Staffing Restructure", 2, False)


def test_part_one_of_schedule_12a_does_not_reopen_part_one() -> None:
    agenda = parse_agenda_text(
        f"{FRONT}PART II\n4. STAFFING RESTRUCTURE\nPart 1 of Schedule 12A, paragraph 1.\n"
        "5. LAND DISPOSAL\n"
    )
    assert _items(agenda)["5"][1:] == (2, False)


SIGNS_WITHOUT_A_HEADING = {
    "exclusion resolution": (
        "The Chairman will move that the press and public be excluded for the following "
        "items under Section 100A(4) of the Local Government Act 1972.\n",
        ["4", "5"],
    ),
    "Schedule 12A mentioned": (
        "The following items involve exempt information as defined in Schedule 12A.\n",
        ["4", "5"],
    ),
    "items after an exclusion item": ("3a. EXCLUSION OF THE PRESS AND PUBLIC\n", ["4", "5"]),
}


@pytest.mark.parametrize("case", sorted(SIGNS_WITHOUT_A_HEADING))
def test_a_sign_without_a_heading_makes_the_items_after_it_part_two_to_confirm(
    case: str,
) -> None:
    sign, unsure = SIGNS_WITHOUT_A_HEADING[case]
    agenda = parse_agenda_text(f"{FRONT}{sign}{EXEMPT_ITEMS}")
    items = _items(agenda)
    for number in unsure:
        assert items[number][1:] == (2, True), number
    (warning,) = [w for w in agenda.warnings if "Part II" in w]
    assert warning.startswith(f"Items {', '.join(n for n in items if items[n][2])} are taken")
    assert "Confirm" in warning
    assert items["1"][1:] == (1, False)


def test_a_paragraph_on_an_item_outside_part_two_is_part_two_to_confirm() -> None:
    agenda = parse_agenda_text(
        f"{FRONT}4. STAFFING RESTRUCTURE (EXEMPT - PARAGRAPH 1)\n5. ANY OTHER BUSINESS\n"
    )
    items = _items(agenda)
    assert items["3"] == ("Highways Update", 1, False)
    assert items["4"] == ("Staffing Restructure", 2, True)
    assert agenda.items[3].exempt_paragraph == 1
    assert items["5"][1:] == (2, True)  # after an exempt item, with no heading: unsure
    assert "Items 4, 5 are taken as Part II" in " ".join(agenda.warnings)


def test_a_paragraph_confirms_an_item_after_the_exclusion_item() -> None:
    agenda = parse_agenda_text(
        f"{FRONT}4. EXCLUSION OF THE PRESS AND PUBLIC\n"
        "5. CONTRACT AWARD\nExempt information: paragraph 3 of Schedule 12A.\n"
    )
    assert _items(agenda)["4"][1:] == (1, False)
    assert _items(agenda)["5"][1:] == (2, False)
    assert agenda.items[4].exempt_paragraph == 3


def test_the_part_to_confirm_is_in_the_json_and_the_description() -> None:
    agenda = parse_agenda_text(f"{FRONT}3a. EXCLUSION OF THE PRESS AND PUBLIC\n{EXEMPT_ITEMS}")
    assert agenda.to_json()["items"][-1]["confirm_part"]
    assert "[Part II, to confirm]" in agenda.describe()


# -- the property: every exempt item, however the agenda marks Part II ----------------------

_TITLE_WORDS = ["HIGHWAYS", "BUDGET", "PARKS", "WASTE", "HOUSING", "LIBRARY", "LEISURE"]
_PUBLIC_TITLES = st.lists(st.sampled_from(_TITLE_WORDS), min_size=1, max_size=4).map(" ".join)
_SIGNS = st.sampled_from(
    [f"heading:{h}" for h in PART_TWO_HEADINGS]
    + [f"heading:{h.lower()}" for h in PART_TWO_HEADINGS[:6]]
    + [
        "exclusion item",
        "resolution",
        "schedule",
        "paragraph in title",
        "exempt in title",
        "not for publication",
    ]
)


@st.composite
def agendas_with_part_two(draw: st.DrawFn) -> tuple[str, list[str], dict[str, str]]:
    """Agenda text, the numbers of its exempt items, and each exempt item's marker text."""
    caps = draw(st.booleans())
    public = draw(st.lists(_PUBLIC_TITLES, min_size=1, max_size=4))
    exempt = draw(st.integers(min_value=1, max_value=3))
    sign = draw(_SIGNS)
    gap = draw(st.sampled_from(["", "\n"]))
    lines = [FRONT.split("1. ")[0].rstrip("\n"), ""]
    number = 0
    for title in public:
        number += 1
        lines.append(f"{number}. {title if caps else title.title()}")
    if sign.startswith("heading:"):
        lines += [gap + sign.removeprefix("heading:") + gap]
    elif sign == "exclusion item":
        number += 1
        lines.append(f"{number}. EXCLUSION OF THE PRESS AND PUBLIC")
    elif sign == "resolution":
        lines.append(
            "That the press and public be excluded from the meeting for the following items."
        )
    elif sign == "schedule":
        lines.append("These items contain exempt information under Schedule 12A.")
    numbers, markers = [], {}
    for index in range(exempt):
        number += 1
        marker = f"EXEMPTMARKER{number}Q"
        title = f"CONTRACT {index + 1}"
        if sign == "paragraph in title":
            title += f" (EXEMPT - PARAGRAPH {draw(st.integers(1, 7))})"
        elif sign == "exempt in title":
            title += " (CONFIDENTIAL)"
        lines.append(f"{number}. {title if caps else title.title()}")
        if sign == "not for publication":
            lines.append("Not for publication by virtue of Schedule 12A.")
        lines.append(f"Report title: Disposal of {marker}")
        lines.append(f"Recommendation: That the sale to {marker} be approved.")
        numbers.append(str(number))
        markers[str(number)] = marker
    return "\n".join(lines) + "\n", numbers, markers


@settings(max_examples=examples(300))
@given(agendas_with_part_two())
def test_every_exempt_item_comes_out_part_two(case: tuple[str, list[str], dict[str, str]]) -> None:
    text, exempt, _markers = case
    agenda = parse_agenda_text(text)
    parts = {i.number: i for i in agenda.items}
    for number in exempt:
        item = parts[number]
        assert item.part == 2, (number, text)
        assert "PART" not in item.title.upper().replace("APART", ""), item.title
        if item.confirm_part:
            assert number in " ".join(agenda.warnings)


@pytest.mark.parametrize(
    ("cited", "paragraph"),
    [("paragraph 3", 3), ("paragraph 7A", "7A"), ("para. 14", 14), ("paragraph 18c", "18C")],
)
def test_every_paragraph_of_schedule_12a_is_read_from_the_agenda(
    cited: str, paragraph: int | str
) -> None:
    """England's 1-7 and 7A-7C (standards committees), Wales's 12-18 and 18A-18C."""
    text = (
        f"{FRONT}PART II - EXEMPT ITEMS\n"
        f"4. STAFFING RESTRUCTURE\nExempt information under {cited} of Schedule 12A\n"
    )
    [item] = [i for i in parse_agenda_text(text).items if i.number == "4"]
    assert (item.part, item.exempt_paragraph) == (2, paragraph)


def test_a_paragraph_the_schedule_does_not_have_is_not_read() -> None:
    text = f"{FRONT}PART II\n4. STAFFING RESTRUCTURE\nExempt under paragraph 3A of Schedule 12A\n"
    [item] = [i for i in parse_agenda_text(text).items if i.number == "4"]
    assert item.part == 2 and item.exempt_paragraph is None

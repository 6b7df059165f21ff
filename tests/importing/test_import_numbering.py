"""Item numbers other than 1, 2, 3: sub-items, sections, minute references, roman numerals."""

from __future__ import annotations

import pytest

from clerkdesk.importing import ParsedAgenda, parse_agenda_text

HEAD = "PLANNING COMMITTEE\nDate: 3 June 2024\n\n"


def _items(body: str) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in _agenda(body).items]


def _agenda(body: str) -> ParsedAgenda:
    return parse_agenda_text(HEAD + body)


@pytest.mark.parametrize(
    ("first", "second", "numbers"),
    [
        ("5a", "5b", ("5a", "5b")),
        ("5a.", "5b.", ("5a", "5b")),
        ("5a)", "5b)", ("5a", "5b")),
        ("5(a)", "5(b)", ("5(a)", "5(b)")),
        ("5.1", "5.2", ("5.1", "5.2")),
        ("5.1.", "5.2.", ("5.1", "5.2")),
        ("5(i)", "5(ii)", ("5(i)", "5(ii)")),
    ],
)
def test_sub_items_keep_the_papers_number(
    first: str, second: str, numbers: tuple[str, str]
) -> None:
    items = _items(
        "4. Minutes\n5. Planning applications\n"
        f"{first} Land at Mill Farm\n{second} 24/00977/HOU 12 Orchard Close\n6. Appeals\n"
    )
    assert items == [
        ("4", "Minutes"),
        ("5", "Planning applications"),
        (numbers[0], "Land at Mill Farm"),
        (numbers[1], "24/00977/HOU 12 Orchard Close"),
        ("6", "Appeals"),
    ]


def test_item_prefix_and_sub_item() -> None:
    assert [n for n, _ in _items("Item 1 Apologies\nItem 2 Plans\nItem 2a Mill Farm\n")] == [
        "1",
        "2",
        "2a",
    ]


def test_sub_items_must_start_at_the_first_letter_or_number() -> None:
    items = _items("1. Apologies\n2. Plans\n2c Mill Farm\n3. Appeals\n")
    assert [n for n, _ in items] == ["1", "2", "3"]


def test_numbered_recommendations_are_not_sub_items() -> None:
    agenda = _agenda(
        "1. Apologies\n2. Budget\nRecommendations:\n"
        "2.1 That the budget be approved.\n2.2 That the precept be set.\n3. Close\n"
    )
    assert [i.number for i in agenda.items] == ["1", "2", "3"]
    assert [r.label for r in agenda.items[1].recommendations] == ["2.1", "2.2"]


def test_long_numbered_paragraphs_are_not_sub_items() -> None:
    paragraph = "The report explains the background to the proposal " * 4
    items = _items(f"1. Apologies\n2. Budget\n2.1 {paragraph}\n3. Close\n")
    assert [n for n, _ in items] == ["1", "2", "3"]


def test_lettered_sections() -> None:
    agenda = _agenda("PART A\nA1 Apologies\nA2. Minutes\nPART B\nB1 Contract award\nB2 Staffing\n")
    numbers = [(i.number, i.part) for i in agenda.items]
    assert numbers == [("A1", 1), ("A2", 1), ("B1", 2), ("B2", 2)]


def test_minute_references() -> None:
    items = _items(
        "24/123 Apologies for absence\n24/124 Declarations of interest\n"
        "24/125. Minutes of the meeting held on 3 May 2024\n"
    )
    assert items == [
        ("24/123", "Apologies for absence"),
        ("24/124", "Declarations of interest"),
        ("24/125", "Minutes of the meeting held on 3 May 2024"),
    ]


def test_number_then_year_minute_references() -> None:
    assert [n for n, _ in _items("123/24 Apologies\n124/24 Minutes\n")] == ["123/24", "124/24"]


def test_a_financial_year_is_not_a_minute_reference() -> None:
    items = _items("2024/25 Budget Setting Meeting\n\n1. Apologies\n2. Budget\n")
    assert [n for n, _ in items] == ["1", "2"]


def test_planning_reference_in_a_title_is_not_a_number() -> None:
    items = _items("1. Apologies\n2. 23/01234/FUL Land at Manor Farm\n")
    assert items[1] == ("2", "23/01234/FUL Land at Manor Farm")


@pytest.mark.parametrize("case", ["lower", "upper"])
def test_roman_numerals(case: str) -> None:
    numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    numerals = [n.upper() for n in numerals] if case == "upper" else numerals
    body = "".join(f"{n}. Item number {n}\n" for n in numerals)
    assert [n for n, _ in _items(body)] == numerals


def test_a_lone_roman_numeral_is_not_an_agenda() -> None:
    assert _items("i. To receive apologies\nSome notes follow.\n") == []


def test_roman_notes_above_numbered_items_are_not_the_agenda() -> None:
    items = _items(
        "Members are reminded:\ni. If they have a DPI they must leave\n"
        "ii. Other interests must be declared\n\n1. Apologies\n2. Minutes\n3. Finance\n"
    )
    assert [n for n, _ in items] == ["1", "2", "3"]


def test_numbered_lists_inside_roman_items_stay_in_the_item() -> None:
    items = _items(
        "i. Apologies\nii. Minutes\niii. Finance\n1. To approve payments\n"
        "2. To note the bank reconciliation\niv. Planning\nv. Close\n"
    )
    assert [n for n, _ in items] == ["i", "ii", "iii", "iv", "v"]


def test_letters_and_numbers_do_not_mix_in_one_run() -> None:
    items = _items("1. Apologies\n2. Minutes\nA1 Road Improvements\n3. Close\n")
    assert [n for n, _ in items] == ["1", "2", "3"]

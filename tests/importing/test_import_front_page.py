"""An agenda's front page: members (not substitutes), dates, times and the quorum."""

from __future__ import annotations

import datetime

import pytest

from clerkdesk.importing import ParsedAgenda, parse_agenda_text

ITEMS = "\n\nAGENDA\n1. Apologies\n2. Minutes\n"


def _agenda(front: str) -> ParsedAgenda:
    return parse_agenda_text(front + ITEMS)


def _members(front: str) -> list[tuple[str, str]]:
    return [(m.name, m.role) for m in _agenda(front).members]


def test_parish_summons_to_councillors() -> None:
    members = _members(
        "LITTLE SNORING PARISH COUNCIL\nDate: 3 March 2025\n"
        "To: Councillors A Smith (Chairman), B Jones (Vice-Chairman), C Brown, D White and E Green"
    )
    assert members == [
        ("A Smith", "chair"),
        ("B Jones", "vice-chair"),
        ("C Brown", "member"),
        ("D White", "member"),
        ("E Green", "member"),
    ]


def test_summons_with_one_councillor_per_line() -> None:
    members = _members(
        "PARISH COUNCIL\nDate: 3 March 2025\nTo: Members of the Parish Council: Councillors\n"
        "A Smith (Chairman)\nB Jones\nC Brown"
    )
    assert members == [("A Smith", "chair"), ("B Jones", "member"), ("C Brown", "member")]


def test_distribution_list_is_not_the_membership() -> None:
    agenda = _agenda(
        "PLANNING COMMITTEE\nDate: 3 March 2025\n"
        "To: All Members of the Planning Committee, Chief Executive, Chief Officers"
    )
    assert agenda.members == ()


def test_membership_one_per_line_then_substitutes() -> None:
    members = _members(
        "PLANNING COMMITTEE\nDate: 3 March 2025\nMembership:\n\nCllr A Smith (Chair)\n\n"
        "Cllr B Jones (Vice-Chair)\n\nCllr C Brown\nCllr D White\n\n"
        "Substitutes:\nCllr E Green\nCllr F Black"
    )
    assert members == [
        ("A Smith", "chair"),
        ("B Jones", "vice-chair"),
        ("C Brown", "member"),
        ("D White", "member"),
    ]


@pytest.mark.parametrize(
    "heading", ["Substitutes", "SUBSTITUTES", "Substitute Members", "Named substitutes:"]
)
def test_substitute_headings_end_the_membership(heading: str) -> None:
    members = _members(
        f"PLANNING COMMITTEE\nDate: 3 March 2025\nMembership:\nA Smith (Chair)\nB Jones\n"
        f"{heading}\nE Green\nF Black"
    )
    assert members == [("A Smith", "chair"), ("B Jones", "member")]


def test_substitutes_on_the_membership_line() -> None:
    members = _members(
        "PLANNING COMMITTEE\nDate: 3 March 2025\n"
        "Members: Cllrs A Smith (Chair), B Jones, C Brown. Substitutes: Cllrs E Green, F Black"
    )
    assert members == [("A Smith", "chair"), ("B Jones", "member"), ("C Brown", "member")]


def test_a_substitute_in_an_attendance_list_is_not_a_member() -> None:
    members = _members(
        "PANEL\nDate: 3 March 2025\nMembers: A Smith (Chairman); R H Smith "
        "(substituting for E H Buckmaster); B Jones"
    )
    assert members == [("A Smith", "chair"), ("B Jones", "member")]


def test_a_lone_word_after_the_names_ends_the_list() -> None:
    members = _members(
        "PLANNING COMMITTEE\nDate: 3 March 2025\nMembership:\nA Smith (Chair)\nB Jones\n\nNOTES\n"
        "Public Participation"
    )
    assert members == [("A Smith", "chair"), ("B Jones", "member")]


@pytest.mark.parametrize(
    ("front", "date", "time"),
    [
        ("Date: 12/03/2025\nTime: 19:00", (2025, 3, 12), (19, 0)),
        ("Date: 12.03.25\nTime: 7pm", (2025, 3, 12), (19, 0)),
        ("Date: 12/03/25 at 7.00 p.m.", (2025, 3, 12), (19, 0)),
        ("Date: 2025-03-12\nTime: 7.00 p.m.", (2025, 3, 12), (19, 0)),
        ("Wednesday 2025-03-12 19:00", (2025, 3, 12), (19, 0)),
        ("Meeting on 12.03.2025 at 6.30pm", (2025, 3, 12), (18, 30)),
        ("Date: 1/4/25\nStart time: 10:30", (2025, 4, 1), (10, 30)),
    ],
)
def test_numeric_dates_and_times(
    front: str, date: tuple[int, int, int], time: tuple[int, int]
) -> None:
    agenda = _agenda(f"PLANNING COMMITTEE\n{front}")
    assert agenda.date == datetime.date(*date)
    assert agenda.time == datetime.time(*time)


@pytest.mark.parametrize("text", ["Section 4.1.12 applies", "Version 1/2/3/4", "Ref 31.13.25"])
def test_numbers_that_are_not_dates(text: str) -> None:
    assert _agenda(f"PLANNING COMMITTEE\n{text}").date is None


@pytest.mark.parametrize(
    "line",
    [
        "Quorum: one third of the membership",
        "Quorum: one-quarter of the members",
        "Quorum: a third of the Council",
        "Quorum: 1/3 of the membership",
        "The quorum of the Committee is one quarter of its membership, with a minimum of three.",
    ],
)
def test_a_quorum_given_as_a_share_is_left_to_the_clerk(line: str) -> None:
    agenda = _agenda(f"PLANNING COMMITTEE\nDate: 3 March 2025\n{line}")
    assert agenda.quorum is None
    quorum_warnings = [w for w in agenda.warnings if "quorum" in w.lower()]
    assert len(quorum_warnings) == 1
    assert "enter the quorum by hand" in quorum_warnings[0]


@pytest.mark.parametrize(
    ("line", "quorum"),
    [
        ("Quorum: 3", 3),
        ("Quorum: three members", 3),
        ("MEMBERS OF THE PANEL (12) (Quorum 3)", 3),
        ("Quorum: 4 (one quarter of the membership)", 4),
        ("The quorum is five.", 5),
    ],
)
def test_a_quorum_given_as_a_number(line: str, quorum: int) -> None:
    agenda = _agenda(f"PLANNING COMMITTEE\nDate: 3 March 2025\n{line}")
    assert agenda.quorum == quorum
    assert not [w for w in agenda.warnings if "quorum" in w.lower()]

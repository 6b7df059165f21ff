"""Wordings first met in the fourth held-out batch, each as a rule with its own cases.

Time and quorum in words, a formal summons's date, facts in a table read
across, a venue after the time with commas, portfolio holders after a dash,
members' surnames that are also ordinary words, a heading over co-opted
members, and a sub-item that stands for its whole item ("4", then "5a").
"""

from __future__ import annotations

import datetime

import pytest

from clerkdesk.importing import parse_agenda_text, parse_report_text
from clerkdesk.importing.dates import find_date, find_time
from clerkdesk.importing.quorum import find_quorum

AGENDA = "\nAGENDA\n1. Apologies\n2. Minutes\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at seven o'clock in the evening", datetime.time(19, 0)),
        ("at half past seven in the evening", datetime.time(19, 30)),
        ("at a quarter to eight in the evening", datetime.time(19, 45)),
        ("at quarter past ten in the morning", datetime.time(10, 15)),
        ("at two o'clock in the afternoon", datetime.time(14, 0)),
        ("at eleven o’clock", datetime.time(11, 0)),
    ],
)
def test_a_time_in_words(text: str, expected: datetime.time) -> None:
    assert find_time(f"on Tuesday 14 April 2026 {text} for the purpose of") == expected


@pytest.mark.parametrize("text", ["at one of the meetings", "at seven", "seven members attend"])
def test_numbers_in_words_without_a_time_word_are_no_time(text: str) -> None:
    assert find_time(text) is None


def test_a_formal_summons_date() -> None:
    found = find_date("on Tuesday the 14th day of April 2026 at seven o'clock")
    assert found is not None and found[0] == datetime.date(2026, 4, 14)


@pytest.mark.parametrize(
    ("line", "quorum"),
    [
        ("Three members form a quorum.", 3),
        ("4 councillors shall constitute a quorum", 4),
        ("Five voting members are the quorum.", 5),
    ],
)
def test_a_quorum_stated_before_the_word(line: str, quorum: int) -> None:
    assert find_quorum([line]) == (quorum, None)


def test_facts_in_a_table_read_across() -> None:
    agenda = parse_agenda_text(
        "Lune Valley Combined Authority\nOverview and Scrutiny Committee\n"
        "Date\tTime\tVenue\n\nWednesday 25 March 2026\t1.00 pm\tMeeting Room 3, Lune House\n"
        + AGENDA
    )
    assert agenda.date == datetime.date(2026, 3, 25)
    assert agenda.time == datetime.time(13, 0)
    assert agenda.venue == "Meeting Room 3, Lune House"


def test_a_venue_after_the_time_and_a_comma() -> None:
    agenda = parse_agenda_text(
        "Westmere County Council\nAudit Committee\n"
        "Thursday 26 February 2026, 10.30 a.m., Kendrew Room, County Hall, Westmere\n" + AGENDA
    )
    assert agenda.time == datetime.time(10, 30)
    assert agenda.venue == "Kendrew Room, County Hall, Westmere"


def test_portfolio_holders_after_a_dash_are_one_member_each() -> None:
    agenda = parse_agenda_text(
        "Harlby District Council\nCabinet\nDate: 18 March 2026\n\nCabinet Members\n"
        "Cllr Fiona Gray – Leader of the Council and Portfolio Holder for Finance\n"
        "Cllr Joy Kemble – Portfolio Holder for Environment and Climate\n"
        "Cllr Liam Mortimer – Portfolio Holder for Planning, Growth and Skills\n" + AGENDA
    )
    assert [(m.name, m.role, m.role_inferred) for m in agenda.members] == [
        ("Fiona Gray", "chair", True),
        ("Joy Kemble", "member", False),
        ("Liam Mortimer", "member", False),
    ]


def test_a_dash_does_not_join_a_list_of_titled_names() -> None:
    agenda = parse_agenda_text(
        "Harlby District Council\nCabinet\nDate: 18 March 2026\n\n"
        "Members: Cllr A Smith – Chair, Cllr B Jones, Cllr C Brown\n" + AGENDA
    )
    assert [(m.name, m.role) for m in agenda.members] == [
        ("A Smith", "chair"),
        ("B Jones", "member"),
        ("C Brown", "member"),
    ]


def test_a_titled_surname_that_is_also_a_word() -> None:
    agenda = parse_agenda_text(
        "Lune Valley Combined Authority\nBoard\nDate: 25 March 2026\n\nMembers:\n"
        "Councillor Tessa Ward – Pendle Borough Council\nCouncillor Jane Mayor\n"
        "Northgate Ward\n" + AGENDA
    )
    assert [m.name for m in agenda.members] == ["Tessa Ward", "Jane Mayor"]


def test_a_heading_over_co_opted_members() -> None:
    agenda = parse_agenda_text(
        "Marches Fire and Rescue Authority\nAudit Committee\nDate: 22 January 2026\n\n"
        "Membership:\nCouncillor R Ellis (Chairman)\nCouncillor V Wood\n\n"
        "Independent Persons (co-opted, non-voting):\nMr D Hughes\nMrs E Frost\n" + AGENDA
    )
    assert [(m.name, m.co_opted, m.voting) for m in agenda.members] == [
        ("R Ellis", False, True),
        ("V Wood", False, True),
        ("D Hughes", True, False),
        ("E Frost", True, False),
    ]


def test_members_under_to_the_members_of_the_council() -> None:
    agenda = parse_agenda_text(
        "PENMORTON TOWN COUNCIL\n\nTo the Members of the Town Council:\n"
        "Cllr Mrs J Smith MBE JP (Town Mayor); Cllr Dr A. Patel (Deputy Town Mayor);\n"
        "Cllr R Owens; Cllr Revd P Holt\n\nYou are hereby summoned to attend a meeting of "
        "Penmorton Town Council to be held in the Council Chamber, The Guildhall, Penmorton on "
        "Tuesday the 14th day of April 2026 at seven o'clock in the evening.\n" + AGENDA
    )
    assert [(m.name, m.role) for m in agenda.members] == [
        ("J Smith", "chair"),
        ("A. Patel", "vice-chair"),
        ("R Owens", "member"),
        ("P Holt", "member"),
    ]
    assert agenda.venue == "Council Chamber, The Guildhall, Penmorton"
    assert (agenda.date, agenda.time) == (datetime.date(2026, 4, 14), datetime.time(19, 0))


def test_sub_items_that_stand_for_their_item() -> None:
    agenda = parse_agenda_text(
        "Harlby District Council\nCabinet\nDate: 18 March 2026\n\nAGENDA\n"
        "Item 3 Minutes\nItem 4 Revenue Budget\nItem 5a Housing Strategy\n"
        "Item 5b Homelessness Grant\nItem 6 Any other business\n"
    )
    assert [(i.number, i.title) for i in agenda.items] == [
        ("3", "Minutes"),
        ("4", "Revenue Budget"),
        ("5a", "Housing Strategy"),
        ("5b", "Homelessness Grant"),
        ("6", "Any other business"),
    ]


@pytest.mark.parametrize(
    "heading",
    ["Recommended decision", "Decision(s) required", "Proposed decisions", "Decision sought"],
)
def test_a_report_whose_recommendations_are_headed_as_a_decision(heading: str) -> None:
    report = parse_report_text(
        "Fees and Charges 2027/28\n\nReport of the Chief Finance Officer\n\n"
        f"{heading}\nThat the fees and charges at Appendix 1 be approved.\n\n"
        "Reasons for the decision\nThe charges must be set before the budget.\n"
    )
    assert [r.text for r in report.recommendations] == [
        "That the fees and charges at Appendix 1 be approved."
    ]


@pytest.mark.parametrize(
    ("organisation", "sentence", "committee"),
    [
        ("Fenland Police and Crime Panel", "A meeting of the Panel will be held", None),
        ("Fenland District Council", "A meeting of the Committee will be held", "Committee"),
    ],
)
def test_a_meeting_of_the_body_that_is_the_organisation(
    organisation: str, sentence: str, committee: str | None
) -> None:
    agenda = parse_agenda_text(
        f"{organisation}\n\n{sentence} on Thursday 2 July 2026 at 10.00 am.\n" + AGENDA
    )
    assert agenda.committee == (committee or organisation)

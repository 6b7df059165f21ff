"""Header facts, items, Part II and recommendations in the wordings councils use."""

from __future__ import annotations

import datetime

import pytest

from clerkdesk.importing import parse_agenda_text, parse_report_text
from clerkdesk.importing.quorum import work_out_quorum
from clerkdesk.importing.welsh import bilingual, english_line

MEMBERS = "Members:\n" + "\n".join(f"Cllr {c} Smith" for c in "ABCDEFGHIJ") + "\n"


@pytest.mark.parametrize(
    ("rule", "members", "quorum"),
    [
        ("one third of the members, or three, whichever is greater", 10, 4),
        ("one third of the members, or three, whichever is greater", 6, 3),
        ("one quarter of the membership, with a minimum of three", 16, 4),
        ("one quarter of the membership, with a minimum of three", 8, 3),
        ("a third of the Council and never fewer than three", 13, 5),
        ("half of the voting members", 9, 5),
        ("more than half of the members", 10, 6),
        ("1/3 of the membership", 7, 3),
        ("25% of the members", 12, 3),
    ],
)
def test_a_quorum_rule_is_worked_out(rule: str, members: int, quorum: int) -> None:
    assert work_out_quorum(rule, members) == quorum


def test_a_quorum_rule_with_no_members_is_left_to_the_clerk() -> None:
    assert work_out_quorum("one third of the members", 0) is None
    assert work_out_quorum("as set out in standing orders", 10) is None


def test_a_worked_out_quorum_is_marked_for_the_clerk() -> None:
    agenda = parse_agenda_text(
        "FIRE AUTHORITY\nDate: 3 March 2025\n"
        + MEMBERS
        + "Mr K Jones (Co-opted member, non-voting)\n\n"
        + "Quorum: one third of the members, or three, whichever is greater\n\nAGENDA\n"
        + "1. Apologies\n"
    )
    assert agenda.quorum == 4  # ten voting members: the non-voting one does not count
    assert agenda.quorum_inferred is not None and "confirm" in agenda.quorum_inferred
    assert agenda.to_json()["quorum_inferred"] == agenda.quorum_inferred
    assert "(worked out, to confirm)" in agenda.describe()


@pytest.mark.parametrize(
    ("sentence", "date", "time", "venue"),
    [
        (
            "You are hereby summoned to attend a meeting of Little Hinton Parish Council to be "
            "held at the Village Hall, Main Road, Little Hinton on Monday 3rd March 2025 at "
            "7.30pm for the purpose of transacting the following business.",
            (2025, 3, 3),
            (19, 30),
            "Village Hall, Main Road, Little Hinton",
        ),
        (
            "Members are summoned to attend the Annual Meeting of Little Hinton Parish Council "
            "on Wednesday 14 May 2025 at 7.00 p.m. in the Pavilion, Recreation Ground, Little "
            "Hinton.",
            (2025, 5, 14),
            (19, 0),
            "Pavilion, Recreation Ground, Little Hinton",
        ),
    ],
)
def test_date_time_and_venue_inside_the_summons(
    sentence: str, date: tuple[int, int, int], time: tuple[int, int], venue: str
) -> None:
    agenda = parse_agenda_text(
        f"LITTLE HINTON PARISH COUNCIL\n\n{sentence}\n\nAGENDA\n1. Apologies\n2. Minutes\n"
    )
    assert agenda.date == datetime.date(*date)
    assert agenda.time == datetime.time(*time)
    assert agenda.venue == venue
    assert agenda.committee == "Little Hinton Parish Council"


@pytest.mark.parametrize(
    "body", ["the Council", "the Parish Council", "the Town Council", "Council", "the Authority"]
)
def test_a_meeting_of_the_full_council_is_of_the_body_itself(body: str) -> None:
    agenda = parse_agenda_text(
        f"RAVENSMOOR TOWN COUNCIL\n\nYou are summoned to attend a meeting of {body} which will be "
        "held in the Council Chamber on Wednesday 26 February 2025 at 7.00 pm.\n\n"
        "AGENDA\n1. Apologies\n2. Minutes\n"
    )
    assert agenda.committee == "Ravensmoor Town Council"


def test_facts_in_a_table() -> None:
    agenda = parse_agenda_text(
        "NORTHBY COUNCIL\nPLANNING COMMITTEE\nDate:\tTuesday 4 March 2025\nTime:\t6.30 pm\n"
        "Venue:\tCouncil Chamber, Civic Centre\n\nAGENDA\n1. Apologies\n2. Minutes\n"
    )
    assert (agenda.date, agenda.time) == (datetime.date(2025, 3, 4), datetime.time(18, 30))
    assert agenda.venue == "Council Chamber, Civic Centre"


@pytest.mark.parametrize("number", ["{n}.", "({n})", "{n})", "Item {n}"])
def test_items_however_they_are_numbered(number: str) -> None:
    titles = ["Apologies for absence", "Minutes", "Planning applications", "Finance"]
    text = "\n".join(f"{number.format(n=n)} {t}" for n, t in enumerate(titles, start=1))
    agenda = parse_agenda_text(f"NORTHBY COUNCIL\nPLANNING COMMITTEE\n\nAGENDA\n{text}\n")
    assert [(i.number, i.title) for i in agenda.items] == [
        (str(n), t) for n, t in enumerate(titles, start=1)
    ]


def test_sub_points_stay_with_their_item() -> None:
    agenda = parse_agenda_text(
        "NORTHBY PARISH COUNCIL\n\nAGENDA\n1. Apologies\n2. Finance\n"
        "a) To approve the schedule of payments.\nb) To note the bank reconciliation.\n"
        "3. Correspondence\n"
    )
    assert [(i.number, i.title) for i in agenda.items] == [
        ("1", "Apologies"),
        ("2", "Finance"),
        ("3", "Correspondence"),
    ]


FRONT = "NORTHBY COUNCIL\nCABINET\nDate: 3 March 2025\n\nAGENDA\n1. Apologies\n2. Minutes\n"


@pytest.mark.parametrize(
    ("grounds", "paragraph"),
    [
        ("as defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972", 3),
        ("under paragraphs 1 and 2 of Schedule 12A", 1),
        (
            "by reason of the confidential nature of the business, under section 1(2) of the "
            "Public Bodies (Admission to Meetings) Act 1960",
            None,
        ),
    ],
)
def test_an_exclusion_that_gives_its_grounds_opens_part_two(
    grounds: str, paragraph: int | None
) -> None:
    agenda = parse_agenda_text(
        f"{FRONT}3. Exclusion of the press and public\nTo resolve that the press and public be "
        f"excluded for the following item {grounds}.\n4. Staffing matters\n"
    )
    exclusion, staffing = agenda.items[2], agenda.items[3]
    assert (exclusion.part, exclusion.confirm_part) == (1, None)  # moved in public
    assert (staffing.part, staffing.exempt_paragraph, staffing.confirm_part) == (2, paragraph, None)


@pytest.mark.parametrize(
    "title",
    [
        "Acquisition of Land at Mill Lane (Paragraph 3)",
        "Acquisition of Land at Mill Lane (para 3)",
        "Acquisition of Land at Mill Lane (Exempt - paragraph 3)",
    ],
)
def test_a_paragraph_after_the_title(title: str) -> None:
    agenda = parse_agenda_text(f"{FRONT}PART II\n3. {title}\n")
    item = agenda.items[2]
    assert (item.title, item.part, item.exempt_paragraph) == (
        "Acquisition of Land at Mill Lane",
        2,
        3,
    )


def test_a_paragraph_on_a_line_under_the_report_line_outside_part_two_is_to_confirm() -> None:
    agenda = parse_agenda_text(
        f"{FRONT}3. Leisure Contract\nReport of the Director of Communities\n"
        "This report is not for publication: it contains exempt information under paragraph 3 "
        "of Schedule 12A.\n"
    )
    item = agenda.items[2]
    assert (item.part, item.exempt_paragraph) == (2, 3)
    assert item.confirm_part  # never assumed public, never assumed certain


@pytest.mark.parametrize(
    "lead_in",
    [
        "The Committee is recommended to:",
        "Cabinet is asked to:",
        "The Panel is invited to:",
        "The Board is requested to:",
        "Members are asked to:",
        "RECOMMENDED that the Committee:",
    ],
)
@pytest.mark.parametrize("style", ["• ", "", "(a) "])
def test_recommendations_under_a_lead_in(lead_in: str, style: str) -> None:
    points = ["approve the revised policy", "note the consultation responses"]
    labels = ["(a)", "(b)"] if style else [None, None]
    lines = [
        f"{'(' + 'ab'[n] + ') ' if style == '(a) ' else style}{p}" for n, p in enumerate(points)
    ]
    agenda = parse_agenda_text(f"{FRONT}3. Housing Policy\n{lead_in}\n" + "\n".join(lines) + "\n")
    recs = agenda.items[2].recommendations
    assert [(r.label, r.text) for r in recs] == list(
        zip(labels if style == "(a) " else [None, None], points, strict=True)
    )


REPORT = (
    "NORTHBY COUNCIL\n\nCabinet – 12 March 2025\n\nHousing Allocations Policy\n\n"
    "Report of the Director of Housing\n\n1. Purpose\nTo review the policy.\n\n"
    "{heading}\n{points}\n\n3. Background\n3.1 The policy dates from 2019.\n"
)


@pytest.mark.parametrize(
    "heading",
    [
        "Recommendations",
        "RECOMMENDATION",
        "Recommendation(s)",
        "Recommendation/s:",
        "**Recommendation/s:**",
        "RECOMMENDATION/S",
        "2. RECOMMENDATIONS",
        "RECOMMENDED that:",
    ],
)
@pytest.mark.parametrize("label", ["1)", "(1)", "(a)", "a)", "i.", "(i)"])
def test_report_recommendations_under_any_heading(heading: str, label: str) -> None:
    labels = [label, label.replace("1", "2").replace("a", "b").replace("i", "ii", 1)]
    points = ["That the revised policy be approved.", "That the policy be reviewed in 2027."]
    text = REPORT.format(
        heading=heading,
        points="\n".join(f"{mark} {p}" for mark, p in zip(labels, points, strict=True)),
    )
    report = parse_report_text(text)
    assert report.title == "Housing Allocations Policy"
    assert [(r.label, r.text) for r in report.recommendations] == list(
        zip(labels, points, strict=True)
    )


def test_a_report_that_starts_with_who_it_is_from_is_titled_by_its_subject() -> None:
    report = parse_report_text(
        "NORTHBY COUNCIL\n\nReport of the Monitoring Officer\n\nCouncil – 12 March 2025\n\n"
        "Annual Review of the Constitution\n\n1. Purpose\nTo review it.\n\n"
        "Recommendation/s:\n1) That the changes be approved.\n"
    )
    assert report.title == "Annual Review of the Constitution"
    assert report.author == "Monitoring Officer"


@pytest.mark.parametrize(
    ("line", "english"),
    [
        ("Cyngor Sir Glannau / Glannau County Council", "Glannau County Council"),
        ("Amser / Time: 10:00", "Time: 10:00"),
        (
            "Dyddiad / Date: Dydd Mawrth, 18 Mawrth 2025 / Tuesday 18 March 2025",
            "Date: Tuesday 18 March 2025",
        ),
        ("Cabinet / Cabinet", "Cabinet"),
        ("Planning / Development Control", "Planning / Development Control"),
        ("Cllr A Smith (Cadeirydd / Chair)", "Cllr A Smith (Cadeirydd / Chair)"),
    ],
)
def test_a_welsh_front_page_is_read_in_english(line: str, english: str) -> None:
    assert english_line(line) == english


def test_bilingual_titles_give_english_items_with_their_welsh_titles() -> None:
    agenda = parse_agenda_text(
        "CYNGOR SIR GLANNAU / GLANNAU COUNTY COUNCIL\n\nAGENDA\n"
        "1. Ymddiheuriadau am absenoldeb / Apologies for absence\n"
        "2. Declarations of interest\nDatganiadau o fuddiant\n"
        "3. Cofnodion y cyfarfod blaenorol\nMinutes of the previous meeting\n"
    )
    assert [(i.title, i.welsh_title) for i in agenda.items] == [
        ("Apologies for absence", "Ymddiheuriadau am absenoldeb"),
        ("Declarations of interest", "Datganiadau o fuddiant"),
        ("Minutes of the previous meeting", "Cofnodion y cyfarfod blaenorol"),
    ]
    assert bilingual("Budget 2025/26 / Council Tax") == ("Budget 2025/26 / Council Tax", None)
    assert "Welsh: Datganiadau o fuddiant" in agenda.describe()
    assert agenda.to_json()["items"][0]["welsh_title"] == "Ymddiheuriadau am absenoldeb"


@pytest.mark.parametrize(
    "heading",
    [
        "Recommendations to Cabinet:",
        "RECOMMENDATIONS FOR DECISION",
        "Officer Recommendation:",
        "Officers' recommendations",
    ],
)
def test_recommendation_headings_naming_who_decides(heading: str) -> None:
    agenda = parse_agenda_text(
        f"{FRONT}3. Housing Policy\n{heading}\n(a) That the policy be approved.\n"
        "(b) That it be reviewed in 2027.\n4. Any other business\n"
    )
    assert [r.label for r in agenda.items[2].recommendations] == ["(a)", "(b)"]


@pytest.mark.parametrize("label", ["Title of report:", "Subject of report:", "Report title:"])
def test_a_report_title_label(label: str) -> None:
    report = parse_report_text(
        f"NORTHBY COUNCIL\n\n{label} Housing Allocations Policy\nReport of: Director of Housing\n\n"
        "Recommendation: That the policy be approved.\n"
    )
    assert report.title == "Housing Allocations Policy"


def test_agenda_item_numbers() -> None:
    agenda = parse_agenda_text(
        "NORTHBY COUNCIL\nCABINET\n\nAgenda Item 1: Apologies\nAgenda Item 2: Minutes\n"
        "Agenda Item 3: Budget\n"
    )
    assert [(i.number, i.title) for i in agenda.items] == [
        ("1", "Apologies"),
        ("2", "Minutes"),
        ("3", "Budget"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Hampshire and Isle of Wight Fire and Rescue Authority",
        "West Yorkshire Combined Authority",
        "Peak District National Park Authority",
    ],
)
def test_authorities_with_long_names(line: str) -> None:
    agenda = parse_agenda_text(f"{line}\nAUDIT COMMITTEE\n\nAGENDA\n1. Apologies\n2. Minutes\n")
    assert agenda.organisation == line


def test_an_item_to_be_considered_in_private_is_part_two_to_confirm() -> None:
    agenda = parse_agenda_text(
        f"{FRONT}3. Land at Mill Lane\nThis item is likely to be considered in private.\n"
    )
    assert (agenda.items[2].part, bool(agenda.items[2].confirm_part)) == (2, True)


def test_the_last_recommendation_ends_at_a_part_two_heading() -> None:
    agenda = parse_agenda_text(
        f"{FRONT}3. Investment Strategy\nThe Committee is asked to:\napprove the strategy\n"
        "PART II – EXEMPT INFORMATION\n4. Manager performance\n"
    )
    assert [r.text for r in agenda.items[2].recommendations] == ["approve the strategy"]
    assert agenda.items[3].part == 2


@pytest.mark.parametrize(
    ("sentence", "venue"),
    [
        (
            "You are hereby summoned to attend a Meeting of the Parish Council to be held on "
            "Monday 3rd March 2025 at 7.30pm in the Village Hall, for the purpose of transacting "
            "the following business.",
            "Village Hall",
        ),
        (
            "A meeting of the Parish Council will take place on Monday, 3 March 2025 at 7.30 p.m. "
            "at the Community Centre, High Street.",
            "Community Centre, High Street",
        ),
    ],
)
def test_the_summons_sentence_around_the_venue_and_the_body(sentence: str, venue: str) -> None:
    agenda = parse_agenda_text(
        f"BRAMLEY PARISH COUNCIL\n\n{sentence}\n\nAGENDA\n1. Apologies\n2. Minutes\n"
    )
    assert (agenda.committee, agenda.venue) == ("Bramley Parish Council", venue)
    assert (agenda.date, agenda.time) == (datetime.date(2025, 3, 3), datetime.time(19, 30))

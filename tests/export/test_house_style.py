"""The house style of real minutes (issue 16), in the Word and the PDF minutes alike.

Each point is checked on the exported file read back (python-docx; pypdf),
against the real minutes of 10 January 2018 where they show it
(tests/samples, the agenda pack that holds them).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from clerkdesk.domain.model import BodyKind, ChairStyle, MemberOrder
from clerkdesk.domain.rules import validate_record

from .factories_style import FLEXI_POINTS, NEW_WORDING, OLD_WORDING, house_style_meeting
from .readback import (
    FORMATS,
    docx_paragraphs,
    flat,
    in_order,
    layout_lines,
    lines,
    paragraph_text,
    render,
    word_numbers,
)

SAMPLE = Path(__file__).parents[1] / "samples" / "herts-acah-panel-2018-01-30-agenda-pack.txt"


def _real_minutes() -> str:
    """The minutes of 10 January 2018 as published, from the sample pack."""
    pack = SAMPLE.read_text("utf-8")
    start = pack.index("ADULT CARE & HEALTH CABINET PANEL WEDNESDAY 10 JANUARY 2018")
    return pack[start : pack.index("CHAIRMAN'S", start)]


def _members_line(text: str, heading: str = "MEMBERS OF THE PANEL") -> list[str]:
    """The names in the members' paragraph, without the roles in brackets."""
    found = text.split(heading, 1)[1].split("OTHER MEMBERS IN ATTENDANCE", 1)[0]
    found = found.split("APOLOGIES FOR ABSENCE", 1)[0]
    return [re.sub(r"\s*\(.*?\)", "", name).strip() for name in found.split(";")]


def test_the_record_of_these_tests_keeps_the_rules() -> None:
    validate_record(house_style_meeting())
    validate_record(house_style_meeting(approved=False))


@pytest.mark.parametrize("fmt", FORMATS)
def test_members_are_listed_by_surname_as_the_real_minutes_list_them(fmt: str) -> None:
    ours = _members_line(flat(render(house_style_meeting(), fmt), fmt))
    real = _members_line(_real_minutes().replace("*", ""))
    assert sorted(ours) == sorted(real)  # the same twelve, the substitute among them
    surname = [name.split()[-1] for name in ours]
    assert surname == sorted(surname)
    # The real minutes slip once (T Howard before D J Hewitt); otherwise the same order.
    assert [n for n in ours if n != "T Howard"] == [n for n in real if n != "T Howard"]
    assert "R H Smith" in ours[ours.index("J S Kaye") :]  # the substitute in surname order


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_council_may_list_members_in_the_committees_order(fmt: str) -> None:
    record = dataclasses.replace(house_style_meeting(), member_order=MemberOrder.COMMITTEE)
    ours = _members_line(flat(render(record, fmt), fmt))
    entered = [record.name_of(a.person_id) for a in record.attendees[:12]]
    # The substitute stands where the member they replace stands (last, in this committee).
    assert ours == [n for n in entered if n != "R H Smith"] + ["R H Smith"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_initials_and_names_are_never_broken_across_lines(fmt: str) -> None:
    record = house_style_meeting()
    data = render(record, fmt)
    names = [record.name_of(a.person_id) for a in record.attendees]
    if fmt == "docx":
        text = "".join(paragraph_text(p) for p in docx_paragraphs(data))
        for name in names:  # joined by no-break spaces, which Word never breaks at
            assert name.replace(" ", "\u00a0") in text
        assert "Councillor\u00a0N\u00a0A\u00a0Quinton left the meeting" in text
    else:
        read = [line.replace("\u00a0", " ") for line in lines(data, fmt)]
        members = next(n for n, line in enumerate(read) if "MEMBERS OF THE PANEL" in line)
        block = read[members + 1 : members + 4]  # the members' paragraph, wrapped
        assert len(block) >= 2  # it does wrap, so each line end is a test
        for name in names[:12]:
            assert any(name in line for line in block), f"{name} is broken across lines"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_committee_word_is_what_the_body_is(fmt: str) -> None:
    east = dataclasses.replace(house_style_meeting(), committee="Planning Committee (East)")
    text = flat(render(east, fmt), fmt)
    assert "MEMBERS OF THE COMMITTEE" in text and "MEMBERS OF THE (EAST)" not in text
    board = dataclasses.replace(east, body_kind=BodyKind.SUB_COMMITTEE)
    assert "MEMBERS OF THE SUB-COMMITTEE" in flat(render(board, fmt), fmt)
    assert "MEMBERS OF THE PANEL" in flat(render(house_style_meeting(), fmt), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_departure_is_printed_after_the_vote_it_followed(fmt: str) -> None:
    text = flat(render(house_style_meeting(), fmt), fmt)
    assert in_order(
        text,
        "3.4 To charge a weekly fee of £3.25",
        "ONE Member chose to ABSTAIN.",  # the vote on 3.4, taken at 11.03
        "Councillor N A Quinton left the meeting at 11.03 am during this item.",
        "3.5 To charge £2 per journey",  # voted at 11.04, without them
        "TWO Members chose to ABSTAIN.",
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_correction_is_printed_with_the_item_it_changed(fmt: str) -> None:
    text = flat(render(house_style_meeting(), fmt), fmt)
    assert in_order(
        text,
        "2. PUBLIC PETITIONS",
        NEW_WORDING,
        "Corrected on Thursday 1 February 2018 by Elaine Manzi.",
        "Reason: The Chairman asked at approval for the wording to be clearer.",
        f"Edit minute 2.1: the wording read “{OLD_WORDING}”; it now reads “{NEW_WORDING}”.",
        "3. CHANGES TO CHARGING",
    )
    assert "Test Clerk" not in text and "root" not in text.split()  # no login anywhere


@pytest.mark.parametrize("fmt", FORMATS)
def test_actions_are_beside_the_paragraph_they_belong_to(fmt: str) -> None:
    data = render(house_style_meeting(), fmt)
    text = flat(data, fmt)
    assert in_order(
        text,
        "3.5 Further to Member discussion",
        "Action: Bring a paper on the impact of the charges to a future meeting of the Panel.",
        "3.6 Members voted on each of the recommendations",
    )
    if fmt == "docx":
        import docx as python_docx

        document = python_docx.Document(__import__("io").BytesIO(data))
        rows = document.tables[0].rows
        beside = {r.cells[0].text[:30]: r.cells[1].text for r in rows if len(r._tr.tc_lst) == 2}
        assert beside["Further to Member discussion i"] == "Iain MacBeath / Helen Maneuf"
        assert beside["Members discussed the five pro"] == "ACS Officers"
    else:
        first_line = next(line for line in layout_lines(data) if "Further to Member" in line)
        assert first_line.rstrip().endswith("Iain MacBeath /")  # in the ACTION column


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_recommendation_holds_a_list_of_sub_points(fmt: str) -> None:
    data = render(house_style_meeting(), fmt)
    text = flat(data, fmt)
    assert in_order(text, "3.3 To change the charging base", *FLEXI_POINTS, "UNANIMOUSLY")
    if fmt == "docx":
        bullets = [(n, t) for n, t in word_numbers(data) if t in FLEXI_POINTS]
        assert bullets == [("\u2022", point) for point in FLEXI_POINTS]  # a real Word list
    else:
        laid = [line.strip() for line in layout_lines(data)]
        for point in FLEXI_POINTS:
            assert any(line.startswith("•") and point in line for line in laid)


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_labels_never_stand_where_minute_numbers_do(fmt: str) -> None:
    """The report labels its recommendations 3.1 to 3.5, as item 3's minutes number
    their paragraphs: the labels are set inside a numbered paragraph, indented."""
    data = render(house_style_meeting(), fmt)
    if fmt == "docx":
        numbered = word_numbers(data)
        item3 = [n for n, _ in numbered if n.startswith("3.")]
        assert item3 == [f"3.{n}" for n in range(1, 7)]  # each number once
        recs = [t for t in map(paragraph_text, docx_paragraphs(data)) if t.startswith("3.1 To")]
        assert recs and all(t not in dict((t, n) for n, t in numbered) for t in recs)
    else:
        laid = layout_lines(data)

        def column(start: str) -> int:
            line = next(line for line in laid if " ".join(line.split()).startswith(start))
            return len(line) - len(line.lstrip())

        assert column("3.1 To include") > column("3.1 Members received")
    assert in_order(
        flat(data, fmt), "3.6 Members voted on each of the recommendations", "3.1 To include"
    )


def test_without_a_lead_in_the_minutes_number_one_for_the_votes() -> None:
    record = house_style_meeting(approved=False)
    record = dataclasses.replace(
        record, paragraphs=tuple(p for p in record.paragraphs if not p.text.endswith(":"))
    )
    for fmt in FORMATS:
        assert in_order(
            flat(render(record, fmt), fmt),
            "3.5 Further to Member discussion",
            "3.6 The recommendations of the report were put to the vote:",
            "3.1 To include",
        )


@pytest.mark.parametrize("fmt", FORMATS)
def test_closing_time_and_proper_officers_line_as_the_real_minutes_end(fmt: str) -> None:
    real = _real_minutes()
    assert "KATHRYN PETTITT\nCHIEF LEGAL OFFICER\n\nCHAIRMAN" in real
    text = flat(render(house_style_meeting(), fmt), fmt)
    assert in_order(
        text,
        "6. OTHER PART I BUSINESS",
        "There was no other Part I business.",
        "The meeting closed at 12.45 pm.",
        "KATHRYN PETTITT CHIEF LEGAL OFFICER",
        "CHAIRMAN",
        "DATE",
    )
    bare = dataclasses.replace(
        house_style_meeting(), closed_at=None, proper_officer=None, proper_officer_title=None
    )
    text = flat(render(bare, fmt), fmt)
    assert "The meeting closed" not in text and "CHIEF LEGAL OFFICER" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_chairs_title_is_as_set(fmt: str) -> None:
    record = dataclasses.replace(house_style_meeting(), chair_style=ChairStyle.CHAIRPERSON)
    text = flat(render(record, fmt), fmt)
    assert "C B Wyatt-Lowe (Chairperson)" in text and "F R G Hill (Vice-Chairperson)" in text
    assert "CHAIRPERSON" in text and "(Chairman)" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_correction_of_exempt_business_says_only_when_and_who_in_public(fmt: str) -> None:
    import datetime as dt
    import json

    from clerkdesk.domain.model import Correction, MeetingStatus

    from .factories import rich_meeting

    change = {
        "op": "update",
        "table": "minute_paragraph",
        "pk": 6,
        "before": {"text": "ZQX-PARA-TWO Two bids were received."},
        "after": {"text": "ZQX-PARA-TWO Three bids were received."},
    }
    correction = Correction(
        1, dt.datetime(2024, 4, 2, 9, 0), "Tom Forrest", "ZQX-WHY the count", "Edit minute 5.2",
        json.dumps([change]),
    )  # fmt: skip
    record = dataclasses.replace(
        rich_meeting(),
        status=MeetingStatus.APPROVED,
        approved_at=dt.datetime(2024, 4, 1, 10, 0),
        approved_by="Ann Archer",
        corrections=(correction,),
    )
    public = flat(render(record, fmt), fmt)
    assert in_order(
        public, "5. DISPOSAL OF LAND", "Corrected on Tuesday 2 April 2024 by Tom Forrest."
    )
    assert "ZQX" not in public and "Edit minute 5.2" not in public
    confidential = flat(render(record, fmt, confidential=True), fmt)
    assert in_order(
        confidential,
        "5. DISPOSAL OF LAND",
        "Reason: ZQX-WHY the count.",
        "it now reads “ZQX-PARA-TWO Three bids were received.”",
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_departure_between_an_amendment_and_the_motion_is_printed_between_them(
    fmt: str,
) -> None:
    import datetime as dt

    from .factories import rich_meeting

    record = rich_meeting()
    decisions = tuple(
        dataclasses.replace(d, taken_at=dt.time(15, 10)) if d.recommendation_id == 41 else d
        for d in record.decisions
    )  # the amendment voted on at 3.00 pm, the amended motion at 3.10 pm
    text = flat(
        render(dataclasses.replace(record, decisions=decisions), fmt, confidential=True), fmt
    )
    assert in_order(
        text,
        "4. REVENUE BUDGET",
        "The amendment was CARRIED.",
        "Councillor David Archer left the meeting at 3.05 pm during this item.",
        "The recommendation, as amended, was then put:",
        "The recommendation was CARRIED.",
        "5. DISPOSAL OF LAND",
    )

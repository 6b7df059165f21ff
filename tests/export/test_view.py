from __future__ import annotations

import dataclasses
import datetime as dt

from clerkdesk.domain.model import MeetingStatus
from clerkdesk.domain.rules import validate_record
from clerkdesk.export.view import build_minutes_view
from clerkdesk.export.view_model import BlockKind

from .conftest import spaced
from .factories import PART_II_MARKERS, herts_2018_01_10, rich_meeting


def test_factories_build_valid_records() -> None:
    validate_record(herts_2018_01_10())
    validate_record(rich_meeting())


def test_herts_view_reads_like_the_real_minutes() -> None:
    view = build_minutes_view(herts_2018_01_10(), confidential=False)
    assert view.organisation == "Hertfordshire County Council"
    assert view.date_text == "Wednesday 10 January 2018"
    assert view.time_text == "10.30 am"
    members = view.attendance[0]
    assert members.heading == "MEMBERS OF THE PANEL"
    text = spaced(members.text)
    assert text.startswith("E M Gordon; S Gordon; F Guest;")
    assert "F R G Hill (Vice-Chairman)" in text
    assert "R H Smith (substituting for E H Buckmaster)" in text
    assert text.endswith("C B Wyatt-Lowe (Chairman)")
    assert len(text.split("; ")) == 12
    others = {g.heading: g.text for g in view.attendance}
    assert others["OTHER MEMBERS IN ATTENDANCE"] == "None"
    assert view.interests_statement == (
        "No conflicts of interest were declared by any member of the Adult Care & Health "
        "Cabinet Panel in relation to the matters on which conclusions were reached at this "
        "meeting."
    )
    assert view.draft and view.marking == "DRAFT"
    item3 = next(i for i in view.items if i.number == "3")
    numbers = [b.number for b in item3.blocks if b.kind is BlockKind.PARAGRAPH]
    assert numbers == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]  # 3.6 leads in to the votes
    votes = [b.text for b in item3.blocks if b.kind is BlockKind.VOTE]
    assert votes[:2] == [
        "EIGHT Members voted IN FAVOUR of this recommendation.",
        "FOUR Members voted AGAINST this recommendation.",
    ]
    assert "Members voted UNANIMOUSLY in favour of this recommendation." in votes
    assert [b.action for b in item3.blocks if b.action] == [
        "ACS Officers",
        "Iain MacBeath / Helen Maneuf",
    ]
    assert [i.heading for i in view.items if not i.banner][-1] == "6. OTHER PART I BUSINESS"


def test_public_view_shows_only_heading_paragraph_and_summary_of_part_ii() -> None:
    view = build_minutes_view(rich_meeting(), confidential=False)
    item5 = next(i for i in view.items if i.number == "5")
    assert item5.heading == "5. DISPOSAL OF LAND AT GRANGE FARM"
    assert [b.kind for b in item5.blocks] == [BlockKind.EXEMPT, BlockKind.TEXT]
    assert item5.blocks[0].text == (
        "The press and public were excluded for this item, which involved exempt information "
        "as defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act "
        "1972: information relating to the financial or business affairs of any particular "
        "person (including the authority)."
    )
    assert item5.blocks[1].text.startswith("The Committee considered a report")
    text = repr(view)
    for marker in PART_II_MARKERS:
        assert marker not in text
    assert (
        "Councillor\u00a0Elizabeth\u00a0Pargetter left the meeting at 3.40 pm during item 5."
        in (view.attendance_notes)
    )
    assert not view.confidential and "CONFIDENTIAL" not in view.marking


def test_exclusion_resolution_comes_before_the_first_part_ii_item() -> None:
    view = build_minutes_view(rich_meeting(), confidential=False)
    titles = [i.title for i in view.items]
    banner = titles.index("PART II ('CLOSED') BUSINESS")
    assert titles[banner + 1] == "Disposal of Land at Grange Farm"
    resolution = view.items[banner].blocks[-1].text
    assert resolution.startswith("That under Section 100A(4) of the Local Government Act 1972")
    assert "paragraph 3 of Part 1 of Schedule 12A" in resolution


def test_confidential_view_has_everything() -> None:
    view = build_minutes_view(rich_meeting(), confidential=True)
    text = repr(view)
    for marker in PART_II_MARKERS:
        assert marker in text
    assert view.confidential and view.marking.startswith("CONFIDENTIAL")


def test_rich_view_wording() -> None:
    view = build_minutes_view(rich_meeting(), confidential=True)
    lines = [spaced(b.text) for i in view.items for b in i.blocks]
    assert "Councillor Fallon Rogers arrived at 2.20 pm during this item." in lines
    assert "Councillor David Archer left the meeting at 3.05 pm during this item." in lines
    assert (
        "Councillor Jazzer McCreary moved and Councillor David Archer seconded the following "
        "amendment: Replace “£1.2m” with “£1.25m”."
    ) in lines
    assert (
        "There being an equality of votes, the Chairman used their casting vote IN FAVOUR of "
        "this recommendation."
    ) in lines
    assert "For: Ann Archer; Brian Aldridge; Fallon Rogers; Jazzer McCreary" in lines
    assert "(a) That the revenue budget be approved at £1.25m." in lines
    sensitive = next(t for t in lines if "sensitive interest" in t)
    assert sensitive.startswith(
        "Councillor Fallon Rogers declared a disclosable pecuniary interest "
        "(sensitive interest: nature not disclosed)."
    )
    assert any("A dispensation had been granted." in t for t in lines)
    assert any("left the room for this item" in t for t in lines)
    groups = {g.heading: spaced(g.text) for g in view.attendance}
    assert groups["OTHER MEMBERS IN ATTENDANCE"] == "Pip Archer"
    assert "Usha Franks, Head of Legal Services" in groups["OFFICERS IN ATTENDANCE"]
    assert groups["APOLOGIES FOR ABSENCE"] == "Kenton Archer"


def test_approved_minutes_are_not_marked_draft() -> None:
    record = dataclasses.replace(
        herts_2018_01_10(),
        status=MeetingStatus.APPROVED,
        approved_at=dt.datetime(2018, 1, 30, 11, 0),
        approved_by="C B Wyatt-Lowe",
    )
    view = build_minutes_view(record, confidential=False)
    assert not view.draft and view.marking == ""
    assert view.status_line.startswith("Approved as a correct record on Tuesday 30 January 2018")


def test_votes_and_lead_ins_are_kept_with_what_follows() -> None:
    view = build_minutes_view(rich_meeting(), confidential=True)
    item4 = next(i for i in view.items if i.number == "4")
    kept = [(b.kind, b.keep_with_next) for b in item4.blocks]
    assert (BlockKind.RECOMMENDATION, True) in kept and (BlockKind.VOTE, True) in kept
    assert (BlockKind.OUTCOME, False) in kept
    lead_in = next(b for b in item4.blocks if b.text.endswith("was then put:"))
    assert lead_in.keep_with_next
    assert not next(b for b in item4.blocks if b.kind is BlockKind.PARAGRAPH).keep_with_next

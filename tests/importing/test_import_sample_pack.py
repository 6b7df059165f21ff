"""The real Hertfordshire agenda pack must give exactly what the samples README says."""

from __future__ import annotations

import datetime

import pytest

from clerkdesk.importing import (
    ParsedAgenda,
    parse_agenda_file,
    parse_agenda_text,
    parse_report_file,
)
from tests.conftest import SAMPLES

PACK = SAMPLES / "herts-acah-panel-2018-01-30-agenda-pack.txt"
ITEM4_REPORT = SAMPLES / "herts-acah-item4-report.txt"

EXPECTED_TITLES = [
    "Minutes",
    "Public Petitions",
    "Integrated Plan 2018/19 - 2021/22 Adult Care and Health",
    "Adult Community Health Services – Joined-up Care Proposals",
    "Invest to Transform Proposals to Support Delivery of Adult Social Care "
    "Integrated Plan Proposals",
    "Other Part I Business",
]


@pytest.fixture(scope="module")
def pack() -> ParsedAgenda:
    return parse_agenda_file(PACK)


def test_meeting_details(pack: ParsedAgenda) -> None:
    assert pack.organisation == "Hertfordshire County Council"
    assert pack.committee == "Adult Care & Health Cabinet Panel"
    assert pack.date == datetime.date(2018, 1, 30)
    assert pack.time == datetime.time(10, 30)
    assert pack.venue == "Committee Room B, County Hall, Hertford"
    assert pack.quorum == 3


def test_members_and_roles(pack: ParsedAgenda) -> None:
    assert len(pack.members) == 12
    roles = {m.name: m.role for m in pack.members}
    assert roles["C B Wyatt-Lowe"] == "chair"
    assert roles["F R G Hill"] == "vice-chair"
    assert [m.role for m in pack.members].count("member") == 10
    assert "R H Smith" not in roles  # the substitute at the previous meeting


def test_items_are_the_agenda_not_the_minutes(pack: ParsedAgenda) -> None:
    assert [i.number for i in pack.items] == ["1", "2", "3", "4", "5", "6"]
    assert [i.title for i in pack.items] == EXPECTED_TITLES
    assert all(i.part == 1 and i.exempt_paragraph is None for i in pack.items)


def test_recommendations_come_from_each_items_report(pack: ParsedAgenda) -> None:
    recs = {i.number: i.recommendations for i in pack.items}
    assert [r.label for r in recs["3"]] == ["3.1", "3.2"]
    assert recs["3"][0].text.startswith("The Panel is invited to comment to Cabinet")
    assert len(recs["4"]) == 2
    assert recs["4"][0].text.startswith("Note and comment on the opportunities")
    assert recs["4"][1].text.startswith("Recommend Cabinet agree that the Director")
    assert [r.label for r in recs["5"]] == ["3.1"]
    assert recs["5"][0].text.startswith("That Panel recommends that Cabinet agrees")
    assert recs["1"] == recs["2"] == recs["6"] == ()


def test_reports_are_matched_to_items(pack: ParsedAgenda) -> None:
    item4 = pack.items[3]
    assert item4.report_title == EXPECTED_TITLES[3]
    assert item4.report_author == "Director of Adult Care Services"
    assert item4.contact_officer == "Ed Knowles"


def test_json_shape(pack: ParsedAgenda) -> None:
    data = pack.to_json()
    assert data["date"] == "2018-01-30" and data["time"] == "10:30"
    assert data["members"][-1] == {"name": "C B Wyatt-Lowe", "role": "chair"}
    first = data["items"][0]
    assert {"number", "title", "part", "exempt_paragraph", "recommendations"} <= set(first)
    assert data["items"][2]["recommendations"][0]["label"] == "3.1"
    assert "Adult Care & Health Cabinet Panel" in pack.describe()


def test_pack_once_equals_pack_twice() -> None:
    text = PACK.read_text("utf-8")
    lines = text.splitlines()
    second_copy = next(i for i, line in enumerate(lines) if i > 10 and line == "Agenda")
    once = parse_agenda_text("\n".join(lines[:second_copy]))
    twice = parse_agenda_text(text)
    assert once == twice


def test_item4_report_on_its_own() -> None:
    report = parse_report_file(ITEM4_REPORT)
    assert report.title == EXPECTED_TITLES[3]
    assert report.author == "Director of Adult Care Services"
    assert [r.label for r in report.recommendations] == [None, None]
    assert report.recommendations[0].text.startswith("Note and comment")
    assert report.recommendations[1].text.endswith("the County Council's priorities.")
    assert report.to_json()["title"] == EXPECTED_TITLES[3]

"""What the minutes need that the record did not hold (issue 16): the details of the
meeting, sub-points of a recommendation, an action beside its paragraph; through
the services, on disk, through dump and load, and from the command line."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from clerkdesk.cli import main
from clerkdesk.domain.errors import InvalidRecordError, NotFoundError, RuleViolation
from clerkdesk.domain.model import BodyKind, MemberOrder
from clerkdesk.domain.record_json import dump_record
from clerkdesk.domain.record_reader import read_record
from clerkdesk.domain.seal import canonical_content
from clerkdesk.services import minutes, records_io, undo
from clerkdesk.services.context import Desk
from clerkdesk.services.minutes_details import (
    details_of,
    set_minutes_details,
    set_recommendation_points,
)
from clerkdesk.services.records_io import get_record, load_meeting
from tests.services.helpers import fresh_record


def test_an_action_is_kept_beside_its_paragraph_until_the_paragraph_goes(
    desk: Desk, demo_ids: list[int]
) -> None:
    meeting = demo_ids[1]
    item = get_record(desk, meeting).item_by_number("3")
    paragraph = minutes.add_paragraph(desk, meeting, item.id, "A paper was requested.").new_id
    assert paragraph is not None
    action = minutes.add_action(
        desk, meeting, item.id, "Helen Maneuf", "Bring the paper.", paragraph_id=paragraph
    ).new_id
    assert fresh_record(desk, meeting).actions[0].paragraph_id == paragraph
    other = get_record(desk, meeting).item_by_number("4")
    with pytest.raises(NotFoundError, match="Item 4 has no minute paragraph"):
        minutes.add_action(desk, meeting, other.id, "X", "Y", paragraph_id=paragraph)
    minutes.delete_paragraph(desk, meeting, paragraph)
    kept = fresh_record(desk, meeting).actions
    assert [(a.id, a.paragraph_id) for a in kept] == [(action, None)]  # kept, at the item's end
    undo.undo(desk, meeting)  # the paragraph comes back, and the action beside it again
    assert fresh_record(desk, meeting).actions[0].paragraph_id == paragraph


def test_a_recommendations_sub_points_are_stored_in_order(desk: Desk, demo_ids: list[int]) -> None:
    meeting = demo_ids[1]
    rec = get_record(desk, meeting).recommendations[0]
    set_recommendation_points(desk, meeting, rec.id, ["  First  point ", "Second"])
    assert fresh_record(desk, meeting).recommendations[0].points == ("First point", "Second")
    with pytest.raises(RuleViolation, match="cannot be empty"):
        set_recommendation_points(desk, meeting, rec.id, ["One", " "])
    set_recommendation_points(desk, meeting, rec.id, [])
    assert fresh_record(desk, meeting).recommendations[0].points == ()


def test_the_new_details_survive_dump_and_load(desk: Desk, demo_ids: list[int]) -> None:
    first = demo_ids[0]
    details = replace(
        details_of(get_record(desk, first)),
        body_kind=BodyKind.CABINET,
        member_order=MemberOrder.COMMITTEE,
        closed_at=dt.time(12, 45),
    )
    set_minutes_details(desk, first, details)
    document = records_io.dump_meeting(desk, first)
    assert document["meeting"]["closed_at"] == "12:45"
    item3 = next(i for i in document["items"] if i["number"] == "3")
    assert item3["actions"][0]["paragraph"] == 4
    assert next(r for r in item3["recommendations"] if r["label"] == "iii.)")["points"]
    copy = load_meeting(desk, read_record(document), as_new_copy=True)
    assert records_io.dump_meeting(desk, copy) == document
    assert details_of(get_record(desk, copy)) == details


def test_a_record_without_the_new_details_dumps_and_seals_as_before(
    desk: Desk, demo_ids: list[int]
) -> None:
    """Each new key is written only when set: a record made before them (an approved
    one's seal included) reads back to the very same document."""
    record = get_record(desk, demo_ids[0])
    bare = replace(
        record,
        clerk_name=None,
        proper_officer=None,
        proper_officer_title=None,
        recommendations=tuple(replace(r, points=()) for r in record.recommendations),
        actions=tuple(replace(a, paragraph_id=None) for a in record.actions),
    )
    document = dump_record(bare)
    new_keys = {"body_kind", "member_order", "closed_at", "clerk_name", "proper_officer"}
    assert not new_keys & set(document["meeting"])
    text = json.dumps(document)
    assert '"points"' not in text and '"paragraph"' not in text
    assert canonical_content(dump_record(read_record(document))) == canonical_content(document)


def test_a_paragraph_that_is_not_there_is_refused_on_load(demo_ids: list[int], desk: Desk) -> None:
    document = records_io.dump_meeting(desk, demo_ids[0])
    item3 = next(i for i in document["items"] if i["number"] == "3")
    item3["actions"][0]["paragraph"] = 40
    with pytest.raises(InvalidRecordError, match="actions.*paragraph.*no minute paragraph 40"):
        read_record(document)


def test_minutes_details_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.db")
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    args = ["--db", db, "minutes-details", "1"]
    assert main([*args, "--body", "Sub-Committee", "--closed-at", "12:45"]) == 0
    shown = capsys.readouterr().out
    assert "body: Sub-Committee" in shown and "closed at: 12:45" in shown
    assert "clerk: Elaine Manzi" in shown  # as the demo names its clerk; left as it was
    assert main([*args, "--clerk", "", "--body", "auto"]) == 0
    shown = capsys.readouterr().out
    assert "clerk: not set" in shown and "body: Panel (from its name)" in shown
    assert main([*args, "--closed-at", "9"]) == 2
    assert "is not a time" in capsys.readouterr().err


def test_approved_minutes_without_a_clerk_can_be_given_one_by_correction(
    desk: Desk, demo_ids: list[int]
) -> None:
    from clerkdesk.domain.model import MeetingStatus
    from clerkdesk.services import lifecycle
    from clerkdesk.services.context import Correction

    meeting = demo_ids[0]
    nobody = replace(details_of(get_record(desk, meeting)), clerk_name=None)
    set_minutes_details(desk, meeting, nobody)
    lifecycle.approve_minutes(desk, meeting, "C B Wyatt-Lowe")
    assert get_record(desk, meeting).status is MeetingStatus.APPROVED
    named = replace(nobody, clerk_name="Elaine Manzi")
    set_minutes_details(desk, meeting, named, correction=Correction("The clerk was not named"))
    record = fresh_record(desk, meeting)
    assert record.clerk_name == "Elaine Manzi"
    assert [(c.made_by, c.reason) for c in record.corrections] == [
        ("Elaine Manzi", "The clerk was not named")
    ]


def test_a_correction_of_the_closing_time_says_what_it_was(desk: Desk, demo_ids: list[int]) -> None:
    from clerkdesk.domain.corrections import account_of
    from clerkdesk.services import lifecycle
    from clerkdesk.services.context import Correction

    meeting = demo_ids[0]
    details = replace(details_of(get_record(desk, meeting)), closed_at=dt.time(12, 40))
    set_minutes_details(desk, meeting, details)
    lifecycle.approve_minutes(desk, meeting, "C B Wyatt-Lowe")
    later = replace(details, closed_at=dt.time(12, 45))
    set_minutes_details(desk, meeting, later, correction=Correction("Clock misread"))
    record = fresh_record(desk, meeting)
    account = account_of(record, record.corrections[0])
    assert account.item_id is None  # the meeting's, minuted after the last item
    assert account.changes == ("the closing time read 12:40; it now reads 12:45",)

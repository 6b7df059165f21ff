"""Attacks on `load`: dump a meeting, edit the JSON, load it (issue 13, points 2, 4, 5)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from clerkdesk.domain.errors import InvalidRecordError, RuleViolation
from clerkdesk.domain.model import MeetingStatus
from clerkdesk.domain.seal import next_seal
from clerkdesk.persistence.database import open_database
from clerkdesk.services import lifecycle, meeting_edits, records_io
from clerkdesk.services.agenda_edits import add_agenda_item
from clerkdesk.services.context import Correction, Desk
from clerkdesk.services.lookups import list_committees
from tests.services.helpers import fresh_record

Document = dict[str, Any]


def load_text(desk: Desk, data: Document, *, as_new_copy: bool = False) -> int:
    record = records_io.parse_record_text(json.dumps(data))
    return records_io.load_meeting(desk, record, as_new_copy=as_new_copy)


def meeting_count(desk: Desk) -> int:
    return len(records_io.list_meetings(desk))


@pytest.fixture
def with_part_ii(desk: Desk, demo_ids: list[int]) -> Document:
    """The 30 January demo meeting with a Part II item, dumped."""
    add_agenda_item(desk, demo_ids[1], "7", "Home care contract award", part=2, exempt_paragraph=3)
    return records_io.dump_meeting(desk, demo_ids[1])


def approved(desk: Desk, meeting_id: int) -> Document:
    lifecycle.approve_minutes(desk, meeting_id, "C B Wyatt-Lowe")
    return records_io.dump_meeting(desk, meeting_id)


# --- point 2: the record is read against a strict schema -----------------------------

PART_II = -1  # the Part II item is the last


def _set(key: str, value: object) -> Callable[[Document], None]:
    return lambda d: d["items"][PART_II].update({key: value})


CONFIDENTIALITY_ATTACKS: list[tuple[str, Callable[[Document], None], str]] = [
    ("part left out", lambda d: d["items"][PART_II].pop("part"), r"items\[6\].part: this field"),
    (
        "part misspelled",
        lambda d: d["items"][PART_II].update(Part=d["items"][PART_II].pop("part")),
        r"items\[6\].Part: unknown key",
    ),
    ("part as text", _set("part", "2"), r"items\[6\].part: must be 1 or 2"),
    ("part as float", _set("part", 2.0), r"items\[6\].part: must be 1 or 2"),
    ("part as bool", _set("part", True), r"items\[6\].part: must be 1 or 2"),
    ("part 3", _set("part", 3), r"items\[6\].part: must be 1 or 2"),
    ("part null", _set("part", None), r"items\[6\].part: this field is required"),
    ("paragraph 8", _set("exempt_paragraph", 8), r"items\[6\].exempt_paragraph: must be a para"),
    ("paragraph 7D", _set("exempt_paragraph", "7D"), r"exempt_paragraph: must be a paragraph"),
    ("paragraph as text", _set("exempt_paragraph", "3"), r"paragraph 3 as a number"),
    ("paragraph as float", _set("exempt_paragraph", 3.0), r"exempt_paragraph: must be a para"),
    (
        "paragraph left out",
        lambda d: d["items"][PART_II].pop("exempt_paragraph"),
        r"items\[6\].exempt_paragraph: this field is required",
    ),
    ("Part I citing a paragraph", _set("part", 1), r"a Part I \(public\) item cites no"),
    ("unknown key in an item", _set("confidential", True), r"items\[6\].confidential: unknown"),
    ("unknown top-level key", lambda d: d.update(parts={}), r"record.parts: unknown key"),
    ("quorum as float", lambda d: d["committee"].update(quorum=3.0), r"quorum: expected int"),
    ("quorum as bool", lambda d: d["committee"].update(quorum=True), r"quorum: expected int"),
    ("title left out", lambda d: d["items"][0].pop("title"), r"items\[0\].title: this field"),
    (
        "England and Wales mixed",
        lambda d: d["items"].append({**d["items"][PART_II], "number": "8", "exempt_paragraph": 14}),
        r"record.items: cites paragraphs of both",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [pytest.param(m, msg, id=name) for name, m, msg in CONFIDENTIALITY_ATTACKS],
)
def test_a_record_malformed_about_confidentiality_is_refused_whole(
    desk: Desk, with_part_ii: Document, mutate: Callable[[Document], None], message: str
) -> None:
    before = meeting_count(desk)
    mutate(with_part_ii)
    with pytest.raises(InvalidRecordError, match=message) as refused:
        load_text(desk, with_part_ii, as_new_copy=True)
    assert "\n" not in str(refused.value)
    assert meeting_count(desk) == before  # nothing written


@pytest.mark.parametrize("paragraph", [1, 7, "7A", "7C", 12, 18, "18B"])
def test_every_paragraph_of_schedule_12a_loads_and_round_trips(
    desk: Desk, with_part_ii: Document, paragraph: int | str
) -> None:
    with_part_ii["items"][PART_II]["exempt_paragraph"] = paragraph
    copy = load_text(desk, with_part_ii, as_new_copy=True)
    assert fresh_record(desk, copy).items[PART_II].exempt_paragraph == paragraph
    assert records_io.dump_meeting(desk, copy) == with_part_ii


# --- point 4: the law's rules cannot be redefined by the record -----------------------


def test_a_record_that_lets_a_dpi_vote_is_refused(desk: Desk, demo_ids: list[int]) -> None:
    data = records_io.dump_meeting(desk, demo_ids[0])
    dpi = next(k for k in data["interest_kinds"] if k["code"] == "dpi")
    dpi.update(may_vote=True, may_speak=True, must_leave=False)
    # A member present declares a DPI on item 3, and every member present is counted
    # as voting: the law forbids it, the edited kinds would allow it.
    data["items"][2]["declarations"] = [{"person": "p2", "kind": "dpi", "nature": "Shares"}]
    before = meeting_count(desk)
    with pytest.raises(InvalidRecordError, match=r"redefines the kind of interest 'dpi'"):
        load_text(desk, data, as_new_copy=True)
    assert meeting_count(desk) == before


def test_a_record_is_checked_by_the_databases_rules_not_its_own(
    desk: Desk, demo_ids: list[int]
) -> None:
    data = records_io.dump_meeting(desk, demo_ids[0])
    del data["interest_kinds"]  # no copy of the rules at all: the database's apply
    data["items"][2]["declarations"] = [{"person": "p2", "kind": "dpi", "nature": "Shares"}]
    with pytest.raises(RuleViolation, match="disclosable pecuniary interest"):
        load_text(desk, data, as_new_copy=True)


def test_a_record_cannot_bring_a_kind_of_interest_of_its_own(
    desk: Desk, demo_ids: list[int]
) -> None:
    data = records_io.dump_meeting(desk, demo_ids[0])
    data["interest_kinds"].append({**data["interest_kinds"][0], "code": "friendly", "label": "F"})
    with pytest.raises(InvalidRecordError, match="no kind of interest 'friendly'"):
        load_text(desk, data, as_new_copy=True)


# --- point 5: approval seals the record ------------------------------------------------


def test_a_vote_reversed_in_an_approved_record_is_refused(desk: Desk, demo_ids: list[int]) -> None:
    data = approved(desk, demo_ids[0])
    assert data["meeting"]["seal"].startswith("sha256:")
    counts = data["items"][2]["recommendations"][0]["vote"]["counts"]
    counts[0]["value"], counts[1]["value"] = counts[1]["value"], counts[0]["value"]
    data["items"][2]["recommendations"][0]["vote"].update(outcome="lost", result="fail")
    before = meeting_count(desk)
    for as_new_copy in (False, True):
        with pytest.raises(InvalidRecordError, match="changed after approval"):
            load_text(desk, data, as_new_copy=as_new_copy)
    assert meeting_count(desk) == before


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda d: d["meeting"].update(seal=None), id="seal removed"),
        pytest.param(lambda d: d["meeting"].pop("seal"), id="seal key removed"),
        pytest.param(lambda d: d["meeting"].update(status="closed"), id="status set back"),
        pytest.param(
            lambda d: d["meeting"].update(status="closed", seal=None), id="closed, approved_at kept"
        ),
        pytest.param(lambda d: d["items"][0]["minutes"].append("Added later."), id="minute added"),
        pytest.param(lambda d: d["meeting"].update(approved_by="Someone Else"), id="signer"),
    ],
)
def test_an_approved_record_changed_after_approval_is_refused(
    desk: Desk, demo_ids: list[int], tamper: Callable[[Document], None]
) -> None:
    data = approved(desk, demo_ids[0])
    tamper(data)
    with pytest.raises(InvalidRecordError, match="changed after approval"):
        load_text(desk, data, as_new_copy=True)


def test_corrections_carry_the_seal_forward_through_dump_and_load(
    desk: Desk, demo_ids: list[int]
) -> None:
    first = demo_ids[0]
    sealed = approved(desk, first)["meeting"]["seal"]
    for venue in ("Council Chamber", "Committee Room A"):
        meeting_edits.edit_meeting(
            desk,
            first,
            venue=venue,
            correction=Correction("Venue misrecorded", made_by="Elaine Manzi"),
        )
    data = records_io.dump_meeting(desk, first)
    seals = [sealed] + [c["seal"] for c in data["corrections"]]
    assert data["meeting"]["seal"] == sealed and len(set(seals)) == 3
    record = records_io.get_record(desk, first)
    assert seals[-1] == next_seal(seals[-2], record)  # chained to the one before
    copy = load_text(desk, data, as_new_copy=True)
    assert records_io.dump_meeting(desk, copy) == data
    data["meeting"]["venue"] = "The Pub"
    with pytest.raises(InvalidRecordError, match="does not match its seal"):
        load_text(desk, data, as_new_copy=True)


def test_a_meeting_already_held_loads_only_as_an_explicit_new_copy(
    desk: Desk, demo_ids: list[int]
) -> None:
    data = records_io.dump_meeting(desk, demo_ids[0])
    before = meeting_count(desk)
    with pytest.raises(InvalidRecordError, match="already in this database.*--as-new-copy"):
        load_text(desk, data)
    assert meeting_count(desk) == before
    copy = load_text(desk, data, as_new_copy=True)
    assert records_io.dump_meeting(desk, copy) == data
    data["meeting"]["start_time"] = "14:00"  # another meeting that day
    load_text(desk, data)


def test_loading_an_old_record_leaves_the_committee_as_it_is(
    desk: Desk, demo_ids: list[int]
) -> None:
    data = records_io.dump_meeting(desk, demo_ids[0])
    data["meeting"]["date"] = "2009-06-02"
    data["committee"]["quorum"] = 5
    for entry in data["attendance"]:  # in 2009 F Guest (p2) was the chair
        if entry["role"] == "chair":
            entry["role"] = "member"
        if entry["person"] == "p2":
            entry["role"] = "chair"
    with desk.db.session() as session:
        members_before = session.execute(
            text("SELECT person_id, role, voting, position FROM committee_member")
        ).all()
    committee_before = list_committees(desk.db)
    old = load_text(desk, data)
    assert list_committees(desk.db) == committee_before
    with desk.db.session() as session:
        assert (
            session.execute(
                text("SELECT person_id, role, voting, position FROM committee_member")
            ).all()
            == members_before
        )
    record = fresh_record(desk, old)
    assert record.quorum == 5  # the meeting keeps the quorum it was held under
    chair = next(a for a in record.attendees if a.role.value == "chair")
    assert record.name_of(chair.person_id) == "F Guest"
    assert fresh_record(desk, demo_ids[1]).quorum == 3


# --- the migration: meetings approved by an older version -------------------------------


def as_schema_9(path: Any) -> None:
    """Take out what versions 10 and later added, as a database written before them."""
    conn = sqlite3.connect(path, isolation_level=None)
    for table, column in (
        *(
            ("meeting", c)
            for c in (
                "body_kind",
                "member_order",
                "closed_at",
                "clerk_name",
                "proper_officer",
                "proper_officer_title",
            )
        ),
        ("recommendation", "points"),
        ("action", "paragraph_id"),
    ):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("DROP TABLE database_identity")
    conn.execute("PRAGMA application_id = 0")
    conn.execute("DROP INDEX ix_export_log_certificate_sha256")
    conn.execute("ALTER TABLE export_log DROP COLUMN certificate_sha256")
    conn.execute("DROP TRIGGER meeting_seal_kept")
    conn.execute("ALTER TABLE meeting DROP COLUMN seal")
    conn.execute("ALTER TABLE correction DROP COLUMN seal")
    for column in ("urgency_reason", "disposal", "taken_out_of_order"):  # version 14's
        conn.execute(f"ALTER TABLE agenda_item DROP COLUMN {column}")
    conn.execute("ALTER TABLE attendee DROP COLUMN note")  # version 15's
    conn.execute("ALTER TABLE agenda_item DROP COLUMN welsh_title")  # version 16's
    for table in ("meeting_lease", "conflict_copy", "person_proposal", "checkout"):
        conn.execute(f"DROP TABLE {table}")  # version 18's
    conn.execute("PRAGMA user_version = 9")
    conn.close()


@pytest.mark.sqlite_only
def test_a_schema_9_database_seals_its_approved_meetings_on_upgrade(
    desk: Desk, demo_ids: list[int]
) -> None:
    first, second = demo_ids
    approved(desk, first)
    meeting_edits.edit_meeting(
        desk,
        first,
        venue="Council Chamber",
        correction=Correction("Venue misrecorded", made_by="Elaine Manzi"),
    )
    path = desk.db.path
    desk.db.dispose()
    as_schema_9(path)
    upgraded = Desk(open_database(path))
    try:
        record = records_io.get_record(upgraded, first)
        assert record.status is MeetingStatus.APPROVED
        assert record.seal == next_seal(None, record)  # sealed as it stood
        assert records_io.get_record(upgraded, second).seal is None  # not approved
        data = records_io.dump_meeting(upgraded, first)
        copy = load_text(upgraded, data, as_new_copy=True)
        assert records_io.dump_meeting(upgraded, copy) == data
        meeting_edits.edit_meeting(
            upgraded,
            first,
            venue="Room B",
            correction=Correction("Still wrong", made_by="Elaine Manzi"),
        )
        load_text(upgraded, records_io.dump_meeting(upgraded, first), as_new_copy=True)
        data["items"][2]["recommendations"][0]["vote"]["counts"][0]["value"] = 7
        with pytest.raises(InvalidRecordError, match="changed after approval"):
            load_text(upgraded, data, as_new_copy=True)
    finally:
        upgraded.db.dispose()

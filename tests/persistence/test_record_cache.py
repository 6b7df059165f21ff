"""The meeting records kept in memory between actions (record_cache.py,
record_patch.py): always the same as a full read of the file."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from clerkdesk.domain.model import AttendanceStatus, VoteOption
from clerkdesk.persistence import record_cache
from clerkdesk.persistence.database import Database, open_database
from clerkdesk.persistence.record_patch import patch_fields
from clerkdesk.persistence.records import (
    RECORD_TABLES,
    SECTIONS,
    driver_cursor,
    load_record,
    read_sections,
    read_whole_record,
)
from clerkdesk.services import attendance, minutes, votes
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.services.records_io import get_record


@pytest.fixture
def meeting(desk: Desk) -> int:
    """The demo's agenda for 30 January, with every member marked present."""
    _january_10, january_30 = create_demo(desk)
    for attendee in get_record(desk, january_30).attendees:
        attendance.mark_attendance(desk, january_30, attendee.person_id, AttendanceStatus.PRESENT)
    return january_30


def _whole(db: Database, meeting_id: int):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return read_whole_record(session, meeting_id)


def test_every_table_a_record_is_read_from_has_a_counter_and_its_triggers(
    database: Database,
) -> None:
    with database.session() as session:
        cursor = driver_cursor(session)
        counted = {row[0] for row in cursor.execute("SELECT tbl FROM change_counter")}
        triggers = {
            row[0] for row in cursor.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    assert counted == RECORD_TABLES
    for table in RECORD_TABLES:
        for op in ("insert", "update", "delete"):
            assert f"count_{table}_{op}" in triggers


def test_a_record_read_twice_is_kept_and_one_changed_section_is_read_again(
    desk: Desk, meeting: int
) -> None:
    desk.db.records.verify = False  # counted reads only: the check would read too
    first = get_record(desk, meeting)
    stats = desk.db.records.stats
    kept, partial = stats.kept, stats.partial
    assert get_record(desk, meeting) is first
    assert stats.kept == kept + 1
    with sqlite3.connect(desk.db.path) as other:  # another program changes the venue
        other.execute("UPDATE meeting SET venue = 'Room 2' WHERE id = ?", (meeting,))
    changed = get_record(desk, meeting)
    assert stats.partial == partial + 1
    assert changed.venue == "Room 2"
    assert changed.attendees is first.attendees  # sections whose tables did not change are reused
    assert changed == _whole(desk.db, meeting)


def test_nothing_a_rolled_back_transaction_read_survives_it(desk: Desk, meeting: int) -> None:
    """The hazard the design guards against: a rolled-back transaction leaves the
    counters where a later one takes them again, with different rows."""
    desk.db.records.verify = False
    record = get_record(desk, meeting)
    first, second = (a.person_id for a in record.attendees[:2])
    set_absent = "UPDATE attendee SET status = 'absent' WHERE meeting_id = ? AND person_id = ?"
    with pytest.raises(RuntimeError), desk.db.transaction() as transaction:
        driver_cursor(transaction).execute(set_absent, (meeting, first))
        assert load_record(transaction, meeting).attendee(first).status.value == "absent"  # type: ignore[union-attr]
        raise RuntimeError("the action failed")
    with desk.db.session() as session:  # the same counter value, another member
        driver_cursor(session).execute(set_absent, (meeting, second))
    after = get_record(desk, meeting)
    assert after.attendee(first).status is AttendanceStatus.PRESENT  # type: ignore[union-attr]
    assert after.attendee(second).status is AttendanceStatus.ABSENT  # type: ignore[union-attr]
    assert after == _whole(desk.db, meeting)


def test_an_actions_own_writes_are_applied_in_memory_not_read_back(
    desk: Desk, meeting: int
) -> None:
    desk.db.records.verify = False
    record = get_record(desk, meeting)
    member = record.attendees[0].person_id
    stats = desk.db.records.stats
    whole, partial, patched = stats.whole, stats.partial, stats.patched
    attendance.record_arrival(desk, meeting, member, dt.time(10, 20), record.items[1].id)
    minutes.add_paragraph(desk, meeting, record.items[1].id, "The Chairman welcomed members.")
    rec = record.recommendations[0]
    votes.record_named_vote(desk, meeting, rec.id, {member: VoteOption.NO})
    assert stats.patched > patched
    assert (stats.whole, stats.partial) == (whole, partial)  # nothing read from the file again
    assert get_record(desk, meeting) == _whole(desk.db, meeting)


def test_a_record_read_again_in_the_same_transaction_is_reused_only_if_nothing_was_written(
    desk: Desk, meeting: int
) -> None:
    """The re-check after an attendance change reuses the record the action has
    just patched; a write the patches did not see makes it read the file."""
    desk.db.records.verify = False
    get_record(desk, meeting)
    stats = desk.db.records.stats
    with desk.db.transaction() as transaction:
        first = load_record(transaction, meeting)
        unchanged = stats.unchanged
        assert load_record(transaction, meeting) is first
        assert stats.unchanged == unchanged + 1
        # A write beside the patches (a service's own SQL, or an ORM flush).
        cursor = driver_cursor(transaction)
        cursor.execute("UPDATE meeting SET venue = 'Room 9' WHERE id = ?", (meeting,))
        again = load_record(transaction, meeting)
        assert stats.unchanged == unchanged + 1
        assert again.venue == "Room 9"
        assert again == read_whole_record(transaction, meeting)


def test_a_patch_on_a_record_not_checked_in_this_transaction_is_checked_at_the_next_read(
    desk: Desk, meeting: int
) -> None:
    """A minute added without reading the record first patches the record kept
    from an earlier transaction, which another program may since have changed:
    that patched record is not trusted as exact until the counters are read."""
    desk.db.records.verify = False
    record = get_record(desk, meeting)
    with sqlite3.connect(desk.db.path) as other:
        other.execute("UPDATE meeting SET venue = 'Room 3' WHERE id = ?", (meeting,))
    stats = desk.db.records.stats
    unchanged = stats.unchanged
    with desk.db.transaction() as transaction:
        from clerkdesk.services.context import ActionScope

        scope = ActionScope(transaction, meeting, "note", [])
        scope.rows.insert(
            "minute_paragraph",
            {"item_id": record.items[0].id, "position": 99, "text": "Noted."},
        )
        seen = load_record(transaction, meeting)
        assert stats.unchanged == unchanged
        assert seen.venue == "Room 3"
        assert seen == read_whole_record(transaction, meeting)


def test_a_paragraph_removed_is_found_where_the_query_puts_it(desk: Desk, meeting: int) -> None:
    connection, fields = _fields(desk, meeting)
    items = [item.id for item in fields["items"]]  # type: ignore[attr-defined]
    rows = [
        {"id": 60 + n, "item_id": items[n % 2], "position": n // 2, "text": f"Minute {n}."}
        for n in range(6)
    ]
    cursor = connection.cursor()
    for row in rows:
        patched = patch_fields(cursor, fields, "minute_paragraph", "insert", None, row)
        assert patched is not None
        fields = patched
    removed = patch_fields(cursor, fields, "minute_paragraph", "delete", rows[3], None)
    assert removed is not None
    assert [p.id for p in removed["paragraphs"]] == [60, 62, 64, 61, 65]  # type: ignore[attr-defined]
    moved = {**rows[0], "position": 7}
    assert patch_fields(cursor, removed, "minute_paragraph", "update", rows[3], moved) is None
    connection.close()


def test_the_check_against_the_file_catches_a_record_that_drifted(
    desk: Desk, meeting: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CLERKDESK_VERIFY_RECORDS, on for the whole suite, really would fail a test."""
    desk.db.records.verify = True
    record = get_record(desk, meeting)
    member = record.attendees[0].person_id

    def wrong(*args: object) -> object:
        fields = patch_fields(*args)  # type: ignore[arg-type]
        if fields is None:
            return None
        return {**fields, "venue": "Nowhere"}

    monkeypatch.setattr(record_cache, "patch_fields", wrong)
    with pytest.raises(AssertionError, match="differs from the database"):
        attendance.mark_attendance(desk, meeting, member, AttendanceStatus.APOLOGIES)
    assert get_record(desk, meeting).attendee(member).status is AttendanceStatus.PRESENT  # type: ignore[union-attr]


def test_kept_records_are_bounded(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_cache, "KEPT_MEETINGS", 1)
    first, second = create_demo(desk)
    get_record(desk, first)
    get_record(desk, second)
    assert list(desk.db.records._kept) == [second]


def test_a_closed_database_forgets_its_records(db_path: Path) -> None:
    db = open_database(db_path, create=True)
    meeting = create_demo(Desk(db))[1]
    get_record(Desk(db), meeting)
    records = db.records
    db.dispose()
    assert not records._kept


# The patches on their own: each refuses what it cannot reproduce exactly.


def _fields(desk: Desk, meeting: int) -> tuple[sqlite3.Connection, dict[str, object]]:
    connection = sqlite3.connect(desk.db.path)
    connection.row_factory = sqlite3.Row
    return connection, read_sections(connection.cursor(), meeting, SECTIONS)


def test_an_attendee_change_that_moves_the_row_is_left_to_a_read(desk: Desk, meeting: int) -> None:
    connection, fields = _fields(desk, meeting)
    row = dict(
        connection.execute("SELECT * FROM attendee WHERE meeting_id = ?", (meeting,)).fetchone()
    )
    cursor = connection.cursor()
    later = {**row, "arrived_at": "10:05:00"}
    patched = patch_fields(cursor, fields, "attendee", "update", row, later)
    assert patched is not None
    assert patched["attendees"][0].arrived_at == dt.time(10, 5)  # type: ignore[index]
    for column in ("person_id", "substitute_for_id", "position", "meeting_id"):
        moved = {**row, column: 999}
        assert patch_fields(cursor, fields, "attendee", "update", row, moved) is None
    assert patch_fields(cursor, fields, "attendee", "insert", None, row) is None
    connection.close()


def test_a_paragraph_of_another_meeting_is_left_to_a_read(desk: Desk, meeting: int) -> None:
    connection, fields = _fields(desk, meeting)
    other_item = connection.execute(
        "SELECT id FROM agenda_item WHERE meeting_id != ?", (meeting,)
    ).fetchone()[0]
    paragraph = {"id": 10_000, "item_id": other_item, "position": 0, "text": "Elsewhere."}
    assert (
        patch_fields(connection.cursor(), fields, "minute_paragraph", "insert", None, paragraph)
        is None
    )
    connection.close()


def test_a_paragraph_goes_where_the_query_would_put_it(desk: Desk, meeting: int) -> None:
    connection, fields = _fields(desk, meeting)
    items = [item.id for item in fields["items"]]  # type: ignore[attr-defined]
    first = {"id": 50, "item_id": items[1], "position": 1, "text": "Second."}
    second = {"id": 51, "item_id": items[1], "position": 0, "text": "First."}
    third = {"id": 52, "item_id": items[0], "position": 0, "text": "Earlier item."}
    cursor = connection.cursor()
    for row in (first, second, third):
        patched = patch_fields(cursor, fields, "minute_paragraph", "insert", None, row)
        assert patched is not None
        fields = patched
    assert [p.id for p in fields["paragraphs"]] == [52, 51, 50]  # type: ignore[attr-defined]
    connection.close()


def test_a_decision_deleted_with_its_named_votes_still_there_is_left_to_a_read(
    desk: Desk, meeting: int
) -> None:
    record = get_record(desk, meeting)
    rec = record.recommendations[0]
    votes.record_named_vote(desk, meeting, rec.id, {})
    connection, fields = _fields(desk, meeting)
    decision = dict(
        connection.execute("SELECT * FROM decision WHERE meeting_id = ?", (meeting,)).fetchone()
    )
    assert fields["decisions"][0].named  # type: ignore[index]
    assert patch_fields(connection.cursor(), fields, "decision", "delete", decision, None) is None
    emptied = {**fields, "decisions": (replace(fields["decisions"][0], named=()),)}  # type: ignore[index]
    assert patch_fields(connection.cursor(), emptied, "decision", "delete", decision, None) == {
        **fields,
        "decisions": (),
    }
    connection.close()


def test_an_action_whose_orm_flush_failed_records_nothing_even_if_handled(
    desk: Desk, meeting: int
) -> None:
    """A failed flush rolls the whole transaction back; a plain write after it
    must not commit on its own, nor anything read in it be kept."""
    from sqlalchemy.exc import IntegrityError

    from clerkdesk.persistence.errors import TransactionEndedError
    from clerkdesk.persistence.schema import OrganisationRow
    from clerkdesk.services.context import meeting_action

    desk.db.records.verify = False
    record = get_record(desk, meeting)
    first, second = (a.person_id for a in record.attendees[:2])
    with pytest.raises(TransactionEndedError), meeting_action(desk, meeting, "x") as scope:
        first_row = scope.rows.value(
            "SELECT id FROM attendee WHERE meeting_id = ? AND person_id = ?", meeting, first
        )
        scope.rows.update("attendee", first_row, {"status": "absent"})
        assert scope.record.attendee(first).status is AttendanceStatus.ABSENT  # type: ignore[union-attr]
        scope.session.add(OrganisationRow(name=scope.session.query(OrganisationRow).first().name))  # type: ignore[union-attr]
        with pytest.raises(IntegrityError):
            scope.session.flush()
        scope.rows.insert(
            "minute_paragraph", {"item_id": record.items[0].id, "position": 99, "text": "Half."}
        )
    attendance.mark_attendance(desk, meeting, second, AttendanceStatus.ABSENT)
    after = get_record(desk, meeting)
    assert after.attendee(first).status is AttendanceStatus.PRESENT  # type: ignore[union-attr]
    assert after.attendee(second).status is AttendanceStatus.ABSENT  # type: ignore[union-attr]
    assert all(p.text != "Half." for p in after.paragraphs)
    assert after == _whole(desk.db, meeting)


def test_the_check_against_the_file_also_compares_types(
    desk: Desk, meeting: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'present' == AttendanceStatus.PRESENT, but the rules compare with `is`."""
    desk.db.records.verify = True
    record = get_record(desk, meeting)
    member = record.attendees[0].person_id

    def as_text(*args: object) -> object:
        fields = patch_fields(*args)  # type: ignore[arg-type]
        if fields is None:
            return None
        attendees = tuple(
            replace(a, status=a.status.value) if a.person_id == member else a  # type: ignore[arg-type]
            for a in fields["attendees"]
        )
        return {**fields, "attendees": attendees}

    monkeypatch.setattr(record_cache, "patch_fields", as_text)
    with pytest.raises(AssertionError, match="differs from the database"):
        attendance.mark_attendance(desk, meeting, member, AttendanceStatus.APOLOGIES)

"""Plain-SQL writes (row_writer.py) store and capture exactly what the ORM would."""

from __future__ import annotations

import datetime as dt

import pytest

from clerkdesk.domain.model import AttendanceStatus, Tally
from clerkdesk.persistence.journal import CAPTURE_KEY, RowChange
from clerkdesk.persistence.records import driver_cursor
from clerkdesk.persistence.row_writer import RowWriter
from clerkdesk.persistence.schema import AttendeeRow, DecisionRow
from clerkdesk.services import attendance, minutes, undo, votes
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.services.records_io import get_record


@pytest.fixture
def meeting(desk: Desk) -> int:
    return create_demo(desk)[1]


def test_values_are_stored_in_the_orms_own_formats(desk: Desk, meeting: int) -> None:
    record = get_record(desk, meeting)
    by_orm, by_sql = (r.id for r in record.recommendations[:2])
    values = {
        "meeting_id": meeting,
        "outcome": "carried",
        "yes": 7,
        "no": 2,
        "abstain": 1,
        "taken_at": dt.time(10, 42),
    }
    with desk.db.session() as session:
        session.add(DecisionRow(recommendation_id=by_orm, **values))
        session.flush()
        RowWriter(driver_cursor(session), []).insert(
            "decision", {"recommendation_id": by_sql, **values}
        )
        stored = driver_cursor(session).execute(
            "SELECT recommendation_id, taken_at, typeof(taken_at), yes, typeof(yes)"
            " FROM decision WHERE meeting_id = ? ORDER BY id",
            (meeting,),
        )
        orm_row, sql_row = (tuple(row)[1:] for row in stored)
    assert orm_row == sql_row == ("10:42:00.000000", "text", 7, "integer")


def test_an_update_is_captured_as_the_orm_flush_captures_it(desk: Desk, meeting: int) -> None:
    first, second = (a.person_id for a in get_record(desk, meeting).attendees[:2])
    by_orm: list[RowChange] = []
    by_sql: list[RowChange] = []
    with desk.db.session() as session:
        session.info[CAPTURE_KEY] = by_orm
        row = session.query(AttendeeRow).filter_by(meeting_id=meeting, person_id=first).one()
        row.status = AttendanceStatus.PRESENT.value
        row.arrived_at = dt.time(10, 5)
        session.flush()
        session.info.pop(CAPTURE_KEY)
        other = session.query(AttendeeRow).filter_by(meeting_id=meeting, person_id=second).one()
        RowWriter(driver_cursor(session), by_sql).update(
            "attendee",
            other.id,
            {"status": AttendanceStatus.PRESENT.value, "arrived_at": dt.time(10, 5)},
        )
    assert [(c.op, c.table, c.before, c.after) for c in by_orm] == [
        (c.op, c.table, c.before, c.after) for c in by_sql
    ]
    assert by_sql[0].after == {"status": "present", "arrived_at": "10:05:00"}


def test_an_update_by_key_finds_reads_and_captures_the_row_in_one_statement(
    desk: Desk, meeting: int
) -> None:
    person = get_record(desk, meeting).attendees[0].person_id
    by_id: list[RowChange] = []
    by_key: list[RowChange] = []
    values = {"status": AttendanceStatus.PRESENT.value, "arrived_at": dt.time(10, 5)}
    with desk.db.session() as session:
        cursor = driver_cursor(session)
        row_id = cursor.execute(
            "SELECT id FROM attendee WHERE meeting_id = ? AND person_id = ?", (meeting, person)
        ).fetchone()[0]
        key = {"meeting_id": meeting, "person_id": person}
        assert RowWriter(cursor, by_key).update_where("attendee", key, values) is True
        cursor.execute(
            "UPDATE attendee SET status = 'absent', arrived_at = NULL WHERE id = ?", (row_id,)
        )
        assert RowWriter(cursor, by_id).update("attendee", row_id, values) is True
        missing = {"meeting_id": meeting, "person_id": 987_654}
        assert RowWriter(cursor, []).update_where("attendee", missing, values) is None
        with pytest.raises(ValueError, match="no column"):
            RowWriter(cursor, []).update_where("attendee", {"1 = 1 OR id": 1}, values)
    assert [(c.pk, c.after) for c in by_key] == [(row_id, by_id[0].after)]
    assert by_key[0].before is not None and by_key[0].before["arrived_at"] is None


def test_an_update_that_changes_nothing_writes_nothing(desk: Desk, meeting: int) -> None:
    changes: list[RowChange] = []
    with desk.db.session() as session:
        cursor = driver_cursor(session)
        attendee_id, status = cursor.execute(
            "SELECT id, status FROM attendee WHERE meeting_id = ?", (meeting,)
        ).fetchone()
        counter = "SELECT n FROM change_counter WHERE tbl = 'attendee'"
        before = cursor.execute(counter).fetchone()[0]
        written = RowWriter(cursor, changes).update("attendee", attendee_id, {"status": status})
        assert cursor.execute(counter).fetchone()[0] == before
    assert not written and changes == []


def test_a_table_or_column_that_is_not_there_is_refused(desk: Desk) -> None:
    with desk.db.session() as session:
        writer = RowWriter(driver_cursor(session), [])
        with pytest.raises(ValueError, match="no table"):
            writer.insert("minutes; DROP TABLE meeting", {"text": "x"})
        with pytest.raises(ValueError, match="no column"):
            writer.next_position("minute_paragraph", "item_id = 1 OR 1", 1)


def test_actions_written_with_plain_sql_undo_and_redo_exactly(desk: Desk, meeting: int) -> None:
    record = get_record(desk, meeting)
    for attendee in record.attendees:
        attendance.mark_attendance(desk, meeting, attendee.person_id, AttendanceStatus.PRESENT)
    member, item, rec = record.attendees[0].person_id, record.items[1].id, record.recommendations[0]
    steps = [
        lambda: attendance.record_arrival(desk, meeting, member, dt.time(10, 15), item),
        lambda: attendance.record_departure(desk, meeting, member, dt.time(11, 30), item),
        lambda: minutes.add_paragraph(desk, meeting, item, "Members asked about the costs."),
        lambda: votes.record_vote(desk, meeting, recommendation_id=rec.id, tally=Tally(5, 1, 0)),
        lambda: votes.record_vote(desk, meeting, recommendation_id=rec.id, tally=Tally(6, 0, 0)),
        lambda: votes.clear_vote(desk, meeting, recommendation_id=rec.id),
    ]
    states = [get_record(desk, meeting)]
    for step in steps:
        step()
        states.append(get_record(desk, meeting))
    for expected in reversed(states[:-1]):
        undo.undo(desk, meeting)
        assert get_record(desk, meeting) == expected
    for expected in states[1:]:
        undo.redo(desk, meeting)
        assert get_record(desk, meeting) == expected


def test_orm_and_plain_writes_in_one_action_are_captured_in_the_order_made(
    desk: Desk, meeting: int
) -> None:
    from clerkdesk.services.context import meeting_action

    before = get_record(desk, meeting)
    member = before.attendees[0].person_id
    with meeting_action(desk, meeting, "mixed") as scope:
        row = scope.session.query(AttendeeRow).filter_by(meeting_id=meeting, person_id=member).one()
        row.status = AttendanceStatus.PRESENT.value  # by the ORM, not yet flushed
        scope.rows.update("attendee", row.id, {"arrived_at": dt.time(10, 30)})
        assert row.arrived_at == dt.time(10, 30)  # the ORM sees the plain write
        row.arrived_at = dt.time(10, 45)  # and captures the right "before" for it
    after = get_record(desk, meeting).attendee(member)
    assert after is not None and after.arrived_at == dt.time(10, 45)
    undo.undo(desk, meeting)
    assert get_record(desk, meeting) == before

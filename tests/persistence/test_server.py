"""A ClerkDesk database on a real PostgreSQL server (tests/postgres_server.py)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, delete, insert, text, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.sql.expression import Executable

from clerkdesk.domain.model import AttendanceStatus
from clerkdesk.persistence.database import Database, open_database
from clerkdesk.persistence.entities import Entity
from clerkdesk.persistence.errors import DatabaseBusyError, DatabaseError
from clerkdesk.persistence.schema import AuditRow, CorrectionRow, MeetingRow
from clerkdesk.persistence.server import SERVER_LATEST_VERSION
from clerkdesk.services import attendance
from clerkdesk.services.context import Desk, meeting_action
from clerkdesk.services.demo import create_demo
from clerkdesk.services.records_io import get_record
from tests.postgres_server import PostgresServer


def _empty_database(postgres: PostgresServer, name: str) -> str:
    engine = create_engine(postgres.location("postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return postgres.location(name)


def test_a_server_database_not_set_up_is_refused_with_what_to_do(
    postgres: PostgresServer,
) -> None:
    url = _empty_database(postgres, "not_set_up")
    with pytest.raises(DatabaseError, match=r"holds no ClerkDesk database.*setup"):
        open_database(url)
    db = open_database(url, create=True)
    try:
        assert db.schema_version() == SERVER_LATEST_VERSION
        assert not db.on_file
    finally:
        db.dispose()
    open_database(url).dispose()  # set up once, it opens as it is


def test_tables_that_are_not_clerkdesks_are_never_written_into(postgres: PostgresServer) -> None:
    url = _empty_database(postgres, "someone_elses")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE payroll (id integer)"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="not ClerkDesk's"):
        open_database(url, create=True)


def test_an_unreachable_server_is_said_in_a_message_without_its_password(tmp_path: Path) -> None:
    url = f"postgresql://clerk:s3cret@/clerkdesk?host={tmp_path}"  # no server listens there
    started = time.monotonic()
    with pytest.raises(DatabaseBusyError) as refused:
        open_database(url)
    assert time.monotonic() - started < 15
    assert "cannot be reached" in refused.value.message
    assert "s3cret" not in refused.value.message


def _refused(desk: Desk, statement: Executable, reason: str) -> None:
    engine = desk.db.engine
    with pytest.raises(sa_exc.DBAPIError, match=reason), engine.begin() as connection:
        connection.execute(statement)


@pytest.mark.parametrize("db_location", ["postgresql"], indirect=True)
def test_the_audit_trail_corrections_and_seals_are_guarded_on_the_server_too(
    desk: Desk, demo_ids: list[int], db_location: str
) -> None:
    record = get_record(desk, demo_ids[1])
    attendance.mark_attendance(
        desk, demo_ids[1], record.attendees[0].person_id, AttendanceStatus.PRESENT
    )
    _refused(desk, update(AuditRow).values(clerk="someone else"), "append-only")
    with desk.db.engine.begin() as connection:
        connection.execute(
            insert(CorrectionRow).values(
                meeting_id=demo_ids[1],
                made_at=dt.datetime(2024, 2, 1, 10, 0),
                made_by="A Clerk",
                reason="typing error",
                summary="s",
                changes="[]",
            )
        )
    for change in (update(CorrectionRow).values(reason="x"), delete(CorrectionRow)):
        _refused(desk, change, "append-only")
    with desk.db.engine.begin() as connection:
        connection.execute(update(MeetingRow).where(MeetingRow.id == demo_ids[1]).values(seal="a"))
    resealed = update(MeetingRow).where(MeetingRow.id == demo_ids[1]).values(seal="b")
    _refused(desk, resealed, "seal of approved minutes never changes")


@pytest.mark.parametrize("db_location", ["postgresql"], indirect=True)
def test_two_clerks_acting_on_one_meeting_at_once_each_see_the_others_action(
    db_location: str,
) -> None:
    """The unit of work holds the meeting's row: the second action waits for
    the first to commit and is then checked against the record it left."""
    first = open_database(db_location, create=True)
    second = open_database(db_location)
    try:
        desk_a, desk_b = Desk(first, "clerk a"), Desk(second, "clerk b")
        meeting = create_demo(desk_a)[1]
        record = get_record(desk_a, meeting)
        one, two = (a.person_id for a in record.attendees[:2])
        holding = threading.Event()
        release = threading.Event()
        waited: list[float] = []

        def slow_action() -> None:
            with meeting_action(desk_a, meeting, "slow") as work:
                work.change(
                    Entity.ATTENDEE,
                    {"meeting_id": meeting, "person_id": one},
                    status=AttendanceStatus.APOLOGIES.value,
                )
                holding.set()
                release.wait(10)

        thread = threading.Thread(target=slow_action)
        thread.start()
        assert holding.wait(10)
        timer = threading.Timer(0.5, release.set)
        timer.start()
        started = time.monotonic()
        attendance.mark_attendance(desk_b, meeting, two, AttendanceStatus.APOLOGIES)
        waited.append(time.monotonic() - started)
        thread.join(10)
        assert waited[0] >= 0.4  # it waited for the first clerk's commit
        after = get_record(desk_b, meeting)
        assert after.attendee(one).status is AttendanceStatus.APOLOGIES
        assert after.attendee(two).status is AttendanceStatus.APOLOGIES
    finally:
        first.dispose()
        second.dispose()


@pytest.mark.parametrize("db_location", ["postgresql"], indirect=True)
def test_a_connection_whose_network_goes_silent_is_given_up_within_seconds(
    database: Database,
) -> None:
    """Not only connecting: an open connection probes a silent network (TCP
    keepalives) and gives up after about ten seconds, for a message, not a hang."""
    with database.engine.connect() as connection:
        settings = dict(
            part.split("=", 1) for part in connection.connection.driver_connection.info.dsn.split()
        )
    assert settings["connect_timeout"] == "10"
    assert settings["keepalives"] == "1"
    idle, interval, count = (
        int(settings[k]) for k in ("keepalives_idle", "keepalives_interval", "keepalives_count")
    )
    assert idle + interval * count <= 12

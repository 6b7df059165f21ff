import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import insert, inspect, text
from sqlalchemy.exc import IntegrityError

from clerkdesk.domain.model import AttendanceStatus
from clerkdesk.persistence.database import WAL_CHECKPOINT_PAGES, Database, open_database
from clerkdesk.persistence.errors import DatabaseError, TransactionEndedError
from clerkdesk.persistence.migrations import (
    LATEST_VERSION,
    migration_sql,
    split_statements,
    upgrade,
)
from clerkdesk.persistence.schema import Base, OrganisationRow
from clerkdesk.persistence.server import SEARCH_COLUMN
from clerkdesk.services import attendance, minutes
from clerkdesk.services.context import Desk
from clerkdesk.services.records_io import get_record


@pytest.mark.sqlite_only
def test_every_connection_is_durable(database: Database) -> None:
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == WAL_CHECKPOINT_PAGES


def test_write_transactions_take_the_lock_at_the_start(database: Database, db_path: Path) -> None:
    with database.session() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(db_path, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_a_transaction_takes_the_lock_at_the_start_too(database: Database, db_path: Path) -> None:
    with database.transaction():
        other = sqlite3.connect(db_path, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_a_failed_transaction_leaves_none_of_its_writes(database: Database, db_path: Path) -> None:
    with pytest.raises(RuntimeError), database.transaction() as transaction:
        transaction.connection().execute(insert(OrganisationRow).values(name="Core Council"))
        transaction.connection().exec_driver_sql(
            "INSERT INTO organisation (name) VALUES ('Plain District Council')"
        )
        raise RuntimeError("the action failed")
    with database.transaction() as transaction:
        transaction.connection().execute(
            insert(OrganisationRow).values(name="Kept Borough Council")
        )
    with sqlite3.connect(db_path) as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM organisation")]
    assert names == ["Kept Borough Council"]


def test_orm_mappings_match_the_migrated_schema(database: Database) -> None:
    inspector = inspect(database.engine)
    for table in Base.metadata.sorted_tables:
        # besides a server's stored search words (server.py)
        columns = {c["name"] for c in inspector.get_columns(table.name)} - {SEARCH_COLUMN}
        assert columns == set(table.columns.keys()), table.name


def test_new_database_is_at_the_latest_version(database: Database, db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


def make_version_1(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in split_statements(migration_sql(1)):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO organisation (id, name) VALUES (1, 'Old Council')")
    conn.execute(
        "INSERT INTO committee (id, organisation_id, name, quorum) VALUES (1, 1, 'Old', 3)"
    )
    conn.execute(
        "INSERT INTO meeting (id, committee_id, date, status) VALUES (1, 1, '2017-11-14', 'closed')"
    )
    conn.execute(
        "INSERT INTO agenda_item (id, meeting_id, position, number, title, part) "
        "VALUES (1, 1, 0, '1', 'Budget monitoring', 1)"
    )
    conn.close()


def test_version_1_database_is_backed_up_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_version_1(path)
    db = open_database(path)
    with db.session() as session:
        assert session.execute(text("SELECT count(*) FROM export_log")).scalar() == 0
        hits = session.execute(
            text("SELECT item_id FROM search_index WHERE search_index MATCH 'budget'")
        ).all()
        assert hits == [(1,)]
    db.dispose()
    backups = list((tmp_path / "old.db.backups").glob("*.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT title FROM agenda_item").fetchone()[0] == "Budget monitoring"


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(DatabaseError, match="newer version of ClerkDesk"):
        open_database(path)


def test_damaged_file_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError, match="damaged"):
        open_database(path)


def test_audit_trail_is_append_only(database: Database) -> None:
    with database.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO audit (at, clerk, action, detail) VALUES ('2025-01-01', 'c', 'a', '')"
        )
    for statement in ("UPDATE audit SET clerk = 'x'", "DELETE FROM audit"):
        with pytest.raises(DatabaseError, match="append-only"), database.session() as session:
            session.execute(text(statement))


def test_a_flush_failure_handled_inside_a_session_does_not_pass_for_a_commit(
    database: Database, db_path: Path
) -> None:
    with database.session() as session:
        session.add(OrganisationRow(name="Only Council"))
    ended = pytest.raises(TransactionEndedError, match="Nothing of the action was saved")
    with ended, database.session() as session:
        session.add(OrganisationRow(name="Only Council"))  # breaks the unique name
        with pytest.raises(IntegrityError):
            session.flush()


def test_upgrading_keeps_the_title_each_meetings_minutes_show(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_version_1(path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO person (id, name, kind, title) "
            "VALUES (7, 'Helen Maneuf', 'officer', 'Assistant Director')"
        )
        conn.execute(
            "INSERT INTO attendee (meeting_id, person_id, capacity, role, voting, status, position)"
            " VALUES (1, 7, 'officer', 'member', 0, 'present', 0)"
        )
    db = open_database(path)
    try:
        with db.session() as session:
            titles = session.execute(text("SELECT person_id, title FROM attendee")).all()
        assert [tuple(row) for row in titles] == [(7, "Assistant Director")]
    finally:
        db.dispose()


def test_upgraded_meetings_keep_calling_the_chair_chairman(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_version_1(path)
    db = open_database(path)
    try:
        with db.session() as session:
            styles = session.execute(text("SELECT chair_style FROM meeting")).scalars().all()
        assert styles == ["Chairman"]
    finally:
        db.dispose()


def test_orm_indexes_match_the_migrated_schema(database: Database) -> None:
    """The mappings declare the indexes the migrations made, no more, no fewer
    (the audit trail has none on meeting_id since version 6). A server has its
    text-search indexes besides (server.py), where a file has its FTS5 table."""
    inspector = inspect(database.engine)
    for table in Base.metadata.sorted_tables:
        migrated = {
            i["name"]
            for i in inspector.get_indexes(table.name)
            # and not those a server makes for a unique constraint
            if not i["name"].startswith("search_") and "duplicates_constraint" not in i
        }
        declared = {index.name for index in table.indexes}
        assert migrated == declared, table.name
    assert "ix_audit_meeting_id" not in {i["name"] for i in inspector.get_indexes("audit")}


@pytest.mark.sqlite_only
def test_a_transaction_left_open_on_the_kept_connection_does_not_block_the_next(
    database: Database,
) -> None:
    """If ending a transaction ever failed half-way, the recording connection
    would hold the write lock against every later action: it is ended first."""
    with database.transaction() as transaction:
        transaction.driver.execute("INSERT INTO organisation (name) VALUES ('Kept')")
    kept = transaction.driver
    kept.execute("BEGIN IMMEDIATE")  # as a failure in COMMIT or ROLLBACK could leave it
    kept.execute("INSERT INTO organisation (name) VALUES ('Never committed')")
    with database.transaction() as transaction:
        assert transaction.driver is kept
        names = [r[0] for r in transaction.driver.execute("SELECT name FROM organisation")]
    assert names == ["Kept"]


def test_a_transaction_begun_inside_another_waits_for_it_on_its_own_connection(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLERKDESK_BUSY_TIMEOUT_MS", "50")
    db = open_database(db_path, create=True)
    try:
        with db.transaction() as outer:
            with pytest.raises(DatabaseError, match="in use"), db.transaction():
                pass
            assert outer.driver.in_transaction  # the outer one is untouched
    finally:
        db.dispose()


def test_the_journal_and_audit_trail_keep_their_rows_and_guards_through_version_9(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v8.db"
    conn = sqlite3.connect(path, isolation_level=None)
    upgrade(conn, None, target=8)
    conn.execute("INSERT INTO organisation (id, name) VALUES (1, 'Old Council')")
    conn.execute("INSERT INTO committee (id, organisation_id, name, quorum) VALUES (1, 1, 'C', 3)")
    conn.execute(
        "INSERT INTO meeting (id, committee_id, date, status) VALUES (1, 1, '2024-01-02', 'draft')"
    )
    for n in (1, 2, 3):
        conn.execute(
            "INSERT INTO journal (meeting_id, label, changes, state, clerk, at)"
            " VALUES (1, ?, '[]', 'done', 'clerk', '2024-01-02 10:00:00.000000')",
            (f"action {n}",),
        )
        conn.execute(
            "INSERT INTO audit (meeting_id, at, clerk, action, detail)"
            " VALUES (1, '2024-01-02 10:00:00.000000', 'clerk', ?, '')",
            (f"action {n}",),
        )
    conn.close()
    open_database(path).dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        for table in ("journal", "audit"):
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
            assert "AUTOINCREMENT" not in sql[0]
        assert conn.execute("SELECT id, label FROM journal ORDER BY id").fetchall() == [
            (1, "action 1"),
            (2, "action 2"),
            (3, "action 3"),
        ]
        assert [r[0] for r in conn.execute("SELECT action FROM audit ORDER BY id")] == [
            "action 1",
            "action 2",
            "action 3",
        ]
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit SET clerk = 'someone else'")
        conn.execute(
            "INSERT INTO journal (meeting_id, label, changes, state, clerk, at)"
            " VALUES (1, 'next', '[]', 'done', 'clerk', '2024-01-02 10:00:00.000000')"
        )
        assert conn.execute("SELECT max(id) FROM journal").fetchone()[0] == 4


def test_schema_version_is_the_latest_step_and_needs_no_write_lock(tmp_path: Path) -> None:
    db = open_database(tmp_path / "c.db", create=True)
    try:
        with db.transaction():  # another action in progress holds the write lock
            assert db.schema_version() == LATEST_VERSION
    finally:
        db.dispose()


def test_a_schema_9_file_loses_its_change_counters_and_keeps_its_meeting(
    tmp_path: Path,
) -> None:
    """Migration 0017: backed up first, then the counters and their 45 triggers
    dropped in the same upgrade; the meeting reads and records as before."""
    path = tmp_path / "v9.db"
    conn = sqlite3.connect(path, isolation_level=None)
    upgrade(conn, None, target=9)
    assert conn.execute("SELECT count(*) FROM change_counter").fetchone()[0] == 15
    conn.executescript(
        "INSERT INTO organisation (id, name) VALUES (1, 'Old Council');"
        "INSERT INTO committee (id, organisation_id, name, quorum) VALUES (1, 1, 'Planning', 2);"
        "INSERT INTO person (id, name, kind) VALUES (1, 'Cllr A', 'councillor'),"
        " (2, 'Cllr B', 'councillor');"
        "INSERT INTO meeting (id, committee_id, date, status, quorum, chair_style)"
        " VALUES (1, 1, '2024-01-02', 'in-progress', 2, 'Chair');"
        "INSERT INTO attendee (meeting_id, person_id, capacity, role, voting, status, position)"
        " VALUES (1, 1, 'member', 'chair', 1, 'present', 0),"
        " (1, 2, 'member', 'member', 1, 'present', 1);"
        "INSERT INTO agenda_item (id, meeting_id, position, number, title, part)"
        " VALUES (1, 1, 0, '1', 'Budget', 1);"
        "INSERT INTO recommendation (id, item_id, position, text) VALUES (1, 1, 0, 'Agree');"
        "INSERT INTO decision (meeting_id, recommendation_id, outcome, yes, no, abstain)"
        " VALUES (1, 1, 'carried', 2, 0, 0);"
        "INSERT INTO minute_paragraph (item_id, position, text) VALUES (1, 0, 'Noted.');"
    )
    conn.close()
    db = open_database(path)
    try:
        desk = Desk(db, "Test Clerk")
        record = get_record(desk, 1)
        assert [d.outcome.value for d in record.decisions] == ["carried"]
        assert [p.text for p in record.paragraphs] == ["Noted."]
        attendance.mark_attendance(desk, 1, 2, AttendanceStatus.PRESENT)
        minutes.add_paragraph(desk, 1, 1, "Members agreed.")
        assert len(get_record(desk, 1).paragraphs) == 2
    finally:
        db.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert "change_counter" not in names
        assert not {name for name in names if name.startswith("count_")}
    backups = list((tmp_path / "v9.db.backups").glob("*-from-v9-*.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT count(*) FROM change_counter").fetchone()[0] == 15

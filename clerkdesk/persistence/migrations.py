"""The numbered migration ladder, kept in ``PRAGMA user_version``.

Each step is a frozen SQL file. A database from a newer ClerkDesk is refused;
an older one is backed up with SQLite's online backup API and then upgraded
in one transaction, so a failed upgrade leaves it exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from clerkdesk.persistence.errors import DatabaseError
from clerkdesk.private_files import create_private_file, make_private_folder

# Each step by the version it brings a file to. Versions are numbered across
# the branches of a round, so a branch's ladder may have gaps until they are
# merged; a file is taken through the steps it lacks in order.
MIGRATIONS: dict[int, str] = {
    1: "0001_initial.sql",
    2: "0002_export_log_and_search.sql",
    3: "0003_change_counters.sql",
    4: "0004_attendee_title.sql",
    5: "0005_chair_style.sql",
    6: "0006_audit_without_meeting_index.sql",
    7: "0007_minutes_indexed_after_the_action.sql",
    8: "0008_paragraphs_by_item_and_position.sql",
    9: "0009_journal_and_audit_without_autoincrement.sql",
    10: "0010_approval_seal.sql",
    11: "0011_export_certificate.sql",
    12: "0012_clerkdesk_mark_and_identity.sql",
    13: "0013_house_style_of_minutes.sql",
    14: "0014_agenda_changes_on_the_day.sql",
    15: "0015_attendance_notes.sql",
    16: "0016_agenda_item_welsh_title.sql",
    17: "0017_no_change_counters.sql",
    18: "0018_team_server.sql",
}
LATEST_VERSION = max(MIGRATIONS)
SEALS_VERSION = 10  # after its SQL, meetings approved before it are sealed
# The version from which a file carries ClerkDesk's application_id and its own
# identity token (identity.py).
MARKED_VERSION = 12
APPLICATION_ID = 0x434C4B44  # "CLKD", set by that migration


def migration_sql(version: int) -> str:
    """The SQL that takes a database from ``version - 1`` to ``version``."""
    from importlib import resources  # only when upgrading: slow to import at start-up

    name = MIGRATIONS[version]
    return (resources.files("clerkdesk.persistence") / "migrations" / name).read_text("utf-8")


def split_statements(script: str) -> list[str]:
    """Split a script into statements; trigger bodies keep their inner semicolons."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        if not current and (not line.strip() or line.lstrip().startswith("--")):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_before_migration(conn: sqlite3.Connection, db_path: Path, version: int) -> Path:
    folder = db_path.parent / f"{db_path.name}.backups"
    make_private_folder(folder)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-before-v{LATEST_VERSION}-from-v{version}-{stamp}.db"
    create_private_file(target)  # 0600 before SQLite writes a byte into it
    with sqlite3.connect(target) as copy:
        conn.backup(copy)
    copy.close()
    return target


def upgrade(conn: sqlite3.Connection, db_path: Path | None, target: int = LATEST_VERSION) -> int:
    """Bring the database up to ``target``; returns the version it started at.

    ``conn`` must be in autocommit mode (isolation_level None).
    """
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise DatabaseError(
            f"This database was written by a newer version of ClerkDesk (schema {current}; "
            f"this version understands up to {LATEST_VERSION}). Update ClerkDesk to open it."
        )
    if current >= target:
        return current
    if current > 0 and db_path is not None:
        backup_before_migration(conn, db_path, current)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in sorted(v for v in MIGRATIONS if current < v <= target):
            for statement in split_statements(migration_sql(version)):
                conn.execute(statement)
            if version == SEALS_VERSION:
                from clerkdesk.persistence.seals import seal_unsealed_approvals

                seal_unsealed_approvals(conn)  # needs Python: the seal is a digest of the record
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return current

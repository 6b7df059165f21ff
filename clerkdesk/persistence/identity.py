"""Is this file a ClerkDesk database this version can open? Decided without
changing it.

Opening a file with SQLite can change it: setting WAL mode rewrites its
header, a read can leave -wal and -shm files behind, and the migration ladder
would install ClerkDesk's tables in any SQLite file at version 0. So a file is
identified from its 100-byte header, read as plain bytes: ClerkDesk's
``application_id`` (migration 0012) and its ``user_version``. Files made
before that migration carry no application_id; for them the table names are
read with SQLite's ``immutable`` mode, which takes no locks and creates no
side files. A file that is not ClerkDesk's, or is from a newer version, is
refused before anything opens it. Standard library only.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from clerkdesk.persistence.errors import DatabaseError
from clerkdesk.persistence.migrations import APPLICATION_ID, LATEST_VERSION, MARKED_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every ClerkDesk database has had since version 1.
CLERKDESK_TABLES = frozenset(
    {"organisation", "committee", "meeting", "agenda_item", "journal", "audit"}
)


class NotClerkDeskError(DatabaseError):
    """The file is not a ClerkDesk database this version can open; it was not touched."""


def _refuse(path: Path, why: str) -> NotClerkDeskError:
    return NotClerkDeskError(
        f"{path} is not a ClerkDesk database: {why}. Nothing was changed. Check that "
        "you chose the right file, or restore a backup (`clerkdesk backups` lists them)."
    )


def _newer(path: Path, version: int) -> NotClerkDeskError:
    return NotClerkDeskError(
        f"{path} was written by a newer version of ClerkDesk (schema {version}; this "
        f"version understands up to {LATEST_VERSION}). Nothing was changed. Update "
        "ClerkDesk to open it."
    )


def _table_names(path: Path) -> set[str]:
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}


def foreign_program(path: Path) -> bool:
    """Whether ``path`` is a SQLite file marked as another program's."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    application_id = int.from_bytes(header[68:72], "big") if len(header) == 100 else 0
    return header[:16] == SQLITE_MAGIC and application_id not in (0, APPLICATION_ID)


def identify(path: Path) -> int:
    """The schema version of the ClerkDesk database at ``path`` (an existing,
    non-empty file); raises ``NotClerkDeskError`` for anything else."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise DatabaseError(
            f"The database file {path} cannot be read ({error.strerror})."
        ) from None
    if header[:16] != SQLITE_MAGIC:
        why = "its first bytes are not those of a database (another kind of file, or damaged)"
        raise _refuse(path, why)
    if len(header) < 100:
        raise _refuse(path, "it is cut short, smaller than a database header (damaged)")
    version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id == APPLICATION_ID:
        if version > LATEST_VERSION:
            raise _newer(path, version)
        return version
    if application_id != 0:
        raise _refuse(path, f"it belongs to another program (application id {application_id:#x})")
    if version == 0:
        raise _refuse(path, "it is a SQLite file without ClerkDesk's tables")
    if version > LATEST_VERSION:
        raise _refuse(
            path,
            f"its schema {version} is not one this version knows (from another program, or "
            "a newer version of ClerkDesk)",
        )
    if version >= MARKED_VERSION:
        raise _refuse(path, "it lacks ClerkDesk's mark (application id)")
    try:
        tables = _table_names(path)
    except sqlite3.Error as error:
        raise _refuse(path, f"SQLite cannot read its tables ({error})") from None
    if not tables >= CLERKDESK_TABLES:
        raise _refuse(path, "it is a SQLite file without ClerkDesk's tables")
    return version

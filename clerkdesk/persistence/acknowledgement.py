"""What the database has acknowledged while it records, kept where losing the
-wal file cannot take it away.

After each commit the highest audit id (every action writes one audit row,
and the audit trail is append-only) is written to the lock file with the
database's identity token (single_writer.py); opening compares it with the
file (opening.py), so a file that has lost acknowledged actions is noticed.

While recording, the -wal file is also checked after each commit: if it has
been removed (or replaced) at its path, SQLite goes on writing into the
removed file, which vanishes with the process. Then everything is folded into
the database file at once, the connections are closed so that new ones start
a new -wal, and the clerk is told.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from clerkdesk.persistence.single_writer import WriterLock


class Acknowledgement:
    def __init__(self, db_path: Path, lock: WriterLock, token: str | None, audit_id: int) -> None:
        self.db_path = db_path
        self.wal = Path(f"{db_path}-wal")
        self._lock = lock
        self._token = token
        self._audit_id = audit_id
        self._wal_seen: tuple[int, int] | None = None
        self._notice: str | None = None

    def after_commit(self, driver: sqlite3.Connection) -> bool:
        """Note the commit; True if the -wal was lost and the connections must be
        closed (the records are by then in the database file, if that could be done)."""
        if self._token is None or not self._lock.held:
            return False
        last = int(driver.execute("SELECT max(id) FROM audit").fetchone()[0] or 0)
        if last != self._audit_id:
            self._audit_id = last
            self._lock.acknowledge(self._token, last)
        try:
            found = os.stat(self.wal)
            seen: tuple[int, int] | None = (found.st_dev, found.st_ino)
        except OSError:
            seen = None
        if seen is not None and self._wal_seen in (None, seen):
            self._wal_seen = seen
            return False
        self._wal_seen = None
        self._notice = self._rescue(driver)
        return True

    def _rescue(self, driver: sqlite3.Connection) -> str:
        where = (
            f"The database's recent-changes file ({self.wal.name}) was removed while "
            "ClerkDesk was recording (by another program, such as a sync or clean-up tool)."
        )
        try:
            busy, frames, copied = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error:
            busy, frames, copied = 1, 1, 0
        if busy == 0 and frames == copied:
            return (
                f"{where} Everything recorded has now been written into {self.db_path.name}, "
                "and recording carries on. Keep the database's folder away from such programs."
            )
        return (
            f"{where} The latest records could not be written into {self.db_path.name}: "
            "record nothing more, close ClerkDesk, and restore the latest backup "
            "(`clerkdesk backups` lists them)."
        )

    def take_notice(self) -> str | None:
        notice, self._notice = self._notice, None
        return notice

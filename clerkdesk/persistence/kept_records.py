"""The meeting records an open database last read or wrote, kept between actions.

Why: on a 100-item, 60-member meeting, reading the record from the file was
the largest part of a key press after whole-record validation, and every
action read it twice (before its writes, for the domain's checks, and after,
to check every rule); the key press then missed one frame at p99
(docs/benchmarks.md). A record is kept together with the database's
high-water mark: the last audit entry's id. Every change to a meeting, by
any writer, goes through a transaction that appends one audit entry (the
unit of work, loading, importing, setting up), the audit trail is
append-only, and SQLite admits one writer at a time, so entry ids are
given in commit order: while the highest id is the one a record was kept
at, nothing has been written since, by this process or another. One query
(the index's last entry) decides; otherwise the record is read in full.

On PostgreSQL, sequence values are not given in commit order, so the mark
would have to be a per-meeting revision bumped under the meeting row's lock;
until then a database on a server keeps nothing (``enabled`` False).

The test suite compares every kept record it is handed with a full read
(CLERKDESK_VERIFY_RECORDS=1, set in tests/conftest.py).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict

from sqlalchemy import Connection, func, select

from clerkdesk.domain.model import MeetingRecord
from clerkdesk.persistence.schema import AuditRow

# The meetings a clerk moves between in one sitting.
KEPT_MEETINGS = 8


LAST_AUDIT_ID = select(func.max(AuditRow.id))


def high_water_mark(connection: Connection) -> int:
    """The id of the last audit entry (0 in a file with none)."""
    return int(connection.execute(LAST_AUDIT_ID).scalar() or 0)


class KeptRecords:
    """Records by meeting, each with the mark it is true at."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self._kept: OrderedDict[int, tuple[int, MeetingRecord]] = OrderedDict()
        self._lock = threading.Lock()
        self.verify = os.environ.get("CLERKDESK_VERIFY_RECORDS") == "1"

    def get(self, meeting_id: int, mark: int) -> MeetingRecord | None:
        """The record kept for the meeting, if it is true at ``mark``."""
        with self._lock:
            found = self._kept.get(meeting_id)
        return found[1] if found is not None and found[0] == mark else None

    def keep(self, meeting_id: int, mark: int, record: MeetingRecord) -> None:
        """Keep ``record`` as true at ``mark``; call only once its transaction committed."""
        if not self.enabled:
            return
        with self._lock:
            self._kept[meeting_id] = (mark, record)
            self._kept.move_to_end(meeting_id)
            while len(self._kept) > KEPT_MEETINGS:
                self._kept.popitem(last=False)

    def forget(self) -> None:
        with self._lock:
            self._kept.clear()

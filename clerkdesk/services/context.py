"""The unit of work behind every clerk action.

``meeting_action`` opens one short transaction, hands the service the meeting
record as it stands, captures every row the service changes, checks the whole
record against the rules afterwards, and writes the undo journal, the audit
trail and (after approval) the correction, all in the same transaction. If
anything fails, nothing is written.
"""

from __future__ import annotations

import datetime as dt
import getpass
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial

from sqlalchemy.orm import Session

from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.model import Correction as ModelCorrection
from clerkdesk.domain.model import MeetingRecord, MeetingStatus
from clerkdesk.domain.rules import (
    ensure_editable,
    validate_attendance_change,
    validate_record,
)
from clerkdesk.domain.seal import current_and_previous, next_seal
from clerkdesk.persistence.database import Database, Transaction
from clerkdesk.persistence.journal import CAPTURE_KEY, RowChange, encode_changes
from clerkdesk.persistence.records import (
    RECORD_SOURCE_KEY,
    RecordSource,
    load_record,
    read_whole_record,
)
from clerkdesk.persistence.row_writer import RowWriter
from clerkdesk.persistence.schema import AuditRow

# Changes to these rows can make an earlier vote or substitution invalid, so
# after them the whole record is checked again. Services that write votes and
# amendments check those against the record themselves before writing.
RULE_TABLES = frozenset({"attendee", "declaration", "meeting", "interest_kind"})


def current_clerk() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors when no user name is known
        return "clerk"


@dataclass(frozen=True, slots=True)
class Desk:
    """What every service needs: the database and who is recording."""

    db: Database
    clerk: str = field(default_factory=current_clerk)


@dataclass(frozen=True, slots=True)
class Correction:
    """Why a change is being made to approved minutes, and by whom.

    ``made_by`` is the clerk's name; when not given, the meeting's recorded
    clerk (Meeting › Minutes details). The computer's login is never used: it
    is not a name the minutes can print.
    """

    reason: str
    made_by: str | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """What an action changed, so each screen redraws only what it must."""

    label: str
    meeting_id: int | None
    areas: frozenset[str]
    new_id: int | None = None


class ActionScope:
    """What a service sees inside its transaction.

    The whole record is read only when a service asks for it: typing a minute
    paragraph, the commonest action, needs just its item.
    """

    def __init__(
        self,
        transaction: Transaction,
        meeting_id: int,
        label: str,
        changes: list[RowChange],
        cursor: sqlite3.Cursor | None = None,
    ) -> None:
        self.transaction = transaction
        self.meeting_id = meeting_id
        self.label = label  # services refine it once they know the names involved
        self.new_id: int | None = None
        self._record: MeetingRecord | None = None
        self._record_before_writes = False
        self._changes = changes
        # The actions a clerk repeats write their rows through this, not the ORM;
        # each row written is applied to the meeting record kept in memory.
        source: RecordSource | None = transaction.info.get(RECORD_SOURCE_KEY)
        on_write = None if source is None else partial(source.patch, transaction, meeting_id)
        self.rows = RowWriter(
            cursor or _cursor(transaction), changes, on_write, transaction.prepare_plain_write
        )

    @property
    def session(self) -> Session:
        """An ORM session in the action's transaction, for the rarer actions."""
        return self.transaction.session

    @property
    def record(self) -> MeetingRecord:
        """The record as it stood when first asked for in this action (the
        service's writes do not change it)."""
        if self._record is None:
            self._record = load_record(self.transaction, self.meeting_id)
            self._record_before_writes = not self._changes
        return self._record

    @property
    def record_before_writes(self) -> MeetingRecord | None:
        """The record as it was before this action wrote anything, if it was read then."""
        return self._record if self._record_before_writes else None

    def item_number(self, item_id: int) -> str:
        """The agenda item's number, refusing an item of another meeting."""
        number = self.rows.value(
            "SELECT number FROM agenda_item WHERE id = ? AND meeting_id = ?",
            item_id,
            self.meeting_id,
        )
        if number is None:
            raise NotFoundError(f"There is no agenda item with id {item_id} in this meeting.")
        return str(number)


def _in_place(change: RowChange, table: str) -> bool:
    return change.table == table and change.op == "update"


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def write_audit(
    session: Session, desk: Desk, meeting_id: int | None, action: str, detail: str
) -> None:
    session.add(
        AuditRow(meeting_id=meeting_id, at=now(), clerk=desk.clerk, action=action, detail=detail)
    )


def _stamp(value: dt.datetime) -> str:
    # SQLAlchemy's storage format for DateTime on SQLite ("%Y-%m-%d %H:%M:%S.%f"),
    # so that rows written here read back exactly like rows the ORM wrote;
    # isoformat writes it several times faster than strftime.
    return value.isoformat(sep=" ", timespec="microseconds")


def _cursor(transaction: Transaction) -> sqlite3.Cursor:
    """A driver cursor on the transaction's own connection."""
    return transaction.driver.cursor()


# The bookkeeping rows of every action are written with plain SQL on the
# session's connection: they are never part of an undoable change, and the
# ORM's unit of work for them cost more than the rest of a typical action
# (see docs/benchmarks.md).
_MEETING_STATUS = "SELECT status, clerk_name FROM meeting WHERE id = ?"
_DISCARD_UNDONE = "UPDATE journal SET state = 'discarded' WHERE meeting_id = ? AND state = 'undone'"
_INSERT_JOURNAL = (
    "INSERT INTO journal (meeting_id, label, changes, state, clerk, at)"
    " VALUES (?, ?, ?, 'done', ?, ?)"
)
_INSERT_CORRECTION = (
    "INSERT INTO correction (meeting_id, made_at, made_by, reason, summary, changes, seal)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_AUDIT = "INSERT INTO audit (meeting_id, at, clerk, action, detail) VALUES (?, ?, ?, ?, ?)"


def _seal_after(transaction: Transaction, entry: tuple[int, str, str, str, str, str]) -> str:
    """The record's seal once this correction is in it, chained to the seal before.

    The correction row is append-only, so its seal is worked out before it is
    written: over the record as changed, with this correction added as it will
    read back.
    """
    meeting_id, at, clerk, reason, summary, encoded = entry
    after = read_whole_record(transaction, meeting_id)
    made = ModelCorrection(0, dt.datetime.fromisoformat(at), clerk, reason, summary, encoded)
    previous, _ = current_and_previous(after)
    return next_seal(previous, replace(after, corrections=(*after.corrections, made)))


@contextmanager
def meeting_action(
    desk: Desk,
    meeting_id: int,
    label: str,
    *,
    correction: Correction | None = None,
    undoable: bool = True,
) -> Iterator[ActionScope]:
    with desk.db.transaction() as transaction:
        cursor = _cursor(transaction)
        found = cursor.execute(_MEETING_STATUS, (meeting_id,)).fetchone()
        if found is None:
            raise NotFoundError(
                f"There is no meeting with id {meeting_id}. List the meetings with "
                "`clerkdesk meetings` to find its id."
            )
        locked = found[0] == MeetingStatus.APPROVED.value
        if correction is not None and not correction.reason.strip():
            raise RuleViolation("A correction to approved minutes needs a reason.")
        corrector = " ".join((correction.made_by or found[1] or "").split()) if correction else ""
        if correction is not None and locked and not corrector:
            raise RuleViolation(
                "Say who is correcting the minutes: set the clerk's name in Meeting › "
                "Minutes details (or `clerkdesk minutes-details --clerk NAME`), then try again."
            )
        changes: list[RowChange] = []
        transaction.info[CAPTURE_KEY] = changes  # ORM flushes append here too
        scope = ActionScope(transaction, meeting_id, label, changes, cursor)
        if locked:
            ensure_editable(scope.record, correcting=correction is not None)
        yield scope
        if transaction.has_session:
            transaction.session.flush()
            transaction.session.info.pop(CAPTURE_KEY, None)
        transaction.info.pop(CAPTURE_KEY, None)
        transaction.ensure_active()  # the journal and audit rows must not commit alone
        if any(change.table in RULE_TABLES for change in changes):
            after = load_record(transaction, meeting_id)
            before = scope.record_before_writes
            if before is not None and all(_in_place(change, "attendee") for change in changes):
                validate_attendance_change(before, after)  # the same answer, less work
            else:
                validate_record(after)
        encoded = encode_changes(changes)
        at = _stamp(now())
        if undoable and changes and not locked:
            cursor.execute(_DISCARD_UNDONE, (meeting_id,))
            cursor.execute(_INSERT_JOURNAL, (meeting_id, scope.label, encoded, desk.clerk, at))
        if correction is not None and locked:
            entry = (meeting_id, at, corrector, correction.reason.strip(), scope.label, encoded)
            cursor.execute(_INSERT_CORRECTION, (*entry, _seal_after(transaction, entry)))
        cursor.execute(
            _INSERT_AUDIT,
            (
                meeting_id,
                at,
                desk.clerk,
                scope.label,
                f"correction: {correction.reason}" if correction else "",
            ),
        )

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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import update
from sqlalchemy.orm import Session

from clerkdesk.domain.model import MeetingRecord
from clerkdesk.domain.rules import ensure_editable, validate_record
from clerkdesk.persistence.database import Database
from clerkdesk.persistence.journal import encode_changes, start_capture
from clerkdesk.persistence.records import load_record
from clerkdesk.persistence.schema import AuditRow, CorrectionRow, JournalRow

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
    """Why a change is being made to approved minutes."""

    reason: str


@dataclass(frozen=True, slots=True)
class Change:
    """What an action changed, so each screen redraws only what it must."""

    label: str
    meeting_id: int | None
    areas: frozenset[str]
    new_id: int | None = None


class ActionScope:
    def __init__(self, session: Session, record: MeetingRecord, label: str) -> None:
        self.session = session
        self.record = record
        self.label = label  # services refine it once they know the names involved
        self.new_id: int | None = None


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def write_audit(
    session: Session, desk: Desk, meeting_id: int | None, action: str, detail: str
) -> None:
    session.add(
        AuditRow(meeting_id=meeting_id, at=now(), clerk=desk.clerk, action=action, detail=detail)
    )


@contextmanager
def meeting_action(
    desk: Desk,
    meeting_id: int,
    label: str,
    *,
    correction: Correction | None = None,
    undoable: bool = True,
) -> Iterator[ActionScope]:
    with desk.db.session() as session:
        record = load_record(session, meeting_id)
        if correction is not None and not correction.reason.strip():
            from clerkdesk.domain.errors import RuleViolation

            raise RuleViolation("A correction to approved minutes needs a reason.")
        ensure_editable(record, correcting=correction is not None)
        changes = start_capture(session)
        scope = ActionScope(session, record, label)
        yield scope
        session.flush()
        if any(change.table in RULE_TABLES for change in changes):
            validate_record(load_record(session, meeting_id))
        session.info.pop("clerkdesk.changes", None)
        encoded = encode_changes(changes)
        if undoable and changes and not record.is_locked:
            session.execute(
                update(JournalRow)
                .where(JournalRow.meeting_id == meeting_id, JournalRow.state == "undone")
                .values(state="discarded")
            )
            session.add(
                JournalRow(
                    meeting_id=meeting_id,
                    label=scope.label,
                    changes=encoded,
                    state="done",
                    clerk=desk.clerk,
                    at=now(),
                )
            )
        if correction is not None and record.is_locked:
            session.add(
                CorrectionRow(
                    meeting_id=meeting_id,
                    made_at=now(),
                    made_by=desk.clerk,
                    reason=correction.reason.strip(),
                    summary=scope.label,
                    changes=encoded,
                )
            )
        write_audit(
            session,
            desk,
            meeting_id,
            scope.label,
            f"correction: {correction.reason}" if correction else "",
        )

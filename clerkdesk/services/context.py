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

from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.model import MeetingRecord, MeetingStatus
from clerkdesk.domain.rules import ensure_editable, validate_record
from clerkdesk.persistence.database import Database
from clerkdesk.persistence.journal import encode_changes, start_capture
from clerkdesk.persistence.records import get_meeting_row, load_record
from clerkdesk.persistence.schema import AgendaItemRow, AuditRow, CorrectionRow, JournalRow

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
    """What a service sees inside its transaction.

    The whole record is read only when a service asks for it: typing a minute
    paragraph, the commonest action, needs just its item.
    """

    def __init__(self, session: Session, meeting_id: int, label: str) -> None:
        self.session = session
        self.meeting_id = meeting_id
        self.label = label  # services refine it once they know the names involved
        self.new_id: int | None = None
        self._record: MeetingRecord | None = None

    @property
    def record(self) -> MeetingRecord:
        if self._record is None:
            self._record = load_record(self.session, self.meeting_id)
        return self._record

    def item(self, item_id: int) -> AgendaItemRow:
        row = self.session.get(AgendaItemRow, item_id)
        if row is None or row.meeting_id != self.meeting_id:
            raise NotFoundError(f"There is no agenda item with id {item_id} in this meeting.")
        return row


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
        meeting = get_meeting_row(session, meeting_id)
        locked = meeting.status == MeetingStatus.APPROVED.value
        if correction is not None and not correction.reason.strip():
            raise RuleViolation("A correction to approved minutes needs a reason.")
        scope = ActionScope(session, meeting_id, label)
        if locked:
            ensure_editable(scope.record, correcting=correction is not None)
        changes = start_capture(session)
        yield scope
        session.flush()
        if any(change.table in RULE_TABLES for change in changes):
            validate_record(load_record(session, meeting_id))
        session.info.pop("clerkdesk.changes", None)
        encoded = encode_changes(changes)
        if undoable and changes and not locked:
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
        if correction is not None and locked:
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

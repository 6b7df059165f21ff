"""What every service shares: the desk (database and clerk), what an action
changed, and ``meeting_action``, the one way a service changes a meeting
(persistence/unit_of_work.py; docs/write-path.md)."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from clerkdesk.domain.changes import Area, Change
from clerkdesk.persistence.database import Database
from clerkdesk.persistence.schema import AuditRow
from clerkdesk.persistence.unit_of_work import UnitOfWork, Work, now, unit_of_work

__all__ = [
    "Area",
    "Change",
    "Correction",
    "Desk",
    "UnitOfWork",
    "current_clerk",
    "meeting_action",
    "now",
    "write_audit",
]


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
) -> Iterator[UnitOfWork]:
    """One clerk action on one meeting, as one unit of work."""
    work = Work(
        meeting_id,
        desk.clerk,
        label,
        correction=None if correction is None else correction.reason,
        undoable=undoable,
        made_by=None if correction is None else correction.made_by,
    )
    with unit_of_work(desk.db, work) as uow:
        yield uow

"""One typed operation per clerk action, as the panels ask for it.

Each function takes exactly what its action needs and returns an
``Operation``: the service call on the open meeting, and whether the action
may be made to approved minutes as a correction (the window then asks for the
reason first). The panels never pass a service and its keyword arguments
through; ``MeetingSession.act`` runs the operation in one unit of work.
Services are imported when an operation is made, not with this module: the
window paints before SQLAlchemy loads (clerkdesk.ui.app).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clerkdesk.domain.model import (
    AttendanceStatus,
    Capacity,
    ChairStyle,
    MeetingStatus,
    Outcome,
    Tally,
    VoteOption,
)

if TYPE_CHECKING:
    from clerkdesk.services.context import Change, Correction, Desk

Run = Callable[["Desk", int, "Correction | None"], "Change"]


@dataclass(frozen=True, slots=True)
class Operation:
    """A clerk action on the open meeting, ready to run."""

    name: str  # "attendance.mark_attendance": named in a problem report
    run: Run
    correctable: bool = True  # may change approved minutes, as a correction


@dataclass(frozen=True, slots=True)
class Motion:
    """What a vote is on: a recommendation, or an amendment to one."""

    recommendation_id: int | None
    amendment_id: int | None = None


# Attendance.
def mark_attendance(person_id: int, status: AttendanceStatus) -> Operation:
    from clerkdesk.services import attendance

    return Operation(
        "attendance.mark_attendance",
        lambda desk, meeting, fix: attendance.mark_attendance(
            desk, meeting, person_id, status, correction=fix
        ),
    )


def record_arrival(person_id: int, at: dt.time, item_id: int | None) -> Operation:
    from clerkdesk.services import attendance

    return Operation(
        "attendance.record_arrival",
        lambda desk, meeting, fix: attendance.record_arrival(
            desk, meeting, person_id, at, item_id, correction=fix
        ),
    )


def record_departure(person_id: int, at: dt.time, item_id: int | None) -> Operation:
    from clerkdesk.services import attendance

    return Operation(
        "attendance.record_departure",
        lambda desk, meeting, fix: attendance.record_departure(
            desk, meeting, person_id, at, item_id, correction=fix
        ),
    )


def clear_times(person_id: int) -> Operation:
    from clerkdesk.services import attendance

    return Operation(
        "attendance.clear_times",
        lambda desk, meeting, fix: attendance.clear_times(desk, meeting, person_id, correction=fix),
    )


def add_substitute(name: str, member_id: int) -> Operation:
    from clerkdesk.services import attendance

    return Operation(
        "attendance.add_substitute",
        lambda desk, meeting, fix: attendance.add_substitute(
            desk, meeting, name, member_id, correction=fix
        ),
    )


def add_attendee(name: str, capacity: Capacity, title: str | None) -> Operation:
    from clerkdesk.services import attendance

    return Operation(
        "attendance.add_attendee",
        lambda desk, meeting, fix: attendance.add_attendee(
            desk, meeting, name, capacity, title, correction=fix
        ),
    )


def remove_attendee(person_id: int) -> Operation:
    from clerkdesk.services import attendance

    return Operation(
        "attendance.remove_attendee",
        lambda desk, meeting, fix: attendance.remove_attendee(
            desk, meeting, person_id, correction=fix
        ),
    )


# Votes and amendments.
def record_vote(
    motion: Motion,
    at: dt.time,
    *,
    tally: Tally | None = None,
    outcome: Outcome | None = None,
    casting_vote: VoteOption | None = None,
    casting_voter_id: int | None = None,
) -> Operation:
    from clerkdesk.services import votes

    return Operation(
        "votes.record_vote",
        lambda desk, meeting, fix: votes.record_vote(
            desk,
            meeting,
            recommendation_id=motion.recommendation_id,
            amendment_id=motion.amendment_id,
            tally=tally,
            outcome=outcome,
            casting_vote=casting_vote,
            casting_voter_id=casting_voter_id,
            at=at,
            correction=fix,
        ),
    )


def record_unanimous(motion: Motion, at: dt.time) -> Operation:
    from clerkdesk.services import votes

    return Operation(
        "votes.record_unanimous",
        lambda desk, meeting, fix: votes.record_unanimous(
            desk,
            meeting,
            motion.recommendation_id,
            at,
            amendment_id=motion.amendment_id,
            correction=fix,
        ),
    )


def record_named_vote(
    motion: Motion,
    exceptions: dict[int, VoteOption],
    at: dt.time,
    casting_vote: VoteOption | None,
    casting_voter_id: int | None,
) -> Operation:
    from clerkdesk.services import votes

    return Operation(
        "votes.record_named_vote",
        lambda desk, meeting, fix: votes.record_named_vote(
            desk,
            meeting,
            motion.recommendation_id,
            exceptions,
            at,
            casting_vote,
            amendment_id=motion.amendment_id,
            casting_voter_id=casting_voter_id,
            correction=fix,
        ),
    )


def clear_vote(motion: Motion) -> Operation:
    from clerkdesk.services import votes

    return Operation(
        "votes.clear_vote",
        lambda desk, meeting, fix: votes.clear_vote(
            desk,
            meeting,
            recommendation_id=motion.recommendation_id,
            amendment_id=motion.amendment_id,
            correction=fix,
        ),
    )


def add_amendment(
    recommendation_id: int,
    mover_id: int,
    seconder_id: int,
    text: str,
    resulting_text: str | None,
) -> Operation:
    from clerkdesk.services import votes

    return Operation(
        "votes.add_amendment",
        lambda desk, meeting, fix: votes.add_amendment(
            desk,
            meeting,
            recommendation_id,
            mover_id,
            seconder_id,
            text,
            resulting_text,
            correction=fix,
        ),
    )


def remove_amendment(amendment_id: int) -> Operation:
    from clerkdesk.services import votes

    return Operation(
        "votes.remove_amendment",
        lambda desk, meeting, fix: votes.remove_amendment(
            desk, meeting, amendment_id, correction=fix
        ),
    )


# Declarations.
@dataclass(frozen=True, slots=True)
class DeclarationFields:
    """A declaration as the dialog gives it; None leaves a field as recorded."""

    kind: str | None = None
    nature: str | None = None
    sensitive: bool | None = None
    dispensation: bool | None = None
    left_room: bool | None = None


def declare_interest(item_id: int, person_id: int, fields: DeclarationFields) -> Operation:
    from clerkdesk.services import declarations

    return Operation(
        "declarations.declare_interest",
        lambda desk, meeting, fix: declarations.declare_interest(
            desk,
            meeting,
            item_id,
            person_id,
            fields.kind or "",
            fields.nature or "",
            sensitive=bool(fields.sensitive),
            dispensation=bool(fields.dispensation),
            left_room=fields.left_room,
            correction=fix,
        ),
    )


def edit_declaration(declaration_id: int, fields: DeclarationFields) -> Operation:
    from clerkdesk.services import declarations_edit

    return Operation(
        "declarations_edit.edit_declaration",
        lambda desk, meeting, fix: declarations_edit.edit_declaration(
            desk,
            meeting,
            declaration_id,
            kind=fields.kind,
            nature=fields.nature,
            sensitive=fields.sensitive,
            dispensation=fields.dispensation,
            left_room=fields.left_room,
            correction=fix,
        ),
    )


def withdraw_declaration(declaration_id: int) -> Operation:
    from clerkdesk.services import declarations

    return Operation(
        "declarations.withdraw_declaration",
        lambda desk, meeting, fix: declarations.withdraw_declaration(
            desk, meeting, declaration_id, correction=fix
        ),
    )


# Minutes.
def add_paragraph(item_id: int, text: str) -> Operation:
    from clerkdesk.services import minutes

    return Operation(
        "minutes.add_paragraph",
        lambda desk, meeting, fix: minutes.add_paragraph(
            desk, meeting, item_id, text, correction=fix
        ),
    )


def edit_paragraph(paragraph_id: int, text: str) -> Operation:
    from clerkdesk.services import minutes

    return Operation(
        "minutes.edit_paragraph",
        lambda desk, meeting, fix: minutes.edit_paragraph(
            desk, meeting, paragraph_id, text, correction=fix
        ),
    )


def delete_paragraph(paragraph_id: int) -> Operation:
    from clerkdesk.services import minutes

    return Operation(
        "minutes.delete_paragraph",
        lambda desk, meeting, fix: minutes.delete_paragraph(
            desk, meeting, paragraph_id, correction=fix
        ),
    )


def add_action(item_id: int, owner: str, text: str) -> Operation:
    from clerkdesk.services import minutes

    return Operation(
        "minutes.add_action",
        lambda desk, meeting, fix: minutes.add_action(
            desk, meeting, item_id, owner, text, correction=fix
        ),
    )


def delete_action(action_id: int) -> Operation:
    from clerkdesk.services import minutes

    return Operation(
        "minutes.delete_action",
        lambda desk, meeting, fix: minutes.delete_action(desk, meeting, action_id, correction=fix),
    )


# The meeting's life, and undo (never corrections: approved minutes refuse them).
def set_status(status: MeetingStatus) -> Operation:
    from clerkdesk.services import lifecycle

    return Operation(
        "lifecycle.set_status",
        lambda desk, meeting, _fix: lifecycle.set_status(desk, meeting, status),
        correctable=False,
    )


def approve_minutes(approved_by: str) -> Operation:
    from clerkdesk.services import lifecycle

    return Operation(
        "lifecycle.approve_minutes",
        lambda desk, meeting, _fix: lifecycle.approve_minutes(desk, meeting, approved_by),
        correctable=False,
    )


def set_chair_style(style: ChairStyle) -> Operation:
    from clerkdesk.services import lifecycle

    return Operation(
        "lifecycle.set_chair_style",
        lambda desk, meeting, fix: lifecycle.set_chair_style(desk, meeting, style, correction=fix),
    )


def undo() -> Operation:
    from clerkdesk.services import undo as service

    return Operation("undo.undo", lambda desk, meeting, _fix: service.undo(desk, meeting), False)


def redo() -> Operation:
    from clerkdesk.services import undo as service

    return Operation("undo.redo", lambda desk, meeting, _fix: service.redo(desk, meeting), False)

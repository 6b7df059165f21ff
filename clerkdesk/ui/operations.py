"""One typed operation per clerk action, as the panels ask for it.

Each function takes exactly what its action needs and returns an
``Operation``: the service with those arguments bound, and whether the action
may be made to approved minutes as a correction (the window then asks for the
reason first). The panels never pass a service and its keyword arguments
through; ``OpenMeeting.act`` runs the operation in one unit of work. Services
are imported when an operation is first made, not with this module (``_Later``):
the window paints before SQLAlchemy loads (clerkdesk.ui.app).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from clerkdesk.domain.minutes_details import MinutesDetails
    from clerkdesk.domain.model import Tally
    from clerkdesk.domain.schedule_12a import ExemptParagraph
    from clerkdesk.domain.terms import (
        AttendanceStatus,
        Capacity,
        ChairStyle,
        Disposal,
        MeetingStatus,
        Outcome,
        Role,
        VoteOption,
    )
    from clerkdesk.services import (
        agenda_edits,
        attendance,
        declarations,
        declarations_edit,
        lifecycle,
        meeting_edits,
        minutes,
        minutes_details,
        votes,
    )
    from clerkdesk.services import undo as undoing
    from clerkdesk.services.context import Change, Correction, Desk
else:

    class _Later:
        """A services module imported when an operation is first made from it."""

        def __init__(self, name: str) -> None:
            self.module = f"clerkdesk.services.{name}"

        def __getattr__(self, name: str) -> Any:
            return getattr(import_module(self.module), name)

    agenda_edits, attendance, declarations, declarations_edit = map(
        _Later, ("agenda_edits", "attendance", "declarations", "declarations_edit")
    )
    lifecycle, meeting_edits, minutes, minutes_details, votes, undoing = map(
        _Later, ("lifecycle", "meeting_edits", "minutes", "minutes_details", "votes", "undo")
    )


# Named tuples, not frozen dataclasses: this module is loaded before the
# window's first paint, and making a frozen dataclass compiles its methods one
# by one, a named tuple far less work (as ui/rows.py).
class Operation(NamedTuple):
    """A clerk action on the open meeting, ready to run."""

    service: partial[Change]  # called with the desk, the meeting and any correction
    correctable: bool = True  # may change approved minutes, as a correction

    @property
    def name(self) -> str:
        """ "attendance.mark_attendance": named in a problem report."""
        function = self.service.func
        return f"{function.__module__.removeprefix('clerkdesk.services.')}.{function.__name__}"

    def run(self, desk: Desk, meeting_id: int, correction: Correction | None) -> Change:
        if self.correctable:
            return self.service(desk, meeting_id, correction=correction)
        return self.service(desk, meeting_id)


class Motion(NamedTuple):
    """What a vote is on: a recommendation, or an amendment to one."""

    recommendation_id: int | None
    amendment_id: int | None = None

    def keys(self) -> dict[str, Any]:
        return {"recommendation_id": self.recommendation_id, "amendment_id": self.amendment_id}


class DeclarationFields(NamedTuple):
    """A declaration as the dialog gives it; None leaves a field as recorded."""

    kind: str | None = None
    nature: str | None = None
    sensitive: bool | None = None
    dispensation: bool | None = None
    left_room: bool | None = None


# Attendance.
def mark_attendance(person_id: int, status: AttendanceStatus) -> Operation:
    return Operation(partial(attendance.mark_attendance, person_id=person_id, status=status))


def record_arrival(person_id: int, at: dt.time, item_id: int | None) -> Operation:
    return Operation(
        partial(attendance.record_arrival, person_id=person_id, at=at, item_id=item_id)
    )


def record_departure(person_id: int, at: dt.time, item_id: int | None) -> Operation:
    return Operation(
        partial(attendance.record_departure, person_id=person_id, at=at, item_id=item_id)
    )


def clear_times(person_id: int) -> Operation:
    return Operation(partial(attendance.clear_times, person_id=person_id))


def add_substitute(name: str, member_id: int) -> Operation:
    return Operation(partial(attendance.add_substitute, substitute_name=name, member_id=member_id))


def add_attendee(name: str, capacity: Capacity, title: str | None) -> Operation:
    return Operation(partial(attendance.add_attendee, name=name, capacity=capacity, title=title))


def remove_attendee(person_id: int) -> Operation:
    return Operation(partial(attendance.remove_attendee, person_id=person_id))


def set_attendance_note(person_id: int, note: str) -> Operation:
    return Operation(partial(attendance.set_attendance_note, person_id=person_id, note=note))


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
    return Operation(
        partial(
            votes.record_vote,
            **motion.keys(),
            tally=tally,
            outcome=outcome,
            casting_vote=casting_vote,
            casting_voter_id=casting_voter_id,
            at=at,
        )
    )


def record_unanimous(motion: Motion, at: dt.time) -> Operation:
    return Operation(partial(votes.record_unanimous, **motion.keys(), at=at))


def record_named_vote(
    motion: Motion,
    exceptions: dict[int, VoteOption],
    at: dt.time,
    casting_vote: VoteOption | None,
    casting_voter_id: int | None,
) -> Operation:
    return Operation(
        partial(
            votes.record_named_vote,
            **motion.keys(),
            exceptions=exceptions,
            at=at,
            casting_vote=casting_vote,
            casting_voter_id=casting_voter_id,
        )
    )


def clear_vote(motion: Motion) -> Operation:
    return Operation(partial(votes.clear_vote, **motion.keys()))


def add_amendment(
    recommendation_id: int, mover_id: int, seconder_id: int, text: str, resulting: str | None
) -> Operation:
    return Operation(
        partial(
            votes.add_amendment,
            recommendation_id=recommendation_id,
            mover_id=mover_id,
            seconder_id=seconder_id,
            text=text,
            resulting_text=resulting,
        )
    )


def remove_amendment(amendment_id: int) -> Operation:
    return Operation(partial(votes.remove_amendment, amendment_id=amendment_id))


# Declarations.
def declare_interest(item_id: int, person_id: int, fields: DeclarationFields) -> Operation:
    return Operation(
        partial(
            declarations.declare_interest,
            item_id=item_id,
            person_id=person_id,
            kind=fields.kind or "",
            nature=fields.nature or "",
            sensitive=bool(fields.sensitive),
            dispensation=bool(fields.dispensation),
            left_room=fields.left_room,
        )
    )


def edit_declaration(declaration_id: int, fields: DeclarationFields) -> Operation:
    return Operation(
        partial(
            declarations_edit.edit_declaration,
            declaration_id=declaration_id,
            kind=fields.kind,
            nature=fields.nature,
            sensitive=fields.sensitive,
            dispensation=fields.dispensation,
            left_room=fields.left_room,
        )
    )


def withdraw_declaration(declaration_id: int) -> Operation:
    return Operation(partial(declarations.withdraw_declaration, declaration_id=declaration_id))


# Minutes.
def add_paragraph(item_id: int, text: str) -> Operation:
    return Operation(partial(minutes.add_paragraph, item_id=item_id, text=text))


def edit_paragraph(paragraph_id: int, text: str) -> Operation:
    return Operation(partial(minutes.edit_paragraph, paragraph_id=paragraph_id, text=text))


def delete_paragraph(paragraph_id: int) -> Operation:
    return Operation(partial(minutes.delete_paragraph, paragraph_id=paragraph_id))


def add_action(item_id: int, owner: str, text: str, paragraph_id: int | None = None) -> Operation:
    """An action on the item; beside ``paragraph_id``, or at the item's end if None."""
    return Operation(
        partial(
            minutes.add_action,
            item_id=item_id,
            owner=owner,
            text=text,
            paragraph_id=paragraph_id,
        )
    )


def delete_action(action_id: int) -> Operation:
    return Operation(partial(minutes.delete_action, action_id=action_id))


# The meeting's life, and undo: never corrections (approved minutes refuse them).
def set_status(status: MeetingStatus) -> Operation:
    return Operation(partial(lifecycle.set_status, status=status), correctable=False)


def approve_minutes(approved_by: str, approved_on: dt.date | None = None) -> Operation:
    """Approval, signed by ``approved_by`` on ``approved_on`` (today if None)."""
    return Operation(
        partial(lifecycle.approve_minutes, approved_by=approved_by, approved_on=approved_on),
        correctable=False,
    )


def set_chair_style(style: ChairStyle) -> Operation:
    return Operation(partial(lifecycle.set_chair_style, style=style))


# How the minutes are set out (Meeting › Minutes details; Voting › Sub-points).
def set_minutes_details(details: MinutesDetails) -> Operation:
    return Operation(partial(minutes_details.set_minutes_details, details=details))


def set_recommendation_points(recommendation_id: int, points: list[str]) -> Operation:
    return Operation(
        partial(
            minutes_details.set_recommendation_points,
            recommendation_id=recommendation_id,
            points=points,
        )
    )


# Correcting a saved meeting: its details and the committee's membership.
def edit_meeting(
    *,
    date: dt.date | None = None,
    start_time: dt.time | None = None,
    venue: str | None = None,
    quorum: int | None = None,
    chair_style: ChairStyle | None = None,
) -> Operation:
    """None leaves a detail as it is (an empty venue clears it)."""
    return Operation(
        partial(
            meeting_edits.edit_meeting,
            date=date,
            start_time=start_time,
            venue=venue,
            quorum=quorum,
            chair_style=chair_style,
        )
    )


def add_member(name: str, role: Role, voting: bool) -> Operation:
    return Operation(partial(meeting_edits.add_member, name=name, role=role, voting=voting))


def replace_member(person_id: int, new_name: str) -> Operation:
    return Operation(partial(meeting_edits.replace_member, person_id=person_id, new_name=new_name))


def change_member(person_id: int, role: Role, voting: bool) -> Operation:
    return Operation(
        partial(meeting_edits.change_member, person_id=person_id, role=role, voting=voting)
    )


def remove_member(person_id: int) -> Operation:
    return Operation(partial(meeting_edits.remove_member, person_id=person_id))


# The agenda of a saved meeting.
def add_agenda_item(
    number: str, title: str, urgency_reason: str | None, at_index: int | None
) -> Operation:
    return Operation(
        partial(
            agenda_edits.add_agenda_item,
            number=number,
            title=title,
            urgency_reason=urgency_reason,
            at_index=at_index,
        )
    )


def edit_agenda_item(
    item_id: int, number: str | None, title: str | None, urgency_reason: str | None
) -> Operation:
    """None leaves a field as it is."""
    return Operation(
        partial(
            agenda_edits.edit_agenda_item,
            item_id=item_id,
            number=number,
            title=title,
            urgency_reason=urgency_reason,
        )
    )


def move_agenda_item(item_id: int, to_index: int, out_of_order: bool) -> Operation:
    return Operation(
        partial(
            agenda_edits.move_agenda_item,
            item_id=item_id,
            to_index=to_index,
            out_of_order=out_of_order,
        )
    )


def set_disposal(item_id: int, disposal: Disposal | None) -> Operation:
    return Operation(partial(agenda_edits.set_disposal, item_id=item_id, disposal=disposal))


def set_item_part(item_id: int, part: int, exempt_paragraph: ExemptParagraph | None) -> Operation:
    return Operation(
        partial(
            agenda_edits.set_item_part,
            item_id=item_id,
            part=part,
            exempt_paragraph=exempt_paragraph,
        )
    )


def remove_agenda_item(item_id: int) -> Operation:
    return Operation(partial(agenda_edits.remove_agenda_item, item_id=item_id))


def add_item_recommendation(item_id: int, text: str, label: str | None) -> Operation:
    return Operation(
        partial(agenda_edits.add_item_recommendation, item_id=item_id, text=text, label=label)
    )


def edit_recommendation(recommendation_id: int, text: str | None, label: str | None) -> Operation:
    """None leaves a field as it is."""
    return Operation(
        partial(
            agenda_edits.edit_recommendation,
            recommendation_id=recommendation_id,
            text=text,
            label=label,
        )
    )


def move_recommendation(recommendation_id: int, to_index: int) -> Operation:
    return Operation(
        partial(
            agenda_edits.move_recommendation,
            recommendation_id=recommendation_id,
            to_index=to_index,
        )
    )


def delete_recommendation(recommendation_id: int) -> Operation:
    return Operation(
        partial(agenda_edits.delete_recommendation, recommendation_id=recommendation_id)
    )


def undo() -> Operation:
    return Operation(partial(undoing.undo), correctable=False)


def redo() -> Operation:
    return Operation(partial(undoing.redo), correctable=False)

"""A meeting's life: started, closed, minutes approved; and its details."""

from __future__ import annotations

import datetime as dt

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import ChairStyle, MeetingStatus
from clerkdesk.domain.rules import check_status_change
from clerkdesk.domain.schedule_12a import ExemptParagraph
from clerkdesk.domain.seal import next_seal
from clerkdesk.persistence.entities import Entity
from clerkdesk.services.context import Change, Correction, Desk, meeting_action, now
from clerkdesk.services.setup import check_part


def set_status(desk: Desk, meeting_id: int, status: MeetingStatus) -> Change:
    """Start or close the meeting (approval has its own service)."""
    if status is MeetingStatus.APPROVED:
        raise RuleViolation("Use 'approve minutes' to approve them, naming who approved.")
    with meeting_action(desk, meeting_id, "status") as scope:
        check_status_change(scope.record, status)
        record = scope.record
        values: dict[str, object] = {"status": status.value}
        closing = now()
        if (
            status is MeetingStatus.CLOSED
            and record.closed_at is None
            and record.date == closing.date()
        ):
            # Closed here on the day, live: that is when it closed, unless the clerk
            # says otherwise. A meeting recorded later from notes gets no guessed time.
            values["closed_at"] = closing.time().replace(second=0)
        scope.change(Entity.MEETING, meeting_id, **values)
        scope.label = {
            MeetingStatus.IN_PROGRESS: "Start the meeting",
            MeetingStatus.CLOSED: "Close the meeting",
            MeetingStatus.DRAFT: "Return the meeting to draft",
        }[status]
    return scope.done()


def set_chair_style(
    desk: Desk, meeting_id: int, style: ChairStyle, *, correction: Correction | None = None
) -> Change:
    """What these minutes call the chair: "Chairman", "Chair" or "Chairperson".

    Later meetings of the committee start with the same. Approved minutes change
    only by a correction with its reason.
    """
    with meeting_action(desk, meeting_id, "chair style", correction=correction) as scope:
        scope.change(Entity.MEETING, meeting_id, chair_style=ChairStyle(style).value)
        scope.label = f"Call the chair '{style.value}' in the minutes"
    return scope.done()


def approval_time(meeting_date: dt.date, approved_on: dt.date | dt.datetime | None) -> dt.datetime:
    """When the minutes were approved: now, or the day the clerk entered (usually
    the next meeting's), which may be neither before the meeting nor to come.
    A day without a time is now if it is today, else the start of that day."""
    current = now()
    if approved_on is None:
        return current
    if isinstance(approved_on, dt.datetime):
        when = approved_on
    elif approved_on == current.date():
        when = current
    else:
        when = dt.datetime.combine(approved_on, dt.time())
    if when.date() < meeting_date:
        raise RuleViolation(
            f"The minutes cannot be approved on {when:%d %B %Y}, before the meeting they "
            f"record ({meeting_date:%d %B %Y}). Enter the day they were signed."
        )
    if when.date() > current.date():
        raise RuleViolation(
            f"The minutes cannot be approved on {when:%d %B %Y}: that day is in the future. "
            "Approve them on the day they are signed."
        )
    return when


def approve_minutes(
    desk: Desk,
    meeting_id: int,
    approved_by: str,
    approved_on: dt.date | dt.datetime | None = None,
) -> Change:
    """Approve the minutes, signed by the person presiding. The record then locks.

    Approval cannot be undone: from here on changes are corrections (each
    keeping the values it replaced), so the meeting's undo journal can never
    be used again. It is deleted here, in the approval's own transaction: it
    holds the text of everything deleted while recording, Part II included,
    and would otherwise stay in the file and in every backup for ever.
    """
    if not approved_by.strip():
        raise RuleViolation("Name the person presiding who signed the minutes as approved.")
    with meeting_action(desk, meeting_id, "approve", undoable=False) as scope:
        check_status_change(scope.record, MeetingStatus.APPROVED)
        signed_by = " ".join(approved_by.split())
        scope.change(
            Entity.MEETING,
            meeting_id,
            status=MeetingStatus.APPROVED.value,
            approved_at=approval_time(scope.record.date, approved_on),
            approved_by=signed_by,
        )
        scope.forget_undo()
        # Approval seals the record as approved: from here on, each correction
        # carries the seal forward (unit_of_work.py) and `load` checks it.
        scope.change(Entity.MEETING, meeting_id, seal=next_seal(None, scope.record_now()))
        scope.label = f"Minutes approved, signed by {signed_by}"
    return scope.done()


def update_item(
    desk: Desk,
    meeting_id: int,
    item_id: int,
    *,
    title: str | None = None,
    part: int | None = None,
    exempt_paragraph: ExemptParagraph | None = None,
    public_summary: str | None = None,
    correction: Correction | None = None,
) -> Change:
    """Change an item's title, Part I/II status or its public summary."""
    with meeting_action(desk, meeting_id, "Edit item", correction=correction) as scope:
        item = scope.record.item(item_id)
        new_part = part if part is not None else item.part
        new_paragraph = exempt_paragraph if exempt_paragraph is not None else item.exempt_paragraph
        if new_part == 1:
            new_paragraph = None
        check_part(new_part, new_paragraph)
        values: dict[str, object] = {"part": new_part, "exempt_paragraph": new_paragraph}
        if title is not None and title.strip():
            values["title"] = " ".join(title.split())
        if public_summary is not None:
            values["public_summary"] = public_summary.strip() or None
        scope.change(Entity.ITEM, item_id, **values)
        scope.label = f"Edit item {item.number}"
    return scope.done()

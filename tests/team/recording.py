"""A whole meeting recorded on a laptop, with every kind of clerk action."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from clerkdesk.domain.model import (
    AttendanceStatus,
    Capacity,
    Disposal,
    MeetingStatus,
    Tally,
    VoteOption,
)
from clerkdesk.services import (
    agenda_edits,
    attendance,
    declarations,
    lifecycle,
    minutes,
    undo,
    votes,
)
from clerkdesk.services.context import Correction, Desk
from clerkdesk.services.minutes_details import details_of, set_minutes_details
from clerkdesk.services.records_io import get_record

SUBSTITUTE = "Z Offline-Substitute"
OFFICER = "Olive Offline-Officer"


def person(desk: Desk, meeting_id: int, name: str) -> int:
    return next(p.id for p in get_record(desk, meeting_id).people if p.name == name)


def record_every_kind_of_action(desk: Desk, meeting_id: int, *, approve: bool = True) -> None:
    """The demo's 30 January meeting recorded whole: attendance, a substitute
    and an officer added here, arrivals and departures, declarations, every
    kind of vote, an amendment, minutes and actions, agenda changes, undo and
    redo, then (with ``approve``) approval and a correction."""
    record = get_record(desk, meeting_id)
    for a in record.attendees:
        attendance.mark_attendance(desk, meeting_id, a.person_id, AttendanceStatus.PRESENT)
    buckmaster = person(desk, meeting_id, "E H Buckmaster")
    attendance.mark_attendance(desk, meeting_id, buckmaster, AttendanceStatus.APOLOGIES)
    attendance.add_substitute(desk, meeting_id, SUBSTITUTE, buckmaster)
    attendance.add_attendee(desk, meeting_id, OFFICER, Capacity.OFFICER, "Solicitor")
    items = {i.number: i for i in record.items}
    recs = {i: record.recommendations_of(items[i].id) for i in ("3", "4", "5")}
    guest, hill = person(desk, meeting_id, "F Guest"), person(desk, meeting_id, "F R G Hill")
    attendance.record_arrival(desk, meeting_id, hill, dt.time(10, 40), items["2"].id)
    attendance.set_attendance_note(desk, meeting_id, hill, "Joined by video")
    declarations.declare_interest(
        desk, meeting_id, items["4"].id, guest, "dpi", "Employed by the trust"
    )
    votes.record_vote(desk, meeting_id, recommendation_id=recs["3"][0].id, tally=Tally(8, 3, 1))
    amendment = votes.add_amendment(
        desk,
        meeting_id,
        recs["3"][1].id,
        hill,
        person(desk, meeting_id, "T Howard"),
        "Add 'and report back in six months'",
    ).new_id
    assert amendment is not None
    votes.record_unanimous(desk, meeting_id, amendment_id=amendment)
    votes.record_unanimous(desk, meeting_id, recs["3"][1].id)
    votes.record_named_vote(
        desk, meeting_id, recs["4"][0].id, {person(desk, meeting_id, "J S Kaye"): VoteOption.NO}
    )
    votes.record_vote(
        desk,
        meeting_id,
        recommendation_id=recs["4"][1].id,
        tally=Tally(5, 5, 1),
        casting_vote=VoteOption.YES,
    )
    attendance.record_departure(desk, meeting_id, guest, dt.time(11, 5), items["5"].id)
    votes.record_vote(desk, meeting_id, recommendation_id=recs["5"][0].id, tally=Tally(9, 1, 0))
    first = minutes.add_paragraph(desk, meeting_id, items["3"].id, "Members noted the plan.").new_id
    second = minutes.add_paragraph(desk, meeting_id, items["3"].id, "A draft to remove.").new_id
    assert first is not None and second is not None
    minutes.edit_paragraph(desk, meeting_id, first, "Members welcomed the plan.")
    minutes.delete_paragraph(desk, meeting_id, second)
    minutes.add_action(
        desk, meeting_id, items["3"].id, "Director of Finance", "Report back", paragraph_id=first
    )
    agenda_edits.set_disposal(desk, meeting_id, items["6"].id, Disposal.WITHDRAWN)
    agenda_edits.add_agenda_item(
        desk,
        meeting_id,
        "7",
        "Staffing matter",
        urgency_reason="A decision was needed before the next meeting",
        part=2,
        exempt_paragraph=1,
    )
    minutes.add_paragraph(desk, meeting_id, items["5"].id, "Undone, then redone.")
    undo.undo(desk, meeting_id)
    undo.redo(desk, meeting_id)
    if not approve:
        return
    lifecycle.set_status(desk, meeting_id, MeetingStatus.IN_PROGRESS)
    lifecycle.set_status(desk, meeting_id, MeetingStatus.CLOSED)
    details = details_of(get_record(desk, meeting_id))
    set_minutes_details(desk, meeting_id, replace(details, clerk_name="Elaine Manzi"))
    lifecycle.approve_minutes(desk, meeting_id, "C B Wyatt-Lowe", dt.date(2018, 2, 27))
    minutes.edit_paragraph(
        desk,
        meeting_id,
        first,
        "Members warmly welcomed the plan.",
        correction=Correction("The chair asked for the wording at approval"),
    )

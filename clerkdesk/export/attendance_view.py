"""Attendance and interests as the minutes word them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from clerkdesk.domain.errors import NotFoundError
from clerkdesk.domain.model import (
    AttendanceStatus,
    Attendee,
    Capacity,
    Declaration,
    MeetingRecord,
    MemberOrder,
    PersonKind,
)
from clerkdesk.export.view_model import AttendanceGroup
from clerkdesk.export.wording import clock

NBSP = "\u00a0"


def unbroken(text: str) -> str:
    """Spaces made non-breaking: "N A Quinton" never breaks across lines, in Word or PDF."""
    return NBSP.join(text.split())


def person_name(record: MeetingRecord, person_id: int) -> str:
    """A name as the minutes print it: initials and surname kept on one line."""
    return unbroken(record.name_of(person_id))


def styled_name(record: MeetingRecord, person_id: int) -> str:
    """ "Councillor X" for councillors, the bare name for officers (never broken)."""
    person = record.person(person_id)
    prefix = "Councillor " if person.kind is PersonKind.COUNCILLOR else ""
    return unbroken(prefix + person.name)


def surname_key(name: str) -> tuple[str, str]:
    """ "C B Wyatt-Lowe" sorts under W: by the last word, then the whole name."""
    words = name.split()
    return (words[-1].casefold() if words else "", name.casefold())


def _member_entry(record: MeetingRecord, attendee: Attendee) -> str:
    name = person_name(record, attendee.person_id)
    if attendee.capacity is Capacity.SUBSTITUTE and attendee.substitute_for is not None:
        return f"{name} (substituting for {person_name(record, attendee.substitute_for)})"
    role = record.chair_style.role_title(attendee.role)
    return f"{name} ({role})" if role else name


def _name(record: MeetingRecord, attendee: Attendee) -> str:
    return person_name(record, attendee.person_id)


def _officer_entry(record: MeetingRecord, attendee: Attendee) -> str:
    person = record.person(attendee.person_id)
    name = unbroken(person.name)
    return f"{name}, {person.title}" if person.title else name


def in_minutes_order(record: MeetingRecord, attendees: list[Attendee]) -> list[Attendee]:
    """Members by surname, a substitute under their own name, as real minutes list
    them; or, where the council prefers, the committee's own order, a substitute
    in the place of the member they replace."""
    if record.member_order is MemberOrder.SURNAME:
        return sorted(attendees, key=lambda a: surname_key(record.name_of(a.person_id)))
    place = {a.person_id: n for n, a in enumerate(record.attendees)}

    def committee_place(a: Attendee) -> tuple[int, int]:
        replaced = place.get(a.substitute_for) if a.substitute_for is not None else None
        return (replaced if replaced is not None else place[a.person_id], 1 if replaced else 0)

    return sorted(attendees, key=committee_place)


def committee_noun(record: MeetingRecord) -> str:
    """What the body is, in capitals: "PANEL", "SUB-COMMITTEE" (never "(EAST)")."""
    return record.body.value.upper()


def attendance_groups(record: MeetingRecord) -> tuple[AttendanceGroup, ...]:
    """The attendance as headed lists; an empty list of apologies, absences or
    officers is left out, and empty members' lists say "None"."""

    def names(capacities: set[Capacity], status: AttendanceStatus) -> list[Attendee]:
        found = [a for a in record.attendees if a.capacity in capacities and a.status is status]
        return in_minutes_order(record, found)

    def listed(attendees: list[Attendee], entry: Callable[[MeetingRecord, Attendee], str]) -> str:
        return "; ".join(entry(record, a) for a in attendees)

    voting = {Capacity.MEMBER, Capacity.SUBSTITUTE}
    # Officers are listed as entered (often by seniority), not by surname.
    officers = [
        a
        for a in record.attendees
        if a.capacity is Capacity.OFFICER and a.status is AttendanceStatus.PRESENT
    ]
    present = names(voting, AttendanceStatus.PRESENT)
    others = names({Capacity.OTHER_MEMBER}, AttendanceStatus.PRESENT)
    groups = (
        (f"MEMBERS OF THE {committee_noun(record)}", listed(present, _member_entry) or "None"),
        ("APOLOGIES FOR ABSENCE", listed(names(voting, AttendanceStatus.APOLOGIES), _name)),
        ("ABSENT", listed(names(voting, AttendanceStatus.ABSENT), _name)),
        ("OTHER MEMBERS IN ATTENDANCE", listed(others, _name) or "None"),
        ("OFFICERS IN ATTENDANCE", listed(officers, _officer_entry)),
    )
    return tuple(AttendanceGroup(heading, text) for heading, text in groups if text)


@dataclass(frozen=True, slots=True)
class Movement:
    """An arrival or departure during one item, to be minuted where it happened."""

    at: dt.time
    text: str


def movements(
    record: MeetingRecord, item_id: int | None, *, item_label: str | None = None
) -> list[Movement]:
    """Arrivals and departures during one item (item_id None: those at no item),
    in the order they happened.

    With ``item_label`` the note names the item ("during item 5") instead of
    saying "during this item", for notes minuted away from the item itself.
    """
    where = f" during item {item_label}" if item_label else " during this item"
    if item_id is None:
        where = ""
    found: list[Movement] = []
    for a in record.attendees:
        if a.status is not AttendanceStatus.PRESENT:
            continue
        name = styled_name(record, a.person_id)
        for at, during, went in (
            (a.arrived_at, a.arrived_during_item, "arrived"),
            (a.departed_at, a.departed_during_item, "left the meeting"),
        ):
            if at is not None and during == item_id:
                found.append(Movement(at, f"{name} {went} at {clock(at)}{where}."))
    return sorted(found, key=lambda m: m.at)


def clerk_notes(record: MeetingRecord) -> list[str]:
    """The clerk's notes on attendance ("C B Wyatt-Lowe: attended remotely, not
    entitled to vote."), in the order of the attendance list."""
    found = []
    for a in record.attendees:
        note = " ".join((a.note or "").split())
        if note:
            ending = "" if note[-1] in ".!?" else "."
            found.append(f"{styled_name(record, a.person_id)}: {note}{ending}")
    return found


def movement_notes(
    record: MeetingRecord, item_id: int | None, *, item_label: str | None = None
) -> list[str]:
    return [m.text for m in movements(record, item_id, item_label=item_label)]


def declaration_note(record: MeetingRecord, declaration: Declaration) -> str:
    name = styled_name(record, declaration.person_id)
    try:
        kind = record.interest_kind(declaration.kind)
        label, shows_nature, may_vote = kind.label, kind.shows_nature, kind.may_vote
    except NotFoundError:
        label, shows_nature, may_vote = declaration.kind, True, True
    label = label[0].lower() + label[1:] if label else "interest"
    article = "an" if label[0] in "aeiou" else "a"
    text = f"{name} declared {article} {label}"
    nature = declaration.nature.strip().rstrip(".")
    if declaration.sensitive:
        text += " (sensitive interest: nature not disclosed)."
    elif shows_nature and nature:
        text += f": {nature}."
    else:
        text += "."
    if declaration.dispensation:
        text += " A dispensation had been granted."
    if declaration.left_room:
        text += " They left the room for this item and took no part in the discussion or vote."
    elif not may_vote and not declaration.dispensation:
        text += " They took no part in the vote."
    return text


def interests_statement(record: MeetingRecord, *, shown_items: set[int]) -> str:
    """The statement every set of minutes carries, even when nobody declared anything."""
    if not record.declarations:
        return (
            f"No conflicts of interest were declared by any member of the {record.committee} "
            "in relation to the matters on which conclusions were reached at this meeting."
        )
    if all(d.item_id in shown_items for d in record.declarations):
        return "Declarations of interest are recorded at the items to which they relate."
    return (
        "Declarations of interest are recorded at the items to which they relate; those made "
        "in exempt business are recorded in the confidential minutes."
    )

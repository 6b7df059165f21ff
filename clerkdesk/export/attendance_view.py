"""Attendance and interests as the minutes word them."""

from __future__ import annotations

from clerkdesk.domain.errors import NotFoundError
from clerkdesk.domain.model import (
    AttendanceStatus,
    Attendee,
    Capacity,
    Declaration,
    MeetingRecord,
    PersonKind,
)
from clerkdesk.export.view_model import AttendanceGroup
from clerkdesk.export.wording import minute_time


def styled_name(record: MeetingRecord, person_id: int) -> str:
    """ "Councillor X" for councillors, the bare name for officers."""
    person = record.person(person_id)
    prefix = "Councillor " if person.kind is PersonKind.COUNCILLOR else ""
    return prefix + person.name


def _member_entry(record: MeetingRecord, attendee: Attendee) -> str:
    name = record.name_of(attendee.person_id)
    if attendee.capacity is Capacity.SUBSTITUTE and attendee.substitute_for is not None:
        return f"{name} (substituting for {record.name_of(attendee.substitute_for)})"
    role = record.chair_style.role_title(attendee.role)
    return f"{name} ({role})" if role else name


def _officer_entry(record: MeetingRecord, attendee: Attendee) -> str:
    person = record.person(attendee.person_id)
    return f"{person.name}, {person.title}" if person.title else person.name


def committee_noun(committee: str) -> str:
    """ "Adult Care & Health Cabinet Panel" -> "PANEL"."""
    words = committee.split()
    return words[-1].upper() if words else "COMMITTEE"


def attendance_groups(record: MeetingRecord) -> tuple[AttendanceGroup, ...]:
    def names(capacities: set[Capacity], status: AttendanceStatus) -> list[Attendee]:
        return [a for a in record.attendees if a.capacity in capacities and a.status is status]

    voting = {Capacity.MEMBER, Capacity.SUBSTITUTE}
    present = names(voting, AttendanceStatus.PRESENT)
    groups = [
        AttendanceGroup(
            f"MEMBERS OF THE {committee_noun(record.committee)}",
            "; ".join(_member_entry(record, a) for a in present) or "None",
        )
    ]
    apologies = names(voting, AttendanceStatus.APOLOGIES)
    if apologies:
        groups.append(
            AttendanceGroup(
                "APOLOGIES FOR ABSENCE",
                "; ".join(record.name_of(a.person_id) for a in apologies),
            )
        )
    absent = names(voting, AttendanceStatus.ABSENT)
    if absent:
        groups.append(
            AttendanceGroup("ABSENT", "; ".join(record.name_of(a.person_id) for a in absent))
        )
    others = names({Capacity.OTHER_MEMBER}, AttendanceStatus.PRESENT)
    groups.append(
        AttendanceGroup(
            "OTHER MEMBERS IN ATTENDANCE",
            "; ".join(record.name_of(a.person_id) for a in others) or "None",
        )
    )
    officers = names({Capacity.OFFICER}, AttendanceStatus.PRESENT)
    if officers:
        groups.append(
            AttendanceGroup(
                "OFFICERS IN ATTENDANCE", "; ".join(_officer_entry(record, a) for a in officers)
            )
        )
    return tuple(groups)


def movement_notes(
    record: MeetingRecord, item_id: int | None, *, item_label: str | None = None
) -> list[str]:
    """Arrivals and departures during one item (item_id None: those at no item).

    With ``item_label`` the note names the item ("during item 5") instead of
    saying "during this item", for notes minuted away from the item itself.
    """
    where = f" during item {item_label}" if item_label else " during this item"
    if item_id is None:
        where = ""
    notes: list[str] = []
    for a in record.attendees:
        if a.status is not AttendanceStatus.PRESENT:
            continue
        if a.arrived_at is not None and a.arrived_during_item == item_id:
            notes.append(
                f"{styled_name(record, a.person_id)} arrived at {minute_time(a.arrived_at)}{where}."
            )
        if a.departed_at is not None and a.departed_during_item == item_id:
            notes.append(
                f"{styled_name(record, a.person_id)} left the meeting at "
                f"{minute_time(a.departed_at)}{where}."
            )
    return notes


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

"""Immutable display lines built from a meeting record (no Qt here).

Each table in the window shows a tuple of these; the words are worked out
once, here, so that models only look them up. They are "lines", not "rows":
a ``...Row`` is a database table's ORM class (persistence/schema.py).

The lines are named tuples, not frozen dataclasses: this module is loaded
before the window's first paint, and making a frozen dataclass compiles its
methods one by one, a named tuple far less work (docs/benchmarks.md, issue 19).
For the same reason this module names only the domain's words (terms.py) when
loaded: the records and the rules that read them (who is in the room, who may
vote) load after that paint, and are imported here by the functions that use
them, which are only called once a meeting is open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from clerkdesk.domain.terms import AttendanceStatus, Capacity, Outcome, Role

if TYPE_CHECKING:
    from clerkdesk.domain.model import AgendaItem, Attendee, Decision, Declaration, MeetingRecord
    from clerkdesk.persistence.meeting_list import MeetingSummary


def by_surname(name: str) -> tuple[str, str]:
    """Sort key for a person's name as written in minutes ("C B Wyatt-Lowe",
    "Helen Maneuf"): the surname (the last word), then the whole name."""
    words = name.split()
    return ((words[-1] if words else "").casefold(), name.casefold())


# The attendance list: the committee (and substitutes), other members, officers.
_CAPACITY_ORDER = {
    Capacity.MEMBER: 0,
    Capacity.SUBSTITUTE: 0,
    Capacity.OTHER_MEMBER: 1,
    Capacity.OFFICER: 2,
}


def hhmm(value: dt.time | None) -> str:
    return f"{value:%H.%M}" if value is not None else ""


class MeetingLine(NamedTuple):
    id: int
    date: str
    committee: str
    status: str
    # Its check-out, on a server or a laptop's file (team_words.py): a word or
    # two, and the sentence ("Checked out to alice on LAPTOP-7 since 7 Dec 14:02").
    away: str = ""
    away_said: str = ""


class AttendanceLine(NamedTuple):
    person_id: int
    name: str
    attends_as: str
    status: AttendanceStatus
    status_words: str  # "Left 11.45" once a member who was present has gone
    arrived: str
    departed: str
    note: str  # what the list shows: a substitution or job title, then the clerk's note
    capacity: Capacity
    in_room: bool
    clerk_note: str = ""  # the clerk's own note, printed in the minutes


class AgendaLine(NamedTuple):
    item_id: int
    number: str
    title: str
    badge: str
    progress: str


class MotionLine(NamedTuple):
    recommendation_id: int | None
    amendment_id: int | None
    label: str
    text: str
    result: str
    decided: bool


class VoterLine(NamedTuple):
    person_id: int
    name: str
    eligible: bool
    reason: str


class DeclarationLine(NamedTuple):
    id: int
    item: str
    member: str
    kind: str
    nature: str
    dispensation: str
    left_room: str


class ParagraphLine(NamedTuple):
    id: int
    number: str
    text: str


class ActionLine(NamedTuple):
    id: int
    owner: str
    text: str
    beside: str = ""  # the paragraph it is printed beside ("3.2"), or "" at the item's end


STATUS_WORDS = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.APOLOGIES: "Apologies",
    AttendanceStatus.ABSENT: "Absent",
}


def meeting_rows(
    summaries: list[MeetingSummary], away: Mapping[int, tuple[str, str]] | None = None
) -> tuple[MeetingLine, ...]:
    away = away or {}
    return tuple(
        MeetingLine(
            s.id,
            dt.date.fromisoformat(s.date).strftime("%d %b %Y"),
            s.committee,
            s.status.replace("-", " ").capitalize(),
            *away.get(s.id, ("", "")),
        )
        for s in summaries
    )


def _attends_as(record: MeetingRecord, a: Attendee) -> str:
    if a.capacity is Capacity.MEMBER:
        if a.role is Role.CHAIR:
            return "Chair"
        if a.role is Role.VICE_CHAIR:
            return "Vice-Chair"
        return "Member" if a.voting else "Co-opted (non-voting)"
    if a.capacity is Capacity.SUBSTITUTE:
        return "Substitute"
    if a.capacity is Capacity.OTHER_MEMBER:
        return "Other member"
    return "Officer"


def _status_words(a: Attendee, at: dt.time | None) -> str:
    """ "Present", unless they have left by the meeting clock's time: "Left 11.45"."""
    gone = a.departed_at is not None and at is not None and at >= a.departed_at
    if a.status is AttendanceStatus.PRESENT and gone:
        return f"Left {hhmm(a.departed_at)}"
    return STATUS_WORDS[a.status]


def _item_number(record: MeetingRecord, item_id: int | None) -> str:
    if item_id is None:
        return ""
    return f" (item {record.item(item_id).number})"


def attendance_rows(record: MeetingRecord, at: dt.time | None) -> tuple[AttendanceLine, ...]:
    from clerkdesk.domain.attendance import in_room

    substitutes = {
        a.substitute_for: a.person_id
        for a in record.attendees
        if a.capacity is Capacity.SUBSTITUTE and a.substitute_for is not None
    }
    rows = []
    for a in record.attendees:
        note = ""
        if a.capacity is Capacity.SUBSTITUTE and a.substitute_for is not None:
            note = f"substituting for {record.name_of(a.substitute_for)}"
        elif a.person_id in substitutes:
            note = f"substitute: {record.name_of(substitutes[a.person_id])}"
        elif a.capacity is Capacity.OFFICER:
            note = record.person(a.person_id).title or ""
        rows.append(
            AttendanceLine(
                person_id=a.person_id,
                name=record.name_of(a.person_id),
                attends_as=_attends_as(record, a),
                status=a.status,
                status_words=_status_words(a, at),
                arrived=hhmm(a.arrived_at) + _item_number(record, a.arrived_during_item),
                departed=hhmm(a.departed_at) + _item_number(record, a.departed_during_item),
                note="; ".join(part for part in (note, a.note or "") if part),
                capacity=a.capacity,
                in_room=in_room(a, at),
                clerk_note=a.note or "",
            )
        )
    rows.sort(key=lambda row: (_CAPACITY_ORDER[row.capacity], *by_surname(row.name)))
    return tuple(rows)


def part_badge(record: MeetingRecord, item_id: int) -> str:
    item = record.item(item_id)
    if not item.is_exempt:
        return ""
    return f"PART II · para {item.exempt_paragraph}" if item.exempt_paragraph else "PART II"


def _on_the_day(item: AgendaItem) -> str:
    """What happened to the item on the day, shown beside its progress."""
    words = []
    if item.disposal is not None:
        words.append(item.disposal.value.capitalize())
    if item.is_urgent:
        words.append("Urgent")
    if item.taken_out_of_order:
        words.append("Taken out of order")
    return " · ".join(words)


def agenda_rows(record: MeetingRecord) -> tuple[AgendaLine, ...]:
    rows = []
    for item in record.ordered_items:
        recs = record.recommendations_of(item.id)
        decided = sum(1 for r in recs if record.decision_on(r.id) is not None)
        progress = f"{decided}/{len(recs)}" if recs else ""  # under "Decided"
        progress = " · ".join(part for part in (_on_the_day(item), progress) if part)
        rows.append(
            AgendaLine(item.id, item.number, item.title, part_badge(record, item.id), progress)
        )
    return tuple(rows)


def describe_decision(record: MeetingRecord, decision: Decision | None) -> str:
    if decision is None:
        return "Not yet decided"
    if decision.tally is None:
        return decision.outcome.value.capitalize()
    t = decision.tally
    words = f"{decision.outcome.value.capitalize()}: {t.yes} for, {t.no} against, {t.abstain} abst."
    if t.is_unanimous and decision.outcome is Outcome.CARRIED and not decision.is_named:
        words = f"Carried unanimously ({t.yes})"
    if decision.is_named:
        words += " (named vote)"
    if decision.casting_vote is not None and decision.casting_voter_id is not None:
        side = "for" if decision.casting_vote.value == "yes" else "against"
        words += f"; casting vote {side}, by {record.name_of(decision.casting_voter_id)}"
    return words


def motion_rows(record: MeetingRecord, item_id: int | None) -> tuple[MotionLine, ...]:
    if item_id is None:
        return ()
    rows: list[MotionLine] = []
    for rec in record.recommendations_of(item_id):
        label = rec.label or f"Recommendation {rec.position + 1}"
        for n, amendment in enumerate(record.amendments_of(rec.id), start=1):
            decision = record.decision_on_amendment(amendment.id)
            rows.append(
                MotionLine(
                    None,
                    amendment.id,
                    f"{label} – amendment {n}",
                    f"{amendment.text} (moved {record.name_of(amendment.mover_id)}, "
                    f"seconded {record.name_of(amendment.seconder_id)})",
                    describe_decision(record, decision),
                    decision is not None,
                )
            )
        decision = record.decision_on(rec.id)
        rows.append(
            MotionLine(
                rec.id,
                None,
                label,
                rec.text,
                describe_decision(record, decision),
                decision is not None,
            )
        )
    return tuple(rows)


def voter_rows(record: MeetingRecord, item_id: int, at: dt.time | None) -> tuple[VoterLine, ...]:
    from clerkdesk.domain.voting import voter_roll

    roll = voter_roll(record, item_id, at)
    eligible = [VoterLine(p, record.name_of(p), True, "may vote") for p in roll.eligible]
    eligible.sort(key=lambda row: by_surname(row.name))
    excluded = [
        VoterLine(e.person_id, record.name_of(e.person_id), False, e.reason) for e in roll.excluded
    ]
    return tuple(eligible + excluded)


def declaration_rows(record: MeetingRecord) -> tuple[DeclarationLine, ...]:
    order = {item.id: item.position for item in record.items}
    rows = []
    for d in sorted(record.declarations, key=lambda d: (order.get(d.item_id, 0), d.id)):
        kind = record.interest_kind(d.kind)
        rows.append(
            DeclarationLine(
                d.id,
                record.item(d.item_id).number,
                record.name_of(d.person_id),
                kind.label,
                "(sensitive – nature not recorded)" if d.sensitive else d.nature,
                "Yes" if d.dispensation else "",
                "Left the room" if d.left_room else "",
            )
        )
    return tuple(rows)


def paragraph_rows(record: MeetingRecord, item_id: int | None) -> tuple[ParagraphLine, ...]:
    if item_id is None:
        return ()
    number = record.item(item_id).number
    return tuple(
        ParagraphLine(p.id, f"{number}.{n}", p.text)
        for n, p in enumerate(record.paragraphs_of(item_id), start=1)
    )


def action_rows(record: MeetingRecord, item_id: int | None) -> tuple[ActionLine, ...]:
    if item_id is None:
        return ()
    numbers = {row.id: row.number for row in paragraph_rows(record, item_id)}
    return tuple(
        ActionLine(a.id, a.owner, a.text, numbers.get(a.paragraph_id or -1, ""))
        for a in record.actions_of(item_id)
    )


def declaration_consequence(
    record: MeetingRecord, declaration: Declaration, at: dt.time | None
) -> str:
    """What recording this declaration (or this edit of one) would mean, in words."""
    from clerkdesk.domain.voting import voter_roll

    name = record.name_of(declaration.person_id)
    item = record.item(declaration.item_id)
    kind = record.interest_kind(declaration.kind)
    before = set(voter_roll(record, item.id, at).eligible)
    # A declaration with an id is an edit of that one: it replaces it.
    others = tuple(d for d in record.declarations if not declaration.id or d.id != declaration.id)
    after_record = replace(record, declarations=(*others, declaration))
    after = set(voter_roll(after_record, item.id, at).eligible)
    parts = []
    if declaration.person_id in before and declaration.person_id not in after:
        parts.append(f"{name} can no longer vote on item {item.number}")
    elif declaration.person_id in after and declaration.person_id not in before:
        parts.append(f"{name} may now vote on item {item.number}")
    elif declaration.person_id in after:
        parts.append(f"{name} may still vote on item {item.number}")
    else:
        parts.append(f"{name} is not entitled to vote on item {item.number} anyway")
    if not kind.may_speak and not declaration.dispensation:
        parts.append("may not take part in the discussion")
    if declaration.left_room:
        parts.append("leaves the room for the item")
    elif kind.must_leave and not declaration.dispensation:
        parts.append("should normally leave the room")
    return ", ".join(parts) + "."


def outcome_label(label: str) -> str:
    """The motion's label before its result ("3.1:"); a report's label that ends in
    its own punctuation ("i.)", "(a)") is not given a colon as well."""
    return label if not label or label[-1] in ".:)" else f"{label}:"

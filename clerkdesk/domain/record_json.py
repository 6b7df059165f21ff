"""The meeting record as JSON: format ``clerkdesk-meeting``, version 1.

Documented in docs/meeting-record-format.md. Votes follow the Popolo
VoteEvent shape (``counts`` as option/value pairs, ``votes`` per voter,
``result`` pass/fail). People are referred to by keys ("p1", "p2", ...) given
in attendance order, and items by their number, so a dump carries no database
ids and loading it then dumping again gives the same document.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from enum import Enum
from typing import Any

from clerkdesk.domain.errors import InvalidRecordError
from clerkdesk.domain.model import (
    Action,
    AgendaItem,
    Decision,
    MeetingRecord,
    MemberOrder,
    Outcome,
)

FORMAT_NAME = "clerkdesk-meeting"
FORMAT_VERSION = 1


def _time(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _fields(thing: object, names: str) -> dict[str, Any]:
    """The fields named, as the record's keys of the same names (enums as their values)."""
    values = {name: getattr(thing, name) for name in names.split()}
    return {k: v.value if isinstance(v, Enum) else v for k, v in values.items()}


def _minutes_details(record: MeetingRecord) -> dict[str, Any]:
    """The meeting's house-style details (format 1, from schema 13), each only when
    set: a record without them dumps, and so seals, exactly as before."""
    details: dict[str, Any] = {
        "body_kind": record.body_kind.value if record.body_kind else None,
        "member_order": None
        if record.member_order is MemberOrder.SURNAME
        else record.member_order.value,
        "closed_at": _time(record.closed_at),
        "clerk_name": record.clerk_name,
        "proper_officer": record.proper_officer,
        "proper_officer_title": record.proper_officer_title,
    }
    return {key: value for key, value in details.items() if value is not None}


def _action(action: Action, paragraph_numbers: dict[int, int]) -> dict[str, Any]:
    entry: dict[str, Any] = {"owner": action.owner, "text": action.text}
    if action.paragraph_id is not None and action.paragraph_id in paragraph_numbers:
        entry["paragraph"] = paragraph_numbers[action.paragraph_id]
    return entry


def _on_the_day(item: AgendaItem) -> dict[str, Any]:
    """An item's changes on the day (migration 0014), written only when there are
    any: a record without them dumps exactly as before, so the seal of minutes
    approved before they existed still matches (seal.py hashes the dump)."""
    found: dict[str, Any] = {}
    if item.urgency_reason is not None:
        found["urgency_reason"] = item.urgency_reason
    if item.disposal is not None:
        found["disposal"] = item.disposal.value
    if item.taken_out_of_order:
        found["taken_out_of_order"] = True
    return found


_ITEM_KEYS = "part exempt_paragraph report_title report_author contact_officer public_summary"
_DECLARATION_KEYS = "kind nature sensitive dispensation left_room"


def dump_record(record: MeetingRecord) -> dict[str, Any]:
    keys = {a.person_id: f"p{n}" for n, a in enumerate(record.attendees, start=1)}
    numbers = {i.id: i.number for i in record.items}

    def person_key(person_id: int | None) -> str | None:
        return keys[person_id] if person_id is not None else None

    def vote(decision: Decision | None) -> dict[str, Any] | None:
        if decision is None:
            return None
        result = {Outcome.CARRIED: "pass", Outcome.LOST: "fail"}.get(decision.outcome)
        event: dict[str, Any] = {
            "outcome": decision.outcome.value,
            "result": result,
            "taken_at": _time(decision.taken_at),
            "counts": [],
            "votes": [{"voter": keys[p], "option": o.value} for p, o in decision.named],
            "casting_vote": None,
        }
        if decision.tally is not None:
            event["counts"] = [
                {"option": "yes", "value": decision.tally.yes},
                {"option": "no", "value": decision.tally.no},
                {"option": "abstain", "value": decision.tally.abstain},
            ]
        if decision.casting_vote is not None:
            event["casting_vote"] = {
                "voter": person_key(decision.casting_voter_id),
                "option": decision.casting_vote.value,
            }
        return event

    # An action's paragraph as its place in the item's minutes (1 for the first).
    paragraph_numbers = {
        p.id: n
        for item in record.items
        for n, p in enumerate(record.paragraphs_of(item.id), start=1)
    }
    items = []
    for item in record.ordered_items:
        recommendations = []
        for rec in record.recommendations_of(item.id):
            entry: dict[str, Any] = {
                "label": rec.label,
                "text": rec.text,
                "vote": vote(record.decision_on(rec.id)),
                "amendments": [
                    {
                        "mover": keys[a.mover_id],
                        "seconder": keys[a.seconder_id],
                        "text": a.text,
                        "resulting_text": a.resulting_text,
                        "vote": vote(record.decision_on_amendment(a.id)),
                    }
                    for a in record.amendments_of(rec.id)
                ],
            }
            if rec.points:  # only when there are some: older records (and seals) stay as they were
                entry["points"] = list(rec.points)
            recommendations.append(entry)
        items.append(
            {
                "number": item.number,
                "title": item.title,
                # Only when there is one, so records without it dump (and seal) as before.
                **({"welsh_title": item.welsh_title} if item.welsh_title is not None else {}),
                **_fields(item, _ITEM_KEYS),
                **_on_the_day(item),
                "declarations": [
                    {"person": keys[d.person_id], **_fields(d, _DECLARATION_KEYS)}
                    for d in record.declarations_for(item.id)
                ],
                "recommendations": recommendations,
                "minutes": [p.text for p in record.paragraphs_of(item.id)],
                "actions": [_action(a, paragraph_numbers) for a in record.actions_of(item.id)],
            }
        )
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "organisation": record.organisation,
        "committee": {"name": record.committee, "quorum": record.quorum},
        "meeting": {
            "date": record.date.isoformat(),
            "start_time": _time(record.start_time),
            "venue": record.venue,
            "status": record.status.value,
            "approved_at": record.approved_at.isoformat() if record.approved_at else None,
            "approved_by": record.approved_by,
            "chair_style": record.chair_style.value,
            "seal": record.seal,
            **_minutes_details(record),
        },
        "people": [
            {
                "key": keys[a.person_id],
                "name": record.name_of(a.person_id),
                "kind": record.person(a.person_id).kind.value,
                "title": record.person(a.person_id).title,
            }
            for a in record.attendees
        ],
        "attendance": [
            {
                "person": keys[a.person_id],
                **_fields(a, "capacity role voting status"),
                "arrived_at": _time(a.arrived_at),
                "departed_at": _time(a.departed_at),
                "arrived_during_item": numbers.get(a.arrived_during_item or -1),
                "departed_during_item": numbers.get(a.departed_during_item or -1),
                "substitute_for": person_key(a.substitute_for),
                # Written only when set (migration 0015), so a record without
                # notes dumps as before and approved minutes' seals still match.
                **({"note": a.note} if a.note is not None else {}),
            }
            for a in record.attendees
        ],
        "interest_kinds": [asdict(k) for k in record.interest_kinds],
        "items": items,
        "corrections": [
            {
                "made_at": c.made_at.isoformat(),
                **_fields(c, "made_by reason summary"),
                "rows_changed": json.loads(c.rows_changed),
                "seal": c.seal,
            }
            for c in record.corrections
        ],
    }


def check_header(data: Any) -> None:
    if not isinstance(data, dict):
        raise InvalidRecordError("A meeting record must be a JSON object.")
    if data.get("format") != FORMAT_NAME:
        raise InvalidRecordError(
            f'This is not a ClerkDesk meeting record (expected "format": "{FORMAT_NAME}").'
        )
    version = data.get("version")
    if version != FORMAT_VERSION:
        raise InvalidRecordError(
            f"This meeting record is format version {version!r}; this ClerkDesk reads version "
            f"{FORMAT_VERSION}. Update ClerkDesk to load it."
        )

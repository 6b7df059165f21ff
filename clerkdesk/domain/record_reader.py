"""Reading a ``clerkdesk-meeting`` JSON document into a ``MeetingRecord``.

The document is first held against its schema (record_schema.py): an unknown,
missing or wrongly typed key refuses it whole. Then every reference is checked
for its target; the error names where in the document the problem is, so the
file can be fixed.
Ids in the record are provisional (1, 2, 3, ...), given in document order.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable
from typing import Any, TypeVar, cast

from clerkdesk.domain.errors import InvalidRecordError
from clerkdesk.domain.model import (
    Action,
    AgendaItem,
    Amendment,
    AttendanceStatus,
    Attendee,
    BodyKind,
    Capacity,
    ChairStyle,
    Correction,
    Decision,
    Declaration,
    Disposal,
    InterestKind,
    MeetingRecord,
    MeetingStatus,
    MemberOrder,
    MinuteParagraph,
    Outcome,
    Person,
    PersonKind,
    Recommendation,
    Role,
    Tally,
    VoteOption,
)
from clerkdesk.domain.record_json import check_header
from clerkdesk.domain.record_schema import check_document

T = TypeVar("T")


class _Reader:
    """One object of a document already held against its schema: its keys are
    known, present where required and of the right type, so reading only
    converts them. What the schema cannot know, the references, is checked here."""

    def __init__(self, data: dict[str, Any], path: str) -> None:
        self.data, self.path = data, path

    def fail(self, key: str, problem: str) -> InvalidRecordError:
        return InvalidRecordError(f"In the meeting record at {self.path}.{key}: {problem}.")

    def get(self, key: str, kind: type[T]) -> T:
        return cast(T, self.data[key])

    def text(self, key: str, *, optional: bool = False) -> str:
        return cast(str, self.data.get(key) if optional else self.data[key])

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key)
        return default if value is None else bool(value)

    def parse(self, key: str, convert: Callable[[str], T], *, optional: bool = True) -> T | None:
        raw = self.data.get(key) if optional else self.data[key]
        return None if raw is None else convert(raw)

    def child(self, key: str) -> _Reader:
        return _Reader(self.data[key], f"{self.path}.{key}")

    def children(self, key: str) -> list[_Reader]:
        values = self.data.get(key) or []
        return [_Reader(value, f"{self.path}.{key}[{n}]") for n, value in enumerate(values)]


def read_record(data: Any) -> MeetingRecord:
    check_header(data)
    check_document(data)
    root = _Reader(data, "record")
    ids = itertools.count(1)
    committee, meeting = root.child("committee"), root.child("meeting")
    people: dict[str, Person] = {}
    for p in root.children("people"):
        key = p.text("key")
        if key in people:
            raise p.fail("key", f"the key {key!r} is used twice")
        people[key] = Person(
            next(ids),
            p.text("name"),
            p.parse("kind", PersonKind, optional=True) or PersonKind.COUNCILLOR,
            p.text("title", optional=True),
        )

    def person(reader: _Reader, key: str, *, optional: bool = False) -> int | None:
        ref = reader.text(key, optional=optional)
        if ref is None:
            return None
        if ref not in people:
            raise reader.fail(key, f"no person has the key {ref!r}")
        return people[ref].id

    def required_person(reader: _Reader, key: str) -> int:
        found = person(reader, key)
        assert found is not None
        return found

    items: list[AgendaItem] = []
    recommendations: list[Recommendation] = []
    amendments: list[Amendment] = []
    declarations: list[Declaration] = []
    decisions: list[Decision] = []
    paragraphs: list[MinuteParagraph] = []
    actions: list[Action] = []

    def decision(reader: _Reader | None, **motion: int) -> None:
        if reader is None:
            return
        tally = None
        counts = {c.text("option"): c.get("value", int) for c in reader.children("counts")}
        if counts:
            tally = Tally(counts.get("yes", 0), counts.get("no", 0), counts.get("abstain", 0))
        named = tuple(
            (required_person(v, "voter"), v.parse("option", VoteOption, optional=False))
            for v in reader.children("votes")
        )
        casting = reader.data.get("casting_vote")
        casting_reader = reader.child("casting_vote") if casting is not None else None
        decisions.append(
            Decision(
                id=next(ids),
                outcome=reader.parse("outcome", Outcome, optional=False),  # type: ignore[arg-type]
                tally=tally,
                named=named,  # type: ignore[arg-type]
                casting_vote=casting_reader.parse("option", VoteOption) if casting_reader else None,
                casting_voter_id=person(casting_reader, "voter", optional=True)
                if casting_reader
                else None,
                taken_at=reader.parse("taken_at", dt.time.fromisoformat),
                **motion,
            )
        )

    for position, i in enumerate(root.children("items")):
        item = AgendaItem(
            id=next(ids),
            number=i.text("number"),
            title=i.text("title"),
            position=position,
            # Both stated in every item (the schema refuses a record without them):
            # nothing here defaults to Part I.
            part=i.get("part", int),
            exempt_paragraph=i.data["exempt_paragraph"],
            report_title=i.text("report_title", optional=True),
            report_author=i.text("report_author", optional=True),
            contact_officer=i.text("contact_officer", optional=True),
            public_summary=i.text("public_summary", optional=True),
            urgency_reason=i.text("urgency_reason", optional=True),
            disposal=i.parse("disposal", Disposal),
            taken_out_of_order=i.flag("taken_out_of_order"),
            welsh_title=i.text("welsh_title", optional=True),
        )
        items.append(item)
        for d in i.children("declarations"):
            declarations.append(
                Declaration(
                    next(ids),
                    item.id,
                    required_person(d, "person"),
                    d.text("kind"),
                    d.text("nature", optional=True) or "",
                    d.flag("sensitive"),
                    d.flag("dispensation"),
                    d.flag("left_room"),
                )
            )
        for rec_pos, r in enumerate(i.children("recommendations")):
            rec = Recommendation(
                next(ids),
                item.id,
                r.text("text"),
                rec_pos,
                r.text("label", optional=True),
                tuple(r.data.get("points") or ()),
            )
            recommendations.append(rec)
            decision(
                r.child("vote") if r.data.get("vote") is not None else None,
                recommendation_id=rec.id,
            )
            for am_pos, a in enumerate(r.children("amendments")):
                amendment = Amendment(
                    next(ids),
                    rec.id,
                    required_person(a, "mover"),
                    required_person(a, "seconder"),
                    a.text("text"),
                    am_pos,
                    a.text("resulting_text", optional=True),
                )
                amendments.append(amendment)
                decision(
                    a.child("vote") if a.data.get("vote") is not None else None,
                    amendment_id=amendment.id,
                )
        minutes = i.data.get("minutes") or []
        item_paragraphs = [MinuteParagraph(next(ids), item.id, n, t) for n, t in enumerate(minutes)]
        paragraphs += item_paragraphs
        for act_pos, a in enumerate(i.children("actions")):
            place = a.data.get("paragraph")
            if place is not None and not 1 <= place <= len(item_paragraphs):
                raise a.fail("paragraph", f"the item has no minute paragraph {place}")
            paragraph_id = item_paragraphs[place - 1].id if place is not None else None
            actions.append(
                Action(next(ids), item.id, act_pos, a.text("owner"), a.text("text"), paragraph_id)
            )

    by_number = {item.number: item.id for item in items}

    def item_ref(reader: _Reader, key: str) -> int | None:
        number = reader.text(key, optional=True)
        if number is None:
            return None
        if number not in by_number:
            raise reader.fail(key, f"there is no item numbered {number!r}")
        return by_number[number]

    attendees = tuple(
        Attendee(
            person_id=required_person(a, "person"),
            capacity=a.parse("capacity", Capacity, optional=False),  # type: ignore[arg-type]
            role=a.parse("role", Role) or Role.MEMBER,
            voting=a.flag("voting", default=True),
            status=a.parse("status", AttendanceStatus) or AttendanceStatus.PRESENT,
            arrived_at=a.parse("arrived_at", dt.time.fromisoformat),
            departed_at=a.parse("departed_at", dt.time.fromisoformat),
            arrived_during_item=item_ref(a, "arrived_during_item"),
            departed_during_item=item_ref(a, "departed_during_item"),
            substitute_for=person(a, "substitute_for", optional=True),
            note=a.text("note", optional=True),
        )
        for a in root.children("attendance")
    )
    kinds = tuple(
        InterestKind(
            k.text("code"),
            k.text("label"),
            k.flag("may_speak"),
            k.flag("may_vote"),
            k.flag("must_leave"),
            k.flag("shows_nature", default=True),
        )
        for k in root.children("interest_kinds")
    )
    approved_at = meeting.parse("approved_at", dt.datetime.fromisoformat)
    return MeetingRecord(
        meeting_id=0,
        organisation=root.text("organisation"),
        committee=committee.text("name"),
        quorum=committee.get("quorum", int),
        date=meeting.parse("date", dt.date.fromisoformat, optional=False),  # type: ignore[arg-type]
        start_time=meeting.parse("start_time", dt.time.fromisoformat),
        venue=meeting.text("venue", optional=True),
        status=meeting.parse("status", MeetingStatus) or MeetingStatus.DRAFT,
        approved_at=approved_at,
        approved_by=meeting.text("approved_by", optional=True),
        chair_style=meeting.parse("chair_style", ChairStyle) or ChairStyle.CHAIRMAN,
        seal=meeting.text("seal", optional=True),
        body_kind=meeting.parse("body_kind", BodyKind),
        member_order=meeting.parse("member_order", MemberOrder) or MemberOrder.SURNAME,
        closed_at=meeting.parse("closed_at", dt.time.fromisoformat),
        clerk_name=meeting.text("clerk_name", optional=True),
        proper_officer=meeting.text("proper_officer", optional=True),
        proper_officer_title=meeting.text("proper_officer_title", optional=True),
        people=tuple(people.values()),
        attendees=attendees,
        interest_kinds=kinds,
        items=tuple(items),
        recommendations=tuple(recommendations),
        amendments=tuple(amendments),
        declarations=tuple(declarations),
        decisions=tuple(decisions),
        paragraphs=tuple(paragraphs),
        actions=tuple(actions),
        corrections=tuple(
            Correction(
                next(ids),
                c.parse("made_at", dt.datetime.fromisoformat, optional=False),  # type: ignore[arg-type]
                c.text("made_by"),
                c.text("reason"),
                c.text("summary"),
                json.dumps(c.data.get("rows_changed") or [], separators=(",", ":")),
                c.text("seal", optional=True),
            )
            for c in root.children("corrections")
        ),
    )

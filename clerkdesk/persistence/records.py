"""Reading a meeting from the database as a domain ``MeetingRecord``.

In SQLAlchemy Core, on the tables of ``schema.py``: the column types give
dates, times and booleans, so the same reader serves any database
SQLAlchemy supports. The statements are built once, at import, with the
meeting's id as a bound parameter, so each is compiled once per database
(SQLAlchemy's compiled cache) however often a record is read.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from itertools import starmap
from typing import Any, Protocol, TypeVar

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Integer,
    Result,
    Row,
    Select,
    Table,
    bindparam,
    func,
    null,
    select,
    union,
)

from clerkdesk.domain.errors import NotFoundError
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
from clerkdesk.domain.schedule_12a import ExemptParagraph
from clerkdesk.persistence.kept_records import KeptRecords, high_water_mark
from clerkdesk.persistence.meeting_list import MeetingSummary
from clerkdesk.persistence.schema import (
    Base,
    CommitteeRow,
    MeetingRow,
    OrganisationRow,
)


def points(value: str | None) -> tuple[str, ...]:
    """A recommendation's sub-points, stored as a JSON array of text."""
    return tuple(json.loads(value)) if value else ()


def points_json(points: tuple[str, ...]) -> str | None:
    return json.dumps(list(points), ensure_ascii=False) if points else None


def exempt_paragraph(value: int | str | None) -> ExemptParagraph | None:
    """A Part II item's paragraph of Schedule 12A as the domain has it: a
    number as an int (3, 14), a lettered one as text ("7A"). The column was
    declared INTEGER, where SQLite keeps "7A" as text and 3 as a number; held
    as text, "3" is the number 3 again, so a record (and its seal) reads the
    same from either column."""
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value


E = TypeVar("E", bound=Enum)
T = TypeVar("T")


def _converter(kind: type[E]) -> Callable[[str], E]:
    """A fast str -> member look-up: calling an Enum class costs a microsecond,
    which over every attendee and vote was a fifth of reading a record."""
    members = {member.value: member for member in kind}

    def convert(value: str) -> E:
        found = members.get(value)
        return found if found is not None else kind(value)  # kind() raises the usual error

    return convert


_capacity = _converter(Capacity)
_role = _converter(Role)
_attendance = _converter(AttendanceStatus)
_person_kind = _converter(PersonKind)
vote_option = _converter(VoteOption)
_outcome = _converter(Outcome)
_chair_style = _converter(ChairStyle)
_disposal = _converter(Disposal)
_meeting_status = _converter(MeetingStatus)


# --- the statements ------------------------------------------------------------------
#
# Each section's query selects the columns its part of the record needs, in
# the order the reader unpacks them (a row unpacked costs a fraction of
# reading its columns by name, over the thousand rows of a large meeting).
# Every query orders by a unique key (ending in the primary key), so a record
# read twice compares equal.
#
# The record is read in sections, each named after the MeetingRecord fields it
# fills and listing the tables its query reads, so that the record an action
# began from can have just the sections whose tables it wrote read again
# (``read_changed``).

MEETING_ID: BindParameter[int] = bindparam("meeting_id", type_=Integer)

# A table's columns, named with spaces between, as a file has them (see
# statements_for_columns).
Columns = Callable[[Table, str], list[ColumnElement[Any]]]


def _all_there(table: Table, names: str) -> list[ColumnElement[Any]]:
    return [table.c[name] for name in names.split()]


_ITEM = (
    "id number title position part exempt_paragraph report_title report_author"
    " contact_officer public_summary urgency_reason disposal taken_out_of_order"
    " welsh_title"
)
_ATTENDEE = (
    "person_id capacity role voting status arrived_at departed_at arrived_item_id"
    " departed_item_id substitute_for_id note"
)
_DECISION = (
    "id outcome recommendation_id amendment_id yes no abstain casting_vote"
    " casting_voter_id taken_at"
)
_MEETING = (
    "id date start_time venue status approved_at approved_by chair_style seal"
    " body_kind member_order closed_at clerk_name proper_officer proper_officer_title"
)


def _statements(columns: Columns) -> dict[str, Select[Any]]:
    """Each section's query, selecting a table's columns as ``columns`` gives them."""
    table = Base.metadata.tables
    meeting, committee, organisation = table["meeting"], table["committee"], table["organisation"]
    item, attendee, person = table["agenda_item"], table["attendee"], table["person"]
    recommendation, amendment = table["recommendation"], table["amendment"]
    decision, named = table["decision"], table["named_vote"]
    declaration, correction = table["declaration"], table["correction"]
    paragraph, action, kinds = table["minute_paragraph"], table["action"], table["interest_kind"]

    def of_meeting(table: Table, names: str) -> Select[Any]:
        return select(*columns(table, names)).where(table.c.meeting_id == MEETING_ID)

    items_of_meeting = select(item.c.id).where(item.c.meeting_id == MEETING_ID)

    def of_items(table: Table, names: str) -> Select[Any]:
        return (
            select(*columns(table, names))
            .where(table.c.item_id.in_(items_of_meeting))
            .order_by(table.c.item_id, table.c.position, table.c.id)
        )

    # The title is the one recorded for this meeting, not the person's latest.
    here = attendee.alias("here")
    in_meeting = union(
        select(attendee.c.person_id).where(attendee.c.meeting_id == MEETING_ID),
        select(attendee.c.substitute_for_id).where(attendee.c.meeting_id == MEETING_ID),
    )
    recommendations_of_meeting = (
        select(recommendation.c.id)
        .join_from(recommendation, item, item.c.id == recommendation.c.item_id)
        .where(item.c.meeting_id == MEETING_ID)
    )
    decisions_of_meeting = select(decision.c.id).where(decision.c.meeting_id == MEETING_ID)
    amendments = "id recommendation_id mover_id seconder_id text position resulting_text"
    declarations = "id item_id person_id kind_code nature sensitive dispensation left_room"
    return {
        "meeting": select(
            *columns(meeting, _MEETING),
            committee.c.name.label("committee"),
            func.coalesce(meeting.c.quorum, committee.c.quorum).label("quorum"),
            organisation.c.name.label("organisation"),
        )
        .join_from(meeting, committee, committee.c.id == meeting.c.committee_id)
        .join(organisation, organisation.c.id == committee.c.organisation_id)
        .where(meeting.c.id == MEETING_ID),
        "items": of_meeting(item, _ITEM).order_by(item.c.position, item.c.id),
        "attendees": of_meeting(attendee, _ATTENDEE).order_by(attendee.c.position, attendee.c.id),
        "people": select(person.c.id, person.c.name, person.c.kind, here.c.title)
        .outerjoin_from(
            person, here, (here.c.person_id == person.c.id) & (here.c.meeting_id == MEETING_ID)
        )
        .where(person.c.id.in_(in_meeting))
        .order_by(person.c.id),
        "recommendations": of_items(recommendation, "id item_id text position label points"),
        "amendments": select(*columns(amendment, amendments))
        .where(amendment.c.recommendation_id.in_(recommendations_of_meeting))
        .order_by(amendment.c.recommendation_id, amendment.c.position, amendment.c.id),
        "decisions": of_meeting(decision, _DECISION).order_by(decision.c.id),
        "named": select(*columns(named, "decision_id person_id option"))
        .where(named.c.decision_id.in_(decisions_of_meeting))
        .order_by(named.c.decision_id, named.c.position, named.c.id),
        "declarations": of_meeting(declaration, declarations).order_by(declaration.c.id),
        "paragraphs": of_items(paragraph, "id item_id position text"),
        "actions": of_items(action, "id item_id position owner text paragraph_id"),
        "corrections": of_meeting(
            correction, "id made_at made_by reason summary changes seal"
        ).order_by(correction.c.id),
        "interest_kinds": select(
            *columns(kinds, "code label may_speak may_vote must_leave shows_nature")
        ).order_by(kinds.c.position, kinds.c.code),
    }


STATEMENTS = _statements(_all_there)


def statements_for_columns(present: Mapping[str, Iterable[str]]) -> dict[str, Select[Any]]:
    """The statements for a file whose tables have only the ``present`` columns
    (by table name): a column a later migration adds reads as NULL, which the
    record takes as unset. For upgrading: an older file's approved meetings are
    sealed (seals.py) at version 10, before the later columns exist."""
    have = {name: frozenset(columns) for name, columns in present.items()}

    def columns(table: Table, names: str) -> list[ColumnElement[Any]]:
        there = have.get(table.name, frozenset())
        return [table.c[n] if n in there else null().label(n) for n in names.split()]

    return _statements(columns)


# --- the sections ----------------------------------------------------------------------

Fields = dict[str, Any]
Reader = Callable[["Reading"], Fields]


class Reading:
    """One meeting's rows read in one transaction, with a given set of statements."""

    __slots__ = ("connection", "meeting_id", "statements")

    def __init__(
        self,
        connection: Connection,
        meeting_id: int,
        statements: Mapping[str, Select[Any]] = STATEMENTS,
    ) -> None:
        self.connection = connection
        self.meeting_id = meeting_id
        self.statements = statements

    def rows(self, name: str) -> Sequence[Row[*tuple[Any, ...]]]:
        """The rows of a section's query, to unpack in the order it selects."""
        return self._result(name).all()

    def first(self, name: str) -> Row[Any] | None:
        """The first row of a query, its columns by name."""
        return self._result(name).first()

    def _result(self, name: str) -> Result[*tuple[Any, ...]]:
        return self.connection.execute(self.statements[name], {"meeting_id": self.meeting_id})


def _meeting(reading: Reading) -> Fields:
    m = reading.first("meeting")
    if m is None:
        raise NotFoundError(
            f"There is no meeting with id {reading.meeting_id}. List the meetings with "
            "`clerkdesk meetings` to find its id."
        )
    fields = dict(m._mapping)  # the query selects the record's fields by name
    fields["meeting_id"] = fields.pop("id")
    return fields | {
        "status": _meeting_status(m.status),
        "chair_style": _chair_style(m.chair_style),
        "body_kind": BodyKind(m.body_kind) if m.body_kind else None,
        "member_order": MemberOrder(m.member_order or MemberOrder.SURNAME.value),
    }


def _if_set(convert: Callable[[Any], T]) -> Callable[[Any], T | None]:
    return lambda value: convert(value) if value else None


def _objects(name: str, kind: type[Any], /, **convert: Callable[[Any], Any]) -> Reader:
    """The section that makes a ``kind`` of each row of its query (also called
    ``name``), whose columns are ``kind``'s fields in order; a field named in
    ``convert`` is passed through its function first. Converted a column at a
    time and made with ``starmap``, which over the thousand rows of a large
    meeting is faster than unpacking each row in Python."""
    places = [field.name for field in fields(kind)]
    converting = [(places.index(field), function) for field, function in convert.items()]

    def read(reading: Reading) -> Fields:
        rows = reading.rows(name)
        if not rows:
            return {name: ()}
        columns: list[Iterable[Any]] = list(zip(*rows, strict=True))
        for place, function in converting:
            columns[place] = map(function, columns[place])
        return {name: tuple(starmap(kind, zip(*columns, strict=True)))}

    return read


def _decisions(reading: Reading) -> Fields:
    named: dict[int, list[tuple[int, VoteOption]]] = {}
    rows = reading.rows("decisions")
    for decision, person, option in reading.rows("named"):
        named.setdefault(decision, []).append((person, vote_option(option)))
    return {
        "decisions": tuple(
            Decision(
                id,
                _outcome(outcome),
                recommendation,
                amendment,
                None if yes is None else Tally(yes, no or 0, abstain or 0),
                tuple(named.get(id, ())),
                vote_option(casting) if casting else None,
                voter,
                at,
            )
            for id, outcome, recommendation, amendment, yes, no, abstain, casting, voter, at in rows
        )
    }


@dataclass(frozen=True, slots=True)
class Section:
    """Part of a record: the tables its queries read, and how it is read."""

    tables: frozenset[str]
    read: Reader
    # Of a table it reads only some columns of, those: a row changed in others
    # alone leaves the section as it was.
    columns: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def stale(self, written: Mapping[str, frozenset[str] | None]) -> bool:
        """Whether writes to ``written`` (each table's updated columns, or None
        where rows were added or removed) can have changed this section."""
        for table in self.tables & written.keys():
            read, changed = self.columns.get(table), written[table]
            if read is None or changed is None or not read.isdisjoint(changed):
                return True
        return False


def _section(tables: str, read: Reader, **columns: str) -> Section:
    return Section(
        frozenset(tables.split()), read, {t: frozenset(c.split()) for t, c in columns.items()}
    )


_DECLARED = dict.fromkeys(("sensitive", "dispensation", "left_room"), bool)
_WHAT_A_KIND_ALLOWS = dict.fromkeys(("may_speak", "may_vote", "must_leave", "shows_nature"), bool)
SECTIONS: dict[str, Section] = {
    "meeting": _section("meeting committee organisation", _meeting),
    "people": _section(
        "person attendee",
        _objects("people", Person, kind=_person_kind),
        # Who attends and their title here, not their attendance (a key press).
        attendee="meeting_id person_id substitute_for_id title",
    ),
    "attendees": _section(
        "attendee",
        _objects(
            "attendees", Attendee, capacity=_capacity, role=_role, voting=bool, status=_attendance
        ),
    ),
    "interest_kinds": _section(
        "interest_kind", _objects("interest_kinds", InterestKind, **_WHAT_A_KIND_ALLOWS)
    ),
    "items": _section(
        "agenda_item",
        _objects(
            "items",
            AgendaItem,
            exempt_paragraph=exempt_paragraph,
            disposal=_if_set(_disposal),
            taken_out_of_order=bool,
        ),
    ),
    "recommendations": _section(
        "recommendation agenda_item", _objects("recommendations", Recommendation, points=points)
    ),
    "amendments": _section(
        "amendment recommendation agenda_item", _objects("amendments", Amendment)
    ),
    "decisions": _section("decision named_vote", _decisions),
    "declarations": _section("declaration", _objects("declarations", Declaration, **_DECLARED)),
    "paragraphs": _section("minute_paragraph agenda_item", _objects("paragraphs", MinuteParagraph)),
    "actions": _section("action agenda_item", _objects("actions", Action)),
    "corrections": _section(
        "correction",
        _objects("corrections", Correction, made_at=lambda at: at or dt.datetime.min),
    ),
}


def interest_kinds(session: InTransaction) -> tuple[InterestKind, ...]:
    """The kinds of interest the database knows (its own, not one meeting's)."""
    kinds: tuple[InterestKind, ...] = SECTIONS["interest_kinds"].read(
        Reading(session.connection(), meeting_id=0)
    )["interest_kinds"]
    return kinds


class InTransaction(Protocol):
    """A Session, or a Database.transaction(): an open transaction on one connection."""

    def connection(self) -> Connection: ...


def read_sections(reading: Reading, names: Iterable[str]) -> Fields:
    """The MeetingRecord fields of the named sections, read now."""
    fields: Fields = {}
    for name in names:
        fields.update(SECTIONS[name].read(reading))
    return fields


def read_record(reading: Reading) -> MeetingRecord:
    """Every section of the meeting's record, read now."""
    return MeetingRecord(**read_sections(reading, SECTIONS))


def read_whole_record(session: InTransaction, meeting_id: int) -> MeetingRecord:
    """The whole record read from the database, bypassing any record kept in memory."""
    return read_record(Reading(session.connection(), meeting_id))


_MEETING_LIST = (
    select(
        MeetingRow.id,
        OrganisationRow.name,
        CommitteeRow.name,
        MeetingRow.date,
        MeetingRow.status,
        MeetingRow.venue,
    )
    .join_from(MeetingRow, CommitteeRow, CommitteeRow.id == MeetingRow.committee_id)
    .join(OrganisationRow, OrganisationRow.id == CommitteeRow.organisation_id)
    .order_by(MeetingRow.date.desc(), MeetingRow.id.desc())
)


def meeting_list(session: InTransaction) -> list[MeetingSummary]:
    """Every meeting, newest first, as the window's first look lists them."""
    # ``all()``: the driver's rows in one call. Iterating the result asks the
    # driver for each row in turn, which on a server's 25,000 meetings cost
    # more than the query (docs/benchmarks.md, issue 18).
    # Rows and tuples of text and numbers, which can hold no reference cycle:
    # the cyclic collector is paused while they are made. Otherwise the tens
    # of thousands made set it off again and again, each time over every
    # object the program has, and it took half the list's time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        rows = session.connection().execute(_MEETING_LIST).all()
        return [
            MeetingSummary(id, organisation, committee, date.isoformat(), status, venue)
            for id, organisation, committee, date, status, venue in rows
        ]
    finally:
        if collecting:
            gc.enable()


def read_changed(
    session: InTransaction, before: MeetingRecord, written: Mapping[str, frozenset[str] | None]
) -> MeetingRecord:
    """``before`` with the sections that ``written`` may have changed read again
    (by table: the columns updated, or None where rows were added or removed).

    For the end of an action: ``before`` was true at the start of its
    transaction, and ``written`` is all the action wrote since (the write lock
    keeps every other writer out), so the sections it did not touch are as
    they were."""
    stale = [name for name, section in SECTIONS.items() if section.stale(written)]
    reading = Reading(session.connection(), before.meeting_id)
    return replace(before, **read_sections(reading, stale))


def load_record(
    session: InTransaction,
    meeting_id: int,
    kept: KeptRecords | None = None,
    mark: int | None = None,
) -> MeetingRecord:
    """The record as it stands in the session's transaction: the one ``kept``
    holds if nothing has been written since it was kept, else read in full
    (and kept once the transaction has committed, by the caller)."""
    if kept is None or not kept.enabled:
        return read_whole_record(session, meeting_id)
    if mark is None:
        mark = high_water_mark(session.connection())
    found = kept.get(meeting_id, mark)
    if found is None:
        return read_whole_record(session, meeting_id)
    if kept.verify:
        fresh = read_whole_record(session, meeting_id)
        # repr as well as ==: the rules test members with `is`, so types must match.
        if fresh != found or repr(fresh) != repr(found):
            raise AssertionError(f"The record kept for meeting {meeting_id} differs from the file.")
    return found

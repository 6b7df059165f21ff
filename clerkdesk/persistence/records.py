"""Reading a meeting from the database as a domain ``MeetingRecord``."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

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
from clerkdesk.persistence.kept_records import KeptRecords, high_water_mark
from clerkdesk.persistence.meeting_list import MeetingSummary, read_meeting_list
from clerkdesk.persistence.schema import (
    InterestKindRow,
    MeetingRow,
)


def get_meeting_row(session: Session, meeting_id: int) -> MeetingRow:
    row = session.get(MeetingRow, meeting_id)
    if row is None:
        raise NotFoundError(
            f"There is no meeting with id {meeting_id}. List the meetings with "
            "`clerkdesk meetings` to find its id."
        )
    return row


def interest_kinds(session: Session) -> tuple[InterestKind, ...]:
    rows = session.scalars(select(InterestKindRow).order_by(InterestKindRow.position))
    return tuple(
        InterestKind(
            code=r.code,
            label=r.label,
            may_speak=r.may_speak,
            may_vote=r.may_vote,
            must_leave=r.must_leave,
            shows_nature=r.shows_nature,
        )
        for r in rows
    )


# The record is read with plain SQL on the session's own connection: it is
# read at least once per clerk action, and building SQLAlchemy statements and
# rows cost four times the queries themselves (see docs/benchmarks.md).
#
# Every query orders by a unique key (ending in the primary key), so a record read twice
# compares equal and an in-memory patch can put a row where the query would.
#
# It is read in sections, each named after the MeetingRecord fields it fills
# and listing the tables its query reads, so that a record kept in memory can
# have just the sections whose tables changed read again (record_cache.py).
_IN_MEETING_ITEMS = "item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?)"
_QUERIES = {
    "meeting": "SELECT m.*, c.name AS committee, coalesce(m.quorum, c.quorum) AS quorum,"
    " o.name AS organisation"
    " FROM meeting m JOIN committee c ON c.id = m.committee_id"
    " JOIN organisation o ON o.id = c.organisation_id WHERE m.id = ?",
    "items": "SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id",
    "attendees": "SELECT * FROM attendee WHERE meeting_id = ? ORDER BY position, id",
    # The title is the one recorded for this meeting, not the person's latest.
    "people": "SELECT p.id, p.name, p.kind, a.title FROM person p"
    " LEFT JOIN attendee a ON a.person_id = p.id AND a.meeting_id = ?"
    " WHERE p.id IN (SELECT person_id FROM attendee WHERE meeting_id = ?"
    " UNION SELECT substitute_for_id FROM attendee WHERE meeting_id = ?)"
    " ORDER BY p.id",
    "recommendations": f"SELECT * FROM recommendation WHERE {_IN_MEETING_ITEMS}"
    " ORDER BY item_id, position, id",
    "amendments": "SELECT * FROM amendment WHERE recommendation_id IN (SELECT r.id FROM"
    " recommendation r JOIN agenda_item i ON i.id = r.item_id WHERE i.meeting_id = ?)"
    " ORDER BY recommendation_id, position, id",
    "decisions": "SELECT * FROM decision WHERE meeting_id = ? ORDER BY id",
    "named": "SELECT * FROM named_vote WHERE decision_id IN"
    " (SELECT id FROM decision WHERE meeting_id = ?) ORDER BY decision_id, position, id",
    "declarations": "SELECT * FROM declaration WHERE meeting_id = ? ORDER BY id",
    "paragraphs": f"SELECT * FROM minute_paragraph WHERE {_IN_MEETING_ITEMS}"
    " ORDER BY item_id, position, id",
    "actions": f"SELECT * FROM action WHERE {_IN_MEETING_ITEMS} ORDER BY item_id, position, id",
    "corrections": "SELECT * FROM correction WHERE meeting_id = ? ORDER BY id",
    "kinds": "SELECT * FROM interest_kind ORDER BY position, code",
}


def _time(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def points(value: str | None) -> tuple[str, ...]:
    """A recommendation's sub-points, stored as a JSON array of text."""
    return tuple(json.loads(value)) if value else ()


def points_json(points: tuple[str, ...]) -> str | None:
    return json.dumps(list(points), ensure_ascii=False) if points else None


def _datetime(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


E = TypeVar("E", bound=Enum)


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


class RowLike(Protocol):
    """A row as read from the database (sqlite3.Row) or as captured for undo (a dict)."""

    def __getitem__(self, column: str, /) -> Any: ...


def _rows(cursor: sqlite3.Cursor, name: str, *params: object) -> list[sqlite3.Row]:
    found: list[sqlite3.Row] = cursor.execute(_QUERIES[name], params).fetchall()
    return found


Fields = dict[str, Any]


def _meeting(cursor: sqlite3.Cursor, meeting_id: int) -> Fields:
    found = _rows(cursor, "meeting", meeting_id)
    if not found:
        raise NotFoundError(
            f"There is no meeting with id {meeting_id}. List the meetings with "
            "`clerkdesk meetings` to find its id."
        )
    meeting = found[0]
    return {
        "meeting_id": meeting["id"],
        "organisation": meeting["organisation"],
        "committee": meeting["committee"],
        "quorum": meeting["quorum"],
        "date": dt.date.fromisoformat(meeting["date"]),
        "start_time": _time(meeting["start_time"]),
        "venue": meeting["venue"],
        "status": _converter(MeetingStatus)(meeting["status"]),
        "approved_at": _datetime(meeting["approved_at"]),
        "approved_by": meeting["approved_by"],
        "chair_style": _chair_style(meeting["chair_style"]),
        "seal": meeting["seal"],
        **_minutes_details(meeting),
    }


def _has(row: sqlite3.Row, column: str) -> bool:
    # `in` on a sqlite3.Row looks among its values, not its column names.
    return column in row.keys()  # noqa: SIM118


def _minutes_details(meeting: sqlite3.Row) -> Fields:
    """The columns of schema 13. An upgrade reads records before it reaches 13
    (sealing, at 10), when the meeting has none of them: then they are unset."""
    if not _has(meeting, "body_kind"):
        return {}
    return {
        "body_kind": BodyKind(meeting["body_kind"]) if meeting["body_kind"] else None,
        "member_order": MemberOrder(meeting["member_order"] or MemberOrder.SURNAME.value),
        "closed_at": _time(meeting["closed_at"]),
        "clerk_name": meeting["clerk_name"],
        "proper_officer": meeting["proper_officer"],
        "proper_officer_title": meeting["proper_officer_title"],
    }


def _people(cursor: sqlite3.Cursor, meeting_id: int) -> Fields:
    rows = _rows(cursor, "people", meeting_id, meeting_id, meeting_id)
    return {
        "people": tuple(
            Person(p["id"], p["name"], _person_kind(p["kind"]), p["title"]) for p in rows
        )
    }


def attendee_from_row(a: RowLike) -> Attendee:
    return Attendee(
        person_id=a["person_id"],
        capacity=_capacity(a["capacity"]),
        role=_role(a["role"]),
        voting=bool(a["voting"]),
        status=_attendance(a["status"]),
        arrived_at=_time(a["arrived_at"]),
        departed_at=_time(a["departed_at"]),
        arrived_during_item=a["arrived_item_id"],
        departed_during_item=a["departed_item_id"],
        substitute_for=a["substitute_for_id"],
        note=_note_of(a),
    )


def _note_of(a: RowLike) -> str | None:
    """The attendance note (migration 0015). Upgrading from before version 10,
    meetings are sealed (seals.py) before version 15 has added the column."""
    try:
        note: str | None = a["note"]
    except (IndexError, KeyError):
        return None
    return note


def _attendees(cursor: sqlite3.Cursor, meeting_id: int) -> Fields:
    return {"attendees": tuple(map(attendee_from_row, _rows(cursor, "attendees", meeting_id)))}


def _interest_kinds(cursor: sqlite3.Cursor, _meeting_id: int) -> Fields:
    return {
        "interest_kinds": tuple(
            InterestKind(
                code=k["code"],
                label=k["label"],
                may_speak=bool(k["may_speak"]),
                may_vote=bool(k["may_vote"]),
                must_leave=bool(k["must_leave"]),
                shows_nature=bool(k["shows_nature"]),
            )
            for k in _rows(cursor, "kinds")
        )
    }


def _items(cursor: sqlite3.Cursor, meeting_id: int) -> Fields:
    rows = _rows(cursor, "items", meeting_id)
    # Upgrading from before version 10, meetings are sealed (seals.py) before
    # version 14 has added what happened to an item on the day.
    on_the_day = bool(rows) and "disposal" in rows[0].keys()  # noqa: SIM118  (a Row's `in` looks at values)
    # Likewise before version 15 (0016) has added the Welsh title.
    welsh = bool(rows) and "welsh_title" in rows[0].keys()  # noqa: SIM118
    return {
        "items": tuple(
            AgendaItem(
                id=i["id"],
                number=i["number"],
                title=i["title"],
                position=i["position"],
                part=i["part"],
                exempt_paragraph=i["exempt_paragraph"],
                report_title=i["report_title"],
                report_author=i["report_author"],
                contact_officer=i["contact_officer"],
                public_summary=i["public_summary"],
                urgency_reason=i["urgency_reason"] if on_the_day else None,
                disposal=_disposal(i["disposal"]) if on_the_day and i["disposal"] else None,
                taken_out_of_order=on_the_day and bool(i["taken_out_of_order"]),
                welsh_title=i["welsh_title"] if welsh else None,
            )
            for i in rows
        )
    }


def _recommendations(cursor: sqlite3.Cursor, meeting_id: int) -> Fields:
    return {
        "recommendations": tuple(
            Recommendation(
                r["id"],
                r["item_id"],
                r["text"],
                r["position"],
                r["label"],
                points(r["points"]) if _has(r, "points") else (),
            )
            for r in _rows(cursor, "recommendations", meeting_id)
        )
    }


def _amendments(cursor: sqlite3.Cursor, meeting_id: int) -> Fields:
    return {
        "amendments": tuple(
            Amendment(
                a["id"],
                a["recommendation_id"],
                a["mover_id"],
                a["seconder_id"],
                a["text"],
                a["position"],
                a["resulting_text"],
            )
            for a in _rows(cursor, "amendments", meeting_id)
        )
    }


def _decisions(cursor: sqlite3.Cursor, meeting_id: int) -> Fields:
    named: dict[int, list[tuple[int, VoteOption]]] = {}
    for n in _rows(cursor, "named", meeting_id):
        named.setdefault(n["decision_id"], []).append((n["person_id"], vote_option(n["option"])))
    return {
        "decisions": tuple(
            decision_from_row(d, named.get(d["id"], []))
            for d in _rows(cursor, "decisions", meeting_id)
        )
    }


def _declarations(cursor: sqlite3.Cursor, meeting_id: int) -> Fields:
    return {
        "declarations": tuple(
            Declaration(
                d["id"],
                d["item_id"],
                d["person_id"],
                d["kind_code"],
                d["nature"],
                bool(d["sensitive"]),
                bool(d["dispensation"]),
                bool(d["left_room"]),
            )
            for d in _rows(cursor, "declarations", meeting_id)
        )
    }


def paragraph_from_row(p: RowLike) -> MinuteParagraph:
    return MinuteParagraph(p["id"], p["item_id"], p["position"], p["text"])


def _paragraphs(cursor: sqlite3.Cursor, meeting_id: int) -> Fields:
    return {"paragraphs": tuple(map(paragraph_from_row, _rows(cursor, "paragraphs", meeting_id)))}


def _actions(cursor: sqlite3.Cursor, meeting_id: int) -> Fields:
    return {
        "actions": tuple(
            Action(
                a["id"],
                a["item_id"],
                a["position"],
                a["owner"],
                a["text"],
                a["paragraph_id"] if _has(a, "paragraph_id") else None,
            )
            for a in _rows(cursor, "actions", meeting_id)
        )
    }


def _corrections(cursor: sqlite3.Cursor, meeting_id: int) -> Fields:
    return {
        "corrections": tuple(
            Correction(
                c["id"],
                _datetime(c["made_at"]) or dt.datetime.min,
                c["made_by"],
                c["reason"],
                c["summary"],
                c["changes"],
                c["seal"],
            )
            for c in _rows(cursor, "corrections", meeting_id)
        )
    }


@dataclass(frozen=True, slots=True)
class Section:
    """Part of a record: the tables its query reads, and how it is read."""

    tables: frozenset[str]
    read: Callable[[sqlite3.Cursor, int], Fields]


SECTIONS: dict[str, Section] = {
    "meeting": Section(frozenset({"meeting", "committee", "organisation"}), _meeting),
    "people": Section(frozenset({"person", "attendee"}), _people),
    "attendees": Section(frozenset({"attendee"}), _attendees),
    "interest_kinds": Section(frozenset({"interest_kind"}), _interest_kinds),
    "items": Section(frozenset({"agenda_item"}), _items),
    "recommendations": Section(frozenset({"recommendation", "agenda_item"}), _recommendations),
    "amendments": Section(frozenset({"amendment", "recommendation", "agenda_item"}), _amendments),
    "decisions": Section(frozenset({"decision", "named_vote"}), _decisions),
    "declarations": Section(frozenset({"declaration"}), _declarations),
    "paragraphs": Section(frozenset({"minute_paragraph", "agenda_item"}), _paragraphs),
    "actions": Section(frozenset({"action", "agenda_item"}), _actions),
    "corrections": Section(frozenset({"correction"}), _corrections),
}


class InTransaction(Protocol):
    """A Session, or a Database.transaction(): an open transaction on one connection."""

    def connection(self) -> Connection: ...


def driver_cursor(session: InTransaction) -> sqlite3.Cursor:
    """A driver cursor on the session's connection that returns ``sqlite3.Row``."""
    driver = getattr(session, "driver", None)  # a Database.transaction() has it to hand
    connection = driver if driver is not None else session.connection().connection.driver_connection
    cursor: sqlite3.Cursor = connection.cursor()  # type: ignore[union-attr]
    cursor.row_factory = sqlite3.Row
    return cursor


def read_sections(cursor: sqlite3.Cursor, meeting_id: int, names: Iterable[str]) -> Fields:
    """The MeetingRecord fields of the named sections, read now."""
    fields: Fields = {}
    for name in names:
        fields.update(SECTIONS[name].read(cursor, meeting_id))
    return fields


def read_whole_record(session: InTransaction, meeting_id: int) -> MeetingRecord:
    """The whole record read from the database, bypassing any record kept in memory."""
    return MeetingRecord(**read_sections(driver_cursor(session), meeting_id, SECTIONS))


def meeting_list(session: InTransaction) -> list[MeetingSummary]:
    """Every meeting, newest first, as the window's first look lists them."""
    return read_meeting_list(driver_cursor(session).connection)


def read_changed(
    session: InTransaction, before: MeetingRecord, tables: Iterable[str]
) -> MeetingRecord:
    """``before`` with the sections that read any of ``tables`` read again.

    For the end of an action: ``before`` was true at the start of its
    transaction, and ``tables`` are all the action wrote since (the write lock
    keeps every other writer out), so the sections it did not touch are as
    they were."""
    written = frozenset(tables)
    stale = [name for name, section in SECTIONS.items() if section.tables & written]
    return replace(before, **read_sections(driver_cursor(session), before.meeting_id, stale))


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


def decision_from_row(row: RowLike, named: Iterable[tuple[int, VoteOption]]) -> Decision:
    tally = None
    if row["yes"] is not None:
        tally = Tally(row["yes"], row["no"] or 0, row["abstain"] or 0)
    return Decision(
        id=row["id"],
        outcome=_outcome(row["outcome"]),
        recommendation_id=row["recommendation_id"],
        amendment_id=row["amendment_id"],
        tally=tally,
        named=tuple(named),
        casting_vote=vote_option(row["casting_vote"]) if row["casting_vote"] else None,
        casting_voter_id=row["casting_voter_id"],
        taken_at=_time(row["taken_at"]),
    )

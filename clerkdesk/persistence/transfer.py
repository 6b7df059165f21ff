"""One meeting's rows, moved between the team's server and a laptop's file.

A check-out copies the meeting's rows to the laptop under the server's ids,
with the committee, its members and the people the meeting names (the
reference data, which stays the server's). A check-in compares the laptop's
rows with the server's, which nobody could change while the lease held, and
writes the difference: rows the laptop changed are updated, rows it removed
are deleted, rows it made are inserted under new server ids, and every
reference to them follows. The laptop makes its own rows under ids from
``LOCAL_ID_BASE`` up (set at check-out), so that they can never be mistaken
for a server's row.

Rows are plain dicts here, read and written in SQLAlchemy Core through the
``schema.py`` tables, so both databases convert dates and times their own way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    Table,
    Text,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.sql.elements import BindParameter

from clerkdesk.persistence.schema import (
    AgendaItemRow,
    AuditRow,
    Base,
    CommitteeMemberRow,
    CommitteeRow,
    DecisionRow,
    InterestKindRow,
    OrganisationRow,
    PersonRow,
    RecommendationRow,
)

Row = dict[str, Any]
Rows = dict[str, list[Row]]

# Ids a laptop gives the rows it makes start above this: far above any id a
# council's server will reach, and within PostgreSQL's integer.
LOCAL_ID_BASE = 2**30

_MEETING: BindParameter[int] = bindparam("meeting")
_ITEMS = select(AgendaItemRow.id).where(AgendaItemRow.meeting_id == _MEETING)
_RECOMMENDATIONS = select(RecommendationRow.id).where(RecommendationRow.item_id.in_(_ITEMS))
_DECISIONS = select(DecisionRow.id).where(DecisionRow.meeting_id == _MEETING)
_TABLES = Base.metadata.tables


def _of_meeting(name: str) -> ColumnElement[bool]:
    return _TABLES[name].c.meeting_id == _MEETING


# The meeting's own rows, parents before children: a check-in makes them the
# laptop's exactly. Each with the condition that selects the meeting's rows.
OWNED: dict[str, ColumnElement[bool]] = {
    "meeting": _TABLES["meeting"].c.id == _MEETING,
    "agenda_item": _of_meeting("agenda_item"),
    "recommendation": _TABLES["recommendation"].c.item_id.in_(_ITEMS),
    "amendment": _TABLES["amendment"].c.recommendation_id.in_(_RECOMMENDATIONS),
    "attendee": _of_meeting("attendee"),
    "declaration": _of_meeting("declaration"),
    "decision": _of_meeting("decision"),
    "named_vote": _TABLES["named_vote"].c.decision_id.in_(_DECISIONS),
    "minute_paragraph": _TABLES["minute_paragraph"].c.item_id.in_(_ITEMS),
    "action": _TABLES["action"].c.item_id.in_(_ITEMS),
}
# Rows that are only ever added (corrections are append-only; the export log
# vouches for files already given out): a check-in adds the laptop's new ones
# and never removes the server's.
APPENDED: dict[str, ColumnElement[bool]] = {
    "correction": _of_meeting("correction"),
    "export_log": _of_meeting("export_log"),
}
# A reference the schema keeps as a plain column (see ActionRow.paragraph_id).
_PLAIN_REFERENCES = {("action", "paragraph_id"): "minute_paragraph"}


def references(table: Table) -> dict[str, str]:
    """Each column of ``table`` that holds another row's id, and that row's table."""
    found = {
        column.name: next(iter(column.foreign_keys)).column.table.name
        for column in table.columns
        if column.foreign_keys
    }
    found.update({c: t for (name, c), t in _PLAIN_REFERENCES.items() if name == table.name})
    return found


def _select(table: Table, where: ColumnElement[bool]) -> Select[Any]:
    return select(table).where(where).order_by(*table.primary_key.columns)


# Built once: a check-in reads every table of the meeting twice.
_MEETING_ROWS = {name: _select(_TABLES[name], where) for name, where in (OWNED | APPENDED).items()}


def _rows(connection: Connection, statement: Select[Any], **params: Any) -> list[Row]:
    return [dict(r._mapping) for r in connection.execute(statement, params)]


def read_meeting_rows(connection: Connection, meeting_id: int) -> Rows:
    """The meeting's own and appended rows, by table."""
    return {
        name: _rows(connection, statement, meeting=meeting_id)
        for name, statement in _MEETING_ROWS.items()
    }


def people_named(rows: Rows) -> set[int]:
    """The ids of every person the meeting's rows refer to."""
    named: set[int] = set()
    for name, table_rows in rows.items():
        person_columns = [c for c, t in references(_TABLES[name]).items() if t == "person"]
        for row in table_rows:
            named.update(row[c] for c in person_columns if row[c] is not None)
    return named


def read_reference_rows(connection: Connection, rows: Rows) -> Rows:
    """What a laptop needs besides the meeting: its committee and organisation,
    the committee's members, the people named, and the kinds of interest."""
    committee_id = rows["meeting"][0]["committee_id"]
    committee = _rows(connection, _select(_TABLES["committee"], CommitteeRow.id == committee_id))
    members = _rows(
        connection,
        _select(_TABLES["committee_member"], CommitteeMemberRow.committee_id == committee_id),
    )
    people = people_named(rows) | {m["person_id"] for m in members}
    return {
        "organisation": _rows(
            connection,
            _select(_TABLES["organisation"], OrganisationRow.id == committee[0]["organisation_id"]),
        ),
        "person": _rows(connection, _select(_TABLES["person"], PersonRow.id.in_(sorted(people)))),
        "committee": committee,
        "committee_member": members,
        "interest_kind": _rows(
            connection, _select(_TABLES["interest_kind"], InterestKindRow.code.is_not(None))
        ),
    }


def audit_rows_since(connection: Connection, meeting_id: int, after: int) -> list[Row]:
    """The meeting's audit entries made after entry ``after``, oldest first."""
    where = (AuditRow.meeting_id == meeting_id) & (AuditRow.id > after)
    return _rows(connection, _select(_TABLES["audit"], where))


def last_audit_id(connection: Connection) -> int:
    return int(connection.execute(select(func.max(AuditRow.id))).scalar() or 0)


# -- the laptop's side ----------------------------------------------------------


def write_snapshot(connection: Connection, reference: Rows, rows: Rows) -> None:
    """Write a checked-out meeting into a laptop's file, under the server's ids:
    the reference data replaced by the server's, then the meeting's rows."""
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    committee_id = reference["committee"][0]["id"]
    connection.execute(
        delete(_TABLES["committee_member"]).where(CommitteeMemberRow.committee_id == committee_id)
    )
    for name in ("organisation", "person", "committee", "interest_kind", "committee_member"):
        table = _TABLES[name]
        keys = [c.name for c in table.primary_key.columns]
        statement = sqlite_insert(table)
        changes = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
        if reference[name]:
            connection.execute(
                statement.on_conflict_do_update(index_elements=keys, set_=changes),
                reference[name],
            )
    for name in (*OWNED, *APPENDED):
        if rows[name]:
            connection.execute(insert(_TABLES[name]), rows[name])
    _start_local_ids(connection)


def _start_local_ids(connection: Connection) -> None:
    """Make every row the laptop adds from now on take an id from LOCAL_ID_BASE up
    (SQLite's AUTOINCREMENT continues from the table's entry in sqlite_sequence)."""
    for table in Base.metadata.sorted_tables:
        if not table.dialect_options["sqlite"].get("autoincrement"):
            continue
        moved = connection.execute(
            text("UPDATE sqlite_sequence SET seq = max(seq, :base) WHERE name = :name"),
            {"base": LOCAL_ID_BASE, "name": table.name},
        )
        if not moved.rowcount:
            connection.execute(
                text("INSERT INTO sqlite_sequence (name, seq) VALUES (:name, :base)"),
                {"base": LOCAL_ID_BASE, "name": table.name},
            )


def meetings_not_from(connection: Connection, checked_out: Iterable[int]) -> list[int]:
    """The file's meetings other than those given (its own, not a server's)."""
    meeting = _TABLES["meeting"]
    statement = select(meeting.c.id).where(meeting.c.id.not_in(list(checked_out)))
    return list(connection.execute(statement).scalars())


# -- the server's side ----------------------------------------------------------


@dataclass
class Applied:
    """What a check-in wrote on the server."""

    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    appended: int = 0
    new_people: dict[int, int] = field(default_factory=dict)  # laptop's id -> server's


def _normalised(table: Table, row: Mapping[str, Any]) -> Row:
    """The row as this table stores it: a text column's value as text (a file's
    INTEGER-affinity column may read back "3" as 3)."""
    return {
        name: str(value)
        if value is not None
        and not isinstance(value, str)
        and isinstance(table.c[name].type, (String, Text))
        else value
        for name, value in row.items()
    }


class _Ids:
    """The laptop's ids of rows it made, and the server's ids they were given."""

    def __init__(self) -> None:
        self.new: dict[str, dict[int, int]] = {}

    def follow(self, table: Table, row: Row) -> Row:
        """``row`` with every reference to a row made on the laptop pointing at
        that row's server id."""
        moved = dict(row)
        for column, target in references(table).items():
            value = row[column]
            if value is not None and value in self.new.get(target, {}):
                moved[column] = self.new[target][value]
        return moved

    def insert(self, connection: Connection, table: Table, rows: list[Row]) -> None:
        """Insert rows the laptop made under new server ids, in one statement
        (its ids returned in the rows' order), and note each new id."""
        if not rows:
            return
        values = [{k: v for k, v in self.follow(table, row).items() if k != "id"} for row in rows]
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        new_ids = connection.execute(statement, values).scalars().all()
        self.new.setdefault(table.name, {}).update(
            zip((row["id"] for row in rows), new_ids, strict=True)
        )


def _update(connection: Connection, table: Table, changes: list[tuple[int, Row]]) -> None:
    """Update rows, one statement for each set of columns changed (a clerk's
    pass over the attendance changes the same column of many rows)."""
    by_columns: dict[tuple[str, ...], list[Row]] = {}
    for row_id, changed in changes:
        by_columns.setdefault(tuple(sorted(changed)), []).append({"_id": row_id, **changed})
    for columns, rows in by_columns.items():
        statement = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({c: bindparam(c) for c in columns})
        )
        connection.execute(statement, rows)


def apply_meeting(
    connection: Connection,
    meeting_id: int,
    laptop: Rows,
    laptop_people: Mapping[int, Row],
    audit: list[Row],
) -> Applied:
    """Make the server's rows of the meeting the laptop's, in the caller's
    transaction (which holds the lease and the meeting's row)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
    server = read_meeting_rows(connection, meeting_id)
    applied = Applied()
    ids = _Ids()
    # Removed rows first: a row the laptop made in place of one it removed
    # (an attendance taken again) may hold the same unique values.
    for name in reversed(OWNED):
        table = _TABLES[name]
        kept = {row["id"] for row in laptop[name]}
        gone = [row["id"] for row in server[name] if row["id"] not in kept]
        if gone:
            connection.execute(delete(table).where(table.c.id.in_(gone)))
            applied.deleted += len(gone)
    _add_new_people(connection, laptop_people, ids)
    for name in OWNED:
        table = _TABLES[name]
        present = {row["id"]: row for row in server[name]}
        changes, made = [], []
        for row in laptop[name]:
            row = _normalised(table, row)
            if row["id"] not in present:
                made.append(row)
                continue
            wanted, there = ids.follow(table, row), present[row["id"]]
            changed = {k: v for k, v in wanted.items() if there[k] != v}
            if changed:
                changes.append((row["id"], changed))
        _update(connection, table, changes)
        ids.insert(connection, table, made)
        applied.updated += len(changes)
        applied.inserted += len(made)
    for name in APPENDED:
        table = _TABLES[name]
        present_ids = {row["id"] for row in server[name]}
        made = [_normalised(table, r) for r in laptop[name] if r["id"] not in present_ids]
        ids.insert(connection, table, made)
        applied.appended += len(made)
    ids.insert(connection, _TABLES["audit"], audit)
    applied.new_people = dict(ids.new.get("person", {}))
    return applied


def _add_new_people(connection: Connection, laptop_people: Mapping[int, Row], ids: _Ids) -> None:
    """Give each person the laptop made (any it names that the server lacks) a
    server row, for the office to accept or map (``person_proposal``)."""
    if not laptop_people:
        return
    person = _TABLES["person"]
    known = set(
        connection.execute(
            select(person.c.id).where(person.c.id.in_(sorted(laptop_people)))
        ).scalars()
    )
    made = [_normalised(person, row) for i, row in sorted(laptop_people.items()) if i not in known]
    ids.insert(connection, person, made)


def repoint_person(connection: Connection, meeting_id: int, old: int, new: int) -> None:
    """Make every reference of the meeting's rows to person ``old`` name ``new``."""
    for name, where in OWNED.items():
        table = _TABLES[name]
        for column, target in references(table).items():
            if target == "person":
                connection.execute(
                    update(table).where(where, table.c[column] == old).values({column: new}),
                    {"meeting": meeting_id},
                )

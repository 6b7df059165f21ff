"""Dumping a meeting to the JSON record format and loading one back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from clerkdesk.domain.errors import InvalidRecordError
from clerkdesk.domain.interests import check_kinds_match
from clerkdesk.domain.json_text import parse_json_text
from clerkdesk.domain.model import Capacity, MeetingRecord
from clerkdesk.domain.record_json import dump_record
from clerkdesk.domain.record_reader import read_record
from clerkdesk.domain.rules import validate_record
from clerkdesk.domain.seal import check_seal
from clerkdesk.persistence.kept_records import high_water_mark
from clerkdesk.persistence.meeting_list import MeetingSummary
from clerkdesk.persistence.records import interest_kinds, load_record, meeting_list, points_json
from clerkdesk.persistence.schema import (
    ActionRow,
    AgendaItemRow,
    AmendmentRow,
    AttendeeRow,
    CommitteeRow,
    CorrectionRow,
    DecisionRow,
    DeclarationRow,
    MeetingRow,
    MinuteParagraphRow,
    NamedVoteRow,
    RecommendationRow,
)
from clerkdesk.services.context import Desk, write_audit
from clerkdesk.services.setup import (
    MemberSpec,
    committee_named,
    ensure_interest_kinds,
    find_or_create_person,
    meeting_at,
    save_committee,
)


def list_meetings(desk: Desk) -> list[MeetingSummary]:
    """Every meeting, newest first (plain SQL: years of history list in milliseconds)."""
    with desk.db.session() as session:
        return meeting_list(session)


def get_record(desk: Desk, meeting_id: int) -> MeetingRecord:
    with desk.db.session() as session:
        mark = high_water_mark(session.connection())
        record = load_record(session, meeting_id, desk.db.kept)
    desk.db.kept.keep(meeting_id, mark, record)
    return record


def dump_meeting(desk: Desk, meeting_id: int) -> dict[str, Any]:
    return dump_record(get_record(desk, meeting_id))


def parse_record_text(text: str) -> MeetingRecord:
    return read_record(parse_json_text(text))


def load_meeting(desk: Desk, record: MeetingRecord, *, as_new_copy: bool = False) -> int:
    """Store a whole record in one transaction, after checking every rule.

    An approved record must carry a seal that matches it; its kinds of interest
    must be the database's, whose rules it is checked by; and a meeting that is
    already here (same committee, date and start time) is loaded again only as
    an explicit new copy. The committee's standing data (quorum, chair,
    membership) is set only when the committee is new: an old record keeps its
    own quorum and roles on its meeting and attendance rows.
    """
    check_seal(record)
    with desk.db.session() as session:
        ensure_interest_kinds(session)
        law = interest_kinds(session)
        check_kinds_match(record.interest_kinds, law)
        record = replace(record, interest_kinds=law)
        validate_record(record)
        committee = committee_named(session, record.organisation, record.committee)
        if committee is not None and not as_new_copy:
            _refuse_a_second_copy(session, committee.id, record)
        meeting_id = _store(session, record, committee)
        write_audit(
            session, desk, meeting_id, "Load meeting record", "new copy" if as_new_copy else ""
        )
        return meeting_id


def _refuse_a_second_copy(session: Session, committee_id: int, record: MeetingRecord) -> None:
    existing = meeting_at(session, committee_id, record.date, record.start_time)
    if existing is not None:
        at = f" at {record.start_time:%H:%M}" if record.start_time else ""
        raise InvalidRecordError(
            f"The meeting of {record.committee} on {record.date:%d %B %Y}{at} is already "
            f"in this database (meeting {existing}). To keep a second, separate copy, "
            "load it with `clerkdesk load --as-new-copy FILE`."
        )


# The record's fields stored on the meeting's row; the rest are other tables'.
_MEETING_COLUMNS = (
    "date start_time venue status quorum approved_at approved_by chair_style seal body_kind"
    " member_order closed_at clerk_name proper_officer proper_officer_title"
)
# An attendee's fields named for what they hold, stored as ids under other names.
_ATTENDEE_ITEMS = ("arrived_during_item", "departed_during_item", "substitute_for")


def _values(
    thing: Any, *, only: str = "", skip: Iterable[str] = (), **given: Any
) -> dict[str, Any]:
    """A domain object's fields as its row's columns of the same names (``only``
    those named, or all but ``skip``), enums as their values and never its own id (the
    database gives the row its own); ``given`` (ids in this database) over them."""
    names = only.split() or [f.name for f in fields(thing) if f.name not in {"id", *skip}]
    values = {name: getattr(thing, name) for name in names}
    return {k: v.value if isinstance(v, Enum) else v for k, v in values.items()} | given


def _store(session: Session, record: MeetingRecord, committee: CommitteeRow | None) -> int:
    if committee is None:  # a new committee: the record gives its membership
        members = [a for a in record.attendees if a.capacity is Capacity.MEMBER]
        committee, _ = save_committee(
            session,
            record.organisation,
            record.committee,
            record.quorum,
            [MemberSpec(record.name_of(a.person_id), a.role, a.voting) for a in members],
        )
    person_ids: dict[int, int] = {}
    for person in record.people:
        # A title only fills an empty default: the meeting's own title goes on
        # its attendance row, so loading an old record changes no other minutes.
        row = find_or_create_person(session, person.name, person.kind, person.title)
        person_ids[person.id] = row.id
    meeting = MeetingRow(committee_id=committee.id, **_values(record, only=_MEETING_COLUMNS))
    session.add(meeting)
    session.flush()
    item_ids: dict[int, int] = {}
    for item in record.items:
        row_item = AgendaItemRow(**_values(item, meeting_id=meeting.id))
        session.add(row_item)
        session.flush()
        item_ids[item.id] = row_item.id
    for position, a in enumerate(record.attendees):
        session.add(
            AttendeeRow(
                **_values(
                    a,
                    skip=_ATTENDEE_ITEMS,
                    meeting_id=meeting.id,
                    person_id=person_ids[a.person_id],
                    arrived_item_id=item_ids.get(a.arrived_during_item or -1),
                    departed_item_id=item_ids.get(a.departed_during_item or -1),
                    substitute_for_id=person_ids.get(a.substitute_for or -1),
                    position=position,
                    title=record.person(a.person_id).title,
                )
            )
        )
    rec_ids: dict[int, int] = {}
    for rec in record.recommendations:
        row_rec = RecommendationRow(
            **_values(rec, item_id=item_ids[rec.item_id], points=points_json(rec.points))
        )
        session.add(row_rec)
        session.flush()
        rec_ids[rec.id] = row_rec.id
    amendment_ids: dict[int, int] = {}
    for am in record.amendments:
        row_am = AmendmentRow(
            **_values(
                am,
                recommendation_id=rec_ids[am.recommendation_id],
                mover_id=person_ids[am.mover_id],
                seconder_id=person_ids[am.seconder_id],
            )
        )
        session.add(row_am)
        session.flush()
        amendment_ids[am.id] = row_am.id
    for d in record.declarations:
        session.add(
            DeclarationRow(
                **_values(
                    d,
                    skip=("kind",),
                    meeting_id=meeting.id,
                    item_id=item_ids[d.item_id],
                    person_id=person_ids[d.person_id],
                    kind_code=d.kind,
                )
            )
        )
    for dec in record.decisions:
        tally = dec.tally
        row_dec = DecisionRow(
            **_values(
                dec,
                skip=("tally", "named"),
                meeting_id=meeting.id,
                recommendation_id=rec_ids.get(dec.recommendation_id or -1),
                amendment_id=amendment_ids.get(dec.amendment_id or -1),
                yes=tally.yes if tally else None,
                no=tally.no if tally else None,
                abstain=tally.abstain if tally else None,
                casting_voter_id=person_ids.get(dec.casting_voter_id or -1),
            )
        )
        session.add(row_dec)
        session.flush()
        for position, (person_id, option) in enumerate(dec.named):
            session.add(
                NamedVoteRow(
                    decision_id=row_dec.id,
                    person_id=person_ids[person_id],
                    option=option.value,
                    position=position,
                )
            )
    paragraph_rows: dict[int, MinuteParagraphRow] = {}
    for p in record.paragraphs:
        row_par = MinuteParagraphRow(**_values(p, item_id=item_ids[p.item_id]))
        session.add(row_par)
        paragraph_rows[p.id] = row_par
    session.flush()  # one flush gives every paragraph its id, for the actions beside them
    paragraph_ids = {key: row.id for key, row in paragraph_rows.items()}
    for act in record.actions:
        session.add(
            ActionRow(
                **_values(
                    act,
                    item_id=item_ids[act.item_id],
                    paragraph_id=paragraph_ids.get(act.paragraph_id or -1),
                )
            )
        )
    for c in record.corrections:
        session.add(
            CorrectionRow(
                **_values(c, skip=("rows_changed",), meeting_id=meeting.id, changes=c.rows_changed)
            )
        )
    session.flush()
    return meeting.id

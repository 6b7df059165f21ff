"""Dumping a meeting to the JSON record format and loading one back."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from clerkdesk.domain.interests import DEFAULT_INTEREST_KINDS
from clerkdesk.domain.json_text import parse_json_text
from clerkdesk.domain.model import Capacity, MeetingRecord
from clerkdesk.domain.record_json import dump_record
from clerkdesk.domain.record_reader import read_record
from clerkdesk.domain.rules import validate_record
from clerkdesk.persistence.meeting_list import MeetingSummary, read_meeting_list
from clerkdesk.persistence.records import driver_cursor, load_record
from clerkdesk.persistence.schema import (
    ActionRow,
    AgendaItemRow,
    AmendmentRow,
    AttendeeRow,
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
    ensure_interest_kinds,
    find_or_create_person,
    save_committee,
)


def list_meetings(desk: Desk) -> list[MeetingSummary]:
    """Every meeting, newest first (plain SQL: years of history list in milliseconds)."""
    with desk.db.session() as session:
        return read_meeting_list(driver_cursor(session).connection)


def get_record(desk: Desk, meeting_id: int) -> MeetingRecord:
    with desk.db.session() as session:
        return load_record(session, meeting_id)


def dump_meeting(desk: Desk, meeting_id: int) -> dict[str, Any]:
    return dump_record(get_record(desk, meeting_id))


def parse_record_text(text: str) -> MeetingRecord:
    return read_record(parse_json_text(text))


def load_meeting(desk: Desk, record: MeetingRecord) -> int:
    """Store a whole record in one transaction, after checking every rule."""
    with desk.db.session() as session:
        ensure_interest_kinds(session)
        ensure_interest_kinds(session, record.interest_kinds)
        if not record.interest_kinds:
            record = replace(record, interest_kinds=DEFAULT_INTEREST_KINDS)
        validate_record(record)
        meeting_id = _store(session, record)
        write_audit(session, desk, meeting_id, "Load meeting record", "")
        return meeting_id


def _store(session: Session, record: MeetingRecord) -> int:
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
    meeting = MeetingRow(
        committee_id=committee.id,
        date=record.date,
        start_time=record.start_time,
        venue=record.venue,
        status=record.status.value,
        quorum=record.quorum,
        approved_at=record.approved_at,
        approved_by=record.approved_by,
        chair_style=record.chair_style.value,
    )
    session.add(meeting)
    session.flush()
    item_ids: dict[int, int] = {}
    for item in record.items:
        row_item = AgendaItemRow(
            meeting_id=meeting.id,
            position=item.position,
            number=item.number,
            title=item.title,
            part=item.part,
            exempt_paragraph=item.exempt_paragraph,
            report_title=item.report_title,
            report_author=item.report_author,
            contact_officer=item.contact_officer,
            public_summary=item.public_summary,
        )
        session.add(row_item)
        session.flush()
        item_ids[item.id] = row_item.id
    for position, a in enumerate(record.attendees):
        session.add(
            AttendeeRow(
                meeting_id=meeting.id,
                person_id=person_ids[a.person_id],
                capacity=a.capacity.value,
                role=a.role.value,
                voting=a.voting,
                status=a.status.value,
                arrived_at=a.arrived_at,
                departed_at=a.departed_at,
                arrived_item_id=item_ids.get(a.arrived_during_item or -1),
                departed_item_id=item_ids.get(a.departed_during_item or -1),
                substitute_for_id=person_ids.get(a.substitute_for or -1),
                position=position,
                title=record.person(a.person_id).title,
            )
        )
    rec_ids: dict[int, int] = {}
    for rec in record.recommendations:
        row_rec = RecommendationRow(
            item_id=item_ids[rec.item_id], position=rec.position, label=rec.label, text=rec.text
        )
        session.add(row_rec)
        session.flush()
        rec_ids[rec.id] = row_rec.id
    amendment_ids: dict[int, int] = {}
    for am in record.amendments:
        row_am = AmendmentRow(
            recommendation_id=rec_ids[am.recommendation_id],
            position=am.position,
            mover_id=person_ids[am.mover_id],
            seconder_id=person_ids[am.seconder_id],
            text=am.text,
            resulting_text=am.resulting_text,
        )
        session.add(row_am)
        session.flush()
        amendment_ids[am.id] = row_am.id
    for d in record.declarations:
        session.add(
            DeclarationRow(
                meeting_id=meeting.id,
                item_id=item_ids[d.item_id],
                person_id=person_ids[d.person_id],
                kind_code=d.kind,
                nature=d.nature,
                sensitive=d.sensitive,
                dispensation=d.dispensation,
                left_room=d.left_room,
            )
        )
    for dec in record.decisions:
        row_dec = DecisionRow(
            meeting_id=meeting.id,
            recommendation_id=rec_ids.get(dec.recommendation_id or -1),
            amendment_id=amendment_ids.get(dec.amendment_id or -1),
            outcome=dec.outcome.value,
            yes=dec.tally.yes if dec.tally else None,
            no=dec.tally.no if dec.tally else None,
            abstain=dec.tally.abstain if dec.tally else None,
            casting_vote=dec.casting_vote.value if dec.casting_vote else None,
            casting_voter_id=person_ids.get(dec.casting_voter_id or -1),
            taken_at=dec.taken_at,
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
    for p in record.paragraphs:
        session.add(
            MinuteParagraphRow(item_id=item_ids[p.item_id], position=p.position, text=p.text)
        )
    for act in record.actions:
        session.add(
            ActionRow(
                item_id=item_ids[act.item_id], position=act.position, owner=act.owner, text=act.text
            )
        )
    for c in record.corrections:
        session.add(
            CorrectionRow(
                meeting_id=meeting.id,
                made_at=c.made_at,
                made_by=c.made_by,
                reason=c.reason,
                summary=c.summary,
                changes=c.rows_changed,
            )
        )
    session.flush()
    return meeting.id

"""Dumping a meeting to the JSON record format and loading one back."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import select
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
    OrganisationRow,
    RecommendationRow,
)
from clerkdesk.services.context import Desk, write_audit
from clerkdesk.services.setup import (
    MemberSpec,
    ensure_interest_kinds,
    find_committee,
    find_or_create_person,
    normalise_name,
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
        committee = _committee_of(session, record)
        if committee is not None and not as_new_copy:
            _refuse_a_second_copy(session, committee.id, record)
        meeting_id = _store(session, record, committee)
        write_audit(
            session, desk, meeting_id, "Load meeting record", "new copy" if as_new_copy else ""
        )
        return meeting_id


def _committee_of(session: Session, record: MeetingRecord) -> CommitteeRow | None:
    organisation = session.scalars(
        select(OrganisationRow).where(OrganisationRow.name == normalise_name(record.organisation))
    ).first()
    return (
        None if organisation is None else find_committee(session, organisation.id, record.committee)
    )


def _refuse_a_second_copy(session: Session, committee_id: int, record: MeetingRecord) -> None:
    for meeting in session.scalars(
        select(MeetingRow).where(
            MeetingRow.committee_id == committee_id, MeetingRow.date == record.date
        )
    ):
        if meeting.start_time == record.start_time:
            at = f" at {record.start_time:%H:%M}" if record.start_time else ""
            raise InvalidRecordError(
                f"The meeting of {record.committee} on {record.date:%d %B %Y}{at} is already "
                f"in this database (meeting {meeting.id}). To keep a second, separate copy, "
                "load it with `clerkdesk load --as-new-copy FILE`."
            )


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
        seal=record.seal,
        body_kind=record.body_kind.value if record.body_kind else None,
        member_order=record.member_order.value,
        closed_at=record.closed_at,
        clerk_name=record.clerk_name,
        proper_officer=record.proper_officer,
        proper_officer_title=record.proper_officer_title,
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
            urgency_reason=item.urgency_reason,
            disposal=item.disposal.value if item.disposal else None,
            taken_out_of_order=item.taken_out_of_order,
            welsh_title=item.welsh_title,
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
                note=a.note,
            )
        )
    rec_ids: dict[int, int] = {}
    for rec in record.recommendations:
        row_rec = RecommendationRow(
            item_id=item_ids[rec.item_id],
            position=rec.position,
            label=rec.label,
            text=rec.text,
            points=points_json(rec.points),
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
    paragraph_rows: dict[int, MinuteParagraphRow] = {}
    for p in record.paragraphs:
        row_par = MinuteParagraphRow(item_id=item_ids[p.item_id], position=p.position, text=p.text)
        session.add(row_par)
        paragraph_rows[p.id] = row_par
    session.flush()  # one flush gives every paragraph its id, for the actions beside them
    paragraph_ids = {key: row.id for key, row in paragraph_rows.items()}
    for act in record.actions:
        session.add(
            ActionRow(
                item_id=item_ids[act.item_id],
                position=act.position,
                owner=act.owner,
                text=act.text,
                paragraph_id=paragraph_ids.get(act.paragraph_id or -1),
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
                seal=c.seal,
            )
        )
    session.flush()
    return meeting.id

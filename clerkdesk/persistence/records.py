"""Reading a meeting from the database as a domain ``MeetingRecord``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain.errors import NotFoundError
from clerkdesk.domain.model import (
    Action,
    AgendaItem,
    Amendment,
    AttendanceStatus,
    Attendee,
    Capacity,
    Correction,
    Decision,
    Declaration,
    InterestKind,
    MeetingRecord,
    MeetingStatus,
    MinuteParagraph,
    Outcome,
    Person,
    PersonKind,
    Recommendation,
    Role,
    Tally,
    VoteOption,
)
from clerkdesk.persistence.schema import (
    ActionRow,
    AgendaItemRow,
    AmendmentRow,
    AttendeeRow,
    CommitteeRow,
    CorrectionRow,
    DecisionRow,
    DeclarationRow,
    InterestKindRow,
    MeetingRow,
    MinuteParagraphRow,
    NamedVoteRow,
    OrganisationRow,
    PersonRow,
    RecommendationRow,
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


def load_record(session: Session, meeting_id: int) -> MeetingRecord:
    meeting = get_meeting_row(session, meeting_id)
    committee = session.get_one(CommitteeRow, meeting.committee_id)
    organisation = session.get_one(OrganisationRow, committee.organisation_id)
    item_rows = session.execute(
        select(AgendaItemRow.__table__)
        .where(AgendaItemRow.meeting_id == meeting_id)
        .order_by(AgendaItemRow.position)
    ).all()
    item_ids = [i.id for i in item_rows]
    attendee_rows = session.execute(
        select(AttendeeRow.__table__)
        .where(AttendeeRow.meeting_id == meeting_id)
        .order_by(AttendeeRow.position, AttendeeRow.id)
    ).all()
    rec_rows = session.execute(
        select(RecommendationRow.__table__)
        .where(RecommendationRow.item_id.in_(item_ids))
        .order_by(RecommendationRow.item_id, RecommendationRow.position)
    ).all()
    rec_ids = [r.id for r in rec_rows]
    amendment_rows = session.execute(
        select(AmendmentRow.__table__).where(AmendmentRow.recommendation_id.in_(rec_ids))
    ).all()
    decision_rows = session.execute(
        select(DecisionRow.__table__).where(DecisionRow.meeting_id == meeting_id)
    ).all()
    named_rows = session.execute(
        select(NamedVoteRow.__table__)
        .where(NamedVoteRow.decision_id.in_([d.id for d in decision_rows]))
        .order_by(NamedVoteRow.decision_id, NamedVoteRow.position)
    ).all()
    person_ids = {a.person_id for a in attendee_rows}
    person_ids |= {a.substitute_for_id for a in attendee_rows if a.substitute_for_id}
    people = session.execute(select(PersonRow.__table__).where(PersonRow.id.in_(person_ids))).all()
    named: dict[int, list[tuple[int, VoteOption]]] = {}
    for n in named_rows:
        named.setdefault(n.decision_id, []).append((n.person_id, VoteOption(n.option)))
    return MeetingRecord(
        meeting_id=meeting.id,
        organisation=organisation.name,
        committee=committee.name,
        quorum=committee.quorum,
        date=meeting.date,
        start_time=meeting.start_time,
        venue=meeting.venue,
        status=MeetingStatus(meeting.status),
        approved_at=meeting.approved_at,
        approved_by=meeting.approved_by,
        people=tuple(
            Person(p.id, p.name, PersonKind(p.kind), p.title)
            for p in sorted(people, key=lambda p: p.id)
        ),
        attendees=tuple(
            Attendee(
                person_id=a.person_id,
                capacity=Capacity(a.capacity),
                role=Role(a.role),
                voting=a.voting,
                status=AttendanceStatus(a.status),
                arrived_at=a.arrived_at,
                departed_at=a.departed_at,
                arrived_during_item=a.arrived_item_id,
                departed_during_item=a.departed_item_id,
                substitute_for=a.substitute_for_id,
            )
            for a in attendee_rows
        ),
        interest_kinds=interest_kinds(session),
        items=tuple(
            AgendaItem(
                id=i.id,
                number=i.number,
                title=i.title,
                position=i.position,
                part=i.part,
                exempt_paragraph=i.exempt_paragraph,
                report_title=i.report_title,
                report_author=i.report_author,
                contact_officer=i.contact_officer,
                public_summary=i.public_summary,
            )
            for i in item_rows
        ),
        recommendations=tuple(
            Recommendation(r.id, r.item_id, r.text, r.position, r.label) for r in rec_rows
        ),
        amendments=tuple(
            Amendment(
                a.id,
                a.recommendation_id,
                a.mover_id,
                a.seconder_id,
                a.text,
                a.position,
                a.resulting_text,
            )
            for a in amendment_rows
        ),
        declarations=tuple(
            Declaration(
                d.id,
                d.item_id,
                d.person_id,
                d.kind_code,
                d.nature,
                d.sensitive,
                d.dispensation,
                d.left_room,
            )
            for d in session.execute(
                select(DeclarationRow.__table__)
                .where(DeclarationRow.meeting_id == meeting_id)
                .order_by(DeclarationRow.id)
            )
        ),
        decisions=tuple(_decision(d, named.get(d.id, [])) for d in decision_rows),
        paragraphs=tuple(
            MinuteParagraph(p.id, p.item_id, p.position, p.text)
            for p in session.execute(
                select(MinuteParagraphRow.__table__)
                .where(MinuteParagraphRow.item_id.in_(item_ids))
                .order_by(MinuteParagraphRow.item_id, MinuteParagraphRow.position)
            )
        ),
        actions=tuple(
            Action(a.id, a.item_id, a.position, a.owner, a.text)
            for a in session.execute(
                select(ActionRow.__table__)
                .where(ActionRow.item_id.in_(item_ids))
                .order_by(ActionRow.item_id, ActionRow.position)
            )
        ),
        corrections=tuple(
            Correction(c.id, c.made_at, c.made_by, c.reason, c.summary)
            for c in session.execute(
                select(CorrectionRow.__table__)
                .where(CorrectionRow.meeting_id == meeting_id)
                .order_by(CorrectionRow.id)
            )
        ),
    )


def _decision(row: Any, named: list[tuple[int, VoteOption]]) -> Decision:
    tally = None
    if row.yes is not None:
        tally = Tally(row.yes, row.no or 0, row.abstain or 0)
    return Decision(
        id=row.id,
        outcome=Outcome(row.outcome),
        recommendation_id=row.recommendation_id,
        amendment_id=row.amendment_id,
        tally=tally,
        named=tuple(named),
        casting_vote=VoteOption(row.casting_vote) if row.casting_vote else None,
        casting_voter_id=row.casting_voter_id,
        taken_at=row.taken_at,
    )

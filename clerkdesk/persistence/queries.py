"""Read-only look-ups across meetings (services/lookups.py shapes them for the
windows): SQLAlchemy Core, so that they read the same on any database."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.orm import aliased

from clerkdesk.persistence.schema import (
    ActionRow,
    AgendaItemRow,
    AmendmentRow,
    AttendeeRow,
    CommitteeMemberRow,
    CommitteeRow,
    DecisionRow,
    DeclarationRow,
    ExportRow,
    InterestKindRow,
    JournalRow,
    MeetingRow,
    MinuteParagraphRow,
    NamedVoteRow,
    OrganisationRow,
    PersonRow,
    RecommendationRow,
)

_members = (
    select(func.count()).where(CommitteeMemberRow.committee_id == CommitteeRow.id).scalar_subquery()
)
COMMITTEES = (
    select(CommitteeRow.id, OrganisationRow.name, CommitteeRow.name, CommitteeRow.quorum, _members)
    .join(OrganisationRow, OrganisationRow.id == CommitteeRow.organisation_id)
    .order_by(OrganisationRow.name, CommitteeRow.name)
)
COUNCILLORS = (
    select(PersonRow.id, PersonRow.name)
    .where(PersonRow.kind == "councillor")
    .order_by(PersonRow.name)
)
_replaced = aliased(PersonRow)
MEMBER_ATTENDANCE = (
    select(
        AttendeeRow.meeting_id,
        MeetingRow.date,
        CommitteeRow.name.label("committee"),
        AttendeeRow.capacity,
        AttendeeRow.status,
        AttendeeRow.arrived_at,
        AttendeeRow.departed_at,
        _replaced.name.label("replaced"),
    )
    .join(MeetingRow, MeetingRow.id == AttendeeRow.meeting_id)
    .join(CommitteeRow, CommitteeRow.id == MeetingRow.committee_id)
    .outerjoin(_replaced, _replaced.id == AttendeeRow.substitute_for_id)
)
MEMBER_DECLARATIONS = (
    select(
        DeclarationRow.meeting_id,
        DeclarationRow.item_id,
        MeetingRow.date,
        CommitteeRow.name.label("committee"),
        AgendaItemRow.number,
        InterestKindRow.label,
        DeclarationRow.nature,
        DeclarationRow.sensitive,
    )
    .join(MeetingRow, MeetingRow.id == DeclarationRow.meeting_id)
    .join(CommitteeRow, CommitteeRow.id == MeetingRow.committee_id)
    .join(AgendaItemRow, AgendaItemRow.id == DeclarationRow.item_id)
    .outerjoin(InterestKindRow, InterestKindRow.code == DeclarationRow.kind_code)
)


def member_attendance(connection: Connection, person_id: int) -> Sequence[Any]:
    """Rows with meeting_id, date, committee, capacity, status, arrived_at,
    departed_at and replaced (whom a substitute stood in for)."""
    return connection.execute(MEMBER_ATTENDANCE.where(AttendeeRow.person_id == person_id)).all()


def member_declarations(connection: Connection, person_id: int) -> Sequence[Any]:
    """Rows with meeting_id, item_id, date, committee, number (the item's),
    label (the kind's), nature and sensitive."""
    return connection.execute(
        MEMBER_DECLARATIONS.where(DeclarationRow.person_id == person_id)
    ).all()


def committee_and_later(
    connection: Connection, meeting_id: int
) -> tuple[int, list[tuple[int, str]]]:
    """The meeting's committee, and (id, status) of each of its meetings that
    come after this one (by date, then by id), in that order."""
    meeting = select(MeetingRow.committee_id, MeetingRow.date).where(MeetingRow.id == meeting_id)
    committee_id, date = connection.execute(meeting).one()
    later = connection.execute(
        select(MeetingRow.id, MeetingRow.status)
        .where(
            MeetingRow.committee_id == committee_id,
            MeetingRow.id != meeting_id,
            (MeetingRow.date > date) | ((MeetingRow.date == date) & (MeetingRow.id > meeting_id)),
        )
        .order_by(MeetingRow.date, MeetingRow.id)
    )
    return int(committee_id), [(int(row.id), str(row.status)) for row in later]


def delete_meeting_rows(connection: Connection, meeting_id: int) -> None:
    """Delete a meeting with everything recorded in it (services/meeting_register.py
    refuses approved minutes and takes a backup first)."""
    items = select(AgendaItemRow.id).where(AgendaItemRow.meeting_id == meeting_id)
    recs = select(RecommendationRow.id).where(RecommendationRow.item_id.in_(items))
    amendments = select(AmendmentRow.id).where(AmendmentRow.recommendation_id.in_(recs))
    decisions = select(DecisionRow.id).where(DecisionRow.meeting_id == meeting_id)
    # Children first: the foreign keys are enforced.
    for statement in (
        delete(NamedVoteRow).where(NamedVoteRow.decision_id.in_(decisions)),
        delete(DecisionRow).where(DecisionRow.meeting_id == meeting_id),
        delete(AmendmentRow).where(AmendmentRow.id.in_(amendments)),
        delete(RecommendationRow).where(RecommendationRow.id.in_(recs)),
        delete(DeclarationRow).where(DeclarationRow.meeting_id == meeting_id),
        delete(MinuteParagraphRow).where(MinuteParagraphRow.item_id.in_(items)),
        delete(ActionRow).where(ActionRow.item_id.in_(items)),
        delete(AttendeeRow).where(AttendeeRow.meeting_id == meeting_id),
        delete(AgendaItemRow).where(AgendaItemRow.meeting_id == meeting_id),
        delete(JournalRow).where(JournalRow.meeting_id == meeting_id),
        delete(ExportRow).where(ExportRow.meeting_id == meeting_id),
        delete(MeetingRow).where(MeetingRow.id == meeting_id),
    ):
        connection.execute(statement)


def person_named(connection: Connection, name: str, kind: str) -> Any | None:
    """The person (id, name, title) of this name and kind in any letter case;
    the first made, if there are several. Compared here, not by the database's
    lower(): SQLite's lowers only ASCII letters, so "Ŵyn Jones" or "Élise Roy"
    typed again exactly was never found and a second person was made, and a
    server's lower() follows its own collation. A council's people are a few
    hundred rows, read only when a person is named."""
    wanted = name.casefold()
    rows = connection.execute(
        select(PersonRow.id, PersonRow.name, PersonRow.title)
        .where(PersonRow.kind == kind)
        .order_by(PersonRow.id)
    )
    return next((row for row in rows if str(row.name).casefold() == wanted), None)

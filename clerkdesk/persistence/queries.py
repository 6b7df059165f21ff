"""Read-only look-ups across meetings (services/lookups.py shapes them for the
windows): SQLAlchemy Core, so that they read the same on any database."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import aliased

from clerkdesk.persistence.schema import (
    AgendaItemRow,
    AttendeeRow,
    CommitteeMemberRow,
    CommitteeRow,
    DeclarationRow,
    InterestKindRow,
    MeetingRow,
    OrganisationRow,
    PersonRow,
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
        CommitteeRow.name,
        AttendeeRow.capacity,
        AttendeeRow.status,
        AttendeeRow.arrived_at,
        AttendeeRow.departed_at,
        _replaced.name,
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
        CommitteeRow.name,
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


def committees(connection: Connection) -> Sequence[Any]:
    """(id, organisation, name, quorum, members) of every committee."""
    return connection.execute(COMMITTEES).all()


def councillors(connection: Connection) -> Sequence[Any]:
    """(id, name) of every councillor, by name."""
    return connection.execute(COUNCILLORS).all()


def member_attendance(connection: Connection, person_id: int) -> Sequence[Any]:
    """(meeting, date, committee, capacity, status, arrived, departed, replaced)."""
    return connection.execute(MEMBER_ATTENDANCE.where(AttendeeRow.person_id == person_id)).all()


def member_declarations(connection: Connection, person_id: int) -> Sequence[Any]:
    """(meeting, item, date, committee, item number, kind, nature, sensitive)."""
    return connection.execute(
        MEMBER_DECLARATIONS.where(DeclarationRow.person_id == person_id)
    ).all()

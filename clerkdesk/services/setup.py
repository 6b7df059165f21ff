"""Setting up committees, meetings and agendas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerkdesk.domain import schedule_12a
from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.interests import DEFAULT_INTEREST_KINDS
from clerkdesk.domain.model import (
    AttendanceStatus,
    Capacity,
    ChairStyle,
    InterestKind,
    PersonKind,
    Role,
)
from clerkdesk.domain.record_text import check_record_text
from clerkdesk.domain.schedule_12a import ExemptParagraph
from clerkdesk.persistence.queries import person_named
from clerkdesk.persistence.schema import (
    AttendeeRow,
    CommitteeMemberRow,
    CommitteeRow,
    InterestKindRow,
    MeetingRow,
    OrganisationRow,
    PersonRow,
)
from clerkdesk.services.context import Area, Change, Desk, write_audit


@dataclass(frozen=True, slots=True)
class MemberSpec:
    name: str
    role: Role = Role.MEMBER
    voting: bool = True


def normalise_name(name: str) -> str:
    return " ".join(name.replace("\u00a0", " ").split())


def ensure_interest_kinds(
    session: Session, kinds: Sequence[InterestKind] = DEFAULT_INTEREST_KINDS
) -> None:
    """Store any of ``kinds`` the database does not know yet (by code)."""
    known = set(session.scalars(select(InterestKindRow.code)))
    for kind in kinds:
        if kind.code in known:
            continue
        session.add(InterestKindRow(**asdict(kind), position=len(known)))
        known.add(kind.code)
    session.flush()  # for a Core read in the same transaction (records.interest_kinds)


def find_or_create_person(
    session: Session, name: str, kind: PersonKind = PersonKind.COUNCILLOR, title: str | None = None
) -> PersonRow:
    clean = normalise_name(name)
    if not clean:
        raise RuleViolation("A person needs a name.")
    # Before it is looked up: a server's query cannot hold a NUL (record_text.py).
    check_record_text(clean, "The person's name")
    found = person_named(session.connection(), clean, kind.value)
    row = None if found is None else session.get(PersonRow, found.id)
    if row is None:
        row = PersonRow(name=clean, kind=kind.value, title=title)
        session.add(row)
        session.flush()
    elif title and not row.title:
        row.title = title
    return row


def find_or_create_organisation(session: Session, name: str) -> OrganisationRow:
    clean = normalise_name(name) or "Unnamed council"
    check_record_text(clean, "The council's name")
    row = session.scalars(select(OrganisationRow).where(OrganisationRow.name == clean)).first()
    if row is None:
        row = OrganisationRow(name=clean)
        session.add(row)
        session.flush()
    return row


def find_committee(session: Session, organisation_id: int, name: str) -> CommitteeRow | None:
    wanted = normalise_name(name).lower().replace("&", "and")
    for row in session.scalars(
        select(CommitteeRow).where(CommitteeRow.organisation_id == organisation_id)
    ):
        if row.name.lower().replace("&", "and") == wanted:
            return row
    return None


def committee_named(session: Session, organisation: str, name: str) -> CommitteeRow | None:
    check_record_text(organisation, "The council's name")
    found = session.scalars(
        select(OrganisationRow).where(OrganisationRow.name == normalise_name(organisation))
    ).first()
    return None if found is None else find_committee(session, found.id, name)


def meeting_at(
    session: Session, committee_id: int, date: dt.date, start_time: dt.time | None
) -> int | None:
    """The committee's meeting on this date at this start time, if there is one."""
    for meeting in session.scalars(
        select(MeetingRow)
        .where(MeetingRow.committee_id == committee_id, MeetingRow.date == date)
        .order_by(MeetingRow.id)
    ):
        if meeting.start_time == start_time:
            return meeting.id
    return None


def save_committee(
    session: Session, organisation: str, name: str, quorum: int, members: Sequence[MemberSpec]
) -> tuple[CommitteeRow, list[str]]:
    """Create the committee, or bring an existing one's membership up to date.

    Returns the committee and a list of what was added or changed, in words.
    """
    if quorum < 1:
        raise RuleViolation("The quorum must be at least one member.")
    if not normalise_name(name):
        raise RuleViolation("The committee needs a name.")
    ensure_interest_kinds(session)
    org = find_or_create_organisation(session, organisation)
    notes: list[str] = []
    committee = find_committee(session, org.id, name)
    if committee is None:
        committee = CommitteeRow(organisation_id=org.id, name=normalise_name(name), quorum=quorum)
        session.add(committee)
        session.flush()
        notes.append(f"Added committee {committee.name} (quorum {quorum}).")
    elif committee.quorum != quorum:
        notes.append(f"Changed the quorum of {committee.name} from {committee.quorum} to {quorum}.")
        committee.quorum = quorum
    existing = {
        m.person_id: m
        for m in session.scalars(
            select(CommitteeMemberRow).where(CommitteeMemberRow.committee_id == committee.id)
        )
    }
    for position, spec in enumerate(members):
        person = find_or_create_person(session, spec.name)
        member = existing.get(person.id)
        if member is None:
            session.add(
                CommitteeMemberRow(
                    committee_id=committee.id,
                    person_id=person.id,
                    role=spec.role.value,
                    voting=spec.voting,
                    position=position,
                )
            )
            notes.append(f"Added member {person.name}" + _role_words(spec.role) + ".")
        elif member.role != spec.role.value:
            notes.append(f"{person.name} is now {spec.role.value}.")
            member.role = spec.role.value
    session.flush()
    return committee, notes


def _role_words(role: Role) -> str:
    return "" if role is Role.MEMBER else f" ({role.value})"


def create_meeting(
    desk: Desk,
    committee_id: int,
    date: dt.date,
    start_time: dt.time | None = None,
    venue: str | None = None,
) -> Change:
    with desk.db.session() as session:
        meeting_id = add_meeting(session, committee_id, date, start_time, venue)
        write_audit(session, desk, meeting_id, "Create meeting", "")
    return Change("Create meeting", meeting_id, Area.MEETINGS, new_id=meeting_id)


def add_meeting(
    session: Session,
    committee_id: int,
    date: dt.date,
    start_time: dt.time | None,
    venue: str | None,
) -> int:
    """Create a meeting with an attendance row for each member of the committee."""
    committee = session.get(CommitteeRow, committee_id)
    if committee is None:
        raise NotFoundError(f"There is no committee with id {committee_id}.")
    # The committee's latest meeting says what its minutes call the chair, what
    # kind of body it is, the order members are listed in, its clerk and proper officer.
    latest = session.scalar(
        select(MeetingRow)
        .where(MeetingRow.committee_id == committee_id)
        .order_by(MeetingRow.date.desc(), MeetingRow.id.desc())
        .limit(1)
    )
    meeting = MeetingRow(
        committee_id=committee_id,
        date=date,
        start_time=start_time,
        venue=venue,
        status="draft",
        quorum=committee.quorum,
        chair_style=latest.chair_style if latest else ChairStyle.CHAIRMAN.value,
    )
    if latest is not None:
        meeting.body_kind, meeting.member_order = latest.body_kind, latest.member_order
        meeting.clerk_name, meeting.proper_officer = latest.clerk_name, latest.proper_officer
        meeting.proper_officer_title = latest.proper_officer_title
    session.add(meeting)
    session.flush()
    members = session.scalars(
        select(CommitteeMemberRow)
        .where(CommitteeMemberRow.committee_id == committee_id)
        .order_by(CommitteeMemberRow.position)
    )
    for position, member in enumerate(members):
        session.add(
            AttendeeRow(
                meeting_id=meeting.id,
                person_id=member.person_id,
                capacity=Capacity.MEMBER.value,
                role=member.role,
                voting=member.voting,
                status=AttendanceStatus.ABSENT.value,
                position=position,
            )
        )
    session.flush()
    return meeting.id


def check_part(part: int, exempt_paragraph: ExemptParagraph | None) -> None:
    if part not in (1, 2):
        raise RuleViolation("An item is Part I (public) or Part II (exempt): use 1 or 2.")
    if exempt_paragraph is not None and not schedule_12a.is_paragraph(exempt_paragraph):
        raise RuleViolation(
            "The exempt information paragraph "
            + schedule_12a.paragraph_problem(exempt_paragraph)
            + "."
        )
    if part == 1 and exempt_paragraph is not None:
        raise RuleViolation("Only a Part II item relies on a Schedule 12A paragraph.")

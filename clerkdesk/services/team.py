"""The team's shared record: meetings checked out of the council's server to a
laptop, recorded there with no network, and checked back in (issue 18).

The rules (docs/team-server.md):
- a check-out takes the meeting's lease in one statement on the server: of two
  laptops racing, one wins and the other is told who holds it and since when;
  while it is held, the server's copy of the meeting is read-only;
- a check-in writes the laptop's meeting in one server transaction guarded by
  the lease's token, and ends the lease; a retry after a lost connection finds
  the lease already ended by that check-in and applies nothing twice;
- if a manager released the lease, the check-in is refused and the laptop's
  meeting is kept on the server as a conflict copy: nothing is merged;
- committees and members are the server's; a person the clerk added offline
  arrives as a proposal, which the office accepts or maps to a person it has.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects.postgresql import insert as pg_insert

from clerkdesk.domain.errors import DomainError, NotFoundError, RuleViolation
from clerkdesk.domain.model import MeetingStatus
from clerkdesk.domain.record_json import dump_record
from clerkdesk.persistence.database import Database
from clerkdesk.persistence.errors import DatabaseError
from clerkdesk.persistence.records import Reading, read_record
from clerkdesk.persistence.schema import (
    AuditRow,
    CheckoutRow,
    ConflictCopyRow,
    JournalRow,
    MeetingLeaseRow,
    MeetingRow,
    PersonProposalRow,
    PersonRow,
)
from clerkdesk.persistence.server import server_identity
from clerkdesk.persistence.transfer import (
    Rows,
    apply_meeting,
    audit_rows_since,
    last_audit_id,
    meetings_not_from,
    people_named,
    read_meeting_rows,
    read_reference_rows,
    repoint_person,
    write_snapshot,
)
from clerkdesk.services.context import Desk, now


class LeaseHeldError(DomainError):
    """The meeting is checked out to someone else."""


class CheckinRefused(DomainError):
    """The lease was released by a manager: the laptop's meeting is a conflict copy."""


@dataclass(frozen=True, slots=True)
class Holder:
    """Who has a meeting checked out."""

    holder: str
    machine: str
    since: dt.datetime

    def describe(self) -> str:
        return f"{self.holder} on {self.machine} since {_when(self.since)}"

    def to_json(self) -> dict[str, str]:
        return {"holder": self.holder, "machine": self.machine, "since": self.since.isoformat()}


@dataclass(frozen=True, slots=True)
class CheckedOut:
    meeting_id: int
    title: str
    token: str


@dataclass(frozen=True, slots=True)
class CheckedIn:
    meeting_id: int
    title: str
    already: bool  # an earlier attempt had already checked it in
    new_people: tuple[str, ...] = ()
    summary: str = ""


def _when(moment: dt.datetime) -> str:
    return f"{moment.day} {moment:%B %Y} at {moment:%H:%M}"


def this_machine() -> str:
    return socket.gethostname() or "this computer"


def _server_only(db: Database) -> None:
    if db.on_file:
        raise DatabaseError(
            "Check-out and check-in need the council's server: give it with "
            "--server URL (or CLERKDESK_SERVER)."
        )


def _title(connection: Connection, meeting_id: int) -> str:
    from clerkdesk.persistence.schema import CommitteeRow

    found = connection.execute(
        select(CommitteeRow.name, MeetingRow.date)
        .join_from(MeetingRow, CommitteeRow, CommitteeRow.id == MeetingRow.committee_id)
        .where(MeetingRow.id == meeting_id)
    ).first()
    if found is None:
        raise NotFoundError(
            f"There is no meeting with id {meeting_id}. List the meetings with "
            "`clerkdesk meetings` to find its id."
        )
    return f"{found[0]} on {found[1]:%d %B %Y}"


_HELD = select(MeetingLeaseRow.holder, MeetingLeaseRow.machine, MeetingLeaseRow.taken_at).where(
    MeetingLeaseRow.meeting_id == MeetingRow.id, MeetingLeaseRow.ended_at.is_(None)
)


def held_by(connection: Connection, meeting_id: int) -> Holder | None:
    """Who holds the meeting on the server now; None when it is free."""
    found = connection.execute(
        select(MeetingLeaseRow.holder, MeetingLeaseRow.machine, MeetingLeaseRow.taken_at).where(
            MeetingLeaseRow.meeting_id == meeting_id, MeetingLeaseRow.ended_at.is_(None)
        )
    ).first()
    return None if found is None else Holder(*found)


def holders(db: Database) -> dict[int, Holder]:
    """Every meeting held on the server, by id (a file holds none)."""
    with db.reading() as connection:
        return {
            meeting_id: Holder(holder, machine, since)
            for meeting_id, holder, machine, since in connection.execute(
                select(
                    MeetingLeaseRow.meeting_id,
                    MeetingLeaseRow.holder,
                    MeetingLeaseRow.machine,
                    MeetingLeaseRow.taken_at,
                ).where(MeetingLeaseRow.ended_at.is_(None))
            )
        }


def _audit(
    connection: Connection, clerk: str, meeting_id: int | None, action: str, detail: str
) -> None:
    connection.execute(
        insert(AuditRow).values(
            meeting_id=meeting_id, at=now(), clerk=clerk, action=action, detail=detail
        )
    )


# -- check-out ------------------------------------------------------------------


def check_out(server: Desk, laptop: Desk, meeting_id: int) -> CheckedOut:
    """Take the meeting's lease on the server and write the meeting into the
    laptop's file. If the laptop's file cannot take it, the lease is let go."""
    _server_only(server.db)
    machine = this_machine()
    with laptop.db.reading() as local:
        _refuse_a_mixed_file(local, server, meeting_id)
    token = uuid.uuid4().hex
    with server.db.transaction() as transaction:
        connection = transaction.connection()
        title = _title(connection, meeting_id)
        # The meeting's row first: an action under way on it finishes before
        # the copy is read, and none starts after (unit_of_work refuses it).
        connection.execute(
            select(MeetingRow.id).where(MeetingRow.id == meeting_id).with_for_update()
        )
        taken = connection.execute(
            pg_insert(MeetingLeaseRow)
            .values(
                token=token,
                meeting_id=meeting_id,
                holder=server.clerk,
                machine=machine,
                taken_at=now(),
            )
            .on_conflict_do_nothing(
                index_elements=["meeting_id"], index_where=MeetingLeaseRow.ended_at.is_(None)
            )
            .returning(MeetingLeaseRow.token)
        ).first()
        if taken is None:
            holder = held_by(connection, meeting_id)
            assert holder is not None  # the conflict was with the lease that holds it
            raise LeaseHeldError(
                f"The meeting of {title} is checked out to {holder.describe()}. It can be "
                "checked out again when it is checked in, or when a manager releases it."
            )
        rows = read_meeting_rows(connection, meeting_id)
        reference = read_reference_rows(connection, rows)
        identity = server_identity(connection)
        _audit(connection, server.clerk, meeting_id, "Check out", f"to {machine}")
    try:
        with laptop.db.transaction() as transaction:
            local = transaction.connection()
            _refuse_a_mixed_file(local, server, meeting_id)
            audit_from = last_audit_id(local)
            write_snapshot(local, reference, rows)
            local.execute(
                insert(CheckoutRow).values(
                    meeting_id=meeting_id,
                    server=server.db.describe(),
                    server_identity=identity,
                    token=token,
                    holder=server.clerk,
                    machine=machine,
                    taken_at=now(),
                    audit_from=audit_from,
                    state="out",
                )
            )
            _audit(local, laptop.clerk, meeting_id, "Check out", f"from {server.db.describe()}")
    except BaseException as error:
        _let_go(server, meeting_id, token, f"the check-out did not finish on {machine}: {error}")
        raise
    return CheckedOut(meeting_id, title, token)


def _refuse_a_mixed_file(local: Connection, server: Desk, meeting_id: int) -> None:
    """A laptop's file for check-outs holds only meetings from one server, under
    the server's ids: a meeting of its own could share an id with the server's."""
    checkouts = {r.meeting_id: r for r in local.execute(select(CheckoutRow))}
    if meeting_id in checkouts:
        state = checkouts[meeting_id].state
        raise RuleViolation(
            f"This file already holds meeting {meeting_id} (its check-out is {state}). "
            "Check it out into another file (--db NEW_FILE)."
            if state != "out"
            else f"Meeting {meeting_id} is already checked out to this file: record it here, "
            "then check it in."
        )
    if meetings_not_from(local, checkouts):
        raise RuleViolation(
            "This file holds meetings of its own, which could share ids with the server's. "
            "Check meetings out into a file kept for them (--db NEW_FILE)."
        )
    for row in checkouts.values():
        if row.server != server.db.describe():
            with server.db.reading() as connection:
                if row.server_identity != server_identity(connection):
                    raise RuleViolation(
                        f"This file holds meetings checked out from another server "
                        f"({row.server}). Check this one out into another file (--db NEW_FILE)."
                    )


def _let_go(server: Desk, meeting_id: int, token: str, reason: str) -> None:
    with server.db.transaction() as transaction:
        transaction.connection().execute(
            update(MeetingLeaseRow)
            .where(MeetingLeaseRow.token == token, MeetingLeaseRow.ended_at.is_(None))
            .values(ended_at=now(), ended_how="released", ended_by=server.clerk, reason=reason)
        )


# -- check-in -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _LaptopMeeting:
    checkout: Any
    rows: Rows
    people: dict[int, dict[str, Any]]
    audit: list[dict[str, Any]]
    document: dict[str, Any]


def _read_laptop(laptop: Desk, meeting_id: int) -> _LaptopMeeting:
    with laptop.db.reading() as local:
        checkout = local.execute(
            select(CheckoutRow).where(CheckoutRow.meeting_id == meeting_id)
        ).first()
        if checkout is None:
            raise NotFoundError(
                f"Meeting {meeting_id} was not checked out to this file. Give the file it "
                "was checked out to with --db."
            )
        rows = read_meeting_rows(local, meeting_id)
        if not rows["meeting"]:
            raise NotFoundError(
                f"Meeting {meeting_id} is no longer in this file. Ask a manager to release "
                "its check-out on the server."
            )
        named = sorted(people_named(rows))
        people = {
            r.id: dict(r._mapping)
            for r in local.execute(select(PersonRow.__table__).where(PersonRow.id.in_(named)))
        }
        audit = audit_rows_since(local, meeting_id, checkout.audit_from)
        document = dump_record(read_record(Reading(local, meeting_id)))
    return _LaptopMeeting(checkout, rows, people, audit, document)


def check_in(server: Desk, laptop: Desk, meeting_id: int) -> CheckedIn:
    """Return the meeting to the server and end its lease, in one transaction.

    Safe to retry: a check-in the server already applied is recognised by its
    token and reported as done, without writing anything again.
    """
    _server_only(server.db)
    mine = _read_laptop(laptop, meeting_id)
    if mine.checkout.state == "checked in":
        return CheckedIn(meeting_id, _laptop_title(mine), already=True)
    with server.db.transaction() as transaction:
        connection = transaction.connection()
        if server_identity(connection) != mine.checkout.server_identity:
            raise RuleViolation(
                f"Meeting {meeting_id} was checked out from another server "
                f"({mine.checkout.server}). Check it in there."
            )
        lease = connection.execute(
            select(MeetingLeaseRow)
            .where(MeetingLeaseRow.token == mine.checkout.token)
            .with_for_update()
        ).first()
        if lease is None:
            raise DatabaseError(
                f"The server has no record of this computer's check-out of meeting {meeting_id}. "
                "Nothing was changed; keep this file and ask the office."
            )
        title = _title(connection, meeting_id)
        refused: str | None = None
        new_people: tuple[str, ...] = ()
        if lease.ended_how == "released":
            copy_id = _keep_conflict_copy(connection, meeting_id, mine)
            refused = (
                f"{lease.ended_by} released this computer's check-out of the meeting of {title} "
                f"on {_when(lease.ended_at)} ({lease.reason}). Nothing was merged: "
                f"this computer's meeting is kept on the server as conflict copy {copy_id} "
                "(`clerkdesk --server URL conflicts`), and in this file, for the office to "
                "compare and choose."
            )
        elif lease.ended_how is None:
            new_people = _take_back(connection, server, mine, meeting_id)
    _end_locally(laptop, meeting_id, "refused" if refused else "checked in")
    if refused:
        raise CheckinRefused(refused)
    return CheckedIn(meeting_id, title, lease.ended_how == "checked in", new_people)


def _take_back(
    connection: Connection, server: Desk, mine: _LaptopMeeting, meeting_id: int
) -> tuple[str, ...]:
    """Write the laptop's meeting over the server's and end the lease, in the
    check-in's transaction; the names of the people the laptop added."""
    connection.execute(select(MeetingRow.id).where(MeetingRow.id == meeting_id).with_for_update())
    applied = apply_meeting(connection, meeting_id, mine.rows, mine.people, mine.audit)
    _propose(connection, mine, meeting_id, applied.new_people)
    _check_arrived(connection, meeting_id, mine.document)
    connection.execute(
        update(MeetingLeaseRow)
        .where(MeetingLeaseRow.token == mine.checkout.token)
        .values(ended_at=now(), ended_how="checked in", ended_by=server.clerk)
    )
    # The server's undo history predates the laptop's work: it can no longer
    # be undone there (the laptop's own stays in its file).
    connection.execute(
        update(JournalRow)
        .where(JournalRow.meeting_id == meeting_id, JournalRow.state != "discarded")
        .values(state="discarded")
    )
    _audit(
        connection,
        server.clerk,
        meeting_id,
        "Check in",
        f"from {mine.checkout.machine}: {applied.inserted} added, {applied.updated} "
        f"changed, {applied.deleted} removed, {applied.appended} appended",
    )
    return tuple(mine.people[p]["name"] for p in sorted(applied.new_people))


def _laptop_title(mine: _LaptopMeeting) -> str:
    date = dt.date.fromisoformat(mine.document["meeting"]["date"])
    return f"{mine.document['committee']['name']} on {date:%d %B %Y}"


def _check_arrived(connection: Connection, meeting_id: int, document: dict[str, Any]) -> None:
    """The server's meeting, read back, must be the laptop's to the letter: if
    not, nothing is written (the transaction is rolled back)."""
    arrived = dump_record(read_record(Reading(connection, meeting_id)))
    if arrived != document:
        raise DatabaseError(
            f"Meeting {meeting_id} would not arrive on the server exactly as it is on this "
            "computer, so nothing was changed there. Keep this file, and report the problem."
        )


def _propose(
    connection: Connection, mine: _LaptopMeeting, meeting_id: int, new: dict[int, int]
) -> None:
    for laptop_id, server_id in sorted(new.items()):
        connection.execute(
            insert(PersonProposalRow).values(
                person_id=server_id,
                name=mine.people[laptop_id]["name"],
                meeting_id=meeting_id,
                proposed_by=f"{mine.checkout.holder} on {mine.checkout.machine}",
                proposed_at=now(),
                state="pending",
            )
        )


def _keep_conflict_copy(connection: Connection, meeting_id: int, mine: _LaptopMeeting) -> int:
    """Keep the laptop's meeting on the server; a second refused attempt with
    the same check-out replaces its copy with the laptop's latest."""
    values = {
        "meeting_id": meeting_id,
        "lease_token": mine.checkout.token,
        "holder": mine.checkout.holder,
        "machine": mine.checkout.machine,
        "arrived_at": now(),
        "record": json.dumps(mine.document, ensure_ascii=False, indent=2),
        "audit": json.dumps(
            [{**a, "at": a["at"].isoformat()} for a in mine.audit], ensure_ascii=False
        ),
    }
    statement = pg_insert(ConflictCopyRow).values(values)
    statement = statement.on_conflict_do_update(
        index_elements=["lease_token"],
        set_={k: statement.excluded[k] for k in ("arrived_at", "record", "audit")},
    )
    return int(connection.execute(statement.returning(ConflictCopyRow.id)).scalar_one())


def _end_locally(laptop: Desk, meeting_id: int, state: str) -> None:
    with laptop.db.transaction() as transaction:
        local = transaction.connection()
        local.execute(
            update(CheckoutRow)
            .where(CheckoutRow.meeting_id == meeting_id)
            .values(state=state, ended_at=now())
        )
        action = "Check in" if state == "checked in" else "Check-in refused"
        _audit(local, laptop.clerk, meeting_id, action, "")


# -- the office's side ----------------------------------------------------------


def release(server: Desk, meeting_id: int, reason: str) -> Holder:
    """A manager ends the meeting's lease without its check-in (a laptop lost,
    a clerk away). The laptop's later check-in is refused and kept as a
    conflict copy."""
    _server_only(server.db)
    reason = " ".join(reason.split())
    if not reason:
        raise RuleViolation("Say why the check-out is released (--reason TEXT): it is kept.")
    with server.db.transaction() as transaction:
        connection = transaction.connection()
        title = _title(connection, meeting_id)
        ended = connection.execute(
            update(MeetingLeaseRow)
            .where(MeetingLeaseRow.meeting_id == meeting_id, MeetingLeaseRow.ended_at.is_(None))
            .values(ended_at=now(), ended_how="released", ended_by=server.clerk, reason=reason)
            .returning(MeetingLeaseRow.holder, MeetingLeaseRow.machine, MeetingLeaseRow.taken_at)
        ).first()
        if ended is None:
            raise RuleViolation(
                f"The meeting of {title} is not checked out: there is nothing to release."
            )
        holder = Holder(*ended)
        _audit(
            connection,
            server.clerk,
            meeting_id,
            "Release check-out",
            f"{holder.describe()}: {reason}",
        )
    return holder


@dataclass(frozen=True, slots=True)
class ConflictCopy:
    id: int
    meeting_id: int
    holder: str
    machine: str
    arrived_at: dt.datetime
    record: str


def conflict_copies(server: Desk) -> list[ConflictCopy]:
    _server_only(server.db)
    with server.db.reading() as connection:
        return [
            ConflictCopy(r.id, r.meeting_id, r.holder, r.machine, r.arrived_at, r.record)
            for r in connection.execute(select(ConflictCopyRow).order_by(ConflictCopyRow.id))
        ]


@dataclass(frozen=True, slots=True)
class Proposal:
    id: int
    person_id: int
    name: str
    kind: str
    meeting_id: int
    proposed_by: str
    state: str


_PROPOSALS = select(
    PersonProposalRow.id,
    PersonProposalRow.person_id,
    PersonProposalRow.name,
    PersonRow.kind,
    PersonProposalRow.meeting_id,
    PersonProposalRow.proposed_by,
    PersonProposalRow.state,
).join_from(PersonProposalRow, PersonRow, PersonRow.id == PersonProposalRow.person_id)


def proposals(server: Desk, *, pending_only: bool = False) -> list[Proposal]:
    """The people clerks added offline, oldest first."""
    _server_only(server.db)
    statement = _PROPOSALS.order_by(PersonProposalRow.id)
    if pending_only:
        statement = statement.where(PersonProposalRow.state == "pending")
    with server.db.reading() as connection:
        return [Proposal(*r) for r in connection.execute(statement)]


def _pending(connection: Connection, proposal_id: int) -> Proposal:
    found = connection.execute(
        _PROPOSALS.where(PersonProposalRow.id == proposal_id).with_for_update(of=PersonProposalRow)
    ).first()
    if found is None:
        raise NotFoundError(
            f"There is no proposal {proposal_id}. List them with "
            "`clerkdesk --server URL proposals`."
        )
    proposal = Proposal(*found)
    if proposal.state != "pending":
        raise RuleViolation(f"Proposal {proposal_id} was already decided ({proposal.state}).")
    return proposal


def accept_proposal(server: Desk, proposal_id: int) -> Proposal:
    """The person the clerk added is a new person: the office keeps them."""
    _server_only(server.db)
    with server.db.transaction() as transaction:
        connection = transaction.connection()
        proposal = _pending(connection, proposal_id)
        _decide(connection, server, proposal, "accepted")
    return proposal


def map_proposal(server: Desk, proposal_id: int, person_id: int) -> Proposal:
    """The person the clerk added is one the office has: the meeting names that
    person instead, and the added one goes. Refused where it would change
    approved minutes (they are changed by a correction) or a meeting that is
    checked out (it is the laptop's until it is checked in)."""
    _server_only(server.db)
    with server.db.transaction() as transaction:
        connection = transaction.connection()
        proposal = _pending(connection, proposal_id)
        target = connection.execute(select(PersonRow.name).where(PersonRow.id == person_id)).first()
        if target is None or person_id == proposal.person_id:
            raise NotFoundError(f"There is no other person with id {person_id} to map to.")
        meeting_id = proposal.meeting_id
        title = _title(connection, meeting_id)
        connection.execute(
            select(MeetingRow.id).where(MeetingRow.id == meeting_id).with_for_update()
        )
        holder = held_by(connection, meeting_id)
        if holder is not None:
            raise LeaseHeldError(
                f"The meeting of {title} is checked out to {holder.describe()}: map the "
                "proposal after it is checked in."
            )
        before = dump_record(read_record(Reading(connection, meeting_id)))
        try:
            repoint_person(connection, meeting_id, proposal.person_id, person_id)
        except sa_exc.IntegrityError:
            raise RuleViolation(
                f"{target[0]} is already recorded at the meeting of {title} beside "
                f"{proposal.name}: they cannot be one person there. Accept the proposal, or "
                "correct the meeting first."
            ) from None
        after = dump_record(read_record(Reading(connection, meeting_id)))
        if before["meeting"].get("status") == MeetingStatus.APPROVED.value and after != before:
            raise RuleViolation(
                f"The minutes of {title} are approved and name {proposal.name}; naming "
                f"{target[0]} instead would change them. Record a correction to the minutes "
                "first, or accept the proposal."
            )
        _decide(connection, server, proposal, "mapped", person_id)
        connection.execute(delete(PersonRow).where(PersonRow.id == proposal.person_id))
    return proposal


def _decide(
    connection: Connection,
    server: Desk,
    proposal: Proposal,
    state: str,
    person_id: int | None = None,
) -> None:
    values: dict[str, Any] = {"state": state, "decided_by": server.clerk, "decided_at": now()}
    if person_id is not None:
        values["person_id"] = person_id
    connection.execute(
        update(PersonProposalRow).where(PersonProposalRow.id == proposal.id).values(values)
    )
    detail = f"{proposal.name} (person {proposal.person_id})" + (
        f" is person {person_id}" if person_id is not None else ""
    )
    _audit(connection, server.clerk, proposal.meeting_id, f"Proposal {state}", detail)

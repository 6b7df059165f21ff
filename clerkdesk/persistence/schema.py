"""The database tables, as SQLAlchemy 2.0 typed mappings.

Rows end in ``Row`` so that "model" keeps its Qt meaning. Rows never leave the
persistence and services layers: they are turned into domain records first.
The tables are created by the numbered migrations in ``migrations.py``; a test
checks that these mappings and the migrated schema agree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class OrganisationRow(Base):
    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)


class PersonRow(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, index=True)
    kind: Mapped[str] = mapped_column(String, default="councillor")
    title: Mapped[str | None] = mapped_column(String, nullable=True)


class CommitteeRow(Base):
    __tablename__ = "committee"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    name: Mapped[str] = mapped_column(String)
    quorum: Mapped[int] = mapped_column(Integer)


class CommitteeMemberRow(Base):
    __tablename__ = "committee_member"
    __table_args__ = (UniqueConstraint("committee_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    role: Mapped[str] = mapped_column(String, default="member")
    voting: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class InterestKindRow(Base):
    __tablename__ = "interest_kind"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    label: Mapped[str] = mapped_column(String)
    may_speak: Mapped[bool] = mapped_column(Boolean)
    may_vote: Mapped[bool] = mapped_column(Boolean)
    must_leave: Mapped[bool] = mapped_column(Boolean)
    shows_nature: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class MeetingRow(Base):
    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    venue: Mapped[str | None] = mapped_column(String, nullable=True)
    status: Mapped[str] = mapped_column(String, default="draft")
    # The quorum the meeting was held under: the committee's may change later,
    # and approved minutes must not change with it.
    quorum: Mapped[int | None] = mapped_column(Integer, nullable=True)
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    approved_by: Mapped[str | None] = mapped_column(String, nullable=True)
    # "Chairman", "Chair" or "Chairperson": what these minutes call the chair.
    chair_style: Mapped[str] = mapped_column(String, default="Chairman")
    # The digest of the record as approved (domain/seal.py); set once (migration 0010).
    seal: Mapped[str | None] = mapped_column(String, nullable=True)
    # How the minutes are set out (migration 0013): the kind of body (None:
    # worked out from its name), the order members are listed in (None: by
    # surname), when the meeting closed, the clerk, and the proper officer.
    body_kind: Mapped[str | None] = mapped_column(String, nullable=True)
    member_order: Mapped[str | None] = mapped_column(String, nullable=True)
    closed_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    clerk_name: Mapped[str | None] = mapped_column(String, nullable=True)
    proper_officer: Mapped[str | None] = mapped_column(String, nullable=True)
    proper_officer_title: Mapped[str | None] = mapped_column(String, nullable=True)


class AgendaItemRow(Base):
    __tablename__ = "agenda_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String)
    title: Mapped[str] = mapped_column(Text)
    part: Mapped[int] = mapped_column(Integer, default=1)
    # "3" or "7A". The SQLite file's column is INTEGER (migration 0001), whose
    # affinity keeps a lettered paragraph as text and "3" as 3: it is read back
    # as text either way (records.py). On a server the column is text.
    exempt_paragraph: Mapped[int | str | None] = mapped_column(String, nullable=True)
    report_title: Mapped[str | None] = mapped_column(Text, nullable=True)
    report_author: Mapped[str | None] = mapped_column(String, nullable=True)
    contact_officer: Mapped[str | None] = mapped_column(String, nullable=True)
    public_summary: Mapped[str | None] = mapped_column(Text, nullable=True)
    # What happened to the item on the day (migration 0014).
    urgency_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    disposal: Mapped[str | None] = mapped_column(String, nullable=True)
    taken_out_of_order: Mapped[bool] = mapped_column(Boolean, default=False)
    # The title in Welsh, from a bilingual agenda (migration 0016).
    welsh_title: Mapped[str | None] = mapped_column(Text, nullable=True)


class RecommendationRow(Base):
    __tablename__ = "recommendation"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(String, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    # Its sub-points, a JSON array of text (migration 0013); None when it has none.
    points: Mapped[str | None] = mapped_column(Text, nullable=True)


class AttendeeRow(Base):
    __tablename__ = "attendee"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    capacity: Mapped[str] = mapped_column(String)
    role: Mapped[str] = mapped_column(String, default="member")
    voting: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String, default="present")
    arrived_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    departed_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    arrived_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id"), nullable=True)
    departed_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=True
    )
    substitute_for_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # An officer's job title at this meeting (the person's is only a default).
    title: Mapped[str | None] = mapped_column(String, nullable=True)
    # The clerk's note on this attendance, printed in the minutes (migration 0015).
    note: Mapped[str | None] = mapped_column(Text, nullable=True)


class DeclarationRow(Base):
    __tablename__ = "declaration"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    kind_code: Mapped[str] = mapped_column(ForeignKey("interest_kind.code"))
    nature: Mapped[str] = mapped_column(Text, default="")
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    dispensation: Mapped[bool] = mapped_column(Boolean, default=False)
    left_room: Mapped[bool] = mapped_column(Boolean, default=False)


class AmendmentRow(Base):
    __tablename__ = "amendment"
    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendation.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    mover_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    seconder_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    text: Mapped[str] = mapped_column(Text)
    resulting_text: Mapped[str | None] = mapped_column(Text, nullable=True)


class DecisionRow(Base):
    __tablename__ = "decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    recommendation_id: Mapped[int | None] = mapped_column(
        ForeignKey("recommendation.id"), nullable=True, unique=True
    )
    amendment_id: Mapped[int | None] = mapped_column(
        ForeignKey("amendment.id"), nullable=True, unique=True
    )
    outcome: Mapped[str] = mapped_column(String)
    yes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    no: Mapped[int | None] = mapped_column(Integer, nullable=True)
    abstain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    casting_vote: Mapped[str | None] = mapped_column(String, nullable=True)
    casting_voter_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), nullable=True)
    taken_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)


class NamedVoteRow(Base):
    __tablename__ = "named_vote"
    __table_args__ = (UniqueConstraint("decision_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    option: Mapped[str] = mapped_column(String)
    position: Mapped[int] = mapped_column(Integer, default=0)


class MinuteParagraphRow(Base):
    __tablename__ = "minute_paragraph"
    # By item and position: the next paragraph's place is the index's last entry
    # for the item, not a read of all its paragraphs (migration 0008).
    __table_args__ = (Index("ix_minute_paragraph_item_position", "item_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ActionRow(Base):
    __tablename__ = "action"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)
    # The minute paragraph it belongs to, printed beside it (migration 0013).
    # A plain column (see the migration): services keep it pointing at a paragraph.
    paragraph_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class CorrectionRow(Base):
    """A change made after approval. Append-only: triggers refuse UPDATE and DELETE."""

    __tablename__ = "correction"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    made_at: Mapped[dt.datetime] = mapped_column(DateTime)
    made_by: Mapped[str] = mapped_column(String)
    reason: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    changes: Mapped[str] = mapped_column(Text)  # JSON: the rows before and after
    seal: Mapped[str | None] = mapped_column(String, nullable=True)  # the record's, after it


class JournalRow(Base):
    """One undoable action: the row changes it made, to undo or redo them."""

    __tablename__ = "journal"
    # Ending the redo list (every new action does) finds the undone rows by this
    # partial index, not by reading the meeting's whole journal (migration 0003).
    __table_args__ = (
        Index(
            "ix_journal_undone",
            "meeting_id",
            sqlite_where=text("state = 'undone'"),
            postgresql_where=text("state = 'undone'"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    label: Mapped[str] = mapped_column(String)
    changes: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String, default="done")  # done / undone / discarded
    clerk: Mapped[str] = mapped_column(String)
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditRow(Base):
    """What was done, when and by which clerk. Append-only, enforced by triggers."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Not indexed: every action appends a row, and nothing looks rows up by
    # meeting while recording (migration 0006).
    meeting_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    clerk: Mapped[str] = mapped_column(String)
    action: Mapped[str] = mapped_column(String)
    detail: Mapped[str] = mapped_column(Text, default="")


class ExportRow(Base):
    """Every file exported, by its SHA-256, so a file can be verified later."""

    __tablename__ = "export_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    sha256: Mapped[str] = mapped_column(String, index=True)
    version: Mapped[str] = mapped_column(String)  # public / confidential
    format: Mapped[str] = mapped_column(String)  # docx / pdf
    file_name: Mapped[str] = mapped_column(String)
    exported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    clerk: Mapped[str] = mapped_column(String)
    # Which certificate certified a PDF (SHA-256 of its DER); NULL for Word files.
    certificate_sha256: Mapped[str | None] = mapped_column(String, index=True)


# The team's shared record (issue 18; migration 0018). On the council's server:
# a lease for each check-out of a meeting to a laptop, the laptop's meeting
# kept when its check-in was refused, and the people a clerk added offline.
# On the laptop: what it has checked out, from which server.


class MeetingLeaseRow(Base):
    """One check-out of a meeting from the server; kept when it ends, as the
    meeting's history. At most one per meeting is unended: that one holds it."""

    __tablename__ = "meeting_lease"
    __table_args__ = (
        Index(
            "ux_meeting_lease_held",
            "meeting_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
    )
    # A random token the laptop keeps: its check-in names the lease by it, so
    # that a check-in retried after a lost connection is recognised.
    token: Mapped[str] = mapped_column(String, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"))
    holder: Mapped[str] = mapped_column(String)
    machine: Mapped[str] = mapped_column(String)
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    ended_how: Mapped[str | None] = mapped_column(String, nullable=True)  # checked in / released
    ended_by: Mapped[str | None] = mapped_column(String, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class ConflictCopyRow(Base):
    """A laptop's meeting whose check-in was refused (its lease was released by
    a manager): kept whole, for a person to compare with the server's and choose."""

    __tablename__ = "conflict_copy"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    lease_token: Mapped[str] = mapped_column(String, unique=True)
    holder: Mapped[str] = mapped_column(String)
    machine: Mapped[str] = mapped_column(String)
    arrived_at: Mapped[dt.datetime] = mapped_column(DateTime)
    record: Mapped[str] = mapped_column(Text)  # the meeting record document, as `dump` prints it
    audit: Mapped[str] = mapped_column(Text)  # JSON: what the laptop's audit trail said


class PersonProposalRow(Base):
    """A person a clerk added while the meeting was checked out (a substitute, an
    officer): on the server until the office accepts them or maps them to a
    person it already has."""

    __tablename__ = "person_proposal"
    id: Mapped[int] = mapped_column(primary_key=True)
    # The person the meeting names: the one added, or after mapping the one it was.
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    name: Mapped[str] = mapped_column(String)  # as the clerk added them
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"))
    proposed_by: Mapped[str] = mapped_column(String)
    proposed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String, default="pending")  # pending / accepted / mapped
    decided_by: Mapped[str | None] = mapped_column(String, nullable=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class CheckoutRow(Base):
    """On a laptop: a meeting checked out from a server, and how that ended."""

    __tablename__ = "checkout"
    # Not a foreign key: the row outlives nothing, but the meeting may be
    # replaced by a later check-out of it under the same id.
    meeting_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    server: Mapped[str] = mapped_column(String)  # as shown: never a password
    server_identity: Mapped[str] = mapped_column(String)
    token: Mapped[str] = mapped_column(String)
    holder: Mapped[str] = mapped_column(String)
    machine: Mapped[str] = mapped_column(String)
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # The laptop's last audit entry when it was checked out: the entries after
    # it about this meeting travel back with it.
    audit_from: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String, default="out")  # out / checked in / refused
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


# Ids are never reused (SQLite AUTOINCREMENT), so that redo can put a deleted
# row back under its old id without colliding with a row made since. The
# audit trail never loses a row, and nothing refers to a journal row's id
# (approval deletes the meeting's journal; an id used again is harmless), so
# they need not pay for it on every insert (migration 0009).
_NEVER_DELETED = frozenset({"journal", "audit"})
for _table in Base.metadata.tables.values():
    if "id" in _table.c and _table.c["id"].primary_key and _table.name not in _NEVER_DELETED:
        _table.dialect_options["sqlite"]["autoincrement"] = True
    # Undo and redo put rows back in the order they were written, not the keys'
    # order, so the keys are checked at COMMIT there (dialects.defer_foreign_keys).
    # SQLite's are declared by the migrations and deferred by a pragma.
    for _key in _table.foreign_key_constraints:
        _key.deferrable = True
        _key.initially = "IMMEDIATE"

"""The unit of work behind every clerk action (docs/write-path.md).

One transaction: the service reads the meeting record as domain objects,
says what the action changes by ``Entity``, and this writes it with
SQLAlchemy Core, capturing every row before and after. On leaving the block
the whole record is read again and checked against every rule, and the undo
journal, the audit entry and (after approval) the sealed correction are
written once. If anything fails, nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    Table,
    Update,
    bindparam,
    delete,
    exists,
    func,
    insert,
    select,
    update,
)

from clerkdesk.domain.changes import Area, Change, UndoLabels
from clerkdesk.domain.errors import NotFoundError, RuleViolation
from clerkdesk.domain.model import Correction, MeetingRecord, MeetingStatus, Person, PersonKind
from clerkdesk.domain.record_text import check_record_text
from clerkdesk.domain.rules import ensure_editable, validate_record
from clerkdesk.domain.seal import current_and_previous, next_seal
from clerkdesk.persistence.entities import Entity, areas_of
from clerkdesk.persistence.journal import (
    RowChange,
    apply_changes,
    decode_changes,
    encode_changes,
    encode_value,
)
from clerkdesk.persistence.kept_records import LAST_AUDIT_ID, KeptRecords
from clerkdesk.persistence.queries import person_named
from clerkdesk.persistence.records import load_record, read_changed, read_whole_record
from clerkdesk.persistence.schema import (
    AuditRow,
    CheckoutRow,
    CorrectionRow,
    JournalRow,
    MeetingLeaseRow,
    MeetingRow,
    PersonRow,
)
from clerkdesk.persistence.search_index import merge_search_index
from clerkdesk.persistence.written_text import check_written_text

if TYPE_CHECKING:
    from clerkdesk.persistence.database import Database, Transaction

Key = int | Mapping[str, Any]
Values = dict[str, Any]


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


# The statements every action runs, built once: SQLAlchemy then finds each
# compiled in its cache, where building them again per action cost as much as
# running them.
_MEETING = bindparam("meeting", type_=Integer)
# The meeting's status, its clerk and the database's audit mark, in one
# statement, which on a server also holds the meeting's row until the action
# commits: two clerks' actions on one meeting run one after the other, each
# checked against the record the other left. (A SQLite file has one writer at
# a time already: BEGIN IMMEDIATE.)
_STATUS_AND_MARK = (
    select(
        MeetingRow.status,
        LAST_AUDIT_ID.scalar_subquery(),
        MeetingRow.clerk_name,
        # Away (issue 18): on a server, checked out to a laptop; in a laptop's
        # file, checked back in (or its check-in refused). Either way read-only.
        MeetingLeaseRow.holder,
        MeetingLeaseRow.machine,
        MeetingLeaseRow.taken_at,
        CheckoutRow.state,
        CheckoutRow.server,
        # Whether the meeting has anything to redo: only then does a journalled
        # action end the redo list (an UPDATE), and a key press after another
        # action has a statement fewer.
        exists().where(JournalRow.meeting_id == MeetingRow.id, JournalRow.state == "undone"),
    )
    .outerjoin_from(
        MeetingRow,
        MeetingLeaseRow,
        (MeetingLeaseRow.meeting_id == MeetingRow.id) & MeetingLeaseRow.ended_at.is_(None),
    )
    .outerjoin(CheckoutRow, CheckoutRow.meeting_id == MeetingRow.id)
    .where(MeetingRow.id == _MEETING)
    .with_for_update(of=MeetingRow)
)
_END_REDO = (
    update(JournalRow)
    .where(JournalRow.meeting_id == _MEETING, JournalRow.state == "undone")
    .values(state="discarded")
)
_JOURNAL_ENTRY = insert(JournalRow)
_AUDIT_ENTRY = insert(AuditRow)
_UNDO_LABELS = select(
    select(JournalRow.label)
    .where(JournalRow.meeting_id == _MEETING, JournalRow.state == "done")
    .order_by(JournalRow.id.desc())
    .limit(1)
    .scalar_subquery(),
    select(JournalRow.label)
    .where(JournalRow.meeting_id == _MEETING, JournalRow.state == "undone")
    .order_by(JournalRow.id)
    .limit(1)
    .scalar_subquery(),
)


@cache
def _row_by(table: Table, columns: tuple[str, ...]) -> Select[Any]:
    """A table's row by the values of ``columns`` (bound as ``key_<column>``)."""
    return select(table).where(*(table.c[c] == bindparam(f"key_{c}") for c in columns))


@cache
def _update_by_id(table: Table) -> Update:
    """Changes a row by its id (bound as ``row_id``); the columns set are the
    other parameters given."""
    return update(table).where(table.c.id == bindparam("row_id"))


@dataclass(frozen=True, slots=True)
class Work:
    """Who does an action, and why if it corrects approved minutes."""

    meeting_id: int
    clerk: str
    label: str
    correction: str | None = None  # the reason, after approval
    undoable: bool = True
    # Who makes a correction: the clerk named for it, else the meeting's
    # recorded clerk; never the login, which the minutes cannot print.
    made_by: str | None = None


class UnitOfWork:
    """What a service sees inside its action's transaction."""

    def __init__(self, transaction: Transaction, work: Work, kept: KeptRecords) -> None:
        self.transaction = transaction
        self._kept = kept
        self.kept_at: int | None = None  # the audit mark the record is true at, once committed
        self.mark: int | None = None  # the database's audit mark when the action began
        # On a laptop's file: the server the meeting is checked out from (its
        # committee and members are that server's, issue 18).
        self.checked_out_from: str | None = None
        self.meeting_id = work.meeting_id
        self.label = work.label  # services refine it once they know the names involved
        self.new_id: int | None = None
        self.after: MeetingRecord | None = None  # the record as the action left it
        self._work = work
        self._record: MeetingRecord | None = None
        self.changes: list[RowChange] = []  # journalled for undo
        self.replayed: list[RowChange] = []  # an undo's or redo's, not journalled again
        self.undo: UndoLabels | None = None  # what Undo and Redo would do next, once done
        self.redo_pending = True  # the journal held undone entries when the action began

    @property
    def areas(self) -> Area:
        """What the action wrote, by the areas of the window it shows in."""
        return areas_of({change.table for change in (*self.changes, *self.replayed)})

    @property
    def connection(self) -> Connection:
        return self.transaction.connection()

    def person(
        self, name: str, kind: PersonKind, title: str | None = None, *, replace_title: bool = False
    ) -> Person:
        """The person of this name and kind (any letter case), made if new. A
        title fills an empty one, or replaces it with ``replace_title``. People
        are shared by every meeting, so they are never undone."""
        check_written_text("person", {"name": name, "title": title})
        found = person_named(self.connection, name, kind.value)
        if found is None:
            made = self.connection.execute(
                insert(PersonRow).values(name=name, kind=kind.value, title=title)
            )
            key = made.inserted_primary_key
            assert key is not None
            return Person(int(key[0]), name, kind, title)
        if title and (replace_title or not found.title) and title != found.title:
            self.connection.execute(
                update(PersonRow).where(PersonRow.id == found.id).values(title=title)
            )
            return Person(int(found.id), str(found.name), kind, title)
        return Person(int(found.id), str(found.name), kind, found.title)

    @property
    def record(self) -> MeetingRecord:
        """The record as it stood when first asked for in this action (the
        action's own writes do not change it)."""
        if self._record is None:
            self._record = load_record(self.transaction, self.meeting_id, self._kept, self.mark)
        return self._record

    @property
    def kept_record(self) -> MeetingRecord | None:
        """The record read before any write, if the action read it and wrote nothing."""
        return self._record if not (self.changes or self.replayed) else None

    def done(self) -> Change:
        """What the action did, once its block has ended (committed)."""
        return Change(self.label, self.meeting_id, self.areas, self.new_id, self.undo, self.after)

    def record_now(self) -> MeetingRecord:
        """The record as it stands with the action's writes so far."""
        return read_whole_record(self.transaction, self.meeting_id)

    def forget_undo(self) -> None:
        """Delete the meeting's undo journal and merge the search index (approval).

        Approved minutes change only by corrections, which keep their own
        originals, so the journal can never be used again; it holds the text of
        everything deleted while recording, Part II included, and the index keeps
        a deleted paragraph's words in its segments until they are merged.
        (secure_delete zeroes what both free.)
        """
        self.connection.execute(delete(JournalRow).where(JournalRow.meeting_id == self.meeting_id))
        merge_search_index(self.connection)

    def _record_after(self) -> MeetingRecord:
        """The record as the action left it: the sections it wrote read again
        over the record as it stood (all of it, if the action never read it)."""
        if self._record is None:
            return read_whole_record(self.transaction, self.meeting_id)
        after = read_changed(self.transaction, self._record, self._written())
        if self._kept.verify:
            fresh = read_whole_record(self.transaction, self.meeting_id)
            if fresh != after or repr(fresh) != repr(after):
                raise AssertionError("The record after the action differs from the file.")
        return after

    def _written(self) -> dict[str, frozenset[str] | None]:
        """What the action wrote, by table: the columns it updated, or None where
        it added or removed rows (an undo's or redo's rows as they were put back)."""
        written: dict[str, frozenset[str] | None] = {}
        for change in (*self.changes, *self.replayed):
            columns = (
                frozenset((*(change.before or ()), *(change.after or ())))
                if change.op == "update"
                else None
            )
            if change.table not in written:
                written[change.table] = columns
            else:
                was = written[change.table]
                written[change.table] = None if was is None or columns is None else was | columns
        return written

    def replay(self, *, backwards: bool) -> str:
        """Undo (``backwards``) or redo the meeting's next journal entry; its label.

        The entry's rows are put back as they were (or made again) and the entry
        moves between the done and undone lists; the record is then checked as
        after any action, and the step audited."""
        word = "undo" if backwards else "redo"
        wanted = "done" if backwards else "undone"
        order = JournalRow.id.desc() if backwards else JournalRow.id
        entry = self.connection.execute(
            select(JournalRow.id, JournalRow.label, JournalRow.changes)
            .where(JournalRow.meeting_id == self.meeting_id, JournalRow.state == wanted)
            .order_by(order)
            .limit(1)
        ).first()
        if entry is None:
            raise RuleViolation(f"There is nothing to {word}.")
        changes = decode_changes(entry.changes)
        apply_changes(self.connection, changes, backwards=backwards)
        self.connection.execute(
            update(JournalRow)
            .where(JournalRow.id == entry.id)
            .values(state="undone" if backwards else "done")
        )
        self.replayed.extend(changes)
        return str(entry.label)

    # Writes, each one Core statement, each captured for undo and audit.
    def add(self, entity: Entity, **values: Any) -> int:
        """Insert one row; its new id."""
        table = entity.table
        check_written_text(table.name, values)
        row = self.connection.execute(insert(table).values(**values).returning(*table.c)).one()
        after = _captured(dict(row._mapping))
        self.changes.append(RowChange("insert", table.name, after["id"], None, after))
        return int(after["id"])

    def change(self, entity: Entity, key: Key, **values: Any) -> bool:
        """Change the given columns of the row with this id (or unique key);
        False, and nothing written, if none differs."""
        table = entity.table
        found = self._find(entity, key)
        before = _captured(found)
        wanted = _captured(values)
        changed = {column: values[column] for column in values if wanted[column] != before[column]}
        if not changed:
            return False
        # Only what changes: a row holding such text from before the rule can
        # still be changed in its other fields.
        check_written_text(table.name, changed)
        self.connection.execute(_update_by_id(table), {**changed, "row_id": before["id"]})
        after = {column: wanted[column] for column in changed}
        self.changes.append(
            RowChange("update", table.name, before["id"], {c: before[c] for c in changed}, after)
        )
        return True

    def remove(self, entity: Entity, key: Key) -> None:
        table = entity.table
        before = _captured(self._find(entity, key))
        self.connection.execute(delete(table).where(table.c.id == before["id"]))
        self.changes.append(RowChange("delete", table.name, before["id"], before, None))

    def ids(self, entity: Entity, **where: Any) -> list[int]:
        """The ids of the rows whose columns hold these values, in their order."""
        table = entity.table
        order = [table.c.position] if "position" in table.c else []
        found = self.connection.execute(
            select(table.c.id)
            .where(*(table.c[c] == v for c, v in where.items()))
            .order_by(*order, table.c.id)
        )
        return [int(row_id) for row_id in found.scalars()]

    def next_position(self, entity: Entity, **parent: Any) -> int:
        """One past the last position among the rows of the same parent."""
        table = entity.table
        last = self.connection.execute(
            select(func.max(table.c.position)).where(*(table.c[c] == v for c, v in parent.items()))
        ).scalar()
        return 0 if last is None else int(last) + 1

    def _find(self, entity: Entity, key: Key) -> Mapping[str, Any]:
        table = entity.table
        where = {"id": key} if isinstance(key, int) else dict(key)
        found = (
            self.connection.execute(
                _row_by(table, tuple(where)), {f"key_{c}": v for c, v in where.items()}
            )
            .mappings()
            .first()
        )
        if found is None:
            raise LookupError(f"There is no {entity.name.lower()} {where} to change.")
        return dict(found)

    # The end of the action.
    def finish(self, locked: bool) -> None:
        """Check the record as the action left it, then journal, audit and (after
        approval) correct, each once."""
        transaction = self.transaction
        transaction.ensure_active()  # the journal and audit rows must not commit alone
        if self.changes or self.replayed:
            # Every rule, every time: a rule is never skipped because a
            # shortcut guessed an action could not affect it.
            self.after = self._record_after()
            check_record(self.after)
        work = self._work
        encoded = encode_changes(self.changes)
        at = now()
        execute = self.connection.execute
        journalled = work.undoable and bool(self.changes) and not locked
        if journalled:
            if self.redo_pending or self.replayed:
                execute(_END_REDO, {"meeting": self.meeting_id})
            execute(
                _JOURNAL_ENTRY,
                {
                    "meeting_id": self.meeting_id,
                    "label": self.label,
                    "changes": encoded,
                    "state": "done",
                    "clerk": work.clerk,
                    "at": at,
                },
            )
        if work.correction is not None and locked:
            corrector = work.made_by or ""
            entry = Correction(0, at, corrector, work.correction, self.label, encoded)
            execute(
                insert(CorrectionRow).values(
                    meeting_id=self.meeting_id,
                    made_at=at,
                    made_by=corrector,
                    reason=work.correction,
                    summary=self.label,
                    changes=encoded,
                    seal=self._seal_after(entry),
                )
            )
            # The record as the action left it includes its correction.
            self.after = read_changed(transaction, self.after or self.record, {"correction": None})
        audited = execute(
            _AUDIT_ENTRY,
            {
                "meeting_id": self.meeting_id,
                "at": at,
                "clerk": work.clerk,
                "action": self.label,
                "detail": f"correction: {work.correction}" if work.correction is not None else "",
            },
        )
        # This transaction holds the write lock, so its audit entry is the
        # database's last: the record as the action left it is true at it.
        key = audited.inserted_primary_key
        self.kept_at = None if key is None else int(key[0])
        # An action just journalled is the one Undo takes back, and it ended the
        # redo list; the meeting's row (or the file's write lock) keeps every
        # other action on it out until this commits. Else the journal says.
        if journalled:
            self.undo = UndoLabels(self.label, None)
            if self._kept.verify and self.undo != undo_labels(self.connection, self.meeting_id):
                raise AssertionError("The undo labels after the action differ from the journal.")
        else:
            self.undo = undo_labels(self.connection, self.meeting_id)

    def _seal_after(self, made: Correction) -> str:
        """The record's seal once this correction is in it, chained to the seal before.

        The correction row is append-only, so its seal is worked out before it
        is written: over the record as changed, with this correction added as it
        will read back.
        """
        after = read_whole_record(self.transaction, self.meeting_id)
        previous, _ = current_and_previous(after)
        return next_seal(previous, replace(after, corrections=(*after.corrections, made)))


def _refuse_if_away(found: Any) -> None:
    holder, machine, since, state, server = found[3:8]
    if holder is not None:
        raise RuleViolation(
            f"This meeting is checked out to {holder} on {machine} (since {since.day} "
            f"{since:%B %Y} at {since:%H:%M}): it is recorded there, and read-only here "
            "until it is checked in."
        )
    if state == "checked in":
        raise RuleViolation(
            f"This meeting was checked in to the server {server}: this copy is read-only. "
            "Check it out again (into a new file) to change it."
        )
    if state == "refused":
        raise RuleViolation(
            f"This meeting's check-in to the server {server} was refused: this copy is kept "
            "as it was sent, for the office to compare with the server's, and is read-only."
        )


def undo_labels(connection: Connection, meeting_id: int) -> UndoLabels:
    """The labels of the meeting's next undo and redo, read in ``connection``'s
    transaction (the action's own, or a read)."""
    undo, redo = connection.execute(_UNDO_LABELS, {"meeting": meeting_id}).one()
    return UndoLabels(undo, redo)


def check_record(record: MeetingRecord) -> None:
    """The check after every action that changed something: every rule, on the
    whole record (tests/domain/test_whole_record_checks.py guards that it stays so)."""
    validate_record(record)


def _captured(values: Mapping[str, Any]) -> Values:
    """Values as the journal keeps them (journal.py's encoding)."""
    return {column: encode_value(value) for column, value in values.items()}


@contextmanager
def unit_of_work(db: Database, work: Work) -> Iterator[UnitOfWork]:
    """One clerk action on one meeting: committed whole, or nothing written."""
    if work.correction is not None and not work.correction.strip():
        raise RuleViolation("A correction to approved minutes needs a reason.")
    if work.correction is not None:
        correction = work.correction.strip()
        check_record_text(correction, "The correction's reason")
        check_record_text(work.made_by or "", "The name of who makes the correction")
        work = replace(work, correction=correction)
    check_record_text(work.clerk, "The clerk's name")
    with db.transaction() as transaction:
        found = (
            transaction.connection().execute(_STATUS_AND_MARK, {"meeting": work.meeting_id}).first()
        )
        if found is None:
            raise NotFoundError(
                f"There is no meeting with id {work.meeting_id}. List the meetings with "
                "`clerkdesk meetings` to find its id."
            )
        _refuse_if_away(found)
        locked = found[0] == MeetingStatus.APPROVED.value
        if work.correction is not None:
            corrector = " ".join((work.made_by or found[2] or "").split())
            if locked and not corrector:
                raise RuleViolation(
                    "Say who is correcting the minutes: set the clerk's name in Meeting › "
                    "Minutes details (or `clerkdesk minutes-details --clerk NAME`), then try again."
                )
            work = replace(work, made_by=corrector)
        uow = UnitOfWork(transaction, work, db.kept)
        uow.mark = int(found[1] or 0)
        uow.checked_out_from = found[7] if found[6] == "out" else None
        uow.redo_pending = bool(found[8])
        if locked:
            ensure_editable(uow.record, correcting=work.correction is not None)
        yield uow
        uow.finish(locked)
    # Committed: the record as the action left it is kept for the next action.
    kept = uow.after if uow.after is not None else uow.kept_record
    if kept is not None and uow.kept_at is not None:
        db.kept.keep(work.meeting_id, uow.kept_at, kept)

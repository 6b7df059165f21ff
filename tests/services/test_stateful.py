"""Random sequences of clerk actions, with undo and redo, never break the record.

After every step: the record passes every rule (so no count exceeds those who
may vote and no barred member is recorded as voting); a refused action leaves
the record exactly as it was; undo then redo gives back the same record; and
a dump loaded again dumps the same.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from clerkdesk.domain.errors import DomainError, RuleViolation
from clerkdesk.domain.model import (
    AttendanceStatus,
    MeetingRecord,
    MeetingStatus,
    Tally,
    VoteOption,
)
from clerkdesk.domain.record_json import dump_record
from clerkdesk.domain.record_text import NOT_RECORD_TEXT
from clerkdesk.domain.rules import validate_record
from clerkdesk.persistence.database import open_database
from clerkdesk.services import attendance, declarations, lifecycle, minutes, undo, votes
from clerkdesk.services.context import Change, Correction, Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.services.records_io import get_record, load_meeting
from tests.conftest import BACKENDS
from tests.postgres_server import PostgresServer

MEMBER = st.integers(min_value=0, max_value=11)
TIMES = st.integers(min_value=0, max_value=120).map(
    lambda m: (dt.datetime(2018, 1, 30, 10, 30) + dt.timedelta(minutes=m)).time()
)
KINDS = st.sampled_from(["dpi", "ori-direct", "ori-affects", "nri-direct", "declarable"])


@contextmanager
def _new_file() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder) / "state.db"


class ClerkActions(RuleBasedStateMachine):
    # Where each run's new database is made: a file, or (set by the test) a
    # database on the test run's PostgreSQL server.
    new_database: Callable[[], AbstractContextManager[Path | str]] = staticmethod(_new_file)

    def __init__(self) -> None:
        super().__init__()
        self.where = self.new_database()
        self.db = open_database(self.where.__enter__(), create=True)
        self.desk = Desk(self.db, "Property Clerk")
        self.meeting_id = create_demo(self.desk)[1]
        self.undone = 0
        self.approved = False
        self.approved_record: dict[str, object] = {}
        # Start with a quorate meeting, so that votes are often possible.
        for a in self.record.attendees[:9]:
            attendance.mark_attendance(
                self.desk, self.meeting_id, a.person_id, AttendanceStatus.PRESENT
            )

    def teardown(self) -> None:
        self.db.dispose()
        self.where.__exit__(None, None, None)

    @property
    def record(self) -> MeetingRecord:
        return get_record(self.desk, self.meeting_id)

    def member(self, index: int) -> int:
        members = [a.person_id for a in self.record.attendees if a.capacity.value == "member"]
        return members[index % len(members)]

    def attempt(self, action: object) -> Change | None:
        before = dump_record(self.record)
        try:
            change = action()  # type: ignore[operator]
        except DomainError:
            assert dump_record(self.record) == before, "a refused action changed the record"
            event("refused")
            return None
        event(f"recorded: {change.label.split(' ')[0]}")  # type: ignore[attr-defined]
        self.undone = 0
        return change  # type: ignore[no-any-return]

    @rule(index=MEMBER, status=st.sampled_from(list(AttendanceStatus)))
    def mark(self, index: int, status: AttendanceStatus) -> None:
        self.attempt(
            lambda: attendance.mark_attendance(
                self.desk, self.meeting_id, self.member(index), status
            )
        )

    @rule(index=MEMBER, at=TIMES, arriving=st.booleans())
    def arrive_or_leave(self, index: int, at: dt.time, arriving: bool) -> None:
        service = attendance.record_arrival if arriving else attendance.record_departure
        self.attempt(lambda: service(self.desk, self.meeting_id, self.member(index), at))

    @rule(index=MEMBER, name=st.sampled_from(["R H Smith", "A Stand-In"]))
    def substitute(self, index: int, name: str) -> None:
        self.attempt(
            lambda: attendance.add_substitute(self.desk, self.meeting_id, name, self.member(index))
        )

    @rule(index=MEMBER, item=st.integers(0, 5), kind=KINDS, dispensation=st.booleans())
    def declare(self, index: int, item: int, kind: str, dispensation: bool) -> None:
        item_id = self.record.ordered_items[item].id
        self.attempt(
            lambda: declarations.declare_interest(
                self.desk,
                self.meeting_id,
                item_id,
                self.member(index),
                kind,
                "Owns shares",
                dispensation=dispensation,
            )
        )

    @rule(
        rec=st.integers(0, 4),
        yes=st.integers(0, 13),
        no=st.integers(0, 13),
        abstain=st.integers(0, 4),
        casting=st.sampled_from([None, VoteOption.YES]),
        at=st.none() | TIMES,
    )
    def vote(
        self,
        rec: int,
        yes: int,
        no: int,
        abstain: int,
        casting: VoteOption | None,
        at: dt.time | None,
    ) -> None:
        rec_id = self.record.recommendations[rec].id
        self.attempt(
            lambda: votes.record_vote(
                self.desk,
                self.meeting_id,
                recommendation_id=rec_id,
                tally=Tally(yes, no, abstain),
                casting_vote=casting,
                at=at,
            )
        )

    @rule(rec=st.integers(0, 4), against=st.sets(MEMBER, max_size=3))
    def named_vote(self, rec: int, against: set[int]) -> None:
        rec_id = self.record.recommendations[rec].id
        exceptions = {self.member(i): VoteOption.NO for i in against}
        self.attempt(
            lambda: votes.record_named_vote(
                self.desk, self.meeting_id, rec_id, exceptions, casting_vote=None
            )
        )

    @rule(item=st.integers(0, 5), text=st.text(min_size=1, max_size=40))
    def paragraph(self, item: int, text: str) -> None:
        item_id = self.record.ordered_items[item].id
        self.attempt(lambda: minutes.add_paragraph(self.desk, self.meeting_id, item_id, text))

    @precondition(lambda self: undo.undo_state(self.desk, self.meeting_id).undo_label is not None)
    @rule()
    def undo_then_redo_is_identity(self) -> None:
        before = dump_record(self.record)
        undo.undo(self.desk, self.meeting_id)
        undo.redo(self.desk, self.meeting_id)
        assert dump_record(self.record) == before

    @precondition(lambda self: undo.undo_state(self.desk, self.meeting_id).undo_label is not None)
    @rule()
    def undo_one(self) -> None:
        undo.undo(self.desk, self.meeting_id)
        self.undone += 1

    @precondition(lambda self: self.undone > 0)
    @rule()
    def redo_one(self) -> None:
        undo.redo(self.desk, self.meeting_id)
        self.undone -= 1

    @precondition(lambda self: not self.approved)
    @rule()
    def approve(self) -> None:
        for status in (MeetingStatus.IN_PROGRESS, MeetingStatus.CLOSED):
            lifecycle.set_status(self.desk, self.meeting_id, status)
        lifecycle.approve_minutes(self.desk, self.meeting_id, "C B Wyatt-Lowe")
        self.approved = True
        self.undone = 0  # approval closes the undo history
        assert undo.undo_state(self.desk, self.meeting_id) == undo.UndoState(None, None)
        self.approved_record = dump_record(self.record)

    @precondition(lambda self: self.approved)
    @rule(item=st.integers(0, 5), text=st.text(min_size=1, max_size=40).filter(str.strip))
    def correct_after_approval(self, item: int, text: str) -> None:
        before = self.record
        item_id = before.ordered_items[item].id
        correction = Correction("Chair's request", made_by="Elaine Manzi")
        # A NUL here once reached the server (record_text.py). The minute is stored
        # stripped, and Python strips the separators \x1c-\x1f as whitespace.
        if NOT_RECORD_TEXT.search(text.strip()):
            with pytest.raises(RuleViolation, match="is not text"):
                minutes.add_paragraph(
                    self.desk, self.meeting_id, item_id, text, correction=correction
                )
            return
        minutes.add_paragraph(self.desk, self.meeting_id, item_id, text, correction=correction)
        after = self.record
        assert len(after.corrections) == len(before.corrections) + 1
        assert after.corrections[-1].reason == "Chair's request"
        self.approved_record = dump_record(after)

    @invariant()
    def approved_minutes_change_only_by_corrections(self) -> None:
        if self.approved:
            assert dump_record(self.record) == self.approved_record

    @rule()
    def dump_then_load_gives_the_same_record(self) -> None:
        from clerkdesk.domain.record_reader import read_record

        dumped = dump_record(self.record)
        copy = load_meeting(self.desk, read_record(dumped), as_new_copy=True)
        assert dump_record(get_record(self.desk, copy)) == dumped

    @invariant()
    def record_keeps_every_rule(self) -> None:
        validate_record(self.record)


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_random_clerk_actions_never_break_the_record(
    backend: str, request: pytest.FixtureRequest
) -> None:
    class OnThisDatabase(ClerkActions):
        pass

    if backend == "postgresql":
        server: PostgresServer = request.getfixturevalue("postgres")
        OnThisDatabase.new_database = server.fresh_database  # type: ignore[method-assign,assignment]
    run_state_machine_as_test(
        OnThisDatabase, settings=settings(max_examples=12, stateful_step_count=25)
    )

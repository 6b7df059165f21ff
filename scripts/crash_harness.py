"""Crash-safety harness: kill ClerkDesk mid-action, again and again, and prove
that nothing acknowledged is ever lost and nothing is left half-done.

A child process performs real service calls (minute paragraphs, attendance
changes, votes) in an endless loop. After each call *returns* it appends the
action's number to a side-channel file opened with O_APPEND and fsync'd: that
line is the moment the clerk saw the action succeed. The parent SIGKILLs the
child at a random moment and then checks the database:

* ``PRAGMA integrity_check`` says ``ok``;
* every acknowledged action is in the database;
* at most one action beyond the last acknowledged one is there (the kill can
  land after the commit but before the acknowledgement);
* nothing is half-done: each action wrote exactly one audit row and one undo
  journal row, paragraphs match the actions, and the attendance and vote
  state equal what the recorded actions imply.

The next round continues on the same database.

    python scripts/crash_harness.py --kills 1000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Actions cycle through four kinds so that the expected state after any number
# of actions can be computed from that number alone.
PARAGRAPH, ATTENDANCE, VOTE = "paragraph", "attendance", "vote"
CYCLE = (PARAGRAPH, ATTENDANCE, PARAGRAPH, VOTE)
PRESENT_MEMBERS = 6  # members marked present before the run, so votes are quorate


@dataclass(frozen=True)
class Plan:
    """The rows the actions touch, and the row counts before the first action."""

    meeting_id: int
    item_id: int
    toggled_person_id: int
    recommendation_id: int
    base_audit: int
    base_journal: int


@dataclass
class HarnessResult:
    kills: int = 0
    acknowledged: int = 0  # actions whose service call had returned
    lost: int = 0  # acknowledged actions missing afterwards: must be 0
    integrity_failures: int = 0
    half_done: int = 0  # rounds where the rows disagree with the actions: must be 0
    beyond_ack: int = 0  # rounds where one unacknowledged action had committed (allowed)
    early_kills: int = 0  # kills during start-up / opening the database
    child_errors: int = 0  # children that died of something other than our SIGKILL
    elapsed: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not (self.lost or self.integrity_failures or self.half_done or self.child_errors)


def kind_of(n: int) -> str:
    return CYCLE[n % len(CYCLE)]


def status_after(done: int) -> str | None:
    """Status of the toggled member after ``done`` actions (None: never toggled)."""
    last = max(
        (n for n in range(done - 1, max(done - 5, -1), -1) if kind_of(n) == ATTENDANCE),
        default=None,
    )
    if last is None:
        return None
    return "apologies" if (last // len(CYCLE)) % 2 == 0 else "present"


def tally_after(done: int) -> int | None:
    """The 'yes' count of the vote after ``done`` actions (None: no vote yet)."""
    last = max(
        (n for n in range(done - 1, max(done - 5, -1), -1) if kind_of(n) == VOTE), default=None
    )
    return None if last is None else 1 + (last // len(CYCLE)) % 5


# --- the child: real service calls until it is killed ----------------------


def perform(desk: object, plan: Plan, n: int) -> None:
    """Action number ``n``, as one real service call (one transaction)."""
    from clerkdesk.domain.model import AttendanceStatus, Tally
    from clerkdesk.services.attendance import mark_attendance
    from clerkdesk.services.context import Desk
    from clerkdesk.services.minutes import add_paragraph
    from clerkdesk.services.votes import record_vote

    assert isinstance(desk, Desk)
    kind = kind_of(n)
    if kind == PARAGRAPH:
        add_paragraph(desk, plan.meeting_id, plan.item_id, f"action-{n}")
    elif kind == ATTENDANCE:
        status = AttendanceStatus(status_after(n + 1) or "absent")
        mark_attendance(desk, plan.meeting_id, plan.toggled_person_id, status)
    else:
        yes = tally_after(n + 1) or 0
        record_vote(
            desk, plan.meeting_id, recommendation_id=plan.recommendation_id, tally=Tally(yes, 0, 0)
        )


def child_main(
    db_path: Path, ack_path: Path, start: int, plan: Plan, *, ack_first: bool = False
) -> None:
    """Record actions until killed. ``ack_first`` acknowledges each action
    *before* performing it: a deliberately wrong child that lets the tests
    prove the harness does notice lost actions."""
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk

    desk = Desk(open_database(db_path, create=True), clerk="Crash Harness")
    ack = os.open(ack_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    n = start
    while True:
        if not ack_first:
            perform(desk, plan, n)
        os.write(ack, f"{n}\n".encode())
        os.fsync(ack)  # the acknowledgement itself must survive the kill
        if ack_first:
            perform(desk, plan, n)
        n += 1


# --- the parent: set up, kill, verify ---------------------------------------


def prepare(db_path: Path) -> Plan:
    """A demo database with a quorate meeting to record into."""
    from clerkdesk.domain.model import AttendanceStatus
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.attendance import mark_attendance
    from clerkdesk.services.context import Desk
    from clerkdesk.services.demo import create_demo
    from clerkdesk.services.records_io import get_record

    db = open_database(db_path, create=True)
    try:
        desk = Desk(db, clerk="Crash Harness")
        meeting_id = create_demo(desk)[1]
        record = get_record(desk, meeting_id)
        members = [a.person_id for a in record.attendees]
        for person_id in members[:PRESENT_MEMBERS]:
            mark_attendance(desk, meeting_id, person_id, AttendanceStatus.PRESENT)
        record = get_record(desk, meeting_id)
    finally:
        db.dispose()
    with sqlite3.connect(db_path) as conn:
        base_audit, base_journal = _counts(conn)
    conn.close()
    return Plan(
        meeting_id=meeting_id,
        item_id=record.items[0].id,
        toggled_person_id=members[-1],
        recommendation_id=record.recommendations[0].id,
        base_audit=base_audit,
        base_journal=base_journal,
    )


def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
    audit = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    journal = conn.execute("SELECT count(*) FROM journal").fetchone()[0]
    return int(audit), int(journal)


@dataclass(frozen=True)
class Verdict:
    done: int  # actions found committed in the database
    integrity_ok: bool
    problems: tuple[str, ...]


def verify(db_path: Path, plan: Plan, acknowledged: int) -> Verdict:
    """Check the database after a kill, given how many actions were acknowledged."""
    conn = sqlite3.connect(db_path)
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        audit, journal = _counts(conn)
        done = audit - plan.base_audit
        problems: list[str] = []
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:3]}")
        if done < acknowledged:
            problems.append(f"lost: {acknowledged} acknowledged, {done} in the database")
        if done > acknowledged + 1:
            problems.append(f"{done - acknowledged} unacknowledged actions committed")
        if journal - plan.base_journal != done:
            problems.append(f"{done} audit rows but {journal - plan.base_journal} journal rows")
        problems += _state_problems(conn, plan, done)
    finally:
        conn.close()
    return Verdict(done, integrity == ["ok"], tuple(problems))


def _state_problems(conn: sqlite3.Connection, plan: Plan, done: int) -> list[str]:
    problems: list[str] = []
    texts = {
        row[0]
        for row in conn.execute(
            "SELECT text FROM minute_paragraph WHERE item_id = ? AND text LIKE 'action-%'",
            (plan.item_id,),
        )
    }
    expected = {f"action-{n}" for n in range(done) if kind_of(n) == PARAGRAPH}
    if texts != expected:
        problems.append(
            f"paragraphs: missing {sorted(expected - texts)[:3]}, "
            f"extra {sorted(texts - expected)[:3]}"
        )
    journalled = conn.execute(
        "SELECT count(*) FROM journal WHERE meeting_id = ? AND changes LIKE ?",
        (plan.meeting_id, '%"table":"minute_paragraph"%'),
    ).fetchone()[0]
    if journalled != len(texts):
        problems.append(f"{len(texts)} paragraphs but {journalled} paragraph journal entries")
    status = conn.execute(
        "SELECT status FROM attendee WHERE meeting_id = ? AND person_id = ?",
        (plan.meeting_id, plan.toggled_person_id),
    ).fetchone()[0]
    if status != (status_after(done) or "absent"):
        problems.append(f"attendance is {status}, expected {status_after(done)}")
    votes = conn.execute(
        "SELECT yes FROM decision WHERE recommendation_id = ?", (plan.recommendation_id,)
    ).fetchall()
    if [v[0] for v in votes] != ([] if tally_after(done) is None else [tally_after(done)]):
        problems.append(f"vote rows {votes}, expected yes={tally_after(done)}")
    return problems


def _read_acks(ack_path: Path) -> list[int]:
    if not ack_path.exists():
        return []
    return [int(line) for line in ack_path.read_text().split()]


def _spawn(
    db_path: Path, ack_path: Path, start: int, plan: Plan, log: Path, ack_first: bool
) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        __file__,
        "--child",
        str(db_path),
        str(ack_path),
        str(start),
        json.dumps(asdict(plan)),
    ]
    if ack_first:
        command.append("--ack-first")
    with log.open("w") as errors:
        # The child records with this repository's clerkdesk, not whichever copy
        # the virtual environment has installed (another checkout's, in a worktree).
        repo = str(Path(__file__).resolve().parents[1])
        path = os.pathsep.join(filter(None, [repo, os.environ.get("PYTHONPATH")]))
        return subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env={**os.environ, "PYTHONPATH": path},
        )


def run_harness(
    db_path: Path,
    kills: int,
    *,
    seed: int | None = None,
    delays: tuple[float, float] = (0.02, 0.3),
    early_share: float = 0.1,
    progress: Callable[[int, HarnessResult], None] | None = None,
    ack_first: bool = False,
) -> HarnessResult:
    """Kill a recording child ``kills`` times; return what was lost (goal: nothing).

    Most kills come a random ``delays`` after the child has opened the database;
    ``early_share`` of them come at a random moment from process start, so
    opening and recovering the database is killed too.
    """
    rng = random.Random(seed)
    plan = prepare(db_path)
    ack_path = db_path.with_name(db_path.name + ".acks")
    log_path = db_path.with_name(db_path.name + ".child-stderr")
    result = HarnessResult()
    done = 0
    started = time.monotonic()
    for round_no in range(kills):
        ack_path.unlink(missing_ok=True)
        child = _spawn(db_path, ack_path, done, plan, log_path, ack_first)
        assert child.stdout is not None
        if rng.random() < early_share:
            result.early_kills += 1
            time.sleep(rng.uniform(0.0, 0.5))
        else:
            child.stdout.readline()  # "ready", or "" if the child died
            time.sleep(rng.uniform(*delays))
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if child.returncode != -signal.SIGKILL:
            result.child_errors += 1
            result.problems.append(
                f"round {round_no}: child exited {child.returncode}: " + log_path.read_text()[-500:]
            )
        acks = _read_acks(ack_path)
        if acks != list(range(done, done + len(acks))):
            result.problems.append(f"round {round_no}: acknowledgements out of order")
        acknowledged = done + len(acks)
        verdict = verify(db_path, plan, acknowledged)
        result.kills += 1
        result.acknowledged += len(acks)
        result.lost += max(0, acknowledged - verdict.done)
        result.integrity_failures += not verdict.integrity_ok
        result.half_done += any(not p.startswith(("lost", "integrity")) for p in verdict.problems)
        result.beyond_ack += verdict.done == acknowledged + 1
        result.problems += [f"round {round_no}: {p}" for p in verdict.problems]
        done = verdict.done  # continue from what the database holds
        if progress is not None:
            progress(round_no + 1, result)
    result.elapsed = time.monotonic() - started
    return result


def format_table(result: HarnessResult) -> str:
    rows = [
        ("kills", str(result.kills)),
        ("  of them during start-up/open", str(result.early_kills)),
        ("actions acknowledged", str(result.acknowledged)),
        ("actions lost (must be 0)", str(result.lost)),
        ("integrity failures", str(result.integrity_failures)),
        ("half-done rounds (must be 0)", str(result.half_done)),
        ("committed but unacknowledged (allowed)", str(result.beyond_ack)),
        ("child errors", str(result.child_errors)),
        ("elapsed", f"{result.elapsed:.1f} s"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value:>10}" for name, value in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--db", type=Path, default=None, help="database file (default: temp)")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--ack-first", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        db, ack, start, plan = args.child
        child_main(
            Path(db), Path(ack), int(start), Plan(**json.loads(plan)), ack_first=args.ack_first
        )
        return 0

    def report(done: int, result: HarnessResult) -> None:
        if done % 50 == 0:
            print(
                f"{done} kills, {result.acknowledged} acknowledged, {result.lost} lost",
                file=sys.stderr,
                flush=True,
            )

    with tempfile.TemporaryDirectory() as folder:
        db_path = args.db or Path(folder) / "crash.db"
        result = run_harness(
            db_path, args.kills, seed=args.seed, progress=report, ack_first=args.ack_first
        )
    print(format_table(result))
    for problem in result.problems[:20]:
        print("PROBLEM:", problem)
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())

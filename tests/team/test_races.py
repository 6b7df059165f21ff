"""Two laptops racing for one meeting, and check-ins killed at random moments."""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from clerkdesk.persistence.database import open_database
from clerkdesk.persistence.schema import MeetingLeaseRow
from clerkdesk.services import minutes
from clerkdesk.services.context import Desk
from clerkdesk.services.records_io import dump_meeting, get_record
from clerkdesk.services.team import LeaseHeldError, check_in, check_out, release
from tests.team_fixtures import Team


def _race(team: Team, round_: int) -> dict[str, Any]:
    """Alice and Bob check the meeting out at the same moment, each from a laptop."""
    barrier = threading.Barrier(2)
    outcomes: dict[str, Any] = {}
    desks = {
        name: (team.server(name), team.laptop(f"{name}-{round_}", name))
        for name in ("alice", "bob")
    }

    def race(name: str) -> None:
        server, laptop = desks[name]
        barrier.wait()
        try:
            outcomes[name] = check_out(server, laptop, team.jan30)
        except LeaseHeldError as error:
            outcomes[name] = error

    threads = [threading.Thread(target=race, args=(n,)) for n in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_of_two_laptops_racing_for_a_meeting_exactly_one_wins(team: Team) -> None:
    for round_ in range(5):
        outcomes = _race(team, round_)
        lost = [n for n, o in outcomes.items() if isinstance(o, LeaseHeldError)]
        won = [n for n in outcomes if n not in lost]
        assert len(won) == 1 and len(lost) == 1, outcomes
        assert f"checked out to {won[0]} on " in str(outcomes[lost[0]])
        with team.office.db.reading() as connection:
            held = connection.execute(
                select(MeetingLeaseRow.holder).where(MeetingLeaseRow.ended_at.is_(None))
            ).all()
        assert held == [(won[0],)]
        release(team.office, team.jan30, "next round")


def _check_in_then_vanish(
    url: str, laptop_path: Path, meeting_id: int, starting: Any, took: Any
) -> None:
    """The child: a check-in, and no goodbye (as a process killed would not say one)."""
    try:
        server = Desk(open_database(url), "alice")
        laptop = Desk(open_database(laptop_path, exclusive=True), "alice")
        starting.set()
        started = time.perf_counter()
        check_in(server, laptop, meeting_id)
        took.value = time.perf_counter() - started
    finally:
        os._exit(0)


def _state(team: Team, token: str) -> tuple[dict[str, Any], str | None]:
    """The server's meeting, and how this run's lease ended (None: still held)."""
    with team.office.db.reading() as connection:
        ended = connection.execute(
            select(MeetingLeaseRow.ended_how).where(MeetingLeaseRow.token == token)
        ).scalar_one()
    return dump_meeting(team.office, team.jan30), ended


@pytest.mark.slow
def test_a_check_in_killed_at_any_moment_leaves_the_meeting_before_or_after(team: Team) -> None:
    """100 check-ins, each killed with SIGKILL at a random moment: the server
    holds the meeting as before the check-in or as after it, never between,
    and the lease agrees; the laptop's retry then finishes the job once."""
    fork = multiprocessing.get_context("fork")
    rng = random.Random(18)
    server = team.server()
    seen = {"before": 0, "after": 0}
    durations: list[float] = []
    window = 0.0  # how long after its start a check-in may be killed
    empty = team.folder / "empty.db"
    open_database(empty, create=True).dispose()
    for run in range(100):
        path = team.folder / f"laptop-{run}.db"
        shutil.copyfile(empty, path)  # a new laptop file each time, made once
        laptop = Desk(open_database(path, exclusive=True), "alice")
        token = check_out(server, laptop, team.jan30).token
        item = get_record(laptop, team.jan30).items[0]
        minutes.add_paragraph(laptop, team.jan30, item.id, f"Paragraph of run {run}.")
        after = dump_meeting(laptop, team.jan30)
        laptop.db.dispose()
        before, _ = _state(team, token)
        starting, took = fork.Event(), fork.Value("d", 0.0)
        child = fork.Process(
            target=_check_in_then_vanish, args=(team.url, path, team.jan30, starting, took)
        )
        child.start()
        assert starting.wait(60)
        # The first runs finish, to measure a check-in; the rest are killed at a
        # moment from its start to a little past its end.
        if run >= 3:
            window = window or statistics.median(durations) * 1.2
            time.sleep(rng.uniform(0, window))
            os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
        child.join()
        if run < 3:
            durations.append(took.value)
        found, lease = _state(team, token)
        if found == before:
            assert lease is None, run  # still held by this laptop
            seen["before"] += 1
        else:
            assert found == after, run
            assert lease == "checked in", run
            seen["after"] += 1
        if run >= 3:
            # Check-ins run slower or quicker than the first ones as the machine's
            # other work comes and goes: the window follows, wider after a kill
            # that came before the commit, narrower after one that came after,
            # so that the kills keep landing on both sides of it.
            window *= 1.1 if found == before else 0.9
        laptop = Desk(open_database(path, exclusive=True), "alice")
        check_in(server, laptop, team.jan30)
        laptop.db.dispose()
        assert _state(team, token) == (after, "checked in"), run
    # the kills landed on both sides of the commit
    assert seen["before"] > 10 and seen["after"] > 10, seen

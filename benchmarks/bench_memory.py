"""Memory: the main window with a 100-item meeting open, in its own process.

A 100-item meeting (12 members, every item with a recommendation decided by
a vote, three minute paragraphs and an action) is written as a JSON record,
read with ``read_record`` and stored with ``load_meeting``; a fresh process
then builds the main window as ``run_app`` does, opens that meeting, and at
the first paint reports its resident memory (VmRSS, and ru_maxrss, the peak).
Baseline: a bare PySide6 QMainWindow's, measured the same way.
Target: peak < 250 MB.

Run alone:  .venv/bin/python benchmarks/bench_memory.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CACHE, Row, mb, not_measured, row, ui_missing_reason
from bench_startup import launch

ITEMS = 100
TARGET_BYTES = 250 * 2**20
NAME = f"memory: main window, {ITEMS}-item meeting open (peak RSS)"


def hundred_item_record() -> dict[str, Any]:
    from clerkdesk.domain.record_json import FORMAT_NAME, FORMAT_VERSION

    people = [
        {"key": f"p{n}", "name": f"Councillor {n:02d}", "kind": "councillor", "title": None}
        for n in range(1, 13)
    ]
    attendance = [
        {
            "person": f"p{n}",
            "capacity": "member",
            "role": "chair" if n == 1 else "vice-chair" if n == 2 else "member",
            "voting": True,
            "status": "present",
        }
        for n in range(1, 13)
    ]
    words = (
        "Members received the report and asked about the budget, the timetable and the "
        "consultation; the officer explained the options and the risks to the service."
    )
    items = [
        {
            "number": str(n),
            "title": f"Report {n}: review of service area {n}",
            "part": 1,
            "exempt_paragraph": None,
            "report_author": "Head of Service",
            "recommendations": [
                {
                    "label": f"{n}.1",
                    "text": f"That the panel notes report {n}. {words}",
                    "vote": {
                        "outcome": "carried",
                        "votes": [],
                        "casting_vote": None,
                        "counts": [
                            {"option": "yes", "value": 9},
                            {"option": "no", "value": 2},
                            {"option": "abstain", "value": 1},
                        ],
                    },
                },
            ],
            "minutes": [f"{words} ({n}.{p})" for p in range(1, 4)],
            "actions": [{"owner": "Head of Service", "text": f"Report back on item {n}."}],
        }
        for n in range(1, ITEMS + 1)
    ]
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "organisation": "Busy County Council",
        "committee": {"name": "Resources Panel", "quorum": 3},
        "meeting": {
            "date": "2026-05-09",
            "start_time": "10:00",
            "venue": "Council Chamber",
            "status": "in-progress",
        },
        "people": people,
        "attendance": attendance,
        "items": items,
    }


def run(quick: bool = False) -> list[Row]:
    target = f"< {mb(TARGET_BYTES)}"
    reason = ui_missing_reason()
    if reason:
        return [not_measured(NAME, reason, target)]
    from clerkdesk.domain.record_reader import read_record
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.records_io import load_meeting

    CACHE.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="memory-", dir=CACHE))
    try:
        path = folder / "clerkdesk.db"
        db = open_database(path, create=True)
        meeting_id = load_meeting(Desk(db, "bench"), read_record(hundred_item_record()))
        db.dispose()
        bare = launch("bare")
        app = launch("app", str(path), str(meeting_id))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [
        row(
            NAME,
            f"peak {mb(app['maxrss'])} (now {mb(app['rss'])})",
            None,
            value=app["maxrss"],
            baseline=f"bare QMainWindow {mb(bare['maxrss'])}",
            baseline_value=bare["maxrss"],
            target=target,
            ok=app["maxrss"] < TARGET_BYTES,
        )
    ]


if __name__ == "__main__":
    for result in run():
        print(result)

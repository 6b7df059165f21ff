"""Time agenda-pack import: the real sample pack, a pack ten times its size, and
the whole import into a database.

Run:  .venv/bin/python benchmarks/bench_import.py

Each figure is the best of N runs (the least disturbed by the machine), with
the garbage collector emptied before each run; the kinds of run are timed in
turns, so a slower spell of the machine slows them all.

* Parsing: ``parse_agenda_file`` on the sample pack, and on a file holding
  the sample ten times over, each read from a file as the clerk's import does.
* The whole import the clerk does: parse the sample pack and create its
  meeting with ``services.importing.import_agenda`` (the CLI's
  ``import-agenda``), into a fresh database file (``open_database``, already
  connected, as in the app) in a temporary folder, each run its own file.
* Baseline, the physical limit of reading a pack: read the same file, split it
  into lines and match one simple regex against every line, the least any
  parser must do. Ratio: the parse (or import) over that, on the same file.

Checks: the sample pack parses, and imports, in under 0.3 s; growth is
linear: the x10 pack's seconds per MB at most 1.15x the sample's. Exits
non-zero if a check fails.
"""

from __future__ import annotations

import gc
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # tests.importing.hostile_texts

from _common import Row, ms, row

from clerkdesk.importing import parse_agenda_file, parse_agenda_text, parse_report_text
from tests.importing.hostile_texts import HOSTILE_TEXTS

SAMPLE = (
    Path(__file__).resolve().parents[1]
    / "tests"
    / "samples"
    / "herts-acah-panel-2018-01-30-agenda-pack.txt"
)
SAMPLE_TARGET_SECONDS = 0.3
# Text shaped to make a parser backtrack: a clerk who drops a damaged file on
# the window must get an answer (or a refusal) within seconds, never a hang.
HOSTILE_TARGET_SECONDS = 5.0
GROWTH_FACTOR = 10
# Linear growth: the big pack's seconds per MB may exceed the sample's by this share.
PER_MB_TOLERANCE = 0.15
RUNS = 7
# The baseline's one regex: a line that starts with a number ("4.", "3.1 ..."),
# the simplest question an agenda parser asks of every line.
_NUMBERED_LINE = re.compile(r"\s*\d+(?:\.\d+)*\.?\s+\S")


def read_and_scan(path: Path) -> int:
    """Baseline: read the file, split it into lines, one regex over every line."""
    match = _NUMBERED_LINE.match
    return sum(1 for line in path.read_text("utf-8").splitlines() if match(line))


def _timed(work: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _megabytes(path: Path) -> float:
    return path.stat().st_size / 2**20


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 2**10:.0f} KB"


def run(runs: int = RUNS) -> list[Row]:
    """The rows; each figure the best of ``runs`` (at least 3)."""
    from clerkdesk.persistence.database import Database, open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.importing import import_agenda

    runs = max(3, runs)
    with tempfile.TemporaryDirectory(prefix="clerkdesk-bench-import-") as tmp:
        folder = Path(tmp)
        big = folder / f"pack-x{GROWTH_FACTOR}.txt"
        big.write_text("\n".join([SAMPLE.read_text("utf-8")] * GROWTH_FACTOR), "utf-8")

        # A fresh database for every import (and one for the warm-up), made and
        # connected beforehand: the clerk imports into a database the app has open.
        fresh: list[Database] = []
        for n in range(runs + 1):
            db = open_database(folder / f"import-{n}.db", create=True)
            with db.session() as session:
                session.connection()
            fresh.append(db)
        desks = iter(Desk(db, "bench") for db in fresh)

        def whole_import() -> None:
            import_agenda(next(desks), parse_agenda_file(SAMPLE))

        work: dict[str, Callable[[], object]] = {
            "sample": lambda: parse_agenda_file(SAMPLE),
            "big": lambda: parse_agenda_file(big),
            "sample baseline": lambda: read_and_scan(SAMPLE),
            "big baseline": lambda: read_and_scan(big),
            "import": whole_import,
        }
        for job in work.values():  # warm up: compile the patterns, import the modules
            job()
        timings: dict[str, list[float]] = {name: [] for name in work}
        for _ in range(runs):
            for name, job in work.items():
                timings[name].append(_timed(job))
        for db in fresh:
            db.dispose()
        best: dict[str, float] = {name: min(values) for name, values in timings.items()}
        per_mb_sample = best["sample"] / _megabytes(SAMPLE)
        per_mb_big = best["big"] / _megabytes(big)
        big_size = _size(big)

    def parsing(text: str) -> Callable[[], object]:
        return lambda: (parse_agenda_text(text), parse_report_text(text))

    hostile = {name: _timed(parsing(text)) for name, text in HOSTILE_TEXTS.items()}
    slowest = max(hostile, key=hostile.__getitem__)
    growth = per_mb_big / per_mb_sample
    allowed = 1 + PER_MB_TOLERANCE
    figure = f"best of {runs} {{}}"
    sample_base = f"read + split + 1 regex/line {ms(best['sample baseline'])}"
    sample_target = f"< {ms(SAMPLE_TARGET_SECONDS)}"
    return [
        row(
            f"import: parse the sample pack ({_size(SAMPLE)})",
            figure.format(ms(best["sample"])),
            best["sample"],
            baseline=sample_base,
            baseline_value=best["sample baseline"],
            target=sample_target,
            ok=best["sample"] < SAMPLE_TARGET_SECONDS,
        ),
        row(
            f"import: parse a pack {GROWTH_FACTOR}× the sample's size ({big_size})",
            figure.format(ms(best["big"])),
            best["big"],
            baseline=f"read + split + 1 regex/line {ms(best['big baseline'])}",
            baseline_value=best["big baseline"],
            target=f"≤ {allowed:.2f}× the sample's s/MB",
            ok=growth <= allowed,
            note=f"s/MB {growth:.2f}× the sample's",
        ),
        row(
            "import: the sample pack into a fresh database (parse + import_agenda)",
            figure.format(ms(best["import"])),
            best["import"],
            baseline=sample_base,
            baseline_value=best["sample baseline"],
            target=sample_target,
            ok=best["import"] < SAMPLE_TARGET_SECONDS,
        ),
        row(
            f"import: the slowest of {len(hostile)} hostile texts (agenda + report parse)",
            f"{slowest} {ms(hostile[slowest])}",
            hostile[slowest],
            target=f"< {HOSTILE_TARGET_SECONDS:.0f} s each",
            ok=hostile[slowest] < HOSTILE_TARGET_SECONDS,
            note="tests/importing/hostile_texts.py; each parsed once, after the warm-up",
        ),
    ]


def main() -> int:
    if not SAMPLE.exists():
        print(f"sample pack not found: {SAMPLE}", file=sys.stderr)
        return 2
    rows: list[dict[str, Any]] = run()
    for result in rows:
        verdict = {True: "ok", False: "MISSED", None: "-"}[result["ok"]]
        print(
            f"{result['name']:<72} {result['figure']:<18} {result['baseline'] or '':<36} "
            f"{result['ratio'] or 0:>6.1f}x  {result['target']:<30} {verdict}"
        )
        if result["note"]:
            print(f"    {result['note']}")
    return 1 if any(result["ok"] is False for result in rows) else 0


if __name__ == "__main__":
    sys.exit(main())

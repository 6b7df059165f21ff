"""Time agenda-pack parsing: the real sample pack, and a pack ten times its size.

Run:  .venv/bin/python benchmarks/bench_import.py
Exits non-zero if the sample takes 0.3 s or more (best of N runs), or if ten
times the text takes more than ten times as long (growth must stay linear).
``run()`` returns the rows so a combined benchmark can import this module.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

from clerkdesk.importing import parse_agenda_text

SAMPLE = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "samples"
    / "herts-acah-panel-2018-01-30-agenda-pack.txt"
)
SAMPLE_TARGET_SECONDS = 0.3
GROWTH_FACTOR = 10
RUNS = 7


def _timings(text: str, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        parse_agenda_text(text)
        timings.append(time.perf_counter() - started)
    return timings


def run(runs: int = RUNS) -> list[dict[str, Any]]:
    """Rows of {"name", "seconds", "target", "ok"}; seconds is the best of ``runs``."""
    text = SAMPLE.read_text("utf-8")
    parse_agenda_text(text)  # warm up: compile the patterns once
    single = _timings(text, runs)
    big = _timings("\n".join([text] * GROWTH_FACTOR), max(3, runs // 2))
    best_single, best_big = min(single), min(big)
    ratio = best_big / best_single if best_single else 0.0
    return [
        {
            "name": "import: sample pack (best)",
            "seconds": best_single,
            "median": statistics.median(single),
            "target": SAMPLE_TARGET_SECONDS,
            "ok": best_single < SAMPLE_TARGET_SECONDS,
        },
        {
            "name": f"import: pack x{GROWTH_FACTOR} (best)",
            "seconds": best_big,
            "median": statistics.median(big),
            "target": best_single * GROWTH_FACTOR,
            "ok": best_big <= best_single * GROWTH_FACTOR,
            "ratio": ratio,
        },
    ]


def main() -> int:
    if not SAMPLE.exists():
        print(f"sample pack not found: {SAMPLE}", file=sys.stderr)
        return 2
    rows = run()
    print(f"{'benchmark':<30} {'best s':>9} {'median s':>9} {'target s':>9}  result")
    for row in rows:
        verdict = "ok" if row["ok"] else "TOO SLOW"
        print(
            f"{row['name']:<30} {row['seconds']:>9.4f} {row['median']:>9.4f} "
            f"{row['target']:>9.4f}  {verdict}"
        )
    print(f"growth ratio for {GROWTH_FACTOR}x the text: {rows[1]['ratio']:.2f}x")
    return 0 if all(row["ok"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

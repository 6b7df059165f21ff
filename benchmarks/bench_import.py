"""Time agenda-pack parsing: the real sample pack, and a pack ten times its size.

Run:  .venv/bin/python benchmarks/bench_import.py

Two checks, each on the best of N runs (the least disturbed by the machine):

* the sample pack parses in under 0.3 s;
* growth is linear: parsing ten times the text costs at most 15% more per
  megabyte than parsing the sample (per-megabyte throughput within 15%).

The two sizes are timed in turns, so a slower spell of the machine slows
both; the garbage collector is emptied before each run. Exits non-zero if a
check fails. ``run()`` returns the rows so a combined benchmark can import
this module.
"""

from __future__ import annotations

import gc
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
# Linear growth: the big text's seconds per MB may exceed the sample's by this share.
PER_MB_TOLERANCE = 0.15
RUNS = 7


def _timed(text: str) -> float:
    gc.collect()
    started = time.perf_counter()
    parse_agenda_text(text)
    return time.perf_counter() - started


def _megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / 2**20


def run(runs: int = RUNS) -> list[dict[str, Any]]:
    """Rows of {"name", "seconds", "median", "target", "ok", ...}; seconds: best of ``runs``."""
    text = SAMPLE.read_text("utf-8")
    big_text = "\n".join([text] * GROWTH_FACTOR)
    parse_agenda_text(text)  # warm up: compile the patterns once
    single: list[float] = []
    big: list[float] = []
    for _ in range(max(3, runs)):
        single.append(_timed(text))
        big.append(_timed(big_text))
    best_single, best_big = min(single), min(big)
    per_mb_single = best_single / _megabytes(text)
    per_mb_big = best_big / _megabytes(big_text)
    per_mb_ratio = per_mb_big / per_mb_single if per_mb_single else 0.0
    allowed_big = per_mb_single * (1 + PER_MB_TOLERANCE) * _megabytes(big_text)
    return [
        {
            "name": "import: sample pack (best)",
            "seconds": best_single,
            "median": statistics.median(single),
            "target": SAMPLE_TARGET_SECONDS,
            "ok": best_single < SAMPLE_TARGET_SECONDS,
            "per_mb": per_mb_single,
        },
        {
            "name": f"import: pack x{GROWTH_FACTOR} (best)",
            "seconds": best_big,
            "median": statistics.median(big),
            "target": allowed_big,
            "ok": per_mb_big <= per_mb_single * (1 + PER_MB_TOLERANCE),
            "ratio": per_mb_ratio,
            "per_mb": per_mb_big,
            "note": (
                f"seconds per MB {per_mb_ratio:.2f}x the sample's "
                f"(linear within {PER_MB_TOLERANCE:.0%})"
            ),
        },
    ]


def main() -> int:
    if not SAMPLE.exists():
        print(f"sample pack not found: {SAMPLE}", file=sys.stderr)
        return 2
    rows = run()
    heading = f"{'best s':>9} {'median s':>9} {'s per MB':>9} {'target s':>9}"
    print(f"{'benchmark':<30} {heading}  result")
    for row in rows:
        verdict = "ok" if row["ok"] else "TOO SLOW"
        print(
            f"{row['name']:<30} {row['seconds']:>9.4f} {row['median']:>9.4f} "
            f"{row['per_mb']:>9.4f} {row['target']:>9.4f}  {verdict}"
        )
    print(
        f"growth: {GROWTH_FACTOR}x the text costs {rows[1]['ratio']:.2f}x the sample's time per MB "
        f"(best of {RUNS} each; pass at most {1 + PER_MB_TOLERANCE:.2f}x, "
        f"i.e. per-MB throughput within {PER_MB_TOLERANCE:.0%}); "
        f"sample target {SAMPLE_TARGET_SECONDS} s"
    )
    return 0 if all(row["ok"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

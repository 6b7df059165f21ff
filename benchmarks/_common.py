"""Shared helpers for the benchmarks: percentiles, result rows, child processes.

Every ``bench_<name>.run()`` returns a list of rows, each a dict with
``name``, ``figure`` (what a reader sees, e.g. "p99 1.2 ms"), ``seconds``,
``baseline`` ("name 0.3 ms" or None), ``ratio`` (figure / baseline, or None),
``target`` (in words) and ``ok`` (True, False, or None when not measured).
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# The checkout these benchmarks are in, ahead of any installed ClerkDesk: a
# shared virtualenv's editable install may point at another checkout, and a
# benchmark must measure the code beside it.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(1, str(ROOT))
CACHE = Path(__file__).resolve().parent / ".cache"
Row = dict[str, Any]


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p99 of 1,000 samples is the 990th smallest)."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def ms(seconds: float) -> str:
    value = seconds * 1000
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    if value >= 0.1:
        return f"{value:.2f} ms"
    return f"{value * 1000:.0f} µs"


def mb(num_bytes: float) -> str:
    return f"{num_bytes / 2**20:.0f} MB"


def row(
    name: str,
    figure: str,
    seconds: float | None,
    *,
    baseline: str | None = None,
    baseline_value: float | None = None,
    value: float | None = None,
    target: str = "",
    ok: bool | None = None,
    note: str = "",
) -> Row:
    """One result row; ``ratio`` is ``value`` (default ``seconds``) over ``baseline_value``."""
    measured = value if value is not None else seconds
    ratio = None
    if measured is not None and baseline_value:
        ratio = measured / baseline_value
    return {
        "name": name,
        "figure": figure,
        "seconds": seconds,
        "baseline": baseline,
        "ratio": ratio,
        "target": target,
        "ok": ok,
        "note": note,
    }


def not_measured(name: str, reason: str, target: str = "") -> Row:
    return row(name, f"not measured: {reason}", None, target=target, ok=None)


def child_env() -> dict[str, str]:
    """Environment for child processes: offscreen Qt, our package importable, a
    throw-away settings folder so the benchmark never touches the clerk's own."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="clerkdesk-bench-config-")
    env.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="clerkdesk-bench-runtime-"))
    return env


def run_child(script: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh interpreter (the venv's, like the app) from the repo root."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def ui_missing_reason() -> str | None:
    """Why the main window cannot be built here, or None if it can."""
    try:
        import clerkdesk.ui.main_window  # noqa: F401
    except Exception as error:
        return f"clerkdesk.ui.main_window not importable ({type(error).__name__}: {error})"
    return None

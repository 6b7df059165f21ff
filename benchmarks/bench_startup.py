"""Start-up: from spawning the process to the main window shown with the demo database.

Each launch is a fresh interpreter running ``_window_child.py``: ClerkDesk's
main window on the demo database, built as ``run_app`` builds it, against a
bare PySide6 QMainWindow launched the same way in the same run. The child
reports CLOCK_MONOTONIC (system-wide on Linux) at the window's first paint,
with how many meetings that paint showed (the demo's two, or the launch
counts as failed), and again when the database is open for recording and the
window has painted that; the parent subtracts the moment it spawned it.
Median of 7 (3 with --quick), launches interleaved. Target: the window
showing the demo database's meetings within 2x the bare window.

The frozen application (``python3 dev.py package``) is measured the same way:
``dist/ClerkDesk/clerkdesk self-test --db DEMO --json`` against the bare
window (packaging/bare_window.py) frozen with the same spec and options,
built here on first use into build/bench-frozen. Both also report the CPU
time they used up to that paint, which the machine's other work inflates far
less than the wall clock.

Run alone:  .venv/bin/python benchmarks/bench_startup.py [--quick]
"""

from __future__ import annotations

import compileall
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CACHE, ROOT, Row, child_env, ms, not_measured, row, ui_missing_reason

CHILD = Path(__file__).resolve().parent / "_window_child.py"
LAUNCHES = 7
QUICK_LAUNCHES = 3
TARGET_RATIO = 2.0
NAME = "start-up: spawn to main window painted showing the demo meetings"
DEMO_MEETINGS = 2


def launch(*args: str) -> dict[str, float]:
    """Spawn the child; its report with ``seconds`` from spawn to first paint."""
    env = child_env()
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(CHILD), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    shutil.rmtree(env["XDG_CONFIG_HOME"], ignore_errors=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"window child failed ({result.returncode}): {result.stderr[-800:]}")
    report: dict[str, float] = json.loads(lines[-1])
    report["seconds"] = report["shown"] - started
    report["ready_seconds"] = report["ready"] - started
    return report


def demo_database(folder: Path) -> tuple[Path, list[int]]:
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.demo import create_demo

    path = folder / "clerkdesk-demo.db"
    db = open_database(path, create=True)
    ids = create_demo(Desk(db, "bench"))
    db.dispose()
    return path, ids


Launch = Callable[[], dict[str, float]]


def interleaved(bare: Launch, app: Launch, quick: bool) -> list[tuple[dict[str, float], float]]:
    """Launch both once untimed (to warm the OS file cache), then alternately:
    each app report with the bare window's seconds from the launch before it."""
    bare()
    app()
    reports = []
    for _ in range(QUICK_LAUNCHES if quick else LAUNCHES):
        bare_seconds = bare()["seconds"]
        reports.append((app(), bare_seconds))
    return reports


def medians(
    reports: list[tuple[dict[str, float], float]],
) -> tuple[list[float], float, float, list[float]]:
    """The app's launches, the bare and app medians, and the launches that showed
    the wrong number of meetings."""
    app = [report["seconds"] for report, _seconds in reports]
    bare = [seconds for _report, seconds in reports]
    wrong = [report["meetings"] for report, _ in reports if report["meetings"] != DEMO_MEETINGS]
    return app, statistics.median(bare), statistics.median(app), wrong


def run(quick: bool = False) -> list[Row]:
    target = f"<= {TARGET_RATIO:g}x bare"
    reason = ui_missing_reason()
    if reason:
        return [not_measured(NAME, reason, target)]
    CACHE.mkdir(exist_ok=True)
    # As on a clerk's machine after the first run: Python has cached the
    # bytecode of ClerkDesk's modules (this shell may forbid writing it).
    compileall.compile_dir(ROOT / "clerkdesk", quiet=1)
    folder = Path(tempfile.mkdtemp(prefix="startup-", dir=CACHE))
    try:
        path, _ids = demo_database(folder)
        reports = interleaved(lambda: launch("bare"), lambda: launch("app", str(path)), quick)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    app, bare_median, app_median, wrong = medians(reports)
    ready_median = statistics.median(report["ready_seconds"] for report, _ in reports)
    return [
        row(
            f"{NAME}, median of {len(app)}",
            f"median {ms(app_median)}",
            app_median,
            baseline=f"bare QMainWindow {ms(bare_median)}",
            baseline_value=bare_median,
            target=target,
            ok=app_median <= TARGET_RATIO * bare_median and not wrong,
            note=f"{len(wrong)} launches showed {wrong} meetings, not {DEMO_MEETINGS}"
            if wrong
            else "",
        ),
        row(
            "start-up: spawn to the database open for recording (services loaded)",
            f"median {ms(ready_median)}",
            ready_median,
            baseline=f"bare QMainWindow {ms(bare_median)}",
            baseline_value=bare_median,
        ),
        *frozen_rows(quick),
    ]


FROZEN_NAME = "start-up, frozen app: spawn to main window painted showing the demo meetings"
FROZEN_APP = ROOT / "dist" / "ClerkDesk" / "clerkdesk"
FROZEN_BARE = ROOT / "build" / "bench-frozen" / "bare-window" / "bare-window"


def launch_frozen(*command: str) -> dict[str, float]:
    """Spawn a frozen executable; its report with ``seconds`` from spawn to first paint."""
    env = child_env()
    env.pop("PYTHONPATH", None)
    started = time.monotonic()
    result = subprocess.run(
        list(command), cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    shutil.rmtree(env["XDG_CONFIG_HOME"], ignore_errors=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{command[0]} failed ({result.returncode}): {result.stderr[-800:]}")
    report: dict[str, float] = json.loads(lines[-1])
    report["seconds"] = report["shown"] - started
    return report


def frozen_rows(quick: bool = False) -> list[Row]:
    target = f"<= {TARGET_RATIO:g}x frozen bare"
    if not FROZEN_APP.exists():
        return [not_measured(FROZEN_NAME, "no frozen app: run python3 dev.py package", target)]
    if not FROZEN_BARE.exists() or FROZEN_BARE.stat().st_mtime < FROZEN_APP.stat().st_mtime:
        sys.path.insert(0, str(ROOT))
        import dev

        dev.freeze(Path(sys.executable), FROZEN_BARE.parent.parent, bare=True)
    CACHE.mkdir(exist_ok=True)  # when run on its own, not after run()
    folder = Path(tempfile.mkdtemp(prefix="startup-frozen-", dir=CACHE))
    bare_cpu: list[float] = []

    def bare() -> dict[str, float]:
        report = launch_frozen(str(FROZEN_BARE))
        bare_cpu.append(report["cpu"])
        return report

    try:
        path, _ids = demo_database(folder)
        app_command = (str(FROZEN_APP), "--db", str(path), "self-test", "--json")
        reports = interleaved(bare, lambda: launch_frozen(*app_command), quick)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    app, bare_median, app_median, wrong = medians(reports)
    # CPU seconds to the first paint: what the wall clock would be on an idle
    # machine, near enough; on a busy one the wall clock of the app, which runs
    # longer, is interrupted more often than the bare window's (docs/benchmarks.md).
    bare_cpu_median = statistics.median(bare_cpu[1:])  # the first launch warmed the cache
    app_cpu_median = statistics.median(report["cpu"] for report, _seconds in reports)
    return [
        row(
            f"{FROZEN_NAME}, median of {len(app)}",
            f"median {ms(app_median)}",
            app_median,
            baseline=f"frozen bare QMainWindow {ms(bare_median)}",
            baseline_value=bare_median,
            target=target,
            ok=app_median <= TARGET_RATIO * bare_median and not wrong,
            note=f"{len(wrong)} launches showed {wrong} meetings" if wrong else "",
        ),
        row(
            "start-up, frozen app: CPU time to that first paint, median of "
            f"{len(app)} (the machine's other work aside)",
            f"median {ms(app_cpu_median)}",
            app_cpu_median,
            baseline=f"frozen bare QMainWindow {ms(bare_cpu_median)}",
            baseline_value=bare_cpu_median,
        ),
    ]


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(result)

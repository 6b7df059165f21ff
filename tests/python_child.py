"""A fresh Python for the tests that must watch a process from its start: what
it imports or builds before the window's first paint, or Qt's process-wide
state, which a test must never set in the suite's own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_python(
    *args: str, folder: Path | None = None, check: bool = True, **env: str
) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in the repo, offscreen; with ``folder``, its settings and
    log kept there, not in this user's. ``check``: a failed child fails the
    test with its error output."""
    kept = (
        {"XDG_CONFIG_HOME": str(folder / "config"), "CLERKDESK_LOG_DIR": str(folder / "logs")}
        if folder
        else {}
    )
    result = subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **kept, **env},
        timeout=120,  # a hang guard, not a measure
    )
    if check and result.returncode != 0:
        raise AssertionError(f"the child exited {result.returncode}:\n{result.stderr}")
    return result

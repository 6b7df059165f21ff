"""A second copy of ClerkDesk on an open database: two real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.ui.conftest import DemoDb


def _environment(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["CLERKDESK_LOG_DIR"] = str(tmp_path / "logs")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # the clerk's settings untouched
    env["PYTHONPATH"] = str(REPO)
    return env


def test_a_second_copy_says_why_and_the_first_comes_forward_still_maximised(
    demo: DemoDb, tmp_path: Path
) -> None:
    demo.db.dispose()  # the first copy opens it, as the app does
    env = _environment(tmp_path)
    with subprocess.Popen(
        [
            sys.executable,
            str(REPO / "tests/ui/first_copy_app.py"),
            str(demo.path),
            str(tmp_path / "first.ini"),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as first:
        try:
            assert first.stdout is not None
            assert json.loads(first.stdout.readline()) == {"ready": True}
            second = subprocess.run(
                [sys.executable, "-m", "clerkdesk", "--db", str(demo.path)],
                cwd=REPO,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            answer = first.stdout.readline()
            assert answer, f"the first copy did not come forward; the second said {second.stderr}"
            report = json.loads(answer)
            first.wait(timeout=60)
        finally:
            if first.poll() is None:
                first.kill()
    # The second copy ends without a failure and says why, naming the running copy.
    assert second.returncode == 0, second.stderr
    assert "already open in another copy of ClerkDesk" in second.stderr
    assert f"process {first.pid}" in second.stderr
    assert "brought forward" in second.stderr
    # The first came forward as the clerk left it: maximised, not minimised,
    # and says in its own window why the new copy did not open.
    assert report["visible"] and report["maximised"] and not report["minimised"]
    assert "already open here" in report["notice"]
    assert "one copy of ClerkDesk at a time" in report["notice"]

"""What Qt logs goes to the log file; while the window first comes up it is held
until just after the first paint, and never lost. In child processes: the
message handler is process-global Qt state."""

from __future__ import annotations

import textwrap
from pathlib import Path

from clerkdesk.diagnostics import LOG_FILE
from tests.python_child import REPO, run_python
from tests.ui.conftest import DemoDb

# Prints, after each step, whether the log file holds anything yet.
HOLDING = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from PySide6.QtCore import qCritical, qWarning

    from clerkdesk.diagnostics import LOG_FILE, route_dependency_warnings
    from clerkdesk.ui.app import log_qt_messages

    log_file = Path(sys.argv[1]) / LOG_FILE
    route_dependency_warnings(Path(sys.argv[1]))
    log = log_qt_messages()

    def step(name):
        written = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        print(name, written.count("Qt QtWarningMsg"), written.count("Qt QtCriticalMsg"))

    log.hold()
    qWarning("held while the window comes up")
    step("held")
    log.release()
    step("released")
    qWarning("written at once")
    step("not holding")
    log.hold()
    qWarning("held before a critical one")
    qCritical("critical")
    step("critical")
    qWarning("after the critical one, no longer held")
    step("after")
    log.hold()
    qWarning("still held at exit")
    """
)


def test_held_messages_are_written_on_release_critical_ones_at_once_and_the_rest_at_exit(
    tmp_path: Path,
) -> None:
    result = run_python("-c", HOLDING, str(tmp_path), check=False, PYTHONPATH=str(REPO))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "held 0 0",
        "released 1 0",
        "not holding 2 0",
        "critical 3 1",
        "after 4 1",
    ]
    assert result.stderr == ""  # none of it for the clerk's terminal
    logged = (tmp_path / LOG_FILE).read_text(encoding="utf-8").splitlines()
    assert len(logged) == 6
    assert logged[2].endswith("Qt QtWarningMsg: held before a critical one")
    assert logged[3].endswith("Qt QtCriticalMsg: critical")  # after what was held
    assert logged[5].endswith("Qt QtWarningMsg: still held at exit")


def test_the_self_test_still_logs_what_qt_said_while_the_window_came_up(
    demo: DemoDb, tmp_path: Path
) -> None:
    """The offscreen platform warns at every show; the warning is held past the
    first paint, not dropped."""
    demo.db.dispose()  # the window takes the writer lock
    logs = tmp_path / "logs"
    result = run_python(
        "-m", "clerkdesk", "--db", str(demo.path), "self-test", folder=tmp_path, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "does not support propagateSizeHints()" in (logs / LOG_FILE).read_text(encoding="utf-8")

"""Kill a recording ClerkDesk process at random moments: nothing acknowledged is
lost and nothing is half-done. The full run is ``scripts/crash_harness.py``."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "crash_harness.py"


@pytest.fixture(scope="module")
def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crash_harness", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_harness"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_ten_random_kills_lose_nothing(harness: ModuleType, db_path: Path) -> None:
    result = harness.run_harness(db_path, kills=10, seed=7)
    assert result.problems == []
    assert result.kills == 10 and result.acknowledged > 0
    assert (result.lost, result.integrity_failures, result.half_done) == (0, 0, 0)
    assert result.passed
    assert "actions lost (must be 0)" in harness.format_table(result)


def test_the_checker_notices_a_lost_action(harness: ModuleType, db_path: Path) -> None:
    """The harness is only worth running if it can fail: claim one more
    acknowledgement than the database holds."""
    plan = harness.prepare(db_path)
    verdict = harness.verify(db_path, plan, acknowledged=1)
    assert verdict.done == 0
    assert any(problem.startswith("lost") for problem in verdict.problems)


def test_the_checker_notices_a_half_done_action(harness: ModuleType, db_path: Path) -> None:
    plan = harness.prepare(db_path)
    conn = sqlite3.connect(db_path)
    with conn:  # a paragraph with its audit row but no undo journal entry
        conn.execute("INSERT INTO minute_paragraph (item_id, position, text) VALUES (?, 99, ?)",
                     (plan.item_id, "action-0"))  # fmt: skip
        conn.execute("INSERT INTO audit (meeting_id, at, clerk, action, detail) "
                     "VALUES (?, '2026-11-25 14:05:00', 'x', 'Add minute', '')",
                     (plan.meeting_id,))  # fmt: skip
    conn.close()
    verdict = harness.verify(db_path, plan, acknowledged=1)
    assert verdict.integrity_ok and verdict.done == 1
    assert any("journal rows" in problem for problem in verdict.problems)

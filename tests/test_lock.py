"""The lock files: complete, consistent with each other, and what is installed."""

from __future__ import annotations

import importlib.metadata
import os
import re
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
import dev  # noqa: E402  (the set-up script, beside pyproject.toml)

APP = dev.Lock(REPO / "requirements" / "app.txt")
TEST = dev.Lock(REPO / "requirements" / "test.txt")


def _declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["optional-dependencies"][extra] if extra else project["dependencies"]
    return {dev.canonical(re.split(r"[<>=!~;\[ ]", spec, maxsplit=1)[0]) for spec in wanted}


def test_every_declared_dependency_is_locked() -> None:
    assert _declared() <= set(APP.versions())
    assert _declared() | _declared("test") <= set(TEST.versions())
    # What dev.py needs to install ClerkDesk itself, from the lock too.
    assert {"pip", "setuptools"} <= set(APP.versions())


def test_the_app_lock_is_the_test_lock_less_the_test_tools() -> None:
    """A venv set up for the tests runs the app with the very same versions."""
    app, test = APP.versions(), TEST.versions()
    assert {name: test[name] for name in app} == app


@pytest.mark.parametrize("lock", [APP, TEST], ids=["app", "test"])
def test_every_locked_package_has_its_hashes(lock: dev.Lock) -> None:
    for name in lock.versions():
        assert lock.hashes(name), f"{name} has no hash in {lock.path.name}"


@pytest.mark.skipif(
    bool(os.environ.get("CLERKDESK_UNLOCKED")), reason="dev.py latest runs without the lock"
)
def test_what_is_installed_is_what_is_locked() -> None:
    locked = TEST.versions()
    installed = {
        dev.canonical(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()
    }
    differing = {
        name: (locked[name], installed[name])
        for name in locked
        if name in installed and installed[name] != locked[name]
    }
    assert differing == {}
    assert installed["sqlalchemy"].startswith("2.1.")

"""The version is said once (clerkdesk/version.py) and the command prints it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from clerkdesk.cli import main
from clerkdesk.version import VERSION

from .test_cli import REPO, clerkdesk


def test_version_prints_the_name_and_version_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    result = clerkdesk(db, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"ClerkDesk {VERSION}\n"
    assert not db.exists()


def test_version_needs_no_database(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"ClerkDesk {VERSION}"


def test_the_package_metadata_takes_its_version_from_the_code() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    source = project["tool"]["setuptools"]["dynamic"]["version"]
    assert source == {"attr": "clerkdesk.version.VERSION"}

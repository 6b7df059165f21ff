"""Shared fixtures: real SQLite files in a temp folder, never mocks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from clerkdesk.persistence.database import Database, open_database
from clerkdesk.services.context import Desk

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "samples"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "clerkdesk.db"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    db = open_database(db_path)
    yield db
    db.dispose()


@pytest.fixture
def desk(database: Database) -> Desk:
    return Desk(database, clerk="Test Clerk")


@pytest.fixture
def demo_ids(desk: Desk) -> list[int]:
    from clerkdesk.services.demo import create_demo

    return create_demo(desk)


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"the shared sample papers are not at {SAMPLES}")
    return SAMPLES

"""Shared fixtures: real SQLite files in a temp folder, never mocks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every record read from memory is checked against a full read from the file,
# so every test of every service also tests the record cache (and so do the
# command-line runs the tests start, which inherit the variable).
os.environ.setdefault("CLERKDESK_VERIFY_RECORDS", "1")

from clerkdesk.domain.model import MeetingRecord
from clerkdesk.persistence.database import Database, open_database
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.services.records_io import get_record

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


@dataclass
class DemoDb:
    path: Path
    db: Database
    desk: Desk
    january_10: int
    january_30: int

    def fresh_record(self, meeting_id: int) -> MeetingRecord:
        """Read the meeting through a second, independent connection."""
        other = open_database(self.path)
        try:
            return get_record(Desk(other, "checker"), meeting_id)
        finally:
            other.dispose()


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoDb]:
    path = tmp_path / "clerkdesk.db"
    db = open_database(path)
    desk = Desk(db, "test clerk")
    first, second = create_demo(desk)
    yield DemoDb(path, db, desk, first, second)
    db.dispose()

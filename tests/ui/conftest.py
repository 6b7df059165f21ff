"""Offscreen Qt, a fresh demo database and an isolated settings file per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clerkdesk.domain.model import MeetingRecord
from clerkdesk.persistence.database import Database, open_database
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.services.records_io import get_record


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


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"

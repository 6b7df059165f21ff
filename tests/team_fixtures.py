"""The team's server (a real PostgreSQL, tests/postgres_server.py) and a
laptop's file, for the check-out and check-in tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clerkdesk.persistence.database import open_database
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from tests.postgres_server import PostgresServer


@dataclass
class Team:
    url: str
    office: Desk  # the server, as the office's own clerk opens it
    jan10: int  # the demo's recorded meeting
    jan30: int  # the demo's meeting still to record
    folder: Path
    opened: list[Desk]

    def server(self, clerk: str = "alice") -> Desk:
        """The server as a clerk's laptop opens it."""
        desk = Desk(open_database(self.url), clerk)
        self.opened.append(desk)
        return desk

    def laptop(self, name: str = "laptop", clerk: str = "alice") -> Desk:
        desk = Desk(open_database(self.folder / f"{name}.db", exclusive=True, create=True), clerk)
        self.opened.append(desk)
        return desk


@pytest.fixture
def team(postgres: PostgresServer, tmp_path: Path) -> Iterator[Team]:
    with postgres.fresh_database() as url:
        office = Desk(open_database(url), "office")
        jan10, jan30 = create_demo(office)
        found = Team(url, office, jan10, jan30, tmp_path, [office])
        try:
            yield found
        finally:
            for desk in found.opened:
                desk.db.dispose()

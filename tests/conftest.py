"""Shared fixtures: real SQLite files in a temp folder, never mocks."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every record kept between actions is checked against a full read of the
# file, so every test of every service also tests keeping them (and so do the
# command-line runs the tests start, which inherit the variable).
os.environ.setdefault("CLERKDESK_VERIFY_RECORDS", "1")

from clerkdesk.domain.model import MeetingRecord
from clerkdesk.persistence.database import Database, open_database
from clerkdesk.services.context import Desk
from clerkdesk.services.demo import create_demo
from clerkdesk.services.records_io import get_record
from tests.postgres_server import PostgresServer, running_server
from tests.team_fixtures import team  # noqa: F401 (the team server fixture, for tests/team and tests/ui)

REPO = Path(__file__).resolve().parents[1]
# Real council papers, kept in the repo (tests/samples/README.md says where from).
SAMPLES = REPO / "tests" / "samples"


# Hypothesis, by profile (HYPOTHESIS_PROFILE, else "ci" where CI is set, else
# "dev"). No profile has a deadline or the too-slow health check: both are
# wall-clock judgements that fail on a busy machine, and timing is the
# benchmarks' business. Property tests ask for ``examples(n)``: n on a
# developer's machine, fewer in CI (whose seed is new every run, so the
# variety accumulates across runs rather than within one), many more in the
# "thorough" profile for a change to the rules or the exports.
_NOT_TIMED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("dev", **_NOT_TIMED)
settings.register_profile("ci", database=None, print_blob=True, **_NOT_TIMED)
settings.register_profile("thorough", **_NOT_TIMED)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)
_EXAMPLES_SCALE = {"dev": 1.0, "ci": 0.4, "thorough": 5.0}[PROFILE]


def examples(wanted: int) -> int:
    """How many examples a property test runs under this profile (never below 25)."""
    return max(25, round(wanted * _EXAMPLES_SCALE))


QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}
UI_TESTS = REPO / "tests" / "ui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses Qt's fixtures, or lives with the window's tests, is a
    ``gui`` test without having to say so."""
    for item in items:
        uses_qt = QT_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses_qt or item.path.is_relative_to(UI_TESTS):
            item.add_marker(pytest.mark.gui)


# The tests of the record, the services and the rules on a database run once
# on each database ClerkDesk stores meetings in, their ids saying which
# ("[sqlite]", "[postgresql]"): the tests in these folders that take the
# ``database`` (or ``desk``, ``demo``...) without a file's path of their own.
# A module about something only a file has is marked ``sqlite_only``.
BACKENDS = ("sqlite", "postgresql")
ON_EVERY_BACKEND = (REPO / "tests" / "services", REPO / "tests" / "persistence")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    names = metafunc.fixturenames
    if (
        "db_location" in names
        and "db_path" not in names
        and metafunc.definition.path.is_relative_to(ON_EVERY_BACKEND[0].parent)
        and any(metafunc.definition.path.is_relative_to(d) for d in ON_EVERY_BACKEND)
        and metafunc.definition.get_closest_marker("sqlite_only") is None
        and not any(
            "db_location" in str(marker.args[0])
            for marker in metafunc.definition.iter_markers("parametrize")
        )
    ):
        metafunc.parametrize("db_location", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """This test process's PostgreSQL server, started at its first use.

    Its data lives outside pytest's temporary folders: run as root, the server
    runs as a user of its own, and pytest makes its folders private to root
    again whenever another pytest process starts (which stops the server)."""
    data = tempfile.TemporaryDirectory(prefix="clerkdesk-postgres-")
    with data as folder, running_server(Path(folder)) as server:
        yield server


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "clerkdesk.db"


@pytest.fixture
def db_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """Where the test's database is: a file's path, or a server database's URL."""
    if getattr(request, "param", "sqlite") == "sqlite":
        yield tmp_path / "clerkdesk.db"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    with server.fresh_database() as url:
        yield url


@pytest.fixture
def database(db_location: Path | str) -> Iterator[Database]:
    db = open_database(db_location, create=True)
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
    return SAMPLES


@dataclass
class DemoDb:
    path: Path | str  # a file's path, or a server database's URL
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
def demo(db_location: Path | str) -> Iterator[DemoDb]:
    path = db_location
    db = open_database(path, create=True)
    desk = Desk(db, "test clerk")
    first, second = create_demo(desk)
    yield DemoDb(path, db, desk, first, second)
    db.dispose()

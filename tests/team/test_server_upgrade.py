"""A server set up by the previous version (schema 17) is brought up to date by
`setup`, keeping its meetings; until then it is refused, saying so."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from clerkdesk.cli import main
from clerkdesk.domain.errors import DomainError
from clerkdesk.persistence.database import open_database
from clerkdesk.persistence.server import SERVER_LATEST_VERSION
from clerkdesk.services.context import Desk
from clerkdesk.services.records_io import dump_meeting
from clerkdesk.services.team import check_out
from tests.team_fixtures import Team


def _as_version_17(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        for table in ("checkout", "person_proposal", "conflict_copy", "meeting_lease"):
            connection.execute(text(f"DROP TABLE {table}"))
        connection.execute(text("ALTER TABLE clerkdesk_schema DROP COLUMN identity"))
        for table, words in {
            "agenda_item": "number || ' ' || title || ' ' || coalesce(report_title, '')",
            "recommendation": "coalesce(label, '') || ' ' || text",
            "minute_paragraph": "text",
        }.items():  # version 17's search: indexes on the words' expression
            connection.execute(text(f"ALTER TABLE {table} DROP COLUMN search_words"))
            connection.execute(
                text(
                    f"CREATE INDEX search_{table} ON {table}"
                    f" USING gin (to_tsvector('clerkdesk', {words}))"
                )
            )
        connection.execute(text("UPDATE clerkdesk_schema SET version = 17"))
    engine.dispose()


def test_a_schema_17_server_is_refused_until_setup_upgrades_it(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    before = dump_meeting(team.office, team.jan10)
    team.office.db.dispose()
    _as_version_17(team.url)
    with pytest.raises(DomainError, match="schema 17.*`clerkdesk --server URL setup`"):
        open_database(team.url)
    assert main(["--server", team.url, "setup"]) == 0
    assert f"(schema {SERVER_LATEST_VERSION})" in capsys.readouterr().out
    server = Desk(open_database(team.url), "alice")
    team.opened.append(server)
    assert dump_meeting(server, team.jan10) == before
    check_out(server, team.laptop(), team.jan30)  # the new tables are there
    from clerkdesk.services.lookups import search

    assert {h.meeting_id for h in search(server.db, "integrated plan")} == {team.jan30}

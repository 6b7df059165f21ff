"""A server's URL as it is shown and as it is kept: never with its password."""

from __future__ import annotations

from clerkdesk.persistence.server import server_url, shown, without_password
from clerkdesk.services.team_status import server_name


def test_a_password_is_neither_shown_nor_kept_wherever_the_url_holds_it() -> None:
    given = "postgresql://alice:s3cret@db.herts.gov.uk:5433/council?password=s3cret&sslmode=require"
    assert "s3cret" not in shown(server_url(given))
    kept = without_password(given)
    assert kept == "postgresql://alice@db.herts.gov.uk:5433/council?sslmode=require"
    # As a laptop's check-out row keeps the server (shown, "***"): reachable again.
    assert without_password(shown(server_url(given))) == (
        "postgresql+psycopg://alice@db.herts.gov.uk:5433/council?sslmode=require"
    )
    assert without_password("postgresql:///council?host=/run/pg") == (
        "postgresql:///council?host=%2Frun%2Fpg"
    )


def test_a_server_is_named_by_its_host_and_database() -> None:
    assert server_name("postgresql+psycopg://alice:***@db.herts.gov.uk/council") == (
        "db.herts.gov.uk/council"
    )
    assert server_name("postgresql:///council?host=/run/postgresql") == "localhost/council"
    assert server_name("postgresql://db1") == "db1"

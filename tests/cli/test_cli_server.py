"""The command line on a PostgreSQL server (`--server URL`), against the real
server the test run starts (tests/postgres_server.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerkdesk.cli import main
from tests.postgres_server import PostgresServer

REPO = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def server_url(postgres: PostgresServer) -> Iterator[str]:
    """An empty database on the server, not yet set up for ClerkDesk."""
    with postgres.empty_database() as url:
        yield url


def test_a_server_is_set_up_recorded_on_and_exported_from_by_command(
    server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--server", server_url, "meetings")
    assert code == 2 and "holds no ClerkDesk database" in err and "setup" in err
    code, out, _ = run(capsys, "--server", server_url, "setup")
    assert code == 0 and "ClerkDesk database ready" in out
    assert run(capsys, "--server", server_url, "setup")[0] == 0  # set up once, it stays
    code, out, _ = run(capsys, "--server", server_url, "demo")
    first, second = (int(line) for line in out.split())
    code, out, _ = run(capsys, "--server", server_url, "meetings", "--json")
    assert code == 0
    assert sorted(m["id"] for m in json.loads(out)) == [first, second]
    code, dumped, _ = run(capsys, "--server", server_url, "dump", str(first))
    record = tmp_path / "record.json"
    record.write_text(dumped, encoding="utf-8")
    code, _, err = run(capsys, "--server", server_url, "load", str(record))
    assert code == 2 and "already" in err  # the same meeting: refused unless a copy is asked for
    code, out, err = run(capsys, "--server", server_url, "load", str(record), "--as-new-copy")
    assert code == 0, err
    copy = int(out.strip())
    again = json.loads(run(capsys, "--server", server_url, "dump", str(copy))[1])
    original = json.loads(dumped)
    for part in ("committee", "people", "attendance", "items"):
        assert again[part] == original[part], part
    pdf = tmp_path / "minutes.pdf"
    code, _, err = run(
        capsys, "--server", server_url, "export", str(first), "--format", "pdf", "-o", str(pdf)
    )
    assert code == 0, err
    code, out, err = run(capsys, "--server", server_url, "verify", str(pdf))
    assert code == 0, err


def test_the_server_may_be_named_by_the_environment(
    server_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLERKDESK_SERVER", server_url)
    assert run(capsys, "setup")[0] == 0
    code, out, _ = run(capsys, "meetings", "--json")
    assert code == 0 and json.loads(out) == []


def test_a_password_in_the_url_is_never_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://clerk:s3cret-word@/clerkdesk?host={tmp_path}"  # nothing listens there
    code, out, err = run(capsys, "--server", url, "meetings")
    assert code == 2
    assert "cannot be reached" in err
    assert "s3cret-word" not in out + err


def test_what_only_a_file_has_is_refused_on_a_server_saying_why(
    server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--server", server_url, "setup")[0] == 0
    for command in (["backup"], ["backups"], ["check"]):
        code, _, err = run(capsys, "--server", server_url, *command)
        assert code == 2 and "council's server" in err, command
    code, _, err = run(capsys, "--server", server_url, "--db", str(tmp_path / "x.db"), "meetings")
    assert code == 2 and "not both" in err
    code, _, err = run(capsys, "--server", str(tmp_path / "x.db"), "meetings")
    assert code == 2 and "PostgreSQL URL" in err
    assert not (tmp_path / "x.db").exists()


def test_the_window_opens_on_the_server_given_or_named_by_the_environment(
    server_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window itself on a server is tests/ui/test_team_window.py's."""
    from clerkdesk.ui import app

    opened: list[object] = []
    monkeypatch.setattr(app, "run_app", lambda where, argv: opened.append(where) or 0)
    monkeypatch.delenv("CLERKDESK_SERVER", raising=False)
    assert main(["--server", server_url]) == 0
    monkeypatch.setenv("CLERKDESK_SERVER", server_url)
    assert main([]) == 0
    assert main(["--db", str(tmp_path / "own.db")]) == 0  # a file named wins
    assert opened == [server_url, server_url, tmp_path / "own.db"]

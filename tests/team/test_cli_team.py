"""Check-out and check-in by command (issue 18), against the real server."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest
from sqlalchemy import make_url

from clerkdesk.cli import main
from clerkdesk.persistence.database import open_database
from clerkdesk.services import minutes
from clerkdesk.services.context import Desk
from clerkdesk.services.records_io import dump_meeting, get_record
from tests.team.recording import SUBSTITUTE, record_every_kind_of_action
from tests.team_fixtures import Team


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _record_on(path: Path, meeting_id: int) -> dict[str, object]:
    laptop = Desk(open_database(path, exclusive=True), "alice")
    try:
        record_every_kind_of_action(laptop, meeting_id, approve=False)
        return dump_meeting(laptop, meeting_id)
    finally:
        laptop.db.dispose()


def test_a_clerk_checks_a_meeting_out_and_in_by_command(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A password in the URL (this test server trusts anyone, so it is not
    # checked): it must appear nowhere ClerkDesk writes or prints.
    url = make_url(team.url).set(password="s3cret-pw").render_as_string(hide_password=False)
    meeting = str(team.jan30)
    laptop = tmp_path / "laptop.db"
    code, out, err = run(capsys, "--server", url, "checkout", meeting, "--db", str(laptop))
    assert code == 0, err
    assert "Checked out the meeting of Adult Care & Health Cabinet Panel" in out
    code, _, err = run(capsys, "--server", url, "checkout", meeting, "--db", str(tmp_path / "b.db"))
    assert code == 2 and f"checked out to {getpass.getuser()} on " in err and " since " in err
    code, out, _ = run(capsys, "--server", url, "meetings", "--json")
    held = {m["id"]: m["held_by"] for m in json.loads(out)}
    assert held[team.jan10] is None
    assert held[team.jan30]["holder"] == getpass.getuser() and held[team.jan30]["since"]
    code, out, _ = run(capsys, "--server", url, "meetings")
    assert f"(checked out to {getpass.getuser()} on " in out
    recorded = _record_on(laptop, team.jan30)
    code, out, err = run(capsys, "--server", url, "checkin", meeting, "--db", str(laptop))
    assert code == 0, err
    assert "Checked in the meeting of" in out and SUBSTITUTE in out
    code, out, _ = run(capsys, "--server", url, "checkin", meeting, "--db", str(laptop))
    assert code == 0 and "already checked in" in out
    code, out, _ = run(capsys, "--server", url, "meetings", "--json")
    assert all(m["held_by"] is None for m in json.loads(out))
    assert json.loads(run(capsys, "--server", url, "dump", meeting)[1]) == recorded
    code, out, _ = run(capsys, "--server", url, "proposals", "--json")
    assert {p["name"] for p in json.loads(out)} >= {SUBSTITUTE}
    assert "s3cret-pw" not in laptop.read_bytes().decode("latin-1")


def test_a_released_check_out_is_refused_at_check_in_and_kept_as_a_conflict_copy(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting, laptop = str(team.jan30), tmp_path / "laptop.db"
    assert run(capsys, "--server", team.url, "checkout", meeting, "--db", str(laptop))[0] == 0
    recorded = _record_on(laptop, team.jan30)
    code, _, err = run(capsys, "--server", team.url, "release", meeting, "--reason", "  ")
    assert code == 2 and "Say why" in err
    code, out, _ = run(capsys, "--server", team.url, "release", meeting, "--reason", "Lost laptop")
    assert code == 0 and "Released the check-out" in out
    code, _, err = run(capsys, "--server", team.url, "checkin", meeting, "--db", str(laptop))
    assert code == 2 and "Lost laptop" in err and "conflict copy 1" in err
    code, out, _ = run(capsys, "--server", team.url, "conflicts")
    assert code == 0 and f"meeting {meeting}" in out
    code, out, _ = run(capsys, "--server", team.url, "conflict", "1")
    assert code == 0 and json.loads(out) == recorded
    assert run(capsys, "--server", team.url, "conflict", "2")[0] == 2


def test_check_out_and_in_say_what_they_need(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLERKDESK_SERVER", raising=False)
    meeting = str(team.jan30)
    code, _, err = run(capsys, "--db", str(tmp_path / "l.db"), "checkout", meeting)
    assert code == 2 and "needs the council's server" in err
    code, _, err = run(capsys, "--server", team.url, "checkout", meeting)
    assert code == 2 and "--db FILE" in err
    code, _, err = run(
        capsys, "--server", team.url, "checkin", meeting, "--db", str(tmp_path / "x.db")
    )
    assert code == 2 and "There is no ClerkDesk database" in err
    empty = tmp_path / "empty.db"
    assert run(capsys, "--db", str(empty), "setup")[0] == 0
    code, _, err = run(capsys, "--server", team.url, "checkin", meeting, "--db", str(empty))
    assert code == 2 and f"Meeting {meeting} was not checked out to this file" in err
    # a file of its own meetings is not mixed with the server's
    own = tmp_path / "own.db"
    assert run(capsys, "--db", str(own), "demo")[0] == 0
    code, _, err = run(capsys, "--server", team.url, "checkout", meeting, "--db", str(own))
    assert code == 2 and "meetings of its own" in err
    # and nothing was held by the refusal
    code, out, _ = run(capsys, "--server", team.url, "meetings", "--json")
    assert all(m["held_by"] is None for m in json.loads(out))


def test_a_server_that_cannot_be_reached_is_said_at_once_and_the_laptop_records_on(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting, laptop = str(team.jan30), tmp_path / "laptop.db"
    assert run(capsys, "--server", team.url, "checkout", meeting, "--db", str(laptop))[0] == 0
    gone = "postgresql://clerk@127.0.0.1:9/clerkdesk"  # the discard port: nothing listens
    desk = Desk(open_database(laptop, exclusive=True), "alice")
    item = get_record(desk, team.jan30).items[0]
    minutes.add_paragraph(desk, team.jan30, item.id, "Recorded with the server gone.")
    desk.db.dispose()
    code, _, err = run(capsys, "--server", gone, "checkin", meeting, "--db", str(laptop))
    assert code == 2 and "cannot be reached" in err and "Nothing was changed" in err
    assert run(capsys, "--server", team.url, "checkin", meeting, "--db", str(laptop))[0] == 0

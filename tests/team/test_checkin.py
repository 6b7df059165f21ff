"""Check-in of a meeting recorded offline: every kind of action arrives, once;
a released lease makes a conflict copy; people added offline are proposals."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from clerkdesk.domain.errors import RecordLockedError, RuleViolation
from clerkdesk.persistence.schema import AuditRow, MeetingLeaseRow
from clerkdesk.services import minutes
from clerkdesk.services.records_io import dump_meeting, get_record
from clerkdesk.services.team import (
    CheckinRefused,
    accept_proposal,
    check_in,
    check_out,
    conflict_copies,
    map_proposal,
    proposals,
    release,
)
from tests.team.recording import OFFICER, SUBSTITUTE, record_every_kind_of_action
from tests.team_fixtures import Team


def _audit(team: Team, meeting_id: int) -> list[str]:
    with team.office.db.reading() as connection:
        return list(
            connection.execute(
                select(AuditRow.action)
                .where(AuditRow.meeting_id == meeting_id)
                .order_by(AuditRow.id)
            ).scalars()
        )


def test_a_meeting_recorded_offline_with_every_kind_of_action_arrives_exactly(team: Team) -> None:
    server, laptop = team.server(), team.laptop()
    check_out(server, laptop, team.jan30)
    record_every_kind_of_action(laptop, team.jan30)
    recorded = dump_meeting(laptop, team.jan30)
    assert recorded["meeting"]["status"] == "approved" and recorded["corrections"]
    done = check_in(server, laptop, team.jan30)
    assert sorted(done.new_people) == sorted([SUBSTITUTE, OFFICER])
    arrived = dump_meeting(team.office, team.jan30)
    assert arrived == recorded  # seals, corrections and all
    # the laptop's audit trail came with it, after the server's check-out entry
    trail = _audit(team, team.jan30)
    assert trail.index("Check out") < trail.index("Add minute 3.1") < trail.index("Check in")
    assert trail.count("Check in") == 1
    # the server's ids: nothing the laptop made keeps its laptop id
    record = get_record(team.office, team.jan30)
    assert max(p.id for p in record.people) < 2**30
    assert max(i.id for i in record.items) < 2**30
    # approved on the laptop, approved on the server
    with pytest.raises(RecordLockedError, match="approved"):
        minutes.add_paragraph(team.office, team.jan30, record.items[0].id, "Too late.")


def test_people_added_offline_are_proposals_the_office_accepts_or_maps(team: Team) -> None:
    server, laptop = team.server(), team.laptop()
    check_out(server, laptop, team.jan30)
    record_every_kind_of_action(laptop, team.jan30, approve=False)
    check_in(server, laptop, team.jan30)
    found = {p.name: p for p in proposals(team.office)}
    assert set(found) == {SUBSTITUTE, OFFICER}
    assert {p.state for p in found.values()} == {"pending"}
    assert found[OFFICER].kind == "officer"
    accept_proposal(team.office, found[OFFICER].id)
    record = get_record(team.office, team.jan30)
    # the substitute turns out to be a councillor the server already has
    existing = next(
        p.id for p in get_record(team.office, team.jan10).people if p.name == "R H Smith"
    )
    map_proposal(team.office, found[SUBSTITUTE].id, existing)
    after = get_record(team.office, team.jan30)
    assert "R H Smith" in {after.name_of(a.person_id) for a in after.attendees}
    assert SUBSTITUTE not in {p.name for p in after.people}
    assert {p.name: p.state for p in proposals(team.office)} == {
        SUBSTITUTE: "mapped",
        OFFICER: "accepted",
    }
    assert len(after.attendees) == len(record.attendees)
    with pytest.raises(RuleViolation, match="already decided"):
        accept_proposal(team.office, found[OFFICER].id)


def test_mapping_is_refused_where_it_would_change_approved_minutes(team: Team) -> None:
    server, laptop = team.server(), team.laptop()
    check_out(server, laptop, team.jan30)
    record_every_kind_of_action(laptop, team.jan30)
    check_in(server, laptop, team.jan30)
    substitute = next(p for p in proposals(team.office) if p.name == SUBSTITUTE)
    existing = next(
        p.id for p in get_record(team.office, team.jan10).people if p.name == "R H Smith"
    )
    before = dump_meeting(team.office, team.jan30)
    with pytest.raises(RuleViolation, match="approved"):
        map_proposal(team.office, substitute.id, existing)
    assert dump_meeting(team.office, team.jan30) == before


def test_a_released_lease_refuses_the_check_in_and_keeps_a_conflict_copy(team: Team) -> None:
    server, laptop = team.server(), team.laptop()
    before = dump_meeting(team.office, team.jan30)
    check_out(server, laptop, team.jan30)
    record_every_kind_of_action(laptop, team.jan30, approve=False)
    recorded = dump_meeting(laptop, team.jan30)
    holder = release(team.office, team.jan30, "Laptop reported lost")
    assert holder.holder == "alice"
    # the office may now check it out to someone else
    bob = team.server("bob")
    check_out(bob, team.laptop("bob"), team.jan30)
    with pytest.raises(CheckinRefused, match=r"office released .* \(Laptop reported lost\)"):
        check_in(server, laptop, team.jan30)
    assert dump_meeting(team.office, team.jan30) == before  # nothing merged
    (copy,) = conflict_copies(team.office)
    assert json.loads(copy.record) == recorded  # kept whole, and readable
    assert copy.holder == "alice" and copy.meeting_id == team.jan30
    # the laptop keeps its meeting, read-only, and a retry changes nothing
    assert dump_meeting(laptop, team.jan30) == recorded
    with pytest.raises(RuleViolation, match="refused"):
        minutes.add_paragraph(laptop, team.jan30, get_record(laptop, team.jan30).items[0].id, "x")
    with pytest.raises(CheckinRefused):
        check_in(server, laptop, team.jan30)
    assert len(conflict_copies(team.office)) == 1


def test_a_check_in_retried_after_the_server_committed_applies_nothing_twice(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection is lost after the server committed, before the laptop
    heard: the laptop still thinks the meeting is out, and tries again."""
    from clerkdesk.services import team as team_service

    server, laptop = team.server(), team.laptop()
    check_out(server, laptop, team.jan30)
    record_every_kind_of_action(laptop, team.jan30, approve=False)
    recorded = dump_meeting(laptop, team.jan30)

    def lost(*args: object) -> None:
        raise ConnectionResetError("connection lost")

    with monkeypatch.context() as patch:
        patch.setattr(team_service, "_end_locally", lost)
        with pytest.raises(ConnectionResetError):
            check_in(server, laptop, team.jan30)
    again = check_in(server, laptop, team.jan30)
    assert again.already
    assert dump_meeting(team.office, team.jan30) == recorded
    assert _audit(team, team.jan30).count("Check in") == 1
    assert len(proposals(team.office)) == 2  # not proposed twice


def test_a_check_in_whose_connection_dies_mid_way_leaves_the_server_as_before(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server's connection is cut after the rows are written, before the
    commit: the server rolls it all back, and the retry applies it once."""
    from sqlalchemy import create_engine, text

    from clerkdesk.services import team as team_service

    server, laptop = team.server(), team.laptop()
    check_out(server, laptop, team.jan30)
    before = dump_meeting(team.office, team.jan30)
    record_every_kind_of_action(laptop, team.jan30, approve=False)
    recorded = dump_meeting(laptop, team.jan30)
    real = team_service._check_arrived

    def cut(connection, meeting_id, document):  # type: ignore[no-untyped-def]
        real(connection, meeting_id, document)
        pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        admin = create_engine(team.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        admin.dispose()

    with monkeypatch.context() as patch:
        patch.setattr(team_service, "_check_arrived", cut)
        with pytest.raises(Exception, match="cannot be reached|closed|terminat"):
            check_in(server, laptop, team.jan30)
    assert dump_meeting(team.office, team.jan30) == before
    assert not check_in(server, laptop, team.jan30).already
    assert dump_meeting(team.office, team.jan30) == recorded
    assert _audit(team, team.jan30).count("Check in") == 1


def test_a_check_out_the_laptop_cannot_take_lets_the_lease_go(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerkdesk.services import team as team_service

    server, laptop = team.server(), team.laptop()

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(team_service, "write_snapshot", full)
        with pytest.raises(OSError):
            check_out(server, laptop, team.jan30)
    with team.office.db.reading() as connection:
        (lease,) = connection.execute(select(MeetingLeaseRow)).all()
    assert lease.ended_how == "released" and "No space left" in lease.reason
    check_out(server, laptop, team.jan30)  # the retry works

import datetime as dt
import json
from dataclasses import replace

import pytest
from sqlalchemy import text

from clerkdesk.domain.errors import InvalidRecordError, RecordLockedError, RuleViolation
from clerkdesk.domain.model import (
    AttendanceStatus,
    Capacity,
    MeetingRecord,
    MeetingStatus,
    Outcome,
    Tally,
    VoteOption,
)
from clerkdesk.persistence.database import open_database
from clerkdesk.services import attendance, declarations, lifecycle, minutes, records_io, undo, votes
from clerkdesk.services.context import Correction, Desk
from clerkdesk.services.minutes_details import details_of, set_minutes_details
from clerkdesk.services.records_io import get_record
from tests.services.helpers import fresh_record, person_id


@pytest.fixture
def jan30(desk: Desk, demo_ids: list[int]) -> int:
    """The 30 January meeting with everyone present."""
    meeting_id = demo_ids[1]
    for a in get_record(desk, meeting_id).attendees:
        attendance.mark_attendance(desk, meeting_id, a.person_id, AttendanceStatus.PRESENT)
    return meeting_id


def test_demo_meeting_of_10_january_is_recorded_as_its_minutes_say(
    desk: Desk, demo_ids: list[int]
) -> None:
    record = get_record(desk, demo_ids[0])
    present = [a for a in record.attendees if a.status is AttendanceStatus.PRESENT]
    assert len(present) == 12
    smith = record.attendee(person_id(record, "R H Smith"))
    assert smith is not None and smith.substitute_for == person_id(record, "E H Buckmaster")
    assert record.declarations == ()
    item = record.item_by_number("3")
    tallies = [record.decision_on(r.id).tally for r in record.recommendations_of(item.id)]  # type: ignore[union-attr]
    assert tallies == [
        Tally(8, 4, 0),
        Tally(8, 4, 0),
        Tally(12, 0, 0),
        Tally(11, 0, 1),
        Tally(8, 1, 3),
    ]
    assert tallies[2].is_unanimous  # type: ignore[union-attr]


def test_every_action_is_on_disk_when_the_call_returns(desk: Desk, jan30: int) -> None:
    record = get_record(desk, jan30)
    guest = person_id(record, "F Guest")
    item4 = record.item_by_number("4")
    attendance.record_departure(desk, jan30, guest, dt.time(11, 5), item4.id)
    seen = fresh_record(desk, jan30).attendee(guest)
    assert seen is not None and seen.departed_at == dt.time(11, 5)
    assert seen.departed_during_item == item4.id


def test_dpi_bars_the_member_from_the_vote(desk: Desk, jan30: int) -> None:
    record = get_record(desk, jan30)
    guest, item4 = person_id(record, "F Guest"), record.item_by_number("4")
    declarations.declare_interest(desk, jan30, item4.id, guest, "dpi", "Employed by HCT")
    rec = record.recommendations_of(item4.id)[0]
    with pytest.raises(RuleViolation, match="F Guest declared a disclosable pecuniary interest"):
        votes.record_vote(desk, jan30, recommendation_id=rec.id, named=[(guest, VoteOption.YES)])
    with pytest.raises(RuleViolation, match="12 votes .* only 11 members may vote"):
        votes.record_vote(desk, jan30, recommendation_id=rec.id, tally=Tally(12, 0, 0))
    change = votes.record_unanimous(desk, jan30, rec.id)
    assert "carried" in change.label
    assert fresh_record(desk, jan30).decision_on(rec.id).tally == Tally(11, 0, 0)  # type: ignore[union-attr]
    assert fresh_record(desk, jan30).declarations[0].left_room  # a DPI means leaving


def test_a_vote_recorded_again_changes_its_decision_in_place_and_undoes(
    desk: Desk, jan30: int
) -> None:
    record = get_record(desk, jan30)
    rec = record.recommendations_of(record.item_by_number("3").id)[0]
    howard, wyatt = person_id(record, "T Howard"), person_id(record, "C B Wyatt-Lowe")
    first = votes.record_vote(desk, jan30, recommendation_id=rec.id, tally=Tally(8, 3, 1))
    recount = votes.record_vote(desk, jan30, recommendation_id=rec.id, tally=Tally(7, 4, 1))
    assert recount.new_id == first.new_id  # the same decision, changed
    named = votes.record_vote(
        desk,
        jan30,
        recommendation_id=rec.id,
        named=[(howard, VoteOption.NO), (wyatt, VoteOption.YES)],
        casting_vote=VoteOption.YES,
    )
    assert named.new_id == first.new_id
    decision = fresh_record(desk, jan30).decision_on(rec.id)
    assert decision is not None and decision.named == (
        (howard, VoteOption.NO),
        (wyatt, VoteOption.YES),
    )
    assert decision.casting_vote is VoteOption.YES and decision.casting_voter_id == wyatt
    votes.record_vote(desk, jan30, recommendation_id=rec.id, tally=Tally(9, 2, 1))
    assert fresh_record(desk, jan30).decision_on(rec.id).named == ()  # type: ignore[union-attr]
    for expected in (None, Tally(7, 4, 1), Tally(8, 3, 1)):  # undo: named, recount, first
        undo.undo(desk, jan30)
        decision = fresh_record(desk, jan30).decision_on(rec.id)
        assert decision is not None
        if expected is None:
            assert [p for p, _ in decision.named] == [howard, wyatt]
        else:
            assert decision.tally == expected and decision.named == ()
    assert get_record(desk, jan30) == fresh_record(desk, jan30)


def test_change_that_would_invalidate_a_recorded_vote_is_refused(desk: Desk, jan30: int) -> None:
    record = get_record(desk, jan30)
    rec = record.recommendations_of(record.item_by_number("3").id)[0]
    votes.record_vote(desk, jan30, recommendation_id=rec.id, tally=Tally(12, 0, 0))
    with pytest.raises(RuleViolation, match="only 11 members may vote"):
        attendance.mark_attendance(
            desk, jan30, person_id(record, "T Howard"), AttendanceStatus.APOLOGIES
        )
    assert fresh_record(desk, jan30).attendee(person_id(record, "T Howard")).status is (  # type: ignore[union-attr]
        AttendanceStatus.PRESENT
    )


def test_substitute_and_tie_with_casting_vote(desk: Desk, demo_ids: list[int]) -> None:
    meeting_id = demo_ids[1]
    record = get_record(desk, meeting_id)
    names = ["C B Wyatt-Lowe", "F R G Hill", "T Howard"]
    for name in names:
        attendance.mark_attendance(
            desk, meeting_id, person_id(record, name), AttendanceStatus.PRESENT
        )
    buckmaster = person_id(record, "E H Buckmaster")
    attendance.mark_attendance(desk, meeting_id, buckmaster, AttendanceStatus.APOLOGIES)
    attendance.add_substitute(desk, meeting_id, "R H Smith", buckmaster)
    with pytest.raises(RuleViolation, match="R H Smith is substituting for E H Buckmaster"):
        attendance.mark_attendance(desk, meeting_id, buckmaster, AttendanceStatus.PRESENT)
    rec = record.recommendations_of(record.item_by_number("5").id)[0]
    change = votes.record_vote(
        desk, meeting_id, recommendation_id=rec.id, tally=Tally(2, 2, 0), casting_vote=VoteOption.NO
    )
    decision = fresh_record(desk, meeting_id).decision_on(rec.id)
    assert decision is not None and decision.outcome is Outcome.LOST
    assert decision.casting_voter_id == person_id(record, "C B Wyatt-Lowe")
    assert "lost" in change.label


def test_undo_and_redo_survive_a_restart(desk: Desk, jan30: int) -> None:
    record = get_record(desk, jan30)
    item3 = record.item_by_number("3")
    minutes.add_paragraph(desk, jan30, item3.id, "Members received the report.")
    rec = record.recommendations_of(item3.id)[0]
    votes.record_vote(desk, jan30, recommendation_id=rec.id, tally=Tally(8, 4, 0))
    before = fresh_record(desk, jan30)
    restarted = Desk(open_database(desk.db.location), desk.clerk)
    assert undo.undo_state(restarted, jan30).undo_label == "Vote on 3 3.1: carried"
    undo.undo(restarted, jan30)
    assert fresh_record(desk, jan30).decision_on(rec.id) is None
    undo.undo(restarted, jan30)
    assert fresh_record(desk, jan30).paragraphs == ()
    assert undo.undo_state(restarted, jan30).redo_label == "Add minute 3.1"
    undo.redo(restarted, jan30)
    undo.redo(restarted, jan30)
    after = fresh_record(desk, jan30)
    assert after.decisions == before.decisions
    assert [p.text for p in after.paragraphs] == [p.text for p in before.paragraphs]
    with pytest.raises(RuleViolation, match="nothing to redo"):
        undo.redo(restarted, jan30)
    restarted.db.dispose()


def test_new_action_after_undo_clears_redo(desk: Desk, jan30: int) -> None:
    item3 = get_record(desk, jan30).item_by_number("3")
    minutes.add_paragraph(desk, jan30, item3.id, "First")
    undo.undo(desk, jan30)
    minutes.add_paragraph(desk, jan30, item3.id, "Second")
    assert undo.undo_state(desk, jan30).redo_label is None


def test_approved_minutes_are_locked_and_corrections_keep_the_original(
    desk: Desk, jan30: int
) -> None:
    item3 = get_record(desk, jan30).item_by_number("3")
    paragraph = minutes.add_paragraph(desk, jan30, item3.id, "Members noted the report.").new_id
    lifecycle.set_status(desk, jan30, MeetingStatus.IN_PROGRESS)
    lifecycle.set_status(desk, jan30, MeetingStatus.CLOSED)
    details = details_of(get_record(desk, jan30))
    set_minutes_details(desk, jan30, replace(details, clerk_name="Elaine  Manzi "))
    lifecycle.approve_minutes(desk, jan30, "C B Wyatt-Lowe")
    assert paragraph is not None
    with pytest.raises(RecordLockedError, match="approved by C B Wyatt-Lowe"):
        minutes.edit_paragraph(desk, jan30, paragraph, "Members welcomed the report.")
    with pytest.raises(RecordLockedError):
        undo.undo(desk, jan30)
    with pytest.raises(RuleViolation, match="needs a reason"):
        minutes.edit_paragraph(desk, jan30, paragraph, "x", correction=Correction(" "))
    minutes.edit_paragraph(
        desk,
        jan30,
        paragraph,
        "Members welcomed the report.",
        correction=Correction("Chair asked for the wording at approval"),
    )
    record = fresh_record(desk, jan30)
    assert record.paragraphs[0].text == "Members welcomed the report."
    assert record.corrections[0].reason == "Chair asked for the wording at approval"
    # made in the clerk's recorded name, not the computer's login (desk.clerk)
    assert desk.clerk == "Test Clerk"
    assert record.corrections[0].made_by == "Elaine Manzi"
    with desk.db.session() as session:
        stored = session.execute(text("SELECT changes FROM correction")).scalar_one()
    assert "Members noted the report." in stored  # the original is kept


def test_every_action_is_audited(desk: Desk, jan30: int) -> None:
    with desk.db.session() as session:
        rows = session.execute(
            text("SELECT clerk, action FROM audit WHERE meeting_id = :m ORDER BY id"),
            {"m": jan30},
        ).all()
    assert rows[-1] == ("Test Clerk", "Mark C B Wyatt-Lowe present")
    assert len(rows) >= 12


def test_redo_after_a_load_reused_nothing(desk: Desk, jan30: int, demo_ids: list[int]) -> None:
    """Found by the stateful test: ids are never reused, so redo cannot collide."""
    from clerkdesk.domain.record_reader import read_record
    from clerkdesk.services.records_io import dump_meeting, load_meeting

    record = get_record(desk, jan30)
    rec = record.recommendations_of(record.item_by_number("3").id)[0]
    votes.record_vote(desk, jan30, recommendation_id=rec.id, tally=Tally(9, 0, 0))
    undo.undo(desk, jan30)
    load_meeting(desk, read_record(dump_meeting(desk, demo_ids[0])), as_new_copy=True)
    undo.redo(desk, jan30)
    assert fresh_record(desk, jan30).decision_on(rec.id) is not None


def test_undoing_a_substitution_keeps_the_person_other_meetings_use(
    desk: Desk, demo_ids: list[int]
) -> None:
    """Found by the stateful test: people are shared, so undo never deletes one."""
    from clerkdesk.domain.record_reader import read_record
    from clerkdesk.services.records_io import dump_meeting, load_meeting

    meeting_id = demo_ids[1]
    member = get_record(desk, meeting_id).attendees[0].person_id
    attendance.add_substitute(desk, meeting_id, "A Stand-In", member)
    load_meeting(desk, read_record(dump_meeting(desk, meeting_id)), as_new_copy=True)
    undo.undo(desk, meeting_id)
    undo.redo(desk, meeting_id)
    assert any(p.name == "A Stand-In" for p in fresh_record(desk, meeting_id).people)


def test_undo_names_the_declaration(desk: Desk, jan30: int) -> None:
    record = get_record(desk, jan30)
    declarations.declare_interest(
        desk, jan30, record.item_by_number("4").id, person_id(record, "F Guest"), "dpi", "Shares"
    )
    assert undo.undo_state(desk, jan30).undo_label == (
        "F Guest declares a disclosable pecuniary interest in item 4"
    )


def test_approved_minutes_keep_the_quorum_they_were_held_under(
    desk: Desk, demo_ids: list[int]
) -> None:
    """Found in review: a later import changing the committee's quorum changed old minutes."""
    from clerkdesk.services.setup import save_committee

    lifecycle.approve_minutes(desk, demo_ids[0], "C B Wyatt-Lowe")
    record = get_record(desk, demo_ids[0])
    with desk.db.session() as session:
        save_committee(session, record.organisation, record.committee, 13, [])
    assert fresh_record(desk, demo_ids[0]).quorum == 3
    from clerkdesk.domain.rules import validate_record

    validate_record(fresh_record(desk, demo_ids[0]))


def test_editing_a_part_ii_item_keeps_its_schedule_12a_paragraph(desk: Desk, jan30: int) -> None:
    """Found in review: editing the summary wiped the paragraph relied on."""
    from clerkdesk.services.agenda_edits import add_agenda_item

    item_id = add_agenda_item(
        desk, jan30, "7", "Home care contract", part=2, exempt_paragraph=3
    ).new_id
    assert item_id is not None
    lifecycle.update_item(desk, jan30, item_id, part=2, public_summary="A contract was let.")
    item = fresh_record(desk, jan30).item(item_id)
    assert (item.exempt_paragraph, item.public_summary) == (3, "A contract was let.")


def test_corrections_keep_the_original_through_dump_and_load(desk: Desk, jan30: int) -> None:
    """Found in review: a dump and load used to drop the original rows of a correction."""
    from clerkdesk.domain.record_reader import read_record
    from clerkdesk.services.records_io import dump_meeting, load_meeting

    item3 = get_record(desk, jan30).item_by_number("3")
    paragraph = minutes.add_paragraph(desk, jan30, item3.id, "Members noted the report.").new_id
    assert paragraph is not None
    for status in (MeetingStatus.IN_PROGRESS, MeetingStatus.CLOSED):
        lifecycle.set_status(desk, jan30, status)
    lifecycle.approve_minutes(desk, jan30, "C B Wyatt-Lowe")
    minutes.edit_paragraph(
        desk,
        jan30,
        paragraph,
        "Members welcomed the report.",
        correction=Correction("Wording agreed at approval", made_by="Elaine Manzi"),
    )
    dumped = dump_meeting(desk, jan30)
    copy = load_meeting(desk, read_record(dumped), as_new_copy=True)
    assert "Members noted the report." in fresh_record(desk, copy).corrections[0].rows_changed
    assert dump_meeting(desk, copy) == dumped


def _officers(record: MeetingRecord) -> str:
    """The minutes' list of officers in attendance, as exported."""
    from clerkdesk.export.attendance_view import attendance_groups

    found = next(g.text for g in attendance_groups(record) if "OFFICER" in g.heading)
    return found.replace("\u00a0", " ")  # names are kept whole by no-break spaces


def test_an_officers_new_title_changes_no_earlier_minutes(desk: Desk, demo_ids: list[int]) -> None:
    first, second = demo_ids
    attendance.add_attendee(desk, first, "Jo Bloggs", Capacity.OFFICER, "Committee Officer")
    attendance.add_attendee(
        desk, second, "Jo Bloggs", Capacity.OFFICER, "Head of Democratic Services"
    )
    assert "Jo Bloggs, Committee Officer" in _officers(fresh_record(desk, first))
    assert "Jo Bloggs, Head of Democratic Services" in _officers(fresh_record(desk, second))


def test_an_officer_added_without_a_title_has_their_latest(desk: Desk, demo_ids: list[int]) -> None:
    first, second = demo_ids
    attendance.add_attendee(desk, first, "Sam Smith", Capacity.OFFICER, "Solicitor")
    attendance.add_attendee(desk, second, "Sam Smith", Capacity.OFFICER)
    assert "Sam Smith, Solicitor" in _officers(fresh_record(desk, second))


def test_loading_a_record_with_an_older_title_changes_no_other_minutes(
    desk: Desk, demo_ids: list[int]
) -> None:
    first, _second = demo_ids
    attendance.add_attendee(desk, first, "Jo Bloggs", Capacity.OFFICER, "Committee Officer")
    data = records_io.dump_meeting(desk, first)
    for person in data["people"]:
        if person["name"] == "Jo Bloggs":
            person["title"] = "Trainee Committee Officer"
    copy = records_io.load_meeting(
        desk, records_io.parse_record_text(json.dumps(data)), as_new_copy=True
    )
    assert "Jo Bloggs, Committee Officer" in _officers(fresh_record(desk, first))
    assert "Jo Bloggs, Trainee Committee Officer" in _officers(fresh_record(desk, copy))


def test_the_chair_style_is_kept_per_meeting_and_carried_to_the_next(
    desk: Desk, demo_ids: list[int]
) -> None:
    from clerkdesk.domain.model import ChairStyle
    from clerkdesk.services import setup
    from clerkdesk.services.lookups import list_committees

    first, second = demo_ids
    assert fresh_record(desk, second).chair_style is ChairStyle.CHAIRMAN
    lifecycle.set_chair_style(desk, second, ChairStyle.CHAIR)
    assert fresh_record(desk, second).chair_style is ChairStyle.CHAIR
    assert fresh_record(desk, first).chair_style is ChairStyle.CHAIRMAN
    committee = next(
        c for c in list_committees(desk.db) if c.name == fresh_record(desk, second).committee
    )
    change = setup.create_meeting(desk, committee.id, dt.date(2018, 2, 27))
    assert change.new_id is not None
    assert fresh_record(desk, change.new_id).chair_style is ChairStyle.CHAIR
    undo.undo(desk, second)
    assert fresh_record(desk, second).chair_style is ChairStyle.CHAIRMAN


def test_approved_minutes_change_their_chair_style_only_by_correction(
    desk: Desk, demo_ids: list[int]
) -> None:
    from clerkdesk.domain.model import ChairStyle

    first, _second = demo_ids
    lifecycle.approve_minutes(desk, first, "C B Wyatt-Lowe")
    with pytest.raises(RecordLockedError):
        lifecycle.set_chair_style(desk, first, ChairStyle.CHAIRPERSON)
    assert fresh_record(desk, first).chair_style is ChairStyle.CHAIRMAN
    lifecycle.set_chair_style(
        desk,
        first,
        ChairStyle.CHAIRPERSON,
        correction=Correction("The council style is Chairperson", made_by="Elaine Manzi"),
    )
    record = fresh_record(desk, first)
    assert record.chair_style is ChairStyle.CHAIRPERSON
    assert record.corrections[-1].reason == "The council style is Chairperson"


def test_the_chair_style_survives_dump_and_load(desk: Desk, demo_ids: list[int]) -> None:
    from clerkdesk.domain.model import ChairStyle

    _first, second = demo_ids
    lifecycle.set_chair_style(desk, second, ChairStyle.CHAIRPERSON)
    data = records_io.dump_meeting(desk, second)
    assert data["meeting"]["chair_style"] == "Chairperson"
    copy = records_io.load_meeting(
        desk, records_io.parse_record_text(json.dumps(data)), as_new_copy=True
    )
    assert fresh_record(desk, copy).chair_style is ChairStyle.CHAIRPERSON
    del data["meeting"]["chair_style"]  # a record written before the field existed
    assert records_io.parse_record_text(json.dumps(data)).chair_style is ChairStyle.CHAIRMAN
    data["meeting"]["chair_style"] = "Lord High Chair"
    with pytest.raises(InvalidRecordError, match="chair_style"):
        records_io.parse_record_text(json.dumps(data))


def test_a_correction_needs_the_clerks_name_not_the_login(desk: Desk, jan30: int) -> None:
    """Issue 16: corrections are made in the clerk's name, never the computer's login."""
    item3 = get_record(desk, jan30).item_by_number("3")
    paragraph = minutes.add_paragraph(desk, jan30, item3.id, "Members noted the report.").new_id
    assert paragraph is not None
    lifecycle.set_status(desk, jan30, MeetingStatus.IN_PROGRESS)
    lifecycle.set_status(desk, jan30, MeetingStatus.CLOSED)
    nobody = replace(details_of(get_record(desk, jan30)), clerk_name=None)
    set_minutes_details(desk, jan30, nobody)  # the demo names its clerk: not here
    lifecycle.approve_minutes(desk, jan30, "C B Wyatt-Lowe")
    with pytest.raises(RuleViolation, match="set the clerk's name"):
        minutes.edit_paragraph(desk, jan30, paragraph, "Changed.", correction=Correction("Typo"))
    assert fresh_record(desk, jan30).corrections == ()  # nothing written
    minutes.edit_paragraph(
        desk, jan30, paragraph, "Changed.", correction=Correction("Typo", made_by="Anna Clerk")
    )
    assert fresh_record(desk, jan30).corrections[0].made_by == "Anna Clerk"


def test_minutes_details_follow_to_the_committees_next_meeting(desk: Desk, jan30: int) -> None:
    from clerkdesk.domain.model import BodyKind, MemberOrder
    from clerkdesk.services.setup import create_meeting

    details = replace(
        details_of(get_record(desk, jan30)),
        body_kind=BodyKind.PANEL,
        member_order=MemberOrder.COMMITTEE,
        closed_at=dt.time(12, 45, 30),
        clerk_name="Elaine Manzi",
        proper_officer="Kathryn Pettitt",
        proper_officer_title="Chief Legal Officer",
    )
    set_minutes_details(desk, jan30, details)
    record = fresh_record(desk, jan30)
    assert details_of(record) == replace(details, closed_at=dt.time(12, 45))
    with pytest.raises(RuleViolation, match="before it began"):
        set_minutes_details(desk, jan30, replace(details, closed_at=dt.time(9, 0)))
    from clerkdesk.persistence.schema import MeetingRow

    with desk.db.session() as session:
        committee_id = session.get_one(MeetingRow, jan30).committee_id
    later = create_meeting(desk, committee_id, dt.date(2018, 3, 7))
    assert later.new_id is not None
    follows = details_of(fresh_record(desk, later.new_id))
    assert follows == replace(details, closed_at=None)  # the closing time is the meeting's own

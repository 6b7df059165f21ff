"""Correcting a saved agenda: each edit one undoable, audited action; after
approval a correction with its reason."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from clerkdesk.domain.errors import RecordLockedError, RuleViolation
from clerkdesk.domain.model import Disposal
from clerkdesk.persistence.schema import AuditRow
from clerkdesk.services import agenda_edits as edits
from clerkdesk.services import lifecycle, undo
from clerkdesk.services.context import Correction, Desk
from clerkdesk.services.minutes import add_paragraph
from clerkdesk.services.records_io import get_record
from tests.services.helpers import fresh_record


@pytest.fixture
def jan30(demo_ids: list[int]) -> int:
    """The 30 January meeting: a draft, nothing recorded yet."""
    return demo_ids[1]


def numbers(desk: Desk, meeting_id: int) -> list[str]:
    return [i.number for i in fresh_record(desk, meeting_id).ordered_items]


def test_an_urgent_item_needs_the_chairs_reason(desk: Desk, jan30: int) -> None:
    with pytest.raises(RuleViolation, match="s.100B"):
        edits.add_agenda_item(desk, jan30, "5A", "Winter pressures", urgency_reason="  ")
    change = edits.add_agenda_item(
        desk,
        jan30,
        "5A.",
        "Winter pressures",
        urgency_reason="Funding must be accepted before 1 February",
        at_index=5,
    )
    assert change.label == "Add urgent item 5A"
    record = fresh_record(desk, jan30)
    item = record.item_by_number("5A")
    assert item.urgency_reason == "Funding must be accepted before 1 February"
    assert numbers(desk, jan30) == ["1", "2", "3", "4", "5", "5A", "6"]
    undo.undo(desk, jan30)
    assert numbers(desk, jan30) == ["1", "2", "3", "4", "5", "6"]
    undo.redo(desk, jan30)
    assert fresh_record(desk, jan30).item_by_number("5A").is_urgent


def test_a_number_already_used_is_refused(desk: Desk, jan30: int) -> None:
    with pytest.raises(RuleViolation, match="Item 3 is already on the agenda"):
        edits.add_agenda_item(desk, jan30, "3", "Another")
    item = get_record(desk, jan30).item_by_number("4")
    with pytest.raises(RuleViolation, match="Item 5 is already"):
        edits.edit_agenda_item(desk, jan30, item.id, number="5")


def test_taking_an_item_out_of_order_keeps_its_number(desk: Desk, jan30: int) -> None:
    item = get_record(desk, jan30).item_by_number("5")
    change = edits.move_agenda_item(desk, jan30, item.id, 2, out_of_order=True)
    assert change.label == "Take item 5 out of order, after item 2"
    assert numbers(desk, jan30) == ["1", "2", "5", "3", "4", "6"]
    assert fresh_record(desk, jan30).item(item.id).taken_out_of_order
    undo.undo(desk, jan30)
    assert numbers(desk, jan30) == ["1", "2", "3", "4", "5", "6"]
    assert not fresh_record(desk, jan30).item(item.id).taken_out_of_order


def test_rename_renumber_and_reorder(desk: Desk, jan30: int) -> None:
    item = get_record(desk, jan30).item_by_number("6")
    edits.edit_agenda_item(desk, jan30, item.id, number="7", title="  Any other  business ")
    edits.move_agenda_item(desk, jan30, item.id, 0)
    stored = fresh_record(desk, jan30).item(item.id)
    assert (stored.number, stored.title, stored.position) == ("7", "Any other business", 0)
    assert not stored.taken_out_of_order


def test_an_item_with_something_recorded_cannot_be_removed(desk: Desk, jan30: int) -> None:
    record = get_record(desk, jan30)
    noted = record.item_by_number("2")
    add_paragraph(desk, jan30, noted.id, "There were no petitions.")
    with pytest.raises(RuleViolation, match="minute notes is recorded in it"):
        edits.remove_agenda_item(desk, jan30, noted.id)
    item = record.item_by_number("3")
    edits.remove_agenda_item(desk, jan30, item.id)
    after = fresh_record(desk, jan30)
    assert "3" not in [i.number for i in after.items]
    assert all(r.item_id != item.id for r in after.recommendations)
    assert [i.position for i in after.ordered_items] == list(range(5))
    undo.undo(desk, jan30)
    assert len(fresh_record(desk, jan30).recommendations_of(item.id)) == 2


def test_withdrawn_or_deferred_and_not_once_voted(desk: Desk, jan30: int) -> None:
    record = get_record(desk, jan30)
    item = record.item_by_number("5")
    assert edits.set_disposal(desk, jan30, item.id, Disposal.WITHDRAWN).label == (
        "Item 5 withdrawn"
    )
    assert fresh_record(desk, jan30).item(item.id).disposal is Disposal.WITHDRAWN
    edits.set_disposal(desk, jan30, item.id, None)
    assert fresh_record(desk, jan30).item(item.id).disposal is None


def test_an_item_voted_on_cannot_be_withdrawn(demo_ids: list[int], desk: Desk) -> None:
    jan10 = demo_ids[0]
    item = get_record(desk, jan10).item_by_number("3")
    with pytest.raises(RuleViolation, match="has a vote recorded"):
        edits.set_disposal(desk, jan10, item.id, Disposal.DEFERRED)


def test_part_ii_needs_a_schedule_12a_paragraph_it_knows(desk: Desk, jan30: int) -> None:
    item = get_record(desk, jan30).item_by_number("5")
    with pytest.raises(RuleViolation, match="paragraph"):
        edits.set_item_part(desk, jan30, item.id, 2, 9)  # type: ignore[arg-type]
    edits.set_item_part(desk, jan30, item.id, 2, 3)
    stored = fresh_record(desk, jan30).item(item.id)
    assert (stored.part, stored.exempt_paragraph) == (2, 3)
    edits.set_item_part(desk, jan30, item.id, 1)
    stored = fresh_record(desk, jan30).item(item.id)
    assert (stored.part, stored.exempt_paragraph) == (1, None)


def test_recommendations_added_edited_moved_and_deleted(desk: Desk, jan30: int) -> None:
    item = get_record(desk, jan30).item_by_number("5")
    added = edits.add_item_recommendation(desk, jan30, item.id, "Note the report.", "3.2")
    assert added.new_id is not None
    edits.edit_recommendation(desk, jan30, added.new_id, text="Note the report as amended.")
    edits.edit_recommendation(desk, jan30, added.new_id, label="3.0")
    edits.move_recommendation(desk, jan30, added.new_id, 0)
    recs = fresh_record(desk, jan30).recommendations_of(item.id)
    assert (recs[0].label, recs[0].text) == ("3.0", "Note the report as amended.")
    assert [r.position for r in recs] == [0, 1]
    edits.delete_recommendation(desk, jan30, added.new_id)
    assert len(fresh_record(desk, jan30).recommendations_of(item.id)) == 1
    for _ in range(4):
        undo.undo(desk, jan30)
    recs = fresh_record(desk, jan30).recommendations_of(item.id)
    assert [(r.label, r.text) for r in recs][-1] == ("3.2", "Note the report.")


def test_a_recommendation_voted_on_keeps_its_words(demo_ids: list[int], desk: Desk) -> None:
    jan10 = demo_ids[0]
    record = get_record(desk, jan10)
    rec = record.recommendations_of(record.item_by_number("3").id)[0]
    with pytest.raises(RuleViolation, match="A vote is recorded"):
        edits.edit_recommendation(desk, jan10, rec.id, text="Something else")
    with pytest.raises(RuleViolation, match="A vote is recorded"):
        edits.delete_recommendation(desk, jan10, rec.id)


def test_after_approval_each_edit_is_a_correction(demo_ids: list[int], desk: Desk) -> None:
    jan10 = demo_ids[0]
    lifecycle.approve_minutes(desk, jan10, "C B Wyatt-Lowe")
    item = get_record(desk, jan10).item_by_number("6")
    with pytest.raises(RecordLockedError):
        edits.edit_agenda_item(desk, jan10, item.id, title="Other business")
    edits.edit_agenda_item(
        desk, jan10, item.id, title="Other business", correction=Correction("Typo in title")
    )
    record = fresh_record(desk, jan10)
    assert record.item(item.id).title == "Other business"
    (correction,) = record.corrections
    assert correction.reason == "Typo in title" and correction.summary == "Edit item 6"
    assert "Other Part I Business" in correction.rows_changed
    with desk.db.session() as session:
        audit = session.scalars(select(AuditRow).order_by(AuditRow.id.desc())).first()
        assert audit is not None and audit.detail == "correction: Typo in title"


def test_each_edit_is_audited(desk: Desk, jan30: int) -> None:
    item = get_record(desk, jan30).item_by_number("5")
    edits.set_disposal(desk, jan30, item.id, Disposal.DEFERRED)
    with desk.db.session() as session:
        actions = session.scalars(select(AuditRow.action).where(AuditRow.meeting_id == jan30))
        assert "Item 5 deferred" in list(actions)


def test_minutes_sealed_before_version_14_keep_their_seal(demo_ids: list[int], desk: Desk) -> None:
    """The seal is taken over the record's dump: an item with nothing changed on
    the day dumps as it did before migration 0014, so an approved record still
    matches its seal; a change on the day is then part of what is sealed."""
    from clerkdesk.domain.record_json import dump_record
    from clerkdesk.domain.seal import check_seal

    jan10 = demo_ids[0]
    lifecycle.approve_minutes(desk, jan10, "C B Wyatt-Lowe")
    record = fresh_record(desk, jan10)
    check_seal(record)
    item = dump_record(record)["items"][0]
    assert not {"urgency_reason", "disposal", "taken_out_of_order"} & set(item)
    six = record.item_by_number("6")
    edits.set_disposal(desk, jan10, six.id, Disposal.DEFERRED, correction=Correction("Deferred"))
    check_seal(fresh_record(desk, jan10))  # the correction carries the seal forward

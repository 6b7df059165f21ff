"""Editing a declaration of interest: checked like a new one, and against the votes."""

from __future__ import annotations

import pytest

from clerkdesk.domain.changes import Area
from clerkdesk.domain.errors import NotFoundError, RecordLockedError, RuleViolation
from clerkdesk.services import lifecycle, undo
from clerkdesk.services.context import Correction, Desk
from clerkdesk.services.declarations import declare_interest
from clerkdesk.services.declarations_edit import edit_declaration
from clerkdesk.services.records_io import get_record
from tests.services.helpers import fresh_record, person_id


@pytest.fixture
def jan10(demo_ids: list[int]) -> int:
    """The 10 January meeting: all twelve present, every vote on item 3 recorded."""
    return demo_ids[0]


@pytest.fixture
def declaration(desk: Desk, jan10: int) -> int:
    record = get_record(desk, jan10)
    change = declare_interest(
        desk,
        jan10,
        record.item_by_number("3").id,
        person_id(record, "F R G Hill"),
        "ori-affects",
        "Owns a care agency",
    )
    assert change.new_id is not None
    return change.new_id


def test_an_edit_is_saved_labelled_and_undoable(desk: Desk, jan10: int, declaration: int) -> None:
    change = edit_declaration(
        desk, jan10, declaration, nature="  Owns two care agencies ", dispensation=True
    )
    assert change.label == "Edit F R G Hill's declaration in item 3"
    assert Area.DECLARATIONS | Area.VOTES in change.areas
    (stored,) = fresh_record(desk, jan10).declarations
    assert (stored.kind, stored.nature, stored.dispensation, stored.left_room) == (
        "ori-affects",
        "Owns two care agencies",
        True,
        False,
    )
    assert undo.undo_state(desk, jan10).undo_label == change.label
    undo.undo(desk, jan10)
    (stored,) = fresh_record(desk, jan10).declarations
    assert (stored.nature, stored.dispensation) == ("Owns a care agency", False)


def test_a_sensitive_interest_keeps_no_nature(desk: Desk, jan10: int, declaration: int) -> None:
    edit_declaration(desk, jan10, declaration, sensitive=True)
    (stored,) = fresh_record(desk, jan10).declarations
    assert stored.sensitive and stored.nature == ""


def test_an_edit_that_would_invalidate_a_recorded_vote_is_refused(
    desk: Desk, jan10: int, declaration: int
) -> None:
    before = fresh_record(desk, jan10)
    # A DPI without dispensation bars F R G Hill from item 3, where all twelve
    # present were recorded as voting: the votes would no longer add up.
    with pytest.raises(RuleViolation, match="only 11 members may vote"):
        edit_declaration(desk, jan10, declaration, kind="dpi", left_room=True)
    after = fresh_record(desk, jan10)
    assert after.declarations == before.declarations
    assert undo.undo_state(desk, jan10).undo_label != "Edit F R G Hill's declaration in item 3"


def test_the_rules_for_a_new_declaration_apply(desk: Desk, jan10: int, declaration: int) -> None:
    with pytest.raises(RuleViolation, match="Record the nature"):
        edit_declaration(desk, jan10, declaration, nature="   ")
    with pytest.raises(NotFoundError):
        edit_declaration(desk, jan10, declaration, kind="no-such-kind")
    record = get_record(desk, jan10)
    second = declare_interest(
        desk,
        jan10,
        record.item_by_number("3").id,
        person_id(record, "F R G Hill"),
        "declarable",
        "Member of the charity's board",
    )
    assert second.new_id is not None
    with pytest.raises(RuleViolation, match="already declared"):
        edit_declaration(desk, jan10, second.new_id, kind="ori-affects")


def test_nothing_changed_or_not_found(desk: Desk, demo_ids: list[int], declaration: int) -> None:
    jan10, jan30 = demo_ids
    with pytest.raises(RuleViolation, match="Nothing was changed"):
        edit_declaration(desk, jan10, declaration, nature="Owns a care agency")
    with pytest.raises(NotFoundError):
        edit_declaration(desk, jan30, declaration, nature="Elsewhere")
    with pytest.raises(NotFoundError):
        edit_declaration(desk, jan10, declaration + 100, nature="Nobody's")


def test_approved_minutes_take_an_edit_only_as_a_correction(
    desk: Desk, jan10: int, declaration: int
) -> None:
    lifecycle.approve_minutes(desk, jan10, "C B Wyatt-Lowe")
    with pytest.raises(RecordLockedError):
        edit_declaration(desk, jan10, declaration, nature="Owns two care agencies")
    edit_declaration(
        desk,
        jan10,
        declaration,
        nature="Owns two care agencies",
        correction=Correction(
            "The member corrected the nature after the meeting", made_by="Elaine Manzi"
        ),
    )
    stored = fresh_record(desk, jan10)
    assert stored.declarations[0].nature == "Owns two care agencies"
    assert [c.reason for c in stored.corrections] == [
        "The member corrected the nature after the meeting"
    ]

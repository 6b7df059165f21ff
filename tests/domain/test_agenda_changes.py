"""The rules for changing a saved meeting: quorum, membership, agenda."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerkdesk.domain.agenda_changes import (
    check_disposal_allowed,
    check_item_removable,
    check_number,
    check_recommendation_changeable,
    check_urgency_reason,
    moved,
)
from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.membership import (
    check_member_change,
    check_member_removal,
    check_quorum_of,
    voting_members,
)
from clerkdesk.domain.model import (
    Amendment,
    Decision,
    MinuteParagraph,
    Outcome,
    Role,
    Tally,
)
from tests.conftest import examples
from tests.domain.factories import ITEM, REC, meeting, with_declaration


def test_the_quorum_is_between_one_and_the_voting_members() -> None:
    record = meeting(members=12, co_opted=2)
    assert voting_members(record) == 12  # co-opted members do not vote
    check_quorum_of(record, 1)
    check_quorum_of(record, 12)
    with pytest.raises(RuleViolation, match="quorum of 13 can never be reached"):
        check_quorum_of(record, 13)
    with pytest.raises(RuleViolation, match="at least one"):
        check_quorum_of(record, 0)


def test_a_member_leaves_only_with_nothing_recorded_and_the_quorum_reachable() -> None:
    record = meeting(members=4, quorum=3)
    check_member_removal(record, 4)
    with pytest.raises(RuleViolation, match="declaration of interest"):
        check_member_removal(with_declaration(record, 4, "dpi"), 4)
    with pytest.raises(RuleViolation, match="Lower the quorum first"):
        check_member_removal(replace(record, quorum=4), 4)
    check_member_removal(replace(record, quorum=4), 4, replaced=True)


def test_one_chair_and_the_chair_votes() -> None:
    record = meeting()
    with pytest.raises(RuleViolation, match="Member 1 is already the Chairman"):
        check_member_change(record, 3, Role.CHAIR, True)
    with pytest.raises(RuleViolation, match="votes"):
        check_member_change(record, 1, Role.CHAIR, False)
    check_member_change(record, 3, Role.MEMBER, False)


def test_item_numbers_are_unique_and_an_urgent_item_has_a_reason() -> None:
    record = meeting()
    assert check_number(record, " 4A. ") == "4A"
    check_number(record, "4", ITEM)  # its own number
    with pytest.raises(RuleViolation, match="Item 4 is already on the agenda"):
        check_number(record, "4")
    with pytest.raises(RuleViolation, match=r"s\.100B\(4\)\(b\)"):
        check_urgency_reason(" ")
    assert check_urgency_reason(" A  deadline ") == "A deadline"


def test_an_item_with_something_recorded_is_not_removed() -> None:
    record = meeting()
    check_item_removable(record, ITEM)
    noted = replace(record, paragraphs=(MinuteParagraph(1, ITEM, 0, "Noted."),))
    with pytest.raises(RuleViolation, match="minute notes"):
        check_item_removable(noted, ITEM)


def test_a_vote_keeps_an_item_considered_and_a_recommendation_worded() -> None:
    record = meeting()
    check_disposal_allowed(record, ITEM)
    check_recommendation_changeable(record, REC)
    voted = replace(record, decisions=(Decision(1, Outcome.CARRIED, REC, tally=Tally(yes=6)),))
    with pytest.raises(RuleViolation, match="has a vote recorded"):
        check_disposal_allowed(voted, ITEM)
    with pytest.raises(RuleViolation, match="A vote is recorded on recommendation"):
        check_recommendation_changeable(voted, REC)
    amended = replace(record, amendments=(Amendment(1, REC, 3, 4, "Add a clause", 0),))
    with pytest.raises(RuleViolation, match="An amendment"):
        check_recommendation_changeable(amended, REC)


@settings(max_examples=examples(100))
@given(st.integers(1, 12), st.data())
def test_moving_keeps_every_item_once(size: int, data: st.DataObject) -> None:
    order = list(range(100, 100 + size))
    moving = data.draw(st.sampled_from(order))
    index = data.draw(st.integers(-3, size + 3))
    result = moved(order, moving, index)
    assert sorted(result) == order
    assert result.index(moving) == max(0, min(size - 1, index))
    assert [i for i in result if i != moving] == [i for i in order if i != moving]

from __future__ import annotations

import datetime as dt

import pytest

from clerkdesk.domain.model import Outcome, Tally, VoteOption
from clerkdesk.export.wording import (
    casting_line,
    clock,
    emphasis_runs,
    exclusion_resolution,
    exempt_paragraph_line,
    named_vote_lines,
    number_words,
    outcome_line,
    vote_lines,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [(0, "ZERO"), (1, "ONE"), (8, "EIGHT"), (11, "ELEVEN"), (20, "TWENTY"), (21, "TWENTY-ONE"),
     (60, "SIXTY"), (105, "ONE HUNDRED AND FIVE")],
)  # fmt: skip
def test_number_words(n: int, words: str) -> None:
    assert number_words(n) == words


def test_votes_are_worded_as_the_seed_minutes_word_them() -> None:
    assert vote_lines(Tally(8, 4, 0)) == [
        "EIGHT Members voted IN FAVOUR of this recommendation.",
        "FOUR Members voted AGAINST this recommendation.",
    ]
    assert vote_lines(Tally(12, 0, 0)) == [
        "Members voted UNANIMOUSLY in favour of this recommendation."
    ]
    assert vote_lines(Tally(11, 0, 1)) == [
        "ELEVEN Members voted IN FAVOUR of this recommendation.",
        "ONE Member chose to ABSTAIN.",
    ]
    assert vote_lines(Tally(8, 1, 3)) == [
        "EIGHT Members voted IN FAVOUR of this recommendation.",
        "ONE Member voted AGAINST this recommendation.",
        "THREE Members chose to ABSTAIN.",
    ]


def test_casting_vote_and_outcomes() -> None:
    assert casting_line(VoteOption.NO, "the Chairman") == (
        "There being an equality of votes, the Chairman used their casting vote AGAINST "
        "this recommendation."
    )
    assert outcome_line(Outcome.CARRIED) == "The recommendation was CARRIED."
    assert outcome_line(Outcome.LOST, "amendment") == "The amendment was LOST."
    assert "DEFERRED" in outcome_line(Outcome.DEFERRED)


def test_named_votes_group_by_option() -> None:
    lines = named_vote_lines([("A", VoteOption.YES), ("B", VoteOption.NO), ("C", VoteOption.YES)])
    assert lines == ["For: A; C", "Against: B"]


def test_schedule_12a_and_exclusion() -> None:
    assert exempt_paragraph_line(3) == (
        "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972: information "
        "relating to the financial or business affairs of any particular person (including "
        "the authority)"
    )
    text = exclusion_resolution([3, 1, 3])
    assert text.startswith("That under Section 100A(4) of the Local Government Act 1972")
    assert "paragraphs 1 and 3 of Part 1 of Schedule 12A" in text


@pytest.mark.parametrize(
    ("at", "text"),
    [(dt.time(10, 30), "10.30 am"), (dt.time(14, 5), "2.05 pm"), (dt.time(0, 15), "12.15 am"),
     (dt.time(12, 0), "12.00 noon"), (dt.time(12, 40), "12.40 pm")],
)  # fmt: skip
def test_times_are_written_as_councils_write_them(at: dt.time, text: str) -> None:
    assert clock(at) == text  # in the heading and in sentences alike


def test_emphasis_runs_bold_only_the_keywords() -> None:
    runs = emphasis_runs("EIGHT Members voted IN FAVOUR of this recommendation.")
    assert runs == (
        ("EIGHT Members voted ", False),
        ("IN FAVOUR", True),
        (" of this recommendation.", False),
    )

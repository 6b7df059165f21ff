"""The result under the vote: "3.1: Carried …", never "i.): Carried …"."""

from __future__ import annotations

import pytest

from clerkdesk.ui.rows import outcome_label


@pytest.mark.parametrize(
    ("label", "shown"),
    [("3.1", "3.1:"), ("i.)", "i.)"), ("(a)", "(a)"), ("2.", "2."), ("", "")],
)
def test_a_label_is_followed_by_one_colon_at_most(label: str, shown: str) -> None:
    assert outcome_label(label) == shown

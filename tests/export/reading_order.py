"""What a person reads, in order, from a minutes view: the order every
format's reading order is checked against."""

from __future__ import annotations

import re

from clerkdesk.export.view_model import BlockKind, MinutesView


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_reading_order(view: MinutesView) -> list[str]:
    expected = [view.organisation.upper(), view.committee.upper(), view.status_line]
    expected += ["ATTENDANCE"]
    for group in view.attendance:
        expected += [group.heading, group.text]
    expected += [*view.attendance_notes, view.introduction, view.interests_statement]
    for item in view.items:
        expected.append(item.heading if not item.number else item.number)
        if item.number:
            expected.append(item.heading.split(". ", 1)[-1])
        for block in item.blocks:
            prefix = "Action: " if block.kind is BlockKind.ACTION else ""
            expected.append(block.number + prefix + block.text)
            if block.action:
                expected.append(block.action)
    return [*expected, *view.corrections, view.signature_label, "DATE"]


def first_out_of_order(read: str, view: MinutesView) -> str | None:
    """The first text of the minutes not found in ``read`` after the one before."""
    read, at = squash(read), 0
    for text in expected_reading_order(view):
        found = read.find(squash(text), at)
        if found < 0:
            return text
        at = found + len(squash(text))
    return None

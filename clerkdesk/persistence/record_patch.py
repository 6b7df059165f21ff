"""An action's own row writes applied to the meeting record kept in memory.

After marking a member present, the rules are checked against the whole
record again; reading the attendance back from the file for that cost more
than the rest of the action. The row the action has just written is known
exactly (RowWriter read it in the same transaction), so the kept record is
changed to match, one row at a time, and its change counter moved on by the
one step the table's trigger took. Anything a patch here cannot reproduce
exactly (an insert into the middle of a list, a row of another meeting, a
column that moves a row between sections) returns None, and the section is
read from the file as before. The test suite checks every kept record
against a full read (CLERKDESK_VERIFY_RECORDS), so a patch that drifted from
the file would fail every test that touches it.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from clerkdesk.domain.model import Decision, MinuteParagraph
from clerkdesk.persistence.records import (
    Fields,
    attendee_from_row,
    decision_from_row,
    paragraph_from_row,
    vote_option,
)

Row = dict[str, Any]
Patch = Callable[[sqlite3.Cursor, Fields, str, Row | None, Row | None], Fields | None]

# Columns that decide which rows a section holds, or in what order, or that the
# people section shows (an officer's title): a change to one of them is left to
# a section read.
_ATTENDEE_PLACE = ("meeting_id", "person_id", "substitute_for_id", "position", "title")
# A decision's columns that say which meeting and motion it belongs to.
_DECISION_PLACE = ("id", "meeting_id", "recommendation_id", "amendment_id")
_NAMED = "SELECT person_id, option FROM named_vote WHERE decision_id = ? ORDER BY position, id"


def patch_fields(
    cursor: sqlite3.Cursor,
    fields: Fields,
    table: str,
    op: str,
    before: Row | None,
    after: Row | None,
) -> Fields | None:
    """``fields`` with one row change applied, or None if it must be read instead."""
    patch = _PATCHES.get(table)
    return None if patch is None else patch(cursor, fields, op, before, after)


def _attendee(
    _cursor: sqlite3.Cursor, fields: Fields, op: str, before: Row | None, after: Row | None
) -> Fields | None:
    if op != "update" or before is None or after is None:
        return None
    if before["meeting_id"] != fields["meeting_id"]:
        return None
    if any(before[column] != after[column] for column in _ATTENDEE_PLACE):
        return None
    attendees = fields["attendees"]
    for index, attendee in enumerate(attendees):
        if attendee.person_id == before["person_id"]:
            changed = (*attendees[:index], attendee_from_row(after), *attendees[index + 1 :])
            return {**fields, "attendees": changed}
    return None


def _paragraph_order(paragraph: MinuteParagraph) -> tuple[int, int, int]:
    # The order of the section's query: ORDER BY item_id, position, id.
    return (paragraph.item_id, paragraph.position, paragraph.id)


def _paragraph(
    _cursor: sqlite3.Cursor, fields: Fields, op: str, before: Row | None, after: Row | None
) -> Fields | None:
    items = {item.id for item in fields["items"]}
    paragraphs = list(fields["paragraphs"])
    # Found and placed by bisection, not a scan or a sort: a long meeting has
    # hundreds of paragraphs, and a minute is the commonest action.
    if before is not None:
        if before["item_id"] not in items:
            return None
        wanted = (before["item_id"], before["position"], before["id"])
        index = bisect.bisect_left(paragraphs, wanted, key=_paragraph_order)
        if index == len(paragraphs) or paragraphs[index].id != before["id"]:
            return None  # not where the file's order puts it: read the section instead
        del paragraphs[index]
    if after is not None:
        if after["item_id"] not in items:
            return None
        bisect.insort(paragraphs, paragraph_from_row(after), key=_paragraph_order)
    return {**fields, "paragraphs": tuple(paragraphs)}


def _decision(
    _cursor: sqlite3.Cursor, fields: Fields, op: str, before: Row | None, after: Row | None
) -> Fields | None:
    decisions: tuple[Decision, ...] = fields["decisions"]
    if op == "insert" and after is not None:
        if after["meeting_id"] != fields["meeting_id"]:
            return None
        added = (*decisions, decision_from_row(after, ()))
        return {**fields, "decisions": tuple(sorted(added, key=lambda d: d.id))}
    if op == "update" and before is not None and after is not None:
        if before["meeting_id"] != fields["meeting_id"] or any(
            before[column] != after[column] for column in _DECISION_PLACE
        ):
            return None
        for index, decision in enumerate(decisions):
            if decision.id == before["id"]:
                changed = decision_from_row(after, decision.named)
                return {
                    **fields,
                    "decisions": (*decisions[:index], changed, *decisions[index + 1 :]),
                }
        return None
    if op == "delete" and before is not None:
        kept = tuple(d for d in decisions if d.id != before["id"])
        if len(kept) != len(decisions) - 1:
            return None
        removed = next(d for d in decisions if d.id == before["id"])
        # Its named votes went first; any left would have gone by cascade,
        # uncounted here, so that case is read instead.
        return {**fields, "decisions": kept} if not removed.named else None
    return None


def _named_vote(
    cursor: sqlite3.Cursor, fields: Fields, op: str, before: Row | None, after: Row | None
) -> Fields | None:
    if op == "update":
        return None
    row = after if after is not None else before
    assert row is not None
    decisions: tuple[Decision, ...] = fields["decisions"]
    for index, decision in enumerate(decisions):
        if decision.id == row["decision_id"]:
            # The decision's votes read again in the section's order: the
            # position of the new vote among the others is not in the record.
            named = tuple(
                (person_id, vote_option(option))
                for person_id, option in cursor.execute(_NAMED, (decision.id,)).fetchall()
            )
            changed = replace(decision, named=named)
            return {**fields, "decisions": (*decisions[:index], changed, *decisions[index + 1 :])}
    return None


_PATCHES: dict[str, Patch] = {
    "attendee": _attendee,
    "minute_paragraph": _paragraph,
    "decision": _decision,
    "named_vote": _named_vote,
}

"""What a correction after approval changed, read from the rows it kept.

A correction keeps the rows it changed, before and after (``rows_changed``,
written by the unit of work). From them the minutes say which item it changed
and what changed, as the record must: "a correction is made by a new, dated and
attributed record". Pure functions; the record's ids are the database's, so a
record loaded from a dump (new ids) may not find the item: such a correction is
then minuted with the others at the end.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from clerkdesk.domain.model import Correction, MeetingRecord

# The columns a clerk's change is about, as the minutes name them.
_WHAT = {
    "text": "the wording",
    "title": "the title",
    "owner": "the officer responsible",
    "label": "the label",
    "outcome": "the outcome",
    "yes": "the votes in favour",
    "no": "the votes against",
    "abstain": "the abstentions",
    "nature": "the nature of the interest",
    "venue": "the venue",
    "start_time": "the start time",
    "date": "the date",
    "chair_style": "the chair's title",
    "resulting_text": "the recommendation as amended",
    "public_summary": "the public summary",
    "points": "the sub-points",
    "body_kind": "the kind of body",
    "member_order": "the order members are listed in",
    "closed_at": "the closing time",
    "clerk_name": "the clerk",
    "proper_officer": "the proper officer",
    "proper_officer_title": "the proper officer's title",
}
# The rows a correction adds or removes, as the minutes name them.
_ROWS = {
    "minute_paragraph": "a minute paragraph",
    "action": "an action",
    "declaration": "a declaration of interest",
    "decision": "a decision",
    "amendment": "an amendment",
    "recommendation": "a recommendation",
}


@dataclass(frozen=True, slots=True)
class CorrectionAccount:
    """A correction as the minutes tell it."""

    correction: Correction
    item_id: int | None  # the item it changed; None for the meeting as a whole
    changes: tuple[str, ...]  # 'the wording read "A"; it now reads "B"'


def _rows(correction: Correction) -> list[dict[str, Any]]:
    try:
        rows = json.loads(correction.rows_changed)
    except ValueError:
        return []
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def _item_of_rec(record: MeetingRecord, rec_id: object) -> int | None:
    found = [r.item_id for r in record.recommendations if r.id == rec_id]
    return found[0] if found else None


def _item_of_change(record: MeetingRecord, change: dict[str, Any]) -> int | None:
    """The item a changed row belongs to: by the row's own id in the record (an
    update keeps only the columns it changed), else by the columns it kept."""
    table, pk = change.get("table"), change.get("pk")
    row = {**(change.get("before") or {}), **(change.get("after") or {})}
    if table == "agenda_item":
        return pk if any(i.id == pk for i in record.items) else None
    by_id: dict[str, tuple[Any, ...]] = {
        "minute_paragraph": record.paragraphs,
        "action": record.actions,
        "declaration": record.declarations,
        "recommendation": record.recommendations,
    }
    if table in by_id:
        item_ids = [r.item_id for r in by_id[table] if r.id == pk]
        item_id = item_ids[0] if item_ids else row.get("item_id")
        return item_id if any(i.id == item_id for i in record.items) else None
    if table == "decision":
        decisions = [d for d in record.decisions if d.id == pk]
        rec_id = decisions[0].recommendation_id if decisions else row.get("recommendation_id")
        amendment_id = decisions[0].amendment_id if decisions else row.get("amendment_id")
        if rec_id is None and amendment_id is not None:
            found = [a.recommendation_id for a in record.amendments if a.id == amendment_id]
            rec_id = found[0] if found else None
        return _item_of_rec(record, rec_id)
    if table == "amendment":
        found = [a.recommendation_id for a in record.amendments if a.id == pk]
        return _item_of_rec(record, found[0] if found else row.get("recommendation_id"))
    return None


_STORED_TIME = re.compile(r"^(\d{2}:\d{2})(:\d{2}(\.\d+)?)?$")


def _quoted(value: object) -> str:
    """A stored value as the minutes quote it: text in quotes, a time as 12:45."""
    if value is None or value == "":
        return "nothing"
    if isinstance(value, str):
        time = _STORED_TIME.match(value)
        return time.group(1) if time else f"“{value}”"
    return str(value)


def _described(change: dict[str, Any]) -> list[str]:
    table, op = change.get("table", ""), change.get("op", "")
    before, after = change.get("before") or {}, change.get("after") or {}
    if op in ("insert", "delete"):
        if table not in _ROWS:
            return []
        verb = "removed" if op == "delete" else "recorded" if table == "decision" else "added"
        what, text = f"{_ROWS[table]} was {verb}", (before if op == "delete" else after).get("text")
        return [f"{what}: {_quoted(text)}" if text else what]
    said = []
    for column, what in _WHAT.items():
        if column in after and before.get(column) != after.get(column):
            said.append(
                f"{what} read {_quoted(before.get(column))}; it now reads {_quoted(after[column])}"
            )
    return said


def account_of(record: MeetingRecord, correction: Correction) -> CorrectionAccount:
    rows = _rows(correction)
    items = {_item_of_change(record, r) for r in rows}
    items.discard(None)
    item_id = items.pop() if len(items) == 1 else None
    changes = tuple(line for r in rows for line in _described(r))
    return CorrectionAccount(correction, item_id, changes)

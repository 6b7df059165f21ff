"""The minutes follow the changes made to the agenda on the day."""

from __future__ import annotations

import dataclasses

from clerkdesk.domain.model import Disposal, MeetingRecord
from clerkdesk.export.view import build_minutes_view
from clerkdesk.export.view_model import BlockKind

from .factories import herts_2018_01_10

REASON = "The grant must be accepted before the next meeting."


def _changed() -> MeetingRecord:
    record = herts_2018_01_10()
    by_number = {i.number: i for i in record.items}
    # Item 6 taken first, item 2 withdrawn, an urgent item 6A added at the end.
    urgent = dataclasses.replace(
        by_number["6"], id=999, number="6A", title="Winter grant", urgency_reason=REASON
    )
    moved = dataclasses.replace(by_number["6"], position=-1, taken_out_of_order=True)
    withdrawn = dataclasses.replace(by_number["2"], disposal=Disposal.WITHDRAWN)
    others = [i for i in record.items if i.number not in ("2", "6")]
    return dataclasses.replace(
        record, items=(*others, moved, withdrawn, dataclasses.replace(urgent, position=99))
    )


def test_order_taken_urgency_and_withdrawal_are_minuted() -> None:
    record = _changed()
    view = build_minutes_view(record, confidential=False)
    numbers = [i.number for i in view.items if not i.banner]
    assert numbers == ["6", "1", "2", "3", "6A"]
    notes = {i.number: [b.text for b in i.blocks if b.kind is BlockKind.NOTE] for i in view.items}
    assert notes["6"] == ["This item was taken out of the agenda's order, before item 1."]
    assert notes["2"] == ["This item was WITHDRAWN."]
    assert notes["6A"] == [
        "The Chairman agreed to consider this item, which was not on the published agenda, "
        "as a matter of urgency under section 100B(4)(b) of the Local Government Act 1972, "
        "because the grant must be accepted before the next meeting."
    ]


def test_a_withdrawn_item_shows_no_recommendations() -> None:
    record = herts_2018_01_10()
    item3 = next(i for i in record.items if i.number == "3")
    withdrawn = dataclasses.replace(item3, disposal=Disposal.WITHDRAWN)
    record = dataclasses.replace(
        record,
        items=tuple(withdrawn if i is item3 else i for i in record.items),
        decisions=(),
    )
    view = build_minutes_view(record, confidential=False)
    (shown,) = [i for i in view.items if i.number == "3"]
    kinds = {b.kind for b in shown.blocks}
    assert BlockKind.RECOMMENDATION not in kinds and BlockKind.OUTCOME not in kinds
    assert "This item was WITHDRAWN." in [b.text for b in shown.blocks]

"""The meeting of 10 January 2018 with what real minutes carry besides.

``house_style_meeting()`` is :func:`.factories.herts_2018_01_10` as its real
minutes set it out: the third recommendation's sub-points as a list, the
officers' actions beside the paragraph they arose from, a member who left
after the fourth vote of item 3 (so the fifth counts one fewer), a
correction made after approval, the time the meeting closed and the proper
officer's line (the sample's own). The report's recommendations carry the
report's labels ("3.1" to "3.5"), which a minute paragraph number must never
be mistaken for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from clerkdesk.domain.model import (
    Action,
    Attendee,
    Correction,
    MeetingRecord,
    MeetingStatus,
    MinuteParagraph,
    Tally,
)

from .factories import herts_2018_01_10

FLEXI_POINTS = (
    "For people in the 'low needs' band to three hours per week",
    "For people in the 'medium needs' band to 8.5 hours per week",
    "For people in the 'high needs' band to fifteen hours per week",
)
OLD_WORDING = "There were no public petitions."
NEW_WORDING = "No public petitions had been received."


def house_style_meeting(*, approved: bool = True) -> MeetingRecord:
    base = herts_2018_01_10()
    recs = []
    for rec in base.recommendations:
        label = f"3.{rec.position}"  # labelled as a report labels them
        if rec.label == "iii.)":
            text = "To change the charging base for people in flexi-care accommodation:"
            rec = dataclasses.replace(rec, text=text, points=FLEXI_POINTS)
        recs.append(dataclasses.replace(rec, label=label))
    votes = [dataclasses.replace(d, taken_at=dt.time(11, n)) for n, d in enumerate(base.decisions)]
    votes[4] = dataclasses.replace(votes[4], tally=Tally(8, 1, 2))  # taken after N A Quinton left
    quinton = next(p.id for p in base.people if p.name == "N A Quinton")
    attendees = [
        dataclasses.replace(a, departed_at=dt.time(11, 3, 30), departed_during_item=3)
        if a.person_id == quinton
        else a
        for a in base.attendees
    ]
    # Actions beside the paragraphs they belong to (3.5: the paper to a future meeting).
    actions = (
        Action(1, 3, 1, "ACS Officers", base.actions[0].text, paragraph_id=13),
        Action(2, 3, 2, "Iain MacBeath / Helen Maneuf", base.actions[1].text, paragraph_id=15),
    )
    record = dataclasses.replace(
        base,
        recommendations=tuple(recs),
        decisions=tuple(votes),
        attendees=tuple(attendees),
        actions=actions,
        closed_at=dt.time(12, 45),
        clerk_name="Elaine Manzi",
        proper_officer="Kathryn Pettitt",
        proper_officer_title="Chief Legal Officer",
    )
    if not approved:
        return record
    # A correction of item 2's paragraph after approval, as the unit of work keeps it.
    change = [
        {
            "op": "update",
            "table": "minute_paragraph",
            "pk": 2,
            "before": {"text": OLD_WORDING},
            "after": {"text": NEW_WORDING},
        }
    ]
    correction = Correction(
        1,
        dt.datetime(2018, 2, 1, 9, 30),
        "Elaine Manzi",
        "The Chairman asked at approval for the wording to be clearer",
        "Edit minute 2.1",
        json.dumps(change),
    )
    return dataclasses.replace(
        record,
        paragraphs=tuple(_corrected(record)),
        status=MeetingStatus.APPROVED,
        approved_at=dt.datetime(2018, 1, 30, 10, 45),
        approved_by="C B Wyatt-Lowe",
        corrections=(correction,),
    )


def _corrected(record: MeetingRecord) -> list[MinuteParagraph]:
    return [
        dataclasses.replace(p, text=NEW_WORDING) if p.text == OLD_WORDING else p
        for p in record.paragraphs
    ]


def substitute_of(record: MeetingRecord) -> Attendee:
    return next(a for a in record.attendees if a.substitute_for is not None)

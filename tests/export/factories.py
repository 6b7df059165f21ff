"""Meeting records for the export tests, built directly (no database).

``herts_2018_01_10()`` is the Adult Care & Health Cabinet Panel meeting of
10 January 2018 as its real minutes (in the sample agenda pack) describe it.
``rich_meeting()`` (in :mod:`.factories_rich`) exercises everything else.
"""

from __future__ import annotations

import datetime as dt

from clerkdesk.domain.interests import DEFAULT_INTEREST_KINDS
from clerkdesk.domain.model import (
    Action,
    AgendaItem,
    AttendanceStatus,
    Attendee,
    Capacity,
    Decision,
    MeetingRecord,
    MeetingStatus,
    MinuteParagraph,
    Outcome,
    Person,
    PersonKind,
    Recommendation,
    Role,
    Tally,
)

from .factories_rich import PART_II_MARKERS, rich_meeting  # the other meeting, in its own file

HERTS_MEMBERS = (
    "E M Gordon", "S Gordon", "F Guest", "K M Hastrick", "T Howard", "D J Hewitt",
    "F R G Hill", "J S Kaye", "N A Quinton", "R H Smith", "R G Tindall", "C B Wyatt-Lowe",
)  # fmt: skip

HERTS_RECOMMENDATIONS = (
    (
        "i.)",
        "To include the Higher Rate of Attendance Allowance and Disability Living Allowance "
        "ONLY where people receive care to meet night time needs, when determining how much "
        "they can afford to pay towards their cost of care;",
        Tally(8, 4, 0),
    ),
    (
        "ii.)",
        "For people receiving 'double-handed care', to charge based on the cost of both care "
        "workers providing the service, rather than only one as at present – to their maximum "
        "assessed contribution;",
        Tally(8, 4, 0),
    ),
    (
        "iii.)",
        "To change the charging base for people in flexi-care accommodation:\n"
        "- For people in the 'low needs' band to three hours per week\n"
        "- For people in the 'medium needs' band to 8.5 hours per week\n"
        "- For people in the 'high needs' band to fifteen hours per week",
        Tally(12, 0, 0),
    ),
    (
        "iv.)",
        "To charge a weekly fee of £3.25 for users of telecare services provided by Serco who "
        "do not receive any other social care services;",
        Tally(11, 0, 1),
    ),
    (
        "v.)",
        "To charge £2 per journey or £4 per day for transportation to and from day care;",
        Tally(8, 1, 3),
    ),
)

HERTS_ITEM3_PARAGRAPHS = (
    "Members received a report detailing the outcomes of the public consultation by Adult "
    "Care Services on social care charging arrangements for community based social care, "
    "which had concluded on 31 December 2017. Members were asked to consider the consequent "
    "outlined recommendations for implementation to be agreed by Cabinet.",
    "The panel noted that in total, the consultation survey had been shared with 9,632 "
    "service users and carers and had been returned by 2,187 service users and carers, which "
    "equated to 22.7% of the total amount of service users and carers consulted.",
    "Members discussed the five proposals outlined within the report. It was highlighted that "
    "this change would mean a reduction of income forecast in the original proposal from "
    "£2.8m to £310k per annum.",
    "Members were advised that officers had not considered any changes to the other four "
    "proposals outlined in the report.",
    "Further to Member discussion it was agreed to consider a paper being presented to a "
    "future meeting of the Adult Care & Health Cabinet Panel detailing the impact of the "
    "changes implemented through the proposed social care charging and the level of success "
    "in encouraging service users to apply for AA or DLA.",
    "Members voted on each of the recommendations to Cabinet as outlined in the report as "
    "follows: the following changes to the council's policy charges for non-residential "
    "(community based) adult social care services be made, to take effect from 15 April 2018:",
)


def herts_2018_01_10() -> MeetingRecord:
    people = [Person(i, name) for i, name in enumerate(HERTS_MEMBERS, start=1)]
    buckmaster = Person(13, "E H Buckmaster")
    people.append(buckmaster)
    people.append(Person(20, "Elaine Manzi", PersonKind.OFFICER, "Democratic Services Officer"))
    people.append(
        Person(21, "Helen Maneuf", PersonKind.OFFICER, "Assistant Director Planning & Resources")
    )
    roles = {"C B Wyatt-Lowe": Role.CHAIR, "F R G Hill": Role.VICE_CHAIR}
    attendees: list[Attendee] = []
    for person in people[:12]:
        if person.name == "R H Smith":
            attendees.append(Attendee(person.id, Capacity.SUBSTITUTE, substitute_for=buckmaster.id))
        else:
            attendees.append(
                Attendee(person.id, Capacity.MEMBER, role=roles.get(person.name, Role.MEMBER))
            )
    attendees.append(Attendee(13, Capacity.MEMBER, status=AttendanceStatus.APOLOGIES))
    attendees += [
        Attendee(20, Capacity.OFFICER, voting=False),
        Attendee(21, Capacity.OFFICER, voting=False),
    ]
    items = (
        AgendaItem(1, "1", "Minutes", 1),
        AgendaItem(2, "2", "Public Petitions", 2),
        AgendaItem(
            3,
            "3",
            "Changes to Charging Arrangements for Community Based Adult Social Care",
            3,
            contact_officer="Helen Maneuf, Assistant Director Planning & Resources "
            "(Tel: 01438 845502)",
        ),
        AgendaItem(6, "6", "Other Part I Business", 6),
    )
    paragraphs = [
        MinuteParagraph(
            1,
            1,
            1,
            "The Minutes of the Cabinet Panel meeting held on 14 November 2017 were confirmed "
            "as a correct record and signed by the Chairman.",
        ),
        MinuteParagraph(2, 2, 1, "There were no public petitions."),
        MinuteParagraph(3, 6, 1, "There was no other Part I business."),
    ]
    paragraphs += [
        MinuteParagraph(10 + n, 3, n, text)
        for n, text in enumerate(HERTS_ITEM3_PARAGRAPHS, start=1)
    ]
    recs = tuple(
        Recommendation(30 + n, 3, text, n, label)
        for n, (label, text, _) in enumerate(HERTS_RECOMMENDATIONS, start=1)
    )
    decisions = tuple(
        Decision(
            40 + n,
            Outcome.CARRIED if tally.yes > tally.no else Outcome.LOST,
            recommendation_id=30 + n,
            tally=tally,
        )
        for n, (_, _, tally) in enumerate(HERTS_RECOMMENDATIONS, start=1)
    )
    actions = (
        Action(
            1,
            3,
            1,
            "ACS Officers",
            "Monitor closely the impact of the charges on service users and carers.",
        ),
        Action(
            2,
            3,
            2,
            "Iain MacBeath / Helen Maneuf",
            "Bring a paper on the impact of the charges to a future meeting of the Panel.",
        ),
    )
    return MeetingRecord(
        meeting_id=1,
        organisation="Hertfordshire County Council",
        committee="Adult Care & Health Cabinet Panel",
        quorum=3,
        date=dt.date(2018, 1, 10),
        start_time=dt.time(10, 30),
        venue="Committee Room B, County Hall, Hertford",
        status=MeetingStatus.CLOSED,
        people=tuple(people),
        attendees=tuple(attendees),
        interest_kinds=DEFAULT_INTEREST_KINDS,
        items=items,
        recommendations=recs,
        decisions=decisions,
        paragraphs=tuple(paragraphs),
        actions=actions,
    )


__all__ = ["HERTS_MEMBERS", "PART_II_MARKERS", "herts_2018_01_10", "rich_meeting"]

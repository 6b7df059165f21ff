"""Meeting records for the export tests, built directly (no database).

``herts_2018_01_10()`` is the Adult Care & Health Cabinet Panel meeting of
10 January 2018 as its real minutes (in the sample agenda pack) describe it.
``rich_meeting()`` exercises everything else: Part II, every kind of
interest, a named vote, an amendment, a tie settled by casting vote, late
arrival and early departure.
"""

from __future__ import annotations

import datetime as dt

from clerkdesk.domain.interests import DEFAULT_INTEREST_KINDS
from clerkdesk.domain.model import (
    Action,
    AgendaItem,
    Amendment,
    AttendanceStatus,
    Attendee,
    Capacity,
    Decision,
    Declaration,
    MeetingRecord,
    MeetingStatus,
    MinuteParagraph,
    Outcome,
    Person,
    PersonKind,
    Recommendation,
    Role,
    Tally,
    VoteOption,
)

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


# Strings that appear only in the Part II item of ``rich_meeting``: none may
# reach the public minutes, all must reach the confidential ones.
PART_II_MARKERS = (
    "ZQX-REPORT-TITLE",
    "ZQX-AUTHOR",
    "ZQX-CONTACT",
    "ZQX-PARA-ONE",
    "ZQX-PARA-TWO",
    "ZQX-REC",
    "ZQX-AMEND",
    "ZQX-RESULT",
    "ZQX-DECL",
    "ZQX-ACTION",
    "ZQX-OWNER",
)

RICH_PEOPLE = (
    Person(1, "Ann Archer"),
    Person(2, "Brian Aldridge"),
    Person(3, "Clarrie Grundy"),
    Person(4, "David Archer"),
    Person(5, "Elizabeth Pargetter"),
    Person(6, "Fallon Rogers"),
    Person(7, "Jazzer McCreary"),
    Person(8, "Kenton Archer"),
    Person(9, "Lynda Snell"),
    Person(11, "Pip Archer"),
    Person(20, "Usha Franks", PersonKind.OFFICER, "Head of Legal Services"),
    Person(21, "Tom Forrest", PersonKind.OFFICER, "Democratic Services Officer"),
)


def _rich_attendees() -> tuple[Attendee, ...]:
    member = Capacity.MEMBER
    return (
        Attendee(1, member, Role.CHAIR),
        Attendee(2, member, Role.VICE_CHAIR),
        Attendee(3, member),
        Attendee(4, member, departed_at=dt.time(15, 5), departed_during_item=4),
        Attendee(5, member, departed_at=dt.time(15, 40), departed_during_item=5),
        Attendee(6, member, arrived_at=dt.time(14, 20), arrived_during_item=3),
        Attendee(7, Capacity.SUBSTITUTE, substitute_for=8),
        Attendee(8, member, status=AttendanceStatus.APOLOGIES),
        Attendee(9, member, status=AttendanceStatus.ABSENT),
        Attendee(11, Capacity.OTHER_MEMBER, voting=False),
        Attendee(20, Capacity.OFFICER, voting=False),
        Attendee(21, Capacity.OFFICER, voting=False),
    )


def _rich_items() -> tuple[AgendaItem, ...]:
    return (
        AgendaItem(1, "1", "Apologies and Substitutions", 1),
        AgendaItem(2, "2", "Minutes", 2),
        AgendaItem(
            3,
            "3",
            "Village Hall Grant",
            3,
            report_title="Community Grants 2024/25",
            report_author="Director of Communities",
            contact_officer="Tom Forrest, Democratic Services Officer",
        ),
        AgendaItem(4, "4", "Revenue Budget 2024/25", 4),
        AgendaItem(
            5,
            "5",
            "Disposal of Land at Grange Farm",
            5,
            part=2,
            exempt_paragraph=3,
            report_title="ZQX-REPORT-TITLE valuation of the farm",
            report_author="ZQX-AUTHOR Head of Estates",
            contact_officer="ZQX-CONTACT valuer",
            public_summary="The Committee considered a report on the disposal of council "
            "land and agreed how to proceed.",
        ),
    )


def rich_meeting() -> MeetingRecord:
    at_3, at_4, at_5 = dt.time(14, 30), dt.time(15, 0), dt.time(15, 30)
    yes, no, abstain = VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN
    named = ((1, yes), (2, yes), (4, no), (5, abstain), (6, yes), (7, yes))
    return MeetingRecord(
        meeting_id=2,
        organisation="Borsetshire County Council",
        committee="Resources Committee",
        quorum=3,
        date=dt.date(2024, 3, 14),
        start_time=dt.time(14, 0),
        venue="Council Chamber, Shire Hall, Borchester",
        status=MeetingStatus.CLOSED,
        people=RICH_PEOPLE,
        attendees=_rich_attendees(),
        interest_kinds=DEFAULT_INTEREST_KINDS,
        items=_rich_items(),
        recommendations=(
            Recommendation(
                31, 3, "That a grant of £5,000 be made to Ambridge Village Hall.", 1, "(a)"
            ),
            Recommendation(32, 3, "That the grant be reviewed in twelve months.", 2, "(b)"),
            Recommendation(41, 4, "That the revenue budget be approved at £1.2m.", 1, "(a)"),
            Recommendation(51, 5, "ZQX-REC that the land be sold to the bidder.", 1, "(a)"),
        ),
        amendments=(
            Amendment(
                61,
                41,
                7,
                4,
                "Replace “£1.2m” with “£1.25m”.",
                1,
                resulting_text="That the revenue budget be approved at £1.25m.",
            ),
            Amendment(
                62,
                51,
                2,
                1,
                "ZQX-AMEND add a clawback clause.",
                1,
                resulting_text="ZQX-RESULT that the land be sold with a clawback.",
            ),
        ),
        declarations=(
            Declaration(1, 3, 3, "dpi", "Owns land next to the village hall", left_room=True),
            Declaration(2, 3, 2, "nri-affects", "Sits on the village hall committee"),
            Declaration(3, 3, 4, "ori-affects", "Trustee of Ambridge Cricket Club"),
            Declaration(4, 4, 2, "ori-direct", "Director of Borchester Land", dispensation=True),
            Declaration(5, 4, 5, "nri-direct", "Her daughter works for the contractor"),
            Declaration(6, 4, 7, "declarable", "Member of Ambridge Parish Council"),
            Declaration(7, 4, 6, "dpi", "", sensitive=True, left_room=True),
            Declaration(8, 5, 3, "ori-affects", "ZQX-DECL neighbour of the farm"),
        ),
        decisions=(
            Decision(71, Outcome.CARRIED, 31, tally=Tally(5, 1, 0), taken_at=at_3),
            Decision(
                72, Outcome.CARRIED, 32, tally=Tally.from_named(named), named=named, taken_at=at_3
            ),
            Decision(73, Outcome.CARRIED, amendment_id=61, tally=Tally(3, 2, 0), taken_at=at_4),
            Decision(
                74,
                Outcome.CARRIED,
                41,
                tally=Tally(2, 2, 1),
                casting_vote=yes,
                casting_voter_id=1,
                taken_at=at_4,
            ),
            Decision(75, Outcome.CARRIED, amendment_id=62, tally=Tally(4, 2, 0), taken_at=at_5),
            Decision(76, Outcome.CARRIED, 51, tally=Tally(6, 0, 0), taken_at=at_5),
        ),
        paragraphs=(
            MinuteParagraph(1, 1, 1, "Apologies were received from Kenton Archer."),
            MinuteParagraph(2, 2, 1, "The minutes of the last meeting were agreed."),
            MinuteParagraph(3, 3, 1, "Members considered the application for a grant."),
            MinuteParagraph(4, 4, 1, "Members debated the budget at length."),
            MinuteParagraph(5, 5, 1, "ZQX-PARA-ONE The valuation was £2.1m."),
            MinuteParagraph(6, 5, 2, "ZQX-PARA-TWO Two bids were received."),
        ),
        actions=(
            Action(1, 3, 1, "Tom Forrest", "Write to the village hall with the decision."),
            Action(2, 5, 1, "ZQX-OWNER Estates", "ZQX-ACTION complete the sale."),
        ),
    )

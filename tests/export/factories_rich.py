"""``rich_meeting()``: everything the Hertfordshire meeting does not exercise.

Part II, every kind of interest, a named vote, an amendment, a tie settled by
casting vote, late arrival and early departure.
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

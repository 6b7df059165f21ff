"""A fourth held-out batch, each paper laid out by hand in a style the others do not use.

The truth (what a clerk reads off the paper) is written beside the paper's own
blocks, before the parser is run on it: honours and titles around names ("Cllr
Mrs J Smith MBE JP"), members in a Word table by party, a PDF whose two columns
of members come out on one line, portfolio holders, co-opted independent
persons, the time and quorum in words, "Item 5a" and "24/117" numbers,
"RECOMMENDATION(S)", lettered points under "The Cabinet is asked to:", and Part
II stated as "Not for publication by virtue of paragraph 3 ...".
"""

from __future__ import annotations

from tests.samples.councils.blocks import Blank, Block, Para, Table
from tests.samples.councils.truth import Agenda, Item, Member, Rec, Report

M, It, R, P = Member, Item, Rec, Para

NOT_FOR_PUBLICATION = (
    "Not for publication by virtue of paragraph {p} of Part 1 of Schedule 12A to the "
    "Local Government Act 1972."
)


def lines(*texts: str) -> list[Block]:
    """Plain paragraphs, an empty string standing for a blank line."""
    return [Blank() if not t else P(t) for t in texts]


AGENDAS: list[Agenda] = [
    Agenda(
        key="heldout4-town-summons-words-txt",
        kind="town",
        organisation="Penmorton Town Council",
        committee="Penmorton Town Council",
        date="2026-04-14",
        time="19:00",
        venue="Council Chamber, The Guildhall, Market Place, Penmorton",
        quorum=3,
        held_out=True,
        members=(
            M("J Smith", "chair"),
            M("A. Patel", "vice-chair"),
            M("R Owens"),
            M("K. Lee"),
            M("T Brennan"),
            M("P Holt"),
        ),
        items=(
            It("24/117", "Apologies for absence"),
            It("24/118", "Declarations of interest"),
            It("24/119", "Minutes of the meeting held on 10 March 2026"),
            It(
                "24/120",
                "Grants to local organisations",
                recs=(
                    R("(a)", "award grants totalling £2,400 as set out in the schedule"),
                    R("(b)", "review the grants policy in September 2026"),
                ),
            ),
            It("24/121", "Exclusion of the press and public"),
            It("24/122", "Staffing Committee: recommendations on the Clerk's hours", part=2),
        ),
        options={
            "blocks": [
                P("PENMORTON TOWN COUNCIL", bold=True),
                P("The Guildhall, Market Place, Penmorton PN4 2AB"),
                Blank(),
                *lines(
                    "To the Members of the Town Council:",
                    "Cllr Mrs J Smith MBE JP (Town Mayor); Cllr Dr A. Patel (Deputy Town Mayor);",
                    "Cllr R Owens; Cllr Ms K. Lee; Cllr T Brennan OBE; Cllr Revd P Holt",
                    "",
                    "You are hereby summoned to attend a meeting of Penmorton Town Council to be "
                    "held in the Council Chamber, The Guildhall, Market Place, Penmorton on "
                    "Tuesday the 14th day of April 2026 at seven o'clock in the evening for the "
                    "purpose of transacting the business set out below.",
                    "",
                    "The quorum of the Council is three members.",
                    "",
                    "Gwen Tarrant, Town Clerk, 7 April 2026",
                    "",
                    "AGENDA",
                    "",
                    "24/117 Apologies for absence",
                    "To receive and approve apologies for absence.",
                    "24/118 Declarations of interest",
                    "24/119 Minutes of the meeting held on 10 March 2026",
                    "To approve the minutes as a correct record.",
                    "24/120 Grants to local organisations",
                    "The Council is asked to:",
                    "(a) award grants totalling £2,400 as set out in the schedule",
                    "(b) review the grants policy in September 2026",
                    "24/121 Exclusion of the press and public",
                    "To resolve that the public and press be excluded for the following item "
                    "under section 1(2) of the Public Bodies (Admission to Meetings) Act 1960, "
                    "as it concerns staffing matters.",
                    "24/122 Staffing Committee: recommendations on the Clerk's hours",
                ),
            ]
        },
    ),
    Agenda(
        key="heldout4-district-cabinet-portfolios-docx",
        kind="district",
        organisation="Harlby District Council",
        committee="Cabinet",
        date="2026-03-18",
        time="17:30",
        venue="Committee Room 1, Civic Offices, Station Road, Harlby",
        quorum=3,
        held_out=True,
        members=(
            M("Fiona Gray", "chair", role_inferred=True),
            M("Harold Ince", "vice-chair", role_inferred=True),
            M("Joy Kemble"),
            M("Liam Mortimer"),
            M("Nadia Osei"),
        ),
        items=(
            It("1", "Apologies for absence"),
            It("2", "Declarations of interest"),
            It("3", "Minutes"),
            It(
                "4",
                "Revenue Budget 2026/27",
                recs=(
                    R("(a)", "recommend the revenue budget for 2026/27 to Council"),
                    R("(b)", "note the Section 151 Officer's statement on reserves"),
                ),
            ),
            It("5a", "Housing Strategy 2026-2031"),
            It("5b", "Homelessness Prevention Grant"),
            It(
                "6",
                "Acquisition of land at Kettle Lane",
                part=2,
                paragraph=3,
                confirm=True,
            ),
        ),
        options={
            "format": "docx",
            "blocks": [
                P("Harlby District Council", bold=True),
                P("CABINET", bold=True),
                Blank(),
                *lines(
                    "Date: Wednesday, 18 March 2026",
                    "Time: 5.30pm",
                    "Venue: Committee Room 1, Civic Offices, Station Road, Harlby",
                    "",
                ),
                P("Cabinet Members", bold=True),
                *lines(
                    "Cllr Fiona Gray – Leader of the Council and Portfolio Holder for Finance",
                    "Cllr Harold Ince – Deputy Leader and Portfolio Holder for Housing",
                    "Cllr Joy Kemble – Portfolio Holder for Environment and Climate",
                    "Cllr Liam Mortimer – Portfolio Holder for Planning and Growth",
                    "Cllr Nadia Osei – Portfolio Holder for Communities and Leisure",
                    "",
                    "Quorum: 3",
                    "",
                ),
                P("AGENDA", bold=True),
                *lines(
                    "Item 1 Apologies for absence",
                    "Item 2 Declarations of interest",
                    "Item 3 Minutes",
                    "To confirm the minutes of the meeting held on 18 February 2026.",
                    "Item 4 Revenue Budget 2026/27",
                    "Report of the Section 151 Officer",
                    "The Cabinet is asked to:",
                    "(a) recommend the revenue budget for 2026/27 to Council",
                    "(b) note the Section 151 Officer's statement on reserves",
                    "Item 5a Housing Strategy 2026-2031",
                    "Report of the Head of Housing",
                    "Item 5b Homelessness Prevention Grant",
                    "Report of the Head of Housing",
                    "Item 6 Acquisition of land at Kettle Lane",
                    "Report of the Head of Property",
                    NOT_FOR_PUBLICATION.format(p=3),
                ),
            ],
        },
    ),
    Agenda(
        key="heldout4-unitary-docx-party-table",
        kind="unitary",
        organisation="Wrexford Council",
        committee="Strategic Planning Committee",
        date="2026-03-09",
        time="14:00",
        venue="Council Chamber, Wrexford House, Bell Street, Wrexford",
        quorum=5,
        held_out=True,
        members=(
            M("Adrian Brown", "chair"),
            M("Carol Dunn", "vice-chair"),
            M("Eric Faulds"),
            M("Gemma Hale"),
            M("Ian Jessop"),
            M("Kate Lomax"),
            M("Mark Nolan"),
            M("Olive Pratt"),
        ),
        items=(
            It("1", "Apologies for absence and substitutions"),
            It("2", "Declarations of interest"),
            It(
                "3",
                "Application 25/01234/FUL: Land north of Mill Road, Wrexford",
                recs=(R(None, "That planning permission be granted subject to conditions."),),
            ),
            It("4", "Appeals update"),
        ),
        options={
            "format": "docx",
            "blocks": [
                P("WREXFORD COUNCIL", bold=True),
                P("Strategic Planning Committee", bold=True),
                Blank(),
                P("Monday 9 March 2026 at 2.00 pm"),
                P("Council Chamber, Wrexford House, Bell Street, Wrexford"),
                Blank(),
                P("Membership", bold=True),
                Table(
                    [
                        [["Conservative"], ["Labour"], ["Liberal Democrat"]],
                        [
                            ["Cllr Adrian Brown (Chairman)"],
                            ["Cllr Carol Dunn (Vice-Chairman)"],
                            ["Cllr Eric Faulds"],
                        ],
                        [["Cllr Gemma Hale"], ["Cllr Ian Jessop"], ["Cllr Kate Lomax"]],
                        [["Cllr Mark Nolan"], ["Cllr Olive Pratt"], [""]],
                    ]
                ),
                Blank(),
                P("Quorum: 5 members"),
                Blank(),
                P("AGENDA", bold=True),
                *lines(
                    "1. Apologies for absence and substitutions",
                    "2. Declarations of interest",
                    "3. Application 25/01234/FUL: Land north of Mill Road, Wrexford",
                    "Report of the Head of Planning",
                ),
                P("Recommendations:", bold=True),
                *lines(
                    "That planning permission be granted subject to conditions.",
                    "4. Appeals update",
                ),
            ],
        },
    ),
]

AGENDAS += [
    Agenda(
        key="heldout4-county-pdf-interleaved",
        kind="county",
        organisation="Westmere County Council",
        committee="Adults and Health Scrutiny Committee",
        date="2026-02-26",
        time="10:30",
        venue="Kendrew Room, County Hall, Westmere",
        quorum=4,
        held_out=True,
        members=(
            M("Alison Baird", "chair"),
            M("Brian Coles", "vice-chair"),
            M("Deborah Eames"),
            M("Frank Gilchrist"),
            M("Helen Irving"),
            M("James Kerr"),
            M("Lorna Mayhew"),
            M("Neil Oxley"),
        ),
        items=(
            It("1", "Apologies and substitutes"),
            It("2", "Declarations of interest"),
            It(
                "3",
                "Adult Social Care Charging Policy",
                recs=(
                    R("(i)", "comment on the proposed charging policy"),
                    R("(ii)", "agree its comments be sent to the Cabinet Member"),
                ),
            ),
            It("4", "Work programme"),
            It("5", "Care home block contract renewal", part=2, paragraph=3),
        ),
        options={
            "format": "pdf",
            "blocks": [
                P("Westmere County Council", bold=True),
                P("Adults and Health Scrutiny Committee", bold=True),
                Blank(),
                P("Thursday 26 February 2026, 10.30 a.m., Kendrew Room, County Hall, Westmere"),
                Blank(),
                P("Membership:", bold=True),
                Table(
                    [
                        [
                            ["County Councillor Alison Baird (Chair)"],
                            ["County Councillor Brian Coles (Vice-Chair)"],
                        ],
                        [
                            ["County Councillor Deborah Eames"],
                            ["County Councillor Frank Gilchrist"],
                        ],
                        [["County Councillor Helen Irving"], ["County Councillor James Kerr"]],
                        [["County Councillor Lorna Mayhew"], ["County Councillor Neil Oxley"]],
                    ],
                    widths=[8, 8],
                ),
                Blank(),
                P("Quorum: four members of the Committee"),
                Blank(),
                P("Agenda", bold=True),
                *lines(
                    "(1) Apologies and substitutes",
                    "(2) Declarations of interest",
                    "(3) Adult Social Care Charging Policy",
                    "Report of the Executive Director of Adult Services",
                    "The Committee is invited to:",
                    "(i) comment on the proposed charging policy",
                    "(ii) agree its comments be sent to the Cabinet Member",
                    "(4) Work programme",
                    "",
                ),
                P("PART II – NOT FOR PUBLICATION", bold=True),
                *lines("(5) Care home block contract renewal (Paragraph 3)"),
            ],
        },
    ),
    Agenda(
        key="heldout4-fire-coopted-txt",
        kind="fire authority",
        organisation="Marches Fire and Rescue Authority",
        committee="Audit and Standards Committee",
        date="2026-01-22",
        time="14:00",
        venue="Fire and Rescue Headquarters, Hafod Road, Ludbury",
        quorum=4,
        held_out=True,
        members=(
            M("R Ellis", "chair"),
            M("A. Patel", "vice-chair"),
            M("S Morgan"),
            M("T Quigley"),
            M("V Wood"),
            M("D Hughes", co_opted=True, voting=False),
            M("E Frost", co_opted=True, voting=False),
        ),
        items=(
            It("1", "Apologies for absence"),
            It("2", "Declarations of interest"),
            It(
                "3",
                "Internal Audit Progress Report",
                recs=(R(None, "note the progress made against the Internal Audit Plan"),),
            ),
            It(
                "4",
                "Standards complaints: annual summary",
                recs=(R(None, "note the summary of complaints received in 2025"),),
            ),
        ),
        options={
            "blocks": lines(
                "MARCHES FIRE AND RESCUE AUTHORITY",
                "AUDIT AND STANDARDS COMMITTEE",
                "",
                "A meeting of the Audit and Standards Committee will be held at Fire and Rescue "
                "Headquarters, Hafod Road, Ludbury on Thursday 22 January 2026 at 2.00 p.m.",
                "",
                "Membership:",
                "Councillor R Ellis (Chairman)",
                "Councillor Dr A. Patel (Vice-Chairman)",
                "Councillor Mrs S Morgan",
                "Councillor T Quigley CBE",
                "Councillor V Wood",
                "",
                "Independent Persons (co-opted, non-voting):",
                "Mr D Hughes",
                "Mrs E Frost",
                "",
                "Quorum: four voting members",
                "",
                "AGENDA",
                "1. Apologies for absence",
                "2. Declarations of interest",
                "3. Internal Audit Progress Report",
                "Report of the Treasurer",
                "The Committee is requested to:",
                "• note the progress made against the Internal Audit Plan",
                "4. Standards complaints: annual summary",
                "Report of the Monitoring Officer",
                "The Committee is requested to:",
                "• note the summary of complaints received in 2025",
            )
        },
    ),
    Agenda(
        key="heldout4-parish-pdf-half-past",
        kind="parish",
        organisation="Little Ashby Parish Council",
        committee="Little Ashby Parish Council",
        date="2026-05-06",
        time="19:30",
        venue="Little Ashby Village Hall",
        quorum=3,
        held_out=True,
        members=(
            M("Susan Abbott", "chair"),
            M("Derek Lowe", "vice-chair"),
            M("Ann Marsh"),
            M("Peter Quinn"),
            M("Rosa Tate"),
        ),
        items=(
            It("1", "Apologies for absence"),
            It("2", "Declarations of interest"),
            It("3", "Minutes of the meeting held on 1 April 2026"),
            It("4", "Planning"),
            It("4a", "Planning application 26/00311: 4 Church Lane"),
            It("4b", "Planning application 26/00340: Orchard Barn"),
            It("5", "Payments for approval"),
            # A line under the item, with no Part II heading: certain to a clerk, but by the
            # importer's rule (every sign but a heading is confirmed) it is for the clerk to tick.
            It("6", "Clerk's appraisal", part=2, confirm=True),
        ),
        options={
            "format": "pdf",
            "blocks": lines(
                "LITTLE ASHBY PARISH COUNCIL",
                "",
                "Councillors: Susan Abbott (Chairman), Derek Lowe (Vice-Chairman), Ann Marsh,",
                "Peter Quinn and Rosa Tate",
                "",
                "Members of the Council are summoned to attend the Annual Meeting of the "
                "Parish Council at Little Ashby Village Hall on Wednesday 6th May 2026 at "
                "half past seven in the evening.",
                "",
                "Three members form a quorum.",
                "",
                "AGENDA",
                "Item 1 Apologies for absence",
                "Item 2 Declarations of interest",
                "Item 3 Minutes of the meeting held on 1 April 2026",
                "Item 4 Planning",
                "Item 4a Planning application 26/00311: 4 Church Lane",
                "Item 4b Planning application 26/00340: Orchard Barn",
                "Item 5 Payments for approval",
                "Item 6 Clerk's appraisal",
                "The public and press will be excluded under section 1(2) of the Public Bodies "
                "(Admission to Meetings) Act 1960 as this item concerns a staffing matter.",
            ),
        },
    ),
]

AGENDAS += [
    Agenda(
        key="heldout4-london-licensing-reserves-txt",
        kind="London borough",
        organisation="London Borough of Northwick",
        committee="Licensing Sub-Committee",
        date="2026-02-03",
        time="19:00",
        venue="Room 2.04, Northwick Civic Centre, High Road, London N22 7XX",
        quorum=3,
        held_out=True,
        members=(
            M("Ama Owusu", "chair"),
            M("Ben Price"),
            M("Chidi Eze"),
        ),
        substitutes=(M("Dana Fox"), M("Ewan Grant")),
        items=(
            It("1", "Election of Chair"),
            It("2", "Apologies and declarations of interest"),
            It(
                "3",
                "Application for a premises licence: The Larder, 12 Green Lanes, N4",
                recs=(
                    R("1.", "That the Sub-Committee determines the application."),
                    R("2.", "That any conditions be those set out in Appendix 3."),
                ),
            ),
        ),
        options={
            "blocks": lines(
                "London Borough of Northwick",
                "",
                "LICENSING SUB-COMMITTEE",
                "",
                "Tuesday, 3 February 2026 at 7.00 pm",
                "Room 2.04, Northwick Civic Centre, High Road, London N22 7XX",
                "",
                "Members: Councillors Ama Owusu (Chair), Ben Price and Chidi Eze",
                "Reserve Members: Councillors Dana Fox and Ewan Grant",
                "",
                "Quorum: 3",
                "",
                "Item 1 Election of Chair",
                "Item 2 Apologies and declarations of interest",
                "Item 3 Application for a premises licence: The Larder, 12 Green Lanes, N4",
                "Report of the Licensing Team Leader",
                "RECOMMENDATION(S)",
                "1. That the Sub-Committee determines the application.",
                "2. That any conditions be those set out in Appendix 3.",
            )
        },
    ),
    Agenda(
        key="heldout4-combined-authority-docx-facts-across",
        kind="combined authority",
        organisation="Lune Valley Combined Authority",
        committee="Overview and Scrutiny Committee",
        date="2026-03-25",
        time="13:00",
        venue="Meeting Room 3, Lune House, Quay Street, Lancaster",
        quorum=6,
        held_out=True,
        members=(
            M("Gillian Hart", "chair"),
            M("Owen Rees", "vice-chair"),
            M("Priya Shah"),
            M("Quentin Tull"),
            M("Rhona Usher"),
            M("Simon Vail"),
            M("Tessa Ward"),
            M("Umar Yusuf"),
        ),
        items=(
            It("1", "Apologies"),
            It("2", "Declarations of interest"),
            It("3", "Minutes of the last meeting"),
            It(
                "4",
                "Bus Franchising: consultation response",
                recs=(
                    R("a)", "consider the consultation response"),
                    R("b)", "make any recommendations to the Combined Authority Board"),
                ),
            ),
            It("5", "Forward Plan"),
        ),
        options={
            "format": "docx",
            "blocks": [
                P("Lune Valley Combined Authority", bold=True),
                P("Overview and Scrutiny Committee", bold=True),
                Blank(),
                Table(
                    [
                        [["Date"], ["Time"], ["Venue"]],
                        [
                            ["Wednesday 25 March 2026"],
                            ["1.00 pm"],
                            ["Meeting Room 3, Lune House, Quay Street, Lancaster"],
                        ],
                    ]
                ),
                Blank(),
                P("Members of the Committee", bold=True),
                *lines(
                    "Councillor Gillian Hart (Chair) – Lancaster City Council",
                    "Councillor Owen Rees (Vice-Chair) – Wyre Borough Council",
                    "Councillor Priya Shah – Lancaster City Council",
                    "Councillor Quentin Tull – Ribble Valley Borough Council",
                    "Councillor Rhona Usher – Wyre Borough Council",
                    "Councillor Simon Vail – Craven District Council",
                    "Councillor Tessa Ward – Pendle Borough Council",
                    "Councillor Umar Yusuf – Pendle Borough Council",
                    "",
                    "Quorum: six members (two thirds of the membership)",
                    "",
                ),
                P("AGENDA", bold=True),
                P("Apologies", style="List Number", text_prefix="1. "),
                P("Declarations of interest", style="List Number", text_prefix="2. "),
                P("Minutes of the last meeting", style="List Number", text_prefix="3. "),
                P("Bus Franchising: consultation response", style="List Number", text_prefix="4. "),
                P("Report of the Director of Transport"),
                P("The Committee is recommended to:"),
                P("a) consider the consultation response"),
                P("b) make any recommendations to the Combined Authority Board"),
                P("Forward Plan", style="List Number", text_prefix="5. "),
            ],
        },
    ),
]

REPORTS: list[Report] = [
    Report(
        "heldout4-report-cabinet-asked-letters-txt",
        "Waste Collection Service Review",
        "Director of Environment",
        (
            R("(a)", "approve the move to three-weekly residual waste collections"),
            R("(b)", "delegate the timetable to the Director of Environment"),
        ),
        held_out=True,
        options={
            "blocks": lines(
                "Borchester District Council",
                "",
                "Cabinet – 15 April 2026",
                "",
                "Waste Collection Service Review",
                "",
                "Report of the Director of Environment",
                "",
                "RECOMMENDATION(S)",
                "The Cabinet is asked to:",
                "(a) approve the move to three-weekly residual waste collections",
                "(b) delegate the timetable to the Director of Environment",
                "",
                "1. Background",
                "1.1 The service was last reviewed in 2019.",
            )
        },
    ),
    Report(
        "heldout4-report-bold-recommendations-docx",
        "Corporate Peer Challenge Action Plan",
        "Chief Executive",
        (
            R(None, "That the action plan at Appendix A be endorsed."),
            R(None, "That progress be reported to the Committee in six months."),
        ),
        held_out=True,
        options={
            "format": "docx",
            "blocks": [
                P("Report to: Policy and Resources Committee"),
                P("Date of meeting: 2 April 2026"),
                P("Report of: Chief Executive"),
                P("Title: Corporate Peer Challenge Action Plan"),
                Blank(),
                P("Recommendations:", bold=True),
                P("That the action plan at Appendix A be endorsed.", style="List Bullet"),
                P(
                    "That progress be reported to the Committee in six months.",
                    style="List Bullet",
                ),
                Blank(),
                P("1. Introduction", bold=True),
                P("1.1 The peer challenge took place in November 2025."),
            ],
        },
    ),
    Report(
        "heldout4-report-numbered-section-pdf",
        "Council Tax Reduction Scheme 2027/28",
        "Director of Finance",
        (
            R("2.1", "That Cabinet recommends the scheme at Appendix 1 to Council."),
            R("2.2", "That the consultation responses at Appendix 2 be noted."),
        ),
        held_out=True,
        options={
            "format": "pdf",
            "blocks": [
                P("AIREFORD METROPOLITAN BOROUGH COUNCIL", bold=True),
                Blank(),
                P("REPORT TO CABINET, 10 JUNE 2026", bold=True),
                Blank(),
                P("Report of the Director of Finance", bold=True),
                Blank(),
                P("Council Tax Reduction Scheme 2027/28", bold=True),
                Blank(),
                P("1. PURPOSE OF REPORT", bold=True),
                P("1.1 To propose the scheme for 2027/28 following consultation."),
                Blank(),
                P("2. RECOMMENDATION", bold=True),
                P("2.1 That Cabinet recommends the scheme at Appendix 1 to Council."),
                P("2.2 That the consultation responses at Appendix 2 be noted."),
                Blank(),
                P("3. BACKGROUND", bold=True),
                P("3.1 The scheme was last changed in 2023."),
            ],
        },
    ),
    Report(
        "heldout4-report-exempt-it-is-recommended-txt",
        "Disposal of the former Castle Street car park",
        "Head of Property",
        (
            R("(i)", "agree the disposal to the preferred bidder"),
            R("(ii)", "authorise the Head of Legal Services to complete the sale"),
        ),
        held_out=True,
        options={
            "blocks": lines(
                NOT_FOR_PUBLICATION.format(p=3),
                "",
                "Asset Management Sub-Committee",
                "21 May 2026",
                "",
                "Subject: Disposal of the former Castle Street car park",
                "Report by: Head of Property",
                "",
                "Recommendation",
                "It is recommended that the Sub-Committee:",
                "(i) agree the disposal to the preferred bidder",
                "(ii) authorise the Head of Legal Services to complete the sale",
                "",
                "Reasons for the recommendation",
                "The offer is the best consideration reasonably obtainable.",
            )
        },
    ),
]

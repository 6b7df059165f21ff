"""A fifth held-out batch, small, written after the fourth's fixes and measured before any
change for it: dotted titles, a bulleted list with roles after dashes, a police and crime
panel's quorum as a share, "Private business" with an exempt paragraph in brackets,
"That Cabinet:" over numbered points, and recommendations headed "Recommended decision".
"""

from __future__ import annotations

from tests.samples.councils.blocks import Blank, Para, Table
from tests.samples.councils.papers4 import NOT_FOR_PUBLICATION, lines
from tests.samples.councils.truth import Agenda, Item, Member, Rec, Report

M, It, R, P = Member, Item, Rec, Para

AGENDAS: list[Agenda] = [
    Agenda(
        key="heldout5-metropolitan-planning-bullets-txt",
        kind="metropolitan borough",
        organisation="Calderbrook Metropolitan Borough Council",
        committee="Planning and Highways Committee",
        date="2026-06-11",
        time="18:00",
        venue="Council Chamber, Calderbrook Town Hall",
        quorum=4,
        held_out=True,
        members=(
            M("P. Roberts", "chair"),
            M("G. Lund", "vice-chair"),
            M("H. Okafor"),
            M("S. Whitley"),
            M("D. Yeung"),
        ),
        items=(
            It("1", "Apologies for absence"),
            It("2", "Declarations of interest"),
            It(
                "3",
                "Application 2026/0412: 18 Moor Lane, Calderbrook",
                recs=(R(None, "That planning permission be refused for the reasons set out."),),
            ),
            It("4", "Enforcement update", part=2, paragraph=6, confirm=True),
        ),
        options={
            "blocks": lines(
                "CALDERBROOK METROPOLITAN BOROUGH COUNCIL",
                "Planning and Highways Committee",
                "",
                "Date: Thursday, 11 June 2026",
                "Time: 18:00",
                "Place: Council Chamber, Calderbrook Town Hall",
                "",
                "Committee members:",
                "• Cllr. Mrs. P. Roberts – Chair",
                "• Cllr. G. Lund – Vice-Chair",
                "• Cllr. H. Okafor",
                "• Cllr. S. Whitley",
                "• Cllr. D. Yeung",
                "",
                "Quorum – 4",
                "",
                "Agenda Item 1) Apologies for absence",
                "Agenda Item 2) Declarations of interest",
                "Agenda Item 3) Application 2026/0412: 18 Moor Lane, Calderbrook",
                "RECOMMENDATION: That planning permission be refused for the reasons set out.",
                "Agenda Item 4) Enforcement update",
                NOT_FOR_PUBLICATION.format(p=6),
            )
        },
    ),
    Agenda(
        key="heldout5-police-panel-share-pdf",
        kind="police and crime panel",
        organisation="Fenland and Wash Police and Crime Panel",
        committee="Fenland and Wash Police and Crime Panel",
        date="2026-07-02",
        time="10:00",
        venue="Committee Room A, Shire Hall, Wisbeach",
        quorum=2,  # a third of six
        quorum_inferred=True,
        held_out=True,
        members=(
            M("Irene Copley", "chair"),
            M("Mark Dennis", "vice-chair"),
            M("Asha Ferris"),
            M("Colin Grieve"),
            M("Rachel Hume", co_opted=True),
            M("Tom Ibbs", co_opted=True),
        ),
        items=(
            It("1", "Apologies"),
            It("2", "Declarations of interest"),
            It(
                "3",
                "Proposed police precept 2027/28",
                recs=(
                    R("(a)", "review the Commissioner's proposed precept"),
                    R("(b)", "make a report to the Commissioner"),
                ),
            ),
            It("4", "Complaint against the Commissioner", part=2, paragraph=1),
        ),
        options={
            "format": "pdf",
            "blocks": [
                P("Fenland and Wash Police and Crime Panel", bold=True),
                Blank(),
                P(
                    "A meeting of the Panel will be held on Thursday 2 July 2026 at 10.00 am "
                    "in Committee Room A, Shire Hall, Wisbeach."
                ),
                Blank(),
                P("Panel Membership", bold=True),
                Table(
                    [
                        [["Name"], ["Appointed by"], ["Role"]],
                        [["Cllr Irene Copley"], ["Fenland District Council"], ["Chair"]],
                        [["Cllr Mark Dennis"], ["Wash Borough Council"], ["Vice-Chair"]],
                        [["Cllr Asha Ferris"], ["Marshland County Council"], ["Member"]],
                        [["Cllr Colin Grieve"], ["Kingsfen District Council"], ["Member"]],
                        [["Rachel Hume"], ["Independent"], ["Co-opted independent member"]],
                        [["Tom Ibbs"], ["Independent"], ["Co-opted independent member"]],
                    ],
                    widths=[5, 6, 5],
                ),
                Blank(),
                P("Quorum: one third of the membership"),
                Blank(),
                P("AGENDA", bold=True),
                *lines(
                    "1. Apologies",
                    "2. Declarations of interest",
                    "3. Proposed police precept 2027/28",
                    "The Panel is requested to:",
                    "(a) review the Commissioner's proposed precept",
                    "(b) make a report to the Commissioner",
                    "",
                ),
                P("Private business", bold=True),
                *lines("4. Complaint against the Commissioner (Paragraph 1)"),
            ],
        },
    ),
]

REPORTS: list[Report] = [
    Report(
        "heldout5-report-that-cabinet-numbered-txt",
        "Local Plan: Preferred Options Consultation",
        "Director of Place",
        (
            R("(1)", "approves the Preferred Options document for consultation"),
            R("(2)", "notes the timetable at Appendix B"),
        ),
        held_out=True,
        options={
            "blocks": lines(
                "Calderbrook Metropolitan Borough Council",
                "",
                "Cabinet, 24 June 2026",
                "",
                "Local Plan: Preferred Options Consultation",
                "",
                "Report of the Director of Place",
                "",
                "RECOMMENDATIONS",
                "That Cabinet:",
                "(1) approves the Preferred Options document for consultation",
                "(2) notes the timetable at Appendix B",
                "",
                "Background",
                "The Local Plan was adopted in 2014.",
            )
        },
    ),
    Report(
        "heldout5-report-recommended-decision-pdf",
        "Fees and Charges 2027/28",
        "Chief Finance Officer",
        (R(None, "That the fees and charges at Appendix 1 be approved from 1 April 2027."),),
        held_out=True,
        options={
            "format": "pdf",
            "blocks": [
                P("Fenland District Council", bold=True),
                Blank(),
                P("Finance Committee – 9 July 2026"),
                Blank(),
                P("Fees and Charges 2027/28", bold=True),
                Blank(),
                P("Report of the Chief Finance Officer"),
                Blank(),
                P("Recommended decision", bold=True),
                P("That the fees and charges at Appendix 1 be approved from 1 April 2027."),
                Blank(),
                P("Reasons for the decision", bold=True),
                P("The charges must be set before the budget."),
            ],
        },
    ),
]

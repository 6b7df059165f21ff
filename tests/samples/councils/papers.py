"""The test papers: 24+ agendas from eleven kinds of body and 12 reports.

Councils, people and places are invented; the layouts and wording follow the
published papers of each kind of body. Papers marked ``held_out`` were written
first and kept out of the parser's tuning, to measure it honestly on papers it
had not been fitted to.
"""

from __future__ import annotations

from tests.samples.councils.truth import Agenda, Item, Member, Rec, Report

M, It, R = Member, Item, Rec

ACT_1960 = (
    "To resolve that, in view of the confidential nature of the business about to be "
    "transacted, the press and public be excluded from the meeting for the following item "
    "under section 1(2) of the Public Bodies (Admission to Meetings) Act 1960."
)


def exclusion_12a(paragraphs: str) -> str:
    return (
        "To consider passing a resolution that the press and public be excluded from the "
        "meeting for the following item of business on the grounds that it involves the likely "
        f"disclosure of exempt information as defined in {paragraphs} of Part 1 of Schedule 12A "
        "to the Local Government Act 1972."
    )


AGENDAS: list[Agenda] = [
    # 1 parish: run-on "To:" line over two lines, roles in brackets, time in the summons
    Agenda(
        key="parish-summons-run-on",
        kind="parish",
        organisation="Upper Wickham Parish Council",
        committee="Upper Wickham Parish Council",
        date="2025-03-10",
        time="19:30",
        venue="Village Hall, Church Road, Upper Wickham",
        quorum=3,
        members=(
            M("Peter Allardyce", "chair"),
            M("Susan Merriman", "vice-chair"),
            M("David Okoro"),
            M("Helen Tranter"),
            M("Rachel Vine"),
            M("Colin Walsh"),
        ),
        items=(
            It("1", "Apologies for absence"),
            It("2", "Declarations of interest"),
            It(
                "3",
                "Minutes of the meeting held on 10 February 2025",
                notes=("To approve the minutes as a correct record.",),
            ),
            It("4", "Public participation"),
            It(
                "5",
                "Planning applications",
                notes=(
                    "a) To note applications determined by the District Council.",
                    "b) To consider application 25/00142/HH, 4 Mill Lane: single-storey rear "
                    "extension.",
                ),
            ),
            It(
                "6",
                "Finance",
                notes=(
                    "a) To approve the schedule of payments.",
                    "b) To note the bank reconciliation.",
                ),
            ),
            It("7", "Exclusion of the press and public", notes=(ACT_1960,)),
            It("8", "Staffing: the Clerk's contract", part=2),
        ),
        options={
            "style": "parish_summons",
            "to": "To: Councillors",
            "quorum_text": "Quorum: three members",
        },
    ),
    # 2 town council summons with minute references and a stated quorum rule
    Agenda(
        key="town-council-minute-refs",
        kind="town",
        organisation="Brackenford Town Council",
        committee="Brackenford Town Council",
        date="2025-04-16",
        time="19:00",
        venue="Council Chamber, Town Hall, Market Place, Brackenford",
        quorum=4,
        quorum_inferred=True,
        members=(
            M("Margaret Ellison", "chair", written="Mrs Margaret Ellison", role_text="Town Mayor"),
            M("Tom Ashworth", "vice-chair", role_text="Deputy Town Mayor"),
            M("Priya Bhatt"),
            M("Gareth Cole"),
            M("Ann Dervish"),
            M("Luke Farrant"),
            M("Joan Gibbs"),
            M("Ian Harker"),
            M("Karen Ives"),
            M("Neil Jupp"),
            M("Olivia Kent"),
        ),
        items=(
            It("25/041", "Apologies for absence"),
            It("25/042", "Declarations of interest and requests for dispensations"),
            It("25/043", "Minutes of the Council meeting held on 19 March 2025"),
            It("25/044", "Mayor's announcements"),
            It("25/045", "Reports from County and District Councillors"),
            It(
                "25/046",
                "Annual review of the Standing Orders",
                recs=(
                    R(None, "That the Council adopts the revised Standing Orders as circulated."),
                ),
                notes=("Report of the Town Clerk.",),
                lead_in="Recommendation:",
            ),
            It("25/047", "Grants to local organisations"),
        ),
        options={
            "style": "parish_summons",
            "to": "To: Members of the Council – Councillors",
            "quorum_rule": "Quorum: one third of the members, or three, whichever is greater.",
            "number": "{n}",
            "summons": "You are hereby summoned to attend the Annual Meeting of "
            "{body} on {when} at {time} in the {venue}.",
        },
    ),
    # 3 district committee, "Membership:" one per line, Part II heading, (Paragraph 3) after title
    Agenda(
        key="district-licensing-lines",
        kind="district",
        organisation="Hollingbourne District Council",
        committee="Licensing Committee",
        date="2025-02-04",
        time="18:30",
        venue="Council Chamber, Civic Centre, Station Road, Hollingbourne",
        quorum=3,
        members=(
            M("Brian Abbott", "chair"),
            M("Claire Barton", "vice-chair"),
            M("Sunil Chauhan"),
            M("Debbie Dale"),
            M("Ellis Evans"),
            M("Faye Fletcher"),
            M("Graham Gould"),
        ),
        substitutes=(M("Harry Hume"), M("Irene Innes")),
        items=(
            It("1", "Apologies and substitutions"),
            It("2", "Declarations of interest"),
            It(
                "3",
                "Minutes",
                notes=("To confirm the minutes of the meeting held on 3 December 2024.",),
            ),
            It(
                "4",
                "Review of the Statement of Licensing Policy",
                notes=("Report of the Head of Regulatory Services",),
                recs=(
                    R(
                        None,
                        "That the revised Statement of Licensing Policy be approved for "
                        "consultation.",
                    ),
                ),
                lead_in="Recommendation:",
            ),
            It(
                "5",
                "Taxi and private hire fees 2025/26",
                notes=("Report of the Licensing Manager",),
                recs=(
                    R("(a)", "That the proposed fees be published for consultation"),
                    R("(b)", "That any objections be reported to the next meeting."),
                ),
                lead_in="RECOMMENDED that:",
            ),
            It("6", "Exclusion of the press and public", notes=(exclusion_12a("paragraph 1"),)),
            It("7", "Review of a private hire driver's licence", part=2, paragraph=1),
        ),
        options={
            "members_heading": "Membership:",
            "prefix": "Councillor ",
            "part_two_heading": "PART II - ITEMS LIKELY TO BE CONSIDERED IN THE ABSENCE OF "
            "THE PRESS AND PUBLIC",
            "exempt_style": "after_title",
        },
    ),
]

STANDARD_OPENING = (
    It("1", "Apologies for absence"),
    It("2", "Declarations of interest"),
)


def opening(*titles: str) -> tuple[Item, ...]:
    return tuple(It(str(n), t) for n, t in enumerate(titles, start=1))


AGENDAS += [
    # 4 county committee PDF: two-column member list, facts in a table, "Item 1" numbers
    Agenda(
        key="county-highways-pdf-two-columns",
        kind="county",
        organisation="Wessex County Council",
        committee="Highways and Transport Committee",
        date="2025-05-08",
        time="10:00",
        venue="Council Chamber, County Hall, Dorchford",
        quorum=4,
        members=(
            M("Andrew Lacey", "chair", role_text="Chairman"),
            M("Beverley Moss", "vice-chair", role_text="Vice-Chairman"),
            M("Charles Nutt", written="Charles Nutt MBE"),
            M("Diane Oakes"),
            M("Edward Pike", written="Dr Edward Pike"),
            M("Frances Quill"),
            M("George Rowe"),
            M("Hannah Sims"),
            M("Ivan Trent"),
            M("Julia Upton"),
        ),
        items=(
            *opening(
                "Apologies for absence and substitutions",
                "Declarations of interest",
                "Minutes of the previous meeting",
                "Public participation",
            ),
            It(
                "5",
                "Highways Capital Programme 2025/26",
                notes=("Report of the Executive Director for Place",),
                lead_in="The Committee is recommended to:",
                recs=(
                    R(
                        "(a)",
                        "approve the Highways Capital Programme 2025/26 as set out in Appendix 1",
                    ),
                    R("(b)", "delegate changes within the programme to the Director of Highways"),
                ),
            ),
            It(
                "6",
                "Winter Service Policy",
                notes=("Report of the Director of Highways",),
                lead_in="The Committee is asked to:",
                recs=(
                    R(None, "note the performance of the winter service in 2024/25"),
                    R(None, "approve the revised Winter Service Policy"),
                ),
            ),
            It("7", "Forward Plan"),
        ),
        options={
            "format": "pdf",
            "members": "two_columns",
            "members_heading": "Councillors:",
            "prefix": "County Councillor ",
            "facts": "table",
            "number": "Item {n}",
            "clock": "compact",
            "quorum_text": "Quorum: {q}",
            "rec_bullets": True,
        },
    ),
    # 5 metropolitan borough cabinet (Word): two-column table of members with long roles;
    # items in a table whose cells hold the title, the report line and the recommendations.
    Agenda(
        key="metropolitan-cabinet-docx-table",
        kind="metropolitan borough",
        organisation="Calderbrook Metropolitan Borough Council",
        committee="Cabinet",
        date="2025-06-18",
        time="14:00",
        venue="Committee Room 1, Town Hall, Calderbrook",
        quorum=3,
        members=(
            M("Sajid Rahman", "chair", role_text="Leader of the Council and Chair of Cabinet"),
            M(
                "Louise Fenwick",
                "vice-chair",
                role_text="Deputy Leader and Cabinet Member for Resources, Vice-Chair",
            ),
            M("Mark Bolton", role_text="Cabinet Member for Adult Social Care and Health"),
            M("Nadia Hussain", role_text="Cabinet Member for Children, Young People and Families"),
            M("Owen Price", role_text="Cabinet Member for Regeneration, Housing and Planning"),
            M("Patricia Quinn", role_text="Cabinet Member for Environment and Climate Change"),
            M("Robert Sykes", role_text="Cabinet Member for Communities and Neighbourhoods"),
        ),
        items=(
            *opening(
                "Apologies for absence",
                "Declarations of interest",
                "Minutes of the meeting held on 21 May 2025",
            ),
            It(
                "4",
                "Medium Term Financial Strategy 2026/27 to 2028/29",
                notes=("Report of the Director of Finance",),
                lead_in="Cabinet is recommended to:",
                recs=(
                    R("(a)", "approve the Medium Term Financial Strategy"),
                    R("(b)", "note the budget gap of £14.2 million for 2026/27"),
                    R("(c)", "ask officers to bring forward savings proposals in the autumn"),
                ),
            ),
            It(
                "5",
                "Calderbrook Town Centre Masterplan",
                notes=("Report of the Director of Regeneration",),
                lead_in="Cabinet is asked to:",
                recs=(
                    R(None, "adopt the Town Centre Masterplan"),
                    R(
                        None,
                        "authorise the Director of Regeneration to bid for Levelling Up funding",
                    ),
                ),
            ),
            It("6", "Exclusion of the press and public", notes=(exclusion_12a("paragraph 3"),)),
            It(
                "7",
                "Disposal of the former Bridge Street depot",
                part=2,
                paragraph=3,
                notes=("Report of the Director of Regeneration",),
            ),
        ),
        options={
            "format": "docx",
            "style": "committee",
            "members": "name_role",
            "members_heading": "Membership",
            "prefix": "Councillor ",
            "item_table": True,
            "facts": "table",
            "committee_line": "CABINET",
            "rec_bullets": True,
            "part_two_heading": "PART II – NOT FOR PUBLICATION",
        },
    ),
    # 6 London borough planning committee (PDF): members run on with commas over lines
    Agenda(
        key="london-planning-pdf-run-on",
        kind="London borough",
        organisation="London Borough of Thamesmead Vale",
        committee="Planning Committee",
        date="2025-07-01",
        time="19:30",
        venue="Council Chamber, Thamesmead Vale Civic Centre, High Road, N22 7QP",
        quorum=3,
        members=(
            M("Amara Obi", "chair"),
            M("Ben Kowalski", "vice-chair"),
            M("Chloe Dunne"),
            M("Dev Malhotra"),
            M("Elena Rossi"),
            M("Femi Adeyemi"),
            M("Grace Whitaker"),
            M("Hamza Iqbal"),
        ),
        substitutes=(M("Isla Mackay"), M("Jonah Levy"), M("Kemi Bello")),
        items=(
            *opening("Apologies for absence", "Declarations of interest", "Minutes"),
            It("4", "Planning protocol and order of business"),
            It(
                "5",
                "Land at Gasworks Lane, N22 – ref HGY/2025/0142",
                notes=("Report of the Head of Development Management",),
                lead_in="RECOMMENDATION",
                recs=(
                    R(
                        None,
                        "That planning permission be granted subject to conditions and a "
                        "Section 106 legal agreement.",
                    ),
                ),
            ),
            It("6", "Update on major proposals"),
            It("7", "Appeal decisions"),
        ),
        options={
            "format": "pdf",
            "members": "run_on",
            "members_heading": "MEMBERS: Councillors",
            "prefix": "",
            "role_words": {"chair": "Chair", "vice-chair": "Vice-Chair"},
            "subs_heading": "Substitutes: Councillors",
            "facts": "lines",
            "clock": "pm",
        },
    ),
    # 7 unitary council scrutiny (text): "Members:" with semicolons, quorum in words,
    # items "(1)" and an exempt line under the report line
    Agenda(
        key="unitary-scrutiny-semicolons",
        kind="unitary",
        organisation="North Kestrel Council",
        committee="Overview and Scrutiny Management Board",
        date="2025-09-23",
        time="18:00",
        venue="Council Chamber, Kestrel House, Market Street, Kestrel",
        quorum=4,
        members=(
            M("Catherine Ames", "chair", role_text="Chair"),
            M("Derek Bright", "vice-chair", role_text="Vice-Chair"),
            M("Elaine Coombes"),
            M("Frank Doyle"),
            M("Gwen Eastwood"),
            M("Harold Finch"),
            M("Imogen Grant"),
            M("Jack Hollis"),
            M("Kate Irwin"),
        ),
        items=(
            It("1", "Apologies for absence"),
            It("2", "Declarations of interest"),
            It("3", "Minutes of the meeting held on 22 July 2025"),
            It(
                "4",
                "Quarter 1 Performance Report",
                notes=("Report of the Chief Executive",),
                lead_in="The Board is invited to:",
                recs=(
                    R("i.", "comment on the performance of the Council in Quarter 1"),
                    R("ii.", "identify any areas for further scrutiny"),
                ),
            ),
            It("5", "Work Programme 2025/26"),
            It(
                "6",
                "Leisure Centre Contract: Procurement Outcome",
                part=2,
                paragraph=3,
                confirm=True,
                notes=("Report of the Director of Communities",),
            ),
        ),
        options={
            "format": "txt",
            "members": "run_on",
            "members_heading": "Members:",
            "separator": "; ",
            "prefix": "Councillor ",
            "number": "({n})",
            "quorum_text": "Quorum: four members",
            "exempt_style": "line_under",
            "exempt_line": "This report is not for publication because it contains exempt "
            "information as described in paragraph {p} of Schedule 12A "
            "to the Local Government Act 1972.",
            "wrap": 80,
        },
    ),
    # 8 Welsh county, bilingual side by side (text)
    Agenda(
        key="welsh-county-bilingual-side",
        kind="Welsh county",
        organisation="Glannau County Council",
        committee="Governance and Audit Committee",
        date="2025-03-18",
        time="10:00",
        venue="Council Chamber, County Hall, Glannau",
        quorum=3,
        members=(
            M("Rhodri Evans", "chair"),
            M("Sian Griffiths", "vice-chair"),
            M("Dafydd Hughes"),
            M("Eleri Jones"),
            M("Gethin Lloyd"),
            M("Mair Owen"),
            M("Alun Pritchard", role_text="Lay Member", co_opted=True),
        ),
        items=(
            It("1", "Apologies for absence", welsh_title="Ymddiheuriadau am absenoldeb"),
            It("2", "Declarations of interest", welsh_title="Datganiadau o fuddiant"),
            It(
                "3", "Minutes of the previous meeting", welsh_title="Cofnodion y cyfarfod blaenorol"
            ),
            It(
                "4",
                "Internal Audit Progress Report",
                welsh_title="Adroddiad Cynnydd Archwilio Mewnol",
                lead_in="Recommendation:",
                recs=(
                    R(
                        None,
                        "That the Committee notes the progress made against the Internal Audit "
                        "Plan.",
                    ),
                ),
            ),
            It("5", "Corporate Risk Register", welsh_title="Cofrestr Risg Corfforaethol"),
            It(
                "6",
                "Counter-fraud investigation update",
                welsh_title="Diweddariad ar ymchwiliad gwrth-dwyll",
                part=2,
                paragraph=14,
            ),
        ),
        options={
            "style": "welsh_county",
            "format": "txt",
            "welsh": "side_by_side",
            "welsh_org": "Cyngor Sir Glannau",
            "welsh_committee": "Pwyllgor Llywodraethu ac Archwilio",
            "welsh_date": "Dydd Mawrth, 18 Mawrth 2025",
            "welsh_venue": "Siambr y Cyngor, Neuadd y Sir, Glannau",
            "part_two_heading": "RHAN 2 / PART 2 – EXEMPT BUSINESS",
            "exempt_style": "after_title",
        },
    ),
    # 9 combined authority board (Word): three-column membership table
    Agenda(
        key="combined-authority-board-docx",
        kind="combined authority",
        organisation="Trent and Soar Combined Authority",
        committee="Combined Authority Board",
        date="2025-10-09",
        time="11:00",
        venue="Boardroom, Canal House, Wharf Street, Soarby",
        quorum=4,
        members=(
            M("Joanne Pemberton", "chair", written="Mayor Joanne Pemberton", role_text="Chair"),
            M("Kieran Walsh", "vice-chair", role_text="Vice-Chair"),
            M("Leonie Marsh", role_text="Constituent member"),
            M("Martin Ng", role_text="Constituent member"),
            M("Norma Ogden", role_text="Constituent member"),
            M(
                "Oliver Platt",
                role_text="Non-constituent member (non-voting)",
                voting=False,
                co_opted=True,
            ),
            M(
                "Paula Quarrie",
                role_text="Business Board Chair (co-opted, non-voting)",
                voting=False,
                co_opted=True,
            ),
        ),
        items=(
            *opening(
                "Apologies for absence",
                "Declarations of interest",
                "Minutes of the meeting held on 10 July 2025",
                "Mayor's update",
            ),
            It(
                "5",
                "Adult Skills Fund Commissioning Plan",
                notes=("Report of the Director of Skills",),
                lead_in="The Board is requested to:",
                recs=(
                    R("1)", "approve the Adult Skills Fund Commissioning Plan for 2025/26"),
                    R("2)", "delegate contract awards to the Chief Executive"),
                ),
            ),
            It("6", "Bus Service Improvement Plan"),
        ),
        options={
            "format": "docx",
            "members": "three_columns",
            "members_heading": "Membership",
            "prefix": "Councillor ",
            "appointed_by": [
                "Trent and Soar Combined Authority",
                "Soarby City Council",
                "Trentside Borough Council",
                "Ashfield Vale District Council",
                "Wolds County Council",
                "Northfield District Council",
                "Business Board",
            ],
            "facts": "lines",
            "autonum": True,
            "quorum_text": "Quorum: {q} voting members",
        },
    ),
    # 10 police and crime panel (text): co-opted independent members, substitutes,
    # quorum as a rule to compute
    Agenda(
        key="police-crime-panel-rule-quorum",
        kind="police and crime panel",
        organisation="Mercia Vale Police and Crime Panel",
        committee="Mercia Vale Police and Crime Panel",
        date="2025-11-20",
        time="13:30",
        venue="Committee Room 2, Shire Hall, Mercester",
        quorum=4,
        quorum_inferred=True,
        members=(
            M("Anne Bradbury", "chair", role_text="Chairman"),
            M("Carl Denton", "vice-chair", role_text="Vice-Chairman"),
            M("Elsie Fairbairn"),
            M("Gordon Hale"),
            M("Harriet Ingram"),
            M("Iqbal Jaffer"),
            M("Keith Lomax"),
            M("Linda Meade"),
            M(
                "Mohammed Nazir",
                written="Mr Mohammed Nazir",
                role_text="Independent co-opted member",
                co_opted=True,
            ),
            M(
                "Nicola Orme",
                written="Ms Nicola Orme",
                role_text="Independent co-opted member",
                co_opted=True,
            ),
        ),
        items=(
            *opening(
                "Apologies for absence and notification of substitutes",
                "Declarations of interest",
                "Minutes",
                "Public questions",
            ),
            It(
                "5",
                "Police and Crime Commissioner's proposed precept 2026/27",
                notes=("Report of the Police and Crime Commissioner",),
                lead_in="The Panel is invited to:",
                recs=(
                    R("a)", "review the proposed precept"),
                    R("b)", "make a report to the Commissioner"),
                ),
            ),
            It("6", "Complaints against the Commissioner"),
            It("7", "Work programme"),
        ),
        options={
            "format": "txt",
            "members": "lines",
            "members_heading": "Membership:",
            "prefix": "Councillor ",
            "quorum_rule": "Quorum: one third of the members, or three, whichever is greater",
            "facts": "sentence",
            "sentence": "A meeting of the {committee} will be held in {venue} on {when} at {time}.",
        },
    ),
    # 11 fire and rescue authority (PDF): items numbered "1)", Part II heading
    Agenda(
        key="fire-authority-pdf",
        kind="fire authority",
        organisation="Severnside Fire and Rescue Authority",
        committee="Resources Committee",
        date="2025-12-02",
        time="10:30",
        venue="Conference Room, Fire and Rescue Service Headquarters, Kingsway, Severnbridge",
        quorum=3,
        members=(
            M("Paul Grimshaw", "chair", role_text="Chair"),
            M("Rita Hargreaves", "vice-chair", role_text="Vice-Chair"),
            M("Simon Illingworth"),
            M("Tara Jennings"),
            M("Umar Khan"),
            M("Vera Lund"),
        ),
        items=(
            *opening(
                "Apologies for absence", "Declarations of interest", "Minutes of the last meeting"
            ),
            It(
                "4",
                "Treasury Management Mid-Year Review",
                notes=("Report of the Treasurer",),
                lead_in="RECOMMENDED that the Committee:",
                recs=(
                    R("(i)", "notes the treasury management activity in the first half of 2025/26"),
                    R("(ii)", "approves the revised prudential indicators"),
                ),
            ),
            It("5", "Fleet Replacement Programme"),
            It("6", "Sale of the former Northgate fire station", part=2, paragraph=3),
        ),
        options={
            "format": "pdf",
            "members": "lines",
            "members_heading": "Members:",
            "prefix": "Cllr ",
            "number": "{n})",
            "part_two_heading": "PART 2 – PRIVATE BUSINESS",
            "exempt_style": "line_under",
            "exempt_line": "Exempt information under paragraph {p} of Schedule 12A.",
            "clock": "pm",
        },
    ),
    # 12 district full council (text): "meeting of the Council" in a sentence, members run on
    Agenda(
        key="district-full-council-summons",
        kind="district",
        organisation="Ravensmoor District Council",
        committee="Ravensmoor District Council",
        date="2025-02-26",
        time="19:00",
        venue="Council Chamber, Ravensmoor House, Station Approach, Ravensmoor",
        quorum=9,
        members=(
            M("Victoria Ashdown", "chair", role_text="Chairman of the Council"),
            M("William Barraclough", "vice-chair", role_text="Vice-Chairman of the Council"),
            M("Xavier Cope"),
            M("Yvonne Dobbs"),
            M("Zak Ellwood"),
            M("Agnes Forde"),
            M("Bernard Gill"),
            M("Cecily Haigh"),
            M("Dominic Ingle"),
            M("Edith Judd"),
            M("Fergus Kay"),
            M("Gillian Lowe"),
            M("Howard Mace"),
            M("Iris Nolan"),
        ),
        items=(
            *opening(
                "Apologies for absence",
                "Declarations of interest",
                "Minutes of the meeting held on 22 January 2025",
                "Chairman's announcements",
            ),
            It(
                "5",
                "Budget 2025/26 and Council Tax",
                notes=("Report of the Section 151 Officer",),
                lead_in="Council is recommended to:",
                recs=(
                    R("1.", "approve the General Fund revenue budget for 2025/26"),
                    R("2.", "set the Band D council tax at £187.42"),
                ),
            ),
            It("6", "Pay Policy Statement 2025/26"),
            It("7", "Questions from Members"),
        ),
        options={
            "style": "parish_summons",
            "format": "txt",
            "to": "To: All Members of the Council: Councillors",
            "summons": "You are summoned to attend a meeting of the Council which "
            "will be held in the {venue} on {when} at {time}.",
            "body": "the Council",
            "quorum_text": "Quorum: 9",
            "signed_as": "Chief Executive",
            "wrap": 90,
            "role_words": {},
        },
    ),
]


def people(names: str, *, chair: str = "Chair", vice: str = "Vice-Chair") -> tuple[Member, ...]:
    """Members from "Name; Name; ...": the first chairs, the second is vice-chair."""
    listed = [n.strip() for n in names.split(";")]
    out = [M(listed[0], "chair", role_text=chair), M(listed[1], "vice-chair", role_text=vice)]
    return (*out, *(M(n) for n in listed[2:]))


AGENDAS += [
    # 13 parish (Word, auto-numbered items, sub-items a) b)), one councillor per line after "To:"
    Agenda(
        key="parish-docx-autonum",
        kind="parish",
        organisation="Long Marston Parish Council",
        committee="Long Marston Parish Council",
        date="2025-05-12",
        time="19:15",
        venue="Reading Room, The Green, Long Marston",
        quorum=3,
        members=people(
            "Geoffrey Tilley; Mary Unwin; Norman Vokes; Pamela West; Roger Yardley",
            chair="Chairman",
            vice="Vice Chairman",
        ),
        items=(
            It("1", "Election of Chairman for the year 2025/26"),
            It("2", "Election of Vice-Chairman"),
            It("3", "Apologies for absence"),
            It("4", "Minutes of the meeting held on 14 April 2025"),
            It(
                "5",
                "Annual Governance and Accountability Return 2024/25",
                notes=(
                    "a) To approve the Annual Governance Statement.",
                    "b) To approve the Accounting Statements.",
                ),
            ),
            It("6", "Correspondence"),
            It("7", "Date of next meeting"),
        ),
        options={
            "style": "parish_summons",
            "format": "docx",
            "autonum": True,
            "to": "To: Councillors",
            "wrap": 60,
            "clock": "p.m.",
            "quorum_text": "Quorum: 3 members",
            "summons": "Members are summoned to attend the Annual Meeting of the "
            "Parish Council to be held in the {venue} on {when} at {time}.",
            "body": "the Parish Council",
        },
    ),
    # 14 town council committee (PDF) with "Members:" lines and role on the line under
    Agenda(
        key="town-committee-pdf-role-under",
        kind="town",
        organisation="Kingsbridge Abbey Town Council",
        committee="Planning and Environment Committee",
        date="2025-06-03",
        time="18:45",
        venue="Mayor's Parlour, Guildhall, Kingsbridge Abbey",
        quorum=3,
        members=(
            M("Lorraine Appleby", "chair", role_text="Chairman"),
            M("Martin Bellamy", "vice-chair", role_text="Vice Chairman"),
            M("Nina Carver"),
            M("Oscar Dent"),
            M("Philippa Eyre"),
            M("Quentin Ford"),
        ),
        items=(
            *opening(
                "Apologies for absence",
                "Declarations of interest",
                "Minutes of the meeting held on 6 May 2025",
            ),
            It("4", "Planning applications received"),
            It(
                "5",
                "Tree Preservation Order consultation: Abbey Meadows",
                lead_in="Recommendation:",
                recs=(
                    R(None, "That the Committee supports the proposed Tree Preservation Order."),
                ),
            ),
            It("6", "Street naming"),
        ),
        options={
            "format": "pdf",
            "members": "role_under",
            "members_heading": "Members:",
            "prefix": "Cllr ",
            "facts": "lines",
            "clock": "pm",
        },
    ),
    # 15 district planning (Word) with facts table and members in two columns
    Agenda(
        key="district-planning-docx-two-columns",
        kind="district",
        organisation="Thornbury Vale District Council",
        committee="Planning Committee",
        date="2025-08-14",
        time="18:00",
        venue="Council Chamber, Vale House, Thornbury",
        quorum=5,
        members=people(
            "Rupert Hall; Sandra Irons; Trevor Jakes; Ursula Keane; Victor Lamb; "
            "Wendy Marsh; Alan Noakes; Betty Orchard; Clive Penn; Daphne Rudd",
            chair="Chairman",
            vice="Vice-Chairman",
        ),
        substitutes=(M("Eric Shaw"), M("Fiona Tate")),
        items=(
            *opening(
                "Apologies for absence and substitutions", "Declarations of interest", "Minutes"
            ),
            It(
                "4",
                "24/01872/FUL – Land north of Orchard Way, Thornbury",
                lead_in="Recommendation:",
                recs=(R(None, "Grant planning permission subject to conditions."),),
            ),
            It(
                "5",
                "25/00311/OUT – Former Dairy, Mill Road",
                lead_in="Recommendation:",
                recs=(R(None, "Refuse outline planning permission."),),
            ),
            It("6", "Planning appeals update"),
        ),
        options={
            "format": "docx",
            "members": "two_columns",
            "members_heading": "Membership",
            "prefix": "Cllr ",
            "facts": "table",
            "clock": "pm",
            "subs_heading": "Substitutes:",
            "quorum_text": "Quorum: {q}",
        },
    ),
    # 16 county cabinet (text) with Part II by exclusion naming the paragraph, "5a" sub-items
    Agenda(
        key="county-cabinet-subitems",
        kind="county",
        organisation="Northmoor County Council",
        committee="Cabinet",
        date="2025-09-11",
        time="10:00",
        venue="Cabinet Room, County Hall, Northmoor",
        quorum=3,
        members=(
            M("Eleanor Vance", "chair", role_text="Leader and Chair"),
            M("Frederick Wainwright", "vice-chair", role_text="Deputy Leader, Vice-Chair"),
            M("Georgina Yates"),
            M("Humphrey Zeal"),
            M("Isabel Abney"),
            M("Jasper Brand"),
        ),
        items=(
            *opening("Apologies for absence", "Declarations of interest", "Minutes"),
            It("4", "Schools capital programme"),
            It("5", "Adult social care"),
            It(
                "5a",
                "Market Sustainability Plan",
                lead_in="Cabinet is asked to:",
                recs=(R(None, "approve the Market Sustainability Plan"),),
            ),
            It(
                "5b",
                "Fee uplift for care homes 2025/26",
                lead_in="Cabinet is asked to:",
                recs=(R(None, "approve a fee uplift of 5.2% for care homes"),),
            ),
            It("6", "Exclusion of the press and public", notes=(exclusion_12a("paragraph 3"),)),
            It("7", "Award of the waste disposal contract", part=2, paragraph=3),
        ),
        options={
            "format": "txt",
            "members": "lines",
            "members_heading": "Members of the Cabinet:",
            "prefix": "County Councillor ",
            "facts": "lines",
            "clock": "compact",
            "rec_bullets": True,
        },
    ),
    # 17 London borough cabinet (PDF), two-column name|portfolio table, items "Item N"
    Agenda(
        key="london-cabinet-pdf-portfolios",
        kind="London borough",
        organisation="London Borough of Eastmarsh",
        committee="Cabinet",
        date="2025-10-14",
        time="18:30",
        venue="Room 3, Eastmarsh Town Hall, Broad Street, E17 2AB",
        quorum=3,
        members=(
            M("Yusuf Kamara", "chair", role_text="Leader of the Council (Chair)"),
            M(
                "Zoe Lambert",
                "vice-chair",
                role_text="Deputy Leader and Cabinet Member for Finance (Vice-Chair)",
            ),
            M("Aaron Mendes", role_text="Cabinet Member for Housing Services and Renters' Rights"),
            M(
                "Bella Nkemelu",
                role_text="Cabinet Member for Climate Action, Environment and Transport",
            ),
            M("Caleb Oduya", role_text="Cabinet Member for Children and Families"),
        ),
        items=(
            *opening(
                "Apologies for absence",
                "Declarations of interest",
                "Minutes",
                "Deputations and petitions",
            ),
            It(
                "5",
                "Housing Revenue Account Business Plan",
                notes=("Report of the Corporate Director of Housing",),
                lead_in="The Cabinet is recommended to:",
                recs=(
                    R("2.1", "approve the 30-year HRA Business Plan"),
                    R("2.2", "approve rent increases of 2.7% from April 2026"),
                ),
            ),
            It("6", "Corporate Delivery Plan: Quarter 2"),
        ),
        options={
            "format": "pdf",
            "members": "name_role",
            "members_heading": "Members:",
            "prefix": "Councillor ",
            "number": "Item {n}",
            "facts": "lines",
            "clock": "pm",
        },
    ),
    # 18 unitary council (Word) planning with "Time: | 6.30 pm" table and Part II heading
    Agenda(
        key="unitary-planning-docx-table-facts",
        kind="unitary",
        organisation="Westbridge Council",
        committee="Strategic Planning Committee",
        date="2025-11-05",
        time="18:30",
        venue="Main Hall, Westbridge Guildhall",
        quorum=4,
        members=people(
            "Dorothy Ashe; Edwin Burke; Felicity Crane; Gilbert Drew; Hilda Elms; "
            "Isaac Frome; Jemima Grey"
        ),
        items=(
            *opening("Apologies for absence", "Declarations of interest", "Minutes"),
            It(
                "4",
                "Westbridge Local Plan: Regulation 19 consultation",
                notes=("Report of the Head of Planning Policy",),
                lead_in="RECOMMENDATIONS:",
                recs=(
                    R("1.", "That the Regulation 19 Local Plan be approved for publication."),
                    R(
                        "2.",
                        "That the Head of Planning Policy be authorised to make minor changes.",
                    ),
                ),
            ),
            It(
                "5",
                "Exclusion of the press and public",
                notes=(exclusion_12a("paragraphs 3 and 5"),),
            ),
            It("6", "Legal advice on the Eastgate appeal", part=2, paragraph=5),
        ),
        options={
            "format": "docx",
            "members": "lines",
            "members_heading": "Membership:",
            "prefix": "Councillor ",
            "facts": "table",
            "autonum": True,
            "part_two_heading": "PART 2 (CONFIDENTIAL)",
            "exempt_style": "after_title",
        },
    ),
    # 19 Welsh county, Welsh then English one after the other (Word)
    Agenda(
        key="welsh-county-docx-one-after-other",
        kind="Welsh county",
        organisation="Bro Taf County Borough Council",
        committee="Cabinet",
        date="2025-07-15",
        time="14:00",
        venue="Council Chamber, Civic Offices, Bro Taf",
        quorum=3,
        members=people(
            "Carys Morgan; Huw Bevan; Ieuan Davies; Nia Edwards; Owain Harris; Tegan Rees"
        ),
        items=(
            It("1", "Apologies for absence", welsh_title="Ymddiheuriadau am absenoldeb"),
            It("2", "Declarations of interest", welsh_title="Datganiadau o fuddiant"),
            It(
                "3",
                "Welsh Language Standards Annual Report",
                welsh_title="Adroddiad Blynyddol Safonau'r Gymraeg",
                lead_in="Recommendation:",
                recs=(R(None, "That Cabinet approves the Annual Report for publication."),),
            ),
            It("4", "Local Housing Market Assessment", welsh_title="Asesiad o'r Farchnad Dai Leol"),
        ),
        options={
            "style": "welsh_county",
            "format": "docx",
            "welsh": "one_after_other",
            "welsh_org": "Cyngor Bwrdeistref Sirol Bro Taf",
            "welsh_committee": "Cabinet",
            "welsh_date": "Dydd Mawrth, 15 Gorffennaf 2025",
            "welsh_venue": "Siambr y Cyngor, Swyddfeydd Dinesig, Bro Taf",
        },
    ),
    # 20 combined authority overview and scrutiny (text), "Membership:" with co-opted members
    Agenda(
        key="combined-authority-scrutiny-text",
        kind="combined authority",
        organisation="Pennine Gate Combined Authority",
        committee="Overview and Scrutiny Committee",
        date="2026-01-21",
        time="10:00",
        venue="Committee Room A, Wellington House, 40 Albion Street, Pennington",
        quorum=8,
        members=(
            *people(
                "Ruth Ackroyd; Stanley Booth; Tariq Chaudry; Una Dyson; Vincent Earnshaw; "
                "Winifred Firth; Ahmed Gulzar; Brenda Holroyd; Cyril Iveson; Delia Jagger"
            ),
            M(
                "Emrys Kendal",
                written="Mr Emrys Kendal",
                role_text="Co-opted Member, non-voting",
                co_opted=True,
                voting=False,
            ),
        ),
        items=(
            *opening(
                "Apologies for absence",
                "Declarations of interest",
                "Minutes of the meeting held on 12 November 2025",
            ),
            It("4", "Mayor's Question Time"),
            It(
                "5",
                "Scrutiny work programme",
                lead_in="The Committee is requested to:",
                recs=(
                    R(None, "agree the work programme for 2026"),
                    R(None, "establish a task and finish group on bus franchising"),
                ),
            ),
        ),
        options={
            "format": "txt",
            "members": "lines",
            "members_heading": "Membership:",
            "prefix": "Cllr ",
            "facts": "lines",
            "clock": "compact",
            "quorum_text": "Quorum: 8 (two thirds of the voting members)",
            "rec_bullets": True,
        },
    ),
    # 21 fire authority full authority (Word) with summons sentence, items "(1)"
    Agenda(
        key="fire-authority-docx-summons",
        kind="fire authority",
        organisation="Downland Fire Authority",
        committee="Downland Fire Authority",
        date="2026-02-12",
        time="10:30",
        venue="Training Centre, Kestrel Road, Downhaven",
        quorum=5,
        members=people(
            "Gordon Appleyard; Heather Bourne; Irfan Chaudhry; Jean Dickens; "
            "Kevin Everett; Lydia Foster; Malcolm Greaves; Nerys Howell; "
            "Oswald Irving; Penelope Jarvis; Quinton Kerr; Rosalind Leach",
            chair="Chairman",
            vice="Vice-Chairman",
        ),
        items=(
            *opening(
                "Apologies for absence",
                "Declarations of interest",
                "Minutes of the meeting held on 11 December 2025",
                "Chairman's announcements",
            ),
            It(
                "5",
                "Revenue Budget and Precept 2026/27",
                notes=("Report of the Treasurer and the Chief Fire Officer",),
                lead_in="The Authority is recommended to:",
                recs=(
                    R("(a)", "approve the net revenue budget of £41.6 million"),
                    R("(b)", "set a Band D precept of £97.47"),
                ),
            ),
            It("6", "Community Risk Management Plan 2026–2030"),
        ),
        options={
            "style": "parish_summons",
            "format": "docx",
            "to": "To: Members of the Fire Authority: Councillors",
            "number": "({n})",
            "summons": "NOTICE IS HEREBY GIVEN that a meeting of {body} will be "
            "held at the {venue} on {when} at {time}.",
            "body": "the Downland Fire Authority",
            "quorum_text": "Quorum: five members",
            "signed_as": "Clerk to the Authority",
            "wrap": 80,
        },
    ),
    # 22 metropolitan borough committee (PDF) with table items and exempt line under the report
    Agenda(
        key="metropolitan-committee-pdf-item-table",
        kind="metropolitan borough",
        organisation="Irwell Bridge Metropolitan Borough Council",
        committee="Audit and Governance Committee",
        date="2025-07-29",
        time="18:00",
        venue="Council Chamber, Irwell Bridge Town Hall",
        quorum=3,
        members=people(
            "Stella Ainsworth; Terence Brierley; Ulrike Crompton; Vernon Duckworth; "
            "Wilma Entwistle; Yasmin Farooq"
        ),
        items=(
            *opening("Apologies for absence", "Declarations of interest", "Minutes"),
            It(
                "4",
                "Statement of Accounts 2024/25",
                notes=("Report of the Chief Finance Officer",),
                lead_in="The Committee is asked to:",
                recs=(
                    R("a)", "approve the audited Statement of Accounts"),
                    R("b)", "authorise the Chair to sign the Letter of Representation"),
                ),
            ),
            It(
                "5",
                "Whistleblowing investigation report",
                part=2,
                paragraph=1,
                confirm=True,
                notes=("Report of the Head of Internal Audit",),
            ),
        ),
        options={
            "format": "pdf",
            "members": "lines",
            "members_heading": "Members:",
            "prefix": "Councillor ",
            "item_table": True,
            "facts": "lines",
            "exempt_style": "line_under",
            "exempt_line": "Not for publication by virtue of paragraph {p} of Part 1 of "
            "Schedule 12A.",
        },
    ),
]

# Written first and kept out of the tuning (see the module docstring).
AGENDAS += [
    Agenda(
        key="heldout-parish-summons-minute-refs",
        kind="parish",
        organisation="Saxby St Mary Parish Council",
        committee="Saxby St Mary Parish Council",
        date="2025-06-09",
        time="19:30",
        venue="Memorial Hall, High Street, Saxby St Mary",
        quorum=3,
        held_out=True,
        members=(
            M("Anthony Beale", "chair"),
            M("Christine Dowling", "vice-chair"),
            M("Edward Fenn"),
            M("Gail Hopkins"),
            M("Ivor Jessop"),
            M("Linda Knott"),
            M("Mervyn Lyle"),
        ),
        items=(
            It("25/061", "Apologies for absence"),
            It("25/062", "Declarations of interest"),
            It("25/063", "Minutes of the meeting held on 12 May 2025"),
            It(
                "25/064",
                "Highways and footpaths",
                notes=(
                    "a) To receive an update on the Church Lane resurfacing.",
                    "b) To consider a request for a dropped kerb outside the school.",
                ),
            ),
            It("25/065", "Exclusion of the press and public", notes=(ACT_1960,)),
            It("25/066", "Tenders for grass cutting 2025–2028", part=2),
        ),
        options={
            "style": "parish_summons",
            "format": "pdf",
            "to": "To: Councillors",
            "number": "{n}",
            "wrap": 75,
            "quorum_text": "Quorum: 3",
            "ordinal": True,
        },
    ),
    Agenda(
        key="heldout-borough-licensing-docx",
        kind="district",
        organisation="Fenchester Borough Council",
        committee="Licensing Sub-Committee",
        date="2025-08-20",
        time="10:00",
        venue="Committee Room 2, Fenchester Town Hall",
        quorum=3,
        held_out=True,
        members=people("Harriet Cobb; Ivan Dyer; Jessica Ewart"),
        items=(
            *opening("Election of Chair", "Declarations of interest"),
            It(
                "3",
                "Application for a premises licence: The Old Forge, Bridge Street",
                notes=("Report of the Licensing Officer",),
                lead_in="The Sub-Committee is asked to:",
                recs=(R(None, "determine the application"),),
            ),
        ),
        options={
            "format": "docx",
            "members": "lines",
            "members_heading": "Members:",
            "prefix": "Councillor ",
            "facts": "table",
            "quorum_text": "Quorum: {q}",
        },
    ),
    Agenda(
        key="heldout-county-pdf-run-on",
        kind="county",
        organisation="Eastshire County Council",
        committee="Children's Services Scrutiny Committee",
        date="2025-10-02",
        time="14:00",
        venue="Council Chamber, County Offices, Eastbury",
        quorum=4,
        held_out=True,
        members=(
            M("Kenneth Ashby", "chair", role_text="Chairman"),
            M("Lesley Bream", "vice-chair", role_text="Vice-Chairman"),
            M("Maurice Cott"),
            M("Nadine Derry"),
            M("Oliver Elgar"),
            M("Pauline Frisby"),
            M("Reginald Gosse"),
            M("Sheila Hurn"),
            M(
                "Tom Ibbotson",
                written="Reverend Tom Ibbotson",
                role_text="Church of England Diocese representative",
                co_opted=True,
            ),
        ),
        items=(
            *opening("Apologies and substitutions", "Declarations of interest", "Minutes"),
            It(
                "4",
                "Ofsted inspection of children's social care services",
                notes=("Report of the Executive Director of Children's Services",),
                lead_in="The Committee is recommended to:",
                recs=(
                    R(None, "note the outcome of the inspection"),
                    R(None, "receive a progress report on the action plan in six months"),
                ),
            ),
            It("5", "Committee work programme"),
        ),
        options={
            "format": "pdf",
            "members": "run_on",
            "members_heading": "Membership: County Councillors",
            "prefix": "",
            "facts": "lines",
            "wrap": 80,
            "rec_bullets": True,
        },
    ),
    Agenda(
        key="heldout-police-panel-docx-three-columns",
        kind="police and crime panel",
        organisation="Avonmere Police and Crime Panel",
        committee="Avonmere Police and Crime Panel",
        date="2026-02-05",
        time="14:00",
        venue="Council Chamber, Avonmere Guildhall",
        quorum=5,
        held_out=True,
        members=(
            M("Ursula Blake", "chair", role_text="Chair"),
            M("Victor Crane", "vice-chair", role_text="Vice-Chair"),
            M("Wendy Doyle", role_text="Member"),
            M("Xander Ellis", role_text="Member"),
            M("Yvette Fraser", role_text="Member"),
            M("Zachary Gunn", role_text="Member"),
            M("Alma Hurst", role_text="Independent co-opted member", co_opted=True),
        ),
        items=(
            *opening("Apologies for absence", "Declarations of interest", "Minutes"),
            It(
                "4",
                "Proposed Police and Crime Plan 2026–2029",
                lead_in="The Panel is invited to:",
                recs=(
                    R("1)", "review the draft Police and Crime Plan"),
                    R("2)", "make recommendations to the Commissioner"),
                ),
            ),
        ),
        options={
            "format": "docx",
            "members": "three_columns",
            "members_heading": "Panel Membership",
            "prefix": "Councillor ",
            "appointed_by": [
                "Avonmere City Council",
                "North Avonmere District Council",
                "South Avonmere District Council",
                "Avonmere Vale Council",
                "Mere Borough Council",
                "Avon Forest District Council",
                "Independent member",
            ],
            "facts": "lines",
            "quorum_text": "Quorum: five members",
        },
    ),
]


REPORTS: list[Report] = [
    Report(
        "report-recommendations-section-numbers",
        "Review of Polling Districts and Polling Places",
        "Chief Executive",
        (
            R("2.1", "That the revised polling scheme at Appendix A be approved."),
            R(
                "2.2",
                "That the Electoral Registration Officer be authorised to make minor changes.",
            ),
        ),
        options={"heading": "2. Recommendations", "after": "3. Background"},
    ),
    Report(
        "report-recommendation-singular-caps",
        "Car Parking Charges 2025/26",
        "Director of Place",
        (
            R(
                None,
                "That the car parking charges set out in Appendix 1 be approved from 1 April 2025.",
            ),
        ),
        options={"format": "docx", "heading": "RECOMMENDATION"},
    ),
    Report(
        "report-recommendation-s-brackets",
        "Community Infrastructure Levy Spending Protocol",
        "Head of Planning",
        (R("(a)", "approve the CIL Spending Protocol"), R("(b)", "establish a CIL Member Panel")),
        options={
            "format": "pdf",
            "heading": "Recommendation(s)",
            "lead_in": "The Cabinet is recommended to:",
        },
    ),
    Report(
        "report-slash-bold-numbered-brackets",
        "Annual Review of the Council's Constitution",
        "Monitoring Officer",
        (
            R("1)", "That the changes to the Constitution set out in Appendix A be approved."),
            R("2)", "That the Monitoring Officer publishes the revised Constitution."),
        ),
        options={"heading": "Recommendation/s:", "markdown_bold": True, "author_first": True},
    ),
    Report(
        "report-numbered-caps-section",
        "Homelessness and Rough Sleeping Strategy 2025-2030",
        "Head of Housing",
        (
            R("1.1", "Approve the Homelessness and Rough Sleeping Strategy."),
            R("1.2", "Note the action plan at Appendix 2."),
        ),
        options={
            "format": "docx",
            "heading": "1. RECOMMENDATIONS",
            "purpose_heading": "Purpose",
            "after": "2. REASONS FOR RECOMMENDATIONS",
            "background": "2.1 The current strategy expires in March 2025.",
        },
    ),
    Report(
        "report-recommended-that-roman",
        "Treasury Management Strategy 2025/26",
        "Chief Finance Officer",
        (
            R("(i)", "the Treasury Management Strategy Statement be approved"),
            R("(ii)", "the Minimum Revenue Provision policy be approved"),
        ),
        options={"format": "pdf", "heading": "RECOMMENDED that:", "bold": True},
    ),
    Report(
        "report-committee-recommended-bullets",
        "Local Flood Risk Management Strategy",
        "Director of Environment",
        (
            R(None, "adopt the Local Flood Risk Management Strategy"),
            R(None, "note the consultation responses"),
        ),
        options={
            "heading": "Recommendations",
            "lead_in": "The Committee is recommended to:",
            "bullets": True,
        },
    ),
    Report(
        "report-asked-to-letters",
        "Fees and Charges 2025/26",
        "Director of Finance",
        (
            R("a)", "approve the fees and charges in Appendix A"),
            R("b)", "delegate in-year changes to the Director of Finance"),
        ),
        options={
            "format": "docx",
            "heading": "Recommendations",
            "lead_in": "Cabinet is asked to:",
            "subject_label": "Subject: ",
            "author_first": True,
        },
    ),
    Report(
        "report-invited-roman-dots",
        "Corporate Peer Challenge Action Plan",
        "Chief Executive",
        (
            R("i.", "note the findings of the Corporate Peer Challenge"),
            R("ii.", "endorse the action plan"),
        ),
        options={
            "format": "pdf",
            "heading": "RECOMMENDATIONS",
            "lead_in": "The Panel is invited to:",
        },
    ),
    Report(
        "report-requested-single",
        "Annual Report of the Standards Committee",
        "Monitoring Officer",
        (
            R(
                None,
                "The Council is requested to note the annual report of the Standards Committee.",
            ),
        ),
        options={"heading": "Recommendation:", "subject_label": "Report title: "},
    ),
    Report(
        "report-recommendations-word-bullets",
        "Playing Pitch Strategy",
        "Head of Leisure",
        (
            R(None, "That the Playing Pitch Strategy be adopted."),
            R(None, "That the Head of Leisure reviews the strategy annually."),
        ),
        options={"format": "docx", "heading": "Recommendations:", "bullets": True},
    ),
    Report(
        "report-recommendation-s-slash-numbers-pdf",
        "Climate Emergency Action Plan Update",
        "Sustainability Manager",
        (
            R("(1)", "That the progress on the Climate Emergency Action Plan be noted."),
            R("(2)", "That the revised targets be approved."),
        ),
        options={"format": "pdf", "heading": "RECOMMENDATION/S", "author_first": True},
    ),
]

# Written first and kept out of the tuning.
REPORTS += [
    Report(
        "heldout-report-recommendations-bold-lead-in",
        "Review of Community Grants",
        "Head of Communities",
        (
            R("(a)", "approve the revised Community Grants Policy"),
            R("(b)", "agree the grant awards set out in Appendix B"),
        ),
        held_out=True,
        options={
            "format": "docx",
            "heading": "RECOMMENDATIONS",
            "lead_in": "Members are asked to:",
        },
    ),
    Report(
        "heldout-report-recommended-bullets-pdf",
        "Empty Homes Premium",
        "Head of Revenues",
        (R(None, "That the Empty Homes Premium be increased to 200% from 1 April 2026."),),
        held_out=True,
        options={
            "format": "pdf",
            "heading": "Recommendation",
            "author_first": True,
            "subject_label": "Subject: ",
        },
    ),
]

# A second held-out batch, written after the parser had been fitted to everything above,
# and measured before any change made for it.
AGENDAS += [
    Agenda(
        key="heldout2-county-role-first",
        kind="county",
        organisation="Mid Wessex County Council",
        committee="Regulatory Committee",
        date="2026-03-17",
        time="10:30",
        venue="Committee Room 1, County Hall, Westbury",
        quorum=3,
        held_out=True,
        members=(
            M("Roger Ainsley", "chair"),
            M("Sally Bishop", "vice-chair"),
            M("Terence Cole"),
            M("Una Drake"),
            M("Vince Eames"),
            M("Wanda Frost"),
        ),
        items=(
            *opening("Apologies for absence", "Declarations of interest", "Minutes"),
            It(
                "4",
                "Application for a minerals extraction permit, Holt Quarry",
                notes=("Report of the Head of Planning",),
                lead_in="The Committee is recommended to:",
                recs=(
                    R("(i)", "grant the permit subject to conditions"),
                    R("(ii)", "require a restoration bond"),
                ),
            ),
            It("5", "Enforcement update"),
        ),
        options={
            "format": "txt",
            "members": "role_first",
            "members_heading": "Membership",
            "prefix": "County Councillor ",
            "plural": "County Councillors",
            "facts": "lines",
        },
    ),
    Agenda(
        key="heldout2-town-docx-place-table",
        kind="town",
        organisation="Ashby Market Town Council",
        committee="Finance and General Purposes Committee",
        date="2026-01-13",
        time="19:00",
        venue="Council Chamber, Market House, Ashby Market",
        quorum=3,
        held_out=True,
        members=people(
            "Beatrice Carr; Desmond Eade; Florence Gale; Horace Ince; Ivy Judd; Jack Keeling",
            chair="Chairman",
            vice="Vice-Chairman",
        ),
        items=(
            *opening("Apologies for absence", "Declarations of interest", "Minutes"),
            It(
                "4",
                "Budget and Precept 2026/27",
                lead_in="Recommendation:",
                recs=(R(None, "That the Committee recommends a precept of £412,500 to Council."),),
            ),
            It("5", "Grants", notes=("a) Ashby Youth Club.", "b) Ashby in Bloom.")),
            # (First written with confirm=True; a "Confidential business" heading opens
            # Part II for certain, as for every other Part II heading, so that was wrong.)
            It("6", "Staffing matters", part=2),
        ),
        options={
            "format": "docx",
            "members": "two_columns",
            "members_heading": "Councillors:",
            "prefix": "Cllr ",
            "facts": "table",
            "venue_label": "Place:",
            "autonum": True,
            "part_two_heading": "CONFIDENTIAL BUSINESS",
        },
    ),
    Agenda(
        key="heldout2-london-pdf-part-b",
        kind="London borough",
        organisation="London Borough of Riverside Heath",
        committee="Licensing Sub-Committee B",
        date="2026-02-24",
        time="19:00",
        venue="Committee Room 2, Riverside Heath Town Hall, SE9 4QT",
        quorum=3,
        held_out=True,
        members=(
            M("Priya Desai", "chair", role_text="Chair"),
            M("Tom Ellery", role_text="Member"),
            M("Wanjiru Kamau", role_text="Member"),
        ),
        items=(
            *opening("Apologies for absence", "Declarations of interest"),
            It(
                "3",
                "Licensing Act 2003: new premises licence, 12 High Street, SE9",
                notes=("Report of the Licensing Service Manager",),
                lead_in="The Sub-Committee is asked to:",
                recs=(R(None, "determine the application"),),
            ),
            It("4", "Exclusion of the press and public", notes=(exclusion_12a("paragraph 7"),)),
            It("5", "Review hearing: enforcement history", part=2, paragraph=7),
        ),
        options={
            "format": "pdf",
            "members": "name_role",
            "members_heading": "Members:",
            "prefix": "Councillor ",
            "facts": "lines",
            "part_two_heading": "PART B – ITEMS NOT FOR PUBLICATION",
        },
    ),
    Agenda(
        key="heldout2-parish-txt-cllr-each",
        kind="parish",
        organisation="Fenwick Magna Parish Council",
        committee="Fenwick Magna Parish Council",
        date="2026-04-13",
        time="19:30",
        venue="Pavilion, Recreation Ground, Fenwick Magna",
        quorum=3,
        quorum_inferred=True,
        held_out=True,
        members=(
            M("Alice Broom", "chair", written="Cllr Alice Broom", role_text="Chair"),
            M("Colin Dray", "vice-chair", written="Cllr Colin Dray", role_text="Vice-Chair"),
            M("Edna Fell", written="Cllr Edna Fell"),
            M("Gordon Hart", written="Cllr Gordon Hart"),
            M("Irene Jowett", written="Cllr Irene Jowett"),
            M("Kevin Lusk", written="Cllr Kevin Lusk"),
            M("Moira Nash", written="Cllr Moira Nash"),
        ),
        items=(
            It("26/031", "To receive apologies for absence"),
            It("26/032", "To receive declarations of interest"),
            It("26/033", "To approve the minutes of the meeting held on 9 March 2026"),
            It(
                "26/034",
                "Planning",
                notes=("a) 26/00211/HH – 3 The Street.", "b) 26/00219/FUL – Land at Brook Farm."),
            ),
            It("26/035", "Exclusion of the press and public", notes=(ACT_1960,)),
            It("26/036", "Quotations for play area repairs", part=2),
        ),
        options={
            "style": "parish_summons",
            "format": "txt",
            "to": "To: Members of Fenwick Magna Parish Council –",
            "number": "{n}",
            "quorum_rule": "The quorum is one third of the members, or three, whichever is "
            "the greater.",
            "summons": "Members of the Council are hereby summoned to attend a meeting of {body} "
            "at the {venue} on {when} commencing at {time}.",
            "role_words": {"chair": "Chair", "vice-chair": "Vice-Chair"},
        },
    ),
    Agenda(
        key="heldout2-fire-quarter-quorum",
        kind="fire authority",
        organisation="Northvale Fire and Rescue Authority",
        committee="Audit and Standards Committee",
        date="2026-01-27",
        time="14:00",
        venue="Board Room, Service Headquarters, Northvale",
        quorum=3,
        quorum_inferred=True,
        held_out=True,
        members=people(
            "Gwen Alder; Hugh Birch; Iona Cedar; Jake Dunn; Kirsty Elm; Lewis Fir; Mabel Gorse; "
            "Nigel Hazel; Olive Iris",
        ),
        items=(
            *opening("Apologies for absence", "Declarations of interest", "Minutes"),
            It(
                "4",
                "Internal Audit Plan 2026/27",
                notes=("Report of the Treasurer",),
                lead_in="RECOMMENDED that the Committee:",
                recs=(R("1.", "approves the Internal Audit Plan 2026/27"),),
            ),
            It("5", "Risk Register"),
        ),
        options={
            "format": "pdf",
            "members": "lines",
            "members_heading": "Membership:",
            "prefix": "Councillor ",
            "quorum_rule": "Quorum: one quarter of the Members, with a minimum of three",
            "clock": "pm",
        },
    ),
    Agenda(
        key="heldout2-welsh-first-txt",
        kind="Welsh county",
        organisation="Dyffryn County Borough Council",
        committee="Planning Committee",
        date="2026-02-10",
        time="10:00",
        venue="Council Chamber, Civic Centre, Dyffryn",
        quorum=5,
        held_out=True,
        members=people(
            "Aled Jones; Bethan Price; Cerys Hughes; Dewi Thomas; Elin Roberts; Ffion Williams; "
            "Glyn Davies; Hywel Evans; Iwan Lewis"
        ),
        items=(
            It("1", "Apologies for absence", welsh_title="Ymddiheuriadau am absenoldeb"),
            It("2", "Declarations of interest", welsh_title="Datganiadau o fuddiant"),
            It(
                "3",
                "Planning applications",
                welsh_title="Ceisiadau cynllunio",
                lead_in="Recommendation:",
                recs=(R(None, "That the applications be determined as set out in the report."),),
            ),
        ),
        options={
            "style": "welsh_county",
            "format": "txt",
            "welsh": "side_by_side",
            "welsh_org": "Cyngor Bwrdeistref Sirol Dyffryn",
            "welsh_committee": "Pwyllgor Cynllunio",
            "welsh_date": "Dydd Mawrth, 10 Chwefror 2026",
            "welsh_venue": "Siambr y Cyngor, Canolfan Ddinesig, Dyffryn",
        },
    ),
]

REPORTS += [
    Report(
        "heldout2-report-it-is-recommended",
        "Review of Licensing Fees",
        "Head of Regulatory Services",
        (
            R("a)", "approve the licensing fees set out in Appendix A"),
            R("b)", "publish the fees on the Council's website"),
        ),
        held_out=True,
        options={
            "heading": "RECOMMENDATIONS",
            "lead_in": "It is recommended that the Committee:",
            "format": "pdf",
        },
    ),
    Report(
        "heldout2-report-subject-docx",
        "Council Tax Support Scheme 2026/27",
        "Director of Finance",
        (
            R("1.1", "That Council adopts the Council Tax Support Scheme for 2026/27."),
            R("1.2", "That the Director of Finance makes minor changes to the scheme."),
        ),
        held_out=True,
        options={
            "format": "docx",
            "heading": "1. Recommendation(s)",
            "subject_label": "Subject: ",
            "author_first": True,
            "purpose_heading": "Summary",
            "after": "2. Background",
            "background": "2.1 The scheme is reviewed every year.",
        },
    ),
    Report(
        "heldout2-report-decision-sought",
        "Parking Enforcement Contract",
        "Head of Transport",
        (
            R(
                None,
                "Cabinet is asked to approve the award of the contract to the preferred bidder.",
            ),
        ),
        held_out=True,
        options={"heading": "Recommendation", "meeting": "Cabinet, 3 February 2026"},
    ),
]

# A third held-out batch, written and measured the same way.
AGENDAS += [
    Agenda(
        key="heldout3-metropolitan-cabinet-leader-pdf",
        kind="metropolitan borough",
        organisation="Aireford Metropolitan Borough Council",
        committee="Cabinet",
        date="2026-03-04",
        time="10:00",
        venue="Council Chamber, Aireford Town Hall",
        quorum=3,
        held_out=True,
        members=(
            M("Naveed Akhtar", "chair", role_text="Leader of the Council", role_inferred=True),
            M("Olwen Barker", role_text="Cabinet Member for Corporate Services"),
            M("Piers Cotton", role_text="Cabinet Member for Children's Services"),
            M("Rashida Begum", role_text="Cabinet Member for Health and Wellbeing"),
            M("Stuart Dyson", role_text="Cabinet Member for Place and Economy"),
        ),
        items=(
            *opening("Apologies for absence", "Declarations of interest", "Minutes"),
            It(
                "4",
                "Local Transport Plan 2026-2031",
                notes=("Report of the Strategic Director, Place",),
                lead_in="Recommendations:",
                recs=(
                    R(
                        "(1)",
                        "That the Local Transport Plan be recommended to Council for adoption.",
                    ),
                    R("(2)", "That the Strategic Director be authorised to make minor changes."),
                ),
            ),
            It("5", "Corporate Performance Report: Quarter 3"),
        ),
        options={
            "format": "pdf",
            "members": "name_role",
            "members_heading": "Cabinet Members",
            "prefix": "Councillor ",
            "facts": "table",
            "clock": "compact",
        },
    ),
    Agenda(
        key="heldout3-county-three-columns-pdf",
        kind="county",
        organisation="North Fenshire County Council",
        committee="Pensions Committee",
        date="2026-03-12",
        time="10:00",
        venue="Committee Room 3, County Hall, Fenchurch",
        quorum=3,
        held_out=True,
        members=(
            M("Alan Quarry", "chair", role_text="Chairman"),
            M("Brenda Rook", "vice-chair", role_text="Vice-Chairman"),
            M("Cyril Swan", role_text="Member"),
            M("Doreen Teal", role_text="Member"),
            M(
                "Elaine Wren",
                written="Mrs Elaine Wren",
                role_text="Employee representative (non-voting)",
                co_opted=True,
                voting=False,
            ),
        ),
        items=(
            *opening("Apologies for absence", "Declarations of interest", "Minutes"),
            It(
                "4",
                "Investment Strategy Statement",
                notes=("Report of the Director of Finance",),
                lead_in="The Committee is asked to:",
                recs=(R(None, "approve the Investment Strategy Statement"),),
            ),
            It("5", "Investment manager performance", part=2, paragraph=3),
        ),
        options={
            "format": "pdf",
            "members": "three_columns",
            "members_heading": "Membership",
            "prefix": "County Councillor ",
            "appointed_by": [
                "Conservative",
                "Conservative",
                "Labour",
                "Liberal Democrat",
                "Employee representative",
            ],
            "facts": "lines",
            "part_two_heading": "PART II – EXEMPT INFORMATION",
            "exempt_style": "line_under",
            "exempt_line": "Exempt: paragraph {p}, Schedule 12A, Local Government Act 1972",
        },
    ),
    Agenda(
        key="heldout3-unitary-docx-table-semicolons",
        kind="unitary",
        organisation="Severn Vale Council",
        committee="Children's Services Scrutiny Panel",
        date="2026-02-02",
        time="18:30",
        venue="Kinsey Room, Vale House, Severnton",
        quorum=3,
        held_out=True,
        members=(
            M("Ffion Adair", "chair", role_text="Chair"),
            M("Gavin Blyth", "vice-chair", role_text="Vice-Chair"),
            M("Hazel Crewe"),
            M("Ian Dunmore"),
            M("June Ewart"),
            M(
                "Ken Fisk",
                written="Mr Ken Fisk",
                role_text="Parent Governor Representative",
                co_opted=True,
            ),
        ),
        substitutes=(M("Lara Gill"), M("Mark Heron")),
        items=(
            *opening("Apologies and substitutions", "Declarations of interest", "Minutes"),
            It(
                "4",
                "Ofsted Focused Visit: Action Plan",
                notes=("Report of the Director of Children's Services",),
                lead_in="The Panel is invited to:",
                recs=(
                    R("a)", "scrutinise the action plan"),
                    R("b)", "agree to receive a further update in six months"),
                ),
            ),
            It(
                "5",
                "Home to School Transport contract",
                part=2,
                paragraph=3,
                confirm=True,
                notes=("Report of the Head of Commissioning",),
            ),
        ),
        options={
            "format": "docx",
            "members": "run_on",
            "members_heading": "Panel Members:",
            "separator": "; ",
            "prefix": "Cllr ",
            "item_table": True,
            "facts": "table",
            "exempt_style": "line_under",
            "exempt_line": "This report contains exempt information (paragraph {p} of "
            "Schedule 12A) and is not for publication.",
            "subs_heading": "Substitute Members:",
        },
    ),
    Agenda(
        key="heldout3-parish-docx-role-under",
        kind="parish",
        organisation="Wethersby Parish Council",
        committee="Wethersby Parish Council",
        date="2026-05-11",
        time="19:00",
        venue="Wethersby Village Hall, School Lane, Wethersby",
        quorum=3,
        held_out=True,
        members=(
            M("Harold Pym", "chair", role_text="Chairman"),
            M("Iris Quayle", "vice-chair", role_text="Vice-Chairman"),
            M("Jeremy Rudd"),
            M("Kathleen Sayer"),
            M("Leonard Tull"),
        ),
        items=(
            It("1", "Election of Chairman"),
            It("2", "Apologies for absence"),
            It("3", "Minutes of the last meeting"),
            It(
                "4",
                "Village hall lease",
                lead_in="Recommendation:",
                recs=(R(None, "That the Council renews the lease for five years."),),
            ),
            It("5", "Clerk's report"),
        ),
        options={
            "format": "docx",
            "members": "role_under",
            "members_heading": "Members of the Council:",
            "prefix": "Cllr ",
            "facts": "sentence",
            "sentence": "The Annual Meeting of the {committee} will be held in {venue} on "
            "{when} at {time}.",
            "autonum": True,
            "quorum_text": "Quorum: three",
        },
    ),
]

REPORTS += [
    Report(
        "heldout3-report-recommendations-bullets-pdf",
        "Tree Strategy 2026-2036",
        "Head of Environment",
        (
            R(None, "adopt the Tree Strategy 2026-2036"),
            R(None, "note the planting targets in Appendix B"),
        ),
        held_out=True,
        options={
            "format": "pdf",
            "heading": "Recommendation(s)",
            "lead_in": "Cabinet is recommended to:",
            "bullets": True,
        },
    ),
    Report(
        "heldout3-report-numbered-docx",
        "Review of Members' Allowances",
        "Monitoring Officer",
        (
            R("1.", "That the recommendations of the Independent Remuneration Panel be noted."),
            R("2.", "That the basic allowance for 2026/27 be set at £6,420."),
        ),
        held_out=True,
        options={
            "format": "docx",
            "heading": "RECOMMENDATIONS",
            "author_first": True,
            "subject_label": "Subject: ",
            "purpose_heading": "Purpose",
            "after": "Background",
        },
    ),
]


# A fourth held-out batch, each paper laid out by hand (papers4.py).
from tests.samples.councils import papers4  # noqa: E402

AGENDAS += papers4.AGENDAS
REPORTS += papers4.REPORTS

# A fifth, smaller held-out batch (papers5.py).
from tests.samples.councils import papers5  # noqa: E402

AGENDAS += papers5.AGENDAS
REPORTS += papers5.REPORTS

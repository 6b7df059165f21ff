"""The demo data: Hertfordshire County Council's Adult Care & Health Cabinet
Panel, from the public papers in shared/samples.

The meeting of 10 January 2018 is recorded as its minutes say; the meeting of
30 January 2018 has its agenda ready to record. Both go through ``load_meeting``
and so through every rule, like any other record.
"""

from __future__ import annotations

from typing import Any

from clerkdesk.domain.record_json import FORMAT_NAME, FORMAT_VERSION
from clerkdesk.domain.record_reader import read_record
from clerkdesk.services.context import Desk
from clerkdesk.services.records_io import load_meeting

ORGANISATION = "Hertfordshire County Council"
COMMITTEE = "Adult Care & Health Cabinet Panel"
VENUE = "Committee Room B, County Hall, Hertford"
# The panel's membership in the order the agenda lists it, with roles.
MEMBERS = [
    ("E H Buckmaster", "member"),
    ("F Guest", "member"),
    ("E M Gordon", "member"),
    ("S Gordon", "member"),
    ("K M Hastrick", "member"),
    ("D J Hewitt", "member"),
    ("F R G Hill", "vice-chair"),
    ("T Howard", "member"),
    ("J S Kaye", "member"),
    ("N A Quinton", "member"),
    ("R G Tindall", "member"),
    ("C B Wyatt-Lowe", "chair"),
]
CHARGING_LEAD = (
    "The following changes to the council's policy charges for non-residential (community "
    "based) adult social care services be made, to take effect from 15 April 2018:"
)
CHARGING_RECOMMENDATIONS = [
    (
        "i.)",
        "To include the Higher Rate of Attendance Allowance and Disability Living Allowance "
        "ONLY where people receive care to meet night time needs, when determining how much they "
        "can afford to pay towards their cost of care;",
        (8, 4, 0),
    ),
    (
        "ii.)",
        "For people receiving 'double-handed care', to charge based on the cost of both "
        "care workers providing the service, rather than only one as at present – to their "
        "maximum assessed contribution;",
        (8, 4, 0),
    ),
    (
        "iii.)",
        "To change the charging base for people in flexi-care accommodation:",
        (12, 0, 0),
    ),
    (
        "iv.)",
        "To charge a weekly fee of £3.25 for users of telecare services provided by Serco "
        "who do not receive any other social care services;",
        (11, 0, 1),
    ),
    (
        "v.)",
        "To charge £2 per journey or £4 per day for transportation to and from day care;",
        (8, 1, 3),
    ),
]
# Recommendation iii.)'s sub-points, a list in the real minutes.
FLEXI_CARE_BANDS = [
    "For people in the 'low needs' band to three hours per week",
    "For people in the 'medium needs' band to 8.5 hours per week",
    "For people in the 'high needs' band to fifteen hours per week",
]
# The clerk ("Ask for: Elaine Manzi") and the proper officer, as the minutes name them.
MINUTES_DETAILS = {
    "clerk_name": "Elaine Manzi",
    "proper_officer": "Kathryn Pettitt",
    "proper_officer_title": "Chief Legal Officer",
}
CHARGING_MINUTES = [
    "Members received a report detailing the outcomes of the public consultation by Adult Care "
    "Services on social care charging arrangements for community based social care, which had "
    "concluded on 31 December 2017. Members were asked to consider the consequent outlined "
    "recommendations for implementation to be agreed by Cabinet.",
    "The panel noted that in total, the consultation survey had been shared with 9,632 service "
    "users and carers and had been returned by 2,187 service users and carers, which equated to "
    "22.7% of the total amount of service users and carers consulted.",
    "Members discussed the five proposals outlined within the report. It was highlighted that "
    "the change to proposal one would mean a reduction of income forecast in the original "
    "proposal from £2.8m to £310k per annum.",
    "Further to Member discussion it was agreed to consider a paper being presented to a future "
    "meeting of the Adult Care & Health Cabinet Panel detailing the impact of the changes "
    "implemented through the proposed social care charging and the level of success in "
    "encouraging service users to apply for AA or DLA.",
    "Members voted on each of the recommendations to Cabinet as outlined in the report as "
    "follows: " + CHARGING_LEAD,
]


def _people(extra: list[tuple[str, str]]) -> list[dict[str, Any]]:
    names = [name for name, _ in MEMBERS] + [name for name, _ in extra]
    return [
        {"key": f"p{n}", "name": name, "kind": "councillor", "title": None}
        for n, name in enumerate(names, start=1)
    ]


def _members(status_of: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "person": f"p{n}",
            "capacity": "member",
            "role": role,
            "voting": True,
            "status": status_of.get(name, "present"),
        }
        for n, (name, role) in enumerate(MEMBERS, start=1)
    ]


def _vote(yes: int, no: int, abstain: int) -> dict[str, Any]:
    return {
        "outcome": "carried" if yes > no else "lost",
        "counts": [
            {"option": "yes", "value": yes},
            {"option": "no", "value": no},
            {"option": "abstain", "value": abstain},
        ],
        "votes": [],
        "casting_vote": None,
    }


def meeting_of_10_january_2018() -> dict[str, Any]:
    substitute = ("R H Smith", "E H Buckmaster")
    people = _people([substitute])
    attendance = _members({"E H Buckmaster": "apologies"})
    attendance.append(
        {
            "person": f"p{len(MEMBERS) + 1}",
            "capacity": "substitute",
            "status": "present",
            "substitute_for": "p1",
        }
    )
    items: list[dict[str, Any]] = [
        {
            "number": "1",
            "title": "Minutes",
            "minutes": [
                "The Minutes of the Cabinet Panel meeting held on 14 November 2017 were confirmed "
                "as a correct record and signed by the Chairman."
            ],
        },
        {
            "number": "2",
            "title": "Public Petitions",
            "minutes": ["There were no public petitions."],
        },
        {
            "number": "3",
            "title": "Changes to Charging Arrangements for Community Based Adult Social Care",
            "contact_officer": "Helen Maneuf, Assistant Director Planning & Resources",
            "minutes": CHARGING_MINUTES,
            "recommendations": [
                {
                    "label": label,
                    "text": text,
                    "vote": _vote(*counts),
                    **({"points": FLEXI_CARE_BANDS} if label == "iii.)" else {}),
                }
                for label, text, counts in CHARGING_RECOMMENDATIONS
            ],
            "actions": [
                {
                    "owner": "ACS Officers",
                    "text": "Bring a paper to a future meeting on "
                    "the impact of the charging changes and the take-up of AA and DLA.",
                    "paragraph": 4,  # beside the minute that agreed it
                },
                {
                    "owner": "Iain MacBeath / Helen Maneuf",
                    "text": "Signpost service users "
                    "and carers to the Citizens Advice Bureau when completing benefit forms.",
                },
            ],
        },
        {
            "number": "6",
            "title": "Other Part I Business",
            "minutes": ["There was no other Part I business."],
        },
    ]
    return _document("2018-01-10", "closed", people, attendance, items)


def meeting_of_30_january_2018() -> dict[str, Any]:
    items: list[dict[str, Any]] = [
        {"number": "1", "title": "Minutes"},
        {"number": "2", "title": "Public Petitions"},
        {
            "number": "3",
            "title": "Integrated Plan 2018/19 - 2021/22 Adult Care and Health",
            "report_title": "Integrated Plan 2018/19 - 2021/22 Adult Care and Health",
            "report_author": "Helen Maneuf, Assistant Director Integrated Planning and Resources",
            "recommendations": [
                {
                    "label": "3.1",
                    "text": "The Panel is invited to comment to Cabinet on the "
                    "proposals relating to the Integrated Plan in respect of Adult Care and Health "
                    "Portfolio.",
                },
                {
                    "label": "3.2",
                    "text": "The Panel is also asked to identify any issues that it "
                    "feels that the Cabinet should consider in finalising the Integrated Plan "
                    "proposals.",
                },
            ],
        },
        {
            "number": "4",
            "title": "Adult Community Health Services – Joined-up Care Proposals",
            "report_author": "Ed Knowles, Assistant Director – Health Integration",
            "recommendations": [
                {
                    "label": "3.1 (a)",
                    "text": "Note and comment on the opportunities within this "
                    "Report for joining up health and care services in Hertfordshire.",
                },
                {
                    "label": "3.1 (b)",
                    "text": "Recommend Cabinet agree that the Director of Adult "
                    "Care Services undertake work with Herts Valleys Clinical Commissioning "
                    "Group to develop a joint specification for adult community health services "
                    "to align "
                    "delivery with the County Council's priorities.",
                },
            ],
        },
        {
            "number": "5",
            "title": "Invest to Transform Proposals to Support Delivery of Adult "
            "Social Care Integrated Plan Proposals",
            "report_author": "Helen Maneuf, Assistant Director Planning & Resources",
            "recommendations": [
                {
                    "label": "3.1",
                    "text": "That Panel recommends that Cabinet agrees the proposed "
                    "Invest to Transform Programme for Adult Care Services (detailed in "
                    "Appendix A) designed to support delivery of Integrated Plan Proposals.",
                }
            ],
        },
        {"number": "6", "title": "Other Part I Business"},
    ]
    status = {name: "absent" for name, _ in MEMBERS}
    return _document("2018-01-30", "draft", _people([]), _members(status), items)


def _document(
    date: str,
    status: str,
    people: list[dict[str, Any]],
    attendance: list[dict[str, Any]],
    items: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "organisation": ORGANISATION,
        "committee": {"name": COMMITTEE, "quorum": 3},
        "meeting": {
            "date": date,
            "start_time": "10:30",
            "venue": VENUE,
            "status": status,
            **MINUTES_DETAILS,
        },
        "people": people,
        "attendance": attendance,
        # Every demo item is public business; a record always says so.
        "items": [{"part": 1, "exempt_paragraph": None, **item} for item in items],
    }


def create_demo(desk: Desk) -> list[int]:
    """Load both demo meetings; returns their ids (10 January first).

    Asking for the demo again asks for new copies of its meetings, as before.
    """
    return [
        load_meeting(desk, read_record(meeting_of_10_january_2018()), as_new_copy=True),
        load_meeting(desk, read_record(meeting_of_30_january_2018()), as_new_copy=True),
    ]

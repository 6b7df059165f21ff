"""A member the agenda names as non-voting is saved as one (so the quorum does not count them)."""

from __future__ import annotations

from clerkdesk.importing import parse_agenda_text
from clerkdesk.services.context import Desk
from clerkdesk.services.importing import import_agenda
from clerkdesk.services.records_io import get_record

AGENDA = """TRENT AND SOAR COMBINED AUTHORITY
COMBINED AUTHORITY BOARD
Date: Thursday 9 October 2025

Membership
Member\tAppointed by\tRole
Mayor J Pemberton\tCombined Authority\tChair
Councillor K Walsh\tSoarby City Council\tVice-Chair
Councillor L Marsh\tTrentside Borough Council\tConstituent member
Mr O Platt\tBusiness Board\tCo-opted member (non-voting)

Quorum: 3

AGENDA
1. Apologies
2. Minutes
"""


def test_a_non_voting_member_is_saved_as_non_voting(desk: Desk) -> None:
    result = import_agenda(desk, parse_agenda_text(AGENDA))
    record = get_record(desk, result.meeting_id)
    voting = {record.name_of(a.person_id): a.voting for a in record.attendees}
    assert voting == {"J Pemberton": True, "K Walsh": True, "L Marsh": True, "O Platt": False}

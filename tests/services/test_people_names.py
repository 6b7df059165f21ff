"""A person named again is found again, in any letter case, on either database.

SQLite's lower() lowers only ASCII letters, so a name with another capital
("Ŵyn Jones", "Élise Roy"), typed again exactly, was never found: each time
a second person was made, and their attendance and interests were split
between them. Names are now compared by Python's casefold, the same on a
file and on a server (persistence/queries.py, person_named).
"""

from __future__ import annotations

from sqlalchemy import insert

from clerkdesk.domain.model import Capacity, PersonKind
from clerkdesk.persistence.schema import PersonRow
from clerkdesk.services import attendance
from clerkdesk.services.context import Desk
from clerkdesk.services.setup import find_or_create_person
from tests.services.helpers import fresh_record


def test_names_with_capitals_beyond_ascii_are_found_again_in_any_case(desk: Desk) -> None:
    names = ("Ŵyn Jones", "Ŵyn Jones", "ŵyn jones", "ŴYN JONES", "Élise Roy", "élise ROY")
    with desk.db.session() as session:
        ids = [find_or_create_person(session, name).id for name in names]
        officer = find_or_create_person(session, "Élise Roy", PersonKind.OFFICER).id
    assert ids[0] == ids[1] == ids[2] == ids[3]
    assert ids[4] == ids[5] != ids[0]
    assert officer not in ids  # a councillor and an officer are two people


def test_an_officer_named_at_two_meetings_is_one_person(desk: Desk, demo_ids: list[int]) -> None:
    first = attendance.add_attendee(
        desk, demo_ids[0], "Dr Ŵyn Jones", Capacity.OFFICER, "Director of Public Health"
    ).new_id
    second = attendance.add_attendee(desk, demo_ids[1], "Dr ŵyn jones", Capacity.OFFICER).new_id
    assert first == second
    # The title given at the first meeting is offered at the second.
    assert fresh_record(desk, demo_ids[1]).person(second).title == "Director of Public Health"


def test_where_a_file_already_holds_two_the_first_made_is_found(desk: Desk) -> None:
    with desk.db.session() as session:
        made = [
            session.execute(
                insert(PersonRow).values(name=name, kind="councillor").returning(PersonRow.id)
            ).scalar_one()
            for name in ("Ŵyn Jones", "Ŵyn Jones")
        ]
        assert find_or_create_person(session, "Ŵyn Jones").id == min(made)

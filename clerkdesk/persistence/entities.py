"""The things a meeting record is made of, as a unit of work writes them.

Services name what they change in the domain's words (an attendee, a
decision); each entity knows its table and the area of the window it shows
in, so what an action changed is derived from what it wrote.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from sqlalchemy import Table

from clerkdesk.domain.changes import Area
from clerkdesk.persistence.schema import Base


class Entity(enum.Enum):
    # A meeting's date, time and venue show in the meetings list too.
    MEETING = ("meeting", Area.MEETING | Area.MEETINGS)
    # The committee's quorum and membership, that later meetings start from.
    COMMITTEE = ("committee", Area.MEETING)
    COMMITTEE_MEMBER = ("committee_member", Area.ATTENDANCE)
    ITEM = ("agenda_item", Area.ITEMS)
    RECOMMENDATION = ("recommendation", Area.ITEMS)
    AMENDMENT = ("amendment", Area.ITEMS | Area.VOTES)
    DECISION = ("decision", Area.VOTES)
    NAMED_VOTE = ("named_vote", Area.VOTES)
    PERSON = ("person", Area.ATTENDANCE)
    ATTENDEE = ("attendee", Area.ATTENDANCE)
    # A declaration can bar a member from a vote: the votes show it too.
    DECLARATION = ("declaration", Area.DECLARATIONS | Area.VOTES)
    PARAGRAPH = ("minute_paragraph", Area.MINUTES)
    ACTION = ("action", Area.MINUTES)

    def __init__(self, table_name: str, area: Area) -> None:
        self.table_name = table_name
        self.area = area

    @property
    def table(self) -> Table:
        return Base.metadata.tables[self.table_name]


_AREAS = {entity.table_name: entity.area for entity in Entity}


def areas_of(table_names: Iterable[str]) -> Area:
    """The areas the rows of these tables show in (a journal entry's, when undone).
    A table no entity names (an entry journalled by an older version) redraws
    the whole record."""
    area = Area.NONE
    for name in table_names:
        area |= _AREAS.get(name, Area.RECORD)
    return area

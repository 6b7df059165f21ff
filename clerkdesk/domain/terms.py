"""The words of procedure a meeting record is written in: who attends and in
what capacity, where a meeting stands, what its chair is called, how a vote
went and what became of an item.

They are apart from the record's classes (model.py, which re-exports them)
because the window's menus, lists and panels name them as they are built,
before the window first paints, while the records are needed only once a
meeting is open: the records load just after that paint (docs/benchmarks.md,
issue 19; tests/ui/test_startup.py).
"""

from __future__ import annotations

from enum import StrEnum


class PersonKind(StrEnum):
    COUNCILLOR = "councillor"
    OFFICER = "officer"


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    MEMBER = "member"


class Capacity(StrEnum):
    """In what capacity a person attends this meeting."""

    MEMBER = "member"
    SUBSTITUTE = "substitute"
    OTHER_MEMBER = "other-member"
    OFFICER = "officer"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    IN_PROGRESS = "in-progress"
    CLOSED = "closed"
    APPROVED = "approved"


class ChairStyle(StrEnum):
    """What the council calls the person in the chair, in its minutes."""

    CHAIRMAN = "Chairman"
    CHAIR = "Chair"
    CHAIRPERSON = "Chairperson"

    def role_title(self, role: Role) -> str | None:
        """ "Chair" / "Vice-Chair" for the chair and vice-chair; None for a member."""
        if role is Role.CHAIR:
            return self.value
        if role is Role.VICE_CHAIR:
            return f"Vice-{self.value}"
        return None


class BodyKind(StrEnum):
    """What the body is, for the minutes' "MEMBERS OF THE PANEL"."""

    PANEL = "Panel"
    COMMITTEE = "Committee"
    SUB_COMMITTEE = "Sub-Committee"
    BOARD = "Board"
    CABINET = "Cabinet"
    COUNCIL = "Council"

    @classmethod
    def from_name(cls, name: str) -> BodyKind:
        """The kind a name says, when none is set: the last word of the name that
        is a kind ("Planning Committee (East)" -> Committee; "Adult Care & Health
        Cabinet Panel" -> Panel); Committee when none is."""
        found = BodyKind.COMMITTEE
        for word in name.replace("(", " ").replace(")", " ").split():
            for kind in cls:
                if word.casefold() in (kind.value.casefold(), kind.value.casefold() + "s"):
                    found = kind
            if word.casefold() in ("subcommittee", "sub committee"):
                found = BodyKind.SUB_COMMITTEE
        return found


class MemberOrder(StrEnum):
    """The order the minutes list members in."""

    SURNAME = "surname"  # as real minutes do, substitutes in their place
    COMMITTEE = "committee"  # the committee's own order, where a council prefers it


class Outcome(StrEnum):
    CARRIED = "carried"
    LOST = "lost"
    NOTED = "noted"
    DEFERRED = "deferred"
    WITHDRAWN = "withdrawn"

    @property
    def needs_vote(self) -> bool:
        # By identity: a StrEnum's == compares as text, and this is asked of
        # every vote each time a whole record is checked.
        return self is Outcome.CARRIED or self is Outcome.LOST


class Disposal(StrEnum):
    """What became of an item the meeting did not consider."""

    WITHDRAWN = "withdrawn"
    DEFERRED = "deferred"


class VoteOption(StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"

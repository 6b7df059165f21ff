"""The minutes view: plain, already-worded data that both renderers read.

Nothing here knows about Word or PDF. Nothing here holds anything the version
being rendered may not show: the public/confidential choice was made when the
view was built (see :mod:`clerkdesk.export.view`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

Run = tuple[str, bool]  # (text, bold)


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"  # a numbered minute paragraph ("3.1")
    TEXT = "text"  # unnumbered text: report line, officer contact, summary
    EXEMPT = "exempt"  # the Schedule 12A paragraph relied on
    NOTE = "note"  # arrivals, departures, declarations of interest
    RECOMMENDATION = "recommendation"  # a recommendation or amendment, set in
    POINT = "point"  # one sub-point of the recommendation before it, in a list
    VOTE = "vote"  # one line of a vote in words
    NAMES = "names"  # a recorded vote: "For: A; B"
    OUTCOME = "outcome"  # "The recommendation was CARRIED."
    ACTION = "action"  # a follow-up, its owner in the ACTION column


_KEPT_WITH_NEXT = frozenset(
    {BlockKind.RECOMMENDATION, BlockKind.POINT, BlockKind.VOTE, BlockKind.NAMES}
)


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    runs: tuple[Run, ...]
    number: str = ""  # the minute's number ("3.1"), if numbered (Word numbers it itself)
    action: str = ""  # shown in the ACTION column, if any

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)

    @property
    def keep_with_next(self) -> bool:
        """Never end a page here: a recommendation or vote line is kept with the
        outcome, and a lead-in ("... was then put:") with what it introduces."""
        return self.kind in _KEPT_WITH_NEXT or self.text.rstrip().endswith(":")


def plain(kind: BlockKind, text: str, number: str = "", action: str = "") -> Block:
    """A block of text in one run, not bold."""
    return Block(kind, ((text, False),), number, action)


@dataclass(frozen=True, slots=True)
class ItemView:
    """An agenda item as minuted; a banner is a part heading with no number."""

    number: str
    title: str
    blocks: tuple[Block, ...] = ()
    exempt: bool = False
    banner: bool = False

    @property
    def heading(self) -> str:
        title = self.title.upper()
        return f"{self.number}. {title}" if self.number else title


@dataclass(frozen=True, slots=True)
class AttendanceGroup:
    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class MinutesView:
    organisation: str
    committee: str
    date_text: str  # "Wednesday 10 January 2018"
    time_text: str  # "10.30 am", or "" when not recorded
    venue: str
    confidential: bool
    draft: bool
    status_line: str  # "DRAFT: not yet approved" / "Approved as a correct record ..."
    attendance: tuple[AttendanceGroup, ...]
    attendance_notes: tuple[str, ...]
    introduction: str
    interests_statement: str
    items: tuple[ItemView, ...]
    corrections: tuple[str, ...] = ()  # those of no one item (attendance, the meeting)
    closing_line: str = ""  # "The meeting closed at 12.45 pm.", when recorded
    proper_officer_lines: tuple[str, ...] = ()  # "KATHRYN PETTITT", "CHIEF LEGAL OFFICER"
    signature_label: str = "CHAIRMAN"
    initials_label: str = "CHAIRMAN'S INITIALS"

    confidential_mark: str = "CONFIDENTIAL – NOT FOR PUBLICATION"

    @property
    def marking(self) -> str:
        """What every page carries at the top, besides the heading."""
        marks = []
        if self.confidential:
            marks.append(self.confidential_mark)
        if self.draft:
            marks.append("DRAFT")
        return "   ·   ".join(marks)

    @property
    def doc_title(self) -> str:
        suffix = " (confidential)" if self.confidential else ""
        return f"Minutes of the {self.committee}, {self.date_text}{suffix}"

    @property
    def subject(self) -> str:
        return f"{self.committee}, {self.date_text}"

    @property
    def running_head(self) -> str:
        return f"{self.committee.upper()} {self.date_text.upper()}"

"""What an action changed, as the window's areas: derived from what it wrote."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window names the areas before the records load (see terms.py)
    from clerkdesk.domain.model import MeetingRecord


class Area(enum.Flag):
    """The parts of a meeting record an action can change; each screen redraws
    only for the areas it shows."""

    NONE = 0
    ATTENDANCE = enum.auto()
    ITEMS = enum.auto()
    VOTES = enum.auto()
    DECLARATIONS = enum.auto()
    MINUTES = enum.auto()
    MEETING = enum.auto()
    # The list of meetings (a meeting created, imported or loaded).
    MEETINGS = enum.auto()
    # What the window itself changes: the current item, the meeting clock, and
    # a different meeting opened.
    CURRENT_ITEM = enum.auto()
    CLOCK = enum.auto()
    OPENED = enum.auto()
    RECORD = ATTENDANCE | ITEMS | VOTES | DECLARATIONS | MINUTES | MEETING
    EVERYTHING = RECORD | MEETINGS | CURRENT_ITEM | CLOCK | OPENED


@dataclass(frozen=True, slots=True)
class UndoLabels:
    """What Undo and Redo would do now: the entries' labels, None where there is none."""

    undo_label: str | None
    redo_label: str | None


@dataclass(frozen=True, slots=True)
class Change:
    """What an action did: its label, the areas it changed (so each screen redraws
    only what it must), the id it made, and, for a meeting action, the record as
    it left it and the undo labels after it (so the window reads neither again)."""

    label: str
    meeting_id: int | None
    areas: Area
    new_id: int | None = None
    undo: UndoLabels | None = None
    record: MeetingRecord | None = None

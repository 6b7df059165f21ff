"""What an action changed, as the window's areas: derived from what it wrote."""

from __future__ import annotations

import enum


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
    RECORD = ATTENDANCE | ITEMS | VOTES | DECLARATIONS | MINUTES | MEETING

"""Python's garbage collector and the clerk's key press.

Once the desk is open, the process holds tens of thousands of objects that
Python's cyclic collector tracks (Qt's wrappers, SQLAlchemy's tables and
compiled statements, the window's rows, the meeting's record), nearly all of
them for as long as the window lives. A full collection walks every one: on
a large meeting that takes several frames, at a moment the collector
chooses, which while recording is usually a key press. So once the database
and its meeting are open, what is there is collected once and then frozen
(``gc.freeze``): the collector no longer walks it. Later collections walk
only what was made since (an action's record and rows, which each action
replaces), which costs well under a frame. Nothing is left uncollected for
good but cyclic garbage among the frozen objects, and the window's own
objects do not become garbage before the application ends.

Applied by the application's start (``app.run_app``), after the database
opens, never in tests: it is process-wide.
"""

from __future__ import annotations

import gc


def freeze_what_is_loaded() -> None:
    """Collect what is garbage now, then keep everything alive out of later collections."""
    gc.collect()
    gc.freeze()

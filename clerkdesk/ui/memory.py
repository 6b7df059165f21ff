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

Applied by the application (``app.run_app``) after the database opens and
again after each meeting the clerk opens is shown, never in tests: it is
process-wide. The second matters as much as the first: a meeting chosen from
the list after start-up was otherwise left to the collector, whose full
passes then walked the whole record, long enough to be felt in a key press
(docs/benchmarks.md, issue 17). Opening meetings one after another leaves
nothing frozen behind for good: what a closed meeting held is freed by its
reference counts (40 openings of the demo meetings: the frozen count and the
process's memory stayed flat).

Before that, while the window first comes up, the collector is paused
(``pause_collection``, from ``preload.load_before_qt``) and resumed just after
the first paint (``resume_collection``, from ``app.show_window``). Start-up
makes almost nothing but what lives as long as the program (modules, classes,
Qt's Python enums, the window's widgets); the some 60 passes the collector
made over them before the first paint freed nearly nothing and took about
25 ms. Any garbage made meanwhile is collected once it resumes.
"""

from __future__ import annotations

import gc


def freeze_what_is_loaded() -> None:
    """Collect what is garbage now, then keep everything alive out of later collections."""
    gc.collect()
    gc.freeze()


_paused = False


def pause_collection() -> None:
    """Pause the cyclic collector until ``resume_collection`` (if it is running)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collection() -> None:
    """Resume the collector if ``pause_collection`` paused it; otherwise nothing."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()

"""What the window's first look needs that does not use Qt, imported before PySide6.

Once PySide6 has been imported it looks at every module imported after it (its
feature switching wraps the import machinery and reads each new module's source
to see whether it uses PySide6; in the frozen app, where there is no source,
each look fails, slowly). For these modules, which do not, that was about a
tenth of the time the window takes to appear with its meetings
(docs/benchmarks.md); so the command line imports them first, then the window,
and the frozen app's run-time hook (packaging/start_before_qt.py) imports them
before anything imports PySide6. Nothing here may import Qt (a test checks).
"""

from __future__ import annotations

import importlib

from clerkdesk.ui.memory import pause_collection

# Not the domain's records (model.py) nor its rules: they load after the first
# paint, which shows no meeting (domain/terms.py).
FIRST_LOOK = (
    "clerkdesk.domain.terms",
    "clerkdesk.domain.changes",
    "clerkdesk.persistence.opening",
    "clerkdesk.persistence.meeting_list",
    "clerkdesk.persistence.location",
    "clerkdesk.ui.rows",
)


def load_before_qt() -> None:
    """Import the first look's modules; and pause Python's cyclic collector until
    the window's first paint (see ui/memory.py), which resumes it."""
    pause_collection()
    for name in FIRST_LOOK:
        importlib.import_module(name)

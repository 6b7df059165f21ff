"""Run-time hook of the frozen app: import the Qt-free start before PySide6 loads.

PyInstaller runs its own run-time hook for PySide6 before the program, and
that hook imports PySide6. From then on PySide6 looks at every module
imported (for its `__feature__` switching: it asks each for its source, which
a frozen module does not ship, so each look fails, a tenth of a millisecond or
more). ``clerkdesk.ui.preload`` imports the window's first look before PySide6
for that reason, and this hook, which PyInstaller runs before its own, does
the same in the frozen app: the command line (with the log it writes to) and
the first look's modules (preload), which most commands need or soon would. It only
imports; what runs is still main.py's.

The cyclic collector is paused while these modules load: they make only what
lives as long as the program (modules, classes, functions), and the
collector's passes over them freed nothing (docs/benchmarks.md, issue 19).
"""

import gc
import importlib


def _import_the_start() -> None:
    from clerkdesk.ui.preload import FIRST_LOOK

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for name in ("clerkdesk.cli", "clerkdesk.diagnostics", *FIRST_LOOK):
            importlib.import_module(name)
    finally:
        if was_enabled:
            gc.enable()


_import_the_start()
del _import_the_start

"""The versions a support contact asks for first: said by Help › About and
at the top of every problem report."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import qVersion

from clerkdesk.version import VERSION


def versions() -> list[tuple[str, str]]:
    """(what, version) for ClerkDesk, Qt, PySide6, Python, SQLite and the system."""
    from clerkdesk.persistence.opening import sqlite_version  # not at import: see test_startup

    return [
        ("ClerkDesk", VERSION),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", platform.python_version()),
        # The library the database file is read and written with, not the
        # sqlite3 module's own version.
        ("SQLite", sqlite_version()),
        ("Operating system", platform.platform()),
    ]

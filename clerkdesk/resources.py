"""Where ClerkDesk's own files are: fonts, icons, release notes.

From a source checkout they are in the repository, beside the package. Frozen
by PyInstaller, the program runs from a bundle whose data sits in one folder
(``sys._MEIPASS``: the application folder's ``_internal``), and the packaging
puts ``resources/`` and ``docs/release-notes.md`` there, as in the repository.
Every reader asks here, so the two layouts are told apart once.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``resources/`` and ``docs/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if isinstance(bundle, str):
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return app_root() / "resources"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def release_notes_file() -> Path:
    return app_root() / "docs" / "release-notes.md"

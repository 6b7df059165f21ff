"""ClerkDesk's version, said once: the package metadata (pyproject.toml), the
command line, the window title and Help › About all read it from here."""

from __future__ import annotations

VERSION = "0.2.0"
NAME = "ClerkDesk"
# ClerkDesk never looks for updates (council laptops are often offline, and
# councils push new versions themselves): it says where to read what changed.
RELEASE_NOTES = (
    "docs/release-notes.md in the folder ClerkDesk is installed in, and the project's releases page"
)


def name_and_version() -> str:
    return f"{NAME} {VERSION}"

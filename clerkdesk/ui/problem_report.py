"""The problem report of an unexpected error: what a support contact needs to
find the fault, and nothing of the meeting.

An exception's message may quote what the clerk recorded (a KeyError names
the missing key, a ValueError the value it could not read, and every
DomainError names the members and items involved: domain/errors.py). So the
report keeps each exception's type and where in the code it was raised, line
by line, and never its message. The source lines shown are ClerkDesk's and
its libraries' code, not data. File paths are cut to the package and module,
which also leaves out the user's folder names.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from clerkdesk.ui.versions import versions

_PACKAGE_PARENT = Path(__file__).resolve().parents[2]
_LIBRARY_FOLDERS = ("site-packages", "dist-packages")
MESSAGE_LEFT_OUT = "(its message is left out: it may quote the meeting)"


def code_location(filename: str) -> str:
    """A frame's file, from the package down: ``clerkdesk/ui/main_window.py``,
    ``sqlalchemy/orm/session.py``, ``python3.11/json/decoder.py``."""
    path = Path(filename)
    if not path.is_absolute():
        return filename  # "<frozen importlib._bootstrap>", "<string>"
    try:
        return path.resolve().relative_to(_PACKAGE_PARENT).as_posix()
    except (OSError, ValueError):
        pass
    parts = path.parts
    for folder in _LIBRARY_FOLDERS:
        if folder in parts:
            return Path(*parts[len(parts) - parts[::-1].index(folder) :]).as_posix()
    return Path(*parts[-3:]).as_posix()


def type_name(kind: type[BaseException]) -> str:
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def _chain(error: BaseException) -> Iterator[tuple[BaseException, str]]:
    """The error and those it was raised from or while handling, oldest first,
    each with the words Python puts after it."""
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = error
    after = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, after))
        if current.__cause__ is not None:
            current, after = current.__cause__, "It was the direct cause of the error below."
        elif current.__context__ is not None and not current.__suppress_context__:
            current, after = current.__context__, "The error below happened while handling it."
        else:
            current = None
    return reversed(chain)


def scrubbed_traceback(error: BaseException, tb: TracebackType | None = None) -> str:
    """The traceback of ``error`` (and of the errors chained to it), each frame's
    file, line, function and code, each exception by its type alone."""
    lines: list[str] = []
    for each, after in _chain(error):
        where = tb if each is error and tb is not None else each.__traceback__
        frames = traceback.extract_tb(where)
        lines.append("Traceback (most recent call last):")
        for frame in frames:
            lines.append(
                f'  File "{code_location(frame.filename)}", line {frame.lineno}, in {frame.name}'
            )
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append(f"{type_name(type(each))} {MESSAGE_LEFT_OUT}")
        if after:
            lines.extend(["", after, ""])
    return "\n".join(lines)


def problem_report(
    error: BaseException,
    tb: TracebackType | None,
    attempted: list[str],
    schema: str,
    written: dt.datetime | None = None,
) -> str:
    """The whole report, as plain text the clerk can copy, save or read."""
    when = (written or dt.datetime.now()).replace(microsecond=0)
    lines = [
        "ClerkDesk problem report",
        "",
        f"Written {when:%Y-%m-%d %H:%M:%S} (this computer's time). ClerkDesk has sent it",
        "nowhere. It holds no names, titles or minutes: only versions, what was being",
        "done and where in the program it failed.",
        "",
        *(f"{what}: {version}" for what, version in versions()),
        f"Database schema version: {schema}",
        "",
        "Action attempted:",
        *(f"  {each}" for each in attempted or ["not known"]),
        f"What went wrong: {type_name(type(error))}",
        "",
        scrubbed_traceback(error, tb),
        "",
    ]
    return "\n".join(lines)

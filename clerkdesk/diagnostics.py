"""What the program's libraries have to say goes to a log file, not to the clerk.

A dependency's warning (a deprecation in cryptography that pyHanko triggers,
a notice from Qt) is a message for whoever maintains ClerkDesk. Printed on
the terminal or in a window it only alarms the clerk, who can do nothing
about it. The running program therefore sends every warning that does not
come from ClerkDesk's own code, and every message Qt logs, to a log file in
the user's log folder; ClerkDesk's own warnings (bugs to fix) still show.
The problem report of an unexpected error in the window (ui/crash_dialog.py)
is written to the same file. The file is rotated: at most four of a megabyte.

Only the standard library and platformdirs: this runs before anything else.
The file is opened only when there is something to write, and if it cannot
be written at all the messages are dropped rather than shown.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path
from typing import TextIO

LOGGER = "clerkdesk.dependencies"
# ClerkDesk's own unexpected errors: the problem report the crash dialog shows
# is written here too, so support can read it even if the clerk closed it.
PROBLEMS = "clerkdesk.problems"
LOG_FILE = "clerkdesk.log"
_PACKAGE = Path(__file__).resolve().parent
_LOG_BYTES = 1_000_000
_LOG_KEPT = 3


def log_folder() -> Path:
    """Where the log is kept: ``CLERKDESK_LOG_DIR``, else the platform's user log folder."""
    chosen = os.environ.get("CLERKDESK_LOG_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return platformdirs.user_log_path("ClerkDesk", appauthor=False)


class LogFile(logging.Handler):
    """The rotating log file, found and opened at the first message.

    Most runs write nothing to it, and finding the user's log folder and the
    rotating handler's imports cost the window's start-up some 20 ms (they
    pull in ``tempfile`` and ``socket``): they wait until there is something
    to write. If the folder cannot be made, messages are dropped, never shown.
    """

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.opened: logging.Handler | None = None

    def open(self) -> logging.Handler:
        if self.opened is None:
            import logging.handlers

            try:
                target = self.folder or log_folder()
                target.mkdir(mode=0o700, parents=True, exist_ok=True)
                rotating = logging.handlers.RotatingFileHandler(
                    target / LOG_FILE,
                    maxBytes=_LOG_BYTES,
                    backupCount=_LOG_KEPT,
                    encoding="utf-8",
                    delay=True,  # no file until there is something to write
                )
                rotating.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
                self.opened = rotating
            except OSError:
                self.opened = logging.NullHandler()
        return self.opened

    def emit(self, record: logging.LogRecord) -> None:
        self.open().handle(record)

    def close(self) -> None:
        if self.opened is not None:
            self.opened.close()
        super().close()


def dependency_logger(folder: Path | None = None) -> logging.Logger:
    """The logger for what libraries say, writing to ``folder``/clerkdesk.log.

    The problem reports' logger writes through the same handler: two handlers
    rotating one file would each keep writing to the file the other renamed.
    Neither logger propagates to the root logger, whose last-resort handler
    would print to stderr.
    """
    logger = logging.getLogger(LOGGER)
    problems = logging.getLogger(PROBLEMS)
    for each in (logger, problems):
        each.propagate = False
        each.setLevel(logging.DEBUG)
    for old in list(logger.handlers):
        logger.removeHandler(old)
        logging.getLogger().removeHandler(old)
        old.close()
    for old in list(problems.handlers):
        problems.removeHandler(old)
        old.close()
    handler = LogFile(folder)
    logger.addHandler(handler)
    problems.addHandler(handler)
    return logger


def problem_logger(folder: Path | None = None) -> logging.Logger:
    """The logger for ClerkDesk's own unexpected errors, writing to the same
    rotating log file (in ``folder`` if given, else where the program's entry
    point already sent what libraries say, else the user's log folder)."""
    logger = logging.getLogger(PROBLEMS)
    if folder is not None or not logger.handlers:
        dependency_logger(folder)
    return logger


def is_ours(filename: str) -> bool:
    """Whether a warning was raised from ClerkDesk's own code."""
    try:
        return Path(filename).resolve().is_relative_to(_PACKAGE)
    except (OSError, ValueError):
        return False


def route_dependency_warnings(folder: Path | None = None) -> logging.Logger:
    """From now on, send warnings raised outside ClerkDesk, and what libraries log,
    to the log file.

    Called once by the program's entry point, not by the library: a test or a
    script that imports ClerkDesk keeps its own warning settings.
    """
    logger = dependency_logger(folder)
    # Libraries also log (pyHanko logs every certificate it cannot trust); with
    # no handler, Python's last resort would print those on stderr.
    root = logging.getLogger()
    for handler in logger.handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    shown = warnings.showwarning

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if is_ours(filename):
            shown(message, category, filename, lineno, file, line)
        else:
            logger.warning("%s:%s: %s: %s", filename, lineno, category.__name__, message)

    warnings.showwarning = show
    return logger

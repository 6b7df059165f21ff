"""Files and folders ClerkDesk creates are the user's alone.

The database holds Part II (exempt) business and the signing key signs the
minutes: nobody else who can log on to the machine may read them. On POSIX
every file ClerkDesk creates is 0600 and every folder 0700, set as it is made
(before a byte is written), not afterwards. SQLite gives a database's -wal
and -shm the permissions of the database itself, so a private database has
private side files. On Windows the mode bits mean little: ClerkDesk's files
live in the user's own profile (``%LOCALAPPDATA%``), which only that user and
administrators can read (docs/reliability.md). Standard library only.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FILE_MODE = 0o600
_PRIVATE_UMASK = 0o077
_umask_lock = threading.Lock()


@contextmanager
def private_creation() -> Iterator[None]:
    """Whatever is created inside the block (by us or by SQLite) is private.

    The umask belongs to the process: another thread creating a file meanwhile
    gets a private one too, which is the safe direction.
    """
    with _umask_lock:
        previous = os.umask(_PRIVATE_UMASK)
        try:
            yield
        finally:
            os.umask(previous)


def make_private_folder(folder: Path) -> None:
    """``folder`` and any missing parents, each made 0700 (existing ones are
    left as they are: they may be the user's own, chosen on purpose)."""
    with private_creation():
        folder.mkdir(parents=True, exist_ok=True)


def create_private_file(path: Path) -> None:
    """An empty file at ``path``, 0600 from the start; refuses an existing one."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)

"""One copy of ClerkDesk writes to a database at a time.

SQLite's own locking keeps two writers from corrupting the file, but two
copies of ClerkDesk recording the same meeting would each show a screen the
other is silently changing. So the app holds an operating-system lock on
``<db>.lock`` for as long as it has the database open. The OS drops the lock
when the process ends, however it ends, so a crash never leaves a stale lock.
The lock file also says who holds it, for the message the second copy shows,
and the last action this machine acknowledged on the database (its audit
id, with the database's identity token): a file that later holds fewer
actions has lost some, for example with its -wal file (opening.py). It is
kept here, not in the database, because it must survive what the database
loses; it is written after each commit, so it never claims more than was
committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from clerkdesk.persistence.errors import DatabaseError

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

# msvcrt locks are mandatory: a locked byte cannot even be read. The lock sits
# far past the text so that the second copy can still read who holds it.
_WINDOWS_LOCK_OFFSET = 1 << 20


class DatabaseInUseError(DatabaseError):
    """Another copy of ClerkDesk has this database open."""


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


# A named tuple, not a frozen dataclass: made before the window's first paint,
# where making a dataclass compiles each of its methods (docs/benchmarks.md, issue 19).
class Acknowledged(NamedTuple):
    """The last action acknowledged on a database: its identity token and the
    highest audit id it then held."""

    token: str
    audit_id: int


_ACK_WORD = "acknowledged"


def _parse_acknowledged(text: str) -> Acknowledged | None:
    for line in text.splitlines()[2:]:
        parts = line.split()
        if len(parts) == 3 and parts[0] == _ACK_WORD and parts[2].isdigit():
            return Acknowledged(parts[1], int(parts[2]))
    return None


def _text(who: str, acknowledged: Acknowledged) -> str:
    # Fixed width, so the text never shrinks and one write at the start
    # replaces it whole.
    return f"{who}{_ACK_WORD} {acknowledged.token} {acknowledged.audit_id:020d}\n"


def read_acknowledged(db_path: Path) -> Acknowledged | None:
    """What the lock file says was last acknowledged (None if nothing, or unreadable)."""
    try:
        with lock_path_for(db_path).open("rb") as handle:
            text = handle.read(4096).decode("utf-8", "replace")
    except OSError:
        return None
    return _parse_acknowledged(text)


def forget_acknowledged(db_path: Path) -> None:
    """After a restore: the restored file starts a new count. The caller holds the lock."""
    lock_path = lock_path_for(db_path)
    try:
        text = lock_path.read_text("utf-8", "replace")
    except OSError:
        return
    kept = "".join(f"{line}\n" for line in text.splitlines()[:2])
    fd = os.open(lock_path, os.O_RDWR)
    try:
        os.write(fd, kept.encode())
        os.ftruncate(fd, len(kept.encode()))
    finally:
        os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _holder(lock_path: Path) -> str:
    try:
        pid, host = [*lock_path.read_text("utf-8").splitlines(), "?", "?"][:2]
    except OSError:
        return "process ? on ?"
    return f"process {pid or '?'} on {host or '?'}"


class WriterLock:
    """The held lock; release it (or leave the ``with`` block) on closing the database."""

    def __init__(self, path: Path, fd: int, who: str, acknowledged: Acknowledged | None) -> None:
        self.path = path
        self._fd: int | None = fd
        self._who = who
        # What was acknowledged before this copy took the lock, compared with the
        # file on opening (opening.py); then what this copy has acknowledged.
        self.acknowledged = acknowledged

    def acknowledge(self, token: str, audit_id: int) -> None:
        """Note that everything up to ``audit_id`` is committed and acknowledged."""
        if self._fd is None:
            return
        self.acknowledged = Acknowledged(token, audit_id)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, _text(self._who, self.acknowledged).encode())

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)
        # The file stays: deleting it would let a third copy lock a new file
        # while a second still waits on the old one.

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _host_name() -> str:
    # os.uname where there is one: the socket module alone took a tenth of the
    # time the window needs to show its meetings (docs/benchmarks.md).
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def acquire_writer_lock(db_path: Path) -> WriterLock:
    """Lock ``db_path`` for this process, or raise ``DatabaseInUseError``."""
    lock_path = lock_path_for(db_path)
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)  # private: it names the host
    except OSError as error:
        raise DatabaseError(
            f"ClerkDesk cannot create its lock file {lock_path} ({error.strerror}). Check that "
            "you may write to the database's folder."
        ) from error
    if not _try_lock(fd):
        os.close(fd)
        raise DatabaseInUseError(
            f"This database is already open in another copy of ClerkDesk "
            f"({_holder(lock_path)}). Switch to that window, or close it and try again."
        )
    os.lseek(fd, 0, os.SEEK_SET)
    previous = _parse_acknowledged(os.read(fd, 4096).decode("utf-8", "replace"))
    who = f"{os.getpid()}\n{_host_name()}\n"
    text = (
        who if previous is None else f"{who}{_ACK_WORD} {previous.token} {previous.audit_id:020d}\n"
    )
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, text.encode())
    return WriterLock(lock_path, fd, who, previous)

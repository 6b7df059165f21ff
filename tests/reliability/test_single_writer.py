"""Only one copy of ClerkDesk may have a database open: proved with a real second process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from clerkdesk.persistence.errors import DatabaseError
from clerkdesk.persistence.single_writer import (
    DatabaseInUseError,
    acquire_writer_lock,
    lock_path_for,
)

HOLD_LOCK = """
import sys, time
from pathlib import Path
from clerkdesk.persistence.single_writer import acquire_writer_lock
lock = acquire_writer_lock(Path(sys.argv[1]))
print("locked", flush=True)
time.sleep(60)
"""


def start_other_copy(db_path: Path) -> subprocess.Popen[str]:
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    assert other.stdout is not None and other.stdout.readline().strip() == "locked"
    return other


def stop(other: subprocess.Popen[str], sig: int = signal.SIGTERM) -> None:
    os.kill(other.pid, sig)
    other.wait()
    if other.stdout is not None:
        other.stdout.close()


def test_a_second_copy_is_refused_with_who_holds_it(db_path: Path) -> None:
    other = start_other_copy(db_path)
    try:
        with pytest.raises(DatabaseInUseError) as refused:
            acquire_writer_lock(db_path)
        assert str(refused.value) == (
            f"This database is already open in another copy of ClerkDesk (process {other.pid} "
            f"on {socket.gethostname()}). Switch to that window, or close it and try again."
        )
        assert isinstance(refused.value, DatabaseError)
    finally:
        stop(other)
    with acquire_writer_lock(db_path) as lock:  # free once the other copy has closed
        assert lock.held
        assert lock_path_for(db_path).read_text().split() == [
            str(os.getpid()),
            socket.gethostname(),
        ]
    assert not lock.held


def test_a_crashed_copy_leaves_no_stale_lock(db_path: Path) -> None:
    other = start_other_copy(db_path)
    stop(other, signal.SIGKILL)
    lock = acquire_writer_lock(db_path)
    lock.release()
    lock.release()  # releasing twice is harmless


def test_two_opens_in_one_process_also_conflict(db_path: Path) -> None:
    with acquire_writer_lock(db_path), pytest.raises(DatabaseInUseError):
        acquire_writer_lock(db_path)


def test_an_unwritable_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="cannot create its lock file"):
        acquire_writer_lock(tmp_path / "no such folder" / "clerkdesk.db")

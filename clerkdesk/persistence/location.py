"""Warn when the database lives somewhere that can corrupt it.

Sync programs (OneDrive, Dropbox, ...) copy a file while SQLite is writing
it, and copy the ``.db`` without its ``-wal``; network file systems often get
SQLite's locks wrong. Either can lose or corrupt records. The advice is always
the same: keep the live database local and let backups go to the synced
folder instead.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

# Folder names (compared case-insensitively) that sync clients create.
_SYNC_PREFIXES: tuple[tuple[str, str], ...] = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("iclouddrive", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"),
    ("box sync", "Box"),
    ("pcloud", "pCloud"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
)
# macOS puts every file-provider folder under ~/Library/CloudStorage; the
# specific service's folder name, if recognised, is named in preference.
_ANY_PROVIDER = ("cloudstorage", "a cloud storage provider")
# Too common as prefixes ("Boxes", "Synchronise"), so only the exact name counts.
_SYNC_EXACT: dict[str, str] = {"box": "Box", "box-box": "Box", "sync": "Sync.com"}

NETWORK_FS_TYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "davfs",
        "fuse.davfs2", "afs", "ceph", "glusterfs", "fuse.rclone",
    }
)  # fmt: skip

ADVICE = (
    "Syncing or sharing a live SQLite database can corrupt it. Keep it in a local folder "
    "such as Documents and let ClerkDesk's backups go to the synced folder instead."
)


# A named tuple, not a frozen dataclass: made before the window's first paint,
# where making a dataclass compiles each of its methods (docs/benchmarks.md, issue 19).
class Mount(NamedTuple):
    point: str
    fs_type: str


MountsReader = Callable[[], Iterable[Mount]]


def parse_mounts(text: str) -> list[Mount]:
    """Mount points and types from ``/proc/mounts`` text (spaces come as ``\\040``)."""
    mounts: list[Mount] = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[1])
            mounts.append(Mount(point, fields[2]))
    return mounts


def read_proc_mounts() -> list[Mount]:
    try:
        return parse_mounts(Path("/proc/mounts").read_text("utf-8", errors="replace"))
    except OSError:
        return []  # not Linux, or no /proc: nothing to go on


def _parts(path: str) -> list[str]:
    # Split on both separators so Windows paths are understood on any platform.
    return [part for part in re.split(r"[\\/]+", path) if part]


def sync_service(path: str) -> str | None:
    """The sync service whose folder holds ``path``, if any."""
    folders = [part.lower() for part in _parts(path)[:-1]]  # not the file's own name
    for folder in folders:
        if folder in _SYNC_EXACT:
            return _SYNC_EXACT[folder]
        for prefix, service in _SYNC_PREFIXES:
            if folder.startswith(prefix):
                return service
    return _ANY_PROVIDER[1] if _ANY_PROVIDER[0] in folders else None


def network_fs_type(path: str, mounts: Iterable[Mount]) -> str | None:
    """The network file system type ``path`` is on, from the longest matching mount."""
    best: Mount | None = None
    for mount in mounts:
        point = mount.point.rstrip("/") or "/"
        inside = path == point or path.startswith(point if point == "/" else point + "/")
        if inside and (best is None or len(point) > len(best.point.rstrip("/") or "/")):
            best = mount
    if best is not None and best.fs_type in NETWORK_FS_TYPES:
        return best.fs_type
    return None


def _windows_network_drive(path: str) -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    drive_remote = 4
    root = os.path.splitdrive(path)[0] + "\\"
    return bool(ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote)


def location_warning(db_path: Path | str, mounts: MountsReader | None = None) -> str | None:
    """A warning for the clerk if ``db_path`` is in a synced folder or on a
    network drive; None if it looks local."""
    text = str(db_path)
    if text.startswith(("\\\\", "//")):
        return f"The database {text} is on a network share. {ADVICE}"
    if not re.match(r"^[A-Za-z]:", text):
        text = str(Path(text).expanduser().resolve())
    service = sync_service(text)
    if service is not None:
        return f"The database {text} is in a folder synced by {service}. {ADVICE}"
    fs_type = network_fs_type(text, (mounts or read_proc_mounts)())
    if fs_type is not None:
        return f"The database {text} is on a network drive ({fs_type}). {ADVICE}"
    if _windows_network_drive(text):
        return f"The database {text} is on a network drive. {ADVICE}"
    return None

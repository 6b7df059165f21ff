"""Warnings for databases in synced folders and on network drives."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerkdesk.persistence.location import Mount, location_warning, parse_mounts

LOCAL_MOUNTS = [Mount("/", "ext4"), Mount("/home", "ext4")]


def local() -> list[Mount]:
    return LOCAL_MOUNTS


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (r"C:\Users\jo\OneDrive - Camden Council\Documents\clerkdesk.db", "OneDrive"),
        ("/home/jo/Dropbox/clerkdesk.db", "Dropbox"),
        ("/home/jo/Dropbox (Personal)/meetings/clerkdesk.db", "Dropbox"),
        (r"G:\My Drive\clerkdesk.db", "Google Drive"),
        ("/Users/jo/Google Drive/clerkdesk.db", "Google Drive"),
        ("/Users/jo/Library/CloudStorage/GoogleDrive-jo@x.org/My Drive/c.db", "Google Drive"),
        ("/Users/jo/Library/Mobile Documents/com~apple~CloudDocs/clerkdesk.db", "iCloud Drive"),
        (r"C:\Users\jo\iCloudDrive\clerkdesk.db", "iCloud Drive"),
        ("/home/jo/Box/clerkdesk.db", "Box"),
        ("/home/jo/pCloudDrive/clerkdesk.db", "pCloud"),
        ("/home/jo/Nextcloud/clerkdesk.db", "Nextcloud"),
        ("/home/jo/ownCloud/clerkdesk.db", "ownCloud"),
        ("/home/jo/Sync/clerkdesk.db", "Sync.com"),
        ("/Users/jo/Library/CloudStorage/Acme-Files/c.db", "a cloud storage provider"),
    ],
)
def test_synced_folders_are_warned_about(path: str, service: str) -> None:
    warning = location_warning(path, mounts=local)
    assert warning is not None
    assert f"synced by {service}" in warning or (service == "iCloud Drive" and "iCloud" in warning)
    assert "can corrupt it" in warning
    assert "keep it in a local folder such as Documents" in warning.replace("Keep", "keep")
    assert "backups go to the synced folder instead" in warning


@pytest.mark.parametrize(
    "path",
    [
        "/home/jo/Documents/clerkdesk.db",
        "/home/jo/Boxes/clerkdesk.db",  # not Box
        "/home/jo/Synchronised minutes/clerkdesk.db",  # not Sync.com
        "/home/jo/Documents/Dropbox.db",  # the file's own name does not count
        r"C:\Users\jo\Documents\clerkdesk.db",
    ],
)
def test_local_folders_are_not_warned_about(path: str) -> None:
    assert location_warning(path, mounts=local) is None


@pytest.mark.parametrize("path", [r"\\fileserver\committees\clerkdesk.db", "//nas/share/c.db"])
def test_unc_paths_are_network_shares(path: str) -> None:
    warning = location_warning(path, mounts=local)
    assert warning is not None and "network share" in warning


PROC_MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
fileserver:/export/committees /mnt/committees nfs4 rw,relatime 0 0
//nas/clerks /mnt/nas\\040share cifs rw 0 0
jo@box:/srv /home/jo/remote fuse.sshfs rw 0 0
/dev/vdb /mnt/committees/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "fs_type"),
    [
        ("/mnt/committees/clerkdesk.db", "nfs4"),
        ("/mnt/nas share/clerkdesk.db", "cifs"),
        ("/home/jo/remote/clerkdesk.db", "fuse.sshfs"),
        ("/mnt/committees/local/clerkdesk.db", None),  # a local disk mounted inside the share
        ("/mnt/committeesX/clerkdesk.db", None),  # a prefix of the name is not inside it
    ],
)
def test_network_mounts_are_found_in_the_mounts_table(path: str, fs_type: str | None) -> None:
    warning = location_warning(path, mounts=lambda: parse_mounts(PROC_MOUNTS))
    if fs_type is None:
        assert warning is None
    else:
        assert warning is not None and f"network drive ({fs_type})" in warning


def test_the_real_mounts_table_can_be_read(tmp_path: Path) -> None:
    location_warning(tmp_path / "clerkdesk.db")  # no fake: reads /proc/mounts if present

"""Reading the files a clerk names, and writing the files ClerkDesk makes, safely.

Every file a command reads goes through :func:`read_input_file`: only an
ordinary file is opened (a pipe would block and a device such as
``/dev/zero`` never ends), and never more than a stated number of bytes is
read, whatever the file says its size is.

Every file a command writes goes through :func:`check_output_path` and
:class:`StagedOutput`: the target may not be the database, its ``-wal``,
``-shm``, journal or lock, anything in its backups folder, or a file the
command reads (compared by resolved path and by file identity, so symbolic
and hard links are caught too); the bytes go to a temporary file in the
target's folder, flushed to disk, and only a complete file is renamed over
the target. A refused or failed write leaves nothing behind.

Standard library only: the importer, the services and the command line all
use it.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

_CHUNK = 1024 * 1024


class FileRefused(Exception):
    """The file cannot be read or written as asked; ``str(error)`` says why and what to do."""


def shown(path: Path) -> str:
    """``path`` as text that can always be printed (a name that is not valid
    UTF-8 shows its odd bytes as escapes)."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def read_input_file(path: Path, *, max_bytes: int, too_large: str) -> bytes:
    """The bytes of the ordinary file ``path``, refused past ``max_bytes``.

    ``too_large`` ends the message given when the file is larger: it names
    what to do instead. The size is checked while reading, not trusted
    from the file system, so a file that grows, or lies, is refused too.
    """
    name = shown(path)
    if require_ordinary_file(path).st_size > max_bytes:
        raise FileRefused(_too_large(name, max_bytes, too_large))
    try:
        # O_NONBLOCK: should the name now be a pipe, opening it must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise FileRefused(
            f"{name}: cannot open it ({error.strerror or error}). Check that you may read it."
        ) from None
    try:
        _require_ordinary(os.fstat(fd).st_mode, name)  # the file opened, not the one looked at
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, _CHUNK):
            total += len(chunk)
            if total > max_bytes:
                raise FileRefused(_too_large(name, max_bytes, too_large))
            chunks.append(chunk)
    except OSError as error:
        raise FileRefused(f"{name}: cannot read it ({error.strerror or error}).") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def require_ordinary_file(path: Path) -> os.stat_result:
    """``path``'s status if it is an ordinary file (a link to one counts), else
    :class:`FileRefused` saying what it is instead. Nothing is opened."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise FileRefused(f"{shown(path)}: no such file. Check the name and folder.") from None
    except OSError as error:
        raise FileRefused(f"{shown(path)}: cannot read it ({error.strerror or error}).") from None
    _require_ordinary(info.st_mode, shown(path))
    return info


def _require_ordinary(mode: int, name: str) -> None:
    if stat.S_ISDIR(mode):
        raise FileRefused(f"{name} is a folder; give a file inside it.")
    if not stat.S_ISREG(mode):
        raise FileRefused(
            f"{name} is not an ordinary file (it is a pipe, socket or device); "
            "save what it holds to a file and give that."
        )


def _too_large(name: str, max_bytes: int, what_to_do: str) -> str:
    return f"{name} is larger than {_size(max_bytes)}, the most ClerkDesk reads here. {what_to_do}"


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count:,} bytes"


def database_files(db_path: Path) -> tuple[list[Path], list[Path]]:
    """(files, folders) that belong to the database at ``db_path`` and that no
    output may replace: the file, SQLite's companions, the writer lock, the backups."""
    companions = ("", "-wal", "-shm", "-journal", ".lock")
    files = [db_path.with_name(db_path.name + suffix) for suffix in companions]
    return files, [db_path.with_name(db_path.name + ".backups")]


def present(path: Path, *, follow: bool = True) -> os.stat_result | None:
    """``path``'s status, None if nothing is there; a name the system cannot
    even look up (too long, a loop of links) is refused, saying so."""
    try:
        return os.stat(path, follow_symlinks=follow)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise FileRefused(
            f"{shown(path)}: {error.strerror or error}; choose another name."
        ) from None


def check_output_path(
    path: Path, *, protected_files: Iterable[Path] = (), protected_folders: Iterable[Path] = ()
) -> Path:
    """The file to write for ``path``, or :class:`FileRefused` saying why not.

    A symbolic link is followed (the file it names is the one replaced).
    """
    name = shown(path)
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        raise FileRefused(
            f"The file name {name} is not valid UTF-8 text; choose a name typed on this computer."
        ) from None
    target = Path(os.path.abspath(path))
    if present(target, follow=False) is not None:
        target = target.resolve()
    info = present(target)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise FileRefused(f"{name} is a folder; give a file name inside it.")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise FileRefused(f"{name} is not an ordinary file; choose another name.")
    parent = present(target.parent)
    if parent is None or not stat.S_ISDIR(parent.st_mode):
        raise FileRefused(
            f"The folder {shown(target.parent)} does not exist; choose an existing folder."
        )
    for protected in protected_files:
        if _same_file(target, protected):
            raise FileRefused(
                f"{name} is {shown(protected)}, which ClerkDesk must keep; "
                "choose another name for the output."
            )
    for folder in protected_folders:
        resolved = Path(os.path.abspath(folder))
        resolved = resolved.resolve() if present(resolved) is not None else resolved
        if _normcase(target).is_relative_to(_normcase(resolved)):
            raise FileRefused(
                f"{name} is inside {shown(folder)}, which holds the database's backups; "
                "choose another folder for the output."
            )
    return target


def _normcase(path: Path) -> Path:
    return Path(os.path.normcase(path))


def _same_file(target: Path, protected: Path) -> bool:
    """Is ``target`` the file ``protected`` (the same name once links are
    followed, or the same file on disk under another name)?"""
    other = Path(os.path.abspath(protected))
    if present(other, follow=False) is not None:
        other = other.resolve()
    if _normcase(target) == _normcase(other):
        return True
    try:
        return os.path.samefile(target, other)
    except OSError:  # either is missing: then only the names could match
        return False


class StagedOutput:
    """A complete file written beside ``target``, renamed over it by :meth:`publish`.

    Used as a context manager: on leaving the block without publishing (an
    error, a refusal), the temporary file is removed, and ``target`` is as
    it was.
    """

    def __init__(self, target: Path, data: bytes) -> None:
        self.target = target
        self._temporary: Path | None = None
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        self._temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            if target.is_file():  # a replaced file keeps its permissions; a new one is
                os.chmod(self._temporary, stat.S_IMODE(target.stat().st_mode))  # the user's own
        except BaseException:
            self.discard()
            raise

    def publish(self) -> Path:
        if self._temporary is None:
            raise RuntimeError("this output was already published or discarded")
        os.replace(self._temporary, self.target)
        self._temporary = None
        _sync_folder(self.target.parent)
        return self.target

    def discard(self) -> None:
        if self._temporary is not None:
            self._temporary.unlink(missing_ok=True)
            self._temporary = None

    def __enter__(self) -> StagedOutput:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.discard()


def write_file_atomically(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` (already checked) through a temporary file."""
    with StagedOutput(target, data) as staged:
        return staged.publish()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""Every command fed malformed, oversized and adversarial input (issue 13).

Each case must end in exit 0 (or ``verify``'s and ``check``'s documented 1),
or in one line on stderr with exit 2; never a traceback; and the database's
content (every row of every table), the files beside it, and the inputs
are as they were, unless the command succeeded at a change it exists to make.

Most cases run in-process through ``clerkdesk.cli.main``; the heaviest
attacks run again in child processes under a memory limit (RLIMIT_AS,
``CHILD_MEMORY``) with a generous timeout that only guards against a hang.
Nothing here measures time.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from clerkdesk.cli import main
from tests.cli import hostile_corpus as corpus

REPO = Path(__file__).resolve().parents[2]
CHILD_MEMORY = 2 * 1024**3  # address space a child may map: what the limits must stay within
CHILD_HANG_GUARD_SECONDS = 300  # only so that a hang fails the run instead of stalling it
# Commands that exist to change the database: on success they may.
WRITERS = {"demo", "load", "import-agenda", "attach-report", "export", "backup", "restore"}
# Their documented "no" (an unverified file, a damaged database), not an error.
VERDICT_EXITS = {"verify": {1}, "check": {1}}


@dataclass(frozen=True)
class Place:
    """One case's folder: a copy of the demo database, its backup, and room to write."""

    root: Path
    db: Path
    inputs: Path

    @property
    def backup(self) -> Path:
        return next((self.db.parent / f"{self.db.name}.backups").iterdir())


Args = Callable[[Place], list[str]]


@dataclass(frozen=True)
class Case:
    command: str
    kind: str
    args: Args
    db: Callable[[Place], Path] | None = None  # another --db than the demo copy

    def __str__(self) -> str:
        return f"{self.command}:{self.kind}"


def _file(name: str) -> Callable[[Place], str]:
    return lambda place: str(place.inputs / name)


FILE_COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "parse-agenda": lambda f: ["parse-agenda", f],
    "parse-report": lambda f: ["parse-report", f],
    "import-agenda": lambda f: ["import-agenda", f],
    "attach-report": lambda f: ["attach-report", "2", "5", f],
}
ALL_FILE_COMMANDS = {
    **FILE_COMMANDS,
    "load": lambda f: ["load", f],
    "verify": lambda f: ["verify", f],
    "restore": lambda f: ["restore", f],
    # As the minutes to sign and as the certificate; never a file to sign, so the
    # output (a device, refused in its turn) is never reached.
    "sign": lambda f: ["sign", f, "--certificate", f, "-o", os.devnull],
}


def _with(command: Callable[[str], list[str]], path: Callable[[Place], str]) -> Args:
    return lambda place: command(path(place))


def _document_cases() -> Iterator[Any]:
    for name in corpus.text_payloads():
        for suffix in (".txt", ".md"):
            for command, build in FILE_COMMANDS.items():
                yield Case(command, f"text{suffix}:{name}", _with(build, _file(name + suffix)))
        yield Case(
            "verify", f"text:{name}", _with(ALL_FILE_COMMANDS["verify"], _file(name + ".txt"))
        )
    for name in corpus.parser_payloads():
        for command in ("parse-agenda", "import-agenda"):
            yield Case(
                command, f"text.txt:{name}", _with(FILE_COMMANDS[command], _file(name + ".txt"))
            )
    for name in corpus.docx_payloads():
        for command, build in FILE_COMMANDS.items():
            yield Case(command, f"docx:{name}", _with(build, _file(name + ".docx")))
        yield Case(
            "restore", f"docx:{name}", _with(ALL_FILE_COMMANDS["restore"], _file(name + ".docx"))
        )
    for name in corpus.pdf_payloads():
        for command, build in FILE_COMMANDS.items():
            yield Case(command, f"pdf:{name}", _with(build, _file(name + ".pdf")))
        yield Case(
            "verify", f"pdf:{name}", _with(ALL_FILE_COMMANDS["verify"], _file(name + ".pdf"))
        )


def _json_cases(names: list[str]) -> Iterator[Any]:
    for name in names:
        yield Case("load", f"json:{name}", _with(ALL_FILE_COMMANDS["load"], _file(name + ".json")))


def _odd_path(kind: str) -> Callable[[Place], str]:
    """A path that is not an ordinary readable file of the right kind, made on demand."""

    def make(place: Place) -> str:
        odd = place.root / "odd"
        odd.mkdir(exist_ok=True)
        if kind == "missing":
            return str(odd / "missing.txt")
        if kind == "folder":
            (odd / "folder.txt").mkdir()
            return str(odd / "folder.txt")
        if kind == "fifo":
            os.mkfifo(odd / "fifo.txt")
            return str(odd / "fifo.txt")
        if kind in ("dev-zero", "dev-null"):
            return f"/dev/{kind[4:]}"
        if kind == "dangling-link":
            (odd / "dangling.txt").symlink_to(odd / "nowhere")
            return str(odd / "dangling.txt")
        if kind == "link-loop":
            (odd / "loop.txt").symlink_to(odd / "loop.txt")
            return str(odd / "loop.txt")
        if kind == "link-to-db":
            (odd / "db-link.json").symlink_to(place.db)
            return str(odd / "db-link.json")
        if kind == "the-db":
            return str(place.db)
        if kind == "db-lock":
            return str(place.db.with_name(place.db.name + ".lock"))
        if kind == "non-utf8-name":
            name = os.fsdecode(b"agenda-\xff\xfe.txt")
            shutil.copy(corpus.AGENDAS / "county-cabinet.txt", odd / name)
            return str(odd / name)
        if kind == "name-too-long":
            return str(odd / ("a" * 300 + ".txt"))
        if kind == "name-with-newline":
            (odd / "two\nlines.txt").write_text("1. Apologies\n")
            return str(odd / "two\nlines.txt")
        if kind == "no-extension":
            shutil.copy(corpus.AGENDAS / "county-cabinet.txt", odd / "agenda")
            return str(odd / "agenda")
        if kind == "wrong-extension":
            shutil.copy(corpus.AGENDAS / "county-cabinet.txt", odd / "agenda.exe")
            return str(odd / "agenda.exe")
        raise AssertionError(kind)

    return make


ODD_PATHS = [
    "missing", "folder", "fifo", "dev-zero", "dev-null", "dangling-link", "link-loop",
    "link-to-db", "the-db", "db-lock", "non-utf8-name", "name-too-long", "name-with-newline",
    "no-extension", "wrong-extension",
]  # fmt: skip


def _odd_path_cases() -> Iterator[Any]:
    for kind in ODD_PATHS:
        for command, build in ALL_FILE_COMMANDS.items():
            yield Case(command, f"path:{kind}", _with(build, _odd_path(kind)))


def _export_to(target: Callable[[Place], Path], fmt: str = "docx") -> Args:
    return lambda place: ["export", "1", "--format", fmt, "-o", str(target(place))]


def _made(make: Callable[[Place], Path]) -> Callable[[Place], Path]:
    return make


def _fifo_at(place: Place) -> Path:
    os.mkfifo(place.root / "out.docx")
    return place.root / "out.docx"


def _hard_link_to_db(place: Place) -> Path:
    os.link(place.db, place.root / "hard.docx")
    return place.root / "hard.docx"


def _link_to_db(place: Place) -> Path:
    (place.root / "soft.docx").symlink_to(place.db)
    return place.root / "soft.docx"


def _folder(place: Place) -> Path:
    (place.root / "minutes").mkdir()
    return place.root / "minutes"


def _folder_with_suffix(place: Place) -> Path:
    (place.root / "minutes.docx").mkdir()
    return place.root / "minutes.docx"


def _db_named(name: str) -> Callable[[Place], Path]:
    def make(place: Place) -> Path:
        other = place.db.with_name(name)
        shutil.copy(place.db, other)
        (other.parent / f"{name}.lock").touch()  # made on first opening, as the demo's was
        return other

    return make


EXPORT_TARGETS: dict[str, Args] = {
    "onto-the-db": lambda p: ["export", "1", "--format", "pdf", "-o", str(p.db)],
    "onto-the-wal": _export_to(lambda p: p.db.with_name(p.db.name + "-wal")),
    "onto-the-shm": _export_to(lambda p: p.db.with_name(p.db.name + "-shm")),
    "onto-the-journal": _export_to(lambda p: p.db.with_name(p.db.name + "-journal")),
    "onto-the-lock": _export_to(lambda p: p.db.with_name(p.db.name + ".lock")),
    "into-the-backups": _export_to(lambda p: p.backup.with_suffix(".docx")),
    "onto-a-backup": lambda p: ["export", "1", "--format", "docx", "-o", str(p.backup) + ".docx"],
    "symlink-to-db": _export_to(_link_to_db),
    "hard-link-to-db": _export_to(_hard_link_to_db),
    "existing-folder": _export_to(_folder),
    "folder-named-docx": _export_to(_folder_with_suffix),
    "non-utf8-name": _export_to(lambda p: p.root / os.fsdecode(b"minutes-\xff.docx")),
    "missing-folder": _export_to(lambda p: p.root / "no" / "such" / "m.docx"),
    "existing-fifo": _export_to(_fifo_at),
    "dev-null": _export_to(lambda p: Path("/dev/null")),
    "name-too-long": _export_to(lambda p: p.root / ("m" * 300 + ".docx")),
    "relative-dots-onto-db": _export_to(lambda p: p.root / "x" / ".." / "db" / p.db.name),
    "bad-format": lambda p: ["export", "1", "--format", "exe", "-o", str(p.root / "m.exe")],
    "other-suffix": _export_to(lambda p: p.root / "m.pdf"),
    "plain-docx": _export_to(lambda p: p.root / "m.docx"),
    "plain-pdf": _export_to(lambda p: p.root / "m.pdf", "pdf"),
}


def _export_cases() -> Iterator[Any]:
    for kind, args in EXPORT_TARGETS.items():
        yield Case("export", f"output:{kind}", args)
    # A database whose own name is the minutes' name: the attack of issue 13.
    yield Case(
        "export",
        "output:db-named-minutes.pdf",
        lambda p: ["export", "1", "--format", "pdf", "-o", str(p.db.with_name("minutes.pdf"))],
        db=_db_named("minutes.pdf"),
    )


BAD_IDS = ["0", "-1", "9223372036854775808", "9" * 5000, "1e3", "0x10", "\u0663", "", " 1", "999"]


def _id_cases() -> Iterator[Any]:
    for number, bad in enumerate(BAD_IDS):
        yield Case("dump", f"id:{number}", lambda p, b=bad: ["dump", b])
        yield Case(
            "export",
            f"id:{number}",
            lambda p, b=bad: ["export", b, "--format", "docx", "-o", str(p.root / "m.docx")],
        )
        yield Case(
            "attach-report",
            f"id:{number}",
            lambda p, b=bad: ["attach-report", b, "5", str(corpus.AGENDAS / "county-cabinet.txt")],
        )
    for item in ["99", "", "\u0663", "x" * 10_000, os.fsdecode(b"\xff")]:
        yield Case(
            "attach-report",
            f"item:{item[:8]!r}",
            lambda p, i=item: ["attach-report", "2", i, str(corpus.AGENDAS / "county-cabinet.txt")],
        )


REASONS = ["", "x" * 10_000, "../../etc/passwd", os.fsdecode(b"\xff\xfe"), "\u202e", "a/b\\c:d"]


def _plain_cases() -> Iterator[Any]:
    for command in (
        ["demo"],
        ["meetings"],
        ["meetings", "--json"],
        ["backups"],
        ["backup"],
        ["check"],
    ):
        yield Case(command[0], "plain:" + " ".join(command), lambda p, c=command: list(c))
    for number, reason in enumerate(REASONS):
        yield Case("backup", f"reason:{number}", lambda p, r=reason: ["backup", "--reason", r])
    yield Case("restore", "backup:own", lambda p: ["restore", str(p.backup)])
    yield Case("verify", "file:exported-then-changed", _changed_export)


def _changed_export(place: Place) -> list[str]:
    assert (
        main(
            [
                "--db",
                str(place.db),
                "export",
                "1",
                "--format",
                "docx",
                "-o",
                str(place.root / "e.docx"),
            ]
        )
        == 0
    )
    data = bytearray((place.root / "e.docx").read_bytes())
    data[100] ^= 0xFF
    (place.root / "e.docx").write_bytes(bytes(data))
    return ["verify", str(place.root / "e.docx")]


def _hostile_db(kind: str) -> Callable[[Place], Path]:
    def make(place: Place) -> Path:
        odd = place.root / "odd-db"
        odd.mkdir()
        if kind == "folder":
            (odd / "c.db").mkdir()
        elif kind == "fifo":
            os.mkfifo(odd / "c.db")
        elif kind == "text-file":
            (odd / "c.db").write_text("1. Apologies\n" * 100)
        elif kind == "json-file":
            (odd / "c.db").write_text('{"format": "clerkdesk-meeting"}')
        elif kind == "missing-folder":
            return odd / "no" / "such" / "c.db"
        elif kind == "dev-zero":
            return Path("/dev/zero")
        return odd / "c.db"

    return make


def _hostile_db_cases() -> Iterator[Any]:
    for kind in ("folder", "fifo", "text-file", "json-file", "missing-folder", "dev-zero"):
        for command in (["meetings"], ["dump", "1"], ["check"], ["backups"], ["backup"], ["demo"]):
            yield Case(command[0], f"db:{kind}", lambda p, c=command: list(c), db=_hostile_db(kind))


JSON_NAMES = corpus.json_payload_names()
ALL_CASES: list[Case] = [
    *_document_cases(),
    *_json_cases(JSON_NAMES),
    *_odd_path_cases(),
    *_export_cases(),
    *_id_cases(),
    *_plain_cases(),
    *_hostile_db_cases(),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, with one backup, and every hostile input: made once."""
    root = tmp_path_factory.mktemp("hostile")
    db = root / "db" / "c.db"
    db.parent.mkdir()
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "backup", "--reason", "template"]) == 0
    inputs = root / "inputs"
    inputs.mkdir()
    for name, payload in corpus.text_payloads().items():
        for suffix in (".txt", ".md"):
            corpus.write_payload(inputs / (name + suffix), payload)
    for name, payload in corpus.parser_payloads().items():
        corpus.write_payload(inputs / (name + ".txt"), payload)
    for name, payload in corpus.docx_payloads().items():
        corpus.write_payload(inputs / (name + ".docx"), payload)
    for name, payload in corpus.pdf_payloads().items():
        corpus.write_payload(inputs / (name + ".pdf"), payload)
    dump_text = _dump(db, 1)
    for name, payload in corpus.json_payloads(json.loads(dump_text)).items():
        corpus.write_payload(inputs / (name + ".json"), payload)
    (root / "inputs.digest").write_text(_files_digest(inputs))
    return root


def _dump(db: Path, meeting: int) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "clerkdesk", "--db", str(db), "dump", str(meeting)],
        capture_output=True, text=True, cwd=REPO, timeout=CHILD_HANG_GUARD_SECONDS, check=True,
    )  # fmt: skip
    return result.stdout


def _files_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest.update(os.fsencode(path.relative_to(folder)))
            with path.open("rb") as handle:
                digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()


def _content(db: Path) -> str:
    """Every row of every table, read without changing the file."""
    if not db.is_file():
        return "no database"
    with open(db, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return "not a database"
    connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        for table in tables:
            rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
            digest.update(f"{table}:{sorted(map(repr, rows))}".encode())
        return digest.hexdigest()
    finally:
        connection.close()


def _state(place: Place, db: Path) -> tuple[str, list[str]]:
    """The database's content and every file name in the case's folder (SQLite's
    own -wal and -shm aside: they come and go with a connection)."""
    names = sorted(
        os.fsencode(p.relative_to(place.root)).decode("utf-8", "backslashreplace")
        for p in place.root.rglob("*")
        if not p.name.endswith(("-wal", "-shm"))
    )
    return _content(db), names


@pytest.fixture()
def place(template: Path, tmp_path: Path) -> Place:
    shutil.copytree(template / "db", tmp_path / "db")
    return Place(root=tmp_path, db=tmp_path / "db" / "c.db", inputs=template / "inputs")


# Where the refusal must say which limit or what kind of file it met.
EXPECTED_REFUSALS = {
    **{f"{c}:path:fifo": "not an ordinary file" for c in ALL_FILE_COMMANDS},
    **{f"{c}:path:dev-zero": "not an ordinary file" for c in ALL_FILE_COMMANDS},
    **{f"{c}:docx:bomb-elements": "1,500,000 elements" for c in FILE_COMMANDS},
    **{f"{c}:docx:bomb-xml-bytes": "32 MB of XML" for c in FILE_COMMANDS},
    **{f"{c}:docx:bomb-pictures": "128 MB unpacked" for c in FILE_COMMANDS},
    **{f"{c}:docx:declares-4gb": "128 MB unpacked" for c in FILE_COMMANDS},
    **{f"{c}:docx:too-many-parts": "2,000 parts" for c in FILE_COMMANDS},
    **{f"{c}:docx:too-many-paragraphs": "100,000 paragraphs" for c in FILE_COMMANDS},
    **{f"{c}:pdf:five-thousand-pages": "2,000 pages" for c in FILE_COMMANDS},
    **{f"{c}:text{x}:too-large-sparse": "16 MB" for c in FILE_COMMANDS for x in (".txt", ".md")},
    **{
        f"{c}:text{x}:too-many-lines": "250,000 lines"
        for c in FILE_COMMANDS
        for x in (".txt", ".md")
    },
    **{
        f"{c}:text{x}:too-many-characters": "8,000,000 characters"
        for c in FILE_COMMANDS
        for x in (".txt", ".md")
    },
    "load:json:over-8-mb": "8 MB",
    "load:json:number-5000-digits": "larger than any record holds",
    "load:json:number-past-64-bits": "larger than any record holds",
    "load:json:lone-surrogate-value": "lone surrogate",
    "load:json:lone-surrogate-key": "lone surrogate",
    "load:json:nul-in-text": "not text (U+0000)",
    "load:json:escape-in-key": "not text (U+001B)",
    "dump:id:2": "ids run from 1 to",
    "export:output:db-named-minutes.pdf": "ClerkDesk must keep",
    "export:output:symlink-to-db": "ClerkDesk must keep",
    "export:output:hard-link-to-db": "ClerkDesk must keep",
    "export:output:into-the-backups": "holds the database's backups",
    "export:output:existing-folder": "is a folder",
    "export:output:non-utf8-name": "not valid UTF-8",
}


def _check_outcome(case: Case, code: int, err: str, before: Any, after: Any) -> None:
    assert "Traceback" not in err, err
    allowed = {0, 2} | VERDICT_EXITS.get(case.command, set())
    assert code in allowed, (code, err)
    if code == 2:
        assert err.startswith("clerkdesk: ") and err.count("\n") == 1, err
    expected = EXPECTED_REFUSALS.get(str(case))
    if expected is not None:
        assert code == 2 and expected in err, err
    if code != 0 or case.command not in WRITERS:
        assert after == before, "the database or the files beside it changed"
    elif before[0] != "no database":  # a writer that succeeded: it added, and destroyed nothing
        assert after[0] not in ("no database", "not a database"), "the database was replaced"


CASES = [pytest.param(case, id=str(case)) for case in ALL_CASES]


@pytest.mark.parametrize("case", CASES)
def test_hostile_input_in_process(
    case: Case, place: Place, capsys: pytest.CaptureFixture[str]
) -> None:
    db = case.db(place) if case.db else place.db
    args = case.args(place)
    capsys.readouterr()
    before = _state(place, db)
    code = main(["--db", str(db), *args])
    _, err = capsys.readouterr()
    _check_outcome(case, code, err, before, _state(place, db))


def test_hostile_inputs_are_unchanged(template: Path) -> None:
    assert _files_digest(template / "inputs") == (template / "inputs.digest").read_text()


# The heaviest attacks again, each in its own process as a clerk would run it,
# under a memory limit: the limits in clerkdesk/importing/limits.py and
# clerkdesk/domain/json_text.py must keep every one well inside it.
CHILD_CASES = [
    "load:path:dev-zero",
    "parse-agenda:path:fifo",
    "load:json:number-5000-digits",
    "import-agenda:docx:bomb-elements",
    "parse-agenda:docx:bomb-pictures",
    "parse-agenda:pdf:five-thousand-pages",
    "dump:id:2",
    "export:output:db-named-minutes.pdf",
]


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is Linux's")
@pytest.mark.parametrize("name", CHILD_CASES)
def test_hostile_input_in_a_child_process(name: str, place: Place) -> None:
    case = next(c for c in ALL_CASES if str(c) == name)
    db = case.db(place) if case.db else place.db
    args = case.args(place)
    before = _state(place, db)
    result = subprocess.run(
        [sys.executable, "-m", "clerkdesk", "--db", str(db), *args],
        capture_output=True, text=True, errors="backslashreplace", cwd=REPO,
        timeout=CHILD_HANG_GUARD_SECONDS, preexec_fn=_limit_memory,
    )  # fmt: skip
    _check_outcome(case, result.returncode, result.stderr, before, _state(place, db))

"""The ``clerkdesk`` command line.

Bad input gives a one-line error on stderr and exit status 2, never a
traceback, and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from clerkdesk.cli_certificates import (
    add_certificate_commands,
    add_certify_options,
    certifier_from,
    cmd_sign,
    cmd_verify,
)
from clerkdesk.cli_minutes import add_minutes_details_command, cmd_minutes_details
from clerkdesk.cli_team import BETWEEN_SERVER_AND_FILE, TEAM_COMMANDS, add_team_commands
from clerkdesk.domain.errors import DomainError
from clerkdesk.file_io import (
    FileRefused,
    present,
    read_input_file,
    require_ordinary_file,
    shown,
)
from clerkdesk.version import VERSION

EXIT_BAD_INPUT = 2
# Ids are SQLite integers: anything past 64 bits names no meeting and cannot be looked up.
_LARGEST_ID = 2**63 - 1


class UsageError(Exception):
    """The command line itself is wrong."""


def _meeting_id(text: str) -> int:
    """A meeting id as SQLite can hold it: refused here, not by the driver, past 64 bits."""
    shown_text = repr(text[:30] + ("..." if len(text) > 30 else ""))
    digits = text.strip().removeprefix("-").removeprefix("+")
    if not digits.isascii() or not digits.isdigit():
        raise argparse.ArgumentTypeError(
            f"invalid int value: {shown_text}; a meeting id is a whole number "
            "(list them with `clerkdesk meetings`)"
        )
    if len(digits) > 19 or not 0 < int(text) <= _LARGEST_ID:
        raise argparse.ArgumentTypeError(
            f"no meeting has the id {shown_text}: ids run from 1 to {_LARGEST_ID} "
            "(list them with `clerkdesk meetings`)"
        )
    return int(text)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `clerkdesk --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="clerkdesk",
        description="Record council committee meetings and write their minutes.",
    )
    parser.add_argument("--version", action="version", version=f"ClerkDesk {VERSION}")
    parser.add_argument(
        "--db",
        type=Path,
        help="the database file (default: CLERKDESK_DB or clerkdesk.db in your user data folder)",
    )
    parser.add_argument(
        "--server",
        metavar="URL",
        help="a ClerkDesk database on a PostgreSQL server, postgresql://[user@]host/database "
        "(default: CLERKDESK_SERVER); keep its password in ~/.pgpass or a service file, "
        "never in the URL",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser(
        "setup", help="create the database (or bring it up to this version) and say so"
    )
    commands.add_parser("demo", help="create the demo data and print the ids of its meetings")
    meetings = commands.add_parser("meetings", help="list meetings: id, committee, date, status")
    meetings.add_argument("--json", action="store_true")
    dump = commands.add_parser("dump", help="print a whole meeting record as JSON")
    dump.add_argument("meeting_id", type=_meeting_id)
    load = commands.add_parser("load", help="load a meeting record (JSON) and print its id")
    load.add_argument("file", type=Path)
    load.add_argument(
        "--as-new-copy",
        action="store_true",
        help="load a meeting this database already holds (same committee, date and start "
        "time) as a second, separate copy",
    )
    for name, what in (("parse-agenda", "an agenda"), ("parse-report", "a report")):
        sub = commands.add_parser(name, help=f"print what is found in {what}; nothing is saved")
        sub.add_argument("file", type=Path)
        sub.add_argument("--json", action="store_true")
    imp = commands.add_parser("import-agenda", help="create a meeting from an agenda")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--as-new",
        action="store_true",
        help="import an agenda for a meeting this database already holds (same committee, "
        "date and start time) as a second, separate copy",
    )
    remove = commands.add_parser(
        "delete", help="delete a meeting that is not approved (a backup is taken first)"
    )
    remove.add_argument("meeting_id", type=_meeting_id)
    attach = commands.add_parser("attach-report", help="add a report's recommendations to an item")
    attach.add_argument("meeting_id", type=_meeting_id)
    attach.add_argument("item_number")
    attach.add_argument("file", type=Path)
    from clerkdesk.export.formats import FORMATS

    labels = "; ".join(f"{f.name}: {f.label}" for f in FORMATS.values())
    export = commands.add_parser("export", help=f"write the minutes ({labels})")
    export.add_argument("meeting_id", type=_meeting_id)
    export.add_argument("--format", choices=tuple(FORMATS), required=True)
    export.add_argument(
        "--confidential",
        action="store_true",
        help="include Part II (exempt) business; marked CONFIDENTIAL",
    )
    export.add_argument("-o", "--output", type=Path, required=True)
    add_certify_options(export)
    add_minutes_details_command(commands, _meeting_id)
    add_certificate_commands(commands)
    add_team_commands(commands, _meeting_id)
    commands.add_parser("backups", help="list the database's backups, newest first")
    backup = commands.add_parser("backup", help="back up the database now")
    backup.add_argument("--reason", default="by hand")
    restore = commands.add_parser("restore", help="restore a backup (keeping the current file)")
    restore.add_argument("backup", type=Path)
    check = commands.add_parser("check", help="check the database file for damage")
    check.add_argument(
        "--accept-missing",
        action="store_true",
        help="carry on with a database that has lost acknowledged actions, as it is",
    )
    self_test = commands.add_parser(
        "self-test",
        help="open the window (on a demo database unless --db is given), check it comes up, quit",
    )
    self_test.add_argument("--meeting", type=int, help="also open this meeting")
    self_test.add_argument(
        "--timeout",
        type=int,
        default=60,
        metavar="SECONDS",
        help="give up (and fail) if the window is not up by then; default 60",
    )
    self_test.add_argument("--json", action="store_true")
    return parser


def _read_record_file(path: Path) -> str:
    from clerkdesk.domain.json_text import MAX_RECORD_BYTES

    data = read_input_file(
        path,
        max_bytes=MAX_RECORD_BYTES,
        too_large="A meeting record is far smaller; give a file written by `clerkdesk dump`.",
    )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(
            f"{shown(path)} is not a UTF-8 text file; give a JSON file written by `clerkdesk dump`."
        ) from None


def _desk(args: argparse.Namespace, *, writing: bool = False, create: bool = False) -> Any:
    """The database, opened exclusively (writer lock, damage check) to record.

    Only ``demo``, and ``load`` and ``import-agenda`` into a path with no file
    yet, may ``create`` a database; every other command refuses a path without
    a ClerkDesk database, and every command refuses any other file.
    """
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk

    server = _server(args)
    if server is None:
        _refuse_odd_database(_db_path(args))
    desk = Desk(open_database(server or args.db, exclusive=writing, create=create))
    args.opened.append(desk.db)  # closed (and the writer lock released) by main()
    if desk.db.warning:
        print(f"clerkdesk: warning: {desk.db.warning}", file=sys.stderr)
    return desk


def _new_path(args: argparse.Namespace) -> bool:
    """A file not there yet (a server's database is made by `setup` or `demo`)."""
    return _server(args) is None and not _db_path(args).exists()


def _server(args: argparse.Namespace) -> str | None:
    """The server's URL, from --server or CLERKDESK_SERVER; None for a file."""
    from clerkdesk.persistence.server import is_server_location

    both = args.command in BETWEEN_SERVER_AND_FILE
    url = args.server or (None if args.db and not both else os.environ.get("CLERKDESK_SERVER"))
    if url is None:
        if both:
            raise UsageError(
                f"`{args.command}` needs the council's server: give --server URL "
                "(or set CLERKDESK_SERVER)."
            )
        return None
    if args.db and not both:
        raise UsageError("Give --db (a file) or --server (a server), not both.")
    if not is_server_location(url):
        raise UsageError(
            "--server takes a PostgreSQL URL, postgresql://[user@]host/database; "
            "for a database file use --db."
        )
    return str(url)


def _db_path(args: argparse.Namespace) -> Path:
    from clerkdesk.persistence.opening import default_database_path

    if _server(args) is not None:
        raise UsageError(
            "The meetings are on the council's server: its backups and checks are the "
            "server's own. This command works on a database file (--db)."
        )
    return Path(args.db).expanduser() if args.db else default_database_path()


def _refuse_odd_database(path: Path) -> None:
    """A pipe or device named as the database would block or never end when read."""
    info = present(path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UsageError(
            f"{shown(path)} is not a database file (it is a folder, pipe or device); "
            "give the path of a ClerkDesk database with --db."
        )


def cmd_setup(args: argparse.Namespace) -> int:
    """Create the database, or bring it up to this version (a file is backed up first)."""
    desk = _desk(args, writing=True, create=_server(args) is not None or _new_path(args))
    print(f"ClerkDesk database ready: {desk.db.describe()} (schema {desk.db.schema_version()})")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from clerkdesk.services.demo import create_demo

    for meeting_id in create_demo(_desk(args, writing=True, create=True)):
        print(meeting_id)
    return 0


def cmd_meetings(args: argparse.Namespace) -> int:
    from clerkdesk.services.records_io import list_meetings
    from clerkdesk.services.team import holders

    desk = _desk(args)
    meetings = list_meetings(desk)
    held = {} if desk.db.on_file else holders(desk.db)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": m.id,
                        "organisation": m.organisation,
                        "committee": m.committee,
                        "date": m.date,
                        "status": m.status,
                        # On a server: who has it checked out (null when nobody).
                        "held_by": held[m.id].to_json() if m.id in held else None,
                    }
                    for m in meetings
                ],
                indent=2,
            )
        )
        return 0
    if not meetings:
        print("No meetings yet. Create the demo with `clerkdesk demo`.")
    for m in meetings:
        away = f"  (checked out to {held[m.id].describe()})" if m.id in held else ""
        print(f"{m.id:>5}  {m.date}  {m.status:<11}  {m.committee}{away}")
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    from clerkdesk.services.records_io import dump_meeting

    print(json.dumps(dump_meeting(_desk(args), args.meeting_id), indent=2, ensure_ascii=False))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from clerkdesk.services.records_io import load_meeting, parse_record_text

    record = parse_record_text(_read_record_file(args.file))
    desk = _desk(args, writing=True, create=_new_path(args))
    print(load_meeting(desk, record, as_new_copy=args.as_new_copy))
    return 0


def _parse_document(args: argparse.Namespace, kind: str) -> Any:
    from clerkdesk import importing

    require_ordinary_file(args.file)  # a pipe or device is refused before anything is opened
    parse = importing.parse_agenda_file if kind == "agenda" else importing.parse_report_file
    return parse(args.file)


def cmd_parse(args: argparse.Namespace, kind: str) -> int:
    parsed = _parse_document(args, kind)
    if args.json:
        print(json.dumps(parsed.to_json(), indent=2, ensure_ascii=False))
    else:
        print(parsed.describe())
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from clerkdesk.services.importing import import_agenda

    document = _parse_document(args, "agenda")
    desk = _desk(args, writing=True, create=_new_path(args))
    result = import_agenda(desk, document, as_new=args.as_new)
    for note in result.notes:
        print(note, file=sys.stderr)
    print(result.meeting_id)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    from clerkdesk.services.meeting_register import delete_meeting

    deleted = delete_meeting(_desk(args, writing=True), args.meeting_id)
    print(deleted.change.label)
    print(f"Backup taken first: {shown(deleted.backup)}")
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    from clerkdesk.services.importing import attach_report

    report = _parse_document(args, "report")
    change = attach_report(_desk(args, writing=True), args.meeting_id, args.item_number, report)
    print(change.label)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from clerkdesk.export.formats import export_format
    from clerkdesk.services.exporting import export_meeting

    certifier = certifier_from(args) if export_format(args.format).certified else None
    path = export_meeting(
        _desk(args, writing=True),
        args.meeting_id,
        args.format,
        args.confidential,
        args.output,
        certifier,
    )
    print(shown(path))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from clerkdesk.persistence.backups import list_backups

    _refuse_odd_database(_db_path(args))
    backups = list_backups(_db_path(args))
    if not backups:
        print(
            "No backups yet. ClerkDesk makes them while you record; "
            "`clerkdesk backup` makes one now."
        )
    for b in backups:
        state = "ok" if b.ok else "DAMAGED"
        print(
            f"{b.created:%Y-%m-%d %H:%M}  {b.reason:<22} {b.size / 1024:>8.0f} KB  "
            f"{state:<7}  {shown(b.path)}"
        )
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from clerkdesk.persistence.backups import make_backup

    desk = _desk(args, writing=True)  # sound and not in use before it is copied
    print(shown(make_backup(desk.db.path, args.reason)))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from clerkdesk.persistence.backups import restore_backup
    from clerkdesk.persistence.single_writer import acquire_writer_lock

    if present(args.backup) is None:
        raise UsageError(
            f"{shown(args.backup)}: no such backup. List them with `clerkdesk backups`."
        )
    require_ordinary_file(args.backup)
    db_path = _db_path(args)
    _refuse_odd_database(db_path)
    with acquire_writer_lock(db_path):
        replaced = restore_backup(db_path, args.backup)
    print(f"Restored {shown(db_path)} from {shown(args.backup)}.")
    if replaced is not None:
        print(f"The database it replaced was kept as {shown(replaced)}.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from clerkdesk.persistence.backups import latest_good_backup
    from clerkdesk.persistence.health import check_health
    from clerkdesk.persistence.identity import identify
    from clerkdesk.persistence.opening import accept_missing_actions, prepare_file

    db_path = _db_path(args)
    _refuse_odd_database(db_path)
    if args.accept_missing:
        accept_missing_actions(db_path).release()
        print(f"Carrying on with {db_path} as it is; what it holds now counts as acknowledged.")
        return 0
    if db_path.is_file() and db_path.stat().st_size and latest_good_backup(db_path) is None:
        identify(db_path)  # another program's file: refused (exit 2) before SQLite opens it
    report = check_health(db_path, deep=True)
    if report.ok:
        # Sound as a file; then as a ClerkDesk database (refused with exit 2 if it
        # is not one) holding every action acknowledged on this computer.
        prepared = prepare_file(db_path)
        prepared.release()
        if prepared.warning:
            print(prepared.warning)
            return 1
    print(report.problem if not report.ok else "The database is sound.")
    return 0 if report.ok else 1


def cmd_app(args: argparse.Namespace, argv: Sequence[str]) -> int:
    server = _server(args)  # the window on the council's server (ui/server_window.py)
    from clerkdesk.ui.preload import load_before_qt

    load_before_qt()  # before PySide6: see ui/preload.py
    from clerkdesk.ui.app import run_app

    return run_app(server if server is not None else args.db, list(argv))


def cmd_self_test(args: argparse.Namespace) -> int:
    """Exit 0 if the window showed the meetings and opened the database for recording."""
    import tempfile

    from clerkdesk.ui.preload import load_before_qt

    load_before_qt()  # as cmd_app: the start measured is the real one
    with tempfile.TemporaryDirectory(prefix="clerkdesk-self-test-") as tmp:
        db = args.db
        if db is None:
            from clerkdesk.persistence.database import open_database
            from clerkdesk.services.context import Desk
            from clerkdesk.services.demo import create_demo

            db = Path(tmp) / "clerkdesk-demo.db"
            demo = open_database(db, create=True)
            create_demo(Desk(demo, "self-test"))
            demo.dispose()
        from clerkdesk.ui.self_test import run_self_test

        if args.timeout < 1:
            raise UsageError("--timeout is a number of seconds, at least 1.")
        report = run_self_test(
            Path(db), Path(tmp) / "settings.ini", args.meeting, give_up_ms=args.timeout * 1000
        )
    passed = bool(report["shown"] and report["meetings"] and report["ready"])
    if args.json:
        print(json.dumps({**report, "passed": passed}))
    elif passed:
        print(
            f"ClerkDesk's window came up on the {report['platform']} platform (Qt "
            f"{report['qt']}), listing {report['meetings']} meetings, and opened the database."
        )
    else:
        print("ClerkDesk's window did not come up; see the log file.", file=sys.stderr)
    return 0 if passed else 1


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "setup": cmd_setup,
    "demo": cmd_demo,
    "meetings": cmd_meetings,
    "dump": cmd_dump,
    "load": cmd_load,
    "parse-agenda": lambda a: cmd_parse(a, "agenda"),
    "parse-report": lambda a: cmd_parse(a, "report"),
    "import-agenda": cmd_import,
    "attach-report": cmd_attach,
    "delete": cmd_delete,
    "export": cmd_export,
    "minutes-details": cmd_minutes_details,
    "verify": cmd_verify,
    "sign": cmd_sign,
    **TEAM_COMMANDS,
    "backups": cmd_backups,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "self-test": cmd_self_test,
}


def _refuse(message: str) -> None:
    """The one line a refusal gets: a file name may hold a line break or bytes that
    are not UTF-8, and neither may break the line or the printing of it."""
    line = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"clerkdesk: {line.encode('utf-8', 'backslashreplace').decode('utf-8')}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    opened: list[Any] = []
    try:
        args = build_parser().parse_args(argv)
        args.opened = opened
        if args.command is None:
            return cmd_app(args, argv)
        return COMMANDS[args.command](args)
    except (UsageError, FileRefused) as error:
        _refuse(str(error))
    except DomainError as error:
        _refuse(error.message)
    except Exception as error:
        # The importer's one error; imported here so that starting the app
        # does not pay for loading the parsers.
        from clerkdesk.importing.errors import DocumentError

        if not isinstance(error, DocumentError):
            raise
        _refuse(str(error))
    except KeyboardInterrupt:
        print("clerkdesk: interrupted; nothing half-done was saved.", file=sys.stderr)
    finally:
        for db in opened:
            notice = db.take_notice()
            if notice:
                print(f"clerkdesk: warning: {notice}", file=sys.stderr)
            db.dispose()
    return EXIT_BAD_INPUT


def run() -> int:
    """The program's entry point (the ``clerkdesk`` command, ``python -m clerkdesk``,
    ``main.py``): libraries' warnings go to the log file, then ``main``."""
    from clerkdesk.diagnostics import route_dependency_warnings

    route_dependency_warnings()
    return main()


if __name__ == "__main__":
    raise SystemExit(run())

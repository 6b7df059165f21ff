"""The command line between the council's server and a laptop (issue 18):
check-out and check-in, and the office's release, conflict copies and
proposals. docs/team-server.md has the rules."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clerkdesk.file_io import shown

# The commands that take both: the server, and the laptop's file.
BETWEEN_SERVER_AND_FILE = ("checkout", "checkin")


def add_team_commands(commands: Any, meeting_id: Callable[[str], int]) -> None:
    """Check-out and check-in between the council's server and a laptop's file."""
    for name, what in (
        ("checkout", "check a meeting out of the server (--server) into a file (--db)"),
        ("checkin", "check a meeting recorded in a file (--db) back in to the server (--server)"),
    ):
        sub = commands.add_parser(name, help=what)
        sub.add_argument("meeting_id", type=meeting_id)
        # Also after the command, as `checkout 12 --db LAPTOP.db` reads.
        sub.add_argument(
            "--db", type=Path, default=argparse.SUPPRESS, help="the file on this computer"
        )
    release = commands.add_parser(
        "release", help="end a meeting's check-out without its check-in (the office)"
    )
    release.add_argument("meeting_id", type=meeting_id)
    release.add_argument("--reason", required=True, help="why: kept with the meeting")
    commands.add_parser("conflicts", help="list the meetings kept when their check-in was refused")
    conflict = commands.add_parser("conflict", help="print a conflict copy's meeting record (JSON)")
    conflict.add_argument("copy_id", type=meeting_id)
    listed = commands.add_parser("proposals", help="list the people clerks added offline")
    listed.add_argument("--json", action="store_true")
    accept = commands.add_parser("accept-proposal", help="keep a person a clerk added offline")
    accept.add_argument("proposal_id", type=meeting_id)
    mapped = commands.add_parser(
        "map-proposal", help="name a person the server has in place of one a clerk added"
    )
    mapped.add_argument("proposal_id", type=meeting_id)
    mapped.add_argument("--to", dest="person_id", type=meeting_id, required=True)


def _server_desk(args: argparse.Namespace) -> Any:
    """The server's database, for the commands that work only there."""
    from clerkdesk.cli import UsageError, _server
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk

    server = _server(args)
    if server is None:
        raise UsageError(
            f"`{args.command}` works on the council's server: give --server URL "
            "(or set CLERKDESK_SERVER)."
        )
    desk = Desk(open_database(server))
    args.opened.append(desk.db)
    return desk


def _laptop_desk(args: argparse.Namespace, *, create: bool) -> Any:
    """The laptop's file that meetings are checked out to, opened to record."""
    from clerkdesk.cli import UsageError, _refuse_odd_database
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk

    if not args.db:
        raise UsageError(
            f"`{args.command}` needs the file on this computer: give --db FILE "
            "(a new file is made for a first check-out)."
        )
    path = Path(args.db).expanduser()
    _refuse_odd_database(path)
    desk = Desk(open_database(path, exclusive=True, create=create and not path.exists()))
    args.opened.append(desk.db)
    return desk


def cmd_checkout(args: argparse.Namespace) -> int:
    from clerkdesk.services.team import check_out

    server = _server_desk(args)
    done = check_out(server, _laptop_desk(args, create=True), args.meeting_id)
    print(
        f"Checked out the meeting of {done.title} to {shown(Path(args.db))}. Record it there "
        "with or without a network; `clerkdesk checkin` returns it."
    )
    return 0


def cmd_checkin(args: argparse.Namespace) -> int:
    from clerkdesk.services.team import check_in

    laptop = _laptop_desk(args, create=False)  # a wrong file is said without the network
    done = check_in(_server_desk(args), laptop, args.meeting_id)
    if done.already:
        print(f"The meeting of {done.title} was already checked in; nothing was sent again.")
        return 0
    print(f"Checked in the meeting of {done.title}; the check-out has ended.")
    for name in done.new_people:
        print(f"{name} was added on this computer: the office will accept or map them.")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    from clerkdesk.services.team import release

    holder = release(_server_desk(args), args.meeting_id, args.reason)
    print(
        f"Released the check-out by {holder.describe()}. Its check-in will be refused and "
        "kept as a conflict copy."
    )
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from clerkdesk.services.team import conflict_copies

    copies = conflict_copies(_server_desk(args))
    if not copies:
        print("No conflict copies: every check-in was taken.")
    for c in copies:
        print(
            f"{c.id:>5}  meeting {c.meeting_id:<6} from {c.holder} on {c.machine}, "
            f"{c.arrived_at:%Y-%m-%d %H:%M}"
        )
    return 0


def cmd_conflict(args: argparse.Namespace) -> int:
    from clerkdesk.cli import UsageError
    from clerkdesk.services.team import conflict_copies

    for c in conflict_copies(_server_desk(args)):
        if c.id == args.copy_id:
            print(c.record)
            return 0
    raise UsageError(
        f"There is no conflict copy {args.copy_id}. List them with `clerkdesk conflicts`."
    )


def cmd_proposals(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from clerkdesk.services.team import proposals

    found = proposals(_server_desk(args))
    if args.json:
        print(json.dumps([asdict(p) for p in found], indent=2, ensure_ascii=False))
        return 0
    if not found:
        print("No proposals: nobody was added offline.")
    for p in found:
        print(
            f"{p.id:>5}  {p.state:<8}  {p.name} ({p.kind}, person {p.person_id}) at meeting "
            f"{p.meeting_id}, added by {p.proposed_by}"
        )
    return 0


def cmd_accept_proposal(args: argparse.Namespace) -> int:
    from clerkdesk.services.team import accept_proposal

    done = accept_proposal(_server_desk(args), args.proposal_id)
    print(f"Accepted {done.name} (person {done.person_id}).")
    return 0


def cmd_map_proposal(args: argparse.Namespace) -> int:
    from clerkdesk.services.team import map_proposal

    done = map_proposal(_server_desk(args), args.proposal_id, args.person_id)
    print(f"Meeting {done.meeting_id} now names person {args.person_id} for {done.name}.")
    return 0


TEAM_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "checkout": cmd_checkout,
    "checkin": cmd_checkin,
    "release": cmd_release,
    "conflicts": cmd_conflicts,
    "conflict": cmd_conflict,
    "proposals": cmd_proposals,
    "accept-proposal": cmd_accept_proposal,
    "map-proposal": cmd_map_proposal,
}

"""The command line's ``minutes-details``: how a meeting's minutes are set out.

``clerkdesk minutes-details MEETING_ID`` prints the details; with options it
sets them (the rest stay as they were) and prints them as set. Approved
minutes change only with ``--correction-reason``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import replace
from typing import Any

from clerkdesk.domain.terms import BodyKind, MemberOrder

_UNGIVEN: Any = object()  # an option left out (None is a value: "clear it")


def _closing_time(text: str) -> dt.time | None:
    """ "12:45" (24-hour clock), or "" to clear it."""
    if not text.strip():
        return None
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text[:20]!r} is not a time; give the time the meeting closed as HH:MM "
            '(24-hour clock, e.g. 12:45), or "" to clear it'
        ) from None


def _body_kind(text: str) -> BodyKind | None:
    if text.strip().casefold() in ("", "auto"):
        return None
    for kind in BodyKind:
        if kind.value.casefold() == text.strip().casefold():
            return kind
    known = ", ".join(k.value for k in BodyKind)
    raise argparse.ArgumentTypeError(
        f"{text[:30]!r} is not a kind of body; give one of {known}, or auto (from its name)"
    )


def add_minutes_details_command(commands: Any, meeting_id: Any) -> None:
    details = commands.add_parser(
        "minutes-details",
        help="show or set how a meeting's minutes are set out (body, order, closing time, "
        "clerk, proper officer)",
    )
    details.add_argument("meeting_id", type=meeting_id)
    details.add_argument(
        "--body",
        type=_body_kind,
        default=_UNGIVEN,
        metavar="KIND",
        help='what the body is, for "MEMBERS OF THE PANEL": '
        + ", ".join(k.value for k in BodyKind)
        + ", or auto (from its name)",
    )
    details.add_argument(
        "--member-order",
        choices=[o.value for o in MemberOrder],
        help="list members by surname (as real minutes do) or in the committee's own order",
    )
    details.add_argument("--closed-at", type=_closing_time, default=_UNGIVEN, metavar="HH:MM")
    details.add_argument("--clerk", metavar="NAME", help="the clerk; corrections are in this name")
    details.add_argument("--proper-officer", metavar="NAME")
    details.add_argument("--proper-officer-title", metavar="TITLE")
    details.add_argument(
        "--correction-reason",
        metavar="TEXT",
        help="why approved minutes are being changed (required once they are approved)",
    )


def _print(record: Any) -> None:
    body = record.body_kind.value if record.body_kind else f"{record.body.value} (from its name)"
    closed = record.closed_at.strftime("%H:%M") if record.closed_at else "not recorded"
    print(f"body: {body}")
    print(f"member order: {record.member_order.value}")
    print(f"closed at: {closed}")
    print(f"clerk: {record.clerk_name or 'not set'}")
    officer = ", ".join(p for p in (record.proper_officer, record.proper_officer_title) if p)
    print(f"proper officer: {officer or 'not set'}")


def cmd_minutes_details(args: argparse.Namespace) -> int:
    from clerkdesk.cli import _desk
    from clerkdesk.services.context import Correction
    from clerkdesk.services.minutes_details import details_of, set_minutes_details
    from clerkdesk.services.records_io import get_record

    changes: dict[str, Any] = {}
    if args.body is not _UNGIVEN:
        changes["body_kind"] = args.body
    if args.closed_at is not _UNGIVEN:
        changes["closed_at"] = args.closed_at
    if args.member_order:
        changes["member_order"] = MemberOrder(args.member_order)
    texts = (
        ("clerk_name", args.clerk),
        ("proper_officer", args.proper_officer),
        ("proper_officer_title", args.proper_officer_title),
    )
    for key, value in texts:
        if value is not None:  # given; "" clears it
            changes[key] = value.strip() or None
    desk = _desk(args, writing=bool(changes))
    if changes:
        details = replace(details_of(get_record(desk, args.meeting_id)), **changes)
        reason = args.correction_reason
        correction = Correction(reason, made_by=args.clerk) if reason else None
        set_minutes_details(desk, args.meeting_id, details, correction=correction)
    _print(get_record(desk, args.meeting_id))
    return 0

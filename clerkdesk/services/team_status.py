"""Where each meeting is, as the window shows it (issue 18): on the council's
server, who has it checked out; on a laptop's file, which meetings came from
which server and how each check-out ended; and, asked of the server from the
laptop, whether a check-out still holds there.

Only reads: check-out and check-in themselves are ``team.py``'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import make_url, select

from clerkdesk.persistence.database import Database
from clerkdesk.persistence.schema import CheckoutRow, MeetingLeaseRow
from clerkdesk.services.team import Holder, holders


@dataclass(frozen=True, slots=True)
class Checkout:
    """A meeting checked out to this file, from the server named (shown: no password)."""

    meeting_id: int
    server: str
    state: str  # out / checked in / refused
    taken_at: dt.datetime
    ended_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class LeaseNews:
    """What the server says of a check-out this file holds as out."""

    meeting_id: int
    held: bool  # the lease still holds: the laptop's meeting will win at check-in
    ended_by: str | None = None
    ended_at: dt.datetime | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class TeamState:
    """The meetings held on a server, or the check-outs of a laptop's file."""

    held: dict[int, Holder]
    checkouts: dict[int, Checkout]

    @property
    def last_ended(self) -> Checkout | None:
        """The check-out whose check-in (or refused check-in) came last."""
        ended = [c for c in self.checkouts.values() if c.ended_at is not None]
        return max(ended, key=lambda c: (c.ended_at, c.meeting_id), default=None)


def team_state(db: Database) -> TeamState:
    """On a server, who holds what; on a file, what was checked out to it."""
    if not db.on_file:
        return TeamState(holders(db), {})
    return TeamState({}, checkouts(db))


def checkouts(db: Database) -> dict[int, Checkout]:
    """The meetings checked out to this file, by id (none on most files)."""
    with db.reading() as connection:
        return {
            r.meeting_id: Checkout(r.meeting_id, r.server, r.state, r.taken_at, r.ended_at)
            for r in connection.execute(
                select(
                    CheckoutRow.meeting_id,
                    CheckoutRow.server,
                    CheckoutRow.state,
                    CheckoutRow.taken_at,
                    CheckoutRow.ended_at,
                )
            )
        }


def lease_news(server: Database, laptop: Database) -> dict[int, LeaseNews]:
    """For each meeting out on the laptop's file, whether the server still
    holds its check-out (by the token the file keeps), or a manager released
    it, by whom, when and why: its check-in would then be refused."""
    with laptop.reading() as local:
        tokens = {
            token: meeting_id
            for meeting_id, token in local.execute(
                select(CheckoutRow.meeting_id, CheckoutRow.token).where(CheckoutRow.state == "out")
            )
        }
    if not tokens:
        return {}
    with server.reading() as connection:
        found = connection.execute(
            select(
                MeetingLeaseRow.token,
                MeetingLeaseRow.ended_at,
                MeetingLeaseRow.ended_how,
                MeetingLeaseRow.ended_by,
                MeetingLeaseRow.reason,
            ).where(MeetingLeaseRow.token.in_(sorted(tokens)))
        )
        news = {}
        for token, ended_at, how, by, reason in found:
            meeting_id = tokens[token]
            # "checked in" here means an earlier check-in reached the server but
            # its answer did not reach this file: the next one finishes it.
            held = ended_at is None or how == "checked in"
            news[meeting_id] = (
                LeaseNews(meeting_id, True)
                if held
                else LeaseNews(meeting_id, False, by, ended_at, reason)
            )
    return news


def server_name(shown: str) -> str:
    """A server's short name for a narrow list: its host and database."""
    url = make_url(shown)
    host = url.host or url.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    if host.startswith("/"):  # a Unix socket's folder: a server on this computer
        host = "localhost"
    return f"{host}/{url.database}" if url.database else host

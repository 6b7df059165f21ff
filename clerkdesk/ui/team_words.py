"""The words the meetings list uses for check-outs (issue 18): who holds a
meeting on the server, and where each meeting of a laptop's file came from
and how its check-out ended. Plain functions of plain data."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerkdesk.services.team import Holder
    from clerkdesk.services.team_status import Checkout, LeaseNews, TeamState


def when(moment: dt.datetime, today: dt.date | None = None) -> str:
    """ "7 Dec 14:02"; with the year when it is not this year's."""
    today = today or dt.date.today()
    year = f" {moment.year}" if moment.year != today.year else ""
    return f"{moment.day} {moment:%b}{year} {moment:%H:%M}"


def held_words(holder: Holder, today: dt.date | None = None) -> str:
    return f"Checked out to {holder.holder} on {holder.machine} since {when(holder.since, today)}"


def checkout_words(
    checkout: Checkout, news: LeaseNews | None = None, today: dt.date | None = None
) -> str:
    from clerkdesk.services.team_status import server_name

    server = server_name(checkout.server)
    if checkout.state == "checked in" and checkout.ended_at is not None:
        return f"Checked in to {server} {when(checkout.ended_at, today)}"
    if checkout.state == "refused" and checkout.ended_at is not None:
        return (
            f"Check-in refused {when(checkout.ended_at, today)}: kept on {server} as a "
            "conflict copy"
        )
    words = f"Out from {server} since {when(checkout.taken_at, today)}"
    if news is not None and not news.held:
        released = f" {when(news.ended_at, today)}" if news.ended_at is not None else ""
        words += (
            f"; released on the server by {news.ended_by}{released} ({news.reason}): "
            "a check-in will be kept there as a conflict copy"
        )
    return words


def short_words(state: TeamState, news: dict[int, LeaseNews], meeting_id: int) -> str:
    """The check-out column's word or two (its sentence is the tooltip, and
    under the list for the meeting chosen)."""
    holder = state.held.get(meeting_id)
    if holder is not None:
        return f"Out: {holder.holder}"
    checkout = state.checkouts[meeting_id]
    if checkout.state == "out":
        released = meeting_id in news and not news[meeting_id].held
        return "Released" if released else "Out"
    return "Checked in" if checkout.state == "checked in" else "Refused"


def away_words(
    state: TeamState, news: dict[int, LeaseNews], today: dt.date | None = None
) -> dict[int, tuple[str, str]]:
    """The check-out column of the meetings list, by meeting id: a word or two,
    and the sentence."""
    words = {m: held_words(h, today) for m, h in state.held.items()}
    words.update({m: checkout_words(c, news.get(m), today) for m, c in state.checkouts.items()})
    return {m: (short_words(state, news, m), said) for m, said in words.items()}


def last_check_in_words(
    state: TeamState, titles: dict[int, str], today: dt.date | None = None
) -> str:
    """Under a laptop file's list: how the last check-in went ("" on a server or
    a file nothing was checked out to)."""
    if not state.checkouts:
        return ""
    last = state.last_ended
    if last is None or last.ended_at is None:
        out = sum(1 for c in state.checkouts.values() if c.state == "out")
        return f"No check-in yet: {out} meeting{'s' if out != 1 else ''} out on this computer"
    title = titles.get(last.meeting_id, f"meeting {last.meeting_id}")
    if last.state == "refused":
        return (
            f"Last check-in: {title}, refused {when(last.ended_at, today)}; "
            "kept on the server as a conflict copy for the office"
        )
    return f"Last check-in: {title}, checked in {when(last.ended_at, today)}"

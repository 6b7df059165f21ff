"""The meetings list's words for check-outs (ui/team_words.py), from plain data."""

from __future__ import annotations

import datetime as dt

from clerkdesk.services.team import Holder
from clerkdesk.services.team_status import Checkout, LeaseNews, TeamState
from clerkdesk.ui.team_words import away_words, last_check_in_words, when

TODAY = dt.date(2026, 12, 7)
SERVER = "postgresql+psycopg://alice:***@db.herts.gov.uk/council"


def test_a_moment_is_said_briefly_with_its_year_only_when_not_this_one() -> None:
    assert when(dt.datetime(2026, 12, 7, 14, 2), TODAY) == "7 Dec 14:02"
    assert when(dt.datetime(2025, 3, 17, 9, 5), TODAY) == "17 Mar 2025 09:05"


def test_on_a_server_who_holds_each_meeting() -> None:
    state = TeamState({4: Holder("alice", "LAPTOP-7", dt.datetime(2026, 12, 7, 14, 2))}, {})
    assert away_words(state, {}, TODAY) == {
        4: ("Out: alice", "Checked out to alice on LAPTOP-7 since 7 Dec 14:02")
    }
    assert last_check_in_words(state, {}, TODAY) == ""


def test_on_a_laptop_where_each_meeting_came_from_and_how_it_ended() -> None:
    taken = dt.datetime(2026, 12, 7, 9, 0)
    state = TeamState(
        {},
        {
            1: Checkout(1, SERVER, "checked in", taken, dt.datetime(2026, 12, 7, 15, 10)),
            2: Checkout(2, SERVER, "refused", taken, dt.datetime(2026, 12, 7, 16, 0)),
            3: Checkout(3, SERVER, "out", taken, None),
            5: Checkout(5, SERVER, "out", taken, None),
        },
    )
    released = LeaseNews(5, False, "office", dt.datetime(2026, 12, 7, 12, 0), "laptop lost")
    words = away_words(state, {3: LeaseNews(3, True), 5: released}, TODAY)
    assert words[1] == ("Checked in", "Checked in to db.herts.gov.uk/council 7 Dec 15:10")
    assert words[2] == (
        "Refused",
        "Check-in refused 7 Dec 16:00: kept on db.herts.gov.uk/council as a conflict copy",
    )
    assert words[3] == ("Out", "Out from db.herts.gov.uk/council since 7 Dec 09:00")
    assert words[5] == (
        "Released",
        "Out from db.herts.gov.uk/council since 7 Dec 09:00; released on the server by office "
        "7 Dec 12:00 (laptop lost): a check-in will be kept there as a conflict copy",
    )
    titles = {2: "Planning Committee, 03 Dec 2026"}
    assert last_check_in_words(state, titles, TODAY) == (
        "Last check-in: Planning Committee, 03 Dec 2026, refused 7 Dec 16:00; kept on the "
        "server as a conflict copy for the office"
    )
    out_only = TeamState({}, {3: state.checkouts[3]})
    assert last_check_in_words(out_only, {}, TODAY) == (
        "No check-in yet: 1 meeting out on this computer"
    )

"""The window's side of the team's server (issue 18): opening a server, which
database is open, check-out and check-in from the meetings list, and what the
window says when the server cannot be reached.

Everything that talks to a server runs in a :class:`Task` (background.py), off the UI
thread: a server gone quiet costs the clerk a message, never a frozen window.
A laptop's recording never waits on the server (it is all in its file); only
check-in and the question "does the server still hold my check-outs?" need
the network, and their failure is said across the window, under the
meeting's header, while recording goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QLabel

from clerkdesk.domain.errors import DomainError
from clerkdesk.ui.background import Task
from clerkdesk.ui.widgets import NOTICE_STYLE, wrapped_label

if TYPE_CHECKING:
    from clerkdesk.persistence.database import Database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.team import CheckedIn, CheckedOut
    from clerkdesk.services.team_status import LeaseNews
    from clerkdesk.ui.main_window import MainWindow

CHECKOUTS_FILE = "checkouts.db"
# While a laptop's file has meetings out, the server is asked this often
# whether it still holds them (a manager may have released one).
ASK_THE_SERVER_MS = 5 * 60_000
WHERE_WIDTH = 320  # the status bar's "which database" label, elided past this


def default_checkouts_file() -> Path:
    """``checkouts.db`` beside the clerk's own database (opening.py)."""
    from clerkdesk.persistence.opening import default_database_path

    return default_database_path().parent / CHECKOUTS_FILE


def unreachable_words(server: str, *, on_server: bool = False) -> str:
    if on_server:  # the window is on the server: nothing can be recorded meanwhile
        return (
            f"Server {server} cannot be reached — nothing can be recorded on it until the "
            "network is back; what was saved before is safe on the server"
        )
    return (
        f"Server {server} cannot be reached — this meeting is recorded on this computer; "
        "check it in when the network is back"
    )


def _check_out_into(server: Desk, path: Path, meeting_id: int) -> CheckedOut:
    """On a worker thread: the meeting checked out of the server into ``path``
    (made if it is not there), which is closed again at once."""
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.team import check_out

    laptop = open_database(path, exclusive=True, create=not path.exists())
    try:
        return check_out(server, Desk(laptop, server.clerk), meeting_id)
    finally:
        laptop.dispose()


def _check_in_to(location: str, laptop: Desk, meeting_id: int) -> CheckedIn:
    """On a worker thread: the meeting checked in to the server at ``location``."""
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.team import check_in

    server = open_database(location)
    try:
        return check_in(Desk(server, laptop.clerk), laptop, meeting_id)
    finally:
        server.dispose()


def _ask_about_leases(locations: list[str], laptop: Database) -> dict[int, LeaseNews]:
    """On a worker thread: what each server says of this file's check-outs."""
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.team_status import lease_news

    news: dict[int, LeaseNews] = {}
    for location in locations:
        server = open_database(location)
        try:
            news.update(lease_news(server, laptop))
        finally:
            server.dispose()
    return news


class TeamActions(QObject):
    """Check-out and check-in for the window, and its words on where the
    meetings are (the status bar) and on a server it cannot reach."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.running: list[Task] = []  # kept until each has answered
        self.checking_in: int | None = None  # a meeting that must not be opened meanwhile
        self.where = QLabel()
        self.where.setAccessibleName("Database")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.network = wrapped_label("Server", NOTICE_STYLE, hidden=True)
        window.statusBar().addPermanentWidget(self.where)
        # Under the meeting's header, across the window: the status bar has no
        # room for it at 1024 wide, and the meetings list may be collapsed.
        centre = window.centralWidget()
        layout = centre.layout() if centre is not None else None
        assert isinstance(layout, QBoxLayout)  # the header, then the agenda and tabs
        layout.insertWidget(1, self.network)
        # The open meeting, if it is out: read-only here until it comes back.
        self.held = wrapped_label("Check-out of the open meeting", NOTICE_STYLE, hidden=True)
        layout.insertWidget(2, self.held)
        self.timer = QTimer(self)
        self.timer.setInterval(ASK_THE_SERVER_MS)
        self.timer.timeout.connect(self.ask_the_server)
        window.meetings.team_requested.connect(self.check_out_or_in)
        window.meetings.reloaded.connect(self._list_read)
        window.meetings.reloaded.connect(self.show_held)
        window.meeting.refreshed.connect(lambda _areas: self.show_held())
        window.meetings.reload_failed.connect(self._list_not_read)

    # Where the meetings are.
    @property
    def _desk(self) -> Desk | None:
        return self.window.meeting.desk if self.window.meeting.has_desk else None

    def attached(self) -> None:
        """The window has a database (a new one, or another): say which, and on
        a laptop's file with meetings out, ask their server about them."""
        desk = self._desk
        if desk is None:
            return
        db = desk.db
        # The file's path; a server's host and database (the tooltip, and the
        # title bar, show its whole URL, without the password).
        if db.on_file:
            full = short = f"File: {db.describe()}"
        else:
            from clerkdesk.services.team_status import server_name

            full, short = f"Server: {db.describe()}", f"Server: {server_name(db.describe())}"
        metrics = self.where.fontMetrics()
        self.where.setText(metrics.elidedText(short, Qt.TextElideMode.ElideMiddle, WHERE_WIDTH))
        self.where.setToolTip(full)
        self.say_reached()
        self.window.meetings.show_lease_news({})
        if self._out_here():
            self.timer.start()
            self.ask_the_server()
        else:
            self.timer.stop()

    def _out_here(self) -> list[str]:
        """The servers this file's meetings that are out came from (URLs to
        reach them: CLERKDESK_SERVER if set, else as each check-out names it)."""
        from clerkdesk.persistence.server import without_password

        team = self.window.meetings.team
        desk = self._desk
        if team is None or desk is None or not desk.db.on_file:
            return []
        named = os.environ.get("CLERKDESK_SERVER")
        return sorted(
            {
                named or without_password(c.server)
                for c in team.checkouts.values()
                if c.state == "out"
            }
        )

    def say_unreachable(self, server: str) -> None:
        """Under the header until the server answers again: ``server`` as shown."""
        from clerkdesk.services.team_status import server_name

        desk = self._desk
        on_server = desk is not None and not desk.db.on_file
        self.network.setText(unreachable_words(server_name(server), on_server=on_server))
        self.network.setToolTip(server)
        self.network.show()

    def say_reached(self) -> None:
        self.network.clear()
        self.network.hide()

    def show_held(self) -> None:
        """Over the open meeting, when its record is elsewhere: on a server, a
        meeting checked out (a laptop records it); on a laptop's file, one
        checked in or refused (the server's copy is the meeting now)."""
        from clerkdesk.ui.team_words import checkout_words, held_words

        meeting_id = self.window.meeting.meeting_id
        team = self.window.meetings.team
        words = ""
        if meeting_id is not None and team is not None:
            holder = team.held.get(meeting_id)
            checkout = team.checkouts.get(meeting_id)
            if holder is not None:
                words = (
                    f"{held_words(holder)}: it is recorded there, and read-only here until "
                    "it is checked in (or a manager releases it)."
                )
            elif checkout is not None and checkout.state != "out":
                words = (
                    f"{checkout_words(checkout)}. This copy is read-only: the meeting is the "
                    "server's again."
                )
        self.held.setText(words)
        self.held.setVisible(bool(words))

    def _list_read(self) -> None:
        desk = self._desk
        if desk is not None and not desk.db.on_file:  # the server answered
            self.say_reached()

    def _list_not_read(self, error: object) -> None:
        from clerkdesk.persistence.errors import ServerUnreachableError

        desk = self._desk
        if isinstance(error, ServerUnreachableError) and desk is not None:
            self.say_unreachable(desk.db.describe())
        elif isinstance(error, DomainError):
            self.window.saved_label.setText(f"The meetings could not be listed: {error.message}")

    # Running work off the UI thread.
    def _start(
        self,
        work: Callable[[], object],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        *,
        busy: str | None = None,
    ) -> Task:
        task = Task(work)

        def finish(result: object) -> None:
            self._forget(task, busy)
            done(result)

        def fail(error: object) -> None:
            self._forget(task, busy)
            assert isinstance(error, BaseException)
            failed(error)

        task.signals.finished.connect(finish)
        task.signals.failed.connect(fail)
        self.running.append(task)
        if busy is not None:
            self.window.progress.show()
            self.window.saved_label.setText(busy)
            self.window.meetings.team_button.setEnabled(False)
        self.window.pool.start(task)
        return task

    def _forget(self, task: Task, busy: str | None) -> None:
        if task in self.running:
            self.running.remove(task)
        if busy is not None:
            self.window.progress.setVisible(self.window.export_running is not None)
            self.window.meetings.team_button.setEnabled(True)

    # Opening a server.
    def open_server(self, location: str, opened: Callable[[Database | None], None]) -> None:
        """Open the server's database off the UI thread; ``opened`` gets it, or
        None once the reason it could not be opened has been shown."""
        from clerkdesk.persistence.server import server_url, shown

        where = shown(server_url(location))
        self.window.saved_label.setText(f"Opening the server {where}…")
        self.window.progress.show()

        def done(result: tuple[Any, Any]) -> None:
            from clerkdesk.persistence.database import Database

            self.window.progress.setVisible(self.window.export_running is not None)
            engine, url = result
            # Made here, on the window's thread: the thread that opens a
            # database records with its kept connection (database.py).
            opened(Database(None, engine, url=url))

        def failed(error: BaseException) -> None:
            self.window.progress.setVisible(self.window.export_running is not None)
            self.window.saved_label.setText("No database is open")
            self.window.asker.error("The server cannot be opened", self._words(error))
            opened(None)

        def prepare() -> tuple[Any, Any]:  # on a worker thread
            from clerkdesk.persistence.database import prepared_server

            return prepared_server(location)

        self._start(prepare, done, failed)

    # Check-out and check-in.
    def check_out_or_in(self, meeting_id: int) -> None:
        desk = self._desk
        if desk is None:
            return
        if desk.db.on_file:
            self.check_in(meeting_id)
        else:
            self.check_out(meeting_id)

    def _title(self, meeting_id: int) -> str:
        row = next((r for r in self.window.meetings.model.rows if r.id == meeting_id), None)
        return f"{row.committee} on {row.date}" if row is not None else f"meeting {meeting_id}"

    def check_out(self, meeting_id: int) -> None:
        """On a server: check the meeting out into a file on this computer, then
        offer to open that file to record it."""
        desk = self._desk
        if desk is None or desk.db.on_file:
            self.window.asker.error(
                "Check out",
                "Meetings are checked out of the council's server: open it first "
                "(clerkdesk --server URL, or CLERKDESK_SERVER).",
            )
            return
        title = self._title(meeting_id)
        path = self.window.asker.checkout_file(title, default_checkouts_file())
        if path is None:
            return
        path = path.expanduser()

        def done(result: CheckedOut) -> None:
            self.say_reached()
            self._reload()
            self.window.saved_label.setText(f"Checked out the meeting of {result.title} to {path}")
            if self.window.asker.confirm(
                "Checked out",
                f"The meeting of {result.title} is checked out to {path}.\n\n"
                "Open that file now to record it (with or without a network)?",
            ):
                self.window.switch_database(path)

        self._start(
            lambda: _check_out_into(desk, path, meeting_id),
            done,
            lambda error: self._failed("Not checked out", error, desk.db.describe()),
            busy=f"Checking out the meeting of {title} to {path}…",
        )

    def check_in(self, meeting_id: int) -> None:
        """On a laptop's file: return the meeting to the server it came from.
        The meeting is closed in the window while the check-in runs, so that
        nothing is recorded on it that the server would not receive."""
        desk = self._desk
        team = self.window.meetings.team
        checkout = team.checkouts.get(meeting_id) if team is not None else None
        if desk is None or checkout is None:
            self.window.asker.error(
                "Check in",
                "This meeting was not checked out to this file: only a meeting checked "
                "out of the council's server is checked in.",
            )
            return
        if checkout.state != "out":
            self.window.asker.info(
                "Check in", f"The meeting of {self._title(meeting_id)} is already {checkout.state}."
            )
            return
        from clerkdesk.persistence.server import without_password

        location = os.environ.get("CLERKDESK_SERVER") or without_password(checkout.server)
        reopen = self.window.meeting.meeting_id == meeting_id
        item_id = self.window.meeting.item_id
        if reopen:
            self.window.meeting.open(None)
        self.checking_in = meeting_id
        self.window.meetings.setEnabled(False)

        def settle() -> None:
            self.checking_in = None
            self.window.meetings.setEnabled(True)
            self._reload()
            if reopen:
                self.window.open_meeting(meeting_id, item_id)

        def done(result: CheckedIn) -> None:
            self.say_reached()
            settle()
            said = (
                f"The meeting of {result.title} was already checked in; nothing was sent again."
                if result.already
                else f"Checked in the meeting of {result.title}; the check-out has ended."
            )
            people = "".join(
                f"\n\n{name} was added on this computer: the office will accept or map them."
                for name in result.new_people
            )
            self.window.saved_label.setText(said)
            self.window.asker.info("Checked in", said + people)

        def failed(error: BaseException) -> None:
            from clerkdesk.persistence.server import server_url, shown

            settle()
            self._failed("Not checked in", error, shown(server_url(location)))

        self._start(
            lambda: _check_in_to(location, desk, meeting_id),
            done,
            failed,
            busy=f"Checking in the meeting of {self._title(meeting_id)}…",
        )

    def ask_the_server(self) -> None:
        """On a laptop's file: whether the server still holds its check-outs."""
        locations = self._out_here()
        desk = self._desk
        if not locations or desk is None:
            return

        def done(news: dict[int, LeaseNews]) -> None:
            self.say_reached()
            self.window.meetings.show_lease_news(news)

        def failed(error: BaseException) -> None:
            from clerkdesk.persistence.errors import ServerUnreachableError
            from clerkdesk.persistence.server import server_url, shown

            if isinstance(error, ServerUnreachableError):
                self.say_unreachable(shown(server_url(locations[0])))
            else:
                self.window.saved_label.setText(self._words(error))

        self._start(lambda: _ask_about_leases(locations, desk.db), done, failed)

    # Errors.
    def _words(self, error: BaseException) -> str:
        if isinstance(error, DomainError):
            return error.message
        return f"The server reported an unexpected problem: {error}"

    def _failed(self, title: str, error: BaseException, server: str) -> None:
        from clerkdesk.persistence.errors import ServerUnreachableError
        from clerkdesk.services.team import CheckinRefused

        self.window.saved_label.setText(title)
        message = self._words(error)
        if isinstance(error, ServerUnreachableError):
            self.say_unreachable(server)
            if self._desk is not None and self._desk.db.on_file:
                message += (
                    "\n\nThe meeting stays on this computer: go on recording it, and check "
                    "it in when the network is back."
                )
        elif isinstance(error, CheckinRefused):
            self._reload()
        self.window.asker.error(title, message)

    def _reload(self) -> None:
        desk = self._desk
        if desk is not None:
            self.window.meetings.reload(desk, self.window.meeting.meeting_id)

"""The window on the team's server and on a laptop's file (issue 18): which
database is open, who holds what, check-out and check-in from the meetings
list, and a laptop that goes on recording when the server cannot be reached.

Against the real PostgreSQL the test run starts (tests/postgres_server.py) and
real laptop files; dialogs are answered through the window's Asker.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from clerkdesk.domain.model import AttendanceStatus
from clerkdesk.persistence.database import open_database
from clerkdesk.services import minutes
from clerkdesk.services.context import Desk
from clerkdesk.services.records_io import dump_meeting, get_record, list_meetings
from clerkdesk.services.team import check_out, held_by, release, this_machine
from clerkdesk.ui.app import show_window
from clerkdesk.ui.main_window import MainWindow
from tests.team_fixtures import Team

PASSWORD = "not-to-be-kept"


@pytest.fixture(autouse=True)
def _own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The clerk's default database (and so the check-outs file beside it) in
    the test's folder; no server named by the environment unless a test says."""
    monkeypatch.setenv("CLERKDESK_DB", str(tmp_path / "clerkdesk.db"))
    monkeypatch.delenv("CLERKDESK_SERVER", raising=False)


def settings_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def with_password(url: str) -> str:
    """The test server trusts local connections: a password given is not needed,
    which lets the tests check that one given is never kept or shown."""
    return make_url(url).set(password=PASSWORD).render_as_string(hide_password=False)


def open_on_server(qtbot: QtBot, url: str, settings_path: Path) -> MainWindow:
    """The window as ``clerkdesk --server URL`` starts it (cli.py cmd_app)."""
    window = show_window(url, settings_at(settings_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_opened, timeout=30_000):
        pass
    window.focus_meetings()  # shown again where a narrow screen collapsed it
    return window


def window_on(qtbot: QtBot, desk: Desk, settings_path: Path) -> MainWindow:
    window = MainWindow(desk, settings_at(settings_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.focus_meetings()
    return window


def finish(qtbot: QtBot, window: MainWindow) -> None:
    """Close the window once its work with the server has answered (none is
    left to answer a window that has gone)."""
    qtbot.waitUntil(lambda: not window.team.running, timeout=30_000)
    window.close()


def row_of(window: MainWindow, meeting_id: int) -> int:
    return [r.id for r in window.meetings.model.rows].index(meeting_id)


def away(window: MainWindow, meeting_id: int) -> str:
    """The meeting's check-out, in full (the status cell's tooltip)."""
    model = window.meetings.model
    said = model.data(model.index(row_of(window, meeting_id), 2), Qt.ItemDataRole.ToolTipRole)
    return str(said or "")


def cell(window: MainWindow, meeting_id: int) -> str:
    """The meeting's check-out, as its status cell shows it under the status."""
    model = window.meetings.model
    status, *check_out = str(model.data(model.index(row_of(window, meeting_id), 2))).split("\n")
    assert status in ("Draft", "Closed", "In progress")
    return "".join(check_out)


def answers(window: MainWindow) -> list[tuple[str, str]]:
    """Every message the window shows, kept instead of shown."""
    said: list[tuple[str, str]] = []
    window.asker.error = lambda title, message: said.append((title, message))  # type: ignore[method-assign]
    window.asker.info = lambda title, message: said.append((title, message))  # type: ignore[method-assign]
    return said


def closed_port_url() -> str:
    """A server URL nobody listens at: connecting fails at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql://alice@127.0.0.1:{port}/council"


def test_the_window_opens_on_a_server_and_always_says_which(
    qtbot: QtBot, team: Team, settings_path: Path
) -> None:
    url = with_password(team.url)
    window = open_on_server(qtbot, url, settings_path)
    assert [r.id for r in window.meetings.model.rows] == [m.id for m in list_meetings(team.office)]
    shown = team.office.db.describe()
    assert window.team.where.toolTip() == f"Server: {shown}"
    database = make_url(team.url).database
    assert window.team.where.text() == f"Server: localhost/{database}"  # on a Unix socket
    assert shown in window.windowTitle()
    window.open_meeting(team.jan30)
    assert shown in window.windowTitle() and "30 January 2018" in window.windowTitle()
    # Recorded on the server from the window.
    record = window.meeting.record
    assert record is not None
    window.tabs.show_panel(window.attendance)
    window.attendance.table.select_row(0)
    qtbot.keyClick(window.attendance.table, Qt.Key.Key_P)
    first = record.attendees[0].person_id
    again = get_record(team.office, team.jan30)
    assert next(a for a in again.attendees if a.person_id == first).status is (
        AttendanceStatus.PRESENT
    )
    # The password is nowhere the clerk or the settings file would show it.
    recent = window.recent_databases()
    assert recent == [make_url(team.url)._replace(password=None).render_as_string(False)]
    finish(qtbot, window)
    window.dispose()
    kept = settings_path.read_text(encoding="utf-8")
    assert PASSWORD not in kept and "postgresql" in kept
    for text in (window.windowTitle(), window.team.where.text(), window.team.where.toolTip()):
        assert PASSWORD not in text


def test_a_server_from_the_recent_databases_opens_without_a_password(
    qtbot: QtBot, team: Team, demo_file: Desk, settings_path: Path
) -> None:
    window = window_on(qtbot, demo_file, settings_path)
    window.remember_database(with_password(team.url))
    window.settings.sync()
    assert PASSWORD not in settings_path.read_text(encoding="utf-8")
    menu = window.recent_menu.actions()
    assert menu[0].text().endswith(window.recent_databases()[0])
    with qtbot.waitSignal(window.meetings.model.modelReset, timeout=30_000):
        menu[0].trigger()
    qtbot.waitUntil(lambda: not window.meeting.desk.db.on_file, timeout=30_000)
    assert window.team.where.toolTip().startswith("Server: postgresql")
    assert window.meetings.team_button.isVisible()
    assert window.meetings.team_button.text() == "Check out to this computer…"
    finish(qtbot, window)
    window.dispose()


@pytest.fixture
def demo_file(tmp_path: Path) -> Iterator[Desk]:
    from clerkdesk.services.demo import create_demo

    desk = Desk(open_database(tmp_path / "own.db", exclusive=True, create=True), "alice")
    create_demo(desk)
    yield desk
    desk.db.dispose()


def test_the_meetings_list_on_a_server_shows_who_holds_each_meeting(
    qtbot: QtBot, team: Team, settings_path: Path
) -> None:
    check_out(team.server("bob"), team.laptop("bobs", "bob"), team.jan30)
    window = open_on_server(qtbot, team.url, settings_path)
    assert away(window, team.jan30).startswith(f"Checked out to bob on {this_machine()} since ")
    assert away(window, team.jan10) == "" and cell(window, team.jan10) == ""
    assert cell(window, team.jan30) == "Out: bob"
    window.meetings.table.select_row(row_of(window, team.jan30))
    assert window.meetings.away.text() == away(window, team.jan30)
    assert not window.meetings.away.isHidden()
    # Open, it says it is recorded elsewhere; the meeting not out says nothing.
    assert window.meeting.meeting_id == team.jan30
    assert window.team.held.text() == (
        f"{away(window, team.jan30)}: it is recorded there, and read-only here until it is "
        "checked in (or a manager releases it)."
    )
    window.open_meeting(team.jan10)
    assert window.team.held.isHidden()
    # Checking out a meeting someone holds is refused, saying who.
    said = answers(window)
    window.asker.checkout_file = lambda title, default: default  # type: ignore[method-assign]
    window.meetings.table.select_row(row_of(window, team.jan30))
    qtbot.mouseClick(window.meetings.team_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    title, message = said[0]
    assert title == "Not checked out" and "checked out to bob on" in message
    assert not window.team.running and window.meetings.team_button.isEnabled()
    finish(qtbot, window)
    window.dispose()


def test_check_out_from_the_server_record_on_the_laptop_and_check_in(
    qtbot: QtBot, team: Team, tmp_path: Path, settings_path: Path
) -> None:
    window = open_on_server(qtbot, team.url, settings_path)
    said = answers(window)
    offered: list[Path] = []

    def checkout_file(title: str, default: Path) -> Path:
        offered.append(default)
        return default

    window.asker.checkout_file = checkout_file  # type: ignore[method-assign]
    window.asker.confirm = lambda title, question: True  # type: ignore[method-assign]
    window.meetings.table.select_row(row_of(window, team.jan30))
    qtbot.mouseClick(window.meetings.team_button, Qt.MouseButton.LeftButton)
    # Checked out, then the file opened in the window (as the clerk agreed).
    qtbot.waitUntil(lambda: window.meeting.desk.db.on_file, timeout=30_000)
    assert said == []
    laptop_file = tmp_path / "checkouts.db"
    assert offered == [laptop_file]
    assert window.meeting.desk.db.path == laptop_file
    assert window.team.where.toolTip() == f"File: {laptop_file}"
    with team.office.db.reading() as connection:
        holder = held_by(connection, team.jan30)
    assert holder is not None and holder.machine == this_machine()
    # On the laptop's file: where the meeting came from, and the check-in button.
    assert [r.id for r in window.meetings.model.rows] == [team.jan30]
    assert away(window, team.jan30).startswith("Out from ")
    assert cell(window, team.jan30) == "Out"
    assert window.meetings.team_button.text() == "Check in to the server"
    assert window.meetings.last_check_in.text() == (
        "No check-in yet: 1 meeting out on this computer"
    )
    # Recorded on the laptop, then checked in from the list.
    window.open_meeting(team.jan30)
    window.tabs.show_panel(window.attendance)
    window.attendance.table.select_row(0)
    qtbot.keyClick(window.attendance.table, Qt.Key.Key_P)
    recorded = dump_meeting(window.meeting.desk, team.jan30)
    window.meetings.table.select_row(row_of(window, team.jan30))
    qtbot.mouseClick(window.meetings.team_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    assert said == [
        (
            "Checked in",
            "Checked in the meeting of Adult Care & Health Cabinet Panel on 30 January 2018; "
            "the check-out has ended.",
        )
    ]
    assert dump_meeting(team.office, team.jan30) == recorded
    with team.office.db.reading() as connection:
        assert held_by(connection, team.jan30) is None
    assert away(window, team.jan30).startswith("Checked in to ")
    assert cell(window, team.jan30) == "Checked in"
    assert window.meetings.last_check_in.text().startswith(
        "Last check-in: Adult Care & Health Cabinet Panel, 30 Jan 2018, checked in "
    )
    assert window.meeting.meeting_id == team.jan30  # open again, now read-only
    assert window.team.held.text().endswith(
        "This copy is read-only: the meeting is the server's again."
    )
    assert not window.team.held.isHidden()
    assert window.meetings.isEnabled() and not window.team.running
    finish(qtbot, window)
    window.dispose()


def test_a_check_in_after_a_manager_released_the_meeting_is_refused_and_kept(
    qtbot: QtBot, team: Team, settings_path: Path
) -> None:
    laptop = team.laptop()
    check_out(team.server(), laptop, team.jan30)
    item = get_record(laptop, team.jan30).item_by_number("3")
    minutes.add_paragraph(laptop, team.jan30, item.id, "Written on the laptop.")
    release(team.office, team.jan30, "laptop left on the train")
    window = window_on(qtbot, laptop, settings_path)
    said = answers(window)
    # The window asked the server on opening: the row says the lease was released.
    qtbot.waitUntil(lambda: "released on the server" in away(window, team.jan30), timeout=30_000)
    assert "by office" in away(window, team.jan30)
    assert "laptop left on the train" in away(window, team.jan30)
    assert cell(window, team.jan30) == "Released"
    # Checked in to the server the check-out names (no password: the server
    # trusts this computer, as pgpass would give one).
    window.meetings.table.select_row(row_of(window, team.jan30))
    qtbot.mouseClick(window.meetings.team_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    title, message = said[0]
    assert title == "Not checked in"
    assert "released this computer's check-out" in message and "conflict copy" in message
    assert away(window, team.jan30).startswith("Check-in refused ")
    assert cell(window, team.jan30) == "Refused"
    assert window.meetings.last_check_in.text().startswith(
        "Last check-in: Adult Care & Health Cabinet Panel, 30 Jan 2018, refused "
    )
    # Nothing lost: the laptop keeps its meeting, and the server a copy of it.
    assert "Written on the laptop." in str(dump_meeting(laptop, team.jan30))
    assert "Written on the laptop." not in str(dump_meeting(team.office, team.jan30))
    finish(qtbot, window)


UNREACHABLE = (
    "Server 127.0.0.1/council cannot be reached — this meeting is recorded on this "
    "computer; check it in when the network is back"
)


def mark_first_present(qtbot: QtBot, window: MainWindow, row: int) -> None:
    window.tabs.show_panel(window.attendance)
    window.attendance.table.select_row(row)
    qtbot.keyClick(window.attendance.table, Qt.Key.Key_P)


def present(desk: Desk, meeting_id: int) -> int:
    record = get_record(desk, meeting_id)
    return sum(a.status is AttendanceStatus.PRESENT for a in record.attendees)


def test_recording_goes_on_on_the_laptop_when_the_server_cannot_be_reached(
    qtbot: QtBot, team: Team, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = team.laptop()
    check_out(team.server(), laptop, team.jan30)
    on_server = dump_meeting(team.office, team.jan30)
    monkeypatch.setenv("CLERKDESK_SERVER", closed_port_url())  # the network is gone
    window = window_on(qtbot, laptop, settings_path)
    said = answers(window)
    # Asked on opening whether the server still holds the check-out: it cannot say.
    qtbot.waitUntil(lambda: window.team.network.text() == UNREACHABLE, timeout=30_000)
    assert not window.team.network.isHidden()
    window.open_meeting(team.jan30)
    mark_first_present(qtbot, window, 0)
    assert window.saved_label.text().startswith("Saved:")
    assert present(laptop, team.jan30) == 1
    # A check-in now fails with a message, and the meeting stays open to record.
    window.meetings.table.select_row(row_of(window, team.jan30))
    qtbot.mouseClick(window.meetings.team_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    title, message = said[0]
    assert title == "Not checked in"
    assert "cannot be reached" in message and "go on recording it" in message
    assert window.team.network.text() == UNREACHABLE
    assert window.meeting.meeting_id == team.jan30
    mark_first_present(qtbot, window, 1)
    assert present(laptop, team.jan30) == 2
    assert away(window, team.jan30).startswith("Out from ")  # still out, still the laptop's
    assert dump_meeting(team.office, team.jan30) == on_server
    finish(qtbot, window)


class SilentServer:
    """A server that takes connections and never answers: a network gone quiet
    (not refused), which makes a connection wait for its timeout."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return  # closed
            self.accepted.append(connection)

    def url(self) -> str:
        return f"postgresql://alice@127.0.0.1:{self.port}/council"

    def close(self) -> None:
        # Shut down first: that wakes the accept() waiting in the thread, which
        # a close alone does not, and refuses any later connection at once.
        self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for connection in self.accepted:
            connection.close()
        self.thread.join(timeout=10)


def test_the_window_does_not_wait_on_a_server_that_does_not_answer(
    qtbot: QtBot, team: Team, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop = team.laptop()
    check_out(team.server(), laptop, team.jan30)
    silent = SilentServer()
    try:
        monkeypatch.setenv("CLERKDESK_SERVER", silent.url())
        window = window_on(qtbot, laptop, settings_path)
        qtbot.waitUntil(lambda: bool(silent.accepted), timeout=30_000)
        # The question to the server is waiting for an answer; the clerk records.
        assert window.team.running
        window.open_meeting(team.jan30)
        mark_first_present(qtbot, window, 0)
        assert window.saved_label.text().startswith("Saved:")
        assert present(laptop, team.jan30) == 1
        assert window.team.running and window.team.network.isHidden()
    finally:
        silent.close()  # the connection drops: the question fails at once
    qtbot.waitUntil(lambda: not window.team.running, timeout=30_000)
    assert window.team.network.text() == UNREACHABLE
    finish(qtbot, window)


class Proxy:
    """A network between this computer and the test's server, that a test can
    cut: TCP on a local port, passed on to the server's Unix socket."""

    def __init__(self, url: str) -> None:
        target = make_url(url)
        self.socket_path = f"{target.query['host']}/.s.PGSQL.{target.port or 5432}"
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        port = self.listener.getsockname()[1]
        self.url = (
            target.set(host="127.0.0.1", port=port)
            .difference_update_query(["host"])
            .render_as_string(hide_password=False)
        )
        self.open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                near, _ = self.listener.accept()
            except OSError:
                return  # cut
            far = socket.socket(socket.AF_UNIX)
            far.connect(self.socket_path)
            self.open += [near, far]
            for source, sink in ((near, far), (far, near)):
                threading.Thread(target=self._pass, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pass(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):  # the other way round closed it first
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        """Every connection dropped, and none taken again (twice is harmless)."""
        for end in [self.listener, *self.open]:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()


def test_a_window_on_the_server_says_so_when_the_network_goes(
    qtbot: QtBot, team: Team, settings_path: Path
) -> None:
    proxy = Proxy(team.url)
    try:
        window = open_on_server(qtbot, proxy.url, settings_path)
        said = answers(window)
        window.open_meeting(team.jan30)
        mark_first_present(qtbot, window, 0)
        assert present(team.office, team.jan30) == 1
        proxy.cut()
        # An action now fails at once with a message; nothing is half-saved.
        mark_first_present(qtbot, window, 1)
        # Said beside the attendance, as any action refused.
        assert "cannot be reached" in window.attendance.error.text()
        assert "Nothing was changed" in window.attendance.error.text()
        assert present(team.office, team.jan30) == 1
        # The list cannot be read again: it stays, and the window says why.
        window.meeting.open(None)
        assert window.team.network.text().endswith(
            "cannot be reached — nothing can be recorded on it until the network is back; "
            "what was saved before is safe on the server"
        )
        assert window.team.network.text().startswith("Server 127.0.0.1/")
        assert len(window.meetings.model.rows) == 2
        assert said == []  # no dialog, nothing for the crash report
    finally:
        proxy.cut()
    finish(qtbot, window)
    window.dispose()

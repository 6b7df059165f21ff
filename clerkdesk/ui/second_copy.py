"""A second copy of ClerkDesk started on a database that is already open.

Only one copy writes to a database at a time (persistence/single_writer.py).
The copy that holds it listens on a local socket named after the database;
a second copy knocks there, and the first comes forward as the clerk left it
(a maximised window stays maximised, a minimised one is restored to what it
was before) and says, in the window the clerk is now looking at, why the new
copy did not open. The second copy then ends quietly: the clerk's work is in
the window that came forward. Only if nobody answers the knock does the second
copy show the reason itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    # QtNetwork is loaded only once a database is open or a knock is needed,
    # never before the window's first paint.
    from PySide6.QtNetwork import QLocalSocket
    from PySide6.QtWidgets import QMessageBox

RAISE_MESSAGE = b"raise"
KNOCK_WAIT_MS = 500

CAME_FORWARD = (
    "ClerkDesk was started again, but this database is already open here. A database "
    "is open in one copy of ClerkDesk at a time, so that two windows never record the "
    "same meeting differently: the new copy has closed. Carry on in this window."
)


class CameForward(Exception):  # an outcome, not a failure
    """The database is open in another copy of ClerkDesk, which has come forward."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def server_name(db_path: Path) -> str:
    # Imported here, once the window is up: hashlib loads OpenSSL's library.
    import hashlib

    digest = hashlib.sha1(str(db_path.resolve()).encode()).hexdigest()[:16]
    return f"clerkdesk-{digest}"


def ask_running_copy_to_come_forward(db_path: Path) -> bool:
    """Knock on the copy that holds ``db_path``; True if it answered."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(KNOCK_WAIT_MS):
        return False
    socket.write(RAISE_MESSAGE)
    socket.waitForBytesWritten(KNOCK_WAIT_MS)
    socket.disconnectFromServer()
    return True


def come_forward(window: QWidget) -> None:
    """Bring ``window`` to the front in the state it had: un-minimise it without
    losing maximised or full screen (``showNormal`` would)."""
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


class FirstCopy(QObject):
    """The listening side: the window that holds the database."""

    def __init__(self, window: QWidget) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(window)
        self.window = window
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._knock)
        self.notice: QMessageBox | None = None  # the explanation last shown

    def listen(self, db_path: Path) -> None:
        from PySide6.QtNetwork import QLocalServer

        self.server.close()
        QLocalServer.removeServer(server_name(db_path))
        self.server.listen(server_name(db_path))

    def close(self) -> None:
        self.server.close()

    def _knock(self) -> None:
        socket = self.server.nextPendingConnection()
        if socket is not None:
            socket.readyRead.connect(lambda: self._read(socket))

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE_MESSAGE):
            come_forward(self.window)
            self._explain()
        socket.disconnectFromServer()

    def _explain(self) -> None:
        # Not modal: the meeting goes on behind it, and a second knock reuses it.
        # (QMessageBox imported here, not with the window: importing it builds its
        # Python enums, which the first paint would wait for.)
        from PySide6.QtWidgets import QMessageBox

        if self.notice is None:
            self.notice = QMessageBox(
                QMessageBox.Icon.Information, "ClerkDesk is already open", CAME_FORWARD
            )
            self.notice.setParent(self.window, self.notice.windowFlags())
            self.notice.setWindowModality(Qt.WindowModality.NonModal)
        self.notice.show()
        self.notice.raise_()

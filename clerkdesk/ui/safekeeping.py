"""Keeping the clerk's work safe while the window is open.

- Opening: the database is opened exclusively. A second copy of ClerkDesk on
  the same file is refused and asks the running copy to come forward; a
  damaged file is explained and the latest good backup offered; a file in a
  synced or network folder gets a warning.
- While recording: a backup with SQLite's online backup API when a meeting is
  opened, every few minutes while it changes, and when the window closes,
  thinned to recent, daily and weekly copies.

Nothing here imports the persistence layer (and so SQLAlchemy) until it is
needed, so that the window can paint before the database is opened.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from clerkdesk.domain.errors import DomainError

if TYPE_CHECKING:
    from clerkdesk.persistence.database import Database
    from clerkdesk.persistence.errors import DatabaseDamagedError
    from clerkdesk.persistence.opening import PreparedFile
    from clerkdesk.ui.second_copy import FirstCopy

BACKUP_CHECK_MS = 60_000
INDEX_AFTER_PAUSE_MS = 1_500


def prepare_interactively(db_path: Path | None, parent: QWidget | None) -> PreparedFile | None:
    """Get the database file ready to open (writer lock, damage check, upgrade),
    explaining any problem in a dialog; None if it cannot be opened. Standard
    library only, so the window can list the meetings before SQLAlchemy loads.

    Raises ``CameForward`` (second_copy.py) if another copy has the file open and
    came forward when asked: that copy explains, in its window, why this one
    did not open.

    QMessageBox is imported only where a problem is shown: importing it builds its
    Python enums, which the window's first paint would wait for."""
    from clerkdesk.persistence.errors import DatabaseDamagedError
    from clerkdesk.persistence.location import location_warning
    from clerkdesk.persistence.opening import default_database_path, prepare_file
    from clerkdesk.persistence.single_writer import DatabaseInUseError

    path = Path(db_path).expanduser() if db_path is not None else default_database_path()
    try:
        # The app's own database, or one the clerk chose: made if there is none.
        prepared = prepare_file(path, exclusive=True, create=True)
    except DatabaseInUseError as error:
        from clerkdesk.ui.second_copy import CameForward, ask_running_copy_to_come_forward

        if ask_running_copy_to_come_forward(path):
            raise CameForward(error.message) from error
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, "ClerkDesk", error.message)
        return None
    except DatabaseDamagedError as error:
        return _offer_restore(path, error, parent)
    except DomainError as error:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(parent, "ClerkDesk", error.message)
        return None
    warning = location_warning(prepared.path)
    if warning:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, "Where this database is kept", warning)
    return prepared


def open_prepared(prepared: PreparedFile, parent: QWidget | None) -> Database | None:
    """Open a prepared file for recording (this loads SQLAlchemy)."""
    from PySide6.QtWidgets import QMessageBox

    from clerkdesk.persistence.database import open_database

    try:
        return open_database(prepared=prepared)
    except DomainError as error:
        QMessageBox.critical(parent, "ClerkDesk", error.message)
        return None


def open_interactively(db_path: Path | None, parent: QWidget | None) -> Database | None:
    """Open the database for recording, explaining any problem in a dialog (None
    if it cannot be opened, or another copy holding it came forward)."""
    from clerkdesk.ui.second_copy import CameForward

    try:
        prepared = prepare_interactively(db_path, parent)
    except CameForward:
        return None
    return None if prepared is None else open_prepared(prepared, parent)


def _offer_restore(
    db_path: Path, error: DatabaseDamagedError, parent: QWidget | None
) -> PreparedFile | None:
    from PySide6.QtWidgets import QMessageBox

    backup = error.report.latest_good_backup
    if error.report.kind == "actions-missing":
        choice = _restore_or_carry_on(error, backup, parent)
        if choice == "carry on":
            return _carry_on(db_path, parent)
        if choice != "restore":
            return None
    elif backup is None:
        QMessageBox.critical(parent, "The database is damaged", error.message)
        return None
    else:
        answer = QMessageBox.question(
            parent,
            "The database is damaged",
            f"{error.message}\n\nRestore that backup now? The damaged file is kept.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    assert backup is not None
    from clerkdesk.persistence.backups import restore_backup
    from clerkdesk.persistence.single_writer import acquire_writer_lock

    try:
        with acquire_writer_lock(db_path):
            restore_backup(db_path, backup)
    except DomainError as failure:
        QMessageBox.critical(parent, "The backup could not be restored", failure.message)
        return None
    return prepare_interactively(db_path, parent)


def _restore_or_carry_on(
    error: DatabaseDamagedError, backup: Path | None, parent: QWidget | None
) -> str:
    """The file is sound but has lost acknowledged actions: "restore" the latest
    backup, "carry on" with the file as it is, or "cancel"."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Warning, "Recorded actions are missing", error.message, parent=parent
    )
    restore = None
    if backup is not None:
        box.setInformativeText("Restore that backup now? The file as it is now is kept.")
        restore = box.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    carry_on = box.addButton("Carry on without them", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is carry_on:
        return "carry on"
    return "restore" if restore is not None and clicked is restore else "cancel"


def _carry_on(db_path: Path, parent: QWidget | None) -> PreparedFile | None:
    from PySide6.QtWidgets import QMessageBox

    from clerkdesk.persistence.opening import accept_missing_actions

    try:
        return accept_missing_actions(db_path)
    except DomainError as failure:
        QMessageBox.critical(parent, "ClerkDesk", failure.message)
        return None


class Safekeeping(QObject):
    """Backs up the open database, and answers a second copy's knock.

    Idle until it is given a database (at once, or by ``switch_to`` once the
    window has opened one).
    """

    def __init__(self, window: QWidget, db: Database | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.db: Database | None = None
        self.last_backup: dt.datetime | None = None
        self.last_change: dt.datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_CHECK_MS)
        self.timer.timeout.connect(self.back_up_if_due)
        # Minutes typed are indexed for search once the clerk pauses, not
        # inside each action (migration 0007).
        self.index_timer = QTimer(self)
        self.index_timer.setSingleShot(True)
        self.index_timer.setInterval(INDEX_AFTER_PAUSE_MS)
        self.index_timer.timeout.connect(self.catch_up_search)
        self.first_copy: FirstCopy | None = None  # made with the first database
        if db is not None:
            self.switch_to(db)

    def switch_to(self, db: Database) -> None:
        from clerkdesk.ui.second_copy import FirstCopy

        if self.first_copy is None:
            self.first_copy = FirstCopy(self.window)
        self.db = db
        self.last_backup = self.last_change = None
        # A file is this computer's to keep safe: one copy of ClerkDesk at a
        # time, backed up while recording. A server keeps its own backups.
        if db.on_file:
            self.first_copy.listen(db.path)
            self.timer.start()

    def note_change(self) -> None:
        self.last_change = dt.datetime.now()
        notice = self.db.take_notice() if self.db is not None else None
        if notice:  # the -wal was removed from under the open database
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.window, "The database's files were changed", notice)
        self.index_timer.start()  # restarted by every action: runs once they pause

    def catch_up_search(self) -> None:
        if self.db is None:
            return
        # Busy or read-only: the next search, pause or close catches up.
        with contextlib.suppress(DomainError):
            self.db.catch_up_search()

    def meeting_opened(self) -> None:
        self.back_up("meeting opened")

    def back_up_if_due(self) -> None:
        from clerkdesk.persistence.backups import should_back_up

        if should_back_up(self.last_backup, self.last_change, dt.datetime.now()):
            self.back_up("while recording")

    def closing(self) -> None:
        if self.last_change is not None and (
            self.last_backup is None or self.last_change > self.last_backup
        ):
            self.back_up("on close")
        self.timer.stop()
        self.index_timer.stop()
        if self.first_copy is not None:
            self.first_copy.close()

    def back_up(self, reason: str) -> None:
        if self.db is None or not self.db.on_file:
            return
        from clerkdesk.persistence.backups import make_backup, thin_backups

        try:
            make_backup(self.db.path, reason)
            thin_backups(self.db.path)
        except (OSError, DomainError) as error:
            # A failed backup must never stop the recording; say so quietly.
            self.window.setStatusTip(f"Backup failed: {error}")
            return
        self.last_backup = dt.datetime.now()

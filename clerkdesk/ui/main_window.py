"""The clerk's desk: meetings on the left, the open meeting in the centre.

The window can be built before its database is open (``MainWindow(None, ...)``,
as ``clerkdesk.ui.app`` does so that it paints at once), and is then given the
database with :meth:`MainWindow.attach`. Nothing here imports the services or
SQLAlchemy at module level: they are imported where they are used, after the
first paint.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.changes import Area
from clerkdesk.domain.terms import ChairStyle, MeetingStatus
from clerkdesk.ui import operations
from clerkdesk.ui.agenda_panel import AgendaPanel
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.certificates import CertificateActions
from clerkdesk.ui.main_menus import build_menus
from clerkdesk.ui.meeting_header import MeetingHeader, quorum_words, window_title
from clerkdesk.ui.meeting_tabs import MeetingTabs
from clerkdesk.ui.meetings_panel import MeetingsPanel
from clerkdesk.ui.open_meeting import OPENED, OpenMeeting
from clerkdesk.ui.safekeeping import Safekeeping
from clerkdesk.ui.team_actions import TeamActions
from clerkdesk.ui.widgets import OK_STYLE, WARNING_STYLE, set_style_sheet, set_tab_order

if TYPE_CHECKING:
    from clerkdesk.persistence.database import Database
    from clerkdesk.persistence.opening import PreparedFile
    from clerkdesk.services.context import Change, Desk
    from clerkdesk.ui.background import Task
    from clerkdesk.ui.declarations_panel import DeclarationsPanel
    from clerkdesk.ui.minutes_panel import MinutesPanel
    from clerkdesk.ui.voting_panel import VotingPanel

MAX_RECENT = 8
NOTHING_SAVED = "Nothing saved yet in this session"
# A window narrower than this (a 1024-wide screen) starts with the meetings list collapsed.
NARROW = 1200


class MainWindow(QMainWindow):
    database_opened = Signal()  # the window has a database and has listed its meetings

    def __init__(self, desk: Desk | None, settings: QSettings, asker: Asker | None = None) -> None:
        super().__init__()
        self._arranged = False  # set by _restore; see _collapse_if_narrow
        self.setObjectName("MainWindow")
        self.settings = settings
        self.asker = asker or Asker(self)
        self.meeting = OpenMeeting(None, self.asker, self)
        self.pool = QThreadPool.globalInstance()
        self.export_running: Task | None = None
        self._wanted_meeting: int | None = None  # chosen before the database was open

        self.header = MeetingHeader(self.meeting)
        self.agenda = AgendaPanel(self.meeting)
        self.tabs = MeetingTabs(self.meeting)
        self.attendance = self.tabs.attendance
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("centreSplitter")
        split.addWidget(self.agenda)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([300, 800])
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(split, 1)
        self.setCentralWidget(centre)

        self.meetings = MeetingsPanel()
        self.meetings.chosen.connect(self.open_meeting)
        self.meetings.new_requested.connect(self.new_meeting)
        self.meetings.import_requested.connect(self.import_agenda)
        dock = QDockWidget("Meetings", self)
        dock.setObjectName("meetingsDock")
        dock.setWidget(self.meetings)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.meetings_dock = dock
        self.resizeDocks([dock], [270], Qt.Orientation.Horizontal)

        self.saved_label = QLabel(NOTHING_SAVED)
        self.saved_label.setAccessibleName("Last saved")
        self.quorum_label = QLabel()
        self.quorum_label.setAccessibleName("Quorum status")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Export progress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.hide()
        self.statusBar().addWidget(self.saved_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.quorum_label)

        self.certificates = CertificateActions(self)
        self.last_command: QAction | None = None  # the menu command last chosen
        self.menus = build_menus(self)
        self.undo_action, self.redo_action = self.menus.undo, self.menus.redo
        self.import_action, self.recent_menu = self.menus.import_agenda, self.menus.recent
        self.editor = self.menus.editor  # correcting the meeting and its agenda (issue 14)
        self.meetings.delete_requested.connect(self.editor.delete_meeting)
        self._update_recent_menu()
        self.safekeeping = Safekeeping(self)
        self.team = TeamActions(self)  # the council's server: check-out and check-in
        self.meeting.refreshed.connect(self._refresh)
        self.meeting.saved.connect(self._saved)
        self.setWindowTitle(window_title(self.meeting))
        self._fit_to_screen()
        self._restore()
        self._refresh(OPENED)
        self._set_tab_order()
        self.tabs.built.connect(self._set_tab_order)
        self.meetings.table.setFocus()
        if desk is not None:
            self.tabs.build()
            self.attach(desk)
        else:
            self._set_database_ready(False)

    def _set_tab_order(self) -> None:
        """Tab goes down the meetings list, the clock, the agenda, then the open tab."""
        set_tab_order(
            *self.meetings.focus_chain(),
            self.header.clock,
            self.header.live,
            self.agenda.table,
            *self.tabs.focus_chain(),
        )

    # The panels built after the first paint (see MeetingTabs).
    @property
    def voting(self) -> VotingPanel:
        return self.tabs.voting

    @property
    def declarations(self) -> DeclarationsPanel:
        return self.tabs.declarations

    @property
    def minutes(self) -> MinutesPanel:
        return self.tabs.minutes

    # The database.
    def opening(self, path: Path | None) -> None:
        """Say which database is being opened while the window waits for it."""
        name = f"“{path.name}”" if path is not None else "the database"
        self.saved_label.setText(f"Opening {name}…")

    def first_look(self, path: Path | None) -> PreparedFile | None:
        """Get the database file ready (lock, damage check, upgrade; any problem
        explained) and list its meetings, with the standard library alone: the
        window can show them before SQLAlchemy and the services have loaded.
        The meetings can be browsed at once; a meeting chosen before the
        database is open for recording opens as soon as it is. None if the
        file cannot be opened."""
        from clerkdesk.ui.safekeeping import prepare_interactively

        self.opening(path)
        prepared = prepare_interactively(path, self)
        if prepared is None:
            self.saved_label.setText("No database is open")
            return None
        self.opening(prepared.path)
        summaries = prepared.meetings()
        if summaries is None:
            return prepared  # listed once the database is open, or the problem explained then
        self.meetings.show_list(summaries, None)
        self.meetings.setEnabled(True)
        self.meetings.browse_only(True)
        return prepared

    def open_database(self, path: Path | None, prepared: PreparedFile | None = None) -> bool:
        """Open ``path`` (the default database if None), or the file ``first_look``
        prepared, explaining any problem; attach it."""
        from clerkdesk.services.context import Desk
        from clerkdesk.ui.safekeeping import open_interactively, open_prepared

        self.opening(prepared.path if prepared is not None else path)
        db = open_prepared(prepared, self) if prepared else open_interactively(path, self)
        if db is None:
            self.saved_label.setText("No database is open")
            self.meetings.setEnabled(False)
            return False
        self.attach(Desk(db))
        self.remember_database(db.path)
        return True

    def attach(self, desk: Desk) -> None:
        """Work on ``desk``'s database: list its meetings and keep it backed up."""
        self.meeting.desk = desk
        self.safekeeping.switch_to(desk.db)
        self.saved_label.setText(NOTHING_SAVED)
        wanted, self._wanted_meeting = self._wanted_meeting, None
        self.meetings.reload(desk, wanted)
        self._collapse_if_narrow()  # a window shown before its database was open
        wanted = wanted if wanted is not None else self.editor.last_meeting()
        self.meetings.browse_only(False)
        self.setWindowTitle(window_title(self.meeting))
        self._set_database_ready(True)
        self.team.attached()
        self.meetings.table.setFocus()
        self.database_opened.emit()
        if wanted is not None:
            self.open_meeting(wanted)

    def _set_database_ready(self, ready: bool) -> None:
        for action in self.menus.needs_database:
            action.setEnabled(ready)
        self.meetings.setEnabled(ready)
        if ready:
            self._update_recent_menu()

    def dispose(self) -> None:
        """Close the database (when the application ends)."""
        if self.meeting.has_desk:
            self.meeting.desk.db.dispose()

    # Redrawing.
    def _refresh(self, areas: Area) -> None:
        self.header.refresh(areas)
        self.agenda.refresh(areas)
        self.tabs.refresh(areas)
        if areas & (Area.MEETING | Area.MEETINGS | OPENED) and self.meeting.has_desk:
            self.meetings.reload(self.meeting.desk, self.meeting.meeting_id)
        text, ok = quorum_words(self.meeting)
        self.quorum_label.setText(text)
        set_style_sheet(self.quorum_label, OK_STYLE if ok else WARNING_STYLE)
        self.quorum_label.setVisible(self.meeting.record is not None)
        self._update_undo()
        self.setWindowTitle(window_title(self.meeting))

    def _saved(self, change: Change) -> None:
        self.safekeeping.note_change()
        self._show_saved(change.label)

    def _show_saved(self, what: str) -> None:
        # By the meeting's clock, which stamps the record, not the computer's.
        self.saved_label.setText(f"Saved: {what} — {self.meeting.at:%H.%M}")

    def _update_undo(self) -> None:
        state = self.meeting.undo if self.meeting.meeting_id is not None else None
        undo_label = state.undo_label if state else None
        redo_label = state.redo_label if state else None
        self.undo_action.setText(f"&Undo {undo_label}" if undo_label else "&Undo")
        self.redo_action.setText(f"&Redo {redo_label}" if redo_label else "&Redo")
        self.undo_action.setEnabled(undo_label is not None)
        self.redo_action.setEnabled(redo_label is not None)

    def focus_clock(self) -> None:
        clock = self.header.clock
        clock.setFocus(Qt.FocusReason.ShortcutFocusReason)
        clock.setSelectedSection(clock.Section.HourSection)

    def focus_meetings(self) -> None:
        self.meetings_dock.show()
        self.meetings.table.setFocus()

    def open_meeting(self, meeting_id: int, item_id: int | None = None) -> None:
        if not self.meeting.has_desk:  # chosen from the first look: opened once attached
            self._wanted_meeting = meeting_id
            return
        if meeting_id == self.team.checking_in:  # nothing recorded the server would not get
            self.saved_label.setText("This meeting is being checked in: it opens when that is done")
            return
        self.meeting.open(meeting_id, item_id)
        if self.meeting.meeting_id is not None:
            self.safekeeping.meeting_opened()

    # Undo and redo.
    def undo(self) -> None:
        self.meeting.act(operations.undo())

    def redo(self) -> None:
        self.meeting.act(operations.redo())

    # The meeting's life.
    def start_meeting(self) -> None:

        self.meeting.act(operations.set_status(MeetingStatus.IN_PROGRESS))

    def close_meeting(self) -> None:

        record = self.meeting.record
        if (
            record is not None
            and record.status is MeetingStatus.DRAFT
            and self.meeting.act(operations.set_status(MeetingStatus.IN_PROGRESS)) is None
        ):
            return
        self.meeting.act(operations.set_status(MeetingStatus.CLOSED))

    def approve(self) -> None:

        record = self.meeting.record
        if record is None:
            return
        from clerkdesk.domain.attendance import presiding_member  # loaded once a meeting is

        presiding = presiding_member(record, None)
        approval = self.asker.approval(record.name_of(presiding) if presiding else "", record.date)
        if approval is not None:
            self.meeting.act(operations.approve_minutes(approval.signed_by, approval.on))

    def set_chair_style(self, style: ChairStyle) -> None:

        self.meeting.act(operations.set_chair_style(style))

    def edit_minutes_details(self) -> None:
        """Meeting › Minutes details: body, member order, closing time, clerk, proper officer."""
        record = self.meeting.record
        if record is None:
            return
        details = self.asker.minutes_details(record)
        if details is not None:
            self.meeting.act(operations.set_minutes_details(details))

    def declarations_declare(self) -> None:
        self.tabs.show_panel(self.declarations)
        self.declarations.declare()

    def declarations_edit(self) -> None:
        self.tabs.show_panel(self.declarations)
        self.declarations.edit()

    # Other windows.
    def new_meeting(self) -> None:
        if not self.meeting.has_desk:
            return
        from clerkdesk.services.lookups import list_committees
        from clerkdesk.services.setup import create_meeting

        desk = self.meeting.desk
        value = self.asker.new_meeting(list_committees(desk.db))
        if value is None:
            return
        change = self.meeting.call(
            lambda: create_meeting(
                desk, value.committee_id, value.date, value.start_time, value.venue or None
            )
        )
        if change is not None and change.new_id is not None:
            self.meeting.open(change.new_id)

    def import_agenda(self) -> None:
        if not self.meeting.has_desk:
            return
        from clerkdesk.ui.import_preview import run_import

        meeting_id = run_import(self, self.meeting)
        if meeting_id is not None:
            self.safekeeping.note_change()
            self.meeting.open(meeting_id)
            self._show_saved("agenda imported")

    def search(self) -> None:
        if not self.meeting.has_desk:
            return
        from clerkdesk.ui.search_dialog import SearchDialog

        dialog = SearchDialog(self.meeting.desk.db, self.open_meeting, self)
        dialog.show()
        dialog.activateWindow()  # typing goes to the search box at once
        dialog.query.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def member_history(self) -> None:
        if not self.meeting.has_desk:
            return
        from clerkdesk.ui.search_dialog import SearchDialog

        dialog = SearchDialog(self.meeting.desk.db, self.open_meeting, self)
        dialog.tabs.setCurrentIndex(1)
        dialog.show_member(self.meeting.person_id)
        dialog.show()

    def show_shortcuts(self) -> None:
        from clerkdesk.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def about(self) -> None:
        from clerkdesk.ui.about_dialog import AboutDialog

        AboutDialog(self.meeting.desk.db if self.meeting.has_desk else None, self).exec()

    # Export.
    def export(self, fmt: str, confidential: bool) -> None:
        from clerkdesk.export.formats import export_format

        record = self.meeting.record
        if record is None or self.meeting.meeting_id is None:
            self.asker.error("Export", "Open a meeting first.")
            return
        if self.export_running is not None:
            self.asker.info("Export", "An export is already running.")
            return
        export = export_format(fmt)
        which = "confidential" if confidential else "public"
        suggested = Path.home() / (
            f"{record.committee} {record.date:%Y-%m-%d} minutes ({which}){export.suffix}".replace(
                "/", "-"
            )
        )
        path = self.asker.save_path("Export minutes", suggested, export.file_filter)
        if path is None:
            return
        go_on, certifier = self.certificates.certifier() if export.certified else (True, None)
        if not go_on:
            return
        from clerkdesk.ui.background import Task

        desk, meeting_id = self.meeting.desk, self.meeting.meeting_id

        def work() -> Path:
            from clerkdesk.services.exporting import export_meeting  # on the worker thread

            return Path(export_meeting(desk, meeting_id, fmt, confidential, path, certifier))

        task = Task(work)
        task.signals.finished.connect(self._exported)
        task.signals.failed.connect(self._export_failed)
        self.export_running = task
        self.progress.show()
        self.saved_label.setText(f"Exporting the {which} minutes to {path.name}…")
        self.pool.start(task)

    def _exported(self, path: Path) -> None:
        from PySide6.QtWidgets import QMessageBox  # not with the window: see ui/asks.py

        self.export_running = None
        self.progress.hide()
        self.saved_label.setText(f"Exported: {path} — {dt.datetime.now():%H.%M}")
        box = QMessageBox(self)
        box.setWindowTitle("Minutes exported")
        box.setText(f"The minutes were saved to\n{path}")
        open_file = box.addButton("Open the file", QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton("Open the folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        # Imported here, not with the window: importing QUrl builds its five
        # Python enums, time taken from the first paint.
        from PySide6.QtCore import QUrl

        if box.clickedButton() is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def _export_failed(self, error: BaseException) -> None:
        from clerkdesk.domain.errors import DomainError

        self.export_running = None
        self.progress.hide()
        self.saved_label.setText("Export failed")
        # A renderer's bug reaches the clerk as words too.
        message = error.message if isinstance(error, DomainError) else f"The export failed: {error}"
        self.asker.error("Export failed", message)

    # Databases, recent files and window state.
    def choose_database(self) -> None:
        path = self.asker.open_path(
            "Open a ClerkDesk database", "ClerkDesk database (*.db *.sqlite);;All files (*)"
        )
        if path is not None:
            self.switch_database(path)

    def switch_database(self, path: Path | str) -> None:
        """Work on another database: a file's ``path``, or a server's URL (from
        the recent databases), opened off the UI thread (team_actions.py)."""
        from clerkdesk.ui.safekeeping import open_interactively

        if not self.meeting.has_desk:
            return
        if isinstance(path, str):
            self.team.open_server(path, lambda db: self._use(db, path) if db else None)
            return
        current = self.meeting.desk.db
        if current.on_file and path.resolve() == current.path.resolve():
            return
        db = open_interactively(path, self)
        if db is not None:
            self._use(db, db.path)

    def _use(self, db: Database, location: Path | str) -> None:
        from clerkdesk.services.context import Desk

        self.safekeeping.closing()
        self.meeting.desk.db.dispose()
        self.safekeeping.switch_to(db)
        self.meeting.desk = Desk(db, self.meeting.desk.clerk)
        self.remember_database(location)
        self.meeting.open(None)
        self.team.attached()

    def remember_database(self, path: Path | str) -> None:
        """First among the recent databases. A server's URL is kept without its
        password: the clerk's pgpass or service file gives it (README)."""
        if isinstance(path, str):
            from clerkdesk.persistence.server import without_password

            path = without_password(path)
        recent = [str(path)] + [p for p in self.recent_databases() if p != str(path)]
        self.settings.setValue("recentDatabases", recent[:MAX_RECENT])
        self._update_recent_menu()

    def recent_databases(self) -> list[str]:
        value = self.settings.value("recentDatabases", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for n, name in enumerate(self.recent_databases(), start=1):
            action = self.recent_menu.addAction(f"&{n} {name}")
            # A server's URL stays a string (looked at without loading SQLAlchemy).
            where: Path | str = name if name.startswith("postgresql") else Path(name)
            action.triggered.connect(lambda _c=False, w=where: self.switch_database(w))
        self.recent_menu.setEnabled(bool(self.recent_databases()) and self.meeting.has_desk)

    def _fit_to_screen(self) -> None:
        """The first window fits the screen it opens on (1366x768 at most): at
        1366x768 a window that size loses its status bar, with the quorum, under
        the task bar and its own title bar."""
        available = self.screen().availableGeometry()
        # The title bar, like the frame, is not known until the window is shown: room
        # for two lines of the window's font is more than a desktop's title bar takes.
        # (The style's own guess, asked of QStyle, built QStyle's Python enums before
        # the first paint: docs/benchmarks.md, issue 19.)
        title_bar = 2 * self.fontMetrics().height()
        border = 8  # room for the frame's edges, which are not known until it is shown
        width = min(1366, available.width() - 2 * border)
        height = min(768, available.height() - title_bar - 2 * border)
        self.setGeometry(available.x() + border, available.y() + title_bar + border, width, height)

    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        state = self.settings.value("windowState")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        # Until the clerk has arranged the window, a narrow screen starts with
        # the meetings list collapsed (see showEvent).
        self._arranged = isinstance(state, QByteArray)
        if self._arranged:
            self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._collapse_if_narrow()

    def _collapse_if_narrow(self) -> None:
        """At 1024 wide the meetings list leaves the agenda a word a line: until
        the clerk has arranged the window, a narrow one that has meetings to
        list starts with it collapsed (the meeting last worked on reopens
        anyway, and Ctrl+Shift+L shows the list). Done once."""
        if self._arranged or not self.isVisible() or self.meetings.model.rowCount() == 0:
            return
        self._arranged = True
        if self.width() < NARROW:
            self.meetings_dock.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.safekeeping.closing()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self.settings.sync()
        super().closeEvent(event)

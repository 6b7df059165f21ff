"""The clerk's desk: meetings on the left, the open meeting in the centre."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QThreadPool, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.attendance import presiding_member
from clerkdesk.domain.model import MeetingStatus
from clerkdesk.services import lifecycle, undo
from clerkdesk.services.context import Change, Desk
from clerkdesk.ui.agenda_panel import AgendaPanel
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.attendance_panel import AttendancePanel
from clerkdesk.ui.declarations_panel import DeclarationsPanel
from clerkdesk.ui.export_task import ExportTask
from clerkdesk.ui.meeting_header import MeetingHeader, quorum_words
from clerkdesk.ui.meeting_session import OPENED, MeetingSession
from clerkdesk.ui.meetings_panel import MeetingsPanel
from clerkdesk.ui.minutes_panel import MinutesPanel
from clerkdesk.ui.safekeeping import Safekeeping
from clerkdesk.ui.voting_panel import VotingPanel
from clerkdesk.ui.widgets import OK_STYLE, WARNING_STYLE

MAX_RECENT = 8


def keys(*sequences: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """Shortcuts without duplicates (StandardKey.Redo already is Ctrl+Shift+Z on some systems)."""
    seen: list[QKeySequence] = []
    for sequence in sequences:
        for key in (
            QKeySequence.keyBindings(sequence)
            if isinstance(sequence, QKeySequence.StandardKey)
            else [QKeySequence(sequence)]
        ):
            if not key.isEmpty() and key not in seen:
                seen.append(key)
    return seen


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, settings: QSettings, asker: Asker | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.settings = settings
        self.asker = asker or Asker(self)
        self.session = MeetingSession(desk, self.asker, self)
        self.pool = QThreadPool.globalInstance()
        self.export_running: ExportTask | None = None

        self.header = MeetingHeader(self.session)
        self.agenda = AgendaPanel(self.session)
        self.attendance = AttendancePanel(self.session)
        self.voting = VotingPanel(self.session)
        self.declarations = DeclarationsPanel(self.session)
        self.minutes = MinutesPanel(self.session)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Meeting panels")
        self.tabs.addTab(self.attendance, "&Attendance")
        self.tabs.addTab(self.voting, "&Voting")
        self.tabs.addTab(self.declarations, "&Declarations")
        self.tabs.addTab(self.minutes, "Minutes &notes")
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

        self.saved_label = QLabel("Nothing saved yet in this session")
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

        self._build_menus()
        self.safekeeping = Safekeeping(self, desk.db)
        self.session.refreshed.connect(self._refresh)
        self.session.saved.connect(self._saved)
        self.setWindowTitle("ClerkDesk")
        self.resize(1366, 768)
        self._restore()
        self.meetings.reload(self.session.desk, None)
        self.meetings.table.setFocus()

    # Menus and shortcuts.
    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: object,
        shortcuts: list[QKeySequence] | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts(shortcuts)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "&New meeting…", self.new_meeting, keys(QKeySequence.StandardKey.New))
        self.import_action = self._action(
            file, "&Import agenda…", self.import_agenda, keys("Ctrl+I")
        )
        file.addSeparator()
        export = file.addMenu("&Export minutes")
        self._action(export, "&Word – public", lambda: self.export("docx", False), keys("Ctrl+E"))
        self._action(
            export, "Word – &confidential (with Part II)", lambda: self.export("docx", True)
        )
        self._action(
            export, "&PDF – public", lambda: self.export("pdf", False), keys("Ctrl+Shift+E")
        )
        self._action(export, "PDF – c&onfidential (with Part II)", lambda: self.export("pdf", True))
        file.addSeparator()
        self._action(
            file, "&Open database…", self.choose_database, keys(QKeySequence.StandardKey.Open)
        )
        self.recent_menu = file.addMenu("&Recent databases")
        file.addSeparator()
        self._action(file, "&Quit", self.close, keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))

        edit = bar.addMenu("&Edit")
        self.undo_action = self._action(
            edit, "&Undo", self.undo, keys(QKeySequence.StandardKey.Undo)
        )
        self.redo_action = self._action(
            edit, "&Redo", self.redo, keys(QKeySequence.StandardKey.Redo, "Ctrl+Y", "Ctrl+Shift+Z")
        )
        edit.addSeparator()
        self._action(
            edit, "&Search all meetings…", self.search, keys(QKeySequence.StandardKey.Find)
        )
        self._action(
            edit,
            "&Member's attendance and declarations…",
            self.member_history,
            keys("Ctrl+Shift+M"),
        )

        meeting = bar.addMenu("&Meeting")
        self._action(meeting, "&Start meeting", self.start_meeting)
        self._action(meeting, "&Close meeting", self.close_meeting)
        self._action(meeting, "&Approve minutes…", self.approve)
        meeting.addSeparator()
        self._action(meeting, "&Declare interest…", self.declarations_declare, keys("Ctrl+D"))
        self._action(meeting, "&Unanimous vote", self.voting.unanimous, keys("Ctrl+U"))
        self._action(meeting, "Na&med vote…", self.voting.named, keys("Ctrl+Shift+U"))
        self._action(
            meeting, "&Previous item", lambda: self.session.move_item(-1), keys("Alt+Up", "Ctrl+Up")
        )
        self._action(
            meeting, "&Next item", lambda: self.session.move_item(1), keys("Alt+Down", "Ctrl+Down")
        )
        self._action(meeting, "Edit the meeting &time", self.focus_clock, keys("Ctrl+T"))
        meeting.addSeparator()
        for n, (label, widget) in enumerate(
            (
                ("Attendance", self.attendance),
                ("Voting", self.voting),
                ("Declarations", self.declarations),
                ("Minutes notes", self.minutes),
            ),
            start=1,
        ):
            self._action(
                meeting, f"Go to {label}", lambda w=widget: self.show_panel(w), keys(f"Ctrl+{n}")
            )
        self._action(meeting, "Go to the agenda", self.agenda.table.setFocus, keys("Ctrl+0"))
        self._action(meeting, "Go to the meetings list", self.focus_meetings, keys("Ctrl+L"))

        help_menu = bar.addMenu("&Help")
        self._action(
            help_menu,
            "&Keyboard shortcuts",
            self.show_shortcuts,
            keys(QKeySequence.StandardKey.HelpContents, "F1"),
        )
        self._action(help_menu, "&About ClerkDesk", self.about)
        self._update_recent_menu()

    # Redrawing.
    def _refresh(self, areas: frozenset[str]) -> None:
        for panel in (
            self.header,
            self.agenda,
            self.attendance,
            self.voting,
            self.declarations,
            self.minutes,
        ):
            panel.refresh(areas)
        if areas & {"meeting", "meetings", OPENED}:
            self.meetings.reload(self.session.desk, self.session.meeting_id)
        text, ok = quorum_words(self.session)
        self.quorum_label.setText(text)
        self.quorum_label.setStyleSheet(OK_STYLE if ok else WARNING_STYLE)
        self._update_undo()
        record = self.session.record
        self.setWindowTitle(
            f"ClerkDesk – {record.committee}, {record.date:%d %B %Y}" if record else "ClerkDesk"
        )

    def _saved(self, change: Change) -> None:
        self.safekeeping.note_change()
        self.saved_label.setText(f"Saved: {change.label} — {dt.datetime.now():%H.%M}")

    def _update_undo(self) -> None:
        meeting_id = self.session.meeting_id
        state = undo.undo_state(self.session.desk, meeting_id) if meeting_id else None
        undo_label = state.undo_label if state else None
        redo_label = state.redo_label if state else None
        self.undo_action.setText(f"&Undo {undo_label}" if undo_label else "&Undo")
        self.redo_action.setText(f"&Redo {redo_label}" if redo_label else "&Redo")
        self.undo_action.setEnabled(undo_label is not None)
        self.redo_action.setEnabled(redo_label is not None)

    def show_panel(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)
        widget.setFocus()

    def focus_clock(self) -> None:
        clock = self.header.clock
        clock.setFocus(Qt.FocusReason.ShortcutFocusReason)
        clock.setSelectedSection(clock.Section.HourSection)

    def focus_meetings(self) -> None:
        self.meetings_dock.show()
        self.meetings.table.setFocus()

    def open_meeting(self, meeting_id: int, item_id: int | None = None) -> None:
        self.session.open(meeting_id, item_id)
        if self.session.meeting_id is not None:
            self.safekeeping.meeting_opened()

    # Undo and redo.
    def undo(self) -> None:
        self.session.act(undo.undo)

    def redo(self) -> None:
        self.session.act(undo.redo)

    # The meeting's life.
    def start_meeting(self) -> None:
        self.session.act(lifecycle.set_status, MeetingStatus.IN_PROGRESS)

    def close_meeting(self) -> None:
        record = self.session.record
        if (
            record is not None
            and record.status is MeetingStatus.DRAFT
            and self.session.act(lifecycle.set_status, MeetingStatus.IN_PROGRESS) is None
        ):
            return
        self.session.act(lifecycle.set_status, MeetingStatus.CLOSED)

    def approve(self) -> None:
        record = self.session.record
        if record is None:
            return
        presiding = presiding_member(record, None)
        name = self.asker.approved_by(record.name_of(presiding) if presiding else "")
        if name:
            self.session.act(lifecycle.approve_minutes, name)

    def declarations_declare(self) -> None:
        self.tabs.setCurrentWidget(self.declarations)
        self.declarations.declare()

    # Other windows.
    def new_meeting(self) -> None:
        from clerkdesk.services.lookups import list_committees
        from clerkdesk.services.setup import create_meeting

        desk = self.session.desk
        value = self.asker.new_meeting(list_committees(desk.db))
        if value is None:
            return
        change = self.session.call(
            lambda: create_meeting(
                desk, value.committee_id, value.date, value.start_time, value.venue or None
            )
        )
        if change is not None and change.new_id is not None:
            self.session.open(change.new_id)

    def import_agenda(self) -> None:
        from clerkdesk.ui.import_preview import run_import

        meeting_id = run_import(self, self.session)
        if meeting_id is not None:
            self.session.open(meeting_id)

    def search(self) -> None:
        from clerkdesk.ui.search_dialog import SearchDialog

        dialog = SearchDialog(self.session.desk.db, self.open_meeting, self)
        dialog.show()

    def member_history(self) -> None:
        from clerkdesk.ui.search_dialog import SearchDialog

        dialog = SearchDialog(self.session.desk.db, self.open_meeting, self)
        dialog.tabs.setCurrentIndex(1)
        dialog.show()

    def show_shortcuts(self) -> None:
        from clerkdesk.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "About ClerkDesk",
            "ClerkDesk records council committee meetings live: attendance, interests, "
            f"votes and minutes.\n\nDatabase: {self.session.desk.db.path}",
        )

    # Export.
    def export(self, fmt: str, confidential: bool) -> None:
        record = self.session.record
        if record is None or self.session.meeting_id is None:
            self.asker.error("Export", "Open a meeting first.")
            return
        try:
            import clerkdesk.services.exporting  # noqa: F401
        except ImportError:
            self.asker.info(
                "Export not available yet",
                "Exporting minutes to Word and PDF is not part of this build yet.",
            )
            return
        if self.export_running is not None:
            self.asker.info("Export", "An export is already running.")
            return
        which = "confidential" if confidential else "public"
        suggested = Path.home() / (
            f"{record.committee} {record.date:%Y-%m-%d} minutes ({which}).{fmt}".replace("/", "-")
        )
        filters = "Word document (*.docx)" if fmt == "docx" else "PDF document (*.pdf)"
        path = self.asker.save_path("Export minutes", suggested, filters)
        if path is None:
            return
        task = ExportTask(self.session.desk, self.session.meeting_id, fmt, confidential, path)
        task.signals.finished.connect(self._exported)
        task.signals.failed.connect(self._export_failed)
        self.export_running = task
        self.progress.show()
        self.saved_label.setText(f"Exporting the {which} minutes to {path.name}…")
        self.pool.start(task)

    def _exported(self, path: Path) -> None:
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
        if box.clickedButton() is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def _export_failed(self, message: str) -> None:
        self.export_running = None
        self.progress.hide()
        self.saved_label.setText("Export failed")
        self.asker.error("Export failed", message)

    # Databases, recent files and window state.
    def choose_database(self) -> None:
        path = self.asker.open_path(
            "Open a ClerkDesk database", "ClerkDesk database (*.db *.sqlite);;All files (*)"
        )
        if path is not None:
            self.switch_database(path)

    def switch_database(self, path: Path) -> None:
        from clerkdesk.ui.safekeeping import open_interactively

        if path.resolve() == self.session.desk.db.path.resolve():
            return
        db = open_interactively(path, self)
        if db is None:
            return
        self.safekeeping.closing()
        self.session.desk.db.dispose()
        self.safekeeping.switch_to(db)
        self.session.desk = Desk(db, self.session.desk.clerk)
        self.remember_database(db.path)
        self.session.open(None)

    def remember_database(self, path: Path) -> None:
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
            action.triggered.connect(lambda _c=False, p=name: self.switch_database(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent_databases()))

    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        state = self.settings.value("windowState")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.safekeeping.closing()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self.settings.sync()
        super().closeEvent(event)

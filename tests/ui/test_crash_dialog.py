"""An unexpected error in the window: the dialog says nothing was lost, the
report can be copied and saved, it holds versions and the traceback but no
meeting content, it is in the log file, and the database is intact."""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from clerkdesk import diagnostics
from clerkdesk.diagnostics import LOG_FILE
from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.model import MeetingStatus
from clerkdesk.persistence.migrations import LATEST_VERSION
from clerkdesk.ui.app import install_excepthook
from clerkdesk.ui.crash_dialog import CrashDialog
from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.problem_handler import ProblemHandler
from clerkdesk.ui.problem_report import problem_report
from clerkdesk.version import VERSION
from tests.ui.conftest import DemoDb

SECRET = "Adult Care & Health Cabinet Panel: the confidential Part II report on Ms Example"
# Raised by name below: the report shows the code's lines, and code names no one.
MEMBER = "Councillor Example"
RULE = "Cllr Example has a disclosable pecuniary interest"


@pytest.fixture
def logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The log folder for this test; the test's hook undone afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    folder = tmp_path / "logs"
    yield folder
    for name in (diagnostics.LOGGER, diagnostics.PROBLEMS):
        for handler in logging.getLogger(name).handlers:
            handler.close()


class Shown:
    """Each crash dialog the hook opened: what it said, its report, and the
    report as the clerk's Copy and Save… buttons gave it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, save_to: Path) -> None:
        self.texts: list[str] = []
        self.reports: list[str] = []
        self.copied: list[str] = []
        self.save_to = save_to

        def exec_(dialog: CrashDialog) -> int:
            self.texts.append(dialog.text())
            self.reports.append(dialog.view.toPlainText())
            dialog.copy_button.click()
            self.copied.append(QApplication.clipboard().text())
            dialog.asker.save_path = lambda title, suggested, filters: save_to  # type: ignore[method-assign]
            dialog.save_button.click()
            return 0

        monkeypatch.setattr(CrashDialog, "exec", exec_)


def start_meeting_action(window: MainWindow) -> None:
    """Choose Meeting › Start meeting, as the clerk would."""
    meeting = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Meeting")
    next(a for a in meeting.actions() if a.text() == "&Start meeting").trigger()


def test_an_unexpected_error_in_the_window_loses_nothing_and_reports_no_meeting_text(
    qtbot: QtBot,
    demo: DemoDb,
    settings_path: Path,
    logs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    handler = install_excepthook(logs)
    handler.watch(window)
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    saved = tmp_path / "report.txt"
    shown = Shown(monkeypatch, saved)
    window.open_meeting(demo.january_30)
    before = demo.fresh_record(demo.january_30)
    assert before.status is MeetingStatus.DRAFT

    # A fault inside the action's transaction, after its change was written:
    # the message quotes the meeting, as a real one might.
    import clerkdesk.persistence.unit_of_work as unit_of_work

    def fault(changes: object) -> str:
        raise RuntimeError(SECRET)

    with monkeypatch.context() as patched:
        patched.setattr(unit_of_work, "encode_changes", fault)
        start_meeting_action(window)  # Qt hands the slot's exception to sys.excepthook

    assert len(shown.texts) == 1
    said = shown.texts[0]
    assert "Nothing you recorded was lost" in said
    assert "each in a transaction of its own" in said and "rolled back" in said
    assert "read again from the file" in said
    assert str(logs / LOG_FILE) in said

    report = shown.reports[0]
    assert shown.copied == [report]
    assert saved.read_text(encoding="utf-8") == report
    for expected in (
        f"ClerkDesk: {VERSION}",
        f"Qt: {qVersion()}",
        f"SQLite: {sqlite3.sqlite_version}",
        "Python: ",
        "PySide6: ",
        "Operating system: ",
        f"Database schema version: {LATEST_VERSION}",
        "Action attempted:\n"
        "  Meeting › Start meeting (the last menu command chosen)\n"
        "  lifecycle.set_status (the last recording action started)\n",
        "What went wrong: RuntimeError",
        "Traceback (most recent call last):",
        'File "clerkdesk/persistence/unit_of_work.py"',
        "in finish",
        "encoded = encode_changes(self.changes)",
        'File "tests/ui/test_crash_dialog.py"',
    ):
        assert expected in report, expected
    for secret in (SECRET, "Ms Example", "Adult Care", "Cabinet Panel", str(tmp_path)):
        assert secret not in report
    logged = (logs / LOG_FILE).read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in logged
    assert "Ms Example" not in logged

    # The database: intact, the failed action rolled back, the meeting loads,
    # the window shows what is saved, and the next action is recorded.
    with sqlite3.connect(demo.path) as check:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    check.close()
    after = demo.fresh_record(demo.january_30)
    assert after == before
    assert window.meeting.record is not None
    assert window.meeting.record.status is MeetingStatus.DRAFT
    start_meeting_action(window)
    assert demo.fresh_record(demo.january_30).status is MeetingStatus.IN_PROGRESS
    assert len(shown.texts) == 1


def test_no_exception_message_reaches_the_report_not_even_a_chained_rule() -> None:
    """A rule's message names members (domain/errors.py); a KeyError names its key."""

    def record() -> None:
        try:
            {}[MEMBER]
        except KeyError as missing:
            try:
                raise RuleViolation(RULE) from missing
            except RuleViolation:
                raise ValueError(SECRET) from None

    try:
        record()
    except ValueError as error:
        report = problem_report(error, error.__traceback__, ["Meeting › Start meeting"], "11")
    assert "ValueError (its message is left out" in report
    assert "Example" not in report and "pecuniary" not in report
    assert "in record" in report

    def chained() -> None:
        try:
            {}[MEMBER]
        except KeyError as missing:
            raise RuleViolation(RULE) from missing

    try:
        chained()
    except RuleViolation as error:
        report = problem_report(error, error.__traceback__, [], "11")
    assert "KeyError (its message is left out" in report
    assert "It was the direct cause of the error below." in report
    assert "clerkdesk.domain.errors.RuleViolation (its message is left out" in report
    assert "Example" not in report and "pecuniary" not in report


def test_a_rule_the_clerk_met_is_shown_as_its_message_not_as_a_fault(
    qtbot: QtBot, logs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(CrashDialog, "exec", lambda dialog: pytest.fail("no crash dialog"))
    install_excepthook(logs)
    try:
        raise RuleViolation("Record the vote after the meeting is quorate.")
    except RuleViolation as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert warned == ["Record the vote after the meeting is quorate."]
    assert not (logs / LOG_FILE).exists()


def test_an_error_while_the_dialog_is_open_is_logged_not_stacked(
    qtbot: QtBot, logs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerkdesk.diagnostics import problem_logger

    handler = ProblemHandler(problem_logger(logs))
    monkeypatch.setattr(sys, "stderr", None)  # a frozen windowed app has none
    opened: list[str] = []

    def exec_(dialog: CrashDialog) -> int:
        opened.append(dialog.report)
        try:
            raise OSError("second")
        except OSError as again:
            handler(type(again), again, again.__traceback__)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_)
    try:
        raise RuntimeError("first")
    except RuntimeError as error:
        handler(type(error), error, error.__traceback__)
    assert len(opened) == 1
    logged = (logs / LOG_FILE).read_text(encoding="utf-8")
    assert "What went wrong: RuntimeError" in logged and "What went wrong: OSError" in logged


def test_the_action_attempted_is_the_menu_command_by_its_menus(
    qtbot: QtBot, demo: DemoDb, settings_path: Path, logs: Path
) -> None:
    window = MainWindow(demo.desk, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    handler = install_excepthook(logs)
    assert handler.attempted() == []
    handler.watch(window)
    window.asker.error = lambda title, message: None  # type: ignore[method-assign]
    file = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    export = next(a.menu() for a in file.actions() if a.text() == "&Export minutes")
    next(a for a in export.actions() if a.text() == "&PDF – public").trigger()  # no meeting open
    assert handler.attempted() == [
        "File › Export minutes › PDF – public (the last menu command chosen)"
    ]

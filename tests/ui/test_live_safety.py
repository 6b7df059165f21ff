"""Issue 14, the live meeting: nothing is lost or decided by a stray key."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clerkdesk import importing
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.import_preview import ImportPreviewDialog
from clerkdesk.ui.main_window import MainWindow
from tests.conftest import SAMPLES, DemoDb
from tests.ui.live import CTRL, open_at_item, press, window

__all__ = ["window"]
PACK = SAMPLES / "herts-acah-panel-2018-01-30-agenda-pack.txt"


def when_a_dialog_shows(act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the modal dialog once it is up (it runs its own event loop)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


@pytest.fixture
def preview(qtbot: QtBot) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(importing.parse_agenda_file(PACK))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_escape_in_the_import_preview_asks_before_throwing_corrections_away(
    qtbot: QtBot, preview: ImportPreviewDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def keep_them(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", keep_them)
    preview.venue.setFocus()
    preview.venue.selectAll()
    qtbot.keyClicks(preview.venue, "Council Chamber, County Hall")  # a correction
    qtbot.keyClick(preview.venue, Qt.Key.Key_Escape)
    assert len(asked) == 1 and "corrections" in asked[0]
    assert preview.isVisible()  # kept, with the correction
    assert preview.value().venue == "Council Chamber, County Hall"


def test_escape_in_an_untouched_import_preview_just_closes(
    qtbot: QtBot, preview: ImportPreviewDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a))
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert asked == []
    assert not preview.isVisible()


def test_the_casting_vote_question_has_no_default_answer(qtbot: QtBot) -> None:
    shown: list[str] = []

    def press_enter(dialog: QWidget) -> None:
        shown.append(dialog.windowTitle())
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
        if dialog.isVisible():  # never left open by a failing test
            dialog.close()

    when_a_dialog_shows(press_enter)
    # Enter gives no casting vote (neither for nor against): the question is cancelled.
    assert Asker().casting_vote("C B Wyatt-Lowe", 5) is None
    assert shown == ["Casting vote"]


def test_an_empty_correction_reason_says_why_it_cannot_be_saved(qtbot: QtBot) -> None:
    seen: list[str] = []

    def answer(dialog: QWidget) -> None:
        box = dialog.findChild(QLineEdit)
        assert box is not None
        qtbot.keyClick(box, Qt.Key.Key_Return)  # nothing typed
        if not dialog.isVisible():
            seen.append("closed")
            return
        seen.append("open")
        seen.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        qtbot.keyClicks(box, "Wrong member named as seconder")
        qtbot.keyClick(box, Qt.Key.Key_Return)
        if dialog.isVisible():  # never left open by a failing test
            dialog.close()

    when_a_dialog_shows(answer)
    reason = Asker().correction_reason()
    assert seen[0] == "open"
    assert any("needs its reason" in text for text in seen[1:]), seen
    assert reason == "Wrong member named as seconder"


def test_the_officer_responsible_does_not_carry_over_to_the_next_item(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    item = open_at_item(window, demo.january_30, "3")
    press(qtbot, Qt.Key.Key_4, CTRL)
    minutes = window.minutes
    minutes.owner.setFocus()
    qtbot.keyClicks(minutes.owner, "Director of Adult Care Services")
    minutes.action_text.setFocus()
    qtbot.keyClicks(minutes.action_text, "Report back on the consultation")
    press(qtbot, Qt.Key.Key_Return)
    actions = demo.fresh_record(demo.january_30).actions_of(item)
    assert [a.owner for a in actions] == ["Director of Adult Care Services"]
    window.meeting.move_item(1)
    assert minutes.owner.text() == ""
    assert minutes.action_text.text() == ""


def test_a_pasted_nul_is_refused_in_the_panel_and_the_typed_minute_is_kept(
    qtbot: QtBot, window: MainWindow, demo: DemoDb
) -> None:
    """Pasted out of a damaged document, a NUL rides in with the minute: the
    panel says which field and what to do, and the clerk's text stays in the
    editor to put right; nothing is recorded (domain/record_text.py)."""
    item = open_at_item(window, demo.january_30, "3")
    press(qtbot, Qt.Key.Key_4, CTRL)
    minutes = window.minutes
    pasted = "Members noted the report.\x00"
    minutes.editor.setPlainText(pasted)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert minutes.error.isVisible()
    assert minutes.error.text().startswith(
        "The minute paragraph's text holds a character that is not text (U+0000) "
        "after “Members noted the report.”"
    )
    assert minutes.editor.toPlainText() == pasted
    assert list(demo.fresh_record(demo.january_30).paragraphs_of(item)) == []
    minutes.editor.setPlainText(pasted.replace("\x00", ""))
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert not minutes.error.isVisible()
    stored = demo.fresh_record(demo.january_30).paragraphs_of(item)
    assert [p.text for p in stored] == ["Members noted the report."]

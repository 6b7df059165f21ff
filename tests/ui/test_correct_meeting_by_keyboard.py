"""A clerk corrects an imported meeting by keyboard, records it and exports it.

The real window, the real dialogs (typed into while they are open), the real
services and a real SQLite file: the sample agenda pack is imported, then the
quorum and venue are fixed, an urgent item is added with the chair's reason,
an item is taken out of order, one is withdrawn, a recommendation's text is
amended and a committee member replaced; each is undone and redone; votes
are recorded; the minutes are exported as Word and PDF and read back.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from clerkdesk.domain.model import Disposal, MeetingRecord
from clerkdesk.persistence.database import open_database
from clerkdesk.services.context import Desk
from clerkdesk.ui import meeting_header, open_meeting
from clerkdesk.ui.agenda_item_dialogs import AgendaItemDialog, ItemPlaceDialog
from clerkdesk.ui.asks import Asker
from clerkdesk.ui.import_preview import ImportPreviewDialog
from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.meeting_details_dialog import MeetingDetailsDialog
from clerkdesk.ui.membership_dialog import MembershipDialog
from clerkdesk.ui.recommendation_dialog import RecommendationDialog
from tests.services.helpers import fresh_record

PACK = "herts-acah-panel-2018-01-30-agenda-pack.txt"
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
REASON = "The grant offer must be accepted before the next meeting"
AMENDED = "That the Panel notes the proposals and asks for a report in March."


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    qtbot.keyClick(focused(), key, modifier)


def in_dialog(
    qtbot: QtBot, kind: type[QDialog], typing: Callable[[QDialog], None]
) -> list[QDialog | BaseException]:
    """Type into the next ``kind`` of dialog once it is open (it is modal, so the
    key press that opens it returns only when it closes). What went wrong while
    typing is kept, to be raised once the dialog is closed."""
    seen: list[QDialog | BaseException] = []

    def when_open() -> None:
        dialog = QApplication.activeModalWidget()
        if not (isinstance(dialog, kind) and dialog.isVisible()):
            QTimer.singleShot(20, when_open)
            return
        seen.append(dialog)
        try:
            # A desktop activates a dialog as it opens; the offscreen platform
            # leaves that to the test.
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            typing(dialog)
        except BaseException as error:  # raised by the test once the dialog is closed
            seen.append(error)
        finally:
            if dialog.isVisible():
                dialog.reject()  # never left open: the test then fails on what was not saved

    QTimer.singleShot(0, when_open)
    return seen


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return Desk(open_database(tmp_path / "clerkdesk.db", create=True), "test clerk")


@pytest.fixture
def window(
    qtbot: QtBot, desk: Desk, tmp_path: Path, samples: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr(meeting_header, "now_minute", lambda: dt.time(9, 0))
    monkeypatch.setattr(open_meeting, "now_minute", lambda: dt.time(9, 0))
    # The machine's own certificate for the PDF, made in the test's folder.
    monkeypatch.setattr("clerkdesk.export.certify.default_key_dir", lambda: tmp_path / "keys")
    asker = Asker()
    asker.open_path = lambda *args: samples / PACK  # type: ignore[method-assign]
    asker.info = lambda title, message: None  # type: ignore[method-assign]
    # Any refusal would be a modal box: recorded instead, and the test fails on it.
    asker.error = lambda title, message: pytest.fail(f"{title}: {message}")  # type: ignore[method-assign]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(desk, settings, asker)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield window
    window.pool.waitForDone()
    desk.db.dispose()


def through_dialog(
    qtbot: QtBot,
    window: MainWindow,
    kind: type[QDialog],
    typing: Callable[[QDialog], None],
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
) -> None:
    """Press the shortcut that opens ``kind`` and type into it; then the window
    is active again (the offscreen platform, unlike a desktop, does not hand
    activation back when a dialog closes)."""
    seen = in_dialog(qtbot, kind, typing)
    press(qtbot, key, modifier)
    assert seen, f"{kind.__name__} was never shown"
    if isinstance(seen[-1], BaseException):
        raise seen[-1]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is not seen[0])  # deleted once answered
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def import_pack(qtbot: QtBot, window: MainWindow) -> int:
    def save(dialog: QDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)
        if dialog.isVisible():  # the button box may not take Alt+S on every style
            dialog.accept()

    through_dialog(qtbot, window, ImportPreviewDialog, save, Qt.Key.Key_I, CTRL)
    assert window.meeting.meeting_id is not None
    return window.meeting.meeting_id


def test_correct_an_imported_meeting_by_keyboard(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path
) -> None:
    meeting = import_pack(qtbot, window)
    fresh: Callable[[], MeetingRecord] = lambda: fresh_record(desk, meeting)  # noqa: E731
    imported = fresh()
    assert (imported.quorum, imported.venue) == (3, "Committee Room B, County Hall, Hertford")
    numbers = lambda: [i.number for i in fresh().ordered_items]  # noqa: E731

    def undo_and_redo(done: Callable[[], bool]) -> None:
        """Ctrl+Z takes the edit back, Ctrl+Y makes it again; both on disk at once."""
        assert done()
        press(qtbot, Qt.Key.Key_0, CTRL)  # the agenda: never a text box that keeps Ctrl+Z
        press(qtbot, Qt.Key.Key_Z, CTRL)
        assert not done()
        press(qtbot, Qt.Key.Key_Y, CTRL)
        assert done()

    # 1. The quorum and the venue, in Meeting details (Ctrl+Shift+T).
    def details(dialog: QDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Q, ALT)
        press(qtbot, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(focused(), "4")
        qtbot.keyClick(dialog, Qt.Key.Key_V, ALT)
        press(qtbot, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(focused(), "Council Chamber, County Hall, Hertford")
        press(qtbot, Qt.Key.Key_Return)

    through_dialog(qtbot, window, MeetingDetailsDialog, details, Qt.Key.Key_T, CTRL | SHIFT)
    undo_and_redo(
        lambda: (fresh().quorum, fresh().venue) == (4, "Council Chamber, County Hall, Hertford")
    )

    # 2. An urgent item after item 6, with the chair's reason (Ctrl+Shift+A).
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Down, ALT)
    assert window.meeting.item_id == fresh().item_by_number("6").id

    def urgent(dialog: QDialog) -> None:
        qtbot.keyClicks(focused(), "7")
        press(qtbot, Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), "Winter pressures grant")
        press(qtbot, Qt.Key.Key_Tab)
        qtbot.keyClicks(focused(), REASON)
        press(qtbot, Qt.Key.Key_Tab)  # to OK
        press(qtbot, Qt.Key.Key_Return)

    through_dialog(qtbot, window, AgendaItemDialog, urgent, Qt.Key.Key_A, CTRL | SHIFT)
    added = lambda: "7" in numbers() and fresh().item_by_number("7").urgency_reason == REASON  # noqa: E731
    undo_and_redo(added)
    assert numbers() == ["1", "2", "3", "4", "5", "6", "7"]

    # 3. Item 5 taken out of order, before item 3 (Ctrl+Shift+O).
    window.meeting.set_item(fresh().item_by_number("5").id)
    press(qtbot, Qt.Key.Key_0, CTRL)

    def before_item_3(dialog: QDialog) -> None:
        press(qtbot, Qt.Key.Key_Up)
        press(qtbot, Qt.Key.Key_Up)
        press(qtbot, Qt.Key.Key_Return)

    through_dialog(qtbot, window, ItemPlaceDialog, before_item_3, Qt.Key.Key_O, CTRL | SHIFT)
    undo_and_redo(lambda: numbers() == ["1", "2", "5", "3", "4", "6", "7"])
    assert fresh().item_by_number("5").taken_out_of_order

    # 4. Item 4 withdrawn (Ctrl+Shift+W).
    window.meeting.set_item(fresh().item_by_number("4").id)
    press(qtbot, Qt.Key.Key_W, CTRL | SHIFT)
    undo_and_redo(lambda: fresh().item_by_number("4").disposal is Disposal.WITHDRAWN)

    # 5. Recommendation 3.1's text amended before the meeting (Shift+F2).
    item3 = fresh().item_by_number("3")
    window.meeting.set_item(item3.id)
    rec31 = fresh().recommendations_of(item3.id)[0]

    def amend(dialog: QDialog) -> None:
        assert isinstance(dialog, RecommendationDialog)
        assert dialog.which.currentData() == rec31.id
        qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)
        press(qtbot, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(focused(), AMENDED)
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Return)

    press(qtbot, Qt.Key.Key_0, CTRL)
    through_dialog(qtbot, window, RecommendationDialog, amend, Qt.Key.Key_F2, SHIFT)
    undo_and_redo(lambda: fresh().recommendation(rec31.id).text == AMENDED)

    # 6. F R G Hill replaced on the committee by A P Newcomer (Ctrl+Shift+R).
    hill = next(p.id for p in imported.people if p.name == "F R G Hill")

    def replace(dialog: QDialog) -> None:
        assert isinstance(dialog, MembershipDialog)
        assert focused() is dialog.member
        press(qtbot, Qt.Key.Key_Home)
        for _ in range(dialog.member.count()):  # down the list to the member
            if dialog.member.currentData() == hill:
                break
            press(qtbot, Qt.Key.Key_Down)
        assert dialog.member.currentText() == "F R G Hill"
        qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)
        qtbot.keyClicks(focused(), "A P Newcomer")
        press(qtbot, Qt.Key.Key_Return)

    through_dialog(qtbot, window, MembershipDialog, replace, Qt.Key.Key_R, CTRL | SHIFT)

    def replaced() -> bool:
        record = fresh()
        names = {record.name_of(a.person_id) for a in record.attendees}
        return "A P Newcomer" in names and "F R G Hill" not in names

    undo_and_redo(replaced)

    # Votes: everyone present at 10.30, then item 3 and item 5 carried unanimously.
    press(qtbot, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(focused(), "1030")
    press(qtbot, Qt.Key.Key_1, CTRL)
    press(qtbot, Qt.Key.Key_Home, CTRL)
    for _ in range(window.attendance.model.rowCount()):
        press(qtbot, Qt.Key.Key_P)
    assert len([a for a in fresh().attendees if a.status.value == "present"]) == 12
    for number in ("3", "5"):
        item = fresh().item_by_number(number)
        window.meeting.set_item(item.id)
        press(qtbot, Qt.Key.Key_2, CTRL)
        for rec in fresh().recommendations_of(item.id):
            selected = window.voting.selected()
            assert selected is not None and selected.recommendation_id == rec.id
            press(qtbot, Qt.Key.Key_U, CTRL)
            assert fresh().decision_on(rec.id) is not None
    assert not window.voting.error.isVisible(), window.voting.error.text()

    # The minutes, as Word and as PDF, read back.
    docx = export(qtbot, window, "docx", tmp_path / "minutes.docx")
    pdf = export(qtbot, window, "pdf", tmp_path / "minutes.pdf")
    for text in (docx_text(docx), pdf_text(pdf)):
        flat = squash(text)  # no whitespace: a line wrapped in the PDF still matches
        for wanted in (
            "Council Chamber, County Hall, Hertford",
            "Winter pressures grant",
            "as a matter of urgency under section 100B(4)(b) of the Local Government Act 1972",
            "because the grant offer must be accepted before the next meeting.",
            "This item was taken out of the agenda's order, after item 2.",
            "This item was WITHDRAWN.",
            AMENDED,
            "A P Newcomer",
        ):
            assert squash(wanted) in flat, wanted
        assert squash("F R G Hill") not in flat
        # The items in the order taken: 1, 2, 5, 3, 4, 6, 7.
        place = flat.index(squash("conclusions were reached"))
        for item in fresh().ordered_items:
            place = flat.find(squash(item.title[:30]), place)
            assert place > 0, f"item {item.number} is not where it was taken"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def export(qtbot: QtBot, window: MainWindow, fmt: str, target: Path) -> Path:
    window.asker.save_path = lambda title, suggested, filters: target  # type: ignore[method-assign]
    finished: list[Path] = []
    window._exported = finished.append  # type: ignore[method-assign]
    failed: list[str] = []
    window._export_failed = failed.append  # type: ignore[method-assign]
    window.export(fmt, False)
    qtbot.waitUntil(lambda: bool(finished or failed), timeout=60_000)
    window.pool.waitForDone()
    window.export_running = None
    assert not failed, failed
    return finished[0]


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", xml.replace("</w:p>", " "))
    return html.unescape(text)


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(page.extract_text() or "" for page in reader.pages)

"""The search dialog searches on the thread pool: the window never waits for it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerkdesk.persistence.database import Database
from clerkdesk.services import lookups
from clerkdesk.services.lookups import SearchHit
from clerkdesk.ui.search_dialog import SearchDialog
from tests.conftest import DemoDb


@pytest.fixture
def dialog(qtbot: QtBot, demo: DemoDb) -> SearchDialog:
    search = SearchDialog(demo.db, lambda meeting, item: None)
    qtbot.addWidget(search)
    search.show()
    return search


def test_the_search_runs_in_a_worker_while_the_dialog_takes_keys(
    qtbot: QtBot, dialog: SearchDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    ran: list[tuple[str, int]] = []
    real_search = lookups.search

    def held_search(db: Database, words: str, limit: int = 200) -> list[SearchHit]:
        ran.append((words, threading.get_ident()))
        started.set()
        release.wait(timeout=10)  # held until the test has typed more
        return real_search(db, words, limit)

    monkeypatch.setattr(lookups, "search", held_search)
    shown: list[int] = []
    dialog.search_done.connect(lambda: shown.append(len(dialog.hits.rows)))
    qtbot.keyClicks(dialog.query, "charg")
    qtbot.waitUntil(started.is_set)
    # The first search is held in its worker: the dialog still takes keys and says so.
    qtbot.keyClicks(dialog.query, "ing")
    assert dialog.query.text() == "charging"
    assert dialog.count.text() == "Searching…"
    qtbot.waitUntil(lambda: not dialog.typing_pause.isActive())  # a second search is asked for
    with qtbot.waitSignal(dialog.search_done, timeout=30_000):
        release.set()
    main = threading.get_ident()
    assert [words for words, _ in ran] == ["charg", "charging"]
    assert all(thread != main for _, thread in ran)
    assert shown == [len(dialog.hits.rows)]  # the first, replaced search was never shown
    assert dialog.hits.rows and dialog.count.text().endswith("results")


def test_return_opens_the_first_hit_once_it_arrives(qtbot: QtBot, dialog: SearchDialog) -> None:
    qtbot.keyClicks(dialog.query, "flexi")
    with qtbot.waitSignal(dialog.search_done, timeout=30_000):
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.hits.rows
    assert dialog.hit_table.currentIndex().row() == 0


def test_an_oversized_search_is_refused_in_words(qtbot: QtBot, dialog: SearchDialog) -> None:
    dialog.query.setText(" ".join(["council"] * 5000))
    with qtbot.waitSignal(dialog.search_done, timeout=30_000):
        dialog.run_search()
    assert not dialog.hits.rows
    assert "limit is" in dialog.count.text() and "characters" in dialog.count.text()
    dialog.query.setText(" ".join(["care"] * (lookups.MAX_SEARCH_WORDS + 1)))
    with qtbot.waitSignal(dialog.search_done, timeout=30_000):
        dialog.run_search()
    assert f"limit is {lookups.MAX_SEARCH_WORDS} words" in dialog.count.text()

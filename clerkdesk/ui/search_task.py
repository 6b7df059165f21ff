"""Searching every meeting off the UI thread.

The dialog starts a :class:`SearchTask` on the thread pool and hears the
result through its signals, tagged with the number of the search it answers,
so that an answer to a search the clerk has since replaced can be dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

if TYPE_CHECKING:
    from clerkdesk.persistence.database import Database


class SearchSignals(QObject):
    finished = Signal(int, object)  # the search's number, list[SearchHit]
    failed = Signal(int, str)  # the search's number, a message for the clerk


class SearchTask(QRunnable):
    def __init__(self, db: Database, words: str, number: int) -> None:
        super().__init__()
        self.db, self.words, self.number = db, words, number
        self.signals = SearchSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        # Looked up when run, not imported by name, so there is one search function.
        from clerkdesk.services import lookups

        try:
            hits = lookups.search(self.db, self.words)
        except lookups.SearchTooLong as error:
            self.signals.failed.emit(self.number, str(error))
        except Exception as error:  # a damaged or busy file must reach the clerk as words
            self.signals.failed.emit(self.number, f"The search failed: {error}")
        else:
            self.signals.finished.emit(self.number, hits)

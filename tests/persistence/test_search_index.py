"""The minutes' search index, brought up to date after each action (migration 0007)."""

from __future__ import annotations

import sqlite3

import pytest

from clerkdesk.persistence.database import open_database
from clerkdesk.persistence.search_index import catch_up, is_behind
from clerkdesk.services import lookups, minutes, undo
from tests.conftest import DemoDb

# The SQLite file's FTS5 index and how it catches up; the search itself, on
# either database, is tested through services/lookups.py (test_lookups.py).
pytestmark = pytest.mark.sqlite_only


def _pending(demo: DemoDb) -> list[int]:
    with sqlite3.connect(demo.path) as conn:
        return [row[0] for row in conn.execute("SELECT entry FROM search_pending ORDER BY entry")]


def _minute_entries(path: object) -> set[tuple[int, str, int, int]]:
    with sqlite3.connect(path) as conn:  # type: ignore[call-overload]
        return {
            (int(r[0]), r[1], int(r[2]), int(r[3]))
            for r in conn.execute(
                "SELECT rowid, body, meeting_id, item_id FROM search_index WHERE kind = 'minute'"
            )
        }


def _rebuilt(path: object) -> set[tuple[int, str, int, int]]:
    """What a full rebuild from the paragraphs would hold."""
    with sqlite3.connect(path) as conn:  # type: ignore[call-overload]
        return {
            (int(r[0]), r[1], int(r[2]), int(r[3]))
            for r in conn.execute(
                "SELECT p.id * 4 + 3, p.text, i.meeting_id, i.id FROM minute_paragraph p"
                " JOIN agenda_item i ON i.id = p.item_id"
            )
        }


def _item(demo: DemoDb) -> int:
    return demo.fresh_record(demo.january_30).item_by_number("4").id


def test_a_minute_is_noted_in_its_action_and_found_by_the_next_search(demo: DemoDb) -> None:
    demo.db.catch_up_search()
    change = minutes.add_paragraph(demo.desk, demo.january_30, _item(demo), "Zebra crossings.")
    assert _pending(demo) == [change.new_id * 4 + 3]  # type: ignore[operator]
    hits = lookups.search(demo.db, "zebra")
    assert [(h.kind, h.meeting_id) for h in hits] == [("minute", demo.january_30)]
    assert _pending(demo) == []
    assert _minute_entries(demo.path) == _rebuilt(demo.path)


def test_edits_deletes_and_undo_reach_the_index(demo: DemoDb) -> None:
    item = _item(demo)
    added = minutes.add_paragraph(demo.desk, demo.january_30, item, "Quokka numbers rose.")
    assert added.new_id is not None
    minutes.edit_paragraph(demo.desk, demo.january_30, added.new_id, "Wombat numbers rose.")
    assert lookups.search(demo.db, "quokka") == []
    assert len(lookups.search(demo.db, "wombat")) == 1
    minutes.delete_paragraph(demo.desk, demo.january_30, added.new_id)
    assert lookups.search(demo.db, "wombat") == []
    undo.undo(demo.desk, demo.january_30)  # the paragraph comes back, and so does its entry
    assert len(lookups.search(demo.db, "wombat")) == 1
    undo.undo(demo.desk, demo.january_30)  # back to the first wording
    assert lookups.search(demo.db, "wombat") == []
    assert len(lookups.search(demo.db, "quokka")) == 1
    assert _minute_entries(demo.path) == _rebuilt(demo.path)


def test_moving_a_paragraph_within_its_item_notes_nothing(demo: DemoDb) -> None:
    item = _item(demo)
    minutes.add_paragraph(demo.desk, demo.january_30, item, "First.")
    demo.db.catch_up_search()
    with sqlite3.connect(demo.path) as conn:
        conn.execute(
            "UPDATE minute_paragraph SET position = position + 10 WHERE item_id = ?", (item,)
        )
    assert _pending(demo) == []


def test_a_closed_database_has_a_complete_index(demo: DemoDb) -> None:
    minutes.add_paragraph(demo.desk, demo.january_30, _item(demo), "Narwhal sightings.")
    assert _pending(demo)
    demo.db.dispose()
    assert _pending(demo) == []
    assert _minute_entries(demo.path) == _rebuilt(demo.path)
    reopened = open_database(demo.path)
    try:
        assert len(lookups.search(reopened, "narwhal")) == 1
    finally:
        reopened.dispose()


def test_catch_up_after_a_crash_finds_what_the_crashed_copy_noted(demo: DemoDb) -> None:
    """The note is in the action's own transaction: a copy killed before it could
    catch up leaves the note on disk, and the next search applies it."""
    minutes.add_paragraph(demo.desk, demo.january_30, _item(demo), "Pangolin report.")
    copy = demo.path.with_name("copy.db")
    with sqlite3.connect(demo.path) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # the file as a crash would leave it: noted, not indexed
    with sqlite3.connect(copy) as conn:
        assert is_behind(conn)
        assert conn.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH 'pangolin'"
        ).fetchone() == (0,)
        conn.execute("BEGIN IMMEDIATE")
        assert catch_up(conn)
        conn.execute("COMMIT")
        assert not is_behind(conn)
        assert conn.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH 'pangolin'"
        ).fetchone() == (1,)
    assert _minute_entries(copy) == _rebuilt(copy)

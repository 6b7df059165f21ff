"""The record reader (persistence/records.py) and the list of meetings."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from clerkdesk.domain.record_json import dump_record
from clerkdesk.persistence.meeting_list import read_meeting_list
from clerkdesk.persistence.records import exempt_paragraph
from clerkdesk.services import agenda_edits
from clerkdesk.services.context import Desk
from clerkdesk.services.records_io import get_record, list_meetings


def test_the_first_look_lists_the_meetings_as_the_services_do(
    db_path: Path, desk: Desk, demo_ids: list[int]
) -> None:
    """The window's first look reads the list with sqlite3 before SQLAlchemy
    loads; the services read it in Core. The window shows one, then the other."""
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        first_look = read_meeting_list(connection)
    listed = list_meetings(desk)
    assert [m.id for m in listed] == sorted(demo_ids, reverse=True)  # newest first
    assert first_look == listed
    assert all(isinstance(m.date, str) for m in listed)


def test_an_exempt_paragraph_reads_back_as_the_domain_has_it(
    desk: Desk, demo_ids: list[int]
) -> None:
    """A number stays a number and a lettered paragraph text, as stored in the
    INTEGER column of SQLite and as text in a string column: the record, and
    so its seal, is the same either way."""
    assert [exempt_paragraph(v) for v in (None, 3, "3", "14", "7A", "18B")] == [
        None,
        3,
        3,
        14,
        "7A",
        "18B",
    ]
    meeting = demo_ids[0]
    first, second = get_record(desk, meeting).items[:2]
    agenda_edits.set_item_part(desk, meeting, first.id, 2, "7A")
    agenda_edits.set_item_part(desk, meeting, second.id, 2, 3)
    desk.db.kept.forget()
    record = get_record(desk, meeting)
    assert record.item(first.id).exempt_paragraph == "7A"
    assert record.item(second.id).exempt_paragraph == 3
    dumped = {i["number"]: i["exempt_paragraph"] for i in dump_record(record)["items"]}
    assert (dumped[first.number], dumped[second.number]) == ("7A", 3)

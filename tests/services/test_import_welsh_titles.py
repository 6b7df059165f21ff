"""An item's Welsh title, from a bilingual agenda, is kept in the record (migration
0016), dumped and loaded, and shown in the minutes under the English title."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from clerkdesk.domain.record_json import dump_record
from clerkdesk.importing import parse_agenda_file
from clerkdesk.persistence.database import open_database
from clerkdesk.services import lifecycle
from clerkdesk.services.context import Desk
from clerkdesk.services.exporting import export_meeting
from clerkdesk.services.importing import import_agenda
from clerkdesk.services.records_io import dump_meeting, get_record, load_meeting, parse_record_text
from tests.conftest import SAMPLES

BILINGUAL = SAMPLES / "councils" / "welsh-county-bilingual-side.txt"


def _imported(desk: Desk) -> int:
    return import_agenda(desk, parse_agenda_file(BILINGUAL)).meeting_id


def test_the_welsh_title_is_saved_with_the_item(desk: Desk) -> None:
    parsed = parse_agenda_file(BILINGUAL)
    expected = {i.number: i.welsh_title for i in parsed.items}
    assert all(expected.values())
    record = get_record(desk, _imported(desk))
    assert {i.number: i.welsh_title for i in record.items} == expected
    assert all(i.title != i.welsh_title for i in record.items)  # the title stays English


def test_the_welsh_title_is_dumped_and_loaded(desk: Desk) -> None:
    meeting_id = _imported(desk)
    dumped = dump_meeting(desk, meeting_id)
    assert all(i["welsh_title"] for i in dumped["items"])
    copy = load_meeting(desk, parse_record_text(json.dumps(dumped)), as_new_copy=True)
    assert [i.welsh_title for i in get_record(desk, copy).items] == [
        i.welsh_title for i in get_record(desk, meeting_id).items
    ]


def test_a_record_without_welsh_titles_dumps_without_the_key(
    desk: Desk, demo_ids: list[int]
) -> None:
    dumped = dump_record(get_record(desk, demo_ids[0]))
    assert all("welsh_title" not in item for item in dumped["items"])


def test_the_minutes_show_the_welsh_title_under_the_english(desk: Desk, tmp_path: Path) -> None:
    meeting_id = _imported(desk)
    item = next(i for i in get_record(desk, meeting_id).items if i.welsh_title)
    assert item.welsh_title is not None
    path = export_meeting(desk, meeting_id, "docx", False, tmp_path / "minutes.docx")
    body = docx.Document(io.BytesIO(path.read_bytes())).element.body
    # Every paragraph in reading order, those in the minutes' tables included.
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))).strip() for p in body.iter(qn("w:p"))]
    texts = [t for t in texts if t]
    heading = next(n for n, t in enumerate(texts) if item.title.upper() in t.upper())
    assert texts[heading + 1] == item.welsh_title
    pdf = export_meeting(desk, meeting_id, "pdf", False, tmp_path / "minutes.pdf")
    text = " ".join("".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    heading_at = text.upper().index(item.title.upper())
    assert text.find(item.welsh_title, heading_at) == heading_at + len(item.title) + 1


@pytest.mark.sqlite_only
def test_a_schema_15_database_upgrades_and_its_approved_minutes_still_match_their_seal(
    desk: Desk, demo_ids: list[int]
) -> None:
    lifecycle.approve_minutes(desk, demo_ids[0], "C B Wyatt-Lowe")
    before = dump_meeting(desk, demo_ids[0])
    path = desk.db.path
    desk.db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE agenda_item DROP COLUMN welsh_title")
    for table in ("meeting_lease", "conflict_copy", "person_proposal", "checkout"):
        conn.execute(f"DROP TABLE {table}")  # version 18's
    conn.execute("PRAGMA user_version = 15")  # before 0016, the Welsh titles
    conn.commit()
    conn.close()
    upgraded = Desk(open_database(path))
    try:
        record = get_record(upgraded, demo_ids[0])
        assert all(item.welsh_title is None for item in record.items)
        assert before["meeting"]["seal"] and record.seal == before["meeting"]["seal"]
        assert dump_meeting(upgraded, demo_ids[0]) == before  # the seal hashes this dump
        # Loading checks the dump against its seal: it would refuse one that had changed.
        copy = load_meeting(upgraded, parse_record_text(json.dumps(before)), as_new_copy=True)
        assert get_record(upgraded, copy).items[0].welsh_title is None
    finally:
        upgraded.db.dispose()

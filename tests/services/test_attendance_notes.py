"""The clerk's note on a member's attendance: one undoable, audited action
(a correction with a reason after approval), printed in the minutes' attendance
notes in every format, and carried by the record's dump and load."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from clerkdesk.domain.errors import RecordLockedError, RuleViolation
from clerkdesk.domain.record_json import dump_record
from clerkdesk.domain.record_reader import read_record
from clerkdesk.export.view import build_minutes_view
from clerkdesk.persistence.schema import AuditRow
from clerkdesk.services import undo
from clerkdesk.services.attendance import set_attendance_note
from clerkdesk.services.context import Correction, Desk
from clerkdesk.services.exporting import export_meeting
from clerkdesk.services.lifecycle import approve_minutes
from clerkdesk.services.records_io import dump_meeting, get_record, load_meeting
from tests.services.helpers import fresh_record, person_id

NOTE = "attended remotely, not entitled to vote"


def _note(desk: Desk, meeting_id: int, name: str) -> str | None:
    record = fresh_record(desk, meeting_id)
    attendee = record.attendee(person_id(record, name))
    assert attendee is not None
    return attendee.note


def test_a_note_is_added_changed_removed_and_undone(desk: Desk, demo_ids: list[int]) -> None:
    jan10 = demo_ids[0]
    howard = person_id(get_record(desk, jan10), "T Howard")
    change = set_attendance_note(desk, jan10, howard, f"  {NOTE}\n")
    assert change.label == f"Add the note on T Howard's attendance: {NOTE}"
    assert _note(desk, jan10, "T Howard") == NOTE
    set_attendance_note(desk, jan10, howard, "left the room for item 6")
    assert _note(desk, jan10, "T Howard") == "left the room for item 6"
    with pytest.raises(RuleViolation, match="unchanged"):
        set_attendance_note(desk, jan10, howard, "left the room  for item 6")
    with pytest.raises(RuleViolation, match="at most 300"):
        set_attendance_note(desk, jan10, howard, "x" * 301)
    change = set_attendance_note(desk, jan10, howard, "   ")
    assert change.label == "Remove the note on T Howard's attendance"
    assert _note(desk, jan10, "T Howard") is None
    undo.undo(desk, jan10)
    assert _note(desk, jan10, "T Howard") == "left the room for item 6"
    undo.undo(desk, jan10)
    assert _note(desk, jan10, "T Howard") == NOTE
    undo.redo(desk, jan10)
    assert _note(desk, jan10, "T Howard") == "left the room for item 6"
    with desk.db.session() as session:
        labels = session.scalars(select(AuditRow.action).where(AuditRow.meeting_id == jan10))
        assert f"Add the note on T Howard's attendance: {NOTE}" in list(labels)


def test_after_approval_a_note_is_a_correction_with_a_reason(
    desk: Desk, demo_ids: list[int]
) -> None:
    jan10 = demo_ids[0]
    approve_minutes(desk, jan10, "C B Wyatt-Lowe", dt.date(2018, 1, 30))
    howard = person_id(get_record(desk, jan10), "T Howard")
    with pytest.raises(RecordLockedError, match="make the change as a correction"):
        set_attendance_note(desk, jan10, howard, NOTE)
    set_attendance_note(
        desk,
        jan10,
        howard,
        NOTE,
        correction=Correction("He joined by video"),
    )
    record = fresh_record(desk, jan10)
    assert _note(desk, jan10, "T Howard") == NOTE
    assert record.corrections[-1].reason == "He joined by video"
    assert record.corrections[-1].made_by == "Elaine Manzi"


def test_the_minutes_print_the_note_in_every_format(
    desk: Desk, demo_ids: list[int], tmp_path: Path
) -> None:
    jan10 = demo_ids[0]
    howard = person_id(get_record(desk, jan10), "T Howard")
    set_attendance_note(desk, jan10, howard, NOTE)
    view = build_minutes_view(get_record(desk, jan10), confidential=False)
    notes = [n.replace("\u00a0", " ") for n in view.attendance_notes]
    assert f"Councillor T Howard: {NOTE}." in notes
    word = export_meeting(desk, jan10, "docx", False, tmp_path / "minutes.docx")
    with zipfile.ZipFile(word) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert NOTE in html.unescape(re.sub(r"<[^>]+>", "", xml))
    pdf = export_meeting(desk, jan10, "pdf", False, tmp_path / "minutes.pdf")
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert NOTE in re.sub(r"\s+", " ", text)
    page = export_meeting(desk, jan10, "html", False, tmp_path / "minutes.html")
    assert NOTE in html.unescape(page.read_text("utf-8"))


def test_the_note_is_dumped_and_loaded(desk: Desk, demo_ids: list[int]) -> None:
    jan10 = demo_ids[0]
    plain = dump_meeting(desk, jan10)
    assert all("note" not in a for a in plain["attendance"])  # written only when set
    howard = person_id(get_record(desk, jan10), "T Howard")
    set_attendance_note(desk, jan10, howard, NOTE)
    dumped = dump_meeting(desk, jan10)
    assert [a["note"] for a in dumped["attendance"] if "note" in a] == [NOTE]
    record = read_record(dumped)
    assert dump_record(record) == dumped
    copy = load_meeting(desk, record, as_new_copy=True)
    assert _note(desk, copy, "T Howard") == NOTE

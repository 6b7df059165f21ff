"""An agenda that marks Part II in any of its ways, imported and exported as public
minutes, never shows what its exempt items hold (issue 13, point 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from clerkdesk.importing import parse_agenda_text
from clerkdesk.persistence.database import open_database
from clerkdesk.services.context import Desk
from clerkdesk.services.exporting import export_meeting
from clerkdesk.services.importing import import_agenda
from tests.conftest import examples
from tests.export.test_leaks import docx_everything, pdf_everything
from tests.importing.test_import_part_two import EXEMPT_ITEMS, FRONT, agendas_with_part_two


def _public_minutes(folder: Path, text: str) -> tuple[str, str, tuple[str, ...]]:
    db = open_database(folder / "clerkdesk.db", create=True)
    try:
        desk = Desk(db, "Test Clerk")
        result = import_agenda(desk, parse_agenda_text(text))
        docx = export_meeting(desk, result.meeting_id, "docx", False, folder / "public.docx")
        pdf = export_meeting(desk, result.meeting_id, "pdf", False, folder / "public.pdf")
        return docx_everything(docx.read_bytes()), pdf_everything(pdf.read_bytes()), result.notes
    finally:
        db.dispose()


def test_the_attack_from_the_issue_leaks_nothing(tmp_path: Path) -> None:
    exempt = EXEMPT_ITEMS.replace(
        "4. STAFFING RESTRUCTURE\n",
        "4. STAFFING RESTRUCTURE\nRecommendation: That post SECRETPOST4 be deleted.\n",
    )
    docx, pdf, _notes = _public_minutes(tmp_path, f"{FRONT}PART II - EXEMPT ITEMS\n{exempt}")
    assert "restructure" in docx.lower()  # the heading stays, as the law allows
    assert "SECRETPOST4" not in docx and "SECRETPOST4" not in pdf


def test_guessed_part_two_is_saved_as_part_two_with_a_note(tmp_path: Path) -> None:
    text = f"{FRONT}3a. EXCLUSION OF THE PRESS AND PUBLIC\n4. CONTRACT\nRecommendation: SECRETX.\n"
    docx, pdf, notes = _public_minutes(tmp_path, text)
    assert "SECRETX" not in docx and "SECRETX" not in pdf
    assert any(note.startswith("Items 4 were saved as Part II") for note in notes)


@settings(max_examples=examples(25), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=agendas_with_part_two())
def test_no_exempt_item_reaches_the_public_minutes(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, list[str], dict[str, str]]
) -> None:
    text, _exempt, markers = case
    docx, pdf, _notes = _public_minutes(tmp_path_factory.mktemp("agenda"), text)
    for marker in markers.values():
        assert marker not in docx, (marker, text)
        assert marker not in pdf, (marker, text)

"""What the minutes call the chair: "Chairman", "Chair" or "Chairperson"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from clerkdesk.domain.model import ChairStyle, Role
from clerkdesk.export import export_minutes
from clerkdesk.export.view import build_minutes_view

from .conftest import docx_parts, pdf_pages, pdf_text, spaced
from .factories import herts_2018_01_10


@pytest.mark.parametrize("style", list(ChairStyle))
def test_the_minutes_call_the_chair_as_the_council_does(style: ChairStyle) -> None:
    record = replace(herts_2018_01_10(), chair_style=style)
    view = build_minutes_view(record, confidential=False)
    members = spaced(next(g.text for g in view.attendance if "MEMBERS" in g.heading))
    chair = next(a for a in record.attendees if a.role is Role.CHAIR)
    vice = next(a for a in record.attendees if a.role is Role.VICE_CHAIR)
    assert f"{record.name_of(chair.person_id)} ({style.value})" in members
    assert f"{record.name_of(vice.person_id)} (Vice-{style.value})" in members
    assert view.signature_label == style.value.upper()
    assert view.initials_label == f"{style.value.upper()}'S INITIALS"


def test_a_chair_styled_meeting_reads_back_so_in_word_and_pdf(tmp_path: Path) -> None:
    record = replace(herts_2018_01_10(), chair_style=ChairStyle.CHAIR)
    pdf = export_minutes(record, "pdf", False, key_dir=tmp_path)
    for page in pdf_pages(pdf):
        assert "CHAIR'S INITIALS" in page and "CHAIRMAN" not in page
    assert "(Chair)" in pdf_text(pdf) and "(Vice-Chair)" in pdf_text(pdf)
    parts = docx_parts(export_minutes(record, "docx", False, key_dir=tmp_path))
    footer = "".join(body for name, body in parts.items() if name.startswith("word/footer"))
    assert "CHAIR&apos;S INITIALS" in footer or "CHAIR'S INITIALS" in footer
    assert "CHAIRMAN" not in footer
    assert "(Vice-Chair)" in parts["word/document.xml"]

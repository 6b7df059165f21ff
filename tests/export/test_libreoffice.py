"""The Word minutes open in LibreOffice and convert to a PDF with the right text."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import pdf_pages, pdf_text

Exported = Callable[[str, str, bool], bytes]


def test_docx_converts_with_libreoffice(exported: Exported, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot check the .docx opens in it")
    source = tmp_path / "minutes.docx"
    source.write_bytes(exported("rich", "docx", True))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    converted = tmp_path / "minutes.pdf"
    assert converted.is_file(), "LibreOffice produced no PDF"
    data = converted.read_bytes()
    text = pdf_text(data)
    assert "BORSETSHIRE COUNTY COUNCIL" in text
    assert "There being an equality of votes" in text
    # Word's own list numbering (docx_numbering), laid out by another program too.
    assert re.search(r"3\.1\s*Members considered the application", text)
    assert re.search(r"5\.2\s*ZQX-PARA-TWO", text)
    pages = pdf_pages(data)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page  # the fields were computed
        assert "CONFIDENTIAL" in page


def test_a_paragraph_added_in_word_is_numbered_and_the_rest_follow(tmp_path: Path) -> None:
    """Issue 16: the numbers are Word's list numbering, so another program laying the
    file out numbers a paragraph added with python-docx, and renumbers those after it."""
    import copy
    import io

    import docx
    from docx.oxml.ns import qn

    from .factories import herts_2018_01_10
    from .readback import render

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot lay the .docx out")
    document = docx.Document(io.BytesIO(render(herts_2018_01_10(), "docx")))
    cell = next(
        c
        for row in document.tables[0].rows
        for c in row.cells
        if c.text.startswith("Members received a report")
    )
    first = cell.paragraphs[0]
    added = cell.add_paragraph("Members asked how carers had been told.", style=first.style)
    added._p.get_or_add_pPr().append(copy.deepcopy(first._p.pPr.find(qn("w:numPr"))))
    source = tmp_path / "edited.docx"
    document.save(str(source))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = pdf_text((tmp_path / "edited.pdf").read_bytes())
    assert re.search(r"3\.1\s*Members received a report", text)
    assert re.search(r"3\.2\s*Members asked how carers had been told\.", text)
    assert re.search(r"3\.3\s*The panel noted that in total", text)  # was 3.2
    assert re.search(r"3\.7\s*Members voted on each of the recommendations", text)  # was 3.6

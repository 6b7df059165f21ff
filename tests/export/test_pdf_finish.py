"""The finishing step's own writing of PDF names (the rest of it is read back
from real exports in test_pdf_tagged.py)."""

from __future__ import annotations

import io

import pytest
from pypdf.generic import NameObject

from clerkdesk.export.pdf_finish import _name


@pytest.mark.parametrize(
    "name", ["/S", "/StructElem", "/ListNumbering", "/A#B", "/With Space", "/Ünïcode", "/(x)"]
)
def test_a_name_is_written_as_pypdf_writes_it(name: str) -> None:
    ours, pypdfs = io.BytesIO(), io.BytesIO()
    _name(name).write_to_stream(ours)
    _name(name).write_to_stream(ours)  # the second time from the bytes kept
    NameObject(name).write_to_stream(pypdfs)
    assert ours.getvalue() == pypdfs.getvalue() * 2
    assert _name(name) == name and isinstance(_name(name), NameObject)

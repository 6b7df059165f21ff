"""Exports are rendered once per session and read back by many tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from clerkdesk.domain.model import MeetingRecord, MeetingStatus
from clerkdesk.export import export_minutes

from .factories import herts_2018_01_10, rich_meeting


def _approved(record: MeetingRecord) -> MeetingRecord:
    return dataclasses.replace(
        record,
        status=MeetingStatus.APPROVED,
        approved_at=dt.datetime(2018, 1, 30, 10, 45),
        approved_by="C B Wyatt-Lowe",
    )


MEETINGS: dict[str, Callable[[], MeetingRecord]] = {
    "herts": herts_2018_01_10,
    "rich": rich_meeting,
    "rich approved": lambda: _approved(rich_meeting()),
}


@pytest.fixture(scope="session")
def key_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("keys")


@pytest.fixture(scope="session")
def exported(key_dir: Path) -> Callable[[str, str, bool], bytes]:
    cache: dict[tuple[str, str, bool], bytes] = {}

    def get(meeting: str, fmt: str, confidential: bool) -> bytes:
        key = (meeting, fmt, confidential)
        if key not in cache:
            record = MEETINGS[meeting]()
            cache[key] = export_minutes(record, fmt, confidential, key_dir=key_dir)  # type: ignore[arg-type]
        return cache[key]

    return get


def squash(text: str) -> str:
    """Text with all whitespace removed, so words wrapped at a hyphen still match."""
    return re.sub(r"\s+", "", text)


def spaced(text: str) -> str:
    """Text with its no-break spaces (which keep names whole) read as spaces."""
    return text.replace("\u00a0", " ")


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    """Page text joined, with line breaks folded to spaces."""
    return re.sub(r"\s+", " ", " ".join(pdf_pages(data)))


def docx_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: archive.read(name).decode("utf-8", errors="replace")
            for name in archive.namelist()
        }

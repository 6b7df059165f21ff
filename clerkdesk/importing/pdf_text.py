"""Text of a PDF's text layer, with table cells that wrap put back together.

Each page's running header and footer are dropped (see ``pages``) and a
paragraph or title that runs over a page is joined up again.

pypdf's layout mode keeps columns apart (runs of spaces), so a table row
whose cells wrap onto several lines can be rebuilt: the following indented
lines that line up under a cell belong to that cell.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from typing import Any

import pypdf

from clerkdesk.importing.errors import DocumentError
from clerkdesk.importing.limits import MAX_PDF_PAGES, MAX_TEXT_CHARACTERS, refuse
from clerkdesk.importing.pages import STARTS_POINT, join_pages

_SEGMENT = re.compile(r"\S+(?: {1,2}\S+)*")
_MIN_TEXT = 20
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_ALIGN_SLACK = 2


def pdf_text(data: bytes, name: str, *, corrupt: DocumentError) -> str:
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader: Any = pypdf.PdfReader(io.BytesIO(data), strict=False)
            encrypted = bool(reader.is_encrypted)
        except Exception:
            raise corrupt from None
        if encrypted and not _opens_without_password(reader):
            raise DocumentError(
                f"'{name}' is protected with a password. Open it, save a copy without "
                "the password (or ask the author for an unprotected copy), then import that."
            )
        try:
            pages = _pages_lines(reader, name)
        except DocumentError:
            raise
        except Exception:
            raise corrupt from None
    text = "\n".join(join_pages(pages))
    # Counted without headers and footers: a scan with "Page 1 of 9" typed on is still a scan.
    if sum(1 for ch in text if ch.isprintable() and not ch.isspace() and ch not in _INVISIBLE) < (
        _MIN_TEXT
    ):
        raise DocumentError(
            "This PDF has no text layer (it looks scanned). Export it again from Word, "
            "or run it through OCR, then import again."
        )
    return text


def _pages_lines(reader: Any, name: str) -> list[list[str]]:
    """Each page's lines, refused past ``MAX_PDF_PAGES`` before any page is read,
    and past ``MAX_TEXT_CHARACTERS`` as soon as the pages read so far hold more."""
    count = len(reader.pages)
    if count > MAX_PDF_PAGES:
        raise refuse(name, f"has {count:,} pages", f"{MAX_PDF_PAGES:,} pages")
    pages = []
    characters = 0
    for page in reader.pages:
        lines = _page_lines(page)
        characters += sum(len(line) for line in lines)
        if characters > MAX_TEXT_CHARACTERS:
            raise refuse(
                name,
                f"holds more than {MAX_TEXT_CHARACTERS:,} characters",
                f"{MAX_TEXT_CHARACTERS:,} characters",
            )
        pages.append(lines)
    return pages


def _opens_without_password(reader: Any) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False


def _page_lines(page: Any) -> list[str]:
    try:
        layout = str(page.extract_text(extraction_mode="layout"))
    except Exception:
        layout = str(page.extract_text() or "")
    return merge_wrapped_cells(layout.split("\n"))


def merge_wrapped_cells(lines: list[str]) -> list[str]:
    """Join the wrapped lines of table cells (and hanging indents) to their row."""
    out: list[str] = []
    row: list[tuple[int, list[str]]] | None = None
    for line in lines:
        segments = [(m.start(), m.group()) for m in _SEGMENT.finditer(line)]
        if not segments:
            _flush(row, out)
            row = None
            out.append("")
            continue
        if row is not None and segments[0][0] > 0 and _continues(row, segments):
            for start, text in segments:
                cell = min(row, key=lambda c: abs(c[0] - start))
                cell[1].append(text)
            continue
        _flush(row, out)
        row = None
        if len(segments) >= 2:
            row = [(start, [text]) for start, text in segments]
        else:
            out.append(segments[0][1])
    _flush(row, out)
    return out


def _continues(row: list[tuple[int, list[str]]], segments: list[tuple[int, str]]) -> bool:
    starts = [start for start, _ in row]
    return all(any(abs(s - start) <= _ALIGN_SLACK for s in starts[1:]) for start, _ in segments)


def _flush(row: list[tuple[int, list[str]]] | None, out: list[str]) -> None:
    if row is None:
        return
    cells = []
    for _, parts in row:
        text = ""
        for part in parts:
            if text.endswith("-") and len(text) > 1 and text[-2].isalpha():
                text += part
            elif text and STARTS_POINT.match(part):
                text = f"{text}\t{part}"
            else:
                text = f"{text} {part}" if text else part
        cells.append(text)
    out.append("\t".join(cells))

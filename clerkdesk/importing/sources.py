"""Read a file into plain text, or explain to the clerk why it cannot be read.

Every failure here becomes a :class:`DocumentError` whose message says what
is wrong with the file and what the clerk can do about it.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

from clerkdesk.file_io import FileRefused, present, read_input_file, shown
from clerkdesk.importing.errors import DocumentError
from clerkdesk.importing.limits import (
    MAX_DOCX_FILE_BYTES,
    MAX_PDF_FILE_BYTES,
    MAX_TEXT_FILE_BYTES,
    check_text_size,
)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf"}
_MAX_FILE_BYTES = {".docx": MAX_DOCX_FILE_BYTES, ".pdf": MAX_PDF_FILE_BYTES}

_OFFER = "Save the agenda as a Word document (.docx), PDF or plain text (.txt) and import that."


def read_document_text(path: Path) -> str:
    """Return the text of ``path`` (.txt, .md, .docx or .pdf)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "no extension"
        raise DocumentError(f"ClerkDesk cannot read '{path.name}' ({shown}). {_OFFER}")
    data = _read_bytes(path, _MAX_FILE_BYTES.get(suffix, MAX_TEXT_FILE_BYTES))
    if not data.strip():
        raise DocumentError(
            f"'{path.name}' is empty. Check you chose the right file, or save it again "
            "from the program that made it."
        )
    if suffix in TEXT_SUFFIXES:
        text = decode_text_bytes(data, path.name)
    elif suffix == ".docx":
        text = _docx(data, path.name)
    else:
        text = _pdf(data, path.name)
    return check_text_size(text, path.name)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if present(path) is None:
            raise DocumentError(f"'{shown(path)}' does not exist. Check the file name.")
        return read_input_file(
            path,
            max_bytes=max_bytes,
            too_large="No agenda is that large: import the agenda or report on its own.",
        )
    except FileRefused as error:
        raise DocumentError(str(error)) from None


def decode_text_bytes(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:8192]:
        raise _binary_error(name)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    sample = text[:20000]
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t\f")
    odd = sum(1 for ch in sample if ch == "\ufffd")
    if printable < 0.9 * len(sample) or odd > 0.05 * len(sample):
        raise _binary_error(name)
    if not text.strip():
        raise DocumentError(f"'{name}' has no text in it. Check you chose the right file.")
    return text


def _binary_error(name: str) -> DocumentError:
    return DocumentError(
        f"'{name}' is not readable text (it looks like a binary or damaged file). "
        f"Open it in the program that made it and save it again. {_OFFER}"
    )


def _docx(data: bytes, name: str) -> str:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _corrupt(name, "Word document")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # Imported here so that starting the app does not pay for python-docx.
            from clerkdesk.importing.docx_package import checked_docx
            from clerkdesk.importing.docx_text import docx_text

            text = docx_text(checked_docx(data, name), name)
    except DocumentError:
        raise
    except Exception:
        raise _corrupt(name, "Word document") from None
    if not text.strip():
        raise DocumentError(
            f"'{name}' has no text in it. If the agenda is a picture or scan, "
            "type or export it as text, then import again."
        )
    return text


def _pdf(data: bytes, name: str) -> str:
    from clerkdesk.importing.pdf_text import pdf_text  # lazily: pypdf is slow to import

    return pdf_text(data, name, corrupt=_corrupt(name, "PDF"))


def _corrupt(name: str, kind: str) -> DocumentError:
    return DocumentError(
        f"'{name}' is damaged or is not really a {kind}, so it cannot be read. "
        f"Open it in the program that made it and save or export it again, then import again."
    )

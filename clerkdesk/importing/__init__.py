"""Agenda and report import: files and text in, plain immutable data out.

This package imports neither Qt nor the database. Whatever the input, the
only exception that leaves it is :class:`DocumentError`, whose message tells
the clerk what is wrong and what to do next.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from clerkdesk.importing.cleaning import clean_text
from clerkdesk.importing.errors import DocumentError
from clerkdesk.importing.model import (
    ParsedAgenda,
    ParsedItem,
    ParsedMember,
    ParsedRecommendation,
    ParsedReport,
)
from clerkdesk.importing.pack import assemble_agenda
from clerkdesk.importing.reports import parse_report_lines
from clerkdesk.importing.sources import SUPPORTED_SUFFIXES, read_document_text

__all__ = [
    "SUPPORTED_SUFFIXES",
    "DocumentError",
    "ParsedAgenda",
    "ParsedItem",
    "ParsedMember",
    "ParsedRecommendation",
    "ParsedReport",
    "parse_agenda_file",
    "parse_agenda_text",
    "parse_report_file",
    "parse_report_text",
]

_T = TypeVar("_T")


def parse_agenda_text(text: str) -> ParsedAgenda:
    """Parse an agenda (or a whole agenda pack) given as text."""
    return _guarded(lambda: assemble_agenda(clean_text(text)))


def parse_report_text(text: str) -> ParsedReport:
    """Parse one committee report given as text."""
    return _guarded(lambda: parse_report_lines(clean_text(text)))


def parse_agenda_file(path: Path) -> ParsedAgenda:
    """Parse an agenda from a .txt, .md, .docx or .pdf file."""
    return _guarded(lambda: assemble_agenda(clean_text(read_document_text(Path(path)))))


def parse_report_file(path: Path) -> ParsedReport:
    """Parse a report from a .txt, .md, .docx or .pdf file."""
    return _guarded(lambda: parse_report_lines(clean_text(read_document_text(Path(path)))))


def _guarded(parse: Callable[[], _T]) -> _T:
    # A parser bug must reach the clerk as a readable message, never a traceback.
    try:
        return parse()
    except DocumentError:
        raise
    except RecursionError:
        raise DocumentError(_UNEXPECTED) from None
    except Exception as error:
        raise DocumentError(f"{_UNEXPECTED} (Details: {type(error).__name__})") from error


_UNEXPECTED = (
    "ClerkDesk could not make sense of this document. Try saving it as plain text "
    "(.txt) and importing that, or enter the agenda by hand."
)

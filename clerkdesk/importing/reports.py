"""Reports: their title, who they are from, and their recommendations."""

from __future__ import annotations

import re

from clerkdesk.importing.cleaning import squash
from clerkdesk.importing.dates import find_date
from clerkdesk.importing.header import is_organisation_line
from clerkdesk.importing.items import REPORT_OF, person_name
from clerkdesk.importing.model import ParsedReport
from clerkdesk.importing.recommendations import find_recommendation_block, split_recommendations
from clerkdesk.importing.titles import is_mostly_upper, tidy_caps

_AUTHOR = re.compile(
    r"^(?:authors?|report\s+authors?|contact\s+officers?|officer\s+contact|lead\s+officer)"
    r"\s*[:\-–]+\s*(?P<who>\S.{1,200})$",
    re.IGNORECASE,
)
_TITLE_LABEL = re.compile(
    r"^(?:report\s+title|title\s+of\s+(?:the\s+)?report|subject(?:\s+of\s+(?:the\s+)?report)?|"
    r"title)\s*[:\-–]\s*(?P<who>.{3,300})$",
    re.I,
)
_NOT_TITLE = re.compile(
    r"\b(?:committee|sub-committee|panel|board|council|cabinet)\s*$|^agenda\b|^item\s+\d",
    re.IGNORECASE,
)
# A numbered section ("1. Purpose of the report") or a heading ends the search for a subject.
_SECTION = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s")
_NOT_SUBJECT = re.compile(
    r"^(?:purpose|summary|executive\s+summary|recommendations?\b|recommended\b|"
    r"wards?\s+affected|key\s+decision|contact|date|meeting)",
    re.IGNORECASE,
)
_HEAD_LINES = 60
_MAX_TITLE_LINES = 4


def parse_report_lines(lines: list[str]) -> ParsedReport:
    head = lines[:_HEAD_LINES]
    author_index, author = _find(REPORT_OF, head)
    _, contact = _find(_AUTHOR, head)
    block = find_recommendation_block(lines)
    return ParsedReport(
        title=_title(head, author_index),
        author=author,
        recommendations=split_recommendations(block) if block else (),
        contact_officer=person_name(contact),
    )


def report_title(lines: list[str]) -> str | None:
    """Just the title: cheap enough to run on every report in a long pack."""
    head = lines[:_HEAD_LINES]
    return _title(head, _find(REPORT_OF, head)[0])


def _find(pattern: re.Pattern[str], lines: list[str]) -> tuple[int | None, str | None]:
    for index, line in enumerate(lines):
        match = pattern.match(squash(line)) if len(line) < 400 else None
        if match:
            return index, tidy_caps(match.group("who").strip(" .,:;"))
    return None, None


def _title(head: list[str], report_of_index: int | None) -> str | None:
    _, labelled = _find(_TITLE_LABEL, head)
    if labelled:
        return labelled
    if report_of_index is not None:
        above = _block_above(head, report_of_index)
        if above:
            return above
        below = _subject_below(head, report_of_index)
        if below:
            return below
    for index, line in enumerate(head):
        if line and is_mostly_upper(line) and _is_title_line(line):
            return _join_title(head[index : index + _MAX_TITLE_LINES])
    return None


def _subject_below(head: list[str], index: int) -> str | None:
    """The subject under "Report of the ..." when the report opens with who it is from."""
    for start in range(index + 1, min(len(head), index + 12)):
        line = head[start]
        if not line:
            continue
        if _SECTION.match(line) or _NOT_SUBJECT.match(line):
            return None
        if _is_title_line(line):
            return _join_title(head[start : start + _MAX_TITLE_LINES])
    return None


def _block_above(head: list[str], index: int) -> str | None:
    end = index
    while end > 0 and not head[end - 1]:
        end -= 1
    start = end
    while start > 0 and head[start - 1] and end - start < _MAX_TITLE_LINES:
        start -= 1
    lines = [line for line in head[start:end] if _is_title_line(line)]
    return _tidy(" ".join(lines)) if lines else None


def _join_title(lines: list[str]) -> str:
    taken = []
    for line in lines:
        if not line or not _is_title_line(line):
            break
        taken.append(line)
    return _tidy(" ".join(taken))


def _is_title_line(line: str) -> bool:
    return (
        not is_organisation_line(line)
        and find_date(line) is None
        and _NOT_TITLE.search(line) is None
        and len(line) < 200
    )


def _tidy(text: str) -> str:
    return tidy_caps(squash(text).strip(" .:;"))

"""Where Part II (exempt business) begins on an agenda, and how sure that is.

Agendas mark it in many ways: a section heading ("PART II", "Part 2 - Exempt
items", "Items likely to be considered in the absence of the press and
public", "Exclusion of press and public"), an item that moves the exclusion,
a resolution citing Schedule 12A, or only a paragraph number on an item. A
section heading is taken as certain. Every other sign is a guess, and the
guess is always Part II, marked for the clerk to confirm: guessing wrong that
way keeps a public item's text out of the public minutes until the clerk
looks; guessing wrong the other way publishes exempt information.
"""

from __future__ import annotations

import re
from typing import Literal

from clerkdesk.domain.schedule_12a import ExemptParagraph, parse_label
from clerkdesk.importing.cleaning import without_bullet
from clerkdesk.importing.model import Part

Section = Literal["public", "private", "unsure"]

# Headings are short; a longer line is a sentence that may mention a part.
MAX_HEADING = 100
# "Part 1 of Schedule 12A" names the Schedule's part, not the agenda's.
_NOT_SCHEDULE = r"(?![.\d])(?!\s+of\b)"
# "RHAN 2 / PART 2": a Welsh council's heading gives the part in Welsh first.
_RHAN = r"(?:rhan\s*(?:\d|ii?|un|dau)\s*/\s*)?"
_PART_TWO_HEADING = re.compile(
    rf"^[(\[]?{_RHAN}part\s*[-–:]?\s*(?:ii|2|two|b){_NOT_SCHEDULE}"
    r"|^(?:exempt|confidential|private|closed|restricted)\s+"
    r"(?:items|business|session|agenda|matters|part)\b"
    r"|^items?\s+(?:[\w()']+\s+){0,5}?in\s+(?:private|closed\s+session|"
    r"the\s+absence\s+of\s+(?:the\s+)?(?:press|public))"
    r"|^exclusion\s+of\s+(?:the\s+)?(?:press|public)"
    r"|^(?:the\s+)?(?:press\s+and\s+(?:the\s+)?public|public\s+and\s+(?:the\s+)?press)\s+"
    r"(?:(?:are|is|to\s+be|will\s+be|may\s+be|be)\s+)?excluded",
    re.IGNORECASE,
)
_PART_ONE_HEADING = re.compile(
    rf"^[(\[]?{_RHAN}part\s*[-–:]?\s*(?:i|1|one|a){_NOT_SCHEDULE}", re.IGNORECASE
)
EXCLUSION = re.compile(
    r"exclu(?:sion|de|ded|ding)\s+(?:of\s+)?(?:the\s+)?(?:press|public)"
    r"|(?:press|public)\s+(?:and\s+(?:the\s+)?(?:press|public)\s+)?"
    r"(?:(?:are|is|to\s+be|will\s+be|may\s+be|be)\s+)?excluded",
    re.IGNORECASE,
)
# An item's own text that says it is exempt, wherever it stands in the line.
_MARKS_EXEMPT = re.compile(
    r"schedule\s*12\s?a|\b12a\b|not\s+for\s+publication|exempt\s+information"
    r"|exempt\s+(?:item|report|appendix|appendices|annex|paragraph|under|by\s+virtue)"
    r"|\(\s*(?:exempt|confidential|private|closed|part\s+(?:ii|2|two)\b)"
    r"|^(?:exempt|confidential)\b"
    r"|confidential\s+(?:item|report|appendix|appendices|annex|information|business)"
    rf"|\bpart\s+(?:ii|two|2){_NOT_SCHEDULE}"
    r"|in\s+(?:private\s+session|closed\s+session|the\s+absence\s+of\s+the\s+(?:press|public))"
    r"|(?:considered|taken|held|discussed|dealt\s+with)\s+in\s+private\b"
    rf"|{EXCLUSION.pattern}",
    re.IGNORECASE,
)
_EXEMPT_CONTEXT = re.compile(r"12\s?a|exempt|confidential|private", re.IGNORECASE)
# England's 1-7 and 7A-7C, Wales's 12-18 and 18A-18C (domain/schedule_12a.py).
_EXEMPT_PARAGRAPH = re.compile(
    r"\b(?:paragraphs?|paras?\.?)\s+(?P<n>1[2-8][a-c]?|[1-7][a-c]?)\b(?![.\d])", re.I
)


# "Land at Mill Lane (Paragraph 3)": a paragraph in brackets after a title cites Schedule 12A.
BRACKETED_PARAGRAPH = re.compile(
    r"\(\s*(?:(?:exempt|confidential)\s*[-–:,]?\s*)?(?:paragraphs?|paras?\.?)\s+"
    r"(?P<n>1[2-8][a-c]?|[1-7][a-c]?)(?:\s*(?:,|and|&)\s*(?:1[2-8]|[1-7])[a-c]?)*\s*\)",
    re.IGNORECASE,
)
# Parish and town councils exclude the public under the 1960 Act, which has no paragraphs.
_ACT_1960 = re.compile(
    r"admission\s+to\s+meetings\)?\s+act\s+1960|section\s+1\s*\(\s*2\s*\)\s+of\s+the\s+"
    r"public\s+bodies",
    re.IGNORECASE,
)


def cites_1960_act(line: str) -> bool:
    return _ACT_1960.search(line) is not None


def section_heading(line: str) -> Part | None:
    """2 for a heading that opens Part II, 1 for one that opens Part I, else None."""
    text = without_bullet(line).strip(" *#\"'‘“")
    if not text or len(text) > MAX_HEADING:
        return None
    if _PART_TWO_HEADING.match(text):
        return 2
    if _PART_ONE_HEADING.match(text) and not _MARKS_EXEMPT.search(text):
        return 1
    return None


def is_exclusion(title: str) -> bool:
    """The item that moves the exclusion of the press and public (itself in public)."""
    return EXCLUSION.search(title) is not None


def marks_exempt(line: str) -> bool:
    """Whether ``line`` says, in any of the ways papers do, that exempt business is here."""
    return _MARKS_EXEMPT.search(line) is not None or exempt_paragraph([line]) is not None


def exempt_paragraph(lines: list[str]) -> ExemptParagraph | None:
    """The Schedule 12A paragraph the first line that cites one gives."""
    for line in lines:
        bracketed = BRACKETED_PARAGRAPH.search(line)
        if bracketed and (paragraph := parse_label(bracketed.group("n"))) is not None:
            return paragraph
        if _EXEMPT_CONTEXT.search(line):
            match = _EXEMPT_PARAGRAPH.search(line)
            if match and (paragraph := parse_label(match.group("n"))) is not None:
                return paragraph
    return None

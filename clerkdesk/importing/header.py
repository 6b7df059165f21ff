"""Organisation, committee and venue from an agenda's front page."""

from __future__ import annotations

import re
from collections import Counter

from clerkdesk.importing.cleaning import squash
from clerkdesk.importing.dates import find_date
from clerkdesk.importing.titles import tidy_caps

_KIND = r"(?:county|district|borough|city|town|parish|community|metropolitan\s+borough)"
_ORG_LINE = re.compile(
    rf"^(?:the\s+)?(?:[A-Z][\w'’&.\-]*\s+){{1,5}}(?:{_KIND}\s+)?(?:council|authority)$"
    r"|^(?:the\s+)?(?:[A-Z][\w'’&.\-]*\s+){1,4}police\s+and\s+crime\s+panel$"
    r"|^(?:the\s+)?(?:[\w'’&.\-]+\s+){1,8}(?:fire(?:\s+and\s+rescue)?|combined|police|"
    r"national\s+park)\s+authority$"
    rf"|^(?:london|royal)\s+borough\s+of\s+[A-Z][\w\s&\-]{{2,40}}$"
    rf"|^(?:city|county|borough)\s+of\s+[A-Z][\w\s&\-]{{2,40}}\s+council$",
    re.IGNORECASE,
)
_NOT_ORG = re.compile(
    r"^(?:full|the|county|district|borough|city|town|parish|all|meeting|special|annual|"
    r"extraordinary|to|of)\s+(?:\w+\s+)?council$|cabinet|committee|(?<!crime\s)panel"
    r"|^(?:you|we|this|please|minutes|meeting|report|agenda|notice|members|summons)\b",
    re.IGNORECASE,
)
_BODY_WORD = (
    r"(?:committee|sub-committee|subcommittee|panel|board|council|cabinet|forum|commission|"
    r"assembly|partnership|group)"
)
_COMMITTEE_LABEL = re.compile(
    r"^(?:committee|meeting|panel|board|body)(?:\s+name)?\s*[:\-–]\s*(?P<name>.+)$", re.I
)
_MEETING_OF = re.compile(
    r"\bmeeting\s+of\s+(?:the\s+)?(?P<name>[^,;:]{3,120}?)"
    r"(?=\s+(?:to\s+be|will|shall|is\s+to|which|that|held|in|at|on|for|commencing|starting|"
    r"taking|takes)\b|\s*[,;:(]|\s*$)",
    re.IGNORECASE,
)
_COMMITTEE_LINE = re.compile(
    rf"^(?!members\b)(?:[A-Z][\w'’&,\-() ]{{0,100}}\s)?{_BODY_WORD}\b[\w\s()\-]{{0,30}}$",
    re.IGNORECASE,
)
# A line on its own naming a building or room is where the meeting is held.
_PLACE_LINE = re.compile(
    r"\b(?:hall|room|chamber|centre|center|offices|house|library|pavilion|headquarters|"
    r"guildhall|suite|institute|church)\b",
    re.IGNORECASE,
)
_VENUE_LABEL = re.compile(r"^(?:venue|place|location|where)\s*[:\-–]\s*(?P<venue>.+)$", re.I)
_VENUE_IN_SENTENCE = re.compile(
    r"\b(?:held\s+)?(?:in|at)\s+(?:the\s+)?(?P<venue>[A-Z0-9][^;]{2,150}?),?"
    r"\s+(?:on\s+)?(?=(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\d{1,2}(?:st|nd|rd|th)?\s)",
    re.IGNORECASE,
)
# "... to be held in the Memorial Hall, Church Street, Great Whittling." (no date after it)
_HELD_IN = re.compile(
    r"\bheld\s+(?:in|at)\s+(?:the\s+)?(?P<venue>[A-Z0-9][^;:]{2,150}?)\s*(?:\.\s*)?$"
)
# "... on Wednesday 16 April 2025 at 7.00 pm in the Council Chamber, Town Hall, Brackenford."
# "Thursday 26 February 2026, 10.30 a.m., Kendrew Room, County Hall" runs on with commas.
_VENUE_AFTER_TIME = re.compile(
    r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\b\.?|noon)(?:\s+(?:in|at)\s+|\s*,\s*)(?:the\s+)?"
    r"(?P<venue>[A-Z0-9][^;]{2,150}?)\s*\.?$",
    re.IGNORECASE,
)
_AT_AFTER_COMMA = re.compile(r",\s*at\s+", re.IGNORECASE)
_LEAD_WORDS = re.compile(r"^(?:agenda|notice)\s+(?:for|of)\s+(?:a\s+|the\s+)?", re.I)
_MAX_HEADER_LINE = 400
_MEMBERSHIP_WORD = re.compile(r"\bmembers(?:hip)?\b", re.IGNORECASE)


# A table's heading row naming the meeting's facts: "Date | Time | Venue".
_FACT_LABEL = re.compile(
    r"^(?:date|time|start\s+time|venue|place|location|where|when)\s*:?$", re.IGNORECASE
)


def facts_across(lines: list[str]) -> list[str]:
    """``lines`` with a row of fact labels and the row of values under it (a table read
    across) written out as "Date: ...", "Time: ..." and "Venue: ..." lines."""
    out = list(lines)
    for index, line in enumerate(lines):
        labels = [cell.strip() for cell in line.split("\t")]
        if len(labels) < 2 or not all(_FACT_LABEL.match(label) for label in labels):
            continue
        below = next(
            (n for n in range(index + 1, min(index + 3, len(lines))) if lines[n].strip()), None
        )
        if below is None:
            continue
        values = [cell.strip() for cell in lines[below].split("\t")]
        if len(values) != len(labels):
            continue
        facts = [
            f"{label.rstrip(':')}: {value}" for label, value in zip(labels, values, strict=True)
        ]
        return [*lines[:index], *facts, *lines[below + 1 :]]
    return out


def is_organisation_line(line: str) -> bool:
    text = squash(line).strip(" .")
    return (
        4 < len(text) < 70 and _ORG_LINE.match(text) is not None and _NOT_ORG.search(text) is None
    )


def find_organisation(header: list[str], everything: list[str]) -> str | None:
    """The council's name: from the front page, else its most repeated header line."""
    for line in header:
        if is_organisation_line(line):
            return _tidy(line)
    for line in header:
        meeting = _MEETING_OF.search(line)
        if meeting and is_organisation_line(meeting.group("name")):
            return _tidy(meeting.group("name"))
    counts = Counter(_tidy(line) for line in everything if is_organisation_line(line))
    return counts.most_common(1)[0][0] if counts else None


# "a meeting of the Council", "the Parish Council", "the Authority": the body itself.
_THE_BODY_ITSELF = re.compile(
    rf"^(?:the\s+)?(?:full\s+)?(?:{_KIND}\s+)?(?:council|authority|fire\s+authority)$", re.I
)


def find_committee(header: list[str], organisation: str | None) -> str | None:
    found = _find_committee(header, organisation)
    if found and organisation and _THE_BODY_ITSELF.match(found):
        return organisation
    # "A meeting of the Panel" when the organisation is itself a Panel (a police and crime
    # panel) or a Board: the body is the organisation.
    word = re.sub(r"^the\s+", "", found or "", flags=re.IGNORECASE)
    if (
        found
        and organisation
        and re.fullmatch(_BODY_WORD, word, re.IGNORECASE)
        and organisation.lower().split()[-1] == word.lower()
    ):
        return organisation
    return found


def _find_committee(header: list[str], organisation: str | None) -> str | None:
    candidates = [line for line in header if line and len(line) < _MAX_HEADER_LINE]
    for line in candidates:
        label = _COMMITTEE_LABEL.match(line)
        if label:
            return _tidy(label.group("name"))
    for line in candidates:
        meeting = _MEETING_OF.search(line)
        if meeting and not find_date(meeting.group("name")):
            return _tidy(meeting.group("name"))
    fallback = None
    for line in candidates:
        text = squash(line)
        if (
            _COMMITTEE_LINE.match(text)
            and not find_date(text)
            and len(text.split()) <= 12
            and not _MEMBERSHIP_WORD.search(text)  # "Panel Membership" heads the members
            and "\t" not in line  # a table row (a member and the council that appointed them)
        ):
            tidy = _tidy(_LEAD_WORDS.sub("", text))
            if tidy != organisation:
                return tidy
            fallback = fallback or tidy
    return fallback


def find_venue(header: list[str]) -> str | None:
    candidates = [line for line in header if line and len(line) < _MAX_HEADER_LINE]
    for line in candidates:
        label = _VENUE_LABEL.match(line)
        if label:
            return _tidy(label.group("venue"))
    for line in candidates:
        if not find_date(line):
            continue
        sentence = _VENUE_IN_SENTENCE.search(line)
        if sentence:
            venue = _AT_AFTER_COMMA.sub(", ", sentence.group("venue"))
            venue = re.sub(r"^(?:the\s+)?(?:meeting\s+)?", "", venue)
            return _tidy(_PURPOSE.sub("", venue))
    for line in candidates:
        after_time = _VENUE_AFTER_TIME.search(line) if find_date(line) else None
        if after_time and _PLACE_LINE.search(after_time.group("venue")):
            return _tidy(_PURPOSE.sub("", after_time.group("venue")))
    for line in candidates:
        held = _HELD_IN.search(line)
        if held and _PLACE_LINE.search(held.group("venue")):
            return _tidy(_PURPOSE.sub("", held.group("venue")))
    for line in candidates:
        if (
            _PLACE_LINE.search(line)
            and len(line) < 120
            and not find_date(line)
            and not is_organisation_line(line)
            and not _COMMITTEE_LINE.match(squash(line))
            and ":" not in line
            and not line.rstrip().endswith(".")
        ):
            return _tidy(line)
    return None


# ", for the purpose of transacting the following business" after the place.
_PURPOSE = re.compile(
    r",?\s+(?:for\s+the\s+purpose|to\s+(?:transact|consider|conduct)|commencing|starting)\b.*$",
    re.IGNORECASE,
)


def _tidy(text: str) -> str:
    return tidy_caps(squash(text).strip(" .,:;-–"))

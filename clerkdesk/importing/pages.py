"""Put a PDF's pages back into one text without their running headers and footers.

A PDF repeats its header (the council's name, the meeting and its date) and
footer ("Page 3 of 12") on every page. Left in, a header ends the list of
items (a council's name starts a new document) and either can split a title
or a paragraph that runs over a page. A line counts as such furniture when
it sits among the first or last few lines of at least half the pages (digits
aside, so "Page 2 of 3" matches "Page 3 of 3"); page numbers always do. The
first page keeps its header: it is often the only place the council is named.
"""

from __future__ import annotations

import math
import re
from collections import Counter

_EDGE = 3  # lines at the top and at the bottom of a page that may be furniture
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*(?:of|/)\s*\d{1,4})$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_DIGITS = re.compile(r"\d+")
_JOINERS = frozenset(
    ["and", "or", "of", "to", "the", "for", "&", "-", "–", "on", "in", "with", "by"]
)
_FULL_LINE = 0.8
_MIN_LINES_FOR_WIDTH = 5
# A page's text is wider than this (characters) wherever a paragraph has wrapped.
_MIN_TEXT_WIDTH = 60
# A line that starts like this begins a new point, not a continuation.
STARTS_POINT = re.compile(
    r"^(?:\(?[a-zA-Z0-9]{1,4}[.)]\)?\s|[•\uf0b7\uf0a7]\s|\d+(?:\.\d+)+\s|"
    r"recommendations?\s*:|recommended\s+that)",
    re.IGNORECASE,
)


def join_pages(pages: list[list[str]]) -> list[str]:
    """The lines of all ``pages`` in order, without their headers and footers."""
    repeated = _repeated_edges(pages)
    out: list[str] = []
    last_line, last_full = "", 0.0
    for number, page in enumerate(pages):
        body = _without_furniture(page, repeated, first_page=number == 0)
        if not body:
            continue
        lines = join_wrapped_lines(body)
        if out and _runs_on(last_line, lines[0], last_full) and _joinable(out[-1], lines[0]):
            out[-1] = f"{out[-1]} {lines[0]}"
            lines = lines[1:]
        elif out:
            out.append("")  # pages usually break between paragraphs
        out.extend(lines)
        # On a page of a few lines the longest one says nothing about the margin.
        last_line, last_full = body[-1], _full_width(body, at_least=_MIN_LINES_FOR_WIDTH)
    return out


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Rejoin paragraph lines that wrapped because they reached the right margin."""
    full = _full_width(lines)
    if not full:
        return lines
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        if (
            line
            and previous
            and "\t" not in line
            and "\t" not in previous
            and len(previous) >= full
            and not STARTS_POINT.match(line)
        ):
            out[-1] = f"{previous} {line}"
        else:
            out.append(line)
    return out


def _full_width(lines: list[str], *, at_least: int = 1) -> float:
    widths = [len(line) for line in lines if line and "\t" not in line]
    if len(widths) < at_least or max(widths) < _MIN_TEXT_WIDTH:
        # A page of short lines only (a front page of names and facts) shows no margin:
        # none of its lines wrapped.
        return 0.0
    return _FULL_LINE * max(widths)


def _joinable(last: str, first: str) -> bool:
    return "\t" not in last + first and not STARTS_POINT.match(first)


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split())).lower()


def _edges(page: list[str]) -> list[int]:
    filled = [index for index, line in enumerate(page) if line.strip()]
    return sorted(set(filled[:_EDGE] + filled[-_EDGE:]))


def _repeated_edges(pages: list[list[str]]) -> frozenset[str]:
    if len(pages) < 2:
        return frozenset()
    counts = Counter(key for page in pages for key in {_key(page[i]) for i in _edges(page)})
    # A first page without the header (a title page) should not hide the others'.
    needed = max(2, math.ceil((len(pages) - 1) / 2))
    return frozenset(key for key, count in counts.items() if count >= needed)


def _without_furniture(page: list[str], repeated: frozenset[str], *, first_page: bool) -> list[str]:
    filled = [index for index, line in enumerate(page) if line.strip()]
    drop: set[int] = set()
    for index in filled[:_EDGE]:
        line = page[index].strip()
        if _PAGE_NUMBER.match(line) or (_key(line) in repeated and not first_page):
            drop.add(index)
        else:
            break
    bottom = filled[-_EDGE:]
    for place, index in enumerate(reversed(bottom)):
        line = page[index].strip()
        is_number = _PAGE_NUMBER.match(line) or (place == 0 and _BARE_NUMBER.match(line))
        if index in drop or is_number or _key(line) in repeated:
            drop.add(index)
        else:
            break
    kept = [line for index, line in enumerate(page) if index not in drop]
    filled = [index for index, line in enumerate(kept) if line.strip()]
    return kept[filled[0] : filled[-1] + 1] if filled else []


def _runs_on(last: str, first: str, full: float) -> bool:
    """Whether the first line of a page carries on ``last``, the last line of the one before."""
    words = last.split()
    return bool(
        first[:1].islower()
        or (words and words[-1].lower() in _JOINERS)
        or last.endswith((",", "-"))
        or ("\t" not in last and len(last) >= full > 0)
    )

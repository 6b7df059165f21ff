"""The paragraphs of Schedule 12A to the Local Government Act 1972 (see DOMAIN.md).

An exempt (Part II) item cites the paragraph relied on to exclude the press and
public. English councils cite Part 1 of the Schedule (paragraphs 1 to 7, and 7A
to 7C for standards committees); Welsh councils cite Part 4 (12 to 18, and 18A
to 18C). A numbered paragraph is held as an integer, a lettered one as its
label ("7A"), which is how SQLite's INTEGER column keeps them both.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeGuard

ExemptParagraph = int | str

ENGLAND: tuple[ExemptParagraph, ...] = (1, 2, 3, 4, 5, 6, 7, "7A", "7B", "7C")
WALES: tuple[ExemptParagraph, ...] = (12, 13, 14, 15, 16, 17, 18, "18A", "18B", "18C")
PARAGRAPHS: frozenset[ExemptParagraph] = frozenset(ENGLAND + WALES)
_ORDER = {paragraph: n for n, paragraph in enumerate(ENGLAND + WALES)}


def is_paragraph(value: object) -> TypeGuard[ExemptParagraph]:
    """Whether ``value`` is one of the Schedule's paragraphs, in its canonical form
    (an integer for a numbered paragraph: ``True`` and ``"3"`` are not)."""
    return not isinstance(value, bool) and isinstance(value, int | str) and value in PARAGRAPHS


def paragraph_problem(value: object) -> str:
    """Why ``value`` is not a paragraph, for a message."""
    if isinstance(value, str) and value.isdigit() and int(value) in PARAGRAPHS:
        return f"write paragraph {value} as a number, {value}, not as text"
    return (
        "must be a paragraph of Schedule 12A: 1 to 7 or 7A to 7C (England), "
        "12 to 18 or 18A to 18C (Wales)"
    )


def schedule_part(paragraph: ExemptParagraph) -> int:
    """The Part of Schedule 12A the paragraph is in: 1 (England) or 4 (Wales)."""
    return 4 if paragraph in WALES else 1


def in_order(paragraphs: Iterable[ExemptParagraph]) -> list[ExemptParagraph]:
    """Distinct paragraphs in the Schedule's order (7 before 7A before 12)."""
    return sorted(set(paragraphs), key=lambda p: _ORDER.get(p, len(_ORDER)))


def parse_label(text: str) -> ExemptParagraph | None:
    """The paragraph a label names ("3", "7a", "14", "18B"), or None if none does."""
    label = text.strip().upper()
    value: ExemptParagraph = int(label) if label.isdigit() else label
    return value if is_paragraph(value) else None

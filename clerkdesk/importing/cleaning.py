"""Turn raw extracted text into tidy lines the parsers can rely on.

Text reaches us from Markdown, Word, PDF extraction and copy-paste, so we
strip emphasis markers and links, unify bullets and dashes, and keep blank
lines (they separate paragraphs, which several heuristics lean on).
"""

from __future__ import annotations

import re

# Longer lines are never headings or labels; capping them keeps every regex
# linear even on pathological input (a megabyte without a newline).
MAX_LINE = 4000

_LINK = re.compile(r"\[([^\]\n]{0,300})\]\([^)\s]{0,500}\)")
_ANGLE_URL = re.compile(r"<(https?://[^>\s]{1,500})>")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_EMPHASIS = re.compile(r"\*+|__+")
_HEADING_HASHES = re.compile(r"^#{1,6}\s+")
# Word's Symbol-font bullets reach PDF text as private-use characters (U+F0B7 ...).
_BULLET = re.compile(r"^[-*•·▪◦●○■□➢►✓–—o\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s+")
# After a bullet, a label means the bullet is Markdown noise around "3.1 ..."
_LABEL_AFTER_BULLET = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?|\(?[a-z]{1,4}\)|\(?[ivx]{1,5}\.?\)|\(\d{1,2}\)|\d{1,2}\))\s"
)
_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufeff\ufffd]")

BULLET = "• "


def clean_text(text: str) -> list[str]:
    """Split ``text`` into cleaned lines; blank lines become ``""``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return [clean_line(raw) for raw in text.split("\n")]


def clean_line(raw: str) -> str:
    line = _CONTROL.sub("", raw[:MAX_LINE])
    line = _ANGLE_URL.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _HTML_TAG.sub(" ", line)
    star_bullet = line.lstrip().startswith("* ")
    cells = [_clean_cell(cell) for cell in line.split("\t")]
    cells = [cell for cell in cells if cell]
    if not cells:
        return ""
    first = cells[0]
    first = _HEADING_HASHES.sub("", first)
    if star_bullet:
        first = "- " + first
    bullet = _BULLET.match(first)
    if bullet:
        rest = first[bullet.end() :].lstrip()
        first = rest if _LABEL_AFTER_BULLET.match(rest + " ") else BULLET + rest
    cells[0] = first
    return "\t".join(cell for cell in cells if cell)


def _clean_cell(cell: str) -> str:
    cell = _EMPHASIS.sub("", cell)
    return _SPACES.sub(" ", cell).strip()


def squash(text: str) -> str:
    """Collapse every run of whitespace (tabs too) to one space."""
    return " ".join(text.split())


def without_bullet(line: str) -> str:
    return line[len(BULLET) :] if line.startswith(BULLET) else line

"""Fonts, page geometry and the one stylesheet of the PDF minutes."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import clerkdesk

FAMILY = "ClerkSans"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
FONT_FILES = {
    FAMILY: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    f"{FAMILY}-BoldItalic": "LiberationSans-BoldItalic.ttf",
}


def resources_dir() -> Path:
    return Path(clerkdesk.__file__).resolve().parent.parent / "resources"


@cache
def register_fonts() -> str:
    """Register the shipped TrueType family (embedded, subset) once; return its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = resources_dir() / "fonts"
    for name, filename in FONT_FILES.items():
        path = fonts / filename
        if not path.is_file():
            raise FileNotFoundError(
                f"The font {filename} is missing from {fonts}; reinstall ClerkDesk."
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, f"{FAMILY}-BoldItalic")
    return FAMILY


_mm = 72 / 25.4  # one millimetre in points


class Geometry:
    """A4 portrait, in points, with room for the header and the initials box."""

    mm: float = _mm
    width: float = 210 * _mm
    height: float = 297 * _mm
    left: float = 20 * _mm
    right: float = 18 * _mm
    top: float = 24 * _mm
    bottom: float = 32 * _mm
    number_col: float = 13 * _mm
    action_col: float = 34 * _mm

    @classmethod
    def frame_width(cls) -> float:
        return cls.width - cls.left - cls.right

    @classmethod
    def text_col(cls) -> float:
        return cls.frame_width() - cls.number_col - cls.action_col


def stylesheet() -> dict[str, Any]:
    """Every paragraph style the minutes use, in one place (pretix style)."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    base = ParagraphStyle("Body", fontName=FAMILY, fontSize=10, leading=13, spaceAfter=4)
    mm = Geometry.mm
    return {
        "org": ParagraphStyle(
            "Org", base, fontName=BOLD, fontSize=15, leading=19, alignment=TA_CENTER
        ),
        "title": ParagraphStyle(
            "Title", base, fontName=BOLD, fontSize=12, leading=15, alignment=TA_CENTER
        ),
        "subtitle": ParagraphStyle("Subtitle", base, alignment=TA_CENTER, spaceAfter=2),
        "status": ParagraphStyle(
            "Status", base, fontName=ITALIC, fontSize=9, alignment=TA_CENTER, spaceAfter=8
        ),
        "h1": ParagraphStyle(
            "Heading1",
            base,
            fontName=BOLD,
            fontSize=10.5,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "banner": ParagraphStyle("Banner", base, fontName=BOLD, fontSize=10.5, spaceBefore=6),
        "item": ParagraphStyle("Item", base, fontName=BOLD, spaceBefore=4, keepWithNext=1),
        "body": base,
        "number": ParagraphStyle("Number", base),
        "note": ParagraphStyle("Note", base, fontName=ITALIC),
        "rec": ParagraphStyle("Rec", base, leftIndent=6 * mm, spaceAfter=3),
        "vote": ParagraphStyle("Vote", base, leftIndent=6 * mm, spaceAfter=1),
        "outcome": ParagraphStyle("Outcome", base, leftIndent=6 * mm, spaceAfter=6),
        "exempt": ParagraphStyle("Exempt", base, fontName=ITALIC),
        "action": ParagraphStyle("Action", base, fontName=BOLD, fontSize=9, leading=11),
        "signature": ParagraphStyle("Signature", base, fontName=BOLD, spaceBefore=18),
    }

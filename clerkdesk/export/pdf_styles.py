"""Fonts, page geometry and the one stylesheet of the PDF minutes."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from clerkdesk.resources import resources_dir

FAMILY = "ClerkSans"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
FONT_FILES = {
    FAMILY: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    f"{FAMILY}-BoldItalic": "LiberationSans-BoldItalic.ttf",
}


_WIDTH_CACHE_LIMIT = 100_000


def _measured_font(name: str, path: Path) -> Any:
    """A TTFont that remembers the width of each word it has measured.

    Line breaking measures every word of every minute, and reportlab's
    measuring (without its optional C accelerator) adds up each character in
    Python; minutes repeat their words ("Members", "the", "recommendation").
    """
    from reportlab.pdfbase.ttfonts import TTFont

    class MeasuredTTFont(TTFont):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(name, str(path))
            self._widths: dict[tuple[str, float], float] = {}

        def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
            key = (text, size)
            width = self._widths.get(key)
            if width is None:
                if len(self._widths) > _WIDTH_CACHE_LIMIT:
                    self._widths.clear()
                width = self._widths[key] = super().stringWidth(text, size, encoding)
            return width

    return MeasuredTTFont()


@cache
def register_fonts() -> str:
    """Register the shipped TrueType family (embedded, subset) once; return its name.

    Also switch off reportlab's ASCII85 wrapping of compressed streams: binary
    Flate streams are smaller, and reportlab's pure-Python encoder was a few
    per cent of every export. (Process-wide; ClerkDesk is reportlab's only user.)
    """
    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    fonts = resources_dir() / "fonts"
    for name, filename in FONT_FILES.items():
        path = fonts / filename
        if not path.is_file():
            raise FileNotFoundError(
                f"The font {filename} is missing from {fonts}; reinstall ClerkDesk."
            )
        pdfmetrics.registerFont(_measured_font(name, path))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, f"{FAMILY}-BoldItalic")
    rl_config.useA85 = 0
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
    action_gap: float = 6.0  # between the text and the ACTION column

    @classmethod
    def frame_width(cls) -> float:
        return cls.width - cls.left - cls.right


@cache
def stylesheet() -> dict[str, Any]:
    """Every paragraph style the minutes use, in one place (pretix style); built once.

    The ``m-`` styles set a minute in the text column: the number (a bullet)
    hangs in the number column, and the ACTION column is kept clear on the right.
    """
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    mm = Geometry.mm
    base = ParagraphStyle(
        "Body", fontName=FAMILY, fontSize=10, leading=13, spaceAfter=4, bulletFontName=FAMILY
    )
    styles: dict[str, Any] = {
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
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "banner": ParagraphStyle(
            "Banner", base, fontName=BOLD, fontSize=10.5, spaceBefore=6, keepWithNext=1
        ),
        "body": base,
        "note": ParagraphStyle("Note", base, fontName=ITALIC),
        "action-head": ParagraphStyle(
            "ActionHead",
            base,
            fontName=BOLD,
            leftIndent=Geometry.frame_width() - Geometry.action_col + Geometry.action_gap,
            spaceBefore=6,
            spaceAfter=0,
            keepWithNext=1,
        ),
        "action": ParagraphStyle("Action", base, fontName=BOLD, fontSize=9, leading=11),
    }
    column = {"leftIndent": Geometry.number_col, "rightIndent": Geometry.action_col + 8}
    minute = ParagraphStyle("Minute", base, spaceAfter=3, **column)
    indented = {"leftIndent": Geometry.number_col + 6 * mm}
    styles |= {
        "m-item": ParagraphStyle(
            "MinuteItem",
            minute,
            fontName=BOLD,
            bulletFontName=BOLD,
            spaceBefore=10,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "m-para": ParagraphStyle("MinutePara", minute, spaceAfter=5),
        "m-text": minute,
        "m-note": ParagraphStyle("MinuteNote", minute, fontName=ITALIC),
        "m-exempt": ParagraphStyle("MinuteExempt", minute, fontName=ITALIC),
        "m-rec": ParagraphStyle("MinuteRec", minute, spaceBefore=4, spaceAfter=3, **indented),
        "m-vote": ParagraphStyle("MinuteVote", minute, spaceAfter=1, **indented),
        # A recommendation's sub-point: a bulleted list item under it.
        "m-point": ParagraphStyle(
            "MinutePoint",
            minute,
            spaceAfter=2,
            leftIndent=Geometry.number_col + 11 * mm,
            bulletIndent=Geometry.number_col + 7 * mm,
        ),
        "m-outcome": ParagraphStyle("MinuteOutcome", minute, spaceAfter=6, **indented),
    }
    return styles

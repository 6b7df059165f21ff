"""Draw ClerkDesk's application icon into resources/icons/:

    python scripts/make_icons.py

A rounded square in a deep civic blue holding a white minute book (its spine
to the left, lines of minutes on its page) with a gold seal ticked in blue:
the minutes, recorded and approved. Plain shapes, so that it reads at 16
pixels as well as at 512.

Each size is drawn on its own, four times over and scaled down, rather than
shrinking one large picture: at 16 and 24 pixels the lines of minutes are left
out (they would only blur) and the strokes keep at least a pixel's width.
Writes clerkdesk-<size>.png for every size, clerkdesk.ico (Windows: 16 to
256 pixels in one file) and clerkdesk.icns (macOS: 16 to 512, with the
double-density images, drawn up to 1024). Pillow comes with reportlab.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the .ico format stops at 256
OVERSAMPLE = 4

BLUE_TOP = (29, 79, 145)
BLUE_BOTTOM = (14, 45, 92)
INK = (18, 60, 115)
PAGE = (255, 255, 255)
SPINE = (201, 214, 234)
GOLD = (244, 180, 0)


def draw(size: int) -> Image.Image:
    """The icon at ``size`` pixels square."""
    big = size * OVERSAMPLE

    def at(fraction: float) -> float:
        return fraction * big

    def stroke(fraction: float) -> int:
        return max(round(at(fraction)), OVERSAMPLE)  # never thinner than a pixel

    # The tile: a vertical gradient from a lighter to a deeper blue, cut to a
    # rounded square by a mask.
    gradient = Image.new("RGBA", (big, big))
    shade = ImageDraw.Draw(gradient)
    for y in range(big):
        t = y / max(big - 1, 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(BLUE_TOP, BLUE_BOTTOM, strict=True))
        shade.line([(0, y), (big, y)], fill=(*colour, 255))
    mask = Image.new("L", (big, big), 0)
    inset = at(0.03)
    ImageDraw.Draw(mask).rounded_rectangle(
        [inset, inset, big - inset, big - inset], radius=at(0.21), fill=255
    )
    icon = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    icon.paste(gradient, (0, 0), mask)
    pen = ImageDraw.Draw(icon)

    # The minute book: a white page with its spine on the left.
    left, top, right, bottom = at(0.22), at(0.16), at(0.72), at(0.82)
    pen.rounded_rectangle([left, top, right, bottom], radius=at(0.045), fill=PAGE)
    pen.rounded_rectangle([left, top, at(0.31), bottom], radius=at(0.045), fill=SPINE)
    pen.rectangle([at(0.28), top, at(0.31), bottom], fill=SPINE)

    # Lines of minutes, where the icon is large enough to show them.
    if size >= 32:
        for height, end in ((0.30, 0.64), (0.40, 0.64), (0.50, 0.58)):
            pen.line([(at(0.38), at(height)), (at(end), at(height))], fill=INK, width=stroke(0.04))

    # The seal: a gold disc, ringed in the tile's blue so it stands off the
    # page, with a tick.
    cx, cy, r = at(0.70), at(0.71), at(0.19)
    ring = stroke(0.035)
    pen.ellipse([cx - r - ring, cy - r - ring, cx + r + ring, cy + r + ring], fill=BLUE_BOTTOM)
    pen.ellipse([cx - r, cy - r, cx + r, cy + r], fill=GOLD)
    tick = [(at(0.615), at(0.715)), (at(0.68), at(0.78)), (at(0.79), at(0.645))]
    pen.line(tick, fill=INK, width=stroke(0.055), joint="curve")

    return icon.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    drawn = {size: draw(size) for size in SIZES}
    for size, image in drawn.items():
        image.save(OUT / f"clerkdesk-{size}.png", optimize=True)
    largest_ico = drawn[max(ICO_SIZES)]
    largest_ico.save(
        OUT / "clerkdesk.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[drawn[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    # macOS wants each size also at double density, up to 1024 pixels (512@2x).
    draw(1024).save(
        OUT / "clerkdesk.icns", append_images=[drawn[s] for s in SIZES if s not in (24, 48)]
    )
    print(f"wrote {len(SIZES)} PNGs, clerkdesk.ico and clerkdesk.icns to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The reportlab pieces of the PDF minutes: flowables, page furniture, numbered canvas.

Imported only by :mod:`clerkdesk.export.pdf_renderer` when a PDF is rendered,
so importing reportlab here at module level costs nothing until then.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from clerkdesk.export.pdf_styles import BOLD, FAMILY, ITALIC, Geometry
from clerkdesk.export.pdf_tagging import FOOTER, HEADER, Node, TaggingCanvas, artifact, marked
from clerkdesk.export.view_model import MinutesView

G = Geometry
_CONFIDENTIAL_RGB = (0.62, 0.05, 0.05)
_GREY_RGB = (0.35, 0.35, 0.35)


class Para(Paragraph):  # type: ignore[misc]
    """A Paragraph that remembers its last wrap, and draws as tagged content.

    A chain of keep-with-next minutes (a recommendation, its votes, the outcome)
    is wrapped once to measure the group and again as each is placed; without
    this, every such paragraph had its lines broken twice.

    Its ``node`` is the structure element its text belongs to (the same node
    for both halves of a paragraph split across pages), and ``label`` (a
    minute's number, "3.1") is drawn in the number column as the content of
    ``label_node``: a list item's Lbl, or the heading itself. reportlab's own
    bullet would put the number and the text in one marked-content sequence.
    """

    _wrapped_width: float | None = None
    node: Node | None = None
    label: str = ""
    label_node: Node | None = None
    is_artifact = False

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self._wrapped_width or not hasattr(self, "blPara"):  # split drops it
            super().wrap(avail_width, avail_height)
            self._wrapped_width = avail_width
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        for index, part in enumerate(parts):  # reportlab's split makes new objects
            part.node, part.is_artifact = self.node, self.is_artifact
            if index == 0:
                part.label, part.label_node = self.label, self.label_node
        return parts

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        if self.is_artifact:
            with artifact(canvas):
                super().drawOn(canvas, x, y, _sW)
            return
        if self.label:
            with marked(canvas, self.label_node or self.node):
                self._draw_label(canvas, x, y)
        with marked(canvas, self.node):
            super().drawOn(canvas, x, y, _sW)

    def _draw_label(self, canvas: Any, x: float, y: float) -> None:
        """The label where reportlab would put the bullet: on the first line."""
        from reportlab.rl_config import paraFontSizeHeightOffset

        style, lines = self.style, self.blPara
        first = lines if lines.kind == 0 else lines.lines[0]
        size = first.fontSize if paraFontSizeHeightOffset else getattr(first, "ascent", 0)
        baseline = self.height - (size or first.fontSize) + getattr(style, "bulletOffsetY", 0)
        canvas.saveState()
        canvas.setFillColor(getattr(style, "bulletColor", style.textColor))
        canvas.setFont(style.bulletFontName, style.bulletFontSize)
        canvas.drawString(x + style.bulletIndent, y + baseline, self.label)
        canvas.restoreState()


# Runs of breaking white space only: a no-break space (U+00A0) inside a name
# ("N A Quinton") must survive, so that reportlab never breaks the name.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_TEMPLATES: dict[str, dict[str, Any]] = {}
Span = tuple[str, str]  # (text, "plain" | "bold" | "italic")


def _templates(style: Any) -> dict[str, Any]:
    """Fragments as reportlab's parser makes them for ``style``, to copy (once a style)."""
    if style.name not in _TEMPLATES:
        plain, bold, italic, br, _ = Paragraph("x<b>x</b><i>x</i><br/>x", style).frags
        _TEMPLATES[style.name] = {"plain": plain, "bold": bold, "italic": italic, "br": br}
    return _TEMPLATES[style.name]


def para(
    spans: list[Span],
    style: Any,
    node: Node | None = None,
    label: str = "",
    label_node: Node | None = None,
) -> Para:
    """A paragraph of plain text runs, without reportlab's markup parser.

    The parser (an HTMLParser per paragraph) was a fifth of a long export; a
    minute is only runs of plain, bold or italic text with line breaks, so its
    fragments are copies of the ones the parser makes, with the text put in.
    Whitespace is collapsed as the parser would.
    """
    templates = _templates(style)
    frags: list[Any] = []
    for text, kind in spans:
        for index, line in enumerate(text.split("\n")):
            if index:
                frags.append(templates["br"].clone())
            line = _SPACES.sub(" ", line)
            if line:
                frags.append(templates[kind].clone(text=line))
    if frags:  # the paragraph's own leading and trailing space goes, as in the parser
        frags[0].text = frags[0].text.lstrip()
        frags[-1].text = frags[-1].text.rstrip()
    frags = [frag for frag in frags if frag.text or getattr(frag, "lineBreak", False)]
    plain = "".join(text for text, _ in spans)
    paragraph = Para(plain, style, frags=frags or [templates["plain"].clone(text="")])
    paragraph.node, paragraph.label, paragraph.label_node = node, label, label_node
    return paragraph


class ActionFlowable(Flowable):  # type: ignore[misc]
    """A minute with its owner in the ACTION column: one paragraph, one small label.

    Much cheaper than a table row: the minute is wrapped once, and only the
    owner's name is wrapped to the column's width.
    """

    def __init__(self, body: Any, action: Any) -> None:
        super().__init__()
        self.body, self.action = body, action

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, body_h = self.body.wrap(avail_width, avail_height)
        _, action_h = self.action.wrap(G.action_col - G.action_gap, avail_height)
        self.width, self.height = avail_width, max(body_h, action_h)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = self.body.split(avail_width, avail_height)
        if len(parts) < 2:
            return []
        return [ActionFlowable(parts[0], self.action), *parts[1:]]

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.body.getSpaceAfter())

    def draw(self) -> None:
        self.body.drawOn(self.canv, 0, self.height - self.body.height)
        x = self.width - G.action_col + G.action_gap
        self.action.drawOn(self.canv, x, self.height - self.action.height)


class Stack(Flowable):  # type: ignore[misc]
    """Flowables kept on one page, placed as one: reportlab's KeepTogether, cheaper.

    (KeepTogether copies the frame and re-wraps its content for every group; a
    long meeting has a group for every heading and every vote.) If the group
    does not fit, it moves to the next page; on an empty page it flows apart.
    """

    def __init__(self, parts: list[Any]) -> None:
        super().__init__()
        self.parts = parts
        self._gaps: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._gaps, total, after = [], 0.0, 0.0
        for index, part in enumerate(self.parts):
            gap = max(after, part.getSpaceBefore()) if index else 0.0
            _, height = part.wrap(avail_width, avail_height)
            self._gaps.append(gap)
            total += gap + height
            after = part.getSpaceAfter()
        self.width, self.height = avail_width, total
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        frame = getattr(self, "_frame", None)
        return list(self.parts) if frame is None or frame._atTop else []

    def getSpaceBefore(self) -> float:
        return float(self.parts[0].getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.parts[-1].getSpaceAfter())

    def draw(self) -> None:
        y = self.height
        for gap, part in zip(self._gaps, self.parts, strict=True):
            y -= gap + part.height
            part.drawOn(self.canv, 0, y)


def stack_chains(flowables: list[Any]) -> list[Any]:
    """Each run of keep-with-next flowables, with the one after it, as one Stack."""
    out: list[Any] = []
    chain: list[Any] = []
    for flowable in flowables:
        chain.append(flowable)
        if not flowable.getKeepWithNext():
            out.append(Stack(chain) if len(chain) > 1 else flowable)
            chain = []
    if chain:
        out.append(Stack(chain) if len(chain) > 1 else chain[0])
    return out


class SignatureBlock(Flowable):  # type: ignore[misc]
    """ "CHAIRMAN ..... DATE .....", noting in ``where`` the box the Chairman signs in.

    The two words are the content of ``node``; the dotted lines are decoration.
    """

    def __init__(self, label: str, where: dict[str, float], node: Node | None = None) -> None:
        super().__init__()
        self.label, self.where, self.node = label, where, node

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, 24 * G.mm
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        y = 6 * G.mm
        start = c.stringWidth(self.label, BOLD, 10) + 4
        date_x = start + 90 * G.mm
        with marked(c, self.node):
            c.setFont(BOLD, 10)
            c.drawString(0, y, self.label)
            c.drawString(date_x, y, "DATE")
        with artifact(c):
            c.setDash(1, 2)
            c.line(start, y, start + 80 * G.mm, y)
            c.line(date_x + 32, y, self.width, y)
            c.setDash()
        x, y0 = c.absolutePosition(start, y + 1)
        date_left, _ = c.absolutePosition(date_x + 34, y + 1)
        date_right, _ = c.absolutePosition(self.width, y + 1)
        # The signature sits on its line, never over it; the date field on the DATE line.
        self.where.update(
            x=x,
            y=y0,
            w=80 * G.mm,
            h=20 * G.mm,
            page=c.getPageNumber(),
            date_x=date_left,
            date_w=date_right - date_left,
        )


def _marking(canvas: Any, view: MinutesView, top: float) -> None:
    """CONFIDENTIAL in a thin dark-red frame, DRAFT in grey beside it: clear, not loud."""
    parts: list[tuple[str, tuple[float, float, float], bool]] = []
    if view.confidential:
        parts.append((view.confidential_mark, _CONFIDENTIAL_RGB, True))
    if view.draft:
        parts.append(("DRAFT", _GREY_RGB, False))
    gap, size = 5 * G.mm, 9.5
    widths = [canvas.stringWidth(text, BOLD, size) for text, _, _ in parts]
    x = (G.width - sum(widths) - gap * (len(parts) - 1)) / 2
    canvas.setFont(BOLD, size)
    for (text, rgb, framed), width in zip(parts, widths, strict=True):
        canvas.setFillColorRGB(*rgb)
        canvas.drawString(x, top, text)
        if framed:
            canvas.setStrokeColorRGB(*rgb)
            canvas.setLineWidth(0.6)
            canvas.rect(x - 2 * G.mm, top - 1.6 * G.mm, width + 4 * G.mm, 5.4 * G.mm)
        x += width + gap
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setStrokeColorRGB(0, 0, 0)


def page_decorator(view: MinutesView, first: bool) -> Any:
    """Draw the page furniture (artifacts, not content): marking, running head,
    ACTION heading at the top, the box for the Chairman's initials at the foot."""

    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        with artifact(canvas, HEADER):
            _header(canvas, view, first)
        with artifact(canvas, FOOTER):
            box_w, box_h = 36 * G.mm, 14 * G.mm  # the box the Chairman initials on every page
            x, y = G.width - G.right - box_w, 10 * G.mm
            canvas.setLineWidth(0.6)
            canvas.rect(x, y, box_w, box_h)
            canvas.setFont(BOLD, 7)
            canvas.drawString(x + 2 * G.mm, y + box_h - 3.5 * G.mm, view.initials_label)
        canvas.restoreState()

    return draw


def _header(canvas: Any, view: MinutesView, first: bool) -> None:
    top = G.height - 12 * G.mm
    if view.marking:
        _marking(canvas, view, top)
    if not first:
        canvas.setFont(ITALIC, 8)
        canvas.drawString(G.left, top - 6 * G.mm, view.running_head)
        canvas.setFont(BOLD, 9)
        action_x = G.width - G.right - G.action_col + G.action_gap
        canvas.drawString(action_x, top - 6 * G.mm, "ACTION")


class NumberedCanvas(TaggingCanvas, Canvas):  # type: ignore[misc]
    """Holds back each page's (already drawn) content until the end, then writes
    "Page X of Y" on each: one layout pass, the footer added when Y is known.

    It numbers each page's marked content for the structure tree; the footer
    is an artifact."""

    def __init__(self, *args: Any, footer_title: str = "", **kwargs: Any) -> None:
        kwargs["initialFontName"] = FAMILY  # no unembedded Helvetica
        super().__init__(*args, **kwargs)
        self._footer_title = footer_title
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()
        self._page_index = len(self._pages)
        self.new_page()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            with artifact(self, FOOTER):
                self.setFont(FAMILY, 9)
                self.drawString(G.left, 14 * G.mm, f"Page {self._pageNumber} of {total}")
                self.setFont(ITALIC, 7)
                self.drawString(G.left, 10 * G.mm, self._footer_title)
            super().showPage()
        super().save()

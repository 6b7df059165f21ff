"""The minutes as PDF (reportlab), then certified (see :mod:`clerkdesk.export.certify`).

Structure after pretix's invoices: one stylesheet, a ``BaseDocTemplate`` with
first and later page templates, headers and footers drawn in page callbacks,
and a numbered canvas that writes "Page X of Y" once the page count is known.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from clerkdesk.export.pdf_styles import BOLD, FAMILY, ITALIC, Geometry, stylesheet
from clerkdesk.export.view_model import Block, BlockKind, ItemView, MinutesView

G = Geometry
SIGNATURE_FIELD = "ChairmanSignature"
_BLOCK_STYLE = {
    BlockKind.PARAGRAPH: "body",
    BlockKind.TEXT: "body",
    BlockKind.EXEMPT: "exempt",
    BlockKind.NOTE: "note",
    BlockKind.RECOMMENDATION: "rec",
    BlockKind.VOTE: "vote",
    BlockKind.NAMES: "vote",
    BlockKind.OUTCOME: "outcome",
    BlockKind.ACTION: "body",
}
_ROW_SPACE_AFTER = {
    BlockKind.VOTE: 1,
    BlockKind.NAMES: 1,
    BlockKind.OUTCOME: 6,
    BlockKind.RECOMMENDATION: 3,
    BlockKind.PARAGRAPH: 5,
}


def markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _runs(block: Block) -> str:
    parts = [f"<b>{markup(t)}</b>" if bold else markup(t) for t, bold in block.runs]
    prefix = "<i>Action:</i> " if block.kind is BlockKind.ACTION else ""
    return prefix + "".join(parts)


def _item_table(item: ItemView, styles: dict[str, Any]) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    rows: list[list[Any]] = [
        [
            Paragraph(f"{markup(item.number)}." if item.number else "", styles["item"]),
            Paragraph(markup(item.heading.split(". ", 1)[-1]), styles["item"]),
            "",
        ]
    ]
    for block in item.blocks:
        style = styles[_BLOCK_STYLE[block.kind]]
        rows.append(
            [
                Paragraph(markup(block.number), styles["number"]) if block.number else "",
                Paragraph(_runs(block), style),
                Paragraph(markup(block.action), styles["action"]) if block.action else "",
            ]
        )
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (1, -1), 8),
        ("LEFTPADDING", (2, 0), (2, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for row, block in enumerate(item.blocks, start=1):
        after = _ROW_SPACE_AFTER.get(block.kind)
        if after is not None:
            commands.append(("BOTTOMPADDING", (0, row), (-1, row), after))
        if block.kind is BlockKind.RECOMMENDATION:
            commands.append(("TOPPADDING", (0, row), (-1, row), 4))
    table = Table(rows, colWidths=[G.number_col, G.text_col(), G.action_col], splitByRow=1)
    table.setStyle(TableStyle(commands))
    return table


def _action_header(styles: dict[str, Any]) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    table = Table(
        [["", "", Paragraph("ACTION", styles["item"])]],
        colWidths=[G.number_col, G.text_col(), G.action_col],
    )
    table.setStyle(
        TableStyle([("LEFTPADDING", (2, 0), (2, 0), 6), ("FONTNAME", (0, 0), (-1, -1), FAMILY)])
    )
    return table


class _SignatureBlock:
    """Factory for the flowable that draws "CHAIRMAN ..... DATE ....." and notes where."""

    @staticmethod
    def make(label: str, where: dict[str, float]) -> Any:
        from reportlab.platypus import Flowable

        class SignatureBlock(Flowable):  # type: ignore[misc]
            height_pt = 24 * G.mm

            def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
                self.width = avail_width
                return avail_width, self.height_pt

            def draw(self) -> None:
                c = self.canv
                y = 6 * G.mm
                c.setFont(BOLD, 10)
                c.drawString(0, y, label)
                start = c.stringWidth(label, BOLD, 10) + 4
                c.setDash(1, 2)
                c.line(start, y, start + 80 * G.mm, y)
                date_x = start + 90 * G.mm
                c.drawString(date_x, y, "DATE")
                c.line(date_x + 32, y, self.width, y)
                c.setDash()
                x, y0 = c.absolutePosition(start, y + 1)
                where.update(x=x, y=y0, w=80 * G.mm, h=20 * G.mm, page=c.getPageNumber())

        return SignatureBlock()


def _story(view: MinutesView, styles: dict[str, Any], where: dict[str, float]) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    story: list[Any] = [
        Paragraph(markup(view.organisation.upper()), styles["org"]),
        Paragraph(markup(f"{view.committee.upper()}"), styles["title"]),
        Paragraph(markup(f"Minutes of the meeting held on {view.date_text}"), styles["subtitle"]),
    ]
    where_when = " at ".join(p for p in (view.time_text, view.venue) if p)
    if where_when:
        where_when = where_when[0].upper() + where_when[1:]
        story.append(Paragraph(markup(where_when), styles["subtitle"]))
    story.append(Paragraph(markup(view.status_line), styles["status"]))
    story.append(Paragraph("ATTENDANCE", styles["h1"]))
    for group in view.attendance:
        story.append(Paragraph(markup(group.heading), styles["banner"]))
        story.append(Paragraph(markup(group.text), styles["body"]))
    for note in view.attendance_notes:
        story.append(Paragraph(markup(note), styles["note"]))
    story.append(Spacer(1, 4))
    story.append(Paragraph(markup(view.introduction), styles["body"]))
    story.append(Paragraph(f"<b>Note:</b> {markup(view.interests_statement)}", styles["body"]))
    if view.items:
        story.append(_action_header(styles))
    for item in view.items:
        if item.banner:
            banner = [Paragraph(markup(item.title), styles["h1"])]
            banner += [Paragraph(_runs(b), styles[_BLOCK_STYLE[b.kind]]) for b in item.blocks]
            story.append(KeepTogether(banner))
        else:
            story.append(_item_table(item, styles))
            story.append(Spacer(1, 6))
    for line in view.corrections:
        story.append(Paragraph(markup(line), styles["note"]))
    signature = _SignatureBlock.make(view.signature_label, where)
    story.append(KeepTogether([Spacer(1, 12), signature]))
    return story


def _page_decorator(view: MinutesView, first: bool) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        top = G.height - 12 * G.mm
        if view.marking:
            canvas.setFont(BOLD, 11)
            canvas.setFillColorRGB(0.7, 0, 0) if view.confidential else None
            canvas.drawCentredString(G.width / 2, top, view.marking)
            canvas.setFillColorRGB(0, 0, 0)
        if not first:
            canvas.setFont(ITALIC, 8)
            canvas.drawString(G.left, top - 5 * G.mm, view.running_head)
            canvas.setFont(BOLD, 9)
            canvas.drawString(G.width - G.right - G.action_col + 6, top - 5 * G.mm, "ACTION")
        # the box the Chairman initials on every page
        box_w, box_h = 36 * G.mm, 14 * G.mm
        x, y = G.width - G.right - box_w, 10 * G.mm
        canvas.rect(x, y, box_w, box_h)
        canvas.setFont(BOLD, 7)
        canvas.drawString(x + 2 * G.mm, y + box_h - 3.5 * G.mm, view.initials_label)
        canvas.restoreState()

    return draw


def _numbered_canvas(view: MinutesView) -> type[Any]:
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Holds back each page until the end, then writes "Page X of Y" on all."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = FAMILY  # no unembedded Helvetica
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FAMILY, 9)
                self.drawString(G.left, 14 * G.mm, f"Page {self._pageNumber} of {total}")
                self.setFont(ITALIC, 7)
                self.drawString(G.left, 10 * G.mm, view.doc_title)
                super().showPage()
            super().save()

    return NumberedCanvas


def render_pdf_unsigned(view: MinutesView) -> tuple[bytes, dict[str, float]]:
    """The PDF before certification, and where the Chairman's signature goes."""
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

    styles = stylesheet()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(G.width, G.height),
        leftMargin=G.left,
        rightMargin=G.right,
        topMargin=G.top,
        bottomMargin=G.bottom,
        title=view.doc_title,
        author="ClerkDesk",
        creator="ClerkDesk",
        subject=view.subject,
        keywords=["minutes", view.committee, "confidential" if view.confidential else "public"],
    )
    frame = Frame(
        G.left,
        G.bottom,
        G.frame_width(),
        G.height - G.top - G.bottom,
        leftPadding=0,
        rightPadding=0,
        id="body",
    )
    doc.addPageTemplates(
        [
            PageTemplate("first", [frame], onPage=_page_decorator(view, True)),
            PageTemplate("later", [frame], onPage=_page_decorator(view, False)),
        ]
    )
    where: dict[str, float] = {}
    story = [NextPageTemplate("later"), *_story(view, styles, where)]
    doc.build(story, canvasmaker=_numbered_canvas(view))
    return buffer.getvalue(), where


def render_pdf(view: MinutesView, key_dir: Path | None = None) -> bytes:
    """The certified PDF: changes other than signing the Chairman's field are detectable."""
    from clerkdesk.export.certify import certify_pdf

    unsigned, where = render_pdf_unsigned(view)
    box = (
        int(where["x"]),
        int(where["y"]),
        int(where["x"] + where["w"]),
        int(where["y"] + where["h"]),
    )
    return certify_pdf(unsigned, signature_box=box, field_name=SIGNATURE_FIELD, key_dir=key_dir)

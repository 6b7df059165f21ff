"""The minutes as one web page a council can publish.

A single self-contained HTML file: semantic (headings that nest, numbered
minutes as lists, each part and item a section), accessible (``lang``,
``<title>``, reading order as the minutes read, no scripts, nothing fetched
from elsewhere), with its own CSS for the screen and for printing. It reads
only the minutes view, like the Word and PDF renderers, so the public page
holds exactly what the public PDF holds.

The paper's page furniture (page numbers, running head, the box for the
Chairman's initials) has no place on a web page; the CONFIDENTIAL and DRAFT
marking does, at the top, as text.
"""

from __future__ import annotations

from html import escape

from clerkdesk.export.view_model import Block, BlockKind, ItemView, MinutesView

LANGUAGE = "en-GB"

_BLOCK_CLASS = {
    BlockKind.PARAGRAPH: "minute",
    BlockKind.TEXT: "text",
    BlockKind.EXEMPT: "exempt",
    BlockKind.NOTE: "note",
    BlockKind.RECOMMENDATION: "recommendation",
    BlockKind.POINT: "point",
    BlockKind.VOTE: "vote",
    BlockKind.NAMES: "vote names",
    BlockKind.OUTCOME: "outcome",
    BlockKind.ACTION: "action",
}

# Inline, so the page needs nothing else; print rules for A4 paper.
STYLE = """
:root { color: #111; background: #fff; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; line-height: 1.45;
  max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; font-size: 1rem; }
header { text-align: center; margin-bottom: 1.5rem; }
.marking { text-align: center; font-weight: bold; letter-spacing: .03em; }
.marking .confidential { color: #9e0d0d; border: 1px solid #9e0d0d; padding: .1rem .5rem; }
.marking .draft { color: #555; margin-left: 1rem; }
.organisation { font-size: 1.5rem; font-weight: bold; margin: .5rem 0 0; }
h1 { font-size: 1.25rem; margin: .25rem 0 .5rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
.status { font-style: italic; }
.attendance dt { font-weight: bold; margin-top: .75rem; }
.attendance dd { margin: .1rem 0 0 0; }
.numbered { list-style: none; padding: 0; margin: 0; }
.numbered > li { display: grid; grid-template-columns: 3.5rem 1fr; margin: .5rem 0; }
.numbered .number, h3 .number { font-weight: bold; }
.numbered > li p:first-child { margin-top: 0; }
h3 .number { display: inline-block; min-width: 3.5rem; }
p { margin: .4rem 0; }
.recommendation, .vote, .outcome { margin-left: 3.5rem; }
.recommendation { margin-top: .75rem; }
.note, .exempt { font-style: italic; }
.owner { margin: .1rem 0 .6rem 3.5rem; font-size: .9rem; }
.owner .label { font-weight: bold; }
.corrections p { font-style: italic; }
.points { margin: .2rem 0 .6rem 5rem; }
.signature { margin-top: 3rem; font-weight: bold; }
.signature .line { display: inline-block; width: 14rem; border-bottom: 1px dotted #111;
  margin: 0 1rem 0 .5rem; }
@media print {
  @page { size: A4; margin: 24mm 18mm 24mm 20mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .numbered > li, .recommendation, .vote, .outcome { break-inside: avoid; }
  .signature { break-before: avoid; }
}
"""


def _runs(block: Block) -> str:
    parts = []
    for text, bold in block.runs:
        html = escape(text).replace("\n", "<br>")
        parts.append(f"<strong>{html}</strong>" if bold else html)
    return "".join(parts)


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _owner(block: Block) -> str:
    if not block.action:
        return ""
    label = '<span class="label">ACTION:</span>'
    return f'<p class="owner">{label} {_text(block.action)}</p>'


def _block_html(block: Block) -> str:
    css = _BLOCK_CLASS.get(block.kind, "text")
    lead = "<em>Action:</em> " if block.kind is BlockKind.ACTION else ""
    return f'<p class="{css}">{lead}{_runs(block)}</p>{_owner(block)}'


def _blocks(blocks: tuple[Block, ...]) -> list[str]:
    """Blocks in order; numbered ones, with their neighbours, as one list, and a
    recommendation's sub-points as a bulleted list."""
    out: list[str] = []
    open_list = ""  # "ol", "ul" or none
    for block in blocks:
        wanted = "ul" if block.kind is BlockKind.POINT else "ol" if block.number else ""
        if wanted != open_list:
            if open_list:
                out.append(f"</{open_list}>")
            if wanted == "ol":
                out.append('<ol class="numbered" role="list">')
            elif wanted == "ul":
                out.append('<ul class="points">')
            open_list = wanted
        if wanted == "ol":
            number = f'<span class="number">{_text(block.number)}</span>'
            out.append(f"<li>{number}<div>{_block_html(block)}</div></li>")
        elif wanted == "ul":
            out.append(f"<li>{_runs(block)}</li>{_owner(block)}")
        else:
            out.append(_block_html(block))
    if open_list:
        out.append(f"</{open_list}>")
    return out


def _item(item: ItemView, level: int, anchor: str) -> list[str]:
    title = item.heading.split(". ", 1)[-1] if item.number else item.heading
    number = f'<span class="number">{_text(item.number)}.</span> ' if item.number else ""
    heading = f'<h{level} id="{anchor}">{number}{_text(title)}</h{level}>'
    css = "item exempt-item" if item.exempt else "item"
    return [
        f'<section class="{css}" aria-labelledby="{anchor}">',
        heading,
        *_blocks(item.blocks),
        "</section>",
    ]


def _front(view: MinutesView) -> list[str]:
    out = ["<header>"]
    if view.marking:
        marks = []
        if view.confidential:
            marks.append(f'<span class="confidential">{_text(view.confidential_mark)}</span>')
        if view.draft:
            marks.append('<span class="draft">DRAFT</span>')
        out.append(f'<p class="marking">{" ".join(marks)}</p>')
    out.append(f'<p class="organisation">{_text(view.organisation.upper())}</p>')
    out.append(f"<h1>{_text(view.committee.upper())}</h1>")
    out.append(f"<p>Minutes of the meeting held on {_text(view.date_text)}</p>")
    where_when = " at ".join(p for p in (view.time_text, view.venue) if p)
    if where_when:
        out.append(f"<p>{_text(where_when[0].upper() + where_when[1:])}</p>")
    out.append(f'<p class="status">{_text(view.status_line)}</p>')
    out.append("</header>")
    out.append('<section class="attendance" aria-labelledby="attendance">')
    out.append('<h2 id="attendance">ATTENDANCE</h2>')
    if view.attendance:
        out.append("<dl>")
        for group in view.attendance:
            out.append(f"<dt>{_text(group.heading)}</dt><dd>{_text(group.text)}</dd>")
        out.append("</dl>")
    out += [f'<p class="note">{_text(note)}</p>' for note in view.attendance_notes]
    out.append(f"<p>{_text(view.introduction)}</p>")
    out.append(f"<p><strong>Note:</strong> {_text(view.interests_statement)}</p>")
    out.append("</section>")
    return out


def _items(view: MinutesView) -> list[str]:
    """Each part a section under its heading (H2), its items within (H3);
    with no part headings, items are H2."""
    level = 3 if any(item.banner for item in view.items) else 2
    out: list[str] = []
    in_part = False
    for index, item in enumerate(view.items, start=1):
        anchor = f"item-{index}"
        if item.banner:
            if in_part:
                out.append("</section>")
            out.append(f'<section class="part" aria-labelledby="{anchor}">')
            out.append(f'<h2 id="{anchor}">{_text(item.title)}</h2>')
            out += _blocks(item.blocks)
            in_part = True
        else:
            out += _item(item, level, anchor)
    if in_part:
        out.append("</section>")
    return out


def render_html_text(view: MinutesView) -> str:
    body = [*_front(view), *_items(view)]
    if view.corrections:
        body.append('<section class="corrections" aria-label="Corrections">')
        body += [f"<p>{_text(line)}</p>" for line in view.corrections]
        body.append("</section>")
    if view.closing_line:
        body.append(f'<p class="closing">{_text(view.closing_line)}</p>')
    if view.proper_officer_lines:
        officer = "<br>".join(_text(line) for line in view.proper_officer_lines)
        body.append(f'<p class="proper-officer"><strong>{officer}</strong></p>')
    label = _text(view.signature_label)
    line = '<span class="line"></span>'
    body.append(f'<p class="signature">{label} {line} DATE {line}</p>')
    main = "\n".join(body)
    return f"""<!DOCTYPE html>
<html lang="{LANGUAGE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ClerkDesk">
<meta name="description" content="{escape(view.subject)}">
<title>{escape(view.doc_title)}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
{main}
</main>
</body>
</html>
"""


def render_html(view: MinutesView) -> bytes:
    return render_html_text(view).encode("utf-8")

"""Marked content for reportlab: the logical structure of the PDF minutes.

reportlab has no tagging of its own. The structure is built as a tree of
:class:`Node` while the story is assembled (one node per flowable, by kind:
heading, paragraph, list item...). When a flowable is drawn, the canvas wraps
what it draws in ``/Role <</MCID n>> BDC … EMC`` and notes the marked content
on its node; page furniture is wrapped as an ``/Artifact``. The finishing step
(:mod:`clerkdesk.export.pdf_finish`) turns the tree into the PDF's structure
tree. Reading order is drawing order, which is the order of the story.

Nothing here imports reportlab: the canvas methods are a mixin.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

# The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4) used here.
HEADINGS = ("H1", "H2", "H3", "H4", "H5", "H6")


@dataclass(frozen=True, slots=True)
class MarkedContent:
    """One marked-content sequence: on page ``page`` (from 0), number ``mcid``."""

    page: int
    mcid: int


@dataclass(frozen=True, slots=True)
class FieldRef:
    """A form field's widget, placed by the finishing step (an OBJR kid)."""

    name: str


@dataclass(eq=False, slots=True)
class Node:
    """A structure element to be: its role and, in reading order, its kids."""

    role: str
    kids: list[Node | MarkedContent | FieldRef] = field(default_factory=list)
    alt: str = ""  # /Alt, for a figure or a form field
    attributes: dict[str, str] = field(default_factory=dict)  # e.g. {"Scope": "Column"}

    def add(self, role: str, **kwargs: Any) -> Node:
        child = Node(role, **kwargs)
        self.kids.append(child)
        return child

    def walk(self) -> Iterator[Node]:
        yield self
        for kid in self.kids:
            if isinstance(kid, Node):
                yield from kid.walk()

    @property
    def has_content(self) -> bool:
        return any(not isinstance(kid, Node) or kid.has_content for kid in self.kids)


# Page furniture, as PDF/UA wants it: an artifact with its kind.
HEADER = "/Artifact <</Type /Pagination /Subtype /Header>> BDC"
FOOTER = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"
LAYOUT = "/Artifact <</Type /Layout>> BDC"


class TaggingCanvas:
    """Mixin for a reportlab Canvas: numbered marked content per page.

    ``_page_index`` must say which page is being drawn; the canvas that holds
    pages back until the end (pdf_parts.NumberedCanvas) keeps it.
    """

    _next_mcid = 0
    _page_index = 0

    if TYPE_CHECKING:  # reportlab's Canvas, which this is mixed into, has it

        def addLiteral(self, literal: str) -> None: ...

    def begin_marked(self, node: Node) -> None:
        mcid = self._next_mcid
        self._next_mcid += 1
        node.kids.append(MarkedContent(self._page_index, mcid))
        self.addLiteral(f"/{node.role} <</MCID {mcid}>> BDC")

    def begin_artifact(self, kind: str = LAYOUT) -> None:
        self.addLiteral(kind)

    def end_marked(self) -> None:
        self.addLiteral("EMC")

    def new_page(self) -> None:
        self._next_mcid = 0


@contextmanager
def marked(canvas: Any, node: Node | None) -> Iterator[None]:
    """What is drawn inside is the content of ``node`` (or untouched, on a
    canvas that does not tag, or with no node)."""
    if node is None or not isinstance(canvas, TaggingCanvas):
        yield
        return
    canvas.begin_marked(node)
    yield
    canvas.end_marked()


@contextmanager
def artifact(canvas: Any, kind: str = LAYOUT) -> Iterator[None]:
    """What is drawn inside is page furniture or decoration, not content."""
    if not isinstance(canvas, TaggingCanvas):
        yield
        return
    canvas.begin_artifact(kind)
    yield
    canvas.end_marked()

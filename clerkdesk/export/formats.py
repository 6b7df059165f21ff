"""The one place that knows the formats minutes are exported in.

Each format is registered once, here: its name (``--format docx``), how menus
and file dialogs name it, its file suffix, whether the file is certified, and
its renderer. The File › Export minutes menu, the command line, the export
service and the verify dialog all list formats from :data:`FORMATS`; adding a
format is one entry here and one renderer.

Imports nothing heavy: the renderers (python-docx, reportlab, pyHanko) are
imported when a document is rendered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from clerkdesk.export.certify import Certifier
    from clerkdesk.export.view_model import MinutesView

Renderer = Callable[["MinutesView", "Certifier | None"], bytes]


# A named tuple, not a frozen dataclass: made before the window's first paint,
# where making a dataclass compiles each of its methods (docs/benchmarks.md, issue 19).
class ExportFormat(NamedTuple):
    name: str  # on the command line and in the export log: "docx"
    label: str  # in messages: "Word document"
    suffix: str  # ".docx"
    public_menu: str  # the menu command, with its accelerator: "&Word – public"
    confidential_menu: str
    renderer: Renderer
    certified: bool = False  # certified by a Certifier (a PDF), so a change shows
    shortcut: str = ""

    @property
    def file_filter(self) -> str:
        """For a file dialog: "Word document (*.docx)"."""
        return f"{self.label} (*{self.suffix})"

    def render(self, view: MinutesView, certifier: Certifier | None = None) -> bytes:
        return self.renderer(view, certifier)


def _docx(view: MinutesView, certifier: Certifier | None) -> bytes:
    from clerkdesk.export.docx_renderer import render_docx

    return render_docx(view)


def _pdf(view: MinutesView, certifier: Certifier | None) -> bytes:
    from clerkdesk.export.pdf_renderer import render_pdf

    return render_pdf(view, certifier)


def _html(view: MinutesView, certifier: Certifier | None) -> bytes:
    from clerkdesk.export.html_renderer import render_html

    return render_html(view)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "docx",
            "Word document",
            ".docx",
            "&Word – public",
            "Word – &confidential (with Part II)",
            _docx,
            shortcut="Ctrl+E",
        ),
        ExportFormat(
            "pdf",
            "PDF document",
            ".pdf",
            "&PDF – public",
            "PDF – c&onfidential (with Part II)",
            _pdf,
            certified=True,
            shortcut="Ctrl+Shift+E",
        ),
        ExportFormat(
            "html",
            "Web page",
            ".html",
            "&Web page (HTML) – public",
            "Web page (HTML) – co&nfidential (with Part II)",
            _html,
        ),
    )
}


def export_format(name: str) -> ExportFormat:
    """The format called ``name``, or a message naming the ones there are."""
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ValueError(f"Unknown export format {name!r}; use one of: {known}.") from None

"""Minutes a chair will sign: Word and PDF, public and confidential.

Each exporter is a small object with an id, a label, a file suffix and
``render(view) -> bytes``. The view is built once by
:func:`clerkdesk.export.view.build_minutes_view`, the only place that decides
what the public version may show. Heavy libraries (python-docx, reportlab,
pyHanko) are imported only when a document is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from clerkdesk.domain.model import MeetingRecord
from clerkdesk.export.view import build_minutes_view
from clerkdesk.export.view_model import MinutesView

if TYPE_CHECKING:
    from clerkdesk.export.certify import Certifier

Format = Literal["docx", "pdf"]


class MinutesExporter(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def suffix(self) -> str: ...

    def render(self, view: MinutesView) -> bytes: ...


@dataclass(frozen=True, slots=True)
class DocxExporter:
    id: str = "docx"
    label: str = "Word document"
    suffix: str = ".docx"

    def render(self, view: MinutesView) -> bytes:
        from clerkdesk.export.docx_renderer import render_docx

        return render_docx(view)


@dataclass(frozen=True, slots=True)
class PdfExporter:
    """Certified PDF, by ``certifier`` (the council's certificate), else by this
    machine's self-signed certificate in ``key_dir`` (made on first use)."""

    id: str = "pdf"
    label: str = "PDF (certified, for signing)"
    suffix: str = ".pdf"
    key_dir: Path | None = None
    certifier: Certifier | None = None

    def render(self, view: MinutesView) -> bytes:
        from clerkdesk.export.certify import machine_certifier
        from clerkdesk.export.pdf_renderer import render_pdf

        return render_pdf(view, self.certifier or machine_certifier(self.key_dir))


EXPORTERS: dict[str, MinutesExporter] = {e.id: e for e in (DocxExporter(), PdfExporter())}


def export_minutes(
    record: MeetingRecord,
    fmt: Format,
    confidential: bool,
    *,
    key_dir: Path | None = None,
    certifier: Certifier | None = None,
) -> bytes:
    """The minutes of ``record`` as a .docx or certified .pdf file's bytes."""
    if fmt not in EXPORTERS:
        known = ", ".join(sorted(EXPORTERS))
        raise ValueError(f"Unknown export format {fmt!r}; use one of: {known}.")
    exporter = PdfExporter(key_dir=key_dir, certifier=certifier) if fmt == "pdf" else EXPORTERS[fmt]
    return exporter.render(build_minutes_view(record, confidential=confidential))


__all__ = [
    "EXPORTERS",
    "DocxExporter",
    "MinutesExporter",
    "MinutesView",
    "PdfExporter",
    "build_minutes_view",
    "export_minutes",
]

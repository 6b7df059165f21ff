"""Minutes a chair will sign, and a council publishes: Word, PDF and HTML,
public and confidential.

The formats are registered once, in :mod:`clerkdesk.export.formats` (name,
label, file filter, suffix, renderer). The view is built once by
:func:`clerkdesk.export.view.build_minutes_view`, the only place that decides
what the public version may show; every renderer reads only that view. Heavy
libraries (python-docx, reportlab, pypdf, pyHanko) are imported only when a
document is rendered.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clerkdesk.export.formats import export_format

if TYPE_CHECKING:
    from clerkdesk.domain.model import MeetingRecord
    from clerkdesk.export.certify import Certifier


def export_minutes(
    record: MeetingRecord,
    fmt: str,
    confidential: bool,
    *,
    key_dir: Path | None = None,
    certifier: Certifier | None = None,
) -> bytes:
    """The minutes of ``record`` as the bytes of a file in format ``fmt``.

    A certified format (PDF) is certified by ``certifier`` (the council's
    certificate), else by this machine's self-signed certificate in ``key_dir``
    (made on first use).
    """
    from clerkdesk.export.view import build_minutes_view

    export = export_format(fmt)
    if export.certified and certifier is None:
        from clerkdesk.export.certify import machine_certifier

        certifier = machine_certifier(key_dir)
    return export.render(build_minutes_view(record, confidential=confidential), certifier)

"""Exporting minutes to files, with a log that lets any file be verified later
(services/verifying.py)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.persistence.records import load_record
from clerkdesk.persistence.schema import ExportRow
from clerkdesk.services.context import Desk, now, write_audit
from clerkdesk.services.verifying import sha256_of

if TYPE_CHECKING:
    from clerkdesk.export.certify import Certifier

FORMATS = ("docx", "pdf")


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename over it, so a
    crash never leaves a half-written file under the real name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def render_minutes(
    desk: Desk,
    meeting_id: int,
    fmt: str,
    confidential: bool,
    certifier: Certifier | None = None,
) -> bytes:
    from clerkdesk.export import export_minutes  # lazily: the renderers are heavy

    with desk.db.session() as session:
        record = load_record(session, meeting_id)
    if fmt == "docx":
        return export_minutes(record, "docx", confidential)
    if fmt == "pdf":
        return export_minutes(record, "pdf", confidential, certifier=certifier)
    raise RuleViolation(f"Minutes can be exported as {' or '.join(FORMATS)}, not {fmt!r}.")


def export_meeting(
    desk: Desk,
    meeting_id: int,
    fmt: str,
    confidential: bool,
    path: Path,
    certifier: Certifier | None = None,
) -> Path:
    """Write the minutes to ``path`` and log the file's SHA-256 against the meeting,
    with the fingerprint of the certificate that certified a PDF: ``certifier``
    (the council's), else this machine's self-signed one."""
    if path.suffix.lower() != f".{fmt}":
        path = (
            path.with_suffix(path.suffix + f".{fmt}")
            if path.suffix
            else path.with_suffix(f".{fmt}")
        )
    fingerprint = None
    if fmt == "pdf":
        from clerkdesk.export.certify import machine_certifier

        certifier = certifier or machine_certifier()
        fingerprint = certifier.fingerprint
    data = render_minutes(desk, meeting_id, fmt, confidential, certifier)
    try:
        write_atomically(path, data)
    except OSError as error:
        raise RuleViolation(
            f"Cannot write {path}: {error.strerror}. Choose another folder and export again."
        ) from None
    version = "confidential" if confidential else "public"
    with desk.db.session() as session:
        session.add(
            ExportRow(
                meeting_id=meeting_id,
                sha256=sha256_of(data),
                version=version,
                format=fmt,
                file_name=path.name,
                exported_at=now(),
                clerk=desk.clerk,
                certificate_sha256=fingerprint,
            )
        )
        write_audit(session, desk, meeting_id, f"Export {version} minutes as {fmt}", path.name)
    return path

"""Exporting minutes to files, with a log that lets any file be verified later
(services/verifying.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.export.formats import FORMATS, ExportFormat, export_format
from clerkdesk.file_io import FileRefused, StagedOutput, check_output_path, database_files, shown
from clerkdesk.persistence.records import load_record
from clerkdesk.persistence.schema import ExportRow
from clerkdesk.services.context import Desk, now, write_audit
from clerkdesk.services.verifying import sha256_of

if TYPE_CHECKING:
    from clerkdesk.export.certify import Certifier


def render_minutes(
    desk: Desk,
    meeting_id: int,
    fmt: str,
    confidential: bool,
    certifier: Certifier | None = None,
) -> bytes:
    from clerkdesk.export import export_minutes  # lazily: the renderers are heavy

    _format(fmt)
    with desk.db.session() as session:
        record = load_record(session, meeting_id)
    return export_minutes(record, fmt, confidential, certifier=certifier)


def _format(fmt: str) -> ExportFormat:
    try:
        return export_format(fmt)
    except ValueError:
        names = ", ".join(FORMATS)
        raise RuleViolation(f"Minutes can be exported as {names}; not {fmt!r}.") from None


def output_target(desk: Desk, path: Path) -> Path:
    """The file to write for ``path``: never the database, its companions, its
    backups or anything but an ordinary file in an existing folder."""
    # A server's database has no files here to protect.
    files, folders = database_files(desk.db.path) if desk.db.on_file else ([], [])
    try:
        return check_output_path(path, protected_files=files, protected_folders=folders)
    except FileRefused as error:
        raise RuleViolation(str(error)) from None


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
    (the council's), else this machine's self-signed one.

    The file appears only once it is complete and logged: a refused or failed
    export (a read-only database, a name that cannot be logged, a full disk)
    leaves nothing behind, and no export may replace the database's own files.
    """
    export = _format(fmt)
    path = Path(path)
    try:
        # Before a suffix is added: "-o minutes/" is a folder, not "minutes.pdf".
        check_output_path(path)
    except FileRefused as error:
        raise RuleViolation(str(error)) from None
    if path.suffix.lower() != export.suffix:
        path = path.with_suffix(path.suffix + export.suffix)  # "minutes.v2" → "minutes.v2.pdf"
    target = output_target(desk, path)
    fingerprint = None
    if export.certified:
        from clerkdesk.export.certify import machine_certifier

        certifier = certifier or machine_certifier()
        fingerprint = certifier.fingerprint
    data = render_minutes(desk, meeting_id, fmt, confidential, certifier)
    version = "confidential" if confidential else "public"
    try:
        with StagedOutput(target, data) as staged, desk.db.session() as session:
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
            session.flush()  # the log is written (or refused) before the file appears
            staged.publish()
    except OSError as error:
        raise RuleViolation(
            f"Cannot write {shown(path)}: {error.strerror or error}. "
            "Choose another folder and export again."
        ) from None
    return path

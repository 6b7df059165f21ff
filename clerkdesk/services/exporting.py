"""Exporting minutes to files, with a log that lets any file be verified later."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.file_io import (
    FileRefused,
    StagedOutput,
    check_output_path,
    database_files,
    read_input_file,
    shown,
)
from clerkdesk.persistence.records import load_record
from clerkdesk.persistence.schema import CommitteeRow, ExportRow, MeetingRow
from clerkdesk.services.context import Desk, now, write_audit

FORMATS = ("docx", "pdf")
# Minutes run to a few megabytes, more once signed; a larger file is not one of ours.
MAX_VERIFIED_FILE_BYTES = 100 * 1024 * 1024
# Signing appends a revision or two; a file claiming thousands is not worth a look-up each.
MAX_PDF_REVISIONS = 100


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    message: str
    meeting_id: int | None = None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_minutes(desk: Desk, meeting_id: int, fmt: str, confidential: bool) -> bytes:
    from clerkdesk.export import export_minutes  # lazily: the renderers are heavy

    with desk.db.session() as session:
        record = load_record(session, meeting_id)
    if fmt == "docx":
        return export_minutes(record, "docx", confidential)
    if fmt == "pdf":
        return export_minutes(record, "pdf", confidential)
    raise RuleViolation(f"Minutes can be exported as {' or '.join(FORMATS)}, not {fmt!r}.")


def export_meeting(desk: Desk, meeting_id: int, fmt: str, confidential: bool, path: Path) -> Path:
    """Write the minutes to ``path`` and log the file's SHA-256 against the meeting.

    The file appears only once it is complete and logged: a refused or failed
    export (a read-only database, a name that cannot be logged, a full disk)
    leaves nothing behind, and no export may replace the database's own files.
    """
    path = Path(path)
    try:
        # Before a suffix is added: "-o minutes/" is a folder, not "minutes.pdf".
        check_output_path(path)
    except FileRefused as error:
        raise RuleViolation(str(error)) from None
    if path.suffix.lower() != f".{fmt}":
        path = (
            path.with_suffix(path.suffix + f".{fmt}")
            if path.suffix
            else path.with_suffix(f".{fmt}")
        )
    files, folders = database_files(desk.db.path)
    try:
        target = check_output_path(path, protected_files=files, protected_folders=folders)
    except FileRefused as error:
        raise RuleViolation(str(error)) from None
    data = render_minutes(desk, meeting_id, fmt, confidential)
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


def _revision_ends(data: bytes) -> list[int]:
    """Where each earlier revision of a PDF updated incrementally (as signing does)
    ends: an incremental update appends to the file, so every earlier revision is
    a prefix ending just after one of its ``%%EOF`` markers. At most
    ``MAX_PDF_REVISIONS`` of them: a signed file has one or two."""
    ends: list[int] = []
    start = 0
    while len(ends) < MAX_PDF_REVISIONS and (found := data.find(b"%%EOF", start)) != -1:
        end = found + len(b"%%EOF")
        while end < len(data) and data[end : end + 1] in (b"\r", b"\n"):
            end += 1
        if end < len(data):
            ends.append(end)
        start = found + 1
    return ends


def earlier_pdf_revisions(data: bytes) -> list[bytes]:
    """Each earlier revision of a PDF updated incrementally (as signing does)."""
    return [data[:end] for end in _revision_ends(data)]


def _earlier_revision_digests(data: bytes) -> list[str]:
    """The SHA-256 of each earlier revision, hashed in one pass (no copies)."""
    digests = []
    running = hashlib.sha256()
    done = 0
    view = memoryview(data)
    for end in _revision_ends(data):
        running.update(view[done:end])
        done = end
        digests.append(running.copy().hexdigest())
    return digests


def verify_file(desk: Desk, path: Path) -> Verdict:
    """Is this file one ClerkDesk exported, unchanged since? For which meeting?

    A PDF the chair has since signed still verifies: its exported revision is
    intact, and the signature was added after it.
    """
    try:
        data = read_input_file(
            path,
            max_bytes=MAX_VERIFIED_FILE_BYTES,
            too_large="No minutes ClerkDesk exports are that large.",
        )
    except FileRefused as error:
        raise RuleViolation(str(error)) from None
    found = _logged_export(desk, sha256_of(data))
    signed_later = False
    if found is None and data.startswith(b"%PDF"):
        for digest in _earlier_revision_digests(data):
            found = _logged_export(desk, digest)
            if found is not None:
                signed_later = True
                break
    if found is None:
        return Verdict(
            False,
            f"{shown(Path(path.name))} is NOT a file exported by this ClerkDesk database, "
            "or it has been changed since it was exported (its SHA-256 matches no export).",
        )
    export, meeting, committee = found
    state = (
        "was exported by ClerkDesk and has since been signed or annotated"
        if (signed_later)
        else "is unchanged"
    )
    return Verdict(
        True,
        f"{shown(Path(path.name))} {state}: the {export.version} minutes ({export.format}) of "
        f"{committee.name} on {meeting.date:%d %B %Y} (meeting {meeting.id}), exported "
        f"{export.exported_at:%d %B %Y at %H.%M} by {export.clerk}.",
        meeting.id,
    )


def _logged_export(desk: Desk, digest: str) -> tuple[ExportRow, MeetingRow, CommitteeRow] | None:
    with desk.db.session() as session:
        row = session.execute(
            select(ExportRow, MeetingRow, CommitteeRow)
            .join(MeetingRow, MeetingRow.id == ExportRow.meeting_id)
            .join(CommitteeRow, CommitteeRow.id == MeetingRow.committee_id)
            .where(ExportRow.sha256 == digest)
            .order_by(ExportRow.id)
        ).first()
        return None if row is None else (row[0], row[1], row[2])

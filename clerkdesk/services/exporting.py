"""Exporting minutes to files, with a log that lets any file be verified later."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.persistence.records import load_record
from clerkdesk.persistence.schema import CommitteeRow, ExportRow, MeetingRow
from clerkdesk.services.context import Desk, now, write_audit

FORMATS = ("docx", "pdf")


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    message: str
    meeting_id: int | None = None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
    """Write the minutes to ``path`` and log the file's SHA-256 against the meeting."""
    if path.suffix.lower() != f".{fmt}":
        path = (
            path.with_suffix(path.suffix + f".{fmt}")
            if path.suffix
            else path.with_suffix(f".{fmt}")
        )
    data = render_minutes(desk, meeting_id, fmt, confidential)
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
            )
        )
        write_audit(session, desk, meeting_id, f"Export {version} minutes as {fmt}", path.name)
    return path


def earlier_pdf_revisions(data: bytes) -> list[bytes]:
    """Each earlier revision of a PDF updated incrementally (as signing does).

    An incremental update appends to the file, so every earlier revision is a
    prefix ending just after one of its ``%%EOF`` markers.
    """
    prefixes = []
    start = 0
    while (found := data.find(b"%%EOF", start)) != -1:
        end = found + len(b"%%EOF")
        while end < len(data) and data[end : end + 1] in (b"\r", b"\n"):
            end += 1
        if end < len(data):
            prefixes.append(data[:end])
        start = found + 1
    return prefixes


def verify_file(desk: Desk, path: Path) -> Verdict:
    """Is this file one ClerkDesk exported, unchanged since? For which meeting?

    A PDF the chair has since signed still verifies: its exported revision is
    intact, and the signature was added after it.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RuleViolation(f"Cannot read {path}: {error.strerror}.") from None
    found = _logged_export(desk, sha256_of(data))
    signed_later = False
    if found is None and data.startswith(b"%PDF"):
        for revision in earlier_pdf_revisions(data):
            found = _logged_export(desk, sha256_of(revision))
            if found is not None:
                signed_later = True
                break
    if found is None:
        return Verdict(
            False,
            f"{path.name} is NOT a file exported by this ClerkDesk database, or it has been "
            "changed since it was exported (its SHA-256 matches no export).",
        )
    export, meeting, committee = found
    state = (
        "was exported by ClerkDesk and has since been signed or annotated"
        if (signed_later)
        else "is unchanged"
    )
    return Verdict(
        True,
        f"{path.name} {state}: the {export.version} minutes ({export.format}) of "
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

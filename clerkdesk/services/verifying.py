"""Is this file minutes that this database exported, and what has happened to it since?

A Word file verifies only as it was exported, byte for byte (its SHA-256 is
in the export log). A PDF verifies when:

1. a revision of it (the file up to one of its ``%%EOF`` markers) is a file
   this database exported, by its SHA-256 in the export log;
2. everything after that revision is a proper incremental update of it, not
   bytes or another document appended;
3. the certification signature in the exported revision is intact, and
   pyHanko's difference analysis finds every later revision within what it
   permits: filling the Chairman's signature and date fields, and signing;
   nothing else (the changes are named from :mod:`clerkdesk.export.pdf_changes`).

Each signature added after export is then reported: the signer's name from
the certificate, the time the signer gave, and whether the certificate is
trusted, judged against the trusted roots the council has configured.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.persistence.schema import CommitteeRow, ExportRow, MeetingRow
from clerkdesk.services.context import Desk

# Signing appends a revision or two (each a handful of candidate ends); a file
# claiming hundreds is not worth a look-up each.
MAX_PDF_REVISIONS = 100
# The permitted changes after export: the Chairman fills these two fields.
CHAIR_FIELDS = ("ChairmanSignature", "ChairmanSignatureDate")


@dataclass(frozen=True, slots=True)
class SignatureReport:
    signer: str
    signed_at: dt.datetime | None
    intact: bool
    trusted: bool
    why_not_trusted: str

    @property
    def sentence(self) -> str:
        when = f" on {_when(self.signed_at)}" if self.signed_at else ""
        if not self.intact:
            return f"Signed by {self.signer}{when}, but the signature does NOT match the file."
        trust = (
            "the certificate is trusted"
            if self.trusted
            else f"the certificate is not trusted: {self.why_not_trusted}"
        )
        return f"Signed by {self.signer}{when}; {trust}."


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    message: str
    meeting_id: int | None = None
    signatures: tuple[SignatureReport, ...] = ()


def sha256_of(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def pdf_revisions(data: bytes) -> list[bytes]:
    """The file up to the end of each ``%%EOF`` marker (and its line ends), shortest first.

    An incremental update appends to the file, so every earlier revision is
    one of these prefixes; the last is the whole file if it ends with a marker.
    """
    prefixes: list[bytes] = []
    start = 0
    while len(prefixes) < MAX_PDF_REVISIONS and (found := data.find(b"%%EOF", start)) != -1:
        end = found + len(b"%%EOF")
        prefixes.append(data[:end])
        # The exported file ended with one line end or two; whatever follows may
        # begin with more, so each is a candidate end of the exported revision.
        while end < len(data) and data[end : end + 1] in (b"\r", b"\n") and end - found < 7:
            end += 1
            prefixes.append(data[:end])
        start = found + 1
    return prefixes


def verify_bytes(desk: Desk, name: str, data: bytes, trust_roots: tuple[Any, ...] = ()) -> Verdict:
    """The verdict on a file called ``name`` holding ``data``."""
    found = _logged_export(desk, sha256_of(data))
    if found is not None:
        return Verdict(True, f"{name} is unchanged: {_describe(found)}.", found[1].id)
    if not data.startswith(b"%PDF"):
        return _not_ours(name)
    exported = None
    for revision in reversed(pdf_revisions(data)):
        exported = _logged_export(desk, sha256_of(revision))
        if exported is not None:
            return _judge_later_revisions(name, data, revision, exported, trust_roots)
    return _unknown_certification(desk, name, data)


def _judge_later_revisions(
    name: str,
    data: bytes,
    revision: bytes,
    exported: tuple[ExportRow, MeetingRow, CommitteeRow],
    trust_roots: tuple[Any, ...],
) -> Verdict:
    what = _describe(exported)
    meeting_id = exported[1].id
    rest = data[len(revision) :].lstrip(b"\r\n\t \x00")
    if rest.startswith(b"%PDF"):
        return _changed(name, what, ["another PDF document was appended after the export"])
    reader = _pdf_reader(data)
    if reader is None:
        return _changed(name, what, ["bytes that are not a PDF update were added after export"])
    signatures = list(reader.embedded_signatures)
    certification = next((s for s in signatures if s.field_name == _certification_field()), None)
    if certification is None:
        return _changed(name, what, ["the certification signature was removed after export"])
    status = _validate(certification, (certification.signer_cert,))
    sentences = _not_permitted(status, revision, data)
    if sentences:
        if b"/ChairmanSignature" not in revision and any("signature" in s for s in sentences):
            sentences.append(
                "these minutes were exported before approval, without a signature "
                "field, and a draft cannot be signed as approved minutes"
            )
        return _changed(name, what, sentences)
    reports = tuple(
        _report(signature, trust_roots)
        for signature in signatures
        if signature is not certification
    )
    added = " ".join(report.sentence for report in reports)
    if not reports:
        added = "Nothing was added but a permitted update."
    return Verdict(
        all(report.intact for report in reports),
        f"{name} is unchanged since export: {what}. {added}",
        meeting_id,
        reports,
    )


def _not_permitted(status: Any, revision: bytes, data: bytes) -> list[str]:
    """Plain sentences for what the later revisions did beyond the permitted."""
    from pyhanko.sign.diff_analysis import ModificationLevel

    from clerkdesk.export.pdf_changes import describe_changes

    if not (status.intact and status.valid):
        return ["the exported revision's certification signature does not match it"]
    level = status.modification_level
    changed: set[str] = getattr(status.diff_result, "changed_form_fields", set())
    permitted = (
        status.docmdp_ok
        and level in (ModificationLevel.NONE, ModificationLevel.FORM_FILLING)
        and set(changed) <= set(CHAIR_FIELDS)
    )
    try:
        sentences = describe_changes(revision, data, CHAIR_FIELDS)
    except Exception:  # a file pypdf cannot read is a change in itself
        sentences = ["the file's structure was changed after export so that it cannot be read"]
    if permitted or (level is ModificationLevel.LTA_UPDATES and not sentences):
        return sentences
    return sentences or [f"the file was changed after export ({status.diff_result})"]


def _report(signature: Any, trust_roots: tuple[Any, ...]) -> SignatureReport:
    cert = signature.signer_cert
    signer = str(cert.subject.native.get("common_name") or cert.subject.human_friendly)
    status = _validate(signature, trust_roots)
    intact = bool(status.intact and status.valid)
    why = ""
    if not trust_roots:
        why = "no trusted roots are set (Settings › Certificates, or --trust-roots)"
    elif not status.trusted:
        why = (
            f"it was issued by “{cert.issuer.human_friendly}”, which is not among the trusted roots"
        )
    return SignatureReport(signer, status.signer_reported_dt, intact, bool(status.trusted), why)


def _validate(signature: Any, trust_roots: tuple[Any, ...]) -> Any:
    """pyHanko's status of one signature; its own complaints go to the log."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from clerkdesk.export.pdf_diff_policy import tagged_diff_policy

    pyhanko_log = logging.getLogger("pyhanko")
    was = pyhanko_log.level
    pyhanko_log.setLevel(logging.CRITICAL)  # untrusted chains are expected, not errors
    try:
        context = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False)
        return validate_pdf_signature(signature, context, diff_policy=tagged_diff_policy())
    finally:
        pyhanko_log.setLevel(was)


def _unknown_certification(desk: Desk, name: str, data: bytes) -> Verdict:
    """Not an export of this database: say whose certification it carries, if any."""
    from clerkdesk.export.certify import fingerprint_of

    reader = _pdf_reader(data)
    signatures = [] if reader is None else list(reader.embedded_signatures)
    certification = next((s for s in signatures if s.field_name == _certification_field()), None)
    if certification is None:
        return _not_ours(name)
    cert = certification.signer_cert
    fingerprint = fingerprint_of(cert.dump())
    with desk.db.session() as session:
        used = session.scalar(
            select(ExportRow.id).where(ExportRow.certificate_sha256 == fingerprint).limit(1)
        )
    if used is not None:
        return Verdict(
            False,
            f"{name} is NOT an unchanged ClerkDesk export: it carries this database's "
            "certification, but no export matches it; it was changed since, or made from "
            "a changed copy.",
        )
    return Verdict(
        False,
        f"{name} is NOT minutes exported by this database: it is certified by "
        f"“{cert.subject.human_friendly}” (certificate {fingerprint[:16]}…), a key this "
        "database never used, however alike the name.",
    )


def _pdf_reader(data: bytes) -> Any:
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        reader.embedded_signatures  # noqa: B018 (reads the signature fields: may fail)
    except Exception:
        return None
    return reader


def _certification_field() -> str:
    from clerkdesk.export.certify import CERTIFICATION_FIELD

    return CERTIFICATION_FIELD


def _changed(name: str, what: str, sentences: list[str]) -> Verdict:
    said = "; ".join(sentences)
    return Verdict(
        False,
        f"{name} HAS BEEN CHANGED since it was exported ({what}): {said}.",
    )


def _not_ours(name: str) -> Verdict:
    return Verdict(
        False,
        f"{name} is NOT a file exported by this ClerkDesk database, or it has been "
        "changed since it was exported (its SHA-256 matches no export).",
    )


def _describe(found: tuple[ExportRow, MeetingRow, CommitteeRow]) -> str:
    export, meeting, committee = found
    return (
        f"the {export.version} minutes ({export.format}) of {committee.name} on "
        f"{meeting.date:%d %B %Y} (meeting {meeting.id}), exported "
        f"{export.exported_at:%d %B %Y at %H.%M} by {export.clerk}"
    )


def _when(moment: dt.datetime) -> str:
    local = moment.astimezone()
    return f"{local.day} {local:%B %Y at %H.%M}"


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


def load_trust_roots(paths: list[Path]) -> tuple[Any, ...]:
    """The certificates in PEM or DER files the council trusts as roots."""
    from asn1crypto import pem, x509  # type: ignore[import-untyped]

    roots: list[Any] = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise RuleViolation(
                f"Cannot read the trusted roots {path}: {error.strerror}."
            ) from None
        try:
            blocks = (
                [der for _, _, der in pem.unarmor(data, multiple=True)]
                if pem.detect(data)
                else [data]
            )
            roots += [x509.Certificate.load(der) for der in blocks]
            for root in roots:
                root.native  # noqa: B018 (parses it whole: a damaged one fails here)
        except (ValueError, TypeError):
            raise RuleViolation(
                f"{path.name} holds no certificate ClerkDesk can read: give a .pem or .cer "
                "file with the council's root certificate(s)."
            ) from None
    return tuple(roots)


# Minutes run to a few megabytes, more once signed; a larger file is not one of ours.
MAX_VERIFIED_FILE_BYTES = 100 * 2**20


def read_minutes_file(path: Path) -> bytes:
    """The file's bytes: an ordinary file, within the size minutes can have."""
    from clerkdesk.file_io import FileRefused, read_input_file

    try:
        return read_input_file(
            path,
            max_bytes=MAX_VERIFIED_FILE_BYTES,
            too_large="No minutes ClerkDesk exports are that large.",
        )
    except FileRefused as error:
        raise RuleViolation(str(error)) from None


def verify_file(desk: Desk, path: Path, trust_roots: tuple[Any, ...] = ()) -> Verdict:
    """The verdict on the file at ``path`` (see the module's description)."""
    from clerkdesk.file_io import shown

    return verify_bytes(desk, shown(Path(path.name)), read_minutes_file(path), trust_roots)

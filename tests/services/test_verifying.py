"""verify sees every change made after export; only the Chairman's signing passes."""

from __future__ import annotations

import calendar
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers

from clerkdesk.cli import main
from clerkdesk.export.certify import (
    CERTIFICATION_FIELD,
    DATE_FIELD,
    SIGNATURE_FIELD,
    machine_certifier,
)
from clerkdesk.services.exporting import export_meeting
from clerkdesk.services.lifecycle import approve_minutes
from clerkdesk.services.signing import sign_minutes_file
from clerkdesk.services.verifying import load_trust_roots, verify_file
from tests.conftest import DemoDb

from .certificates import PASSWORD, Pki, make_pki


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def approved(demo: DemoDb, tmp_path: Path) -> Path:
    approve_minutes(demo.desk, demo.january_10, "C B Wyatt-Lowe")
    return export_meeting(demo.desk, demo.january_10, "pdf", False, tmp_path / "approved.pdf")


@pytest.fixture
def draft(demo: DemoDb, tmp_path: Path) -> Path:
    return export_meeting(demo.desk, demo.january_30, "pdf", False, tmp_path / "draft.pdf")


@pytest.fixture
def signed(demo: DemoDb, approved: Path, pki: Pki, tmp_path: Path) -> Path:
    out = tmp_path / "signed.pdf"
    sign_minutes_file(demo.desk, approved, pki.chair_p12, PASSWORD, out)
    return out


def _field_names(path: Path) -> set[str]:
    reader = PdfFileReader(io.BytesIO(path.read_bytes()))
    return {str(ref.get_object()["/T"]) for ref in reader.root["/AcroForm"]["/Fields"]}


def _incremental(data: bytes, change: Callable[[Any], None]) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _replace_page_one(writer: Any) -> None:
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    forged = generic.StreamObject(
        stream_data=b"BT /F1 24 Tf 72 700 Td (FORGED: the recommendation was LOST) Tj ET"
    )
    page["/Contents"] = writer.add_object(forged)
    writer.update_container(page)


def _change_title_and_author(writer: Any) -> None:
    info = writer.trailer["/Info"].get_object()
    info["/Title"] = generic.TextStringObject("Minutes as they should have been")
    info["/Author"] = generic.TextStringObject("Mallory")
    writer.update_container(info)


def _add_signature_field(writer: Any) -> None:
    spec = fields.SigFieldSpec(sig_field_name="Extra", on_page=0, box=(10, 10, 100, 50))
    fields.append_signature_field(writer, spec)


TAMPERING: dict[str, tuple[Callable[[bytes, bytes], bytes], str]] = {
    "page replaced": (
        lambda data, other: _incremental(data, _replace_page_one),
        "page 1's text was replaced after export",
    ),
    "title and author": (
        lambda data, other: _incremental(data, _change_title_and_author),
        "the document's title and author were changed after export",
    ),
    "pdf appended": (
        lambda data, other: data + b"\n" + other,
        "another PDF document was appended after the export",
    ),
    "pdf appended, no newline": (
        lambda data, other: data + other,
        "another PDF document was appended after the export",
    ),
    "byte changed": (
        lambda data, other: data[:2000] + bytes([data[2000] ^ 0x20]) + data[2001:],
        "it carries this database's certification, but no export matches it",
    ),
    "signature field added": (
        lambda data, other: _incremental(data, _add_signature_field),
        "a new signature field “Extra” was added after export",
    ),
}


@pytest.mark.parametrize("kind", TAMPERING)
def test_every_tampering_is_caught_and_named(
    kind: str, demo: DemoDb, approved: Path, draft: Path, tmp_path: Path
) -> None:
    tamper, sentence = TAMPERING[kind]
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(tamper(approved.read_bytes(), draft.read_bytes()))
    verdict = verify_file(demo.desk, changed)
    assert not verdict.ok
    assert sentence in verdict.message


def test_the_same_tampering_after_signing_is_caught(
    demo: DemoDb, signed: Path, tmp_path: Path
) -> None:
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(_incremental(signed.read_bytes(), _replace_page_one))
    verdict = verify_file(demo.desk, changed)
    assert not verdict.ok and "page 1's text was replaced after export" in verdict.message


def test_an_unchanged_export_verifies(demo: DemoDb, approved: Path) -> None:
    verdict = verify_file(demo.desk, approved)
    assert verdict.ok and verdict.meeting_id == demo.january_10
    assert verdict.message.startswith("approved.pdf is unchanged: the public minutes (pdf)")


def test_only_approved_minutes_carry_the_chairmans_fields(approved: Path, draft: Path) -> None:
    assert {SIGNATURE_FIELD, DATE_FIELD} <= _field_names(approved)
    assert _field_names(draft) == {CERTIFICATION_FIELD}


def test_signed_minutes_verify_and_name_the_signer(demo: DemoDb, signed: Path, pki: Pki) -> None:
    verdict = verify_file(demo.desk, signed)
    assert verdict.ok, verdict.message
    assert "is unchanged since export" in verdict.message
    [report] = verdict.signatures
    assert report.signer == "Colette Wyatt-Lowe" and report.intact and not report.trusted
    assert "Signed by Colette Wyatt-Lowe on " in verdict.message
    assert "the certificate is not trusted: no trusted roots are set" in verdict.message
    trusted = verify_file(demo.desk, signed, load_trust_roots([pki.root_pem]))
    assert trusted.ok and trusted.signatures[0].trusted
    assert "; the certificate is trusted." in trusted.message
    other = verify_file(demo.desk, signed, load_trust_roots([pki.other_root_pem]))
    assert other.ok and not other.signatures[0].trusted
    assert "issued by “Common Name: Test Council Root CA”, which is not among" in other.message


def test_the_date_of_signing_is_filled_on_the_date_line(signed: Path) -> None:
    reader = PdfFileReader(io.BytesIO(signed.read_bytes()))
    [date] = [
        ref.get_object()
        for ref in reader.root["/AcroForm"]["/Fields"]
        if ref.get_object()["/T"] == DATE_FIELD
    ]
    assert str(date["/V"]).split()[1] in calendar.month_name
    assert "/AP" in date


def test_a_draft_cannot_be_signed(demo: DemoDb, draft: Path, pki: Pki, tmp_path: Path) -> None:
    from clerkdesk.domain.errors import RuleViolation

    with pytest.raises(RuleViolation, match="only approved minutes"):
        sign_minutes_file(demo.desk, draft, pki.chair_p12, PASSWORD, tmp_path / "s.pdf")
    assert not (tmp_path / "s.pdf").exists()


def test_a_draft_signed_by_another_program_is_reported(
    demo: DemoDb, draft: Path, pki: Pki, tmp_path: Path
) -> None:
    signer = signers.SimpleSigner.load_pkcs12(str(pki.chair_p12), passphrase=PASSWORD)
    writer = IncrementalPdfFileWriter(io.BytesIO(draft.read_bytes()))
    spec = fields.SigFieldSpec("Signature1", on_page=0, box=(10, 10, 200, 60))
    meta = signers.PdfSignatureMetadata(field_name="Signature1")
    out = signers.PdfSigner(meta, signer=signer, new_field_spec=spec).sign_pdf(writer)
    forged = tmp_path / "draft-signed.pdf"
    forged.write_bytes(out.getvalue())
    verdict = verify_file(demo.desk, forged)
    assert not verdict.ok
    assert "a new signature field “Signature1” was added and signed after export" in (
        verdict.message
    )
    assert "a draft cannot be signed as approved minutes" in verdict.message


def test_a_look_alike_certification_is_not_this_databases(
    demo: DemoDb, approved: Path, tmp_path: Path
) -> None:
    """The same name on a certificate made elsewhere: any reader shows it alike."""
    from clerkdesk.export import export_minutes
    from clerkdesk.services.records_io import get_record

    impostor = machine_certifier(tmp_path / "someone-elses-keys")
    assert impostor.fingerprint != machine_certifier().fingerprint
    record = get_record(demo.desk, demo.january_10)
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(export_minutes(record, "pdf", False, certifier=impostor))
    verdict = verify_file(demo.desk, forged)
    assert not verdict.ok
    assert "a key this database never used, however alike the name" in verdict.message


def test_the_export_log_keeps_the_certificates_fingerprint(demo: DemoDb, approved: Path) -> None:
    from sqlalchemy import select

    from clerkdesk.persistence.schema import ExportRow

    with demo.db.session() as session:
        fingerprints = session.scalars(select(ExportRow.certificate_sha256)).all()
    assert fingerprints == [machine_certifier().fingerprint]


@pytest.mark.sqlite_only  # the command line names a file (--db)
def test_cli_sign_then_verify_with_and_without_trust(
    demo: DemoDb, approved: Path, pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo.db.dispose()
    db = str(demo.path)
    password = tmp_path / "password.txt"
    password.write_bytes(PASSWORD + b"\n")
    out = tmp_path / "signed.pdf"
    args = ["--db", db, "sign", str(approved), "--certificate", str(pki.chair_p12)]
    assert main([*args, "--password-file", str(password), "-o", str(out)]) == 0
    said = capsys.readouterr()
    assert "signed by Colette Wyatt-Lowe" in said.out
    assert PASSWORD.decode() not in said.out + said.err
    assert main(["--db", db, "verify", str(out)]) == 0
    assert "not trusted" in capsys.readouterr().out
    assert main(["--db", db, "verify", str(out), "--trust-roots", str(pki.root_pem)]) == 0
    assert "the certificate is trusted" in capsys.readouterr().out
    out.write_bytes(_incremental(out.read_bytes(), _replace_page_one))
    assert main(["--db", db, "verify", str(out)]) == 1
    assert "HAS BEEN CHANGED" in capsys.readouterr().out


@pytest.mark.sqlite_only  # the command line names a file (--db)
def test_cli_sign_refuses_a_wrong_password_and_writes_nothing(
    demo: DemoDb, approved: Path, pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo.db.dispose()
    password = tmp_path / "password.txt"
    password.write_bytes(b"wrong\n")
    out = tmp_path / "signed.pdf"
    args = ["--db", str(demo.path), "sign", str(approved), "--certificate", str(pki.chair_p12)]
    assert main([*args, "--password-file", str(password), "-o", str(out)]) == 2
    assert "the password is wrong" in capsys.readouterr().err
    assert not out.exists()


def test_cli_verify_bad_input_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "verify", str(tmp_path / "missing.pdf")]) == 2
    roots = tmp_path / "roots.pem"
    roots.write_text("not a certificate")
    some = tmp_path / "some.pdf"
    some.write_bytes(b"%PDF-1.4 nothing")
    assert main(["--db", db, "verify", str(some), "--trust-roots", str(roots)]) == 2
    assert "holds no certificate ClerkDesk can read" in capsys.readouterr().err
    assert main(["--db", db, "verify", str(some)]) == 1


@pytest.mark.sqlite_only  # the command line names a file (--db)
def test_exports_certified_by_the_councils_certificate_verify_and_are_logged(
    demo: DemoDb, pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import select

    from clerkdesk.persistence.schema import ExportRow
    from tests.services.certificates import make_person, make_root, write_p12

    root = make_root("Test Council Root CA")
    council = write_p12(tmp_path / "council.p12", *make_person("Example Council", root), [root[1]])
    demo.db.dispose()
    db = str(demo.path)
    password = tmp_path / "password.txt"
    password.write_bytes(PASSWORD)
    out = tmp_path / "m.pdf"
    args = ["--db", db, "export", "1", "--format", "pdf", "-o", str(out)]
    assert (
        main([*args, "--certify-with", str(council), "--certify-password-file", str(password)]) == 0
    )
    assert main(["--db", db, "verify", str(out)]) == 0
    capsys.readouterr()
    reader = PdfFileReader(io.BytesIO(out.read_bytes()))
    [certification] = reader.embedded_signatures
    assert certification.signer_cert.subject.native["common_name"] == "Example Council"
    from clerkdesk.persistence.database import open_database

    again = open_database(demo.path)
    try:
        with again.session() as session:
            [logged] = session.scalars(select(ExportRow.certificate_sha256)).all()
    finally:
        again.dispose()
    from clerkdesk.export.certify import fingerprint_of

    assert logged == fingerprint_of(certification.signer_cert.dump())
    password.write_bytes(b"wrong")
    assert (
        main([*args, "--certify-with", str(council), "--certify-password-file", str(password)]) == 2
    )
    assert "the password is wrong" in capsys.readouterr().err


def _retitle_a_heading(writer: Any) -> None:
    """Make the committee's heading (the H1) a paragraph: the structure a screen
    reader follows, changed without a visible difference."""
    heading = writer.root["/StructTreeRoot"]["/K"]["/K"][1].get_object()
    heading["/S"] = generic.NameObject("/P")
    writer.update_container(heading)


def _move_the_chairmans_field(writer: Any) -> None:
    """The widget the structure tree names (tagged, so its changes are looked at
    along that path too), moved off the signature line."""
    for ref in writer.root["/AcroForm"]["/Fields"]:
        widget = ref.get_object()
        if widget["/T"] == "ChairmanSignature":
            widget["/Rect"] = generic.ArrayObject([generic.FloatObject(v) for v in (0, 0, 99, 9)])
            writer.update_container(widget)


@pytest.mark.parametrize("change", [_retitle_a_heading, _move_the_chairmans_field])
def test_changes_to_the_tagged_structure_are_caught(
    change: Callable[[Any], None], demo: DemoDb, approved: Path, tmp_path: Path
) -> None:
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(_incremental(approved.read_bytes(), change))
    verdict = verify_file(demo.desk, changed)
    assert not verdict.ok and "HAS BEEN CHANGED" in verdict.message


def test_signing_keeps_the_structure_and_the_pdfa_identification(signed: Path) -> None:
    from pypdf import PdfReader

    root = PdfReader(signed).trailer["/Root"]
    xmp = root["/Metadata"].get_data()
    assert b"pdfaid" in xmp and b"pdfuaid" in xmp
    assert b'rdf:resource="http://www.aiim.org/pdfua/ns/id/"' not in xmp
    document = root["/StructTreeRoot"]["/K"]
    elements = [e.get_object() for e in document["/K"]]
    signature = next(e for e in elements if e.get("/S") == "/Div")
    forms = [e.get_object() for e in signature["/K"]]
    forms = [e for e in forms if e.get("/S") == "/Form"]
    fields = [form["/K"][0].get_object()["/Obj"] for form in forms]
    assert {str(field["/T"]) for field in fields} == {
        "ChairmanSignature",
        "ChairmanSignatureDate",
    }
    assert all(field.get("/V") is not None for field in fields)  # signed and dated

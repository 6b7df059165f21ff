"""The exported PDF is certified (DocMDP), and leaves the Chairman's signature field empty."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.generic import TextStringObject
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm, enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from clerkdesk.export.certify import (
    CERT_FILE,
    KEY_FILE,
    SIGNATURE_FIELD,
    ChairFields,
    ensure_certificate,
)

Exported = Callable[[str, str, bool], bytes]


def _context(key_dir: Path) -> ValidationContext:
    """Trust the ClerkDesk certificate itself: the test is of integrity, not identity."""
    cert = load_cert_from_pemder(str(key_dir / CERT_FILE))  # type: ignore[no-untyped-call]
    return ValidationContext(trust_roots=[cert])


def test_pdf_is_certified_and_intact(exported: Exported, key_dir: Path) -> None:
    reader = PdfFileReader(io.BytesIO(exported("herts", "pdf", False)))
    signatures = reader.embedded_signatures
    assert len(signatures) == 1
    signature = signatures[0]
    assert signature.docmdp_level is MDPPerm.FILL_FORMS
    assert "/DocMDP" in reader.root["/Perms"]
    status = validate_pdf_signature(signature, _context(key_dir))
    assert status.intact and status.valid  # self-signed: integrity, not trust
    assert status.coverage is SignatureCoverageLevel.ENTIRE_FILE
    assert status.docmdp_ok


def test_chairman_field_is_empty_and_on_the_last_page(exported: Exported) -> None:
    reader = PdfFileReader(io.BytesIO(exported("rich approved", "pdf", True)))
    fields = {name: (value, ref) for name, value, ref in enumerate_sig_fields(reader)}
    assert SIGNATURE_FIELD in fields
    value, ref = fields[SIGNATURE_FIELD]
    assert value is None  # unsigned
    field = ref.get_object()
    pages = _pages(reader.root["/Pages"])
    assert len(pages) >= 2
    assert field["/P"] == pages[-1]
    assert field["/P"] != pages[0]
    x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
    assert x2 - x1 > 100 and y2 - y1 > 30


def _pages(node: Any) -> list[Any]:
    found: list[Any] = []
    for kid in node["/Kids"]:
        obj = kid.get_object()
        found += _pages(obj) if obj["/Type"] == "/Pages" else [obj]
    return found


def test_later_changes_are_detectable(exported: Exported, key_dir: Path) -> None:
    data = exported("herts", "pdf", False)
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    writer.root["/Lang"] = TextStringObject("fr")
    writer.update_root()  # type: ignore[no-untyped-call]
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    reader = PdfFileReader(out)
    status = validate_pdf_signature(reader.embedded_signatures[0], _context(key_dir))
    assert status.intact  # the signed bytes are untouched...
    assert not status.docmdp_ok  # ...but the change is not one the certification allows


def test_certificate_is_made_once_and_kept(tmp_path: Path) -> None:
    key, cert = ensure_certificate(tmp_path / "keys")
    assert key.name == KEY_FILE and cert.name == CERT_FILE
    assert key.stat().st_mode & 0o077 == 0
    before = cert.read_bytes()
    ensure_certificate(tmp_path / "keys")
    assert cert.read_bytes() == before


def test_signing_key_is_loaded_once_per_process(tmp_path: Path, monkeypatch: Any) -> None:
    from cryptography.hazmat.primitives import serialization

    from clerkdesk.export import certify

    loads: list[bytes] = []
    real = serialization.load_pem_private_key

    def counting(data: bytes, password: bytes | None, **kwargs: Any) -> Any:
        loads.append(data)
        return real(data, password, **kwargs)

    monkeypatch.setattr(serialization, "load_pem_private_key", counting)
    pdf, box = _tiny_pdf()
    for _ in range(3):
        chair = ChairFields(signature_box=box, date_box=(400, 100, 500, 114))
        signed = certify.certify_pdf(pdf, chair, certify.machine_certifier(tmp_path))
        status = validate_pdf_signature(
            PdfFileReader(io.BytesIO(signed)).embedded_signatures[0], _context(tmp_path)
        )
        assert status.intact and status.valid
    assert len(loads) == 1


def _tiny_pdf() -> tuple[bytes, tuple[int, int, int, int]]:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "Minutes")
    canvas.save()
    return out.getvalue(), (100, 100, 300, 150)

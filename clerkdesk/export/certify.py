"""Certify an exported PDF so that later changes are detectable.

The PDF gets an empty signature field for the Chairman on its last page, and
is then certified (a DocMDP signature, permissions FILL_FORMS) with a
self-signed ClerkDesk certificate kept in a key directory. Signing the
Chairman's field afterwards is allowed; any other change shows as a
modification when the certification signature is validated.

The certificate proves integrity, not identity: it is self-signed, made on
first use on this machine.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

KEY_FILE = "clerkdesk-key.pem"
CERT_FILE = "clerkdesk-cert.pem"
CERTIFICATION_FIELD = "ClerkDeskCertification"


def default_key_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("ClerkDesk", appauthor=False) / "keys"


def ensure_certificate(key_dir: Path) -> tuple[Path, Path]:
    """The key and certificate files in ``key_dir``, made (self-signed) if missing."""
    key_path, cert_path = key_dir / KEY_FILE, key_dir / CERT_FILE
    if key_path.is_file() and cert_path.is_file():
        return key_path, cert_path
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key_dir.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "ClerkDesk minutes certification"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ClerkDesk"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * 20))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    key_bytes = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    # Written owner-only; a half-written pair is never left to be loaded.
    tmp_key = key_path.with_suffix(".tmp")
    fd = os.open(tmp_key, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key_bytes)
    tmp_cert = cert_path.with_suffix(".tmp")
    tmp_cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    os.replace(tmp_key, key_path)
    os.replace(tmp_cert, cert_path)
    return key_path, cert_path


def certify_pdf(
    pdf: bytes,
    *,
    signature_box: tuple[int, int, int, int],
    field_name: str,
    key_dir: Path | None = None,
    on_page: int = -1,
) -> bytes:
    """Add the empty signature field ``field_name`` and certify the result."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import MDPPerm, SigFieldSpec

    key_path, cert_path = ensure_certificate(key_dir or default_key_dir())
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    fields.append_signature_field(
        writer, SigFieldSpec(sig_field_name=field_name, on_page=on_page, box=signature_box)
    )
    signer = signers.SimpleSigner.load(  # type: ignore[no-untyped-call]
        str(key_path), str(cert_path)
    )
    if signer is None:
        raise RuntimeError(f"Could not load the ClerkDesk signing key from {key_path.parent}.")
    meta = signers.PdfSignatureMetadata(
        field_name=CERTIFICATION_FIELD,
        certify=True,
        docmdp_permissions=MDPPerm.FILL_FORMS,
        reason="Minutes as exported by ClerkDesk",
        name="ClerkDesk",
    )
    pdf_signer = signers.PdfSigner(
        meta, signer=signer, new_field_spec=SigFieldSpec(sig_field_name=CERTIFICATION_FIELD)
    )
    out = pdf_signer.sign_pdf(writer)
    data: bytes = out.getvalue()
    return data

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
from pathlib import Path
from typing import Any

from clerkdesk.file_io import write_file_atomically

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
    # Written owner-only (a new file from ``file_io`` is), each complete or not at
    # all: a key without its certificate is made again as a pair.
    write_file_atomically(key_path, key_bytes)
    write_file_atomically(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


_SIGNERS: dict[tuple[Path, int, int], Any] = {}
_HASHES = ("sha256", "sha384", "sha512")


def _signer(key_dir: Path) -> tuple[Any, int]:
    """The signer for ``key_dir`` and the bytes to reserve for its signature.

    Loaded once per process (and again only if the files change): loading and
    checking an RSA key costs more than signing. pyHanko's own SimpleSigner
    also re-parses the key for every signature; this one keeps the parsed key.
    """
    from asn1crypto import keys  # type: ignore[import-untyped]
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key_path, cert_path = ensure_certificate(key_dir)
    cache_key = (key_path.resolve(), key_path.stat().st_mtime_ns, cert_path.stat().st_mtime_ns)
    if cache_key in _SIGNERS:
        return _SIGNERS[cache_key]  # type: ignore[no-any-return]
    loaded = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    if not isinstance(loaded, RSAPrivateKey):
        raise RuntimeError(f"The ClerkDesk signing key in {key_dir} is not an RSA key.")
    pyca_key: RSAPrivateKey = loaded
    der = pyca_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    cert = load_cert_from_pemder(str(cert_path))  # type: ignore[no-untyped-call]

    class KeptKeySigner(SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            if mechanism.signature_algo != "rsassa_pkcs1v15" or digest_algorithm not in _HASHES:
                return super().sign_raw(data, digest_algorithm)
            algorithm = getattr(hashes, digest_algorithm.upper())()
            return pyca_key.sign(data, PKCS1v15(), algorithm)

    signer = KeptKeySigner(
        signing_cert=cert,
        signing_key=keys.PrivateKeyInfo.load(der),
        cert_registry=SimpleCertificateStore(),  # type: ignore[no-untyped-call]
    )
    # Room for the CMS container (the certificate, the signature, signed attributes),
    # counted in hex digits as pyHanko writes it; saves pyHanko a trial signature.
    reserved = 2 * (len(cert.dump()) + pyca_key.key_size // 8 + 2048)
    _SIGNERS.clear()
    _SIGNERS[cache_key] = (signer, reserved)
    return signer, reserved


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

    signer, reserved = _signer(key_dir or default_key_dir())
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    fields.append_signature_field(
        writer, SigFieldSpec(sig_field_name=field_name, on_page=on_page, box=signature_box)
    )
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
    out = pdf_signer.sign_pdf(writer, bytes_reserved=reserved)
    data: bytes = out.getvalue()
    return data

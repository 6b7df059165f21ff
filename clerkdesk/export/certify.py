"""Certify an exported PDF so that later changes are detectable.

Approved minutes get an empty signature field for the Chairman on their last
page, and a date field on the DATE line; drafts get neither, so nobody can
sign minutes that are not yet approved. The file is then certified (a DocMDP
signature, permissions FILL_FORMS) by a ``Certifier``: signing the
Chairman's field and filling the date afterwards are allowed; any other
change shows when the certification is validated (services/verifying.py).

Two kinds of certifier. By default a self-signed certificate made on first
use on this machine and named as such: it proves "exported by ClerkDesk on
this machine, unchanged since", never who exported it. A council can give
ClerkDesk its own certificate (a PKCS#12 file) instead, issued by its
certification authority, which does say who certified the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clerkdesk.file_io import write_file_atomically
from clerkdesk.private_files import make_private_folder

KEY_FILE = "clerkdesk-key.pem"
CERT_FILE = "clerkdesk-cert.pem"
CERTIFICATION_FIELD = "ClerkDeskCertification"
# What the machine's own certificate calls itself: what it proves, and what not.
SELF_SIGNED_NAME = "ClerkDesk self-signed export seal"
SELF_SIGNED_UNIT = "Proves the file is unchanged since export, not who exported it"


@dataclass(frozen=True, slots=True)
class Certifier:
    """Who certifies exports: the signer, its certificate's SHA-256 and a label."""

    signer: Any  # pyhanko.sign.signers.Signer
    reserved: int  # hex digits to reserve for the signature
    fingerprint: str
    label: str


def fingerprint_of(certificate_der: bytes) -> str:
    """A certificate's SHA-256 fingerprint, as the export log keeps it."""
    return hashlib.sha256(certificate_der).hexdigest()


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

    make_private_folder(key_dir)  # 0700: only this user may see or swap the key
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, SELF_SIGNED_NAME),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, SELF_SIGNED_UNIT),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"ClerkDesk on {socket.gethostname()}"),
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


_SIGNERS: dict[tuple[Path, int, int], Certifier] = {}
_HASHES = ("sha256", "sha384", "sha512")


def machine_certifier(key_dir: Path | None = None) -> Certifier:
    """The certifier of this machine's self-signed certificate in ``key_dir``.

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

    key_dir = key_dir or default_key_dir()
    key_path, cert_path = ensure_certificate(key_dir)
    cache_key = (key_path.resolve(), key_path.stat().st_mtime_ns, cert_path.stat().st_mtime_ns)
    if cache_key in _SIGNERS:
        return _SIGNERS[cache_key]
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
    subject = cert.subject.native.get("common_name", SELF_SIGNED_NAME)
    certifier = Certifier(
        signer, reserved, fingerprint_of(cert.dump()), f"{subject} (self-signed, this machine)"
    )
    _SIGNERS.clear()
    _SIGNERS[cache_key] = certifier
    return certifier


def council_certifier(pkcs12: Path, password: bytes | None) -> Certifier:
    """A certifier from the council's own certificate and key (a PKCS#12 file)."""
    from pyhanko.sign.signers import SimpleSigner

    signer = load_pkcs12_signer(pkcs12, password, SimpleSigner)
    cert = signer.signing_cert
    chain = sum(len(c.dump()) for c in signer.cert_registry)
    reserved = 2 * (len(cert.dump()) + chain + 8192)
    name = cert.subject.native.get("common_name", "the council's certificate")
    return Certifier(signer, reserved, fingerprint_of(cert.dump()), name)


def load_pkcs12_signer(path: Path, password: bytes | None, signer_class: Any) -> Any:
    """Load a signer from a PKCS#12 file, refusing plainly what cannot be used."""
    from clerkdesk.domain.errors import RuleViolation

    try:
        data = path.read_bytes()
    except OSError as error:
        raise RuleViolation(f"Cannot read the certificate {path}: {error.strerror}.") from None
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        pkcs12.load_key_and_certificates(data, password)
    except ValueError:
        raise RuleViolation(
            f"{path.name} could not be opened: the password is wrong, or it is not a "
            "PKCS#12 (.p12 or .pfx) certificate file. Check both and try again."
        ) from None
    signer = signer_class.load_pkcs12(str(path), passphrase=password)
    if signer is None:
        raise RuleViolation(
            f"{path.name} holds no private key and certificate that can sign. "
            "Use the .p12 or .pfx file your certificate was issued in."
        )
    return signer


@dataclass(frozen=True, slots=True)
class ChairFields:
    """Where the Chairman signs, and where the date of signing goes (PDF points)."""

    signature_box: tuple[int, int, int, int]
    date_box: tuple[int, int, int, int]
    on_page: int = -1


SIGNATURE_FIELD = "ChairmanSignature"
DATE_FIELD = "ChairmanSignatureDate"


def metadata_keeping_writer(pdf: bytes) -> Any:
    """pyHanko's incremental writer, except that it leaves the metadata alone.

    pyHanko otherwise rewrites the XMP of every file it signs (and in doing so
    turns the PDF/A extension schema's namespace text into a URI resource,
    which PDF/A does not allow) and appends itself to the producer in the
    information dictionary but not in the XMP. The exported minutes carry
    metadata that identifies them as PDF/A and PDF/UA; a signature leaves it
    as it was.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    class MetadataKeepingWriter(IncrementalPdfFileWriter):
        def _update_meta(self) -> None:
            return

    return MetadataKeepingWriter(io.BytesIO(pdf))


def certify_pdf(pdf: bytes, chair: ChairFields | None, certifier: Certifier) -> bytes:
    """Certify ``pdf``; with ``chair``, first add the empty fields the chair fills.

    (The exported minutes have their fields made, tagged, when the PDF is
    finished: see :mod:`clerkdesk.export.pdf_finish`; they pass no ``chair``.)
    """
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import MDPPerm, SigFieldSpec

    writer = metadata_keeping_writer(pdf)
    if chair is not None:
        fields.append_signature_field(
            writer,
            SigFieldSpec(
                sig_field_name=SIGNATURE_FIELD, on_page=chair.on_page, box=chair.signature_box
            ),
        )
        add_date_field(writer, chair)
    meta = signers.PdfSignatureMetadata(
        field_name=CERTIFICATION_FIELD,
        certify=True,
        docmdp_permissions=MDPPerm.FILL_FORMS,
        reason="Minutes as exported by ClerkDesk",
        name="ClerkDesk",
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer=certifier.signer,
        new_field_spec=SigFieldSpec(sig_field_name=CERTIFICATION_FIELD),
    )
    out = pdf_signer.sign_pdf(writer, bytes_reserved=certifier.reserved)
    data: bytes = out.getvalue()
    return data


def add_date_field(writer: Any, chair: ChairFields) -> None:
    """An empty text field on the DATE line, filled when the chair signs."""
    from pyhanko.pdf_utils import generic as typed_generic

    generic: Any = typed_generic  # pyHanko's object constructors are not annotated

    pages = writer.root["/Pages"]
    page_ref = _page_refs(pages)[chair.on_page]
    field = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Annot"),
            generic.NameObject("/Subtype"): generic.NameObject("/Widget"),
            generic.NameObject("/FT"): generic.NameObject("/Tx"),
            generic.NameObject("/T"): generic.TextStringObject(DATE_FIELD),
            generic.NameObject("/TU"): generic.TextStringObject("Date the Chairman signed"),
            generic.NameObject("/Rect"): generic.ArrayObject(
                [generic.FloatObject(v) for v in chair.date_box]
            ),
            generic.NameObject("/F"): generic.NumberObject(4),  # printed
            generic.NameObject("/P"): page_ref,
            generic.NameObject("/DA"): generic.TextStringObject("/Helv 10 Tf 0 g"),
        }
    )
    field_ref = writer.add_object(field)
    page = page_ref.get_object()
    annots = page.get("/Annots")
    if annots is None:
        page[generic.NameObject("/Annots")] = generic.ArrayObject([field_ref])
    else:
        annots.get_object().append(field_ref)
        if isinstance(annots, generic.IndirectObject):
            writer.mark_update(annots)
    writer.update_container(page)
    form = writer.root["/AcroForm"]
    form["/Fields"].append(field_ref)
    if "/DR" not in form:
        helvetica = generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Font"),
                generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
                generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
            }
        )
        form[generic.NameObject("/DR")] = generic.DictionaryObject(
            {
                generic.NameObject("/Font"): generic.DictionaryObject(
                    {generic.NameObject("/Helv"): writer.add_object(helvetica)}
                )
            }
        )
    writer.update_container(form)


def _page_refs(node: Any) -> list[Any]:
    found: list[Any] = []
    for kid in node["/Kids"]:
        obj = kid.get_object()
        found += _page_refs(obj) if obj["/Type"] == "/Pages" else [kid]
    return found

"""Throwaway certificates for the signing tests: a council root and a chair's PKCS#12."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

PASSWORD = b"correct horse battery staple"


@dataclass(frozen=True)
class Pki:
    root_pem: Path
    chair_p12: Path
    other_root_pem: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def make_root(common_name: str) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(ca=True), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def make_person(
    common_name: str, issuer: tuple[rsa.RSAPrivateKey, x509.Certificate] | None = None
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    """A signing certificate issued by ``issuer``, or self-signed when there is none."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    issuer_key, issuer_cert = issuer or (key, None)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(issuer_cert.subject if issuer_cert else _name(common_name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(_usage(ca=False), critical=True)
        .sign(issuer_key, hashes.SHA256())
    )
    return key, cert


def write_p12(
    path: Path,
    key: rsa.RSAPrivateKey,
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    password: bytes | None = PASSWORD,
) -> Path:
    encryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"key", key, cert, chain, encryption))
    return path


def make_pki(folder: Path) -> Pki:
    folder.mkdir(parents=True, exist_ok=True)
    root = make_root("Test Council Root CA")
    _, other = make_root("Some Other Root CA")
    chair_key, chair_cert = make_person("Colette Wyatt-Lowe", root)
    root_pem = folder / "council-root.pem"
    root_pem.write_bytes(root[1].public_bytes(serialization.Encoding.PEM))
    other_pem = folder / "other-root.pem"
    other_pem.write_bytes(other.public_bytes(serialization.Encoding.PEM))
    chair = write_p12(folder / "chair.p12", chair_key, chair_cert, [root[1]])
    return Pki(root_pem, chair, other_pem)

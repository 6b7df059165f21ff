"""The command line's certificate commands: verify, sign, and export's certifier.

verify exits 0 when the file is minutes this database exported, unchanged
but for the permitted signing; 1 when it was changed, is not this
database's, or was certified by a key this database did not use; 2 for bad
input. A password is read from a file or typed at a prompt, used once, and
never printed, logged or stored.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

TRUST_ROOTS_ENV = "CLERKDESK_TRUST_ROOTS"


def add_certificate_commands(commands: Any) -> None:
    verify = commands.add_parser(
        "verify", help="is this file minutes this database exported, changed since only by signing?"
    )
    verify.add_argument("file", type=Path)
    verify.add_argument(
        "--trust-roots",
        type=Path,
        action="append",
        default=[],
        metavar="PEM",
        help=f"the council's root certificate(s), to judge signers by (or {TRUST_ROOTS_ENV})",
    )
    sign = commands.add_parser("sign", help="sign approved minutes (PDF) as the Chairman")
    sign.add_argument("file", type=Path)
    sign.add_argument("--certificate", type=Path, required=True, metavar="CERT.p12")
    sign.add_argument("--password-file", type=Path, metavar="FILE")
    sign.add_argument("-o", "--output", type=Path, required=True)


def add_certify_options(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--certify-with",
        type=Path,
        metavar="CERT.p12",
        help="certify the PDF with the council's certificate, not this machine's self-signed one",
    )
    export.add_argument("--certify-password-file", type=Path, metavar="FILE")


def certifier_from(args: argparse.Namespace) -> Any:
    """The council's certifier if ``--certify-with`` was given, else None (this machine's)."""
    if getattr(args, "certify_with", None) is None:
        return None
    from clerkdesk.export.certify import council_certifier

    password = read_password(args.certify_password_file, "Password for the council's certificate")
    return council_certifier(_existing(args.certify_with), password)


def read_password(path: Path | None, prompt: str) -> bytes | None:
    """The password: the first line of ``path``, else typed at a terminal, else none."""
    from clerkdesk.cli import UsageError

    if path is not None:
        try:
            with _existing(path).open("rb") as handle:
                line = handle.readline(4096)
        except OSError as error:
            raise UsageError(f"{path}: cannot read the password file ({error.strerror}).") from None
        return line.rstrip(b"\r\n")
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"{prompt}: ").encode()
    return None


def trust_roots_from(args: argparse.Namespace) -> tuple[Any, ...]:
    from clerkdesk.services.verifying import load_trust_roots

    paths = list(args.trust_roots)
    if not paths and os.environ.get(TRUST_ROOTS_ENV):
        paths = [Path(p) for p in os.environ[TRUST_ROOTS_ENV].split(os.pathsep) if p]
    return load_trust_roots([_existing(p) for p in paths])


def cmd_verify(args: argparse.Namespace) -> int:
    from clerkdesk.cli import _desk
    from clerkdesk.services.verifying import verify_file

    verdict = verify_file(_desk(args), _existing(args.file), trust_roots_from(args))
    print(verdict.message)
    return 0 if verdict.ok else 1


def cmd_sign(args: argparse.Namespace) -> int:
    from clerkdesk.cli import _desk
    from clerkdesk.services.signing import sign_minutes_file

    password = read_password(args.password_file, "Password for your signing certificate")
    signed = sign_minutes_file(
        _desk(args), _existing(args.file), _existing(args.certificate), password, args.output
    )
    print(f"{args.output}: signed by {signed.signer}")
    return 0


def _existing(path: Path) -> Path:
    """``path`` if it is an ordinary file (not a folder, pipe or device), else refused
    (FileRefused: main() says why, as for any bad input)."""
    from clerkdesk.file_io import require_ordinary_file

    require_ordinary_file(path)
    return path

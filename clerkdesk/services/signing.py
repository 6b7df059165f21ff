"""The Chairman signs the approved minutes this database exported."""

from __future__ import annotations

import os
from pathlib import Path

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.export.signing import Signed, sign_as_chair
from clerkdesk.file_io import present, write_file_atomically
from clerkdesk.services.context import Desk, write_audit
from clerkdesk.services.exporting import output_target
from clerkdesk.services.verifying import read_minutes_file, verify_bytes


def sign_minutes_file(
    desk: Desk, path: Path, pkcs12: Path, password: bytes | None, output: Path
) -> Signed:
    """Sign the minutes at ``path`` with the certificate in ``pkcs12``, into ``output``.

    Only a file this database exported, unchanged since, can be signed; the
    signed copy is written whole or not at all, never over the original.
    """
    data = read_minutes_file(path)
    verdict = verify_bytes(desk, path.name, data)
    if not verdict.ok or verdict.meeting_id is None:
        raise RuleViolation(f"Not signed: {verdict.message}")
    target = output_target(desk, output)
    if present(target) is not None and os.path.samefile(target, path):
        raise RuleViolation(
            "Give the signed copy another name: the exported file is kept as it was exported."
        )
    signed = sign_as_chair(data, pkcs12, password)
    try:
        write_file_atomically(target, signed.data)
    except OSError as error:
        raise RuleViolation(
            f"Cannot write {output}: {error.strerror}. Choose another folder and sign again."
        ) from None
    with desk.db.session() as session:
        write_audit(
            session, desk, verdict.meeting_id, f"Minutes signed by {signed.signer}", output.name
        )
    return signed

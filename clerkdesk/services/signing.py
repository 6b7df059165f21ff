"""The Chairman signs the approved minutes this database exported."""

from __future__ import annotations

import os
from pathlib import Path

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.export.signing import Signed, sign_as_chair
from clerkdesk.services.context import Desk, write_audit
from clerkdesk.services.exporting import write_atomically
from clerkdesk.services.verifying import verify_bytes


def sign_minutes_file(
    desk: Desk, path: Path, pkcs12: Path, password: bytes | None, output: Path
) -> Signed:
    """Sign the minutes at ``path`` with the certificate in ``pkcs12``, into ``output``.

    Only a file this database exported, unchanged since, can be signed; the
    signed copy is written whole or not at all, never over the original.
    """
    if output.exists() and os.path.samefile(output, path):
        raise RuleViolation(
            "Give the signed copy another name: the exported file is kept as it was exported."
        )
    data = path.read_bytes()
    verdict = verify_bytes(desk, path.name, data)
    if not verdict.ok or verdict.meeting_id is None:
        raise RuleViolation(f"Not signed: {verdict.message}")
    signed = sign_as_chair(data, pkcs12, password)
    try:
        write_atomically(output, signed.data)
    except OSError as error:
        raise RuleViolation(
            f"Cannot write {output}: {error.strerror}. Choose another folder and sign again."
        ) from None
    with desk.db.session() as session:
        write_audit(
            session, desk, verdict.meeting_id, f"Minutes signed by {signed.signer}", output.name
        )
    return signed

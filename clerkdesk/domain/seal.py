"""The seal of approved minutes: a SHA-256 digest of the record as approved.

Approval seals the record; each correction made afterwards seals the record as
corrected, chained to the seal before it, so the latest seal vouches for the
record as it stands and names the one before. The digest is taken over a
canonical serialisation of the meeting record document (``dump_record``):
keys sorted, no spaces, UTF-8, with the seals themselves and the interest kinds
left out (the kinds are the database's rules, the same for every meeting, not
part of this record). A dump carries no database ids, so the seal is the same
in any database the record is loaded into.

The digest shows that a record was changed after approval by anyone who did not
also recompute it; it is not a signature (the signed PDF is that).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from clerkdesk.domain.errors import InvalidRecordError
from clerkdesk.domain.model import MeetingRecord, MeetingStatus
from clerkdesk.domain.record_json import dump_record

SEAL_PREFIX = "sha256:"
_DOMAIN = b"clerkdesk-meeting-seal/1\n"


def canonical_content(document: dict[str, Any]) -> bytes:
    """The bytes a seal is taken over: the document without seals or interest kinds."""
    content = {k: v for k, v in document.items() if k != "interest_kinds"}
    content["meeting"] = {k: v for k, v in document["meeting"].items() if k != "seal"}
    content["corrections"] = [
        {k: v for k, v in c.items() if k != "seal"} for c in document.get("corrections") or []
    ]
    text = json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )
    return text.encode("utf-8")


def next_seal(previous: str | None, record: MeetingRecord) -> str:
    """The seal of ``record`` chained to ``previous`` (None at approval)."""
    digest = hashlib.sha256(_DOMAIN)
    digest.update((previous or "").encode("ascii") + b"\n")
    digest.update(canonical_content(dump_record(record)))
    return SEAL_PREFIX + digest.hexdigest()


def was_approved(record: MeetingRecord) -> bool:
    """Whether anything in the record says its minutes were approved."""
    return (
        record.status is MeetingStatus.APPROVED
        or record.approved_at is not None
        or record.approved_by is not None
        or bool(record.corrections)
        or record.seal is not None
        or any(c.seal is not None for c in record.corrections)
    )


def current_and_previous(record: MeetingRecord) -> tuple[str | None, str | None]:
    """The latest seal in the chain and the one it is chained to.

    Links are the approval's seal, then each correction's. A meeting approved
    before seals existed was sealed as it stood when the database was upgraded
    (persistence/seals.py), so its earlier corrections carry none: the chain
    runs through the seals there are.
    """
    links = [s for s in (record.seal, *(c.seal for c in record.corrections)) if s is not None]
    return (links[-1] if links else None), (links[-2] if len(links) > 1 else None)


def check_seal(record: MeetingRecord) -> None:
    """Refuse an approved record whose seal is missing or does not match it."""
    if not was_approved(record):
        return
    changed = (
        "The meeting record was changed after approval: {}. Approved minutes change only "
        "by a correction made in ClerkDesk; load the record as it was dumped."
    )
    if record.status is not MeetingStatus.APPROVED:
        raise InvalidRecordError(
            changed.format(
                f'its status is "{record.status.value}" but it carries an approval '
                "(approved_at, approved_by, a correction or a seal)"
            )
        )
    current, previous = current_and_previous(record)
    if current is None:
        raise InvalidRecordError(changed.format("it is approved but has no seal"))
    if next_seal(previous, record) != current:
        raise InvalidRecordError(changed.format("its content does not match its seal"))

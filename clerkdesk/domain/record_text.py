"""Which characters a meeting record's text may hold: the rule, pure.

A clerk's text can carry characters nobody sees, pasted from a damaged
document or another program: NUL and the other C0 control characters, the
two Unicode non-characters U+FFFE and U+FFFF, half of a UTF-16 surrogate
pair. None of them is part of what anybody said at a meeting, and each
breaks something a record must do: PostgreSQL refuses NUL in text, so a team
server would refuse what a laptop's file accepts; Word documents cannot hold
any of them (XML 1.0); a surrogate half cannot be written as UTF-8 at all.
So a record's text holds only XML 1.0's characters, on every backend alike:
newline, tab and carriage return are text, the rest of C0 is not.
"""

from __future__ import annotations

import re

from clerkdesk.domain.errors import RuleViolation

NOT_RECORD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def check_record_text(text: str, field: str) -> None:
    """Refuse ``text`` for ``field`` ("The minute paragraph's text") if it
    holds a character no record may hold, naming the first such character."""
    found = NOT_RECORD_TEXT.search(text)
    if found is None:
        return
    where = f" after “{text[: found.start()][-30:]}”" if found.start() else " at its start"
    raise RuleViolation(
        f"{field} holds a character that is not text (U+{ord(found.group()):04X}){where}. "
        "Such characters come from pasting out of a damaged document or another "
        "program and cannot be part of a meeting record. Delete it (it may show as a "
        "small box, or not at all) or type the text again. Nothing was recorded."
    )

"""The quorum from an agenda's front page, as a number or as a rule worked out.

"Quorum: 3", "Quorum: three members", "(Quorum 3)", "The quorum is five."
are read as they stand.

Standing orders often give the quorum as a share: "one third of the members,
or three, whichever is greater" (a parish council's, by law), "one quarter of
the membership, with a minimum of three", "more than half". A share of a
membership is never less than the share, so a third of ten is four. The
result is the parser's arithmetic, not what the paper says: the caller marks
it for the clerk to confirm.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

from clerkdesk.importing.cleaning import squash

_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve"
_WORD_NUMBERS = {word: value for value, word in enumerate(_NUMBER_WORDS.split(), start=1)}
_WORD_NUMBERS["a"] = 1
_QUORUM = re.compile(
    r"\bquorum\b(?:\W{0,3}(?:is\s+|of\s+|=\s*)?|[^.;:\n]{0,60}?\b(?:is|shall\s+be|will\s+be)\s+)"
    r"(?:(?P<fraction>(?:(?:a|one|two|three|\d)[\s-]+(?:half|third|quarter|fifth)s?|half)\b"
    r"[^.;:()\n]{0,50}|\d{1,2}\s*/\s*\d{1,2}\b[^.;:()\n]{0,50}|\d{1,3}\s*(?:%|per\s*cent)[^.;:()\n]{0,50})"
    r"|(?P<count>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)",
    re.IGNORECASE,
)

# "Three members form a quorum.": the number before the word.
_FORM_A_QUORUM = re.compile(
    r"\b(?P<count>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:voting\s+)?(?:members|councillors)\s+(?:shall\s+|will\s+)?"
    r"(?:form|forms|constitute|make\s+up|are)\s+(?:a|the)\s+quorum\b",
    re.IGNORECASE,
)
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5}
_COUNT = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS.split()) + ")"
_SHARE = re.compile(
    r"(?P<majority>more\s+than\s+(?:one\s+)?half|(?:a\s+|simple\s+)?majority)"
    r"|(?P<num>a|one|two|three|\d)[\s-]+(?P<den>half|third|quarter|fourth|fifth)s?\b"
    r"|(?P<top>\d{1,2})\s*/\s*(?P<bottom>\d{1,2})\b"
    r"|(?P<percent>\d{1,3})\s*(?:%|per\s*cent)"
    r"|(?P<half>\bhalf\b)",
    re.IGNORECASE,
)
_MINIMUM = re.compile(
    rf"(?:(?:and\s+)?(?:never|not|no)\s+(?:fewer|less)\s+than|(?:with\s+)?(?:a\s+)?minimum\s+of"
    rf"|at\s+least|subject\s+to\s+a\s+minimum\s+of)\s+(?P<min>{_COUNT})\b"
    rf"|\bor\s+(?P<either>{_COUNT})\b(?:\s+(?:members|councillors))?,?\s*whichever\s+is\s+"
    r"(?:the\s+)?(?:greater|more|larger|higher)",
    re.IGNORECASE,
)


def work_out_quorum(rule: str, members: int) -> int | None:
    """The quorum ``rule`` gives for ``members`` voting members, or None if it is unclear."""
    if members <= 0:
        return None
    share = _SHARE.search(rule)
    if share is None:
        return None
    majority = share.group("majority") is not None
    quorum = members // 2 + 1 if majority else math.ceil(_fraction(share) * members)
    minimum = _MINIMUM.search(rule[share.end() :])
    if minimum:
        floor = _count(minimum.group("min") or minimum.group("either"))
        quorum = max(quorum, floor)
    return quorum if 0 < quorum <= max(members, 1) or minimum else None


def _fraction(share: re.Match[str]) -> Fraction:
    if share.group("den"):
        top = share.group("num").lower()
        numerator = int(top) if top.isdigit() else _WORD_NUMBERS[top]
        return Fraction(numerator, _DENOMINATORS[share.group("den").lower()])
    if share.group("top"):
        bottom = int(share.group("bottom")) or 1
        return Fraction(int(share.group("top")), bottom)
    if share.group("percent"):
        return Fraction(int(share.group("percent")), 100)
    return Fraction(1, 2)


def _count(text: str) -> int:
    lowered = text.lower()
    return int(lowered) if lowered.isdigit() else _WORD_NUMBERS[lowered]


def find_quorum(lines: list[str]) -> tuple[int | None, str | None]:
    """The quorum, or None and the wording when it is a share ("one third of the membership")."""
    for line in lines:
        match = _QUORUM.search(line) if len(line) < 1000 else None
        if match and match.group("fraction"):
            # The whole rule, "one third ..., or three, whichever is greater", for working out.
            rule = squash(line[match.start("fraction") :])[:200]
            return None, rule.rstrip(" ,-–.")
        match = match or (_FORM_A_QUORUM.search(line) if len(line) < 1000 else None)
        if match:
            count = match.group("count").lower()
            return (int(count) if count.isdigit() else _WORD_NUMBERS[count]), None
    return None, None

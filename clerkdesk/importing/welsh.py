"""Agendas of Welsh councils, published in Welsh and English.

A bilingual agenda gives each heading in both languages, side by side
("Ymddiheuriadau am absenoldeb / Apologies for absence") or one after the
other. ClerkDesk keeps one set of items, in English, and the Welsh title
beside each where there is one. Which side is Welsh is told by its words:
Welsh function words and endings that English titles do not have.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WELSH_WORDS = _words(
    """y yr ac am ar o yn gan ei eu ym yng dros neu gyda ac i'r o'r a'r rhan eitem
    cyngor sir pwyllgor cyfarfod cofnodion adroddiad datganiadau ymddiheuriadau absenoldeb
    cynghorydd cynghorwyr aelodau dyddiad amser lleoliad siambr neuadd swyddfeydd dinesig
    diweddariad cadeirydd is-gadeirydd cworwm cymraeg gymraeg materion eraill
    dydd llun mawrth mercher iau gwener sadwrn sul ionawr chwefror ebrill mai mehefin
    gorffennaf awst medi hydref tachwedd rhagfyr"""
)
_WELSH_ENDING = re.compile(r"(?:iadau|iad|aeth|wyr|ydd|ol|au)$")
_WELSH_LETTERS = re.compile(r"^(?:ll|rh|dd|ff)|dd|wy|ae", re.IGNORECASE)
_ENGLISH_WORDS = _words(
    """the of and for to on in with by from at report update minutes meeting council
    committee apologies declarations interest interests absence business items"""
)
_ENGLISH_ENDING = re.compile(r"(?:tion|tions|ment|ments|ing|ness|ity|ies)$")
_WORD = re.compile(r"[a-zâêîôûŵŷ'’\-]+", re.IGNORECASE)
# "Dyddiad / Date: ..." : a label in both languages, then the value.
_LABEL = re.compile(r"^(?P<cy>[^/:\t]{2,40}?)\s*/\s*(?P<en>[^/:\t]{2,40}?)\s*:\s*(?P<value>.*)$")


def welsh_score(text: str) -> int:
    """How much more Welsh than English ``text`` reads (above 0: Welsh)."""
    score = 0
    for word in _WORD.findall(text.lower()):
        word = word.replace("’", "'")
        if word in _ENGLISH_WORDS or _ENGLISH_ENDING.search(word):
            score -= 1
        elif word in _WELSH_WORDS or _WELSH_ENDING.search(word) or _WELSH_LETTERS.search(word):
            score += 1
    return score


def is_welsh(text: str) -> bool:
    return welsh_score(text) > 0


def bilingual(text: str) -> tuple[str, str | None]:
    """(English, Welsh) of "Welsh / English" or "English / Welsh"; else (text, None)."""
    if text.count(" / ") != 1 or _inside_brackets(text, text.index(" / ")):
        return text, None
    left, right = (side.strip() for side in text.split(" / "))
    if not left or not right:
        return text, None
    if left.lower() == right.lower():
        return right, None
    if is_welsh(left) and not is_welsh(right):
        return right, left
    if is_welsh(right) and not is_welsh(left):
        return left, right
    return text, None


def _inside_brackets(text: str, at: int) -> bool:
    return text.count("(", 0, at) > text.count(")", 0, at)


def english_line(line: str) -> str:
    """A header line in English only: "Amser / Time: 10:00" becomes "Time: 10:00"."""
    label = _LABEL.match(line)
    if label and is_welsh(label.group("cy")) and not is_welsh(label.group("en")):
        value = bilingual(label.group("value"))[0]
        return f"{label.group('en').strip()}: {value}"
    english, welsh = bilingual(line)
    return english if welsh is not None or english != line else line

"""Sensible title case for headings that papers print in ALL CAPITALS."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SMALL_WORDS = _words("a an and as at but by for from in into nor of on or per the to via vs with")
_ROMAN = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$", re.IGNORECASE)
# Shouted acronyms that contain vowels, so _looks_like_acronym cannot spot them.
_KNOWN_ACRONYMS = _words(
    """NHS CCG ICB ICT IT HR SEND CIL HMO LGA UK EU MP CEO PCC ASC ACS LD SEN DPI ITT PFI VAT
    CQC DWP DLA AA TPO CPO GP OFSTED SLA KPI PCN QA RAG CCTV ASB LEP IP CAB EQIA AONB SSSI LA
    OSC CMIS BID"""
)
_WORD = re.compile(r"\S+")
_CAPITAL_AFTER_HYPHEN = frozenset({"sub", "vice"})
# Shouted abbreviations without vowels that are words, not acronyms: "SAXBY ST MARY".
_ABBREVIATIONS = {"ST": "St", "MR": "Mr", "MRS": "Mrs", "DR": "Dr", "MS": "Ms", "CLLR": "Cllr"}


def is_mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 4:
        return False
    upper = sum(1 for ch in letters if ch.isupper())
    return upper / len(letters) > 0.8


def tidy_caps(text: str) -> str:
    """Title-case ``text`` if it is shouted; otherwise return it unchanged."""
    if not is_mostly_upper(text):
        return text
    words = _WORD.findall(text)
    out = []
    for index, word in enumerate(words):
        nxt = words[index + 1] if index + 1 < len(words) else ""
        out.append(_case_word(word, first=index == 0, next_word=nxt))
    return " ".join(out)


def _case_word(word: str, *, first: bool, next_word: str) -> str:
    core = word.strip("()[]'\"‘’“”,.:;!?")
    if not core or not any(ch.isalpha() for ch in core):
        return word
    lower = core.lower()
    if any(ch.isdigit() for ch in core) or core.upper() in _KNOWN_ACRONYMS:
        replacement = core
    elif _ROMAN.match(core) and (core.upper() != "I" or not first):
        replacement = core.upper()
    elif len(core) == 1 and core.isalpha() and not (lower == "a" and _is_word(next_word)):
        replacement = core.upper()  # "Room B", "Appendix A"
    elif not first and lower in _SMALL_WORDS:
        replacement = lower
    elif core.upper() in _ABBREVIATIONS:
        replacement = _ABBREVIATIONS[core.upper()]
    elif _looks_like_acronym(core):
        replacement = core
    else:
        head, sep, tail = lower.partition("-")
        if head in _CAPITAL_AFTER_HYPHEN:
            tail = tail[:1].upper() + tail[1:]  # "Sub-Committee", "Vice-Chairman"
        replacement = head[:1].upper() + head[1:] + sep + tail
        replacement = _capitalise_after_apostrophe(replacement)
    return word.replace(core, replacement, 1)


def _is_word(token: str) -> bool:
    return bool(token) and token[0].isalpha()


def _looks_like_acronym(word: str) -> bool:
    # A shouted word with no vowels ("HVCCG", "PCN") cannot be pronounced: keep it.
    letters = word.replace("'", "").replace("’", "")
    return len(letters) >= 2 and letters.isalpha() and not re.search(r"[AEIOUY]", letters)


def _capitalise_after_apostrophe(word: str) -> str:
    # "O'BRIEN" -> "O'Brien" but "COUNCIL'S" -> "Council's".
    if len(word) > 2 and word[1] in "'’" and len(word) > 3:
        return word[:2] + word[2].upper() + word[3:]
    return word

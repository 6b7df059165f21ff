"""Committee membership, roles and quorum from an agenda's front page.

Membership comes as "A; B (Chairman); C" on one line, as comma lists after
"Councillors:", or one name per line, with "Cllr"/"Councillor" prefixes and
roles in brackets, after a dash or as "Chair: Cllr X".
"""

from __future__ import annotations

import re

from clerkdesk.importing.cleaning import squash, without_bullet
from clerkdesk.importing.model import ParsedMember, Role

_BODY = r"(?:panel|committee|sub-committee|council|board|cabinet|commission|forum|group)"
_MEMBERS_HEADING = re.compile(
    r"^(?:(?:committee|sub-committee|panel|board|cabinet)\s+)?(?:members(?:hip)?|councillors)"
    rf"(?:\s+of\s+the\s+(?:[\w&\-]+\s+){{0,4}}?{_BODY})?\b"
    r"\s*(?:\(\d{1,3}\))?\s*(?:\(\s*quorum[^)]{0,40}\))?\s*(?:[:\-–]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_ROLE_PREFIX = re.compile(
    r"^(?P<role>vice[\s-]?chair(?:man|woman|person)?|chair(?:man|woman|person)?)\s*[:\-–]\s*",
    re.IGNORECASE,
)
_ROLE_WORD = re.compile(r"\b(vice[\s-]?)?chair(?:man|woman|person)?\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\(([^()]{0,80})\)")
_TITLE_PREFIX = re.compile(
    r"^(?:(?:county|district|borough|parish|town|city)\s+)?"
    r"(?:councillors?|cllrs?\.?)\s+",
    re.IGNORECASE,
)
_ROLE_SUFFIX = re.compile(
    r"\s*(?:[,\-–—]\s*|\s)\(?((?:vice[\s-]?)?chair(?:man|woman|person)?)\)?\s*$",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.\-]*|[A-Z]\.?|de|van|von|der|le|la|da|du|di|bin|al-\w+)$")
_QUORUM = re.compile(
    r"\bquorum\b\W{0,3}(?:is\s+|of\s+|=\s*)?(?P<count>\d{1,3}|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve"
_WORD_NUMBERS = {word: value for value, word in enumerate(_NUMBER_WORDS.split(), start=1)}
_MAX_LINES = 40


def find_quorum(lines: list[str]) -> int | None:
    for line in lines:
        match = _QUORUM.search(line)
        if match:
            count = match.group("count").lower()
            return int(count) if count.isdigit() else _WORD_NUMBERS[count]
    return None


def find_members(lines: list[str]) -> tuple[ParsedMember, ...]:
    """Members listed under the first membership heading in ``lines``."""
    for index, line in enumerate(lines):
        heading = _MEMBERS_HEADING.match(line) if len(line) < 200 else None
        if heading is None:
            continue
        rest = heading.group("rest") or ""
        members = _parse_block([rest] if rest.strip() else [], lines[index + 1 :])
        if members:
            return tuple(_unique(members))
    return ()


def _parse_block(first: list[str], following: list[str]) -> list[ParsedMember]:
    members: list[ParsedMember] = []
    for line in [*first, *following[:_MAX_LINES]]:
        if not line.strip():
            continue  # PDFs and Word often put one member per paragraph
        found = _parse_line(without_bullet(line))
        if not found:
            break
        members.extend(found)
    return members


def _parse_line(line: str) -> list[ParsedMember]:
    line = squash(line.replace("\t", "; "))
    prefix = _ROLE_PREFIX.match(line)
    prefixed_role: Role | None = None
    if prefix:
        prefixed_role = _role_of(prefix.group("role"))
        line = line[prefix.end() :]
    separator = ";" if ";" in line else ","
    pieces = [p.strip() for p in line.split(separator)]
    if pieces and " and " in pieces[-1] and separator == ",":
        pieces[-1:] = pieces[-1].split(" and ")
    members: list[ParsedMember] = []
    for piece in pieces:
        if not piece:
            continue
        if _ROLE_WORD.fullmatch(piece.strip("() ")) and members:
            members[-1] = ParsedMember(members[-1].name, _role_of(piece))
            continue
        member = _parse_member(piece)
        if member is None:
            return []
        members.append(member)
    if prefixed_role and len(members) == 1:
        members[0] = ParsedMember(members[0].name, prefixed_role)
    return members


def _parse_member(piece: str) -> ParsedMember | None:
    role: Role = "member"
    for bracket in _BRACKETS.findall(piece):
        if _ROLE_WORD.search(bracket):
            role = _role_of(bracket)
    name = squash(_BRACKETS.sub(" ", piece)).strip(" .,")
    suffix = _ROLE_SUFFIX.search(name)
    if suffix and len(name) > suffix.end() - suffix.start():
        role = _role_of(suffix.group(1))
        name = name[: suffix.start()].strip(" ,-–")
    name = _TITLE_PREFIX.sub("", name).strip()
    tokens = name.split()
    if not 1 <= len(tokens) <= 6 or not all(_NAME_TOKEN.match(t) for t in tokens):
        return None
    if not any(len(t.strip(".")) > 1 for t in tokens):
        return None
    return ParsedMember(name=name, role=role)


def _role_of(text: str) -> Role:
    lowered = text.lower()
    if "vice" in lowered:
        return "vice-chair"
    return "chair" if "chair" in lowered else "member"


def _unique(members: list[ParsedMember]) -> list[ParsedMember]:
    seen: dict[str, ParsedMember] = {}
    for member in members:
        if member.name not in seen or seen[member.name].role == "member":
            seen[member.name] = member
    return list(seen.values())

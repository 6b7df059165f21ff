"""Committee membership, roles and quorum from an agenda's front page.

Membership comes as "A; B (Chairman); C" on one line, as comma lists after
"Councillors:" or a parish summons ("To: Councillors A Smith (Chairman), ..."),
or one name per line under "Membership:", with "Cllr"/"Councillor" prefixes
and roles in brackets, after a dash or as "Chair: Cllr X". Substitutes (and
reserves) are not members: their list ends the membership.

A quorum written as a share ("one third of the membership") is not turned
into a number: the caller warns the clerk instead.
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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_QUORUM = re.compile(
    r"\bquorum\b(?:\W{0,3}(?:is\s+|of\s+|=\s*)?|[^.;:\n]{0,60}?\b(?:is|shall\s+be|will\s+be)\s+)"
    r"(?:(?P<fraction>(?:(?:a|one|two|three|\d)[\s-]+(?:half|third|quarter|fifth)s?|half)\b"
    r"[^.;:()\n]{0,50}|\d{1,2}\s*/\s*\d{1,2}\b[^.;:()\n]{0,50}|\d{1,3}\s*(?:%|per\s*cent)[^.;:()\n]{0,50})"
    r"|(?P<count>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)",
    re.IGNORECASE,
)
# "To: Councillors A Smith (Chairman), B Jones ..." summons a parish council's members.
_TO_COUNCILLORS = re.compile(
    r"^to\s*[:\-–]?\s*(?:(?:all\s+)?(?:the\s+)?members\s+of\s+(?:the\s+)?[^:;,]{3,80}?\s*[:,\-–]\s*)?"
    r"(?P<rest>(?:councillors?|cllrs?\.?)(?:\s+.*|\s*:?\s*))$",
    re.IGNORECASE,
)
_ONLY_TITLE = re.compile(r"^(?:councillors?|cllrs?\.?)\s*:?\s*$", re.IGNORECASE)
# Substitutes (and reserves) attend in a member's place; they are not members.
_SUBSTITUTES = re.compile(
    r"(?:^|[.;,]\s*|\s)(?:named\s+|the\s+)?(?:substitutes?|substitute\s+members?|reserves?|"
    r"reserve\s+members?|deputies)\b",
    re.IGNORECASE,
)
_NOT_NAME_WORDS = _words(
    """agenda apologies public members membership council councillors committee officer
    officers quorum substitute substitutes substituting meeting date time venue contact services
    democratic item items minutes declarations report reports panel board executive director
    please note notes the dear to from enquiries telephone email tel website summons yours
    sincerely chief cabinet authority all and"""
)
_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve"
_WORD_NUMBERS = {word: value for value, word in enumerate(_NUMBER_WORDS.split(), start=1)}
_MAX_LINES = 40


def find_quorum(lines: list[str]) -> tuple[int | None, str | None]:
    """The quorum, or None and the wording when it is a share ("one third of the membership")."""
    for line in lines:
        match = _QUORUM.search(line) if len(line) < 1000 else None
        if match and match.group("fraction"):
            return None, squash(match.group("fraction")).rstrip(" ,-–")
        if match:
            count = match.group("count").lower()
            return (int(count) if count.isdigit() else _WORD_NUMBERS[count]), None
    return None, None


def find_members(lines: list[str]) -> tuple[ParsedMember, ...]:
    """Members listed under the first membership heading in ``lines``."""
    for index, line in enumerate(lines):
        heading = _MEMBERS_HEADING.match(line) or _TO_COUNCILLORS.match(line)
        if heading is None or len(line) > 1000:
            continue
        rest = heading.group("rest") or ""
        rest = "" if _ONLY_TITLE.match(rest) else rest
        members = _parse_block([rest] if rest.strip() else [], lines[index + 1 :])
        if members:
            return tuple(_unique(members))
    return ()


def _parse_block(first: list[str], following: list[str]) -> list[ParsedMember]:
    members: list[ParsedMember] = []
    for line in [*first, *following[:_MAX_LINES]]:
        if not line.strip():
            continue  # PDFs and Word often put one member per paragraph
        substitutes = _SUBSTITUTES.search(line)
        if substitutes:
            line = line[: substitutes.start()]
        found = _parse_line(without_bullet(line)) if line.strip() else []
        members.extend(found)
        if not found or substitutes:
            break
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
    alone = sum(1 for piece in pieces if piece) == 1
    for piece in pieces:
        if not piece:
            continue
        if _ROLE_WORD.fullmatch(piece.strip("() ")) and members:
            members[-1] = ParsedMember(members[-1].name, _role_of(piece))
            continue
        if "substitut" in piece.lower():
            continue  # "R H Smith (substituting for E H Buckmaster)" is not a member
        member = _parse_member(piece, alone=alone and prefixed_role is None)
        if member is None:
            return []
        members.append(member)
    if prefixed_role and len(members) == 1:
        members[0] = ParsedMember(members[0].name, prefixed_role)
    return members


def _parse_member(piece: str, *, alone: bool = False) -> ParsedMember | None:
    role: Role = "member"
    for bracket in _BRACKETS.findall(piece):
        if _ROLE_WORD.search(bracket):
            role = _role_of(bracket)
    name = squash(_BRACKETS.sub(" ", piece)).strip(" .,")
    suffix = _ROLE_SUFFIX.search(name)
    if suffix and len(name) > suffix.end() - suffix.start():
        role = _role_of(suffix.group(1))
        name = name[: suffix.start()].strip(" ,-–")
    titled = _TITLE_PREFIX.match(name) is not None
    name = _TITLE_PREFIX.sub("", name).strip()
    tokens = name.split()
    if not 1 <= len(tokens) <= 6 or not all(_NAME_TOKEN.match(t) for t in tokens):
        return None
    # A heading after a list of one name per line ends the list: "AGENDA", "Public Speaking".
    heading_like = len(tokens) == 1 or any(t.lower().strip(".") in _NOT_NAME_WORDS for t in tokens)
    if alone and not titled and role == "member" and heading_like:
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

"""Committee membership, roles and quorum from an agenda's front page.

Membership comes after "Members:", "Membership:", "Councillors:" or a
summons's "To: Councillors ...": as a list run on with semicolons or commas
over several lines (a word or a bracket may wrap onto the next line), one
name per line (the role in brackets, after a dash, as "Chair: Cllr X" or on
the line below), or in a table of one, two or three columns (name, body that
appointed them, role). How one member is written: see ``member_names``.
Substitutes (and reserves) are not members: their list ends the membership
and is kept apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from clerkdesk.importing.cleaning import squash, without_bullet
from clerkdesk.importing.member_names import (
    Described,
    Piece,
    describe,
    is_post_nominal,
    is_role_only,
    read_piece,
    settle,
    unclosed,
)
from clerkdesk.importing.model import ParsedMember

_BODY = r"(?:panel|committee|sub-committee|council|board|cabinet|commission|forum|group)"
_MEMBERS_HEADING = re.compile(
    r"^(?:aelodau\s*/\s*)?(?:(?:committee|sub-committee|panel|board|cabinet|authority)\s+)?"
    r"(?:members(?:hip)?|councillors)"
    rf"(?:\s+of\s+the\s+(?:[\w&\-]+\s+){{0,4}}?{_BODY})?\b"
    r"\s*(?:\(\d{1,3}\))?\s*(?:\(\s*quorum[^)]{0,40}\))?\s*(?:[:\-–]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_ROLE_PREFIX = re.compile(
    r"^(?P<role>(?:vice[\s-]?)?chair(?:man|woman|person)?|(?:deputy\s+)?leader)\s*[:\-–]\s*",
    re.IGNORECASE,
)
# "Planning Committee Members:", "Licensing Panel Membership": a heading line on its own.
_LONG_MEMBERS_HEADING = re.compile(
    r"^(?!apologies|substitut|named|reserve|deputies)(?:[\w&'’\-]+\s+){1,5}?"
    r"(?:members(?:hip)?|councillors)\s*:?\s*$",
    re.IGNORECASE,
)
_ROLE_WORD = re.compile(r"\b(vice[\s-]?)?chair(?:man|woman|person)?\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\(([^()]{0,120})\)")
# "Councillors", "County Councillors:" or "Cllrs" before the first name of a list.
# ", Chair" after a name is its role, not a second member.
_ROLE_PIECE = re.compile(r",\s*(?:vice[\s-]?)?chair(?:man|woman|person)?\s*(?=,|$)", re.I)
_TRAILING_JOINER = re.compile(r"(?:\s*[,;]|\s+and)+\s*$", re.IGNORECASE)
_PLURAL_TITLE = re.compile(r"^(?:(?:county|district|borough)\s+)?(?:councillors|cllrs)\b", re.I)
_TITLE_PREFIX_LIST = re.compile(
    r"^(?:(?:cynghorwyr|cynghorydd)\s*/\s*)?(?:(?:county|district|borough|parish|town|city)\s+)?"
    r"(?:councillors|cllrs\.?)\s*:?\s*",
    re.IGNORECASE,
)
# "To: Councillors A Smith (Chairman), B Jones ..." summons a parish council's members.
_TO_COUNCILLORS = re.compile(
    r"^to\s*[:\-–]?\s*(?:(?:all\s+)?(?:the\s+)?members\s+of\s+(?:the\s+)?[^:;,]{3,80}?\s*[:,\-–]\s*)?"
    r"(?P<rest>(?:councillors?|cllrs?\.?)(?:\s+.*|\s*:?\s*))$",
    re.IGNORECASE,
)
# "To the Members of the Town Council:" on a line of its own, the names on the lines below.
_TO_MEMBERS = re.compile(
    r"^to\s*[:\-–]?\s*(?:all\s+)?(?:the\s+)?members\s+of\s+(?:the\s+)?"
    r"[\w&'’ \-]{3,80}?\s*[:,]?\s*$",
    re.IGNORECASE,
)
# "Independent Persons (co-opted, non-voting):": a heading over members of another kind.
_KIND_HEADING = re.compile(r"^[^:]{3,80}:$")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
_ONLY_TITLE = re.compile(r"^(?:councillors?|cllrs?\.?)\s*:?\s*$", re.IGNORECASE)
# Substitutes (and reserves) attend in a member's place; they are not members.
_SUBSTITUTES = re.compile(
    r"(?:^|[.;,]\s*|\s)(?:named\s+|the\s+)?(?:substitute\s+members?|substitutes?|"
    r"reserve\s+members?|reserves?|deputies)\b",
    re.IGNORECASE,
)
_MAX_LINES = 40
_MAX_DESCRIPTION_WORDS = 8


@dataclass(frozen=True, slots=True)
class Membership:
    members: tuple[ParsedMember, ...] = ()
    substitutes: tuple[ParsedMember, ...] = ()


def find_membership(lines: list[str]) -> Membership:
    """Members (and named substitutes) under the first membership heading in ``lines``."""
    for index, line in enumerate(lines):
        heading = _MEMBERS_HEADING.match(line) or _TO_COUNCILLORS.match(line)
        alone = _LONG_MEMBERS_HEADING.match(line) or _TO_MEMBERS.match(line.strip())
        if heading is None and alone is None:
            continue
        if len(line) > 1000:
            continue
        rest = (heading.group("rest") or "") if heading else ""
        rest = "" if _ONLY_TITLE.match(rest) else rest
        following = lines[index + 1 : index + 1 + _MAX_LINES]
        members, substitutes, used = _read_block(rest, following)
        members = _chairs_above(lines[:index]) + members
        if members:
            if not substitutes:
                substitutes = _substitutes_after(following[used:])
            return Membership(tuple(_unique(settle(members))), tuple(_unique(settle(substitutes))))
    return Membership()


def _chairs_above(lines: list[str]) -> list[Piece]:
    """ "Chairman: Cllr A Smith" and "Vice-Chairman: Cllr B Jones" just above "Members: ..."."""
    found: list[Piece] = []
    for line in reversed(lines[-3:]):
        prefix = _ROLE_PREFIX.match(line.strip())
        piece = (
            read_piece(line.strip()[prefix.end() :], extra=prefix.group("role")) if prefix else None
        )
        if piece is None:
            break
        found.insert(0, piece)
    return found


def _read_block(rest: str, following: list[str]) -> tuple[list[Piece], list[Piece], int]:
    """Pieces of the members' list and of any substitutes' list, and the lines used."""
    lines = [line for line in [rest, *following] if line.strip()]
    first = lines[0] if lines else ""
    second = lines[1] if len(lines) > 1 else ""
    if "\t" in first:
        return _read_lines(rest, following)
    # "To: ... – Cllr A Smith" with "(Chair), Cllr B Jones, ..." on the next line runs on too.
    continues = second[:1] == "(" or second[:1].islower()  # "(Chair), Cllr B Jones, ..."
    if _runs_on(first) or (continues and "\t" not in second and _runs_on(f"{first} {second}")):
        run_on = _read_run_on(rest, following)
        # Read as a run-on list it gives at most one member: it is one per line after all.
        return run_on if len(run_on[0]) > 1 else _read_lines(rest, following)
    return _read_lines(rest, following)


def _runs_on(line: str) -> bool:
    """Whether ``line`` starts a list run on over lines, not one member per line."""
    return (
        _split_list(line, check=False)[1] > 1 + len(_ROLE_PIECE.findall(line))
        or line.rstrip().endswith((",", ";", " and"))
        or unclosed(line)
        or _PLURAL_TITLE.match(line) is not None
    )


def _read_run_on(rest: str, following: list[str]) -> tuple[list[Piece], list[Piece], int]:
    """ "Councillors A (Chair), B, C and D" typed over several lines."""
    text = rest.strip()
    used = 0
    if not text:
        while used < len(following) and not following[used].strip():
            used += 1
        text = following[used] if used < len(following) else ""
        used += 1
    pieces, _ = _split_list(text, lenient=True)
    for line in following[used:]:
        if not line.strip() or _SUBSTITUTES.match(line.strip()):
            break
        candidate = f"{text} {line.strip()}"
        joined, _ = _split_list(candidate)
        carries_on = line.strip()[:1] == "(" or line.strip()[:1].islower()
        if joined is None and (carries_on or _split_list(text)[0] is None):
            # The text so far ends part-way through a name ("..., Cllr D" then "White, ...")
            # or the line carries on the last one ("(Chair), ..."): the line belongs to the
            # list, and may itself end part-way through a name.
            joined, _ = _split_list(candidate, lenient=True)
        if joined is None:
            break
        text, pieces, used = candidate, joined, used + 1
    members_text, substitutes_text = _at_substitutes(text)
    members, _ = _split_list(members_text)
    substitutes, _ = _split_list(_TITLE_PREFIX_LIST.sub("", substitutes_text))
    return members or pieces or [], substitutes or [], used


def _at_substitutes(text: str) -> tuple[str, str]:
    found = _SUBSTITUTES.search(text)
    if found is None:
        return text, ""
    return text[: found.start()], text[found.end() :].lstrip(" :-–")


def _split_list(
    text: str, *, check: bool = True, lenient: bool = False
) -> tuple[list[Piece] | None, int]:
    """The members a run-on list names (None if any part is not a member), and how many.

    ``lenient`` lets the last part be unfinished (a name that wraps onto the next line).
    """
    text = _TITLE_PREFIX_LIST.sub("", squash(text.replace("\t", "; "))).rstrip(" .")
    text = _TRAILING_JOINER.sub("", text)  # "..., D White and" at the end of a line
    if _one_described_member(text):
        parts = [text]
        return ([p] if (p := read_piece(text)) else None, 1) if check else (None, 1)
    separator = ";" if ";" in _outside_brackets(text) else ","
    parts = _split_outside_brackets(text, separator)
    if parts and separator == ",":
        parts[-1:] = _split_outside_brackets(parts[-1], " and ")
    elif parts:
        parts[-1:] = _split_outside_brackets(parts[-1], " and ") if len(parts) > 1 else parts[-1:]
    parts = _with_post_nominals(p.strip() for p in parts if p.strip())
    if not check:
        return None, len(parts)
    pieces: list[Piece] = []
    for index, part in enumerate(parts):
        if "substitut" in part.lower():
            continue  # "R H Smith (substituting for E H Buckmaster)" is not a member
        if pieces and _describes_the_last(part):
            # "A Smith, Chairman of the Committee", "Mr B Jones, Independent Member"
            pieces[-1] = _with_role(pieces[-1], part)
            continue
        last = index == len(parts) - 1
        piece = read_piece(_without_unclosed(part) if last else part, alone=len(parts) == 1)
        if piece is None and last and lenient and len(parts) > 1:
            break  # a name the next line finishes
        if piece is None:
            return None, len(parts)
        pieces.append(piece)
    return pieces, len(parts)


def _one_described_member(text: str) -> bool:
    """ "Cllr A Smith – Leader of the Council and Portfolio Holder for Finance": one member,
    what follows the dash describing them (its commas and "and" join no other names)."""
    head, *rest = _SPACED_DASH.split(text, maxsplit=1)
    if not rest or ";" in head or "," in _outside_brackets(head) or " and " in head:
        return False
    tail = re.split(r"\s*[,;]\s*|\s+and\s+", _outside_brackets(rest[0]))
    return read_piece(head) is not None and not any(
        read_piece(t, alone=True) for t in tail if t.strip()
    )


def _with_post_nominals(parts: Iterable[str]) -> list[str]:
    # "Sir Peter Lane, KC (Chair)": letters after a comma belong to the name before.
    out: list[str] = []
    for part in parts:
        if out and is_post_nominal(_BRACKETS.sub(" ", part)):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def _describes_the_last(part: str) -> bool:
    text = part.strip()
    if read_piece(text) is not None:
        return False
    inner = text.strip("() ")
    if _ROLE_WORD.fullmatch(inner) or is_role_only(inner):
        return True
    # A short wording that names a role or kind of member, not a sentence that mentions one.
    return len(inner.split()) <= _MAX_DESCRIPTION_WORDS and describe(inner) != Described()


def _without_unclosed(text: str) -> str:
    # "Mrs M Ellison (Town" at the end of a line: its bracket closes on the next one.
    return text[: text.rindex("(")] if unclosed(text) else text


def _outside_brackets(text: str) -> str:
    return _BRACKETS.sub(" ", text)


def _split_outside_brackets(text: str, separator: str) -> list[str]:
    parts, depth, current = [], 0, ""
    index = 0
    while index < len(text):
        ch = text[index]
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth <= 0 and text.startswith(separator, index):
            parts.append(current)
            current = ""
            index += len(separator)
            continue
        current += ch
        index += 1
    return [*parts, current]


def _read_lines(rest: str, following: list[str]) -> tuple[list[Piece], list[Piece], int]:
    """One member per line (or per table cell), roles in brackets, cells or the line below."""
    members: list[Piece] = []
    substitutes: list[Piece] = []
    target = members
    row_start = -1  # where the last table row's members start in ``target``
    kind_wording = ""  # a heading such as "Co-opted members (non-voting):" over those below
    used = 0
    lines = [rest] if rest.strip() else []
    offset = len(lines)
    for number, raw in enumerate([*lines, *following]):
        line = without_bullet(raw.strip())
        if not line:
            continue
        marker = _SUBSTITUTES.match(line)
        if marker and members:
            target = substitutes
            line = _TITLE_PREFIX_LIST.sub("", line[marker.end() :].lstrip(" :-–"))
            if not line:
                used = number + 1 - offset
                continue
        if is_role_only(line) and target:
            # Under a row of names side by side, wrapped text at the margin is the first's.
            at = row_start if row_start >= 0 else len(target) - 1
            target[at] = _with_role(target[at], line)
            used = number + 1 - offset
            continue
        found = _read_line(line, first_row=not target)
        if found is None and target and _KIND_HEADING.match(line):
            kind = describe(line)
            if kind.co_opted or kind.non_voting:
                # The members below are co-opted or non-voting, as the heading says.
                kind_wording = line
                used = number + 1 - offset
                continue
        if found is None:
            break
        if kind_wording:
            found = [_with_role(piece, kind_wording) for piece in found]
        row_start = len(target) if "\t" in line and len(found) > 1 else -1
        target.extend(found)
        used = number + 1 - offset
        substitute = _SUBSTITUTES.search(line)
        if substitute and target is members:
            target = substitutes  # "Members: A, B. Substitutes: C, D" on one line
    return members, substitutes, max(used, 0)


def _read_line(line: str, *, first_row: bool) -> list[Piece] | None:
    """The members on one line: a list, a table row, or one "Chair: Cllr X". An empty
    list for a table's heading row; None where the line is not part of the list."""
    line, substitutes = _at_substitutes(line)
    if "\t" in line:
        return _read_row([cell.strip() for cell in line.split("\t") if cell.strip()], first_row)
    prefix = _ROLE_PREFIX.match(line)
    if prefix:
        piece = read_piece(line[prefix.end() :], extra=prefix.group("role"))
        return [piece] if piece else None
    pieces, count = _split_list(line)
    if pieces is None and substitutes and count == 0:
        return []
    return pieces


def _read_row(cells: list[str], first_row: bool) -> list[Piece] | None:
    names = [read_piece(cell) for cell in cells]
    if any(p is not None and (p.titled or len(p.name.split()) > 1) for p in names):
        # Beside a full name, a lone word ("Conservative", "Northgate") is not a second member.
        names = [p if p is None or p.titled or len(p.name.split()) > 1 else None for p in names]
    found = [piece for piece in names if piece is not None]
    if not found:
        return [] if first_row else None  # "Member | Appointed by | Role"
    if len(found) >= 2:
        return found  # members side by side in two or three columns
    extra = " ; ".join(cell for cell, piece in zip(cells, names, strict=True) if piece is None)
    piece = found[0]
    text = next(cell for cell, p in zip(cells, names, strict=True) if p is not None)
    return [read_piece(text, extra=extra) or piece]


def _with_role(piece: Piece, wording: str) -> Piece:
    described = describe(wording)
    return Piece(
        piece.name,
        Described(
            described.role if described.role != "member" else piece.described.role,
            piece.described.guessed,
            piece.described.co_opted or described.co_opted,
            piece.described.non_voting or described.non_voting,
        ),
        piece.titled,
    )


def _substitutes_after(lines: list[str]) -> list[Piece]:
    """A substitutes' list just below the members (after a blank line or two)."""
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > 3:
            break
        marker = _SUBSTITUTES.match(line.strip())
        if marker:
            _, substitutes, _ = _read_lines("", [line, *lines[index + 1 : index + 12]])
            if not substitutes:
                rest = _TITLE_PREFIX_LIST.sub("", line.strip()[marker.end() :].lstrip(" :-–"))
                substitutes = _split_list(rest)[0] or []
            return substitutes
    return []


def _unique(members: list[ParsedMember]) -> list[ParsedMember]:
    seen: dict[str, ParsedMember] = {}
    for member in members:
        if member.name not in seen or seen[member.name].role == "member":
            seen[member.name] = member
    return list(seen.values())

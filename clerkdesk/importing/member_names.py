"""One member as a paper writes them: "County Councillor Dr Jane Smith OBE (Chairman)".

The name is what a clerk records: no "Cllr", courtesy title, honour or
post-nominal letters. The role comes from any wording that names it, in
brackets, after a dash, in a table cell of its own or on the line below:
"(Chair)", "(Chairman of the Council)", "(Leader and Chair)", "(Deputy
Leader, Vice-Chair)", "Town Mayor" (who chairs a town council by law),
"Cadeirydd / Chair". "Leader" alone is only a guess (the Leader usually
chairs the Cabinet) and is marked as one. Co-opted members (independent,
lay, church or business representatives) and non-voting members are marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerkdesk.importing.cleaning import squash
from clerkdesk.importing.model import ParsedMember, Role

_CHAIR = r"chair(?:man|woman|person)?|cadeirydd|(?:town\s+|city\s+)?mayor"
_VICE = re.compile(
    r"\b(?:vice|deputy|is)[\s-]*(?:chair(?:man|woman|person)?|gadeirydd)\b"
    r"|\bdeputy\s+(?:town\s+|city\s+)?mayor\b",
    re.IGNORECASE,
)
# "Chair" names the member's role where it starts the wording or follows "and", a comma,
# a bracket or a slash, or is "Chair of ...": not in "Business Board Chair".
_CHAIR_ROLE = re.compile(
    rf"(?:^|\band\s+|[,(/;]\s*)(?:the\s+)?(?:{_CHAIR})\b|\b(?:{_CHAIR})\s+of\b", re.IGNORECASE
)
_LEADER = re.compile(r"\bleader\b", re.IGNORECASE)
_DEPUTY_LEADER = re.compile(r"\bdeputy\s+leader\b", re.IGNORECASE)
_CO_OPTED = re.compile(
    r"co-?opted|\bindependent\s+(?:\w+\s+)?member|\blay\s+member|\brepresentative\b"
    r"|non-constituent|\bparent\s+governor",
    re.IGNORECASE,
)
_NON_VOTING = re.compile(r"non-?voting|without\s+(?:a\s+)?vote|not\s+entitled\s+to\s+vote", re.I)
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
_BRACKETS = re.compile(r"\(([^()]{0,120})\)")
_UNCLOSED = re.compile(r"\([^()]*$")
_TITLE_PREFIX = re.compile(
    r"^(?:(?:cynghorydd|cynghorwyr)\s*/\s*)?"
    r"(?:(?:county|district|borough|parish|town|city|community)\s+)?"
    r"(?:councillors?|cllrs?\.?)\s+",
    re.IGNORECASE,
)
_COURTESY = re.compile(
    r"^(?:the\s+)?(?:mr|mrs|ms|miss|mx|dr|prof|professor|revd|rev|reverend|canon|sir|dame|"
    r"lord|lady|baroness|mayor)\.?\s+",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_POST_NOMINALS = _words(
    """OBE MBE CBE KBE DBE BEM JP DL KC QC MP MEP MS AM FRICS FCA MRTPI CEng PhD MA MSc BA
    BSc LLB TD RD GM FRSA"""
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w'’.\-]*|[A-Z]\.?|de|van|von|der|den|le|la|da|du|di|dos|bin|ap|al-\w+)$"
)
# Words no one's name contains: a cell or line holding them is not a member.
_NOT_NAME = _words(
    """agenda apologies public members membership council councils councillors committee
    officer officers quorum substitute substitutes substituting meeting date time venue contact
    services democratic item items minutes declarations report reports panel board executive
    director please note notes the dear to from enquiries telephone email tel website summons
    yours sincerely chief cabinet authority all and borough district county city partnership
    group service diocese police fire combined business appointed role name constituent
    representative independent co-opted portfolio cllr cllrs councillor chair chairman
    chairwoman chairperson
    vice-chair vice-chairman mayor leader deputy cadeirydd is-gadeirydd ward wards division
    labour conservative conservatives liberal democrat democrats reform plaid cymru ukip"""
)
_ALSO_SURNAMES = _words("ward mayor leader")
_DESCRIPTORS = _words(
    """member constituent non-constituent lay independent co-opted coopted voting non-voting
    elected appointed ordinary full associate"""
)
_ROLE_ONLY = re.compile(
    rf"^(?:(?:vice|deputy|is)[\s-]*)?(?:{_CHAIR}|gadeirydd)(?:\s+of\s+the\s+\w+)?$", re.I
)


@dataclass(frozen=True, slots=True)
class Described:
    """What a member's wording says besides their name."""

    role: Role = "member"
    guessed: Role | None = None  # a role wording only suggests ("Leader")
    co_opted: bool = False
    non_voting: bool = False


def describe(text: str) -> Described:
    """The role and kind of member that ``text`` (brackets, a role cell) names."""
    text = squash(text)
    role: Role = "member"
    if _VICE.search(text):
        role = "vice-chair"
    elif _CHAIR_ROLE.search(_VICE.sub(" ", text)):
        role = "chair"
    guessed: Role | None = None
    if role == "member" and _DEPUTY_LEADER.search(text):
        guessed = "vice-chair"
    elif role == "member" and _LEADER.search(text):
        guessed = "chair"
    return Described(role, guessed, bool(_CO_OPTED.search(text)), bool(_NON_VOTING.search(text)))


def is_role_only(line: str) -> bool:
    """ "Vice Chairman" on a line of its own, under the member it belongs to."""
    return _ROLE_ONLY.match(squash(line).strip(" ()")) is not None


def is_post_nominal(text: str) -> bool:
    """ "KC", "OBE JP": honours written after a comma, which are not a member of their own."""
    tokens = text.replace(",", " ").split()
    return bool(tokens) and all(t.strip(".") in _POST_NOMINALS for t in tokens)


def unclosed(text: str) -> bool:
    return _UNCLOSED.search(text) is not None


def clean_name(text: str) -> tuple[str, bool]:
    """The bare name, and whether the paper titled it ("Cllr", "Councillor")."""
    name = squash(text).strip(" .,;:–-")
    titled = False
    for _ in range(3):
        stripped = _TITLE_PREFIX.sub("", name)
        stripped = _COURTESY.sub("", stripped)
        titled = titled or len(stripped) < len(name)
        name = stripped
    tokens = name.replace(",", " ").split()
    while tokens and tokens[-1].strip(".") in _POST_NOMINALS:
        tokens.pop()
    return " ".join(tokens).strip(" ,"), titled


def looks_like_name(name: str, *, titled: bool = False) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= 6 or not all(_NAME_TOKEN.match(t) for t in tokens):
        return False
    # After "Cllr", "Ward" and "Mayor" are surnames ("Councillor Tessa Ward"); alone, a
    # cell "Northgate Ward" names a ward.
    surnames = _ALSO_SURNAMES if titled else frozenset()
    if any(t.lower().strip(".") in _NOT_NAME - surnames for t in tokens):
        return False
    if all(t.lower().strip(".") in _DESCRIPTORS for t in tokens):
        return False  # "Member", "Constituent Member", "Lay Member": a role column's words
    return any(len(t.strip(".")) > 1 for t in tokens)


@dataclass(frozen=True, slots=True)
class Piece:
    """One member read from the paper, before roles are settled across the list."""

    name: str
    described: Described
    titled: bool


def read_piece(text: str, *, alone: bool = False, extra: str = "") -> Piece | None:
    """A member from ``text`` ("Cllr A Smith (Chair)"), with ``extra`` wording (a role cell)."""
    if is_role_only(text):
        return None  # "Vice-Chair" in a role column is no one's name
    brackets = " ; ".join(_BRACKETS.findall(text))
    bare = squash(_BRACKETS.sub(" ", text))
    # "Cllr A Smith – Chairman of the Committee": what follows a spaced dash describes them.
    dashed = _SPACED_DASH.split(bare, maxsplit=1)
    if len(dashed) == 2:
        bare, brackets = dashed[0], f"{brackets} ; {dashed[1]}"
    head, comma, tail = bare.partition(",")
    if comma and (is_role_only(tail.strip()) or describe(tail) != Described()):
        bare, brackets = head, f"{brackets} ; {tail}"  # "Cllr A Smith, Chairman of the Panel"
    suffix = re.search(
        r"\s*(?:[,\-–—]\s*|\s)((?:vice[\s-]?)?chair(?:man|woman|person)?)\s*$", bare, re.I
    )
    if suffix and suffix.start() > 0:
        brackets = f"{brackets} ; {suffix.group(1)}"
        bare = bare[: suffix.start()]
    name, titled = clean_name(bare)
    if not looks_like_name(name, titled=titled):
        return None
    described = describe(f"{brackets} ; {extra}".strip(" ;"))
    if alone and not titled and described == Described() and len(name.split()) == 1:
        return None  # a one-word heading after a list of one name per line ends the list
    return Piece(name, described, titled)


def settle(pieces: list[Piece]) -> list[ParsedMember]:
    """Members with their roles; a guessed role counts only where none is written."""
    have = {p.described.role for p in pieces}
    guesses = [p.described.guessed for p in pieces if p.described.guessed]
    members = []
    for piece in pieces:
        d = piece.described
        role, inferred = d.role, False
        alone = d.guessed is not None and guesses.count(d.guessed) == 1
        if role == "member" and d.guessed and d.guessed not in have and alone:
            role, inferred = d.guessed, True
        members.append(
            ParsedMember(
                name=piece.name,
                role=role,
                co_opted=d.co_opted,
                voting=not d.non_voting,
                role_inferred=inferred,
            )
        )
    return members

"""Find a report's or an item's recommendations and split them one per vote.

Labels come in every style (3.1, (a), a), 1), (i), i.), bullets). The first
label style met is the top level; deeper styles are sub-points of it, except
under a lead-in ("3.1 Panel is asked to:") with no sibling recommendations,
where each sub-point is a recommendation of its own: "(a)" under one lead-in,
"3.1 (a)" when two lead-ins each have an "(a)". Bullets have no label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clerkdesk.importing.cleaning import BULLET, squash
from clerkdesk.importing.exempt import section_heading
from clerkdesk.importing.header import is_organisation_line
from clerkdesk.importing.model import ParsedRecommendation

# "Recommendations", "RECOMMENDATION", "Recommendation(s)", "Recommendation/s",
# "2. RECOMMENDATIONS", "RECOMMENDED that:" (with "that" and a colon and nothing after),
# "Recommended decision", "Decision required".
_REC_HEADING = re.compile(
    r"^(?:(?P<section>\d{1,2})\.?\s+)?(?:officers?['’]?s?\s+)?"
    r"(?:(?:recommendations?|recommendation\s*\(s\)|recommendation\s*/\s*s)"
    r"(?:\s+(?:to|for)\s+(?:the\s+)?(?:[\w\-]+\s*){1,3}?(?=\s*(?:[:\-–]|$)))?"
    r"|recommended\s+resolutions?|proposed\s+resolutions?|"
    # "Recommended decision", "Decision(s) required", "Proposed decision": the same section.
    r"(?:recommended|proposed)\s+decisions?(?:\s*\(s\))?|decisions?(?:\s*\(s\))?\s+"
    r"(?:required|sought|recommended)|"
    r"(?:it\s+is\s+)?recommended\s+that(?:\s+(?:the\s+)?[\w\-]+){0,3}\s*(?=:\s*$))"
    r"\s*(?:[:\-–]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_BODY = (
    r"(?:cabinet|council|committee|sub-committee|panel|board|authority|executive|forum|"
    r"commission|assembly)"
)
# "RECOMMENDED that ...", "The Committee is recommended to ...", "Cabinet is asked to ...",
# any other subject only as a lead-in of the points below ("Members are asked to:"),
# "Members are invited to ...", "The Board is requested to ...".
_REC_SENTENCE = re.compile(
    r"^(?:(?:it\s+is\s+)?recommended\s*(?::\s*|(?=that\b))(?P<rest>.*)"
    r"|(?P<whole>(?:the\s+(?:[\w\-]+\s+){0,3}|(?:[\w\-]+\s+){0,2}?"
    rf"{_BODY}\s+|(?=[\w\s\-]+\s+to\s*:\s*$)(?:[\w\-]+\s+){{1,3}})(?:is|are)\s+"
    r"(?:recommended|asked|invited|requested)\s+to\b.*))$",
    re.IGNORECASE,
)
_LEAD_IN_HEADING = re.compile(r"^(?:it\s+is\s+)?recommended\s+that\b.*:\s*$", re.IGNORECASE)
_SECTION_HEADING = re.compile(r"^(?P<n>\d{1,2})\.?\s+(?P<title>[A-Z][^.:;]{2,80})$")
_STOP_WORDS = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:background(?:\s+papers|\s+information)?|appendix|appendices|"
    r"reasons?\s+for\s+(?:the\s+)?(?:recommendations?|decision)|introduction|summary|"
    r"(?:financial|legal|risk|equality|equalities|staffing|property)\s+implications|"
    r"implications|options|alternative\s+options|consultation|contact\s+officer|"
    r"report\s+author|officer\s+contact|item\s+\d+\s+appendix|wards?\s+affected|"
    r"key\s+decision|purpose\s+of)\b",
    re.IGNORECASE,
)
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}
_LABELS = (
    ("section", re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+|$)")),
    ("(alpha)", re.compile(r"^\((?P<label>[a-zA-Z]{1,4})\)\s*")),
    ("alpha.)", re.compile(r"^(?P<label>[a-z]{1,4})\.\)\s*")),
    ("alpha)", re.compile(r"^(?P<label>[a-zA-Z]{1,4})\)\s*")),
    ("alpha.", re.compile(r"^(?P<label>[a-z]{1,4})\.\s+")),
    ("(num)", re.compile(r"^\((?P<label>\d{1,2})\)\s*")),
    ("num)", re.compile(r"^(?P<label>\d{1,2})\)\s*")),
    ("num.", re.compile(r"^(?P<label>\d{1,2})\.\s+")),
)
_TRAILING_JOINER = re.compile(r"[;,]?\s*(?:and|or)?\s*[;,]?$", re.IGNORECASE)
MAX_BLOCK_LINES = 80


@dataclass(slots=True)
class _Unit:
    style: str
    label: str | None
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return squash(" ".join(self.parts))


def find_recommendation_block(lines: list[str], *, in_item: bool = False) -> list[str] | None:
    """Lines of the first recommendations section in ``lines`` (None if there is none)."""
    for index, line in enumerate(lines):
        if len(line) > 600:
            continue
        heading = _REC_HEADING.match(line)
        if heading:
            first = [heading.group("rest")] if heading.group("rest") else []
            if _LEAD_IN_HEADING.match(line):
                first = [line.strip()]  # "RECOMMENDED that the Committee:" leads in the points
            return first + _block_after(lines[index + 1 :], heading.group("section"))
        sentence = _REC_SENTENCE.match(line) if in_item else None
        if sentence:
            rest = sentence.group("whole") or sentence.group("rest")
            first = [rest[:1].upper() + rest[1:]] if rest else []
            return first + _block_after(lines[index + 1 :], None)
    return None


def opens_recommendations(line: str) -> bool:
    """Whether an item's numbered lines after ``line`` are recommendations, not sub-items."""
    if len(line) > 600:
        return False
    heading = _REC_HEADING.match(line)
    if heading:
        return not heading.group("rest")
    return line.rstrip().endswith(":") and _REC_SENTENCE.match(line) is not None


def _block_after(lines: list[str], section: str | None) -> list[str]:
    block: list[str] = []
    for line in lines[:MAX_BLOCK_LINES]:
        if _is_end(line, section):
            break
        block.append(line)
    return block


def _is_end(line: str, section: str | None) -> bool:
    if not line:
        return False
    if _STOP_WORDS.match(line) or is_organisation_line(line):
        return True
    if section_heading(line) is not None:
        return True  # "PART II – EXEMPT INFORMATION" under the last point
    heading = _SECTION_HEADING.match(line)
    if heading and section is not None and heading.group("n") != section:
        return True
    return heading is not None and section is None and _looks_like_title(heading.group("title"))


def _looks_like_title(text: str) -> bool:
    words = text.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) <= 8 and capitalised >= max(1, len(words) // 2)


def split_recommendations(block: list[str]) -> tuple[ParsedRecommendation, ...]:
    units = _units(block)
    if not units:
        return ()
    top = units[0].style
    groups: list[tuple[_Unit, list[_Unit]]] = []
    for unit in units:
        if unit.style == top or not groups:
            groups.append((unit, []))
        else:
            groups[-1][1].append(unit)
    plain_siblings = sum(1 for head, _ in groups if not head.text.endswith(":"))
    # Under two lead-ins, "(a)" alone would name two recommendations: say "3.1 (a)".
    prefix = sum(1 for _, children in groups if children) > 1
    recommendations: list[ParsedRecommendation] = []
    for head, children in groups:
        if head.text.endswith(":") and children and plain_siblings == 0:
            parent = head.label if prefix else None
            recommendations.extend(_children_as_recommendations(parent, children))
        else:
            text = " ".join([head.text, *(_with_label(c) for c in children)])
            recommendations.append(_recommendation(head.label, text))
    return tuple(r for r in recommendations if r.text)


def _children_as_recommendations(
    parent: str | None, children: list[_Unit]
) -> list[ParsedRecommendation]:
    style = children[0].style
    out: list[tuple[_Unit, list[str]]] = []
    for child in children:
        if child.style == style or not out:
            out.append((child, []))
        else:
            out[-1][1].append(_with_label(child))
    result = []
    for child, extra in out:
        label = child.label
        if parent and label:
            label = f"{parent} {label}"
        result.append(_recommendation(label, " ".join([child.text, *extra])))
    return result


def _recommendation(label: str | None, text: str) -> ParsedRecommendation:
    text = squash(text)
    stripped = _TRAILING_JOINER.sub("", text).rstrip()
    return ParsedRecommendation(label=label, text=stripped or text)


def _with_label(unit: _Unit) -> str:
    return f"{unit.label} {unit.text}" if unit.label else unit.text


def _units(block: list[str]) -> list[_Unit]:
    units: list[_Unit] = []
    previous_alpha: dict[str, str] = {}
    for raw in block:
        line = squash(raw)
        if not line:
            continue
        unit = _labelled(line, previous_alpha)
        if unit is not None:
            units.append(unit)
        elif units and _second_lead_in(units, line):
            units.append(_Unit("text", None, [line]))
        elif units and _point_on_its_own_line(units, line):
            # A PDF loses the bullets before points under "... is asked to:"; each line
            # that starts like a point (a verb, "That") is one.
            units.append(_Unit("line", None, [line]))
        elif units:
            units[-1].parts.append(line)
        else:
            units.append(_Unit("text", None, [line]))
    return units


def _point_on_its_own_line(units: list[_Unit], line: str) -> bool:
    lead_in = units[0]
    if lead_in.style != "text" or not lead_in.text.endswith(":"):
        return False
    if not all(unit.style == "line" for unit in units[1:]):
        return False
    previous = units[-1].text
    return (line[:1].islower() or line.startswith("That ")) and not previous.endswith(
        (" and", " or", " the", " of", " to", ",")
    )


def _second_lead_in(units: list[_Unit], line: str) -> bool:
    """ "The Panel is asked to approve:" after the points of an unlabelled first lead-in."""
    return (
        units[0].style == "text"
        and units[-1].style != "text"
        and line.endswith(":")
        and line[:1].isupper()
    )


def _labelled(line: str, previous_alpha: dict[str, str]) -> _Unit | None:
    if line.startswith(BULLET.strip()):
        return _Unit("bullet", None, [line[1:].strip()])
    for style, pattern in _LABELS:
        match = pattern.match(line)
        if not match:
            continue
        raw = match.group("label")
        kind: str | None = style
        if style.startswith(("(alpha", "alpha")):
            kind = _alpha_or_roman(style, raw.lower(), previous_alpha)
        if kind is None:
            continue
        label = match.group(0).strip()
        if style == "section":
            label = raw
        return _Unit(kind, label, [line[match.end() :]])
    return None


def _alpha_or_roman(style: str, raw: str, previous_alpha: dict[str, str]) -> str | None:
    """ "i)" after "h)" is a letter; on its own it is a roman numeral."""
    before = previous_alpha.get(style)
    is_next_letter = before is not None and len(raw) == 1 and ord(raw) == ord(before) + 1
    if raw in _ROMAN and not is_next_letter:
        return style.replace("alpha", "roman")
    if len(raw) == 1:
        previous_alpha[style] = raw
        return style
    return None

"""Agenda items: number, title, Part I/II, exempt paragraph, report details.

Items are the first run of numbered headings whose numbers go up one at a
time (1, 2, 2a, 2b, 3 or A1, A2, B1 or 24/123, 24/124: see ``numbering``).
Anything numbered out of turn (a list inside an item, a report's own
sections, numbered recommendations) stays in the item's body, and a fresh
start (the previous meeting's minutes, a report, a second copy of the
agenda) ends the run. A run that does not start with a plain number must be
confirmed by its second number, and gives way to a longer plain run.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Literal

from clerkdesk.domain.schedule_12a import ExemptParagraph
from clerkdesk.importing.cleaning import squash, without_bullet
from clerkdesk.importing.dates import STARTS_WITH_MONTH
from clerkdesk.importing.exempt import (
    BRACKETED_PARAGRAPH,
    Section,
    cites_1960_act,
    exempt_paragraph,
    is_exclusion,
    marks_exempt,
    section_heading,
)
from clerkdesk.importing.header import is_organisation_line
from clerkdesk.importing.model import ParsedItem, ParsedRecommendation, Part
from clerkdesk.importing.numbering import TOKEN, ItemNumber, item_number
from clerkdesk.importing.recommendations import (
    find_recommendation_block,
    opens_recommendations,
    split_recommendations,
)
from clerkdesk.importing.titles import is_mostly_upper, tidy_caps
from clerkdesk.importing.welsh import bilingual, is_welsh

_HEADING = re.compile(
    rf"^(?:(?i:(?:agenda\s+)?item)\s+|\((?=\d{{1,3}}[a-z]?\)))?(?:{TOKEN})(?:[.):]|\s+[-–—:])?\s+"
    r"(?P<title>(?:[A-Z\"'‘“]|\d{2,4}/\d)[^\t]*)(?:\t(?P<cells>.*))?$"
)
_NUMBER_ONLY = re.compile(
    rf"^(?:(?i:(?:agenda\s+)?item)\s+|\((?=\d{{1,3}}[a-z]?\)))?(?:{TOKEN})[.):]?$"
)
_BOUNDARY = re.compile(
    r"^(?:minutes|agenda|attendance|present|apologies)\s*:?$"
    r"|^minutes\s+of\s+(?:the|a)\s+(?:\w+\s+)?meeting\b",
    re.IGNORECASE,
)
_PAGES = re.compile(r"\s*\(?\bpages?\s+\d+(?:\s*[-–]\s*\d+)?\)?\s*$", re.IGNORECASE)
_EXEMPT_IN_TITLE = re.compile(
    rf"\s*\((?:exempt|confidential|not for publication)[^)]*\)|\s*{BRACKETED_PARAGRAPH.pattern}",
    re.I,
)
# "a) To note ...", "(b) To approve ...", "i. ...": a sub-point under a title, not its next line.
_SUB_POINT = re.compile(r"^(?:\(?[a-z]{1,4}\)|[a-z]{1,4}\.|\(?\d{1,2}\))\s")
REPORT_OF = re.compile(
    r"^(?:joint\s+)?report\s+(?:of|by|from)\s*[:\-–]*\s*(?:the\s+)?(?P<who>\S.{2,200})$", re.I
)
_CONTACT = re.compile(
    r"^(?:contact\s+officers?|officer\s+contact|report\s+authors?|authors?|lead\s+officers?|"
    r"contact)\s*[:\-–]+\s*(?P<who>\S.{1,200})$",
    re.IGNORECASE,
)
_REPORT_TITLE = re.compile(
    r"^(?:report\s+title|title\s+of\s+(?:the\s+)?report|subject(?:\s+of\s+(?:the\s+)?report)?|"
    r"title)\s*[:\-–]\s*(?P<title>.{3,300})$",
    re.I,
)
_MAX_TITLE_LINES = 4
_PAGE_CELL = re.compile(r"^(?:pages?\s*)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?$", re.IGNORECASE)
_MAX_SUB_TITLE = 160
_CELL_PARAGRAPH = re.compile(
    r"(?<=[.:)\s\w])\s+(?=(?i:contact\s+officer|report\s+author|officer\s+contact)\s*:|"
    r"(?i:joint\s+)?Report\s+(?:of|by)\s+the\b|Recommendations?\b|RECOMMENDED\b|"
    r"Not\s+for\s+publication\b|This\s+(?:report|item)\s+(?:is|contains)\b|"
    r"(?:The\s+)?[A-Z][\w\-]*(?:\s+[\w\-]+){0,2}\s+(?:is|are)\s+"
    r"(?:recommended|asked|invited|requested)\s+to\b)"
)


Role = Literal["item", "exclusion", "heading"]


@dataclass(slots=True)
class ItemDraft:
    number: ItemNumber
    title: str
    section: Section
    doubt: str | None = None  # why an "unsure" section may be Part II
    role: Role = "item"
    body: list[str] = field(default_factory=list)
    own_lines: int | None = None  # body lines before a heading that opens a new part
    in_recommendations: bool = False
    paragraph: ExemptParagraph | None = None  # given by the exclusion resolution before it

    def own_text(self) -> list[str]:
        """The title and the item's own lines, not a section heading and what follows it."""
        body = self.body if self.own_lines is None else self.body[: self.own_lines]
        return [self.title, *body]


def find_item_drafts(lines: list[str]) -> tuple[int, int, list[ItemDraft]]:
    """Items of the first agenda in ``lines``, with the index range they span."""
    found = _scan(lines, plain_only=False)
    if found[2] and not found[2][0].number.starts_alone:
        # "i. ... ii. ..." in the notes above "1. Apologies" is not the agenda:
        # the longer of the two runs wins.
        plain = _scan(lines, plain_only=True)
        if len(plain[2]) > len(found[2]):
            return plain
    return found


def _scan(lines: list[str], *, plain_only: bool) -> tuple[int, int, list[ItemDraft]]:
    drafts: list[ItemDraft] = []
    parts = _Parts()
    first_index = end_index = len(lines)
    successors = _Successors(lines, plain_only=plain_only)
    index = 0
    while index < len(lines):
        line = lines[index]
        heading = _heading(lines, index)
        if (
            drafts
            and heading is None
            and (_BOUNDARY.match(line) or is_organisation_line(line))
            and not _english_under_welsh(drafts[-1], line)
        ):
            end_index = index
            break
        if heading is not None and _takes(heading, drafts, successors, index):
            number, title, used = heading
            if not drafts:
                first_index = index
            drafts.append(parts.item(number, title))
            index += used
            continue
        if heading is not None and drafts and _same_title(heading[1], drafts[0].title):
            end_index = index  # the first item again: minutes or a second copy follow
            break
        parts.line(line, drafts[-1] if drafts else None)
        if drafts:
            drafts[-1].body.append(line)
            if opens_recommendations(line):
                drafts[-1].in_recommendations = True
        index += 1
    return first_index, end_index, drafts


def _english_under_welsh(draft: ItemDraft, line: str) -> bool:
    """ "Minutes of the previous meeting" under "3. Cofnodion y cyfarfod blaenorol" is the
    title in English, not the minutes that follow an agenda."""
    return not any(draft.body) and is_welsh(draft.title) and not is_welsh(line)


class _Parts:
    """The part of the agenda the scan is in: public, private, or unsure (see ``exempt``)."""

    def __init__(self) -> None:
        self.section: Section = "public"
        self.doubt: str | None = None
        # The paragraph an exclusion resolution gives for the items after it.
        self.paragraph: ExemptParagraph | None = None

    def item(self, number: ItemNumber, title: str) -> ItemDraft:
        """The draft for a numbered heading, moving into Part II where it says so."""
        text = title.partition("\t")[0]
        if is_exclusion(text):
            draft = ItemDraft(number, title, self.section, role="exclusion")
            if self.section != "private":
                self._unsure(
                    f"it follows the exclusion of the press and public (item {number.text}) "
                    "but no Part II heading"
                )
            return draft
        opens = section_heading(text)
        if opens is not None:
            # "5. PART II - EXEMPT ITEMS": a heading that is numbered, not an item's title.
            draft = ItemDraft(number, title, "private" if opens == 2 else "public", role="heading")
            self.section, self.doubt = draft.section, None
            return draft
        draft = ItemDraft(number, title, self.section, self.doubt, paragraph=self.paragraph)
        if marks_exempt(text):
            self._unsure(f"it follows item {number.text}, which is marked exempt")
        return draft

    def line(self, line: str, draft: ItemDraft | None) -> None:
        if draft is not None and draft.role == "exclusion" and self.section != "private":
            cited = exempt_paragraph([line])
            if cited is not None or cites_1960_act(line):
                # A resolution to exclude the public that gives its grounds (a paragraph of
                # Schedule 12A, or the 1960 Act where there are none) opens Part II for sure.
                self.section, self.doubt, self.paragraph = "private", None, cited
                return
        opens = section_heading(line)
        if opens is not None:
            self.section, self.doubt = ("private" if opens == 2 else "public"), None
            if draft is not None and draft.own_lines is None:
                draft.own_lines = len(draft.body)
        elif draft is not None and marks_exempt(line):
            self._unsure(f"the text of item {draft.number.text} mentions exempt business")

    def _unsure(self, why: str) -> None:
        # Only a public section becomes unsure: a Part II heading is already certain.
        if self.section == "public":
            self.section, self.doubt = "unsure", why


def _takes(
    heading: tuple[ItemNumber, str, int],
    drafts: list[ItemDraft],
    successors: _Successors,
    index: int,
) -> bool:
    number, title, used = heading
    if not drafts:
        # "i.", "A1" or "24/123" on its own could be anything: its successor must follow.
        confirmed = number.may_start and successors.confirm(index + used, number)
        return number.starts_alone or confirmed
    last = drafts[-1]
    if not number.follows(last.number):
        return False
    if number.kind == "sub":
        # "5.1 ..." under a recommendation, or a long numbered paragraph, is not a sub-item.
        # ("5a" after a lead-in is still the next sub-item: recommendations are not lettered so.)
        dotted_under_lead_in = last.in_recommendations and number.style == "."
        return len(title) <= _MAX_SUB_TITLE and not dotted_under_lead_in
    return True


class _Successors:
    """Finds, once per kind of number, every line that could be such a heading."""

    def __init__(self, lines: list[str], *, plain_only: bool) -> None:
        self._lines = lines
        self._plain_only = plain_only
        self._found: dict[str, tuple[list[int], list[ItemNumber]]] = {}

    def confirm(self, after: int, number: ItemNumber) -> bool:
        if self._plain_only:
            return False
        if number.kind not in self._found:
            self._found[number.kind] = self._scan(number.kind)
        indexes, numbers = self._found[number.kind]
        position = bisect.bisect_left(indexes, after)
        return position < len(indexes) and numbers[position].follows(number)

    def _scan(self, kind: str) -> tuple[list[int], list[ItemNumber]]:
        indexes: list[int] = []
        numbers: list[ItemNumber] = []
        for index, line in enumerate(self._lines):
            match = _HEADING.match(line) or _NUMBER_ONLY.match(line)
            number = item_number(match) if match else None
            if number is not None and number.kind == kind:
                indexes.append(index)
                numbers.append(number)
        return indexes, numbers


def _same_title(a: str, b: str) -> bool:
    return squash(a.partition("\t")[0]).lower() == squash(b.partition("\t")[0]).lower()


def _heading(lines: list[str], index: int) -> tuple[ItemNumber, str, int] | None:
    line = lines[index]
    match = _HEADING.match(line)
    if match and not STARTS_WITH_MONTH.match(match.group("title")):
        number = item_number(match)
        if number is None:
            return None
        title_lines = [match.group("title")]
        used = 1
        if match.group("cells") is None:
            for following in lines[index + 1 : index + 1 + _MAX_TITLE_LINES]:
                if not _continues_title(" ".join(title_lines), following):
                    break
                title_lines.append(following)
                used += 1
        title = " ".join(title_lines)
        if match.group("cells"):
            title = f"{title}\t{match.group('cells')}"
        return number, title, used
    number_only = _NUMBER_ONLY.match(line)
    if number_only and index + 1 < len(lines):
        following = lines[index + 1] or (lines[index + 2] if index + 2 < len(lines) else "")
        number = item_number(number_only)
        if number and following[:1].isupper() and not _NUMBER_ONLY.match(following):
            used = 2 if lines[index + 1] else 3
            return number, following, used
    return None


def _continues_title(title: str, line: str) -> bool:
    if not line or "\t" in line or _HEADING.match(line) or len(line) > 120:
        return False
    if _SUB_POINT.match(line):
        return False
    if section_heading(line) is not None or marks_exempt(line):
        return False  # "PART II - EXEMPT ITEMS" under a title in capitals is never its title
    if is_mostly_upper(title) and is_mostly_upper(line):
        return not is_organisation_line(line)
    last = title.rstrip().split()[-1].lower() if title.split() else ""
    return line[:1].islower() or last in {"and", "of", "to", "the", "for", "&", "-", "–", "on"}


def build_item(draft: ItemDraft) -> ParsedItem:
    title_text, _, cells = draft.title.partition("\t")
    # A table cell holds the title, then the report line and recommendations as further
    # paragraphs, which a PDF runs into the title.
    title_text, *after_title = _split_cell(title_text) or [title_text]
    in_cells = after_title + [part for cell in cells.split("\t") for part in _split_cell(cell)]
    body = in_cells + draft.body
    own = in_cells + draft.own_text()[1:]
    exempt = exempt_paragraph([title_text, *own[:30]])
    part, confirm = _part(draft, [title_text, *own], exempt)
    exempt = exempt or draft.paragraph
    title_text, welsh_title = bilingual(title_text)
    if welsh_title is None:
        title_text, welsh_title = _welsh_line_with(title_text, own)
    title = _tidy_title(title_text)
    recommendations: tuple[ParsedRecommendation, ...] = ()
    block = find_recommendation_block(body, in_item=True)
    if block:
        recommendations = split_recommendations(block)
    return ParsedItem(
        number=draft.number.text,
        title=title,
        part=part,
        exempt_paragraph=exempt if part == 2 else None,
        report_title=_first(_REPORT_TITLE, body, "title"),
        report_author=_first(REPORT_OF, body, "who"),
        contact_officer=person_name(_first(_CONTACT, body, "who")),
        recommendations=recommendations,
        confirm_part=confirm,
        welsh_title=_tidy_title(welsh_title) if welsh_title else None,
    )


def _welsh_line_with(title: str, own: list[str]) -> tuple[str, str | None]:
    """(English title, Welsh title) where the agenda gives them one after the other."""
    following = next((line for line in own if line), "")
    if not following or len(following) > _MAX_SUB_TITLE or _HEADING.match(following):
        return title, None
    if _SUB_POINT.match(following) or following.startswith("•"):
        return title, None  # "a) Ashby Youth Club." is a point under the item
    if is_welsh(following) and not is_welsh(title):
        return title, following
    if is_welsh(title) and not is_welsh(following) and _looks_like_heading(following):
        return following, title
    return title, None


def _looks_like_heading(line: str) -> bool:
    return line[:1].isupper() and not line.rstrip().endswith((".", ":"))


def _part(
    draft: ItemDraft, own: list[str], exempt: ExemptParagraph | None
) -> tuple[Part, str | None]:
    """The item's part, and why the clerk must confirm it (None when it is certain)."""
    if draft.role == "heading":
        return (2 if draft.section == "private" else 1), None
    if draft.role == "exclusion":
        # The resolution to exclude is moved in public; it is Part II only inside Part II.
        return (2 if draft.section == "private" else 1), None
    marked = exempt is not None or any(marks_exempt(line) for line in own[:30])
    if draft.section == "private":
        return 2, None
    if draft.section == "unsure":
        return 2, None if exempt is not None else draft.doubt
    if marked:
        return 2, "its text marks it exempt, but it is not under a Part II heading"
    return 1, None


def _split_cell(cell: str) -> list[str]:
    """Split a table cell that a PDF ran together back into its paragraphs."""
    if _PAGE_CELL.match(cell.strip()):
        return []  # the agenda's "Pages" column
    starts = [
        m.start()
        for m in _CELL_PARAGRAPH.finditer(cell)
        if m.start() > 0 and not re.search(r"\bthe$", cell[: m.start()], re.IGNORECASE)
    ]
    bounds = [0, *starts, len(cell)]
    return [cell[a:b].strip() for a, b in itertools.pairwise(bounds) if cell[a:b].strip()]


def _tidy_title(text: str) -> str:
    text = squash(without_bullet(text))
    text = _EXEMPT_IN_TITLE.sub("", text)
    text = _PAGES.sub("", text).strip(" .:;-–")
    return tidy_caps(text) or text


def _first(pattern: re.Pattern[str], lines: list[str], group: str) -> str | None:
    for line in lines:
        match = pattern.match(squash(line)) if len(line) < 400 else None
        if match:
            return tidy_caps(match.group(group).strip(" .,:;"))
    return None


def person_name(text: str | None) -> str | None:
    """ "Helen Maneuf, Assistant Director (Tel: 01438 845502)" -> "Helen Maneuf"."""
    if not text:
        return None
    name = re.split(
        r"\s*(?:,|\(|\btel\b|\btelephone\b|\be-?mail\b|\s[-–]\s)", text, maxsplit=1, flags=re.I
    )[0]
    return name.strip(" .:;") or None

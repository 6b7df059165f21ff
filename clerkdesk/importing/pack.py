"""Put an agenda (or a whole agenda pack) together into one ParsedAgenda.

A pack is the agenda, then often the previous minutes, then the reports and
their appendices, and sometimes all of it twice. Only the first agenda's
numbered run counts as items; reports after it are matched to items by
title and lend them their recommendations.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from clerkdesk.importing.cleaning import squash
from clerkdesk.importing.dates import meeting_date_and_time
from clerkdesk.importing.exempt import exempt_paragraph, marks_exempt
from clerkdesk.importing.header import (
    facts_across,
    find_committee,
    find_organisation,
    find_venue,
    is_organisation_line,
)
from clerkdesk.importing.items import build_item, find_item_drafts
from clerkdesk.importing.members import find_membership
from clerkdesk.importing.model import ParsedAgenda, ParsedItem
from clerkdesk.importing.quorum import find_quorum, work_out_quorum
from clerkdesk.importing.reports import parse_report_lines, report_title
from clerkdesk.importing.welsh import english_line

_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    ("a", "an", "and", "of", "the", "to", "for", "on", "in", "at", "with", "by", "from")
)
_REPORT_OF = re.compile(r"^(?:joint\s+)?report\s+(?:of|by|from)\b", re.IGNORECASE)
_MATCH_THRESHOLD = 0.6
_MAX_HEADER_LINES = 150
# Where a report says it is not for publication: its first page.
_REPORT_COVER_LINES = 40


def assemble_agenda(lines: list[str]) -> ParsedAgenda:
    first, end, drafts = find_item_drafts(lines)
    header = lines[: min(first, _MAX_HEADER_LINES)] if drafts else lines[:_MAX_HEADER_LINES]
    header = [english_line(line) for line in header]  # a Welsh council's front page
    header = facts_across(header)
    organisation = find_organisation(header, lines)
    date, time = meeting_date_and_time(header)
    items = [build_item(draft) for draft in drafts]
    reports = _reports_after(lines, end) if drafts else []
    items = [_with_report(item, reports) for item in items]
    quorum, share = find_quorum(header)
    membership = find_membership(header)
    agenda = ParsedAgenda(
        organisation=organisation,
        committee=find_committee(header, organisation),
        date=date,
        time=time,
        venue=find_venue(header),
        quorum=quorum,
        members=membership.members,
        substitutes=membership.substitutes,
        items=tuple(items),
    )
    warnings = _warnings(agenda)
    voting = sum(1 for member in membership.members if member.voting)
    worked_out = work_out_quorum(share, voting) if share and quorum is None else None
    if share and worked_out is not None:
        why = (
            f'The quorum is worked out as {worked_out} from "{share}" and the {voting} voting '
            "members listed; confirm it."
        )
        agenda = replace(agenda, quorum=worked_out, quorum_inferred=why)
        warnings.append(why)
    elif share:
        warnings.append(
            f'The quorum is given as "{share}", which ClerkDesk cannot turn into a number '
            "reliably; enter the quorum by hand."
        )
    return replace(agenda, warnings=tuple(warnings))


def _reports_after(lines: list[str], end: int) -> list[tuple[str, list[str]]]:
    """(title, lines) of each report after the agenda; parsed fully only if matched."""
    rest = lines[end:]
    starts = [i for i, line in enumerate(rest) if is_organisation_line(line)]
    if not starts:
        starts = [_title_start(rest, i) for i, line in enumerate(rest) if _REPORT_OF.match(line)]
    bounds = [*starts, len(rest)]
    reports = []
    for start, stop in itertools.pairwise(bounds):
        title = report_title(rest[start:stop]) if stop > start else None
        if title:
            reports.append((title, rest[start:stop]))
    return reports


def _title_start(lines: list[str], index: int) -> int:
    # The title sits just above "Report of ...": start the report there.
    start = index
    while start > 0 and not lines[start - 1]:
        start -= 1
    while start > 0 and lines[start - 1] and index - start < 4:
        start -= 1
    return start


def _with_report(item: ParsedItem, reports: list[tuple[str, list[str]]]) -> ParsedItem:
    found = best_report(item.title, reports)
    if found is None:
        return item
    report = parse_report_lines(found)
    if item.part == 1 and any(marks_exempt(line) for line in found[:_REPORT_COVER_LINES]):
        # A Part I item whose report says it is exempt: the report is the better witness.
        item = replace(
            item,
            part=2,
            exempt_paragraph=exempt_paragraph(found[:_REPORT_COVER_LINES]),
            confirm_part="its report is marked exempt, but the agenda lists it in Part I",
        )
    return replace(
        item,
        report_title=item.report_title or report.title,
        report_author=item.report_author or report.author,
        contact_officer=item.contact_officer or report.contact_officer,
        recommendations=item.recommendations or report.recommendations,
    )


def best_report(title: str, reports: list[tuple[str, list[str]]]) -> list[str] | None:
    """Lines of the report whose title best matches ``title`` (the first wins a tie)."""
    wanted = title_tokens(title)
    best: tuple[float, list[str]] | None = None
    for report_name, lines in reports:
        score = _similarity(wanted, title_tokens(report_name))
        if score >= _MATCH_THRESHOLD and (best is None or score > best[0]):
            best = (score, lines)
    return best[1] if best else None


def title_tokens(text: str) -> frozenset[str]:
    return frozenset(t for t in _TOKEN.findall(squash(text).lower()) if t not in _STOP)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    overlap = shared / max(len(a), len(b))
    contained = shared / len(a) if len(a) >= 3 else 0.0
    return max(overlap, contained * 0.9)


def _warnings(agenda: ParsedAgenda) -> list[str]:
    warnings = []
    to_confirm = [item for item in agenda.items if item.confirm_part]
    if to_confirm:
        numbers = ", ".join(item.number for item in to_confirm)
        reasons = "; ".join(f"item {item.number}: {item.confirm_part}" for item in to_confirm)
        warnings.append(
            f"Items {numbers} are taken as Part II (exempt) because the agenda does not make "
            f"clear where Part II begins ({reasons}). Confirm or correct the part of each "
            "before saving."
        )
    if not agenda.items:
        warnings.append(
            "No numbered agenda items were found. Check the items are numbered "
            "(1, 2, 3 ...) and that this is the agenda rather than a report."
        )
    if agenda.date is None:
        warnings.append("The meeting date was not found; enter it by hand.")
    if agenda.committee is None:
        warnings.append("The committee name was not found; enter it by hand.")
    if not agenda.members:
        warnings.append("No list of committee members was found; add the members by hand.")
    for member in agenda.members:
        if member.role_inferred:
            warnings.append(
                f"{member.name} is taken as {member.role} from their title (the paper does not "
                "say who chairs); confirm the role."
            )
    chairs = [m for m in agenda.members if m.role == "chair"]
    if agenda.members and len(chairs) != 1:
        warnings.append(f"{len(chairs)} members are marked as chair; check the roles.")
    return warnings

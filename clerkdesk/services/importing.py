"""Turning a parsed agenda into a meeting, and a parsed report into an item's
recommendations. The parsers (``clerkdesk.importing``) give plain data; this
is where it meets the database."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.membership import check_quorum
from clerkdesk.domain.model import Role
from clerkdesk.persistence.entities import Entity
from clerkdesk.persistence.schema import AgendaItemRow, CommitteeMemberRow, RecommendationRow
from clerkdesk.services.context import Change, Desk, meeting_action, write_audit
from clerkdesk.services.meeting_register import refuse_same_meeting
from clerkdesk.services.setup import (
    MemberSpec,
    add_meeting,
    check_part,
    find_committee,
    find_or_create_organisation,
    save_committee,
)

if TYPE_CHECKING:
    from clerkdesk.importing.model import ParsedAgenda, ParsedReport

ROLES = {"chair": Role.CHAIR, "vice-chair": Role.VICE_CHAIR, "member": Role.MEMBER}


@dataclass(frozen=True, slots=True)
class ImportResult:
    meeting_id: int
    notes: tuple[str, ...]


def default_quorum(members: int) -> int:
    """A quarter of the membership, and never fewer than three (DOMAIN.md)."""
    return max(3, math.ceil(members / 4))


def import_agenda(desk: Desk, agenda: ParsedAgenda, *, as_new: bool = False) -> ImportResult:
    """Create the meeting an agenda describes, in one transaction.

    An existing committee of the same name is matched, with its members, rather
    than duplicated; the notes say what was added or changed. A meeting already
    here (same committee, date and start time) is refused with
    ``SameMeetingError`` naming it, unless ``as_new`` asks for a second copy.
    """
    if not agenda.committee:
        raise RuleViolation(
            "The agenda does not say which committee is meeting. Correct it in the preview "
            "(or add a line such as 'Planning Committee') and import again."
        )
    if agenda.date is None:
        raise RuleViolation(
            "The agenda gives no date for the meeting. Correct it in the preview (or add a "
            "line such as 'Date: 3 June 2025') and import again."
        )
    if not agenda.items:
        raise RuleViolation("No agenda items were found, so there is nothing to record.")
    numbers = [item.number.lower() for item in agenda.items]
    if len(numbers) != len(set(numbers)):
        raise RuleViolation("Two agenda items have the same number; correct them in the preview.")
    for item in agenda.items:
        check_part(item.part, item.exempt_paragraph if item.part == 2 else None)
    organisation = agenda.organisation or "Unnamed council"
    if not as_new:
        refuse_same_meeting(desk, organisation, agenda.committee, agenda.date, agenda.time)
    notes: list[str] = []
    with desk.db.session() as session:
        if not agenda.organisation:
            notes.append("The agenda does not name the council; recorded as 'Unnamed council'.")
        org = find_or_create_organisation(session, organisation)
        existing = find_committee(session, org.id, agenda.committee)
        quorum = agenda.quorum
        if quorum is None:
            quorum = existing.quorum if existing else default_quorum(len(agenda.members))
            notes.append(f"The agenda gives no quorum; using {quorum}. Check it.")
        members = [MemberSpec(m.name, ROLES[m.role], voting=m.voting) for m in agenda.members]
        committee, committee_notes = save_committee(
            session, organisation, agenda.committee, quorum, members
        )
        notes.extend(committee_notes)
        voting = session.scalar(
            select(func.count())
            .select_from(CommitteeMemberRow)
            .where(CommitteeMemberRow.committee_id == committee.id, CommitteeMemberRow.voting)
        )
        if voting:  # an agenda that lists no members leaves the quorum unchecked here
            check_quorum(quorum, int(voting))
        if existing is not None:
            notes.insert(0, f"Matched the existing committee {committee.name}.")
        meeting_id = add_meeting(session, committee.id, agenda.date, agenda.time, agenda.venue)
        for position, item in enumerate(agenda.items):
            row = AgendaItemRow(
                meeting_id=meeting_id,
                position=position,
                number=item.number,
                title=item.title,
                part=item.part,
                exempt_paragraph=item.exempt_paragraph if item.part == 2 else None,
                report_title=item.report_title,
                report_author=item.report_author,
                contact_officer=item.contact_officer,
                welsh_title=item.welsh_title,
            )
            session.add(row)
            session.flush()
            for rec_position, rec in enumerate(item.recommendations):
                session.add(
                    RecommendationRow(
                        item_id=row.id, position=rec_position, label=rec.label, text=rec.text
                    )
                )
        guessed = [item.number for item in agenda.items if item.confirm_part]
        if guessed:
            notes.append(
                f"Items {', '.join(guessed)} were saved as Part II (exempt) because the agenda "
                "does not make clear where Part II begins; check them."
            )
        recs = sum(len(item.recommendations) for item in agenda.items)
        notes.append(
            f"Created the meeting of {committee.name} on {agenda.date:%d %B %Y} with "
            f"{len(agenda.items)} items and {recs} recommendations."
        )
        write_audit(session, desk, meeting_id, "Import agenda", "; ".join(notes))
    return ImportResult(meeting_id, tuple(notes))


def attach_report(desk: Desk, meeting_id: int, item_number: str, report: ParsedReport) -> Change:
    """Add a report's recommendations (those not already there) to an item."""
    if not report.recommendations:
        raise RuleViolation(
            "No recommendations were found in the report. Check that it has a "
            "'Recommendation(s)' section, or add them by hand."
        )
    with meeting_action(desk, meeting_id, "Attach report") as scope:
        item = scope.record.item_by_number(item_number)
        filled = {
            "report_title": item.report_title or report.title or None,
            "report_author": item.report_author or report.author or None,
            "contact_officer": item.contact_officer or report.contact_officer or None,
        }
        scope.change(Entity.ITEM, item.id, **filled)
        known = {" ".join(r.text.split()).lower() for r in scope.record.recommendations_of(item.id)}
        added = 0
        for rec in report.recommendations:
            if " ".join(rec.text.split()).lower() in known:
                continue
            scope.add(
                Entity.RECOMMENDATION,
                item_id=item.id,
                position=scope.next_position(Entity.RECOMMENDATION, item_id=item.id),
                label=rec.label,
                text=rec.text,
            )
            added += 1
        scope.label = f"Attach report to item {item.number}: {added} recommendations added"
    return scope.done()

"""Plain, immutable results of parsing an agenda or a report.

These carry no database or Qt types so that any layer (CLI, services, tests)
can use them; ``to_json`` gives the stable shape the CLI prints.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, Literal

from clerkdesk.domain.schedule_12a import ExemptParagraph

Role = Literal["chair", "vice-chair", "member"]
Part = Literal[1, 2]


@dataclass(frozen=True, slots=True)
class ParsedRecommendation:
    label: str | None
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text}


@dataclass(frozen=True, slots=True)
class ParsedMember:
    name: str
    role: Role = "member"
    # A co-opted member (an independent or lay member, a church representative).
    co_opted: bool = False
    # False where the paper says the member may not vote ("non-voting").
    voting: bool = True
    # The role is a guess from wording such as "(Leader)": the clerk must confirm it.
    role_inferred: bool = False

    def to_json(self) -> dict[str, Any]:
        # The flags appear only when set, so an ordinary member reads as before:
        # {"name": ..., "role": ...}.
        data: dict[str, Any] = {"name": self.name, "role": self.role}
        if self.co_opted:
            data["co_opted"] = True
        if not self.voting:
            data["voting"] = False
        if self.role_inferred:
            data["role_inferred"] = True
        return data


@dataclass(frozen=True, slots=True)
class ParsedItem:
    number: str
    title: str
    part: Part = 1
    exempt_paragraph: ExemptParagraph | None = None
    report_title: str | None = None
    report_author: str | None = None
    contact_officer: str | None = None
    recommendations: tuple[ParsedRecommendation, ...] = ()
    # Why the clerk must confirm the part (the parser guessed Part II), or None.
    confirm_part: str | None = None
    # The title in Welsh, where a bilingual agenda gives one.
    welsh_title: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "part": self.part,
            "exempt_paragraph": self.exempt_paragraph,
            "report_title": self.report_title,
            "report_author": self.report_author,
            "contact_officer": self.contact_officer,
            "recommendations": [r.to_json() for r in self.recommendations],
            "confirm_part": self.confirm_part,
            **({"welsh_title": self.welsh_title} if self.welsh_title else {}),
        }


@dataclass(frozen=True, slots=True)
class ParsedReport:
    title: str | None
    author: str | None
    recommendations: tuple[ParsedRecommendation, ...]
    contact_officer: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "author": self.author,
            "contact_officer": self.contact_officer,
            "recommendations": [r.to_json() for r in self.recommendations],
        }

    def describe(self) -> str:
        lines = [f"Report: {self.title or '(title not found)'}"]
        if self.author:
            lines.append(f"Report of: {self.author}")
        if self.contact_officer:
            lines.append(f"Contact officer: {self.contact_officer}")
        lines.extend(_describe_recommendations(self.recommendations, indent=""))
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ParsedAgenda:
    organisation: str | None = None
    committee: str | None = None
    date: datetime.date | None = None
    time: datetime.time | None = None
    venue: str | None = None
    quorum: int | None = None
    members: tuple[ParsedMember, ...] = ()
    items: tuple[ParsedItem, ...] = ()
    warnings: tuple[str, ...] = ()
    # Named substitutes: they may stand in for a member, but are not members.
    substitutes: tuple[ParsedMember, ...] = ()
    # Why the quorum is the parser's arithmetic rather than a number the paper gives.
    quorum_inferred: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation,
            "committee": self.committee,
            "date": self.date.isoformat() if self.date else None,
            "time": self.time.strftime("%H:%M") if self.time else None,
            "venue": self.venue,
            "quorum": self.quorum,
            "quorum_inferred": self.quorum_inferred,
            "members": [m.to_json() for m in self.members],
            "substitutes": [m.to_json() for m in self.substitutes],
            "items": [i.to_json() for i in self.items],
            "warnings": list(self.warnings),
        }

    def describe(self) -> str:
        when = " ".join(
            part
            for part in (
                self.date.strftime("%A %d %B %Y") if self.date else "",
                self.time.strftime("%H:%M") if self.time else "",
            )
            if part
        )
        lines = [
            f"Organisation: {self.organisation or '-'}",
            f"Committee:    {self.committee or '-'}",
            f"When:         {when or '-'}",
            f"Venue:        {self.venue or '-'}",
            f"Quorum:       {self.quorum if self.quorum is not None else '-'}"
            + (" (worked out, to confirm)" if self.quorum_inferred else ""),
            f"Members ({len(self.members)}):",
        ]
        for member in self.members:
            notes: list[str] = [] if member.role == "member" else [member.role]
            notes += ["co-opted"] if member.co_opted else []
            notes += ["non-voting"] if not member.voting else []
            notes += ["role to confirm"] if member.role_inferred else []
            lines.append(f"  {member.name}" + (f" ({', '.join(notes)})" if notes else ""))
        if self.substitutes:
            lines.append("Substitutes: " + ", ".join(m.name for m in self.substitutes))
        lines.append(f"Items ({len(self.items)}):")
        for item in self.items:
            exempt = ""
            if item.part == 2:
                paragraph = item.exempt_paragraph
                exempt = " [Part II" + (f", para {paragraph}" if paragraph else "")
                exempt += ", to confirm]" if item.confirm_part else "]"
            dot = "." if item.number[-1:].isalnum() and "/" not in item.number else ""
            lines.append(f"  {item.number}{dot} {item.title}{exempt}")
            if item.welsh_title:
                lines.append(f"      Welsh: {item.welsh_title}")
            if item.report_title:
                lines.append(f"      report: {item.report_title}")
            lines.extend(_describe_recommendations(item.recommendations, indent="      "))
        for warning in self.warnings:
            lines.append(f"Warning: {warning}")
        return "\n".join(lines)


def _describe_recommendations(
    recommendations: tuple[ParsedRecommendation, ...], indent: str
) -> list[str]:
    lines = []
    for rec in recommendations:
        label = f"{rec.label} " if rec.label else "- "
        lines.append(f"{indent}{label}{rec.text}")
    return lines

"""What a clerk expects from each test paper: the facts a paper is written from.

A paper's expected output file is this truth, written out before the parser is
ever run on the paper, so a test against it can fail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Member:
    name: str  # as a clerk records it: no "Cllr", honours or post-nominals
    role: str = "member"  # chair, vice-chair or member
    written: str = ""  # how the paper writes the name (with titles), if not just ``name``
    role_text: str = ""  # how the paper writes the role, if it does
    co_opted: bool = False
    voting: bool = True
    role_inferred: bool = False  # the role is a guess from wording such as "(Leader)"

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "co_opted": self.co_opted,
            "voting": self.voting,
            "role_inferred": self.role_inferred,
        }


@dataclass(frozen=True)
class Rec:
    label: str | None
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text}


@dataclass(frozen=True)
class Item:
    number: str
    title: str
    part: int = 1
    paragraph: int | str | None = None
    recs: tuple[Rec, ...] = ()
    confirm: bool = False  # the parser cannot be sure of Part II: the clerk must confirm
    welsh_title: str | None = None
    # What the paper writes under the title (report line, sub-items, notes).
    notes: tuple[str, ...] = ()
    lead_in: str = ""  # "The Committee is asked to:" before recs written as points

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "number": self.number,
            "title": self.title,
            "part": self.part,
            "exempt_paragraph": self.paragraph,
            "confirm_part": self.confirm,
            "recommendations": [r.to_json() for r in self.recs],
        }
        if self.welsh_title is not None:
            data["welsh_title"] = self.welsh_title
        return data


@dataclass(frozen=True)
class Agenda:
    key: str
    kind: str  # the kind of body: parish, town, district, ...
    organisation: str
    committee: str
    date: str
    time: str
    venue: str
    quorum: int | None
    members: tuple[Member, ...]
    items: tuple[Item, ...]
    substitutes: tuple[Member, ...] = ()
    quorum_inferred: bool = False
    held_out: bool = False
    options: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "paper": "agenda",
            "kind": self.kind,
            "held_out": self.held_out,
            "organisation": self.organisation,
            "committee": self.committee,
            "date": self.date,
            "time": self.time,
            "venue": self.venue,
            "quorum": self.quorum,
            "quorum_inferred": self.quorum_inferred,
            "members": [m.to_json() for m in self.members],
            "substitutes": [m.name for m in self.substitutes],
            "items": [i.to_json() for i in self.items],
        }


@dataclass(frozen=True)
class Report:
    key: str
    title: str
    author: str
    recs: tuple[Rec, ...]
    held_out: bool = False
    options: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "paper": "report",
            "held_out": self.held_out,
            "title": self.title,
            "author": self.author,
            "recommendations": [r.to_json() for r in self.recs],
        }

"""The shape of a ``clerkdesk-meeting`` JSON document, written once.

Every object the document holds is described here: its keys, which are
required, each value's type and what values it may take. ``check_document``
holds a document against this description before a single field is read, and
refuses it whole at the first key that is unknown, missing or wrong, naming
its path (``record.items[3].part: must be 1 or 2``). ``describe`` writes the
same description as the tables of docs/meeting-record-format.md (a test keeps
the two the same).

Confidentiality is never guessed: every item must say ``part`` (1 or 2, as a
number) and ``exempt_paragraph`` (a Schedule 12A paragraph, or null), and a
Part I item that cites a paragraph is refused rather than read as public.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from clerkdesk.domain import schedule_12a
from clerkdesk.domain.errors import InvalidRecordError
from clerkdesk.domain.model import (
    AttendanceStatus,
    BodyKind,
    Capacity,
    ChairStyle,
    Disposal,
    MeetingStatus,
    MemberOrder,
    Outcome,
    PersonKind,
    Role,
    VoteOption,
)

# A check returns None when the value is good, else what is wrong with it.
Check = Callable[[Any], str | None]


@dataclass(frozen=True, slots=True)
class Scalar:
    name: str  # as the documentation shows it
    check: Check


@dataclass(frozen=True, slots=True)
class Obj:
    name: str
    fields: Mapping[str, Field]
    # Rules across fields: each returns (key, problem) when broken.
    rules: tuple[Callable[[dict[str, Any]], tuple[str, str] | None], ...] = ()


@dataclass(frozen=True, slots=True)
class ListOf:
    item: Scalar | Obj


@dataclass(frozen=True, slots=True)
class Field:
    kind: Scalar | Obj | ListOf
    required: bool = True
    nullable: bool = False
    meaning: str = field(default="", compare=False)


def _typed(kind: type, name: str) -> Check:
    def check(value: Any) -> str | None:
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            return f"expected {name}, found {_type_name(value)}"
        return None

    return check


def _type_name(value: Any) -> str:
    return {bool: "bool", int: "int", float: "float", str: "str", list: "list", dict: "object"}.get(
        type(value), type(value).__name__
    )


def _bounded(low: int, high: int) -> Check:
    is_int = _typed(int, "int")

    def check(value: Any) -> str | None:
        problem = is_int(value)
        if problem is None and not low <= value <= high:
            problem = f"must be between {low} and {high}"
        return problem

    return check


def _parsed(parse: Callable[[str], object], what: str, pattern: str | None = None) -> Check:
    is_str = _typed(str, "str")

    def check(value: Any) -> str | None:
        problem = is_str(value)
        if problem is not None:
            return problem
        try:
            if pattern is not None and not re.fullmatch(pattern, value):
                raise ValueError(what)
            parse(value)
        except ValueError:
            return f"{value!r} is not valid (expected {what})"
        return None

    return check


def _one_of(*values: object) -> Check:
    def check(value: Any) -> str | None:
        # 2.0, True and "2" are not 2: the type must match as well as the value
        if not any(type(value) is type(v) and value == v for v in values):
            return "must be " + " or ".join(map(_show, values))
        return None

    return check


def _show(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def _enum(kind: type[StrEnum]) -> Scalar:
    values = [m.value for m in kind]
    return Scalar(" | ".join(f'"{v}"' for v in values), _one_of(*values))


def _paragraph(value: Any) -> str | None:
    return None if schedule_12a.is_paragraph(value) else schedule_12a.paragraph_problem(value)


def _any_json(_value: Any) -> str | None:
    return None


STR = Scalar("str", _typed(str, "str"))
BOOL = Scalar("bool", _typed(bool, "bool"))
COUNT = Scalar("int (0 to 100000)", _bounded(0, 100_000))
DATE = Scalar("date (YYYY-MM-DD)", _parsed(dt.date.fromisoformat, "YYYY-MM-DD", r"\d{4}-\d\d-\d\d"))
TIME = Scalar("time (HH:MM)", _parsed(dt.time.fromisoformat, "HH:MM", r"\d\d:\d\d"))
DATETIME = Scalar("date-time (ISO 8601)", _parsed(dt.datetime.fromisoformat, "an ISO date-time"))
SEAL = Scalar(
    "seal (sha256:...)", _parsed(str, "sha256: and 64 hex digits", r"sha256:[0-9a-f]{64}")
)
PARAGRAPH = Scalar("Schedule 12A paragraph: 1..7, 7A..7C, 12..18, 18A..18C", _paragraph)


def _req(kind: Scalar | Obj | ListOf, meaning: str = "") -> Field:
    return Field(kind, meaning=meaning)


def _opt(kind: Scalar | Obj | ListOf, meaning: str = "") -> Field:
    """May be left out or null: the reader's default applies."""
    return Field(kind, required=False, nullable=True, meaning=meaning)


def _null(kind: Scalar | Obj | ListOf, meaning: str = "") -> Field:
    """Must be present; may be null."""
    return Field(kind, nullable=True, meaning=meaning)


def _part_i_cites_nothing(item: dict[str, Any]) -> tuple[str, str] | None:
    if item.get("part") == 1 and item.get("exempt_paragraph") is not None:
        return (
            "exempt_paragraph",
            "a Part I (public) item cites no Schedule 12A paragraph; if the item is exempt, "
            'set "part": 2',
        )
    return None


def _one_country(document: dict[str, Any]) -> tuple[str, str] | None:
    """An English council cites Part 1 of Schedule 12A, a Welsh one Part 4: never both."""
    items = document.get("items")
    cited = [i.get("exempt_paragraph") for i in items if isinstance(i, dict)] if items else []
    parts = {schedule_12a.schedule_part(p) for p in cited if schedule_12a.is_paragraph(p)}
    if len(parts) > 1:
        return (
            "items",
            "cites paragraphs of both Part 1 (England) and Part 4 (Wales) of Schedule 12A",
        )
    return None


def _result_agrees(vote: dict[str, Any]) -> tuple[str, str] | None:
    expected = {"carried": "pass", "lost": "fail"}.get(vote.get("outcome", ""))
    if vote.get("result") is not None and vote.get("result") != expected:
        return "result", f"does not agree with the outcome {vote.get('outcome')!r}"
    return None


CHOICE = Obj("choice", {"voter": _req(STR, "person key"), "option": _req(_enum(VoteOption))})
VOTE = Obj(
    "vote",
    {
        "outcome": _req(_enum(Outcome)),
        "result": _opt(Scalar('"pass" | "fail"', _one_of("pass", "fail")), "Popolo's result"),
        "taken_at": _opt(TIME),
        "counts": _opt(
            ListOf(Obj("count", {"option": _req(_enum(VoteOption)), "value": _req(COUNT)}))
        ),
        "votes": _opt(ListOf(CHOICE), "each member's vote in a recorded vote"),
        "casting_vote": _opt(CHOICE, "on a tie only"),
    },
    rules=(_result_agrees,),
)
AMENDMENT = Obj(
    "amendment",
    {
        "mover": _req(STR, "person key"),
        "seconder": _req(STR, "person key"),
        "text": _req(STR),
        "resulting_text": _opt(STR, "the recommendation as amended, if carried"),
        "vote": _opt(VOTE),
    },
)
RECOMMENDATION = Obj(
    "recommendation",
    {
        "label": _opt(STR),
        "text": _req(STR),
        "points": _opt(ListOf(STR), "sub-points, set out as a list under the text"),
        "vote": _opt(VOTE),
        "amendments": _opt(ListOf(AMENDMENT)),
    },
)
DECLARATION = Obj(
    "declaration",
    {
        "person": _req(STR, "person key"),
        "kind": _req(STR, "an interest kind's code"),
        "nature": _opt(STR),
        "sensitive": _opt(BOOL),
        "dispensation": _opt(BOOL),
        "left_room": _opt(BOOL),
    },
)
ITEM = Obj(
    "item",
    {
        "number": _req(STR),
        "title": _req(STR),
        "welsh_title": _opt(STR, "the title in Welsh, from a bilingual agenda"),
        "part": _req(Scalar("1 | 2", _one_of(1, 2)), "1 public, 2 exempt: always stated"),
        "exempt_paragraph": _null(
            PARAGRAPH,
            "always stated; null for Part I, and for Part II only where no paragraph "
            "is cited (a parish council excluding the public under the 1960 Act)",
        ),
        "report_title": _opt(STR),
        "report_author": _opt(STR),
        "contact_officer": _opt(STR),
        "public_summary": _opt(STR, "a Part II item's non-exempt summary"),
        "urgency_reason": _opt(
            STR, "the chair's reason for taking an item not on the agenda as urgent"
        ),
        "disposal": _opt(_enum(Disposal), "set when the item was not considered"),
        "taken_out_of_order": _opt(BOOL, "taken at another point than the agenda's"),
        "declarations": _opt(ListOf(DECLARATION)),
        "recommendations": _opt(ListOf(RECOMMENDATION)),
        "minutes": _opt(ListOf(STR)),
        "actions": _opt(
            ListOf(
                Obj(
                    "action",
                    {
                        "owner": _req(STR),
                        "text": _req(STR),
                        "paragraph": _opt(
                            Scalar("int (1 to 10000)", _bounded(1, 10000)),
                            "the item's minute paragraph it is printed beside (1 the first)",
                        ),
                    },
                )
            )
        ),
    },
    rules=(_part_i_cites_nothing,),
)
ATTENDANCE = Obj(
    "attendance",
    {
        "person": _req(STR, "person key"),
        "capacity": _req(_enum(Capacity)),
        "role": _opt(_enum(Role), "member when absent"),
        "voting": _opt(BOOL, "true when absent"),
        "status": _opt(_enum(AttendanceStatus), "present when absent"),
        "arrived_at": _opt(TIME),
        "departed_at": _opt(TIME),
        "arrived_during_item": _opt(STR, "item number"),
        "departed_during_item": _opt(STR, "item number"),
        "substitute_for": _opt(STR, "person key"),
        "note": _opt(STR, "the clerk's note, printed in the minutes' attendance notes"),
    },
)
INTEREST_KIND = Obj(
    "interest kind",
    {
        "code": _req(STR),
        "label": _req(STR),
        "may_speak": _req(BOOL),
        "may_vote": _req(BOOL),
        "must_leave": _req(BOOL),
        "shows_nature": _req(BOOL),
    },
)
CORRECTION = Obj(
    "correction",
    {
        "made_at": _req(DATETIME),
        "made_by": _req(STR),
        "reason": _req(STR),
        "summary": _req(STR),
        "rows_changed": _opt(ListOf(Scalar("object", _any_json)), "the rows before and after"),
        "seal": _opt(SEAL, "the record's seal after this correction"),
    },
)
MEETING = Obj(
    "meeting",
    {
        "date": _req(DATE),
        "start_time": _opt(TIME),
        "venue": _opt(STR),
        "status": _req(_enum(MeetingStatus)),
        "approved_at": _opt(DATETIME),
        "approved_by": _opt(STR),
        "chair_style": _opt(_enum(ChairStyle), "Chairman when absent"),
        "seal": _opt(SEAL, "the record's seal at approval"),
        "body_kind": _opt(_enum(BodyKind), "worked out from the committee's name when absent"),
        "member_order": _opt(_enum(MemberOrder), "surname when absent"),
        "closed_at": _opt(TIME, "when the meeting closed"),
        "clerk_name": _opt(STR, "the clerk; corrections after approval are made in this name"),
        "proper_officer": _opt(STR, "the proper officer named at the foot of the minutes"),
        "proper_officer_title": _opt(STR, "the proper officer's title"),
    },
)
DOCUMENT = Obj(
    "record",
    {
        "format": _req(Scalar('"clerkdesk-meeting"', _one_of("clerkdesk-meeting"))),
        "version": _req(Scalar("1", _one_of(1))),
        "organisation": _req(STR),
        "committee": _req(
            Obj(
                "committee",
                {"name": _req(STR), "quorum": _req(Scalar("int (1 to 1000)", _bounded(1, 1000)))},
            )
        ),
        "meeting": _req(MEETING),
        "people": _req(
            ListOf(
                Obj(
                    "person",
                    {
                        "key": _req(STR),
                        "name": _req(STR),
                        "kind": _opt(_enum(PersonKind), "councillor when absent"),
                        "title": _opt(STR, "an officer's job title at this meeting"),
                    },
                )
            )
        ),
        "attendance": _req(ListOf(ATTENDANCE)),
        "interest_kinds": _opt(ListOf(INTEREST_KIND), "must match the database's"),
        "items": _req(ListOf(ITEM)),
        "corrections": _opt(ListOf(CORRECTION)),
    },
    rules=(_one_country,),
)


def check_document(data: Any) -> None:
    """Refuse the document whole at its first unknown, missing or wrong field."""
    _check(DOCUMENT, data, "record")


def _fail(path: str, problem: str) -> InvalidRecordError:
    return InvalidRecordError(f"In the meeting record at {path}: {problem}.")


def _check(kind: Scalar | Obj | ListOf, value: Any, path: str) -> None:
    if isinstance(kind, Scalar):
        problem = kind.check(value)
        if problem is not None:
            raise _fail(path, problem)
    elif isinstance(kind, ListOf):
        if not isinstance(value, list):
            raise _fail(path, f"expected a list, found {_type_name(value)}")
        for n, element in enumerate(value):
            _check(kind.item, element, f"{path}[{n}]")
    else:
        _check_object(kind, value, path)


def _check_object(kind: Obj, value: Any, path: str) -> None:
    if not isinstance(value, dict):
        raise _fail(path, f"expected an object ({kind.name}), found {_type_name(value)}")
    for key in value:
        if key not in kind.fields:
            known = ", ".join(kind.fields)
            raise _fail(f"{path}.{key}", f"unknown key (a {kind.name} has: {known})")
    for key, spec in kind.fields.items():
        if key not in value:
            if spec.required:
                raise _fail(f"{path}.{key}", "this field is required")
            continue
        if value[key] is None:
            if not spec.nullable:
                raise _fail(f"{path}.{key}", "this field is required (null given)")
            continue
        _check(spec.kind, value[key], f"{path}.{key}")
    for rule in kind.rules:
        broken = rule(value)
        if broken is not None:
            raise _fail(f"{path}.{broken[0]}", broken[1])


def describe() -> str:
    """The schema as Markdown tables, one per kind of object (for the docs)."""
    sections: list[str] = []
    seen: set[str] = set()

    def visit(kind: Scalar | Obj | ListOf) -> None:
        if isinstance(kind, ListOf):
            visit(kind.item)
        elif isinstance(kind, Obj) and kind.name not in seen:
            seen.add(kind.name)
            lines = [
                f"### {kind.name}",
                "",
                "| key | type | presence | meaning |",
                "| --- | --- | --- | --- |",
            ]
            for key, spec in kind.fields.items():
                need = "required" if spec.required else "optional"
                if spec.nullable:
                    need += ", may be null"
                lines.append(f"| `{key}` | {_type_label(spec.kind)} | {need} | {spec.meaning} |")
            sections.append("\n".join(lines))
            for spec in kind.fields.values():
                visit(spec.kind)

    visit(DOCUMENT)
    return "\n\n".join(sections) + "\n"


def _type_label(kind: Scalar | Obj | ListOf) -> str:
    if isinstance(kind, ListOf):
        return f"list of {_type_label(kind.item)}"
    label = kind.name
    return label.replace("|", "\\|")

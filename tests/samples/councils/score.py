"""Compare the parser's output on the test papers with what a clerk expects.

    .venv/bin/python -m tests.samples.councils.score [--held-out] [--show]

Prints, per paper, the fields it got wrong, and the share of fields right.
A field is one header fact, one member (name, role and kind together), the
list of substitutes, one item (number, title, part, paragraph, confirmation),
or one recommendation (label and text); a missing or extra member, item or
recommendation counts as a wrong field.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from clerkdesk.importing import parse_agenda_file, parse_report_file

HERE = Path(__file__).resolve().parent
HEADER = ("organisation", "committee", "date", "time", "venue", "quorum", "quorum_inferred")


def actual(expected: dict[str, Any]) -> dict[str, Any]:
    path = HERE / expected["file"]
    if expected["paper"] == "report":
        report = parse_report_file(path).to_json()
        return {
            "title": report["title"],
            "author": report["author"],
            "recommendations": report["recommendations"],
        }
    data = parse_agenda_file(path).to_json()
    data["quorum_inferred"] = bool(data["quorum_inferred"])
    data["substitutes"] = [m["name"] for m in data["substitutes"]]
    data["items"] = [
        {
            "number": i["number"],
            "title": i["title"],
            "part": i["part"],
            "exempt_paragraph": i["exempt_paragraph"],
            "confirm_part": bool(i["confirm_part"]),
            "recommendations": i["recommendations"],
            **({"welsh_title": i.get("welsh_title")} if i.get("welsh_title") else {}),
        }
        for i in data["items"]
    ]
    data["members"] = [
        {
            "name": m["name"],
            "role": m["role"],
            "co_opted": m.get("co_opted", False),
            "voting": m.get("voting", True),
            "role_inferred": m.get("role_inferred", False),
        }
        for m in data["members"]
    ]
    return data


def fields(data: dict[str, Any]) -> list[tuple[str, Any]]:
    """The paper's fields as (where, value) pairs, in order."""
    if data.get("paper") == "report" or "title" in data:
        out = [("title", data["title"]), ("author", data["author"])]
        out += [(f"rec {n}", r) for n, r in enumerate(data["recommendations"])]
        return out
    out = [(name, data.get(name)) for name in HEADER]
    # The order in which a paper lists its members is not a fact a clerk records
    # (a two-column table reads across or down): members are compared by name.
    members = sorted(data["members"], key=lambda m: m["name"])
    out += [(f"member {n}", m) for n, m in enumerate(members)]
    out.append(("substitutes", data.get("substitutes", [])))
    for n, item in enumerate(data["items"]):
        head = {k: v for k, v in item.items() if k != "recommendations"}
        out.append((f"item {n}", head))
        out += [(f"item {n} rec {r}", rec) for r, rec in enumerate(item["recommendations"])]
    return out


def compare(expected: dict[str, Any]) -> tuple[int, list[str]]:
    got = dict(fields(actual(expected)))
    want = fields(expected)
    wrong = [
        f"{where}: want {value!r}, got {got.get(where)!r}"
        for where, value in want
        if got.get(where) != value
    ]
    extra = [
        f"{where}: unexpected {value!r}" for where, value in got.items() if where not in dict(want)
    ]
    return len(want), wrong + extra


def main(argv: list[str]) -> None:
    total = right = 0
    for path in sorted(HERE.glob("*.expected.json")):
        expected = json.loads(path.read_text("utf-8"))
        if ("--held-out" in argv) != bool(expected.get("held_out")):
            continue
        count, wrong = compare(expected)
        total += count
        right += count - min(count, len(wrong))
        print(f"{expected['file']}: {count - min(count, len(wrong))}/{count}")
        if "--show" in argv:
            for line in wrong:
                print("   ", line)
    print(f"fields right: {right}/{total} = {100 * right / max(total, 1):.1f}%")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Text shaped to make an agenda or report parser backtrack, loop or grow.

Shared by the fuzz test (each parses to a sensible answer) and the import
benchmark (each parses within its time target): timing is the benchmark's.
"""

from __future__ import annotations

HOSTILE_TEXTS: dict[str, str] = {
    "digits": "1" * 200_000,
    "brackets": "(" * 200_000,
    "items-one-line": "1. A " * 50_000,
    "words": "a " * 300_000,
    "many-items": "\n".join(f"{n}. ITEM {n}" for n in range(1, 20_000)),
    "many-recs": "Recommendations\n" + "(a) x;\n" * 20_000,
    "long": "meeting of the " + "A " * 100_000 + "on Monday 1 May 2024",
    "roman-starts": "\n".join(f"i. Title {n}\nText" for n in range(20_000)),
    "year-lines": "\n".join(f"2024/25 Budget {n}" for n in range(20_000)),
    "sub-items": "\n".join(f"1. A\n1.{n % 9 + 1} Sub {n}\nRecommendations:" for n in range(10_000)),
    "members": "Membership:\n" + "Cllr A Smith\n" * 50_000,
    "quorum": "Quorum " * 50_000,
}

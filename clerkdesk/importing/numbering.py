"""Agenda item numbers as papers write them, and which number comes next.

Besides 1, 2, 3 councils use sub-items ("5a", "5(a)", "5.1"), sections
("A1", "A2", "B1"), minute references ("24/123 Apologies for absence") and,
in some parish agendas, roman numerals ("i.", "ii."). A number keeps the
paper's wording, less a trailing "." or ")" ("5a." becomes "5a").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["plain", "sub", "lettered", "minute", "roman"]

# The number at the start of a heading line; the caller adds what may follow.
TOKEN = (
    r"(?P<minute>\d{1,4}/\d{1,4})"
    r"|(?P<sub>\d{1,3}(?:\.\d{1,2}|\((?:[a-zA-Z]{1,4}|\d{1,2})\)|[a-zA-Z]))"
    r"|(?P<lettered>[A-Z]\.?\d{1,2})"
    r"|(?P<plain>\d{1,3})"
    r"|(?P<roman>(?=[ivxIVX])(?:x{0,3}(?:ix|iv|v?i{0,3})|X{0,3}(?:IX|IV|V?I{0,3})))(?=[.)])"
)
_SUB = re.compile(
    r"^(?P<parent>\d{1,3})(?:\.(?P<dot>\d{1,2})|\((?P<paren>\w{1,4})\)|(?P<bare>\w))$"
)
_LETTERED = re.compile(r"^(?P<letter>[A-Z])\.?(?P<index>\d{1,2})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}
_FIRST_SUBS = frozenset({"1", "a", "A", "i", "I"})


@dataclass(frozen=True, slots=True)
class ItemNumber:
    text: str
    kind: Kind
    major: int = 0
    minor: str = ""
    style: str = ""

    @property
    def starts_alone(self) -> bool:
        """A plain number may open the list of items on its own word."""
        return self.kind == "plain"

    @property
    def may_start(self) -> bool:
        """Sub-items never open a list; the other kinds need their successor to confirm."""
        return self.kind != "sub"

    def follows(self, previous: ItemNumber) -> bool:
        """Whether this number comes straight after ``previous`` in one agenda."""
        if self.kind == "plain":
            return previous.kind in ("plain", "sub") and self.major == previous.major + 1
        if self.kind == "sub":
            if self.major == previous.major + 1 and previous.kind in ("plain", "sub"):
                # "4 Budget", then "5a Housing Strategy": item 5 is only its sub-items.
                return self.minor in _FIRST_SUBS
            if self.major != previous.major:
                return False
            if previous.kind == "plain":
                return self.minor in _FIRST_SUBS
            return (
                previous.kind == "sub"
                and previous.style == self.style
                and _next_label(previous.minor, self.minor)
            )
        if previous.kind != self.kind:
            return False
        if self.kind == "lettered":
            same_letter = self.major == previous.major
            return (same_letter and self.minor == _succ(previous.minor)) or (
                self.major == previous.major + 1 and self.minor == "1"
            )
        if self.kind == "minute":
            return (self.major == previous.major and self.minor == _succ(previous.minor)) or (
                self.minor == previous.minor and self.major == previous.major + 1
            )
        same_case = self.text.islower() == previous.text.islower()
        return same_case and self.major == previous.major + 1


def item_number(match: re.Match[str]) -> ItemNumber | None:
    """The number named by a match of a pattern built around :data:`TOKEN`."""
    if match.group("minute"):
        text = match.group("minute")
        first, _, second = text.partition("/")
        return ItemNumber(text, "minute", int(first), str(int(second)))
    if match.group("sub"):
        return _sub(match.group("sub"))
    if match.group("lettered"):
        text = match.group("lettered")
        lettered = _LETTERED.match(text)
        if lettered is None:
            return None
        return ItemNumber(text, "lettered", ord(lettered["letter"]), str(int(lettered["index"])))
    if match.group("plain"):
        return ItemNumber(str(int(match.group("plain"))), "plain", int(match.group("plain")))
    text = match.group("roman")
    return ItemNumber(text, "roman", roman_value(text)) if text else None


def _sub(text: str) -> ItemNumber | None:
    sub = _SUB.match(text)
    if sub is None:
        return None
    parent = int(sub["parent"])
    if sub["dot"]:
        return ItemNumber(text, "sub", parent, str(int(sub["dot"])), ".")
    if sub["paren"]:
        return ItemNumber(text, "sub", parent, sub["paren"], "()")
    return ItemNumber(text, "sub", parent, sub["bare"], "")


def _next_label(previous: str, current: str) -> bool:
    if previous.isdigit() and current.isdigit():
        return int(current) == int(previous) + 1
    if previous.isdigit() or current.isdigit():
        return False
    if previous.islower() != current.islower():
        return False
    is_next_letter = len(previous) == len(current) == 1 and ord(current) == ord(previous) + 1
    roman = roman_value(previous), roman_value(current)
    return is_next_letter or (roman[0] > 0 and roman[1] == roman[0] + 1)


def _succ(text: str) -> str:
    return str(int(text) + 1) if text.isdigit() else ""


def roman_value(text: str) -> int:
    """The value of a small roman numeral (up to 39), or 0 if ``text`` is not one."""
    lowered = text.lower()
    if not lowered or any(ch not in _ROMAN_VALUES for ch in lowered):
        return 0
    total = 0
    for index, ch in enumerate(lowered):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[lowered[index + 1]] if index + 1 < len(lowered) else 0
        total += -value if value < following else value
    return total

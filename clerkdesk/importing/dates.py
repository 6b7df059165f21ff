"""Meeting dates and start times in the many ways councils write them.

"TUESDAY 30 JANUARY 2018 at 10.30AM", "Wednesday 12th March 2025 at 7.00pm",
"Date: 3 June 2024", "Time: 2.00 pm", "19:00", "12 noon".
"""

from __future__ import annotations

import datetime
import re

_MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_DATE_PATTERNS = (
    # "Tuesday the 14th day of April 2026", as a formal summons writes it.
    re.compile(
        rf"\b{_WEEKDAY}(?:the\s+)?{_DAY}(?:\s+day)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    # Two-digit years: "1/4/25", and "12.03.25" with dots only when written in full
    # ("4.1.12" is a paragraph number); never inside "4.1.12.3" or "1/2/3/4".
    re.compile(
        r"(?<![\d./])(?:(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/|(?P<dday>[0-3]\d)\.(?P<dmonth>[01]\d)\.)"
        r"(?P<year>\d\d)(?![\d/]|\.\d)"
    ),
)
STARTS_WITH_MONTH = re.compile(rf"^{_MONTH}\b", re.IGNORECASE)

_AM_PM = re.compile(
    r"(?<![\d.:])(?P<hour>[01]?\d)(?:[.:](?P<minute>[0-5]\d))?\s*(?P<half>[ap])\.?\s?m\b\.?",
    re.IGNORECASE,
)
_NOON = re.compile(r"\b(?:12(?:[.:]00)?\s*)?(?:noon|midday)\b", re.IGNORECASE)
# A bare clock time, unless "am"/"pm" follows (then _AM_PM reads it, as "7.00 p.m." is 19:00).
_HOUR_MINUTE = r"(?P<hour>[01]?\d|2[0-3]){sep}(?P<minute>[0-5]\d)(?!\s*[ap]\.?\s?m\b)"
_CLOCK = re.compile(
    r"(?<![\d.:/£$])" + _HOUR_MINUTE.format(sep="[:.]") + r"(?![\d.:/%])", re.IGNORECASE
)
# "19:00" with a colon is a clock time wherever it stands; "19.00" could be money.
_COLON_CLOCK = re.compile(
    r"(?<![\d.:/£$])" + _HOUR_MINUTE.format(sep=":") + r"(?![\d.:/%])", re.IGNORECASE
)
_AT_CLOCK = re.compile(r"\bat\s+" + _HOUR_MINUTE.format(sep="[:.]") + r"\b", re.IGNORECASE)
# "at seven o'clock in the evening", "at half past seven in the evening": a summons's words.
_HOUR_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
_HOUR_WORD = "|".join(_HOUR_WORDS)
_TIME_IN_WORDS = re.compile(
    rf"\bat\s+(?:(?P<part>half|(?:a\s+)?quarter)\s+(?P<rel>past|to)\s+)?(?P<hour>{_HOUR_WORD})"
    r"(?:(?P<oclock>\s+o['’]?\s?clock)?(?:\s+in\s+the\s+(?P<when>morning|afternoon|evening))"
    r"|\s+o['’]?\s?clock)",
    re.IGNORECASE,
)
_TIME_LABEL = re.compile(r"^(?:start\s+)?time\b\s*[:\-]?\s*", re.IGNORECASE)
_DATE_LABEL = re.compile(r"^(?:meeting\s+)?date(?:\s+of\s+meeting)?\s*[:\-]", re.IGNORECASE)


def find_date(text: str) -> tuple[datetime.date, int] | None:
    """The first real date in ``text`` and where it ends."""
    best: tuple[datetime.date, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _to_date(match)
            if value is not None:
                if best is None or match.start() < best[1]:
                    best = (value, match.start(), match.end())
                break
    return (best[0], best[2]) if best else None


def _to_date(match: re.Match[str]) -> datetime.date | None:
    groups = match.groupdict()
    day = groups.get("day") or groups.get("dday") or "0"
    month_text = (groups.get("month") or groups.get("dmonth") or "").lower().rstrip(".")
    month = _MONTHS.get(month_text) or (int(month_text) if month_text.isdigit() else 0)
    year = int(match.group("year"))
    year = year + 2000 if year < 100 else year
    try:
        return datetime.date(year, month, int(day))
    except ValueError:
        return None


def find_time(
    text: str, *, labelled: bool = False, after_date: bool = False
) -> datetime.time | None:
    """A clock time in ``text``; bare "19.00" counts only after "at" or a label.

    Right after the meeting's date a bare "19:00" (with a colon) counts too.
    """
    candidates: list[tuple[int, datetime.time]] = []
    for match in _AM_PM.finditer(text):
        hour = int(match.group("hour"))
        if not 1 <= hour <= 12:
            continue
        hour = hour % 12 + (12 if match.group("half").lower() == "p" else 0)
        candidates.append((match.start(), datetime.time(hour, int(match.group("minute") or 0))))
        break
    words = _TIME_IN_WORDS.search(text)
    if words:
        candidates.append((words.start(), _time_in_words(words)))
    noon = _NOON.search(text)
    if noon:
        candidates.append((noon.start(), datetime.time(12, 0)))
    bare = _CLOCK if labelled else _COLON_CLOCK if after_date else _AT_CLOCK
    clock = bare.search(text) or (_AT_CLOCK.search(text) if after_date else None)
    if clock:
        minute = int(clock.group("minute"))
        candidates.append((clock.start(), datetime.time(int(clock.group("hour")), minute)))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


def _time_in_words(match: re.Match[str]) -> datetime.time:
    hour = _HOUR_WORDS.index(match.group("hour").lower()) + 1
    minute = 0
    part = (match.group("part") or "").lower()
    if part:
        minute = 30 if part == "half" else 15
        if match.group("rel").lower() == "to":
            hour, minute = hour - 1 or 12, 60 - minute
    when = (match.group("when") or "").lower()
    if when in ("afternoon", "evening") and hour < 12:
        hour += 12
    elif when == "morning" and hour == 12:
        hour = 0
    return datetime.time(hour, minute)


def meeting_date_and_time(
    lines: list[str],
) -> tuple[datetime.date | None, datetime.time | None]:
    """Date and start time from an agenda's front page lines."""
    date: datetime.date | None = None
    time: datetime.time | None = None
    for line in lines:
        if _DATE_LABEL.match(line):
            found = find_date(line)
            if found:
                date = found[0]
                time = time or find_time(line[found[1] :], after_date=True)
                break
    if date is None:
        for line in lines:
            found = find_date(line)
            if found:
                date = found[0]
                time = find_time(line[found[1] :], after_date=True)
                break
    if time is None:
        for line in lines:
            if _TIME_LABEL.match(line):
                time = find_time(line, labelled=True)
                if time:
                    break
    if time is None:
        for line in lines:
            if find_date(line) or "time" in line.lower() or "start" in line.lower():
                time = find_time(line)
                if time:
                    break
    return date, time

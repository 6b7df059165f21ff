"""How the minutes word things, in the style of the seed minutes.

Pure functions from domain values to sentences. Everything a renderer prints
about a vote comes from here, so the Word and PDF versions say the same thing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from clerkdesk.domain.corrections import CorrectionAccount
from clerkdesk.domain.model import Outcome, Tally, VoteOption
from clerkdesk.domain.schedule_12a import ExemptParagraph, in_order, schedule_part

NBSP = "\u00a0"  # keeps a name on one line, in Word and PDF alike

_ONES = [
    "ZERO",
    "ONE",
    "TWO",
    "THREE",
    "FOUR",
    "FIVE",
    "SIX",
    "SEVEN",
    "EIGHT",
    "NINE",
    "TEN",
    "ELEVEN",
    "TWELVE",
    "THIRTEEN",
    "FOURTEEN",
    "FIFTEEN",
    "SIXTEEN",
    "SEVENTEEN",
    "EIGHTEEN",
    "NINETEEN",
]
_TENS = ["_", "_", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY"]

# Words printed in bold wherever they occur in a vote or outcome sentence.
EMPHASIS = ("UNANIMOUSLY", "IN FAVOUR", "AGAINST", "ABSTAIN", "CARRIED", "LOST")
_EMPHASIS_RE = re.compile(r"\b(" + "|".join(EMPHASIS) + r")\b")

SCHEDULE_12A: dict[int, str] = {
    1: "information relating to any individual",
    2: "information which is likely to reveal the identity of an individual",
    3: "information relating to the financial or business affairs of any particular "
    "person (including the authority)",
    4: "information relating to any consultations or negotiations, or contemplated "
    "consultations or negotiations, in connection with any labour relations matter "
    "arising between the authority and employees of, or office holders under, the authority",
    5: "information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings",
    6: "information which reveals that the authority proposes to give under any enactment "
    "a notice imposing requirements on a person, or to make an order or direction under "
    "any enactment",
    7: "information relating to any action taken or to be taken in connection with the "
    "prevention, investigation or prosecution of crime",
}


def number_words(n: int) -> str:
    """12 -> "TWELVE", 21 -> "TWENTY-ONE"; counts past 999 stay as digits."""
    if n < 0:
        raise ValueError("A count of votes cannot be negative.")
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{_ONES[hundreds]} HUNDRED"
        return head + (f" AND {number_words(rest)}" if rest else "")
    return str(n)


def _members(n: int) -> str:
    return f"{number_words(n)} {'Member' if n == 1 else 'Members'}"


def vote_lines(tally: Tally, motion: str = "recommendation") -> list[str]:
    """The vote in words, one sentence a line, as the seed minutes set it out."""
    if tally.is_unanimous:
        return [f"Members voted UNANIMOUSLY in favour of this {motion}."]
    lines: list[str] = []
    if tally.yes:
        lines.append(f"{_members(tally.yes)} voted IN FAVOUR of this {motion}.")
    if tally.no:
        lines.append(f"{_members(tally.no)} voted AGAINST this {motion}.")
    if tally.abstain:
        lines.append(f"{_members(tally.abstain)} chose to ABSTAIN.")
    if not lines:
        lines.append(f"No votes were cast on this {motion}.")
    return lines


def casting_line(option: VoteOption, presiding: str, motion: str = "recommendation") -> str:
    way = "IN FAVOUR of" if option is VoteOption.YES else "AGAINST"
    return (
        f"There being an equality of votes, {presiding} used their casting vote "
        f"{way} this {motion}."
    )


def outcome_line(outcome: Outcome, motion: str = "recommendation") -> str:
    """The outcome in capitals, as minutes print it: the recommendation was CARRIED."""
    if outcome is Outcome.DEFERRED:
        return f"Consideration of this {motion} was DEFERRED."
    return f"The {motion} was {outcome.value.upper()}."


def named_vote_lines(named: Iterable[tuple[str, VoteOption]]) -> list[str]:
    """A recorded vote: "For: A; B", "Against: C", "Abstained: D" (empty groups left out)."""
    groups: dict[VoteOption, list[str]] = {option: [] for option in VoteOption}
    for name, option in named:
        groups[option].append(name)
    heads = {VoteOption.YES: "For", VoteOption.NO: "Against", VoteOption.ABSTAIN: "Abstained"}
    return [f"{heads[option]}: {'; '.join(names)}" for option, names in groups.items() if names]


def amendment_line(mover: str, seconder: str, text: str) -> str:
    return (
        f"Councillor {mover} moved and Councillor {seconder} seconded the following "
        f"amendment: {text}"
    )


def long_date(day: dt.date) -> str:
    """2018-01-10 -> "Wednesday 10 January 2018"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def clock(at: dt.time) -> str:
    """The time as councils write it: 10:30 -> "10.30 am"; 14:05 -> "2.05 pm";
    12:00 -> "12.00 noon"."""
    if at.hour == 12 and at.minute == 0:
        return "12.00 noon"
    hour = at.hour % 12 or 12
    return f"{hour}.{at.minute:02d} {'am' if at.hour < 12 else 'pm'}"


def exempt_paragraph_line(paragraph: ExemptParagraph) -> str:
    """ "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972:
    information relating to ...", to follow "exempt information as defined in".
    A Welsh paragraph (12 to 18) is in Part 4, with the same words as 1 to 7."""
    part = schedule_part(paragraph)
    english = paragraph - 11 if isinstance(paragraph, int) and part == 4 else paragraph
    words = SCHEDULE_12A.get(english) if isinstance(english, int) else None
    cited = f"paragraph {paragraph} of Part {part} of Schedule 12A to the Local Government Act 1972"
    return f"{cited}: {words}" if words else cited


def exclusion_resolution(paragraphs: Iterable[ExemptParagraph]) -> str:
    numbers = in_order(paragraphs)
    part = schedule_part(numbers[0])
    if len(numbers) == 1:
        cited = f"paragraph {numbers[0]}"
    else:
        cited = "paragraphs " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
    return (
        "That under Section 100A(4) of the Local Government Act 1972 the press and public "
        "be excluded from the meeting for the following item(s) of business on the grounds "
        "that it/they involve the likely disclosure of exempt information as defined in "
        f"{cited} of Part {part} of Schedule 12A to the said Act and the public interest in "
        "maintaining the exemption outweighs the public interest in disclosing the information."
    )


def emphasis_runs(text: str) -> tuple[tuple[str, bool], ...]:
    """Split a sentence into (text, bold) runs, bolding the vote keywords."""
    runs: list[tuple[str, bool]] = []
    last = 0
    for match in _EMPHASIS_RE.finditer(text):
        if match.start() > last:
            runs.append((text[last : match.start()], False))
        runs.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        runs.append((text[last:], False))
    return tuple(runs)


def correction_line(account: CorrectionAccount, *, detailed: bool) -> str:
    """A correction after approval: when and by whom; ``detailed``, also why and what
    changed ("Corrected on ... by Elaine Manzi. Reason: ... Edit minute 3.2: the
    wording read “A”; it now reads “B”.")."""
    c = account.correction
    who = NBSP.join(c.made_by.split())
    line = f"Corrected on {long_date(c.made_at.date())} by {who}."
    if not detailed:
        return line
    reason = c.reason.strip().rstrip(".")
    line += f" Reason: {reason}." if reason else ""
    what = "; ".join(account.changes)
    summary = c.summary.strip().rstrip(".")
    if summary and what:
        line += f" {summary}: {what}."
    elif summary or what:
        line += f" {summary or what[0].upper() + what[1:]}."
    return line


def closing_line(closed_at: dt.time) -> str:
    return f"The meeting closed at {clock(closed_at)}."

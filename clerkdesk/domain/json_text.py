"""Reading a meeting record's JSON text within limits a real record never reaches.

Python's ``json`` accepts what no record needs and what the database cannot
hold: integers of thousands of digits (converting them is refused by Python
itself past 4,300 digits, with a ValueError), integers past SQLite's 64 bits,
``NaN`` and ``Infinity``, strings holding a lone UTF-16 surrogate, which
cannot be written as UTF-8, and strings holding a control character, which
no record's text may hold (record_text.py). Each is refused here, with where
it was found, so that nothing past this point has to expect them.
"""

from __future__ import annotations

import json
import math
from typing import Any

from clerkdesk.domain.errors import InvalidRecordError
from clerkdesk.domain.record_text import NOT_RECORD_TEXT

# A record of a long meeting is a few hundred kilobytes (the demo's is 14 KB);
# 8 MB holds hundreds of meetings' worth, and its parse stays within ~200 MB.
MAX_RECORD_BYTES = 8 * 1024 * 1024
# SQLite stores integers in 64 bits; every id, count and minute fits well inside.
MAX_INTEGER = 2**63 - 1
# The longest number a record needs is a float as ``json`` writes it (~24 characters).
MAX_NUMBER_CHARACTERS = 40

_FIX = "Check that it is a file written by `clerkdesk dump`."


def parse_json_text(text: str) -> Any:
    """The JSON value in ``text``, or :class:`InvalidRecordError` saying what is wrong."""
    try:
        data = json.loads(
            text, parse_int=_integer, parse_float=_number, parse_constant=_no_constant
        )
    except json.JSONDecodeError as error:
        raise InvalidRecordError(
            f"The file is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}). {_FIX}"
        ) from None
    except RecursionError:
        raise InvalidRecordError("The JSON is nested too deeply to be a meeting record.") from None
    _refuse_what_text_cannot_hold(data)
    return data


def _integer(literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARACTERS or abs(value := int(literal)) > MAX_INTEGER:
        raise InvalidRecordError(
            f"The record holds the number {literal[:20]}{'...' if len(literal) > 20 else ''}, "
            f"larger than any record holds (the limit is {MAX_INTEGER:,}). {_FIX}"
        )
    return value


def _number(literal: str) -> float:
    value = float(literal) if len(literal) <= MAX_NUMBER_CHARACTERS else math.inf
    if not math.isfinite(value):
        raise InvalidRecordError(
            f"The record holds the number {literal[:20]}{'...' if len(literal) > 20 else ''}, "
            f"which is too long or too large to be part of a meeting record. {_FIX}"
        )
    return value


def _no_constant(literal: str) -> Any:
    raise InvalidRecordError(
        f"The record holds {literal}, which is not a number JSON allows. {_FIX}"
    )


_Where = tuple[Any, str | int] | None  # (parent, key): formatted only when reported


def _refuse_what_text_cannot_hold(data: Any) -> None:
    """Walk every key and string (without recursion: depth is the parser's limit)."""
    stack: list[tuple[_Where, Any]] = [(None, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            for key, inner in value.items():
                _check_text(key, (where, key))
                stack.append(((where, key), inner))
        elif isinstance(value, list):
            stack.extend(((where, index), inner) for index, inner in enumerate(value))
        elif isinstance(value, str):
            _check_text(value, where)


def _check_text(text: str, where: _Where) -> None:
    found = NOT_RECORD_TEXT.search(text)
    if found is None:
        return
    if "\ud800" <= found.group() <= "\udfff":
        raise InvalidRecordError(
            f"The text at {_path(where)} holds a lone surrogate (an escape such as "
            f"\\ud800 that is half of a character), which cannot be stored. {_FIX}"
        )
    raise InvalidRecordError(
        f"The text at {_path(where)} holds a character that is not text "
        f"(U+{ord(found.group()):04X}), which no meeting record may hold. {_FIX}"
    )


def _path(where: _Where) -> str:
    parts: list[str] = []
    while where is not None:
        where, key = where
        if isinstance(key, int):
            parts.append(f"[{key}]")
        else:
            parts.append("." + key.encode("utf-8", errors="backslashreplace").decode()[:60])
    return "".join(reversed(parts)).lstrip(".") or "the top level"

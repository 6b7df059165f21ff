"""A record's text holds only characters that are text (domain/record_text.py)."""

from __future__ import annotations

import pytest

from clerkdesk.domain.errors import RuleViolation
from clerkdesk.domain.record_text import NOT_RECORD_TEXT, check_record_text

TEXT = "Cllr Ŵyn Jones’ report 📄 —\n\tsee appendix A\r\nAgreed."


def test_newlines_tabs_and_every_language_are_text() -> None:
    check_record_text(TEXT, "The minute paragraph's text")
    assert NOT_RECORD_TEXT.search(TEXT) is None


@pytest.mark.parametrize(
    "character",
    [chr(code) for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))]
    + ["\ufffe", "\uffff", "\ud800", "\udce9"],
)
def test_control_characters_non_characters_and_surrogate_halves_are_not_text(
    character: str,
) -> None:
    with pytest.raises(RuleViolation) as refused:
        check_record_text(f"Agreed{character} unanimously", "The minute paragraph's text")
    message = refused.value.message
    assert message.startswith("The minute paragraph's text holds a character that is not text")
    assert f"(U+{ord(character):04X}) after “Agreed”" in message
    assert message.endswith("or type the text again. Nothing was recorded.")


def test_the_refusal_says_where_the_character_is() -> None:
    with pytest.raises(RuleViolation, match=r"\(U\+0000\) at its start"):
        check_record_text("\x00Apologies", "The agenda item's title")
    long_text = "x" * 100 + "\x07"
    with pytest.raises(RuleViolation, match="after “" + "x" * 30 + "”"):
        check_record_text(long_text, "The agenda item's title")

"""The read-only queries behind search and a member's record."""

from __future__ import annotations

import pytest

from clerkdesk.services import lookups as queries
from clerkdesk.services.minutes import add_paragraph
from tests.conftest import DemoDb


def test_full_text_search_finds_items_recommendations_and_minutes(demo: DemoDb) -> None:
    record = demo.fresh_record(demo.january_30)
    item = record.item_by_number("5")
    add_paragraph(demo.desk, demo.january_30, item.id, "The telecare contract was discussed.")
    hits = queries.search(demo.db, "telecare")
    kinds = {(h.kind, h.meeting_id) for h in hits}
    assert ("minute", demo.january_30) in kinds
    assert ("recommendation", demo.january_10) in kinds
    minute = next(h for h in hits if h.kind == "minute")
    assert minute.item_id == item.id and minute.item_number == "5"
    assert "[telecare]" in minute.snippet.lower()


def test_a_limited_search_gives_the_newest_hits_of_every_kind(demo: DemoDb) -> None:
    """The limit keeps the newest hits, items, recommendations and minutes
    alike (the server chooses them before joining them to their meetings)."""
    record = demo.fresh_record(demo.january_30)
    item = record.item_by_number("5")
    for n in range(6):
        add_paragraph(demo.desk, demo.january_30, item.id, f"Telecare contract, point {n}.")
    everything = queries.search(demo.db, "telecare")
    kinds = {hit.kind for hit in everything}
    assert {"minute", "recommendation"} <= kinds and len(everything) == 7
    # The six paragraphs just recorded are the newest entries.
    assert [hit.kind for hit in everything[:6]] == ["minute"] * 6
    for limit in (1, 3, 6, 7):
        assert queries.search(demo.db, "telecare", limit=limit) == everything[:limit]


def test_a_server_search_finds_the_same_hits_wherever_its_newest_entries_end(
    demo: DemoDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server searches its newest entries first, and the older ones only if
    those are too few: wherever that line falls, the hits are the same."""
    from clerkdesk.persistence import search_index

    record = demo.fresh_record(demo.january_30)
    item = record.item_by_number("5")
    for n in range(6):
        add_paragraph(demo.desk, demo.january_30, item.id, f"Telecare contract, point {n}.")
    everything = queries.search(demo.db, "telecare")
    for window in (0, 4, 9, 17, 10**9):  # every entry older; some; none
        monkeypatch.setattr(search_index, "_NEWEST_ENTRIES", window)
        for limit in (1, 3, 7, 200):
            assert queries.search(demo.db, "telecare", limit=limit) == everything[:limit]
        assert queries.search(demo.db, "zymurgy") == []


def test_search_survives_what_a_clerk_types(demo: DemoDb) -> None:
    for words in ('"', "AND", "care*", "(", "NEAR(", "  ", "-"):
        queries.search(demo.db, words)  # never an FTS5 syntax error
    assert queries.search(demo.db, "") == []
    assert queries.search(demo.db, "charg")  # prefixes match


def test_characters_that_are_not_text_separate_search_terms(demo: DemoDb) -> None:
    """A NUL pasted into the search box (which a server's query cannot hold)
    matches nothing, as a space would not: no record's text holds one."""
    _minute(demo, "The double-handed care visits rose.")
    for words in ("double-handed\x00", "\x00visits", "care\x00visits", "visits\x1b"):
        assert _minutes_found(demo, words), repr(words)
    assert queries.search(demo.db, "\x00\x07") == []


def test_member_history_lists_attendance_and_declarations(demo: DemoDb) -> None:
    people = {p.name: p.id for p in queries.list_councillors(demo.db)}
    history = queries.member_history(demo.db, people["E H Buckmaster"])
    assert [row.what for row in history] == ["Absent", "Apologies"]
    smith = queries.member_history(demo.db, people["R H Smith"])
    assert smith[0].what == "Present (substituting for E H Buckmaster)"


def test_committees_are_listed_with_their_membership(demo: DemoDb) -> None:
    (committee,) = queries.list_committees(demo.db)
    assert committee.members == 12 and committee.quorum == 3


def _minute(demo: DemoDb, text: str) -> None:
    item = demo.fresh_record(demo.january_30).item_by_number("5")
    add_paragraph(demo.desk, demo.january_30, item.id, text)


def _minutes_found(demo: DemoDb, words: str) -> list[str]:
    return [h.snippet for h in queries.search(demo.db, words) if h.kind == "minute"]


def test_hyphenated_and_decimal_terms_match_as_the_text_does(demo: DemoDb) -> None:
    _minute(demo, "The double-handed care visits rose by 3.25 per cent (see 4.1.2).")
    for words in ("double-handed", "Double-Handed", "3.25", "4.1.2", "visits 3.25", "double-hand"):
        assert _minutes_found(demo, words), words
    # A phrase is matched as one: the parts in another order are not the term.
    assert not _minutes_found(demo, "handed-double")
    assert not _minutes_found(demo, "25.3")


def test_quotes_and_fts_operators_are_literal_text(demo: DemoDb) -> None:
    _minute(demo, 'Officers said "NEAR AND OR NOT" in body:text with a*b and ^caret.')
    for words in ('"NEAR', "NEAR(", "AND", "OR NOT", "body:text", "a*b", "^caret", 'said "near'):
        assert _minutes_found(demo, words), words
    # Operators are words to look for, not instructions: none of these is in the minutes.
    absent = ("NEAR(wombat", "wombat OR care", "officers NOT wombat", "body:officers", "{body}: x")
    for words in absent:
        assert not _minutes_found(demo, words), words
    for words in ('"', '""', "*", "^", "-", "(", ")", ":", "{", "NEAR/2", "\\", "'"):
        queries.search(demo.db, words)  # never an FTS5 syntax error


def test_an_oversized_search_is_refused_saying_which_limit(demo: DemoDb) -> None:
    words = " ".join(["care"] * (queries.MAX_SEARCH_WORDS + 1))
    assert len(words) <= queries.MAX_SEARCH_CHARACTERS
    with pytest.raises(queries.SearchTooLong, match=f"limit is {queries.MAX_SEARCH_WORDS} words"):
        queries.search(demo.db, words)
    # One hyphenated "word" of many parts is as many words to the index.
    with pytest.raises(queries.SearchTooLong, match="words"):
        queries.search(demo.db, "-".join(["a"] * (queries.MAX_SEARCH_WORDS + 1)))
    with pytest.raises(queries.SearchTooLong, match="characters"):
        queries.search(demo.db, "x" * (queries.MAX_SEARCH_CHARACTERS + 1))
    with pytest.raises(queries.SearchTooLong):
        queries.search(demo.db, " ".join(["council"] * 5000))
    at_limit = " ".join(["care"] * queries.MAX_SEARCH_WORDS)
    assert queries.search(demo.db, at_limit) is not None

"""The read-only queries behind search and a member's record."""

from __future__ import annotations

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


def test_search_survives_what_a_clerk_types(demo: DemoDb) -> None:
    for words in ('"', "AND", "care*", "(", "NEAR(", "  ", "-"):
        queries.search(demo.db, words)  # never an FTS5 syntax error
    assert queries.search(demo.db, "") == []
    assert queries.search(demo.db, "charg")  # prefixes match


def test_member_history_lists_attendance_and_declarations(demo: DemoDb) -> None:
    people = {p.name: p.id for p in queries.list_councillors(demo.db)}
    history = queries.member_history(demo.db, people["E H Buckmaster"])
    assert [row.what for row in history] == ["Absent", "Apologies"]
    smith = queries.member_history(demo.db, people["R H Smith"])
    assert smith[0].what == "Present (substituting for E H Buckmaster)"


def test_committees_are_listed_with_their_membership(demo: DemoDb) -> None:
    (committee,) = queries.list_committees(demo.db)
    assert committee.members == 12 and committee.quorum == 3

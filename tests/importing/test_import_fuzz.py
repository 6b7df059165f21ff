"""Whatever arrives, only DocumentError may escape, and big inputs stay fast."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerkdesk.importing import (
    DocumentError,
    ParsedAgenda,
    parse_agenda_file,
    parse_agenda_text,
    parse_report_text,
)
from clerkdesk.importing.pages import join_pages

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "agendas"
AGENDA_WORDS = st.sampled_from(
    [
        "1.",
        "2)",
        "(a)",
        "3.1",
        "i.)",
        "- ",
        "Recommendations",
        "RECOMMENDED that",
        "PART II",
        "Quorum",
        "three",
        "Chairman",
        "Cllr",
        "Members:",
        "Date:",
        "Time:",
        "10.30AM",
        "7pm",
        "30 January 2018",
        "Schedule 12A",
        "paragraph 3",
        "Minutes",
        "HERTFORDSHIRE COUNTY COUNCIL",
        "Report of the Director",
        "\n",
        "\n\n",
        "\t",
        ";",
        ",",
        "(",
        ")",
        "*",
        "**",
        "#",
        "Agenda",
        "Appendix",
        "Council",
        "Committee",
        "5a",
        "5(b)",
        "5.1",
        "A1",
        "B2",
        "24/123",
        "24/124",
        "ii.",
        "iv)",
        "To: Councillors",
        "Membership:",
        "Substitutes:",
        "12.03.25",
        "2025-03-12",
        "19:00",
        "7.00 p.m.",
        "one third of the membership",
        "Page 2 of 12",
    ]
)
agenda_like_text = st.lists(st.one_of(AGENDA_WORDS, st.text(max_size=20)), max_size=200).map(
    " ".join
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=3000))
def test_any_text_parses(text: str) -> None:
    agenda = parse_agenda_text(text)
    assert isinstance(agenda.to_json(), dict)
    assert isinstance(agenda.describe(), str)
    parse_report_text(text)


@FAST
@given(agenda_like_text)
def test_agenda_shaped_noise_parses(text: str) -> None:
    agenda = parse_agenda_text(text)
    numbers = [i.number for i in agenda.items]
    assert len(set(numbers)) == len(numbers)
    assert all(n and n == n.strip() and not n.endswith(".") for n in numbers)
    assert all(i.part in (1, 2) for i in agenda.items)
    assert all(m.role in ("chair", "vice-chair", "member") for m in agenda.members)


def _check_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            assert isinstance(parse_agenda_file(path), ParsedAgenda)
        except DocumentError as error:
            assert str(error)


@FAST
@given(st.binary(max_size=4000), st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_random_bytes(data: bytes, suffix: str) -> None:
    _check_file(data, suffix)


@FAST
@given(
    st.lists(
        st.lists(st.one_of(AGENDA_WORDS, st.text(max_size=30)).map(str.strip), max_size=12),
        max_size=6,
    )
)
def test_joining_pages_never_invents_lines(pages: list[list[str]]) -> None:
    joined = join_pages(pages)
    assert sum(1 for line in joined if line) <= sum(1 for page in pages for line in page if line)


@pytest.mark.parametrize("name", ["county-cabinet.docx", "county-cabinet-table.pdf"])
def test_damaged_real_files(name: str) -> None:
    original = (FIXTURES / name).read_bytes()
    rng = random.Random(name)
    for _ in range(40):
        data = bytearray(original)
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        cut = rng.randint(len(data) // 2, len(data))
        _check_file(bytes(data[:cut]), Path(name).suffix)


@pytest.mark.parametrize(
    "text",
    [
        "1" * 200_000,
        "(" * 200_000,
        "1. A " * 50_000,
        "a " * 300_000,
        "\n".join(f"{n}. ITEM {n}" for n in range(1, 20_000)),
        ("Recommendations\n" + "(a) x;\n" * 20_000),
        "meeting of the " + "A " * 100_000 + "on Monday 1 May 2024",
        "\n".join(f"i. Title {n}\nText" for n in range(20_000)),
        "\n".join(f"2024/25 Budget {n}" for n in range(20_000)),
        "\n".join(f"1. A\n1.{n % 9 + 1} Sub {n}\nRecommendations:" for n in range(10_000)),
        "Membership:\n" + "Cllr A Smith\n" * 50_000,
        "Quorum " * 50_000,
    ],
    ids=[
        "digits",
        "brackets",
        "items-one-line",
        "words",
        "many-items",
        "many-recs",
        "long",
        "roman-starts",
        "year-lines",
        "sub-items",
        "members",
        "quorum",
    ],
)
def test_large_hostile_inputs_finish_quickly(text: str) -> None:
    started = time.perf_counter()
    parse_agenda_text(text)
    parse_report_text(text)
    assert time.perf_counter() - started < 5.0

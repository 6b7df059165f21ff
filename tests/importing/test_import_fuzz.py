"""Whatever arrives, only DocumentError may escape, and big inputs stay fast."""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerkdesk.importing import (
    DocumentError,
    ParsedAgenda,
    parse_agenda_file,
    parse_agenda_text,
    parse_report_text,
)
from clerkdesk.importing.pages import join_pages
from tests.conftest import examples

from .hostile_texts import HOSTILE_TEXTS

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
FAST = settings(max_examples=examples(150))


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


@pytest.mark.slow
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


@pytest.mark.slow
@pytest.mark.parametrize("name", HOSTILE_TEXTS)
def test_large_hostile_inputs_parse_to_an_answer(name: str) -> None:
    """Text shaped to make a parser backtrack or loop. How fast each parses is
    the import benchmark's measure (benchmarks/bench_import.py, target < 5 s);
    here, that each gives an answer that is plain data of sensible size."""
    text = HOSTILE_TEXTS[name]
    agenda = parse_agenda_text(text)
    report = parse_report_text(text)
    assert len(agenda.items) <= text.count("\n") + 1
    assert all(len(item.title) <= len(text) for item in agenda.items)
    assert len(report.recommendations) <= text.count("\n") + 1
    json.dumps(agenda.to_json(), ensure_ascii=False)

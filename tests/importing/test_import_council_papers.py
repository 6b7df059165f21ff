"""Every field a clerk needs, from every test paper in tests/samples/councils.

The papers (agendas of parish, town, district, county, unitary, metropolitan
borough, London borough and Welsh county councils, combined authorities, fire
authorities and police and crime panels, and committee reports) are written by
``tests/samples/councils/make_papers.py`` from what a clerk expects of each,
which is also written out as ``<paper>.expected.json``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, SAMPLES
from tests.samples.councils.score import compare

PAPERS = SAMPLES / "councils"
EXPECTED = sorted(PAPERS.glob("*.expected.json"))


def _expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@pytest.mark.parametrize(
    "path", EXPECTED, ids=[p.name.removesuffix(".expected.json") for p in EXPECTED]
)
def test_every_field_of_every_paper(path: Path) -> None:
    count, wrong = compare(_expected(path))
    assert count > 0
    assert wrong == []


def test_the_papers_cover_every_kind_of_body_format_and_report_style() -> None:
    papers = [_expected(path) for path in EXPECTED]
    agendas = [p for p in papers if p["paper"] == "agenda"]
    reports = [p for p in papers if p["paper"] == "report"]
    assert len(agendas) >= 24
    assert len(reports) >= 12
    kinds = Counter(p["kind"] for p in agendas)
    assert len(kinds) >= 10
    for kind in (
        "parish",
        "town",
        "district",
        "county",
        "unitary",
        "metropolitan borough",
        "London borough",
        "Welsh county",
        "combined authority",
    ):
        assert kinds[kind] >= 1, kind
    assert kinds["fire authority"] + kinds["police and crime panel"] >= 1
    formats = Counter(Path(p["file"]).suffix for p in agendas)
    assert min(formats[".txt"], formats[".docx"], formats[".pdf"]) >= 5
    # Every paper named is there, and nothing else is.
    files = {p["file"] for p in papers}
    on_disk = {p.name for p in PAPERS.iterdir() if p.suffix in (".txt", ".docx", ".pdf")}
    assert files == on_disk


def test_a_wrong_answer_is_caught() -> None:
    # The comparison itself can fail: a paper with one field changed does not pass.
    expected = _expected(PAPERS / "parish-summons-run-on.expected.json")
    expected["members"][0]["role"] = "member"
    _, wrong = compare(expected)
    assert len(wrong) == 1


@pytest.mark.slow
def test_the_committed_papers_are_what_the_generator_writes(tmp_path: Path) -> None:
    # In a process of its own: reportlab keeps state (fonts other tests register) that
    # would change the bytes of the PDFs it writes.
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from tests.samples.councils.make_papers import main; main(Path(sys.argv[1]))",
            str(tmp_path),
        ],
        cwd=REPO,
        check=True,
        timeout=300,
    )
    written = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(
        p.name for p in PAPERS.iterdir() if p.suffix in (".txt", ".docx", ".pdf", ".json")
    )
    assert written == committed
    for name in written:
        assert (tmp_path / name).read_bytes() == (PAPERS / name).read_bytes(), name

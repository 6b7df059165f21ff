"""Every registered format is exported, logged and verified the same way, and
the command line offers exactly the registered formats."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from clerkdesk.cli import build_parser, main
from clerkdesk.domain.errors import RuleViolation
from clerkdesk.export.formats import FORMATS, export_format
from clerkdesk.services.context import Desk
from clerkdesk.services.exporting import export_meeting
from clerkdesk.services.verifying import verify_file


@pytest.mark.parametrize("name", list(FORMATS))
def test_each_format_is_exported_logged_and_verifies(
    name: str, desk: Desk, demo_ids: list[int], tmp_path: Path
) -> None:
    fmt = FORMATS[name]
    path = export_meeting(desk, demo_ids[0], name, False, tmp_path / "minutes")
    assert path.name == f"minutes{fmt.suffix}"
    verdict = verify_file(desk, path)
    assert verdict.ok and f"the public minutes ({name})" in verdict.message
    changed = tmp_path / f"changed{fmt.suffix}"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    changed.write_bytes(bytes(data))
    assert not verify_file(desk, changed).ok


def test_html_export_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.db")
    assert main(["--db", db, "demo"]) == 0
    out_file = tmp_path / "public.html"
    assert main(["--db", db, "export", "1", "--format", "html", "-o", str(out_file)]) == 0
    assert out_file.read_bytes().startswith(b"<!DOCTYPE html>")
    capsys.readouterr()
    assert main(["--db", db, "verify", str(out_file)]) == 0


def test_the_command_line_offers_the_registered_formats() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    option = next(a for a in commands["export"]._actions if "--format" in a.option_strings)
    assert tuple(option.choices) == tuple(FORMATS) == ("docx", "pdf", "html")


def test_an_unknown_format_is_refused_with_the_known_ones(
    desk: Desk, demo_ids: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RuleViolation, match="docx, pdf, html"):
        export_meeting(desk, demo_ids[0], "odt", False, out / "m.odt")
    with pytest.raises(ValueError, match="docx, pdf, html"):
        export_format("odt")
    assert not list(out.iterdir())


def test_formats_say_how_dialogs_and_logs_name_them() -> None:
    assert FORMATS["docx"].file_filter == "Word document (*.docx)"
    assert FORMATS["pdf"].file_filter == "PDF document (*.pdf)"
    assert FORMATS["html"].file_filter == "Web page (*.html)"
    assert [f.name for f in FORMATS.values() if f.certified] == ["pdf"]

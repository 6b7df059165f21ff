import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from clerkdesk.cli import main
from clerkdesk.domain.errors import RuleViolation
from clerkdesk.services.context import Desk
from clerkdesk.services.exporting import export_meeting
from clerkdesk.services.verifying import pdf_revisions, verify_file


def test_export_is_logged_and_verifies(desk: Desk, demo_ids: list[int], tmp_path: Path) -> None:
    path = export_meeting(desk, demo_ids[0], "pdf", False, tmp_path / "minutes.pdf")
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "EIGHT Members voted IN FAVOUR" in text
    verdict = verify_file(desk, path)
    assert verdict.ok and verdict.meeting_id == demo_ids[0]
    assert "is unchanged: the public minutes (pdf)" in verdict.message


def test_changed_file_does_not_verify(desk: Desk, demo_ids: list[int], tmp_path: Path) -> None:
    path = export_meeting(desk, demo_ids[0], "docx", True, tmp_path / "minutes")
    assert path.name == "minutes.docx"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert not verify_file(desk, path).ok


def test_pdf_changed_by_an_incremental_update_does_not_verify(
    desk: Desk, demo_ids: list[int], tmp_path: Path
) -> None:
    """An update appended as a signing tool appends one, but changing the metadata:
    once taken for a signature (verify looked only for the exported revision)."""
    from pypdf import PdfWriter

    path = export_meeting(desk, demo_ids[0], "pdf", False, tmp_path / "m.pdf")
    original = path.read_bytes()
    writer = PdfWriter(io.BytesIO(original), incremental=True)
    writer.add_metadata({"/Keywords": "signed"})
    out = io.BytesIO()
    writer.write(out)
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(out.getvalue())
    assert original in pdf_revisions(changed.read_bytes())
    verdict = verify_file(desk, changed)
    assert not verdict.ok
    assert "the document's keywords were changed after export" in verdict.message


def test_cli_export_and_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.db")
    assert main(["--db", db, "demo"]) == 0
    out_file = tmp_path / "public.docx"
    assert main(["--db", db, "export", "1", "--format", "docx", "-o", str(out_file)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "verify", str(out_file)]) == 0
    assert "meeting 1" in capsys.readouterr().out
    assert main(["--db", db, "export", "99", "--format", "pdf", "-o", str(out_file)]) == 2
    assert "no meeting with id 99" in capsys.readouterr().err


def test_a_failed_export_leaves_the_earlier_file_and_nothing_else(
    desk: Desk, demo_ids: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log is written before the file appears: when it cannot be (a read-only
    or failing database), the target keeps its old bytes and no temporary is left."""
    import clerkdesk.services.exporting as exporting

    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "minutes.docx"
    target.write_bytes(b"the earlier minutes")

    def failing_audit(*args: object) -> None:
        raise RuleViolation("The database is read-only, so nothing can be recorded.")

    monkeypatch.setattr(exporting, "write_audit", failing_audit)
    with pytest.raises(RuleViolation):
        export_meeting(desk, demo_ids[0], "docx", False, target)
    assert target.read_bytes() == b"the earlier minutes"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["minutes.docx"]


@pytest.mark.sqlite_only
def test_export_refuses_the_database_under_any_name(
    desk: Desk, demo_ids: list[int], tmp_path: Path
) -> None:
    link = tmp_path / "minutes.pdf"
    link.symlink_to(desk.db.path)
    with pytest.raises(RuleViolation, match="ClerkDesk must keep"):
        export_meeting(desk, demo_ids[0], "pdf", False, link)
    assert desk.db.path.read_bytes().startswith(b"SQLite format 3\x00")

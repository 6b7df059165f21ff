import json
from pathlib import Path

import pytest

from clerkdesk.cli import main
from clerkdesk.domain.errors import RuleViolation
from clerkdesk.importing import parse_agenda_file, parse_agenda_text, parse_report_file
from clerkdesk.services.context import Desk
from clerkdesk.services.importing import attach_report, import_agenda
from clerkdesk.services.records_io import get_record, list_meetings

PACK = "herts-acah-panel-2018-01-30-agenda-pack.txt"


def test_sample_pack_imports_as_one_meeting(desk: Desk, samples: Path) -> None:
    result = import_agenda(desk, parse_agenda_file(samples / PACK))
    record = get_record(desk, result.meeting_id)
    assert record.organisation == "Hertfordshire County Council"
    assert record.committee == "Adult Care & Health Cabinet Panel"
    assert (record.date.isoformat(), record.start_time.strftime("%H:%M")) == ("2018-01-30", "10:30")  # type: ignore[union-attr]
    assert record.venue == "Committee Room B, County Hall, Hertford"
    assert record.quorum == 3 and len(record.attendees) == 12
    roles = {record.name_of(a.person_id): a.role.value for a in record.attendees}
    assert roles["C B Wyatt-Lowe"] == "chair" and roles["F R G Hill"] == "vice-chair"
    assert [i.number for i in record.ordered_items] == ["1", "2", "3", "4", "5", "6"]
    counts = [len(record.recommendations_of(i.id)) for i in record.ordered_items]
    assert counts == [0, 0, 2, 2, 1, 0]
    assert all(i.part == 1 for i in record.items)


def test_existing_committee_and_members_are_matched_not_duplicated(
    desk: Desk, demo_ids: list[int], samples: Path
) -> None:
    # The demo holds this very meeting: a second copy, asked for.
    result = import_agenda(desk, parse_agenda_file(samples / PACK), as_new=True)
    assert result.notes[0] == "Matched the existing committee Adult Care & Health Cabinet Panel."
    assert not any(note.startswith("Added member") for note in result.notes)
    imported = get_record(desk, result.meeting_id)
    demo = get_record(desk, demo_ids[1])
    assert {a.person_id for a in imported.attendees} == {a.person_id for a in demo.attendees}


def test_new_members_and_quorum_changes_are_reported(desk: Desk, demo_ids: list[int]) -> None:
    agenda = parse_agenda_text(
        "HERTFORDSHIRE COUNTY COUNCIL\n\nAGENDA for a meeting of the ADULT CARE & HEALTH CABINET "
        "PANEL in COMMITTEE ROOM B on TUESDAY 27 FEBRUARY 2018 at 10.30AM\n\n"
        "MEMBERS OF THE PANEL (13) (Quorum 4)\n\nE H Buckmaster; F Guest; A New Member; "
        "C B Wyatt-Lowe (Chairman)\n\n1. MINUTES\n\nTo confirm the minutes.\n"
    )
    result = import_agenda(desk, agenda)
    assert "Added member A New Member." in result.notes
    assert "Changed the quorum of Adult Care & Health Cabinet Panel from 3 to 4." in result.notes


def test_agenda_without_a_date_is_refused_with_what_to_do(desk: Desk) -> None:
    agenda = parse_agenda_text("PLANNING COMMITTEE\n\n1. Minutes\n2. Applications\n")
    with pytest.raises(RuleViolation, match="gives no date"):
        import_agenda(desk, agenda)
    assert list_meetings(desk) == []


def test_attach_report_adds_only_new_recommendations(desk: Desk, samples: Path) -> None:
    text = (samples / PACK).read_text(encoding="utf-8")
    agenda = parse_agenda_text(text[: text.index("Minutes\n\n\n\nTo:")])  # agenda alone
    meeting_id = import_agenda(desk, agenda).meeting_id
    item4 = get_record(desk, meeting_id).item_by_number("4")
    assert get_record(desk, meeting_id).recommendations_of(item4.id) == []
    report = parse_report_file(samples / "herts-acah-item4-report.txt")
    change = attach_report(desk, meeting_id, "4", report)
    assert change.label.endswith("2 recommendations added")
    change = attach_report(desk, meeting_id, "4", report)
    assert change.label.endswith("0 recommendations added")


def test_cli_parse_agenda_json_shape(samples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse-agenda", str(samples / PACK), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {
        "organisation",
        "committee",
        "date",
        "time",
        "venue",
        "quorum",
        "members",
        "items",
    } <= set(data)
    assert data["items"][3]["recommendations"][1]["text"].startswith("Recommend Cabinet agree")
    assert main(["parse-report", str(samples / "herts-acah-item4-report.txt"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["recommendations"]) == 2


def test_cli_import_and_attach(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.db")
    assert main(["--db", db, "import-agenda", str(samples / PACK)]) == 0
    meeting_id = capsys.readouterr().out.strip()
    assert meeting_id == "1"
    assert main(["--db", db, "attach-report", "1", "9", str(samples / PACK)]) == 2
    assert "no item numbered '9'" in capsys.readouterr().err


def test_cli_damaged_document_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "agenda.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert main(["parse-agenda", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_quorum_the_membership_cannot_reach_is_refused(desk: Desk, samples: Path) -> None:
    from dataclasses import replace

    agenda = replace(parse_agenda_file(samples / PACK), quorum=99)
    with pytest.raises(
        RuleViolation,
        match="A quorum of 99 can never be reached: the committee has 12 voting members",
    ):
        import_agenda(desk, agenda)
    assert list_meetings(desk) == []


def test_the_same_meeting_is_noticed_and_copied_only_on_purpose(desk: Desk, samples: Path) -> None:
    from clerkdesk.services.meeting_register import SameMeetingError

    agenda = parse_agenda_file(samples / PACK)
    first = import_agenda(desk, agenda).meeting_id
    with pytest.raises(SameMeetingError, match=f"meeting {first}") as refused:
        import_agenda(desk, agenda)
    assert refused.value.meeting_id == first
    second = import_agenda(desk, agenda, as_new=True).meeting_id
    assert [m.id for m in list_meetings(desk)] == [second, first]

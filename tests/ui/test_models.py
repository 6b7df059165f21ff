"""Every table model passes Qt's model tester, with rows from the demo record."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.modeltest import ModelTester

from clerkdesk.services import lookups as queries
from clerkdesk.services.declarations import declare_interest
from clerkdesk.services.minutes import add_action, add_paragraph
from clerkdesk.services.records_io import list_meetings
from clerkdesk.ui import models
from clerkdesk.ui import rows as r
from tests.ui.conftest import DemoDb

AT = dt.time(11, 0)


@pytest.fixture
def record(demo: DemoDb):  # type: ignore[no-untyped-def]
    meeting = demo.january_10
    record = demo.fresh_record(meeting)
    item = record.item_by_number("3")
    guest = next(p.id for p in record.people if p.name == "F R G Hill")
    declare_interest(demo.desk, meeting, item.id, guest, "ori-affects", "Owns a care agency")
    add_paragraph(demo.desk, meeting, item.id, "A further minute.")
    add_action(demo.desk, meeting, item.id, "Helen Maneuf", "Report back in March.")
    return demo.fresh_record(meeting)


def test_every_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo: DemoDb, record
) -> None:  # type: ignore[no-untyped-def]
    item = record.item_by_number("3")
    cases = [
        (models.MeetingsTableModel(), r.meeting_rows(list_meetings(demo.desk))),
        (models.AttendanceTableModel(), r.attendance_rows(record, AT)),
        (models.AgendaTableModel(), r.agenda_rows(record)),
        (models.MotionsTableModel(), r.motion_rows(record, item.id)),
        (models.VoterRollModel(), r.voter_rows(record, item.id, AT)),
        (models.DeclarationsTableModel(), r.declaration_rows(record)),
        (models.ParagraphsTableModel(), r.paragraph_rows(record, item.id)),
        (models.ActionsTableModel(), r.action_rows(record, item.id)),
        (models.SearchHitsModel(), queries.search(demo.db, "charging")),
        (models.HistoryModel(), queries.member_history(demo.db, record.people[1].id)),
    ]
    for model, rows in cases:
        assert rows, f"{type(model).__name__} should be tested with some rows"
        model.set_rows(rows)
        qtmodeltester.check(model)
        assert model.rowCount() == len(rows)
        model.set_rows(())
        qtmodeltester.check(model)


def test_rows_are_worded_for_the_clerk(record) -> None:  # type: ignore[no-untyped-def]
    item = record.item_by_number("3")
    paragraphs = r.paragraph_rows(record, item.id)
    assert [p.number for p in paragraphs][:2] == ["3.1", "3.2"]
    motions = r.motion_rows(record, item.id)
    assert motions[0].label == "i.)"
    assert motions[0].result.startswith("Carried: 8 for, 4 against")
    smith = next(row for row in r.attendance_rows(record, AT) if row.name == "R H Smith")
    assert smith.note == "substituting for E H Buckmaster"
    assert r.declaration_rows(record)[0].kind.startswith("Other registrable interest")


def test_model_dims_who_may_not_vote(demo: DemoDb, record) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    item = record.item_by_number("3")
    model = models.VoterRollModel()
    model.set_rows(r.voter_rows(record, item.id, AT))
    reasons = {row.name: row.reason for row in model.rows}
    assert reasons["F Guest"] == "may vote"
    excluded = [n for n, row in enumerate(model.rows) if not row.eligible]
    if excluded:
        index = model.index(excluded[0], 0)
        assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerkdesk.domain.errors import InvalidRecordError
from clerkdesk.domain.record_json import dump_record
from clerkdesk.domain.record_reader import read_record
from clerkdesk.services.demo import meeting_of_10_january_2018
from tests.conftest import examples


def test_read_then_dump_round_trips_the_demo_document() -> None:
    record = read_record(meeting_of_10_january_2018())
    first = dump_record(record)
    assert dump_record(read_record(json.loads(json.dumps(first)))) == first


def test_votes_are_popolo_vote_events() -> None:
    dumped = dump_record(read_record(meeting_of_10_january_2018()))
    votes = [r["vote"] for r in dumped["items"][2]["recommendations"]]
    assert votes[0]["result"] == "pass"
    assert votes[0]["counts"] == [
        {"option": "yes", "value": 8},
        {"option": "no", "value": 4},
        {"option": "abstain", "value": 0},
    ]
    assert votes[4]["counts"][2] == {"option": "abstain", "value": 3}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="other"), "not a ClerkDesk meeting record"),
        (lambda d: d.update(version=99), "format version 99"),
        (lambda d: d["committee"].update(quorum="three"), r"record.committee.quorum: expected int"),
        (lambda d: d["meeting"].update(date="30/01/2018"), r"record.meeting.date: '30/01/2018'"),
        (lambda d: d["attendance"][0].update(person="p99"), "no person has the key 'p99'"),
        (
            lambda d: d["items"][2]["recommendations"][0]["vote"].update(outcome="maybe"),
            r"items\[2\].recommendations\[0\].vote.outcome",
        ),
        (lambda d: d["attendance"][0].update(arrived_during_item="9"), "no item numbered '9'"),
    ],
)
def test_malformed_documents_say_where_the_problem_is(mutate, message) -> None:  # type: ignore[no-untyped-def]
    document = meeting_of_10_january_2018()
    mutate(document)
    with pytest.raises(InvalidRecordError, match=message):
        read_record(document)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=20,
)


@settings(max_examples=examples(200))
@given(
    key=st.sampled_from(["committee", "meeting", "people", "attendance", "items"]),
    value=json_values,
)
def test_any_damaged_field_gives_invalid_record_error_or_a_record(key: str, value: object) -> None:
    document = meeting_of_10_january_2018()
    document[key] = value
    with contextlib.suppress(InvalidRecordError):
        read_record(document)


def test_the_documented_schema_is_the_one_load_checks() -> None:
    """docs/meeting-record-format.md and record_schema.py say the same (issue 13, point 2)."""
    from pathlib import Path

    from clerkdesk.domain.record_schema import describe

    doc = (Path(__file__).parents[2] / "docs" / "meeting-record-format.md").read_text("utf-8")
    block = doc.split("<!-- schema: begin -->\n")[1].split("<!-- schema: end -->")[0]
    assert block == describe()


def test_every_key_a_dump_writes_is_in_the_schema() -> None:
    from clerkdesk.domain.record_schema import check_document

    check_document(dump_record(read_record(meeting_of_10_january_2018())))


def test_a_paragraph_label_names_the_schedules_paragraphs_only() -> None:
    from clerkdesk.domain.schedule_12a import parse_label

    assert [parse_label(t) for t in ("3", " 7a", "14", "18B", "")] == [3, "7A", 14, "18B", None]
    assert [parse_label(t) for t in ("8", "11", "3A", "19", "7D", "x")] == [None] * 6

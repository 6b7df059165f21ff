"""Members from every layout councils use, and the roles and kinds of member they name."""

from __future__ import annotations

import pytest

from clerkdesk.importing import ParsedAgenda, parse_agenda_text

ITEMS = "\n\nAGENDA\n1. Apologies\n2. Minutes\n"


def _agenda(front: str) -> ParsedAgenda:
    return parse_agenda_text("BORCHESTER DISTRICT COUNCIL\nDate: 3 March 2025\n" + front + ITEMS)


def _members(front: str) -> list[tuple[str, str]]:
    return sorted((m.name, m.role) for m in _agenda(front).members)


SIX = [
    ("A Smith", "chair"),
    ("B Jones", "vice-chair"),
    ("C Brown", "member"),
    ("D White", "member"),
    ("E Green", "member"),
    ("F Black", "member"),
]


@pytest.mark.parametrize(
    "front",
    [
        # a summons's addressee line run over lines, a bracket broken by the wrap
        "To: Councillors A Smith (Chair), B Jones (Vice-\nChair), C Brown, D White,\n"
        "E Green and F Black",
        "To: Councillors A Smith (Chairman), B Jones\n"
        "(Vice-Chairman), C Brown, D White, E Green and\nF Black",
        # "Cllr" before each name, the first bracket on the next line
        "To: Members of Northby Parish Council – Cllr A Smith\n(Chair), Cllr B Jones (Vice-Chair), "
        "Cllr C Brown, Cllr D\nWhite, Cllr E Green and Cllr F Black",
        # one per line, the role after a comma
        "Membership:\nCllr A Smith, Chair\nCllr B Jones, Vice-Chair\nCllr C Brown\nCllr D White\n"
        "Cllr E Green\nCllr F Black",
        # semicolons over several lines
        "Members: Cllr A Smith (Chair); Cllr B Jones (Vice-Chair); Cllr C Brown;\n"
        "Cllr D White; Cllr E Green; Cllr F Black",
        # one per line, the role on the line below (italics lost)
        "Membership:\nCouncillor A Smith\nChairman\nCouncillor B Jones\nVice Chairman\n"
        "Councillor C Brown\n"
        "Councillor D White\nCouncillor E Green\nCouncillor F Black",
        # a table of two columns, side by side, read across
        "Councillors:\nCllr A Smith (Chair)\tCllr B Jones (Vice-Chair)\n"
        "Cllr C Brown\tCllr D White\n"
        "Cllr E Green\tCllr F Black",
        # a table of name | role
        "Membership\nCouncillor A Smith\tLeader of the Council and Chair\n"
        "Councillor B Jones\tDeputy Leader, Vice-Chair\n"
        "Councillor C Brown\tCabinet Member for Housing\n"
        "Councillor D White\tCabinet Member for Finance\n"
        "Councillor E Green\tCabinet Member for Parks\n"
        "Councillor F Black\tCabinet Member for Transport",
        # a table of three columns with a heading row
        "Membership\nMember\tAppointed by\tRole\nCllr A Smith\tNorthby Council\tChair\n"
        "Cllr B Jones\tSouthby District Council\tVice-Chair\n"
        "Cllr C Brown\tNorthby Council\tMember\n"
        "Cllr D White\tEastby Borough Council\tMember\nCllr E Green\tWestby Council\tMember\n"
        "Cllr F Black\tMidby City Council\tMember",
    ],
    ids=[
        "to-wrapped-bracket",
        "to-wrapped",
        "cllr-each-bracket-wrapped",
        "role-after-comma",
        "semicolons",
        "role-below",
        "two-columns",
        "name-role",
        "three-columns",
    ],
)
def test_every_layout_gives_the_same_members(front: str) -> None:
    assert _members(front) == sorted(SIX)


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("County Councillor Dr Jane Smith OBE", "Jane Smith"),
        ("Cllr Mrs P Brown MBE JP", "P Brown"),
        ("Councillor Sir Peter Lane, KC", "Peter Lane"),
        ("The Revd Canon Mary Hope", "Mary Hope"),
        ("Cynghorydd / Councillor Rhodri Evans", "Rhodri Evans"),
        ("Cllr Seán O'Brien-Ng", "Seán O'Brien-Ng"),
    ],
)
def test_titles_honours_and_post_nominals_are_removed(written: str, name: str) -> None:
    members = _agenda(f"Members:\n{written} (Chair)\nCllr B Jones").members
    assert members[0].name == name
    assert members[0].role == "chair"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("(Chairman)", "chair"),
        ("(Leader and Chair)", "chair"),
        ("(Chairman of the Council)", "chair"),
        ("(Town Mayor)", "chair"),
        ("(Cadeirydd / Chair)", "chair"),
        ("(Deputy Leader, Vice-Chair)", "vice-chair"),
        ("(Vice Chairman)", "vice-chair"),
        ("(Deputy Town Mayor)", "vice-chair"),
        ("(Business Board Chair)", "member"),
        ("(Cabinet Member for Resources)", "member"),
    ],
)
def test_roles_from_any_wording_that_names_them(role: str, expected: str) -> None:
    members = _agenda(f"Members:\nCllr A Smith {role}\nCllr B Jones\nCllr C Brown").members
    assert (members[0].role, members[0].role_inferred) == (expected, False)


def test_a_leader_is_only_guessed_to_chair_and_is_marked() -> None:
    agenda = _agenda(
        "Membership\nCouncillor A Smith\tLeader of the Council\n"
        "Councillor B Jones\tCabinet Member for Finance\n"
        "Councillor C Brown\tCabinet Member for Parks"
    )
    smith = agenda.members[0]
    assert (smith.role, smith.role_inferred) == ("chair", True)
    assert smith.to_json()["role_inferred"] is True
    assert "role to confirm" in agenda.describe()
    assert any("A Smith" in w and "confirm" in w for w in agenda.warnings)


def test_a_written_chair_beats_a_guessed_one() -> None:
    members = _agenda(
        "Membership\nCouncillor A Smith\tLeader of the Council\n"
        "Councillor B Jones\tCabinet Member for Finance (Chair)\nCouncillor C Brown\tMember"
    ).members
    assert [(m.role, m.role_inferred) for m in members[:2]] == [("member", False), ("chair", False)]


def test_co_opted_and_non_voting_members_are_marked() -> None:
    members = _agenda(
        "Membership:\nCllr A Smith (Chair)\nCllr B Jones\n"
        "Mr C Brown (Independent co-opted member)\n"
        "Ms D White (Co-opted Member, non-voting)\nRevd E Green (Diocesan representative)"
    ).members
    kinds = {m.name: (m.co_opted, m.voting) for m in members}
    assert kinds == {
        "A Smith": (False, True),
        "B Jones": (False, True),
        "C Brown": (True, True),
        "D White": (True, False),
        "E Green": (True, True),
    }


@pytest.mark.parametrize(
    "front",
    [
        "Membership:\nCllr A Smith (Chair)\nCllr B Jones\n\nSubstitutes: Cllrs C Brown, D White",
        "Members: Councillors A Smith (Chair), B Jones\n\n"
        "Substitutes: Councillors C Brown and D White",
        "Members: Cllrs A Smith (Chair), B Jones. Substitutes: Cllrs C Brown, D White",
        "Membership:\nCllr A Smith (Chair)\nCllr B Jones\nNamed substitutes:\nCllr C Brown\n"
        "Cllr D White",
        "Members: Cllr A Smith (Chair); Cllr B\nJones\n"
        "Substitute Members: Cllr C Brown, Cllr D White",
    ],
)
def test_substitutes_are_kept_apart_from_the_members(front: str) -> None:
    agenda = _agenda(front)
    assert [m.name for m in agenda.members] == ["A Smith", "B Jones"]
    assert [m.name for m in agenda.substitutes] == ["C Brown", "D White"]


@pytest.mark.parametrize(
    "front",
    [
        "Planning Committee Members:\nCllr A Smith – Chairman of the Committee\nCllr B Jones - "
        "Vice-Chairman\nCllr C Brown\nCllr D White\nCllr E Green\nCllr F Black",
        "Chairman: Cllr A Smith\nVice-Chairman: Cllr B Jones\nMembers: Cllrs C Brown, D White, "
        "E Green and F Black",
        "Members: Cllr A Smith, Chairman of the Committee; Cllr B Jones, Vice-Chairman; "
        "Cllr C Brown; Cllr D White; Cllr E Green; Cllr F Black",
    ],
    ids=["dash-role", "role-first", "comma-role"],
)
def test_roles_written_after_a_dash_a_comma_or_before_the_name(front: str) -> None:
    assert _members(front) == sorted(SIX)


def test_a_sentence_after_the_list_is_not_taken_for_a_role() -> None:
    members = _members(
        "To: Councillors A Smith (Chairman), B Jones (Vice-Chairman), C Brown, D White, E Green "
        "and F Black\nThe Chairman will take the meeting through the agenda."
    )
    assert members == sorted(SIX)


@pytest.mark.parametrize(
    "front",
    [
        "Membership:\nCllr A Smith (Con) (Chair)\nCllr B Jones (Lab) (Vice-Chair)\n"
        "Cllr C Brown (LD)\nCllr D White (Ind)\nCllr E Green (Green)\nCllr F Black (Con)",
        "Membership\nCllr A Smith\tConservative\tChair\nCllr B Jones\tLabour\tVice-Chair\n"
        "Cllr C Brown\tLiberal Democrat\tMember\nCllr D White\tIndependent\tMember\n"
        "Cllr E Green\tGreen\tMember\nCllr F Black\tReform UK\tMember",
        "Membership:\nCouncillor A Smith (Chair) – Northgate Ward\nCouncillor B Jones (Vice-Chair) "
        "– Southgate Ward\nCouncillor C Brown – Eastgate Ward\nCouncillor D White – Westgate Ward\n"
        "Councillor E Green – Mill Ward\nCouncillor F Black – Castle Ward",
    ],
    ids=["party-in-brackets", "party-column", "ward-after-dash"],
)
def test_parties_and_wards_beside_the_names_are_not_members(front: str) -> None:
    assert _members(front) == sorted(SIX)

"""Recommendations in every labelling style, and lists that are not recommendations."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerkdesk.importing import parse_agenda_text, parse_report_file, parse_report_text

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "agendas" / "reports"

EXPECTED_LABELS = {
    "section-numbers": ["3.1", "3.2", "3.3"],
    "paren-letters": ["(a)", "(b)", "(c)"],
    "letters-close-paren": ["a)", "b)"],
    "numbers-close-paren": ["1)", "2)"],
    "roman-numerals": ["(i)", "(ii)", "(iii)", "(iv)"],
    "roman-dot-paren": ["i.)", "ii.)", "iii.)"],
    "bullets-lead-in": [None, None],
    "appendix-commission": ["3.1"],
    # Two lead-ins ("3.1 Panel is asked to note:", "3.2 ... recommend that Cabinet:")
    # each with (a) and (b): the parent keeps the labels unique.
    "two-lead-ins": ["3.1 (a)", "3.1 (b)", "3.2 (a)", "3.2 (b)"],
}


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
@pytest.mark.parametrize("name", sorted(EXPECTED_LABELS))
def test_labels_in_each_style(name: str, suffix: str) -> None:
    report = parse_report_file(REPORTS / f"{name}{suffix}")
    assert [r.label for r in report.recommendations] == EXPECTED_LABELS[name]
    assert all(r.text and r.text[0].isalpha() for r in report.recommendations)
    assert report.author is not None and report.title is not None


def test_appendix_listing_a_commissions_recommendations_is_ignored() -> None:
    report = parse_report_file(REPORTS / "appendix-commission.txt")
    assert report.title == "Response to the Local Government Commission"
    assert len(report.recommendations) == 1
    assert "open data" not in " ".join(r.text for r in report.recommendations)


def test_background_lists_are_not_recommendations() -> None:
    report = parse_report_file(REPORTS / "numbers-close-paren.txt")
    texts = " ".join(r.text for r in report.recommendations)
    assert "net zero" not in texts
    section = parse_report_file(REPORTS / "section-numbers.txt")
    assert "public survey" not in " ".join(r.text for r in section.recommendations)


def test_sub_points_stay_with_their_recommendation() -> None:
    report = parse_report_text(
        "Recommendations\n\n"
        "i.) To charge for garden waste;\n"
        "ii.) To change the charging base:\n"
        "- low needs band to three hours\n"
        "- high needs band to fifteen hours\n"
        "iii.) To freeze allotment rents.\n\n"
        "4. Background\n"
    )
    assert [r.label for r in report.recommendations] == ["i.)", "ii.)", "iii.)"]
    assert "fifteen hours" in report.recommendations[1].text


def test_letter_i_after_h_is_a_letter() -> None:
    lines = "\n".join(f"{chr(c)}) point {chr(c)}" for c in range(ord("a"), ord("k")))
    report = parse_report_text(f"Recommendations\n\n{lines}\n")
    assert [r.label for r in report.recommendations][-3:] == ["h)", "i)", "j)"]


def test_recommended_that_under_an_agenda_item() -> None:
    agenda = parse_agenda_text(
        "PLANNING COMMITTEE\nDate: 3 June 2024\n\n"
        "1. Apologies\n"
        "2. Land at Mill Farm\n"
        "RECOMMENDED that permission be granted.\n"
        "3. Appeals\n"
    )
    assert [len(i.recommendations) for i in agenda.items] == [0, 1, 0]
    assert agenda.items[1].recommendations[0].text == "That permission be granted."


def test_report_without_recommendations() -> None:
    report = parse_report_text(
        "A NOTE FOR INFORMATION\n\nReport of the Clerk\n\nNothing to decide."
    )
    assert report.recommendations == ()
    assert report.title == "A Note for Information"


def test_sub_labels_under_one_lead_in_stay_as_written() -> None:
    report = parse_report_text(
        "Recommendations\n\n3.1 Panel is asked to:\n(a) note the budget;\n(b) approve the plan.\n"
    )
    assert [(r.label, r.text) for r in report.recommendations] == [
        ("(a)", "note the budget"),
        ("(b)", "approve the plan."),
    ]


def test_two_lead_ins_prefix_their_sub_labels() -> None:
    report = parse_report_file(REPORTS / "two-lead-ins.txt")
    texts = {r.label: r.text for r in report.recommendations}
    assert texts["3.1 (a)"].startswith("the savings of £640,000")
    assert texts["3.2 (b)"].startswith("agrees the disposal of the Old Library")
    assert len(set(texts)) == len(report.recommendations) == 4


def test_two_unlabelled_lead_ins_stay_apart() -> None:
    report = parse_report_text(
        "Recommendations\n\n"
        "The Panel is asked to note:\n(a) the budget;\n(b) the plan.\n"
        "The Panel is asked to approve:\n(a) the precept;\n(b) the fees.\n\n"
        "4. Background\n"
    )
    assert [r.text for r in report.recommendations] == [
        "the budget",
        "the plan.",
        "the precept",
        "the fees.",
    ]


def test_bullets_keep_no_label_under_one_or_two_lead_ins() -> None:
    one = parse_report_file(REPORTS / "bullets-lead-in.txt")
    assert [r.label for r in one.recommendations] == [None, None]
    two = parse_report_text(
        "Recommendations\n\n"
        "3.1 Panel is asked to note:\n- the budget;\n- the plan.\n"
        "3.2 Panel is asked to approve:\n- the precept.\n\n"
        "4. Background\n"
    )
    assert [(r.label, r.text) for r in two.recommendations] == [
        (None, "the budget"),
        (None, "the plan."),
        (None, "the precept."),
    ]

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

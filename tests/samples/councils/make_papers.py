"""Write every test paper and its expected-output file into this folder.

Run from the repository root:

    .venv/bin/python -m tests.samples.councils.make_papers

Each paper is written from its truth (``papers``) in the layout of its style
(``styles``) and format (text, Word or PDF); ``<name>.expected.json`` is that
truth. The generated files are committed: the tests read them, never this.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.samples.councils.blocks import as_text, write_docx, write_pdf
from tests.samples.councils.papers import AGENDAS, REPORTS
from tests.samples.councils.styles import STYLES, report_blocks

HERE = Path(__file__).resolve().parent


def paper_files() -> list[tuple[str, str, object]]:
    out: list[tuple[str, str, object]] = []
    for agenda in AGENDAS:
        out.append((agenda.key, str(agenda.options.get("format", "txt")), agenda))
    for report in REPORTS:
        out.append((report.key, str(report.options.get("format", "txt")), report))
    return out


def main(folder: Path = HERE) -> None:
    """Write the papers and their expected outputs into ``folder``."""
    for old in folder.glob("*.expected.json"):
        old.unlink()
    for key, fmt, paper in paper_files():
        own = getattr(paper, "options", {}).get("blocks")
        if own is not None:
            # A paper laid out by hand (papers4): its blocks are in its options.
            blocks = own
        elif hasattr(paper, "members"):
            options = paper.options  # type: ignore[attr-defined]
            blocks = STYLES[str(options.get("style", "committee"))](paper)  # type: ignore[arg-type]
        else:
            blocks = report_blocks(paper.title, paper.author, paper.recs, paper.options)  # type: ignore[attr-defined]
        target = folder / f"{key}.{fmt}"
        if fmt == "txt":
            markdown = bool(getattr(paper, "options", {}).get("markdown_bold"))
            target.write_text(as_text(blocks, markdown_bold=markdown), encoding="utf-8")
        elif fmt == "docx":
            write_docx(blocks, target)
        else:
            write_pdf(blocks, target)
        expected = paper.to_json()  # type: ignore[attr-defined]
        expected["file"] = target.name
        (folder / f"{key}.expected.json").write_text(
            json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()

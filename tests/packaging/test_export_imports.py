"""The frozen app leaves modules out (packaging/trim.py); every export must
work without them. Rendered in a fresh interpreter, each format imports none
of the excluded modules, and what the PDF's finishing reads is kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clerkdesk.export.formats import FORMATS

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))
from trim import EXCLUDED_MODULES, keep  # noqa: E402

RENDER = """
import sys
before = set(sys.modules)  # the interpreter's own start-up (site, .pth hooks)
from tests.export.factories import rich_meeting
from clerkdesk.export import export_minutes
from clerkdesk.export.formats import FORMATS
export_minutes(rich_meeting(), {name!r}, True, key_dir=__import__("pathlib").Path({keys!r}))
print("\\n".join(sorted(set(sys.modules) - before)))
"""


@pytest.mark.parametrize("name", list(FORMATS))
def test_exports_import_nothing_the_frozen_app_leaves_out(name: str, tmp_path: Path) -> None:
    code = RENDER.format(name=name, keys=str(tmp_path / "keys"))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    imported = set(result.stdout.split())
    left_out = {m for m in imported for x in EXCLUDED_MODULES if m == x or m.startswith(x + ".")}
    assert not left_out


def test_what_the_pdf_finishing_needs_is_kept() -> None:
    assert keep("resources/color/sRGB.icc")  # the output intent's profile

"""Write sample minutes in every format, for checkers that run outside the tests.

    .venv/bin/python scripts/sample_minutes.py OUTPUT_FOLDER

Makes the demo database in a temporary folder (the Hertfordshire Adult Care &
Health Cabinet Panel) and exports, public and confidential, its meeting of 10
January 2018 approved (a PDF with the Chairman's signature and date fields)
and its meeting of 30 January 2018 as a draft: every format registered in
clerkdesk/export/formats.py. The CI workflow .github/workflows/verapdf.yml
checks the PDFs with veraPDF (PDF/A-2b and PDF/UA-1). Prints each file's path.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    from clerkdesk.export.certify import machine_certifier
    from clerkdesk.export.formats import FORMATS
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.demo import create_demo
    from clerkdesk.services.exporting import export_meeting
    from clerkdesk.services.lifecycle import approve_minutes

    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="clerkdesk-samples-") as tmp:
        desk = Desk(open_database(Path(tmp) / "samples.db", create=True), clerk="samples")
        january_10, january_30 = create_demo(desk)[:2]
        approve_minutes(desk, january_10, "C B Wyatt-Lowe")
        certifier = machine_certifier(Path(tmp) / "keys")  # a throw-away certificate
        for meeting, state in ((january_10, "approved"), (january_30, "draft")):
            for fmt in FORMATS.values():
                for confidential in (False, True):
                    which = "confidential" if confidential else "public"
                    path = out / f"minutes-{state}-{which}{fmt.suffix}"
                    written = export_meeting(desk, meeting, fmt.name, confidential, path, certifier)
                    print(written)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Read a veraPDF machine-readable report (--format mrr): name each file and
each failed rule, and exit 1 unless every file is compliant.

    python3 scripts/verapdf_verdict.py REPORT.xml

veraPDF's own exit code also says "not compliant", but the same code is used
for a file it could not parse; this says which, and why. Standard library only.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    root = ET.parse(argv[0]).getroot()
    jobs = root.findall(".//job")
    if not jobs:
        print(f"{argv[0]}: veraPDF checked no file", file=sys.stderr)
        return 1
    failed = 0
    for job in jobs:
        item = job.find("item/name")
        name = item.text if item is not None else "?"
        report = job.find("validationReport")
        if report is None:
            failed += 1
            error = job.find("taskException/exceptionMessage")
            print(f"NOT CHECKED {name}: {error.text if error is not None else 'no report'}")
            continue
        if report.get("isCompliant") == "true":
            print(f"compliant   {name} ({report.get('profileName')})")
            continue
        failed += 1
        print(f"NOT COMPLIANT {name} ({report.get('profileName')})")
        for rule in report.findall(".//rule[@status='failed']"):
            description = rule.findtext("description", "").strip()
            clause, test = rule.get("clause"), rule.get("testNumber")
            print(f"    {clause}-{test} ({rule.get('failedChecks')}×): {description}")
    print(f"{len(jobs) - failed} of {len(jobs)} files compliant")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

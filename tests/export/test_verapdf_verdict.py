"""The CI's reading of veraPDF's report (scripts/verapdf_verdict.py): a failed
rule, or a file veraPDF could not check, fails the job and is named."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "verapdf_verdict.py"

REPORT = """<?xml version="1.0" encoding="utf-8"?>
<report><jobs>
 <job><item size="1"><name>samples/good.pdf</name></item>
  <validationReport profileName="PDF/A-2B validation profile" isCompliant="true">
   <details passedRules="140" failedRules="0" passedChecks="900" failedChecks="0"/>
  </validationReport></job>
 {second}
</jobs></report>"""
FAILED = """<job><item size="1"><name>samples/bad.pdf</name></item>
  <validationReport profileName="PDF/UA-1 validation profile" isCompliant="false">
   <details passedRules="100" failedRules="1" passedChecks="800" failedChecks="3">
    <rule specification="ISO 14289-1:2014" clause="7.1" testNumber="3" status="failed"
          failedChecks="3"><description>Content shall be marked as Artifact or tagged
          as real content</description></rule>
   </details></validationReport></job>"""
UNREADABLE = """<job><item size="1"><name>samples/broken.pdf</name></item>
  <taskException type="PARSE"><exceptionMessage>Couldn't parse stream</exceptionMessage>
  </taskException></job>"""


def _verdict(tmp_path: Path, second: str) -> subprocess.CompletedProcess[str]:
    report = tmp_path / "report.xml"
    report.write_text(REPORT.format(second=second), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(report)], capture_output=True, text=True, check=False
    )


def test_all_compliant_passes(tmp_path: Path) -> None:
    result = _verdict(tmp_path, "")
    assert result.returncode == 0 and "1 of 1 files compliant" in result.stdout


def test_a_failed_rule_fails_and_is_named(tmp_path: Path) -> None:
    result = _verdict(tmp_path, FAILED)
    assert result.returncode == 1
    assert "NOT COMPLIANT samples/bad.pdf" in result.stdout and "7.1-3 (3×)" in result.stdout


def test_a_file_not_checked_fails(tmp_path: Path) -> None:
    result = _verdict(tmp_path, UNREADABLE)
    assert result.returncode == 1
    assert "NOT CHECKED samples/broken.pdf: Couldn't parse stream" in result.stdout

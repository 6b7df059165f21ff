"""The frozen application: built here as `dev.py package` builds it, then used as a
clerk would use it, on a machine with no Python on the PATH."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.certificates import PASSWORD, make_pki

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
import dev  # noqa: E402  (the set-up script builds the app the same way)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="built here on Linux only"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    dist = tmp_path_factory.mktemp("dist")
    folder = dev.freeze(Path(sys.executable), dist)
    yield folder


def run(app: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The frozen executable with nothing of Python around it: no PATH to one, no
    PYTHON* variables, a home of its own."""
    bare_path = home / "empty-path"
    bare_path.mkdir(exist_ok=True)
    env = {
        "HOME": str(home),
        "PATH": str(bare_path),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [str(app / "clerkdesk"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=300,  # a hang guard, not a measure
    )


def test_the_folder_is_within_its_size(app: Path) -> None:
    assert dev.folder_megabytes(app) <= dev.PACKAGE_LIMIT_MB


def test_the_folder_holds_no_python_of_ours(app: Path) -> None:
    assert not list(app.rglob("*.py")), "sources ship compiled in the archive, not as files"
    translations = [p for p in app.rglob("*") if "translations" in p.parts]
    assert translations == []


def test_the_app_imports_its_qt_free_start_before_pyside6(app: Path) -> None:
    """Its own run-time hook (packaging/start_before_qt.py) runs before
    PyInstaller's for PySide6, which imports PySide6, and before main.py."""
    from PyInstaller.archive.readers import CArchiveReader

    toc = CArchiveReader(str(app / "clerkdesk")).toc
    scripts = [name for name, entry in toc.items() if entry[-1] == "s"]
    assert scripts.index("start_before_qt") < scripts.index("pyi_rth_pyside6")
    assert scripts[-1] == "main"


def test_the_frozen_app_does_what_the_command_does(app: Path, tmp_path: Path) -> None:
    version = run(app, tmp_path, "--version")
    assert (
        version.returncode == 0 and version.stdout.strip() == f"ClerkDesk {dev.project_version()}"
    )
    db = str(tmp_path / "council.db")
    demo = run(app, tmp_path, "--db", db, "demo")
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.split() == ["1", "2"]
    minutes = tmp_path / "minutes.pdf"
    exported = run(app, tmp_path, "--db", db, "export", "1", "--format", "pdf", "-o", str(minutes))
    assert exported.returncode == 0, exported.stderr
    assert exported.stderr == ""  # no dependency's warning reaches the clerk
    verified = run(app, tmp_path, "--db", db, "verify", str(minutes))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "is unchanged" in verified.stdout
    docx = run(app, tmp_path, "--db", db, "export", "1", "--format", "docx", "-o", "m.docx")
    assert docx.returncode == 0, docx.stderr
    agendas = REPO / "tests" / "fixtures" / "agendas"
    for agenda in ("county-cabinet.docx", "county-cabinet.pdf"):
        parsed = run(app, tmp_path, "parse-agenda", str(agendas / agenda), "--json")
        assert parsed.returncode == 0, parsed.stderr
        assert json.loads(parsed.stdout)["items"], agenda


def test_the_frozen_app_signs_and_verifies_approved_minutes(app: Path, tmp_path: Path) -> None:
    """pyHanko, cryptography and the certificate validator all work frozen."""
    from clerkdesk.persistence.database import open_database
    from clerkdesk.services.context import Desk
    from clerkdesk.services.demo import create_demo
    from clerkdesk.services.lifecycle import approve_minutes

    db_path = tmp_path / "council.db"
    db = open_database(db_path, create=True)
    first, _ = create_demo(Desk(db, "clerk"))
    approve_minutes(Desk(db, "clerk"), first, "C B Wyatt-Lowe")
    db.dispose()
    pki = make_pki(tmp_path / "pki")
    password = tmp_path / "password.txt"
    password.write_bytes(PASSWORD)
    db = str(db_path)
    assert (
        run(app, tmp_path, "--db", db, "export", "1", "--format", "pdf", "-o", "a.pdf").returncode
        == 0
    )
    signed = run(
        app, tmp_path, "--db", db, "sign", "a.pdf", "--certificate", str(pki.chair_p12),
        "--password-file", str(password), "-o", "signed.pdf",
    )  # fmt: skip
    assert signed.returncode == 0, signed.stderr
    verified = run(
        app, tmp_path, "--db", db, "verify", "signed.pdf", "--trust-roots", str(pki.root_pem)
    )
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "Signed by Colette Wyatt-Lowe" in verified.stdout
    assert "the certificate is trusted" in verified.stdout


def test_the_frozen_window_comes_up_with_the_demo_meetings(app: Path, tmp_path: Path) -> None:
    result = run(app, tmp_path, "self-test", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["passed"] and report["meetings"] == 2 and report["platform"] == "offscreen"
    assert result.stderr == ""  # Qt's own notices go to the log file

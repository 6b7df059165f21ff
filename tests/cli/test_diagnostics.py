"""What libraries say goes to the log file; the clerk's terminal stays clean."""

from __future__ import annotations

import logging
import logging.handlers
import warnings
from pathlib import Path

import pytest

from clerkdesk import diagnostics
from clerkdesk.diagnostics import LOG_FILE, route_dependency_warnings

from .test_cli import clerkdesk


def _close_log() -> None:
    """Undo the routing: the test process keeps its own logging."""
    for handler in logging.getLogger(diagnostics.LOGGER).handlers:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_exporting_a_pdf_prints_nothing_on_stderr(tmp_path: Path) -> None:
    """pyHanko's import makes cryptography warn about DSA; the clerk never sees it."""
    db = tmp_path / "clerkdesk.db"
    logs = tmp_path / "logs"
    env = {"CLERKDESK_LOG_DIR": str(logs), "PYTHONWARNINGS": "default"}
    assert clerkdesk(db, "demo", env=env).returncode == 0
    result = clerkdesk(db, "export", "1", "--format", "pdf", "-o", str(tmp_path / "m.pdf"), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")


def _warn_with_routing(folder: Path, *raised: tuple[str, str]) -> list[str]:
    """Raise each (message, filename) with the routing on; what reached the screen."""
    shown: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = lambda message, *rest: shown.append(str(message))
        route_dependency_warnings(folder)
        for message, filename in raised:
            warnings.warn_explicit(message, DeprecationWarning, filename, 12)
    _close_log()
    return shown


def test_a_dependency_warning_goes_to_the_log_file(tmp_path: Path) -> None:
    third_party = tmp_path / "site-packages" / "somelib" / "module.py"
    assert _warn_with_routing(tmp_path, ("old API", str(third_party))) == []
    logged = (tmp_path / LOG_FILE).read_text(encoding="utf-8")
    assert f"{third_party}:12: DeprecationWarning: old API" in logged


def test_clerkdesks_own_warnings_still_show(tmp_path: Path) -> None:
    ours = str(Path(diagnostics.__file__))
    assert _warn_with_routing(tmp_path, ("a bug of ours", ours)) == ["a bug of ours"]
    assert not (tmp_path / LOG_FILE).exists()  # opened only when something is written


def test_an_unwritable_log_folder_drops_the_message_rather_than_show_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    assert _warn_with_routing(blocked / "logs", ("old API", "/elsewhere/lib.py")) == []
    assert capsys.readouterr().err == ""


def test_what_a_library_logs_goes_to_the_log_file(tmp_path: Path) -> None:
    """pyHanko logs every certificate it cannot trust: not for the clerk's terminal."""
    with warnings.catch_warnings():
        route_dependency_warnings(tmp_path)
        logging.getLogger("pyhanko.sign.validation").warning("self-signed certificate")
    _close_log()
    assert "self-signed certificate" in (tmp_path / LOG_FILE).read_text(encoding="utf-8")


def test_problem_reports_go_to_the_same_rotating_log_file(tmp_path: Path) -> None:
    """One handler for both loggers: two rotating one file would lose lines."""
    from clerkdesk.diagnostics import problem_logger

    problems = problem_logger(tmp_path)
    problems.error("ClerkDesk problem report: RuntimeError")
    logging.getLogger(diagnostics.LOGGER).warning("a library said something")
    (handler,) = problems.handlers
    assert logging.getLogger(diagnostics.LOGGER).handlers == [handler]
    assert isinstance(handler, diagnostics.LogFile)
    rotating = handler.open()
    assert isinstance(rotating, logging.handlers.RotatingFileHandler)
    assert rotating.maxBytes > 0 and rotating.backupCount > 0
    _close_log()
    logged = (tmp_path / LOG_FILE).read_text(encoding="utf-8")
    assert "clerkdesk.problems ClerkDesk problem report: RuntimeError" in logged
    assert "a library said something" in logged

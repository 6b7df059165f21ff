"""The layers point one way: only ui/ imports Qt; the domain imports no ORM."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "clerkdesk"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules_under(folder: str = "") -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_only_the_ui_package_imports_pyside6() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in modules_under()
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in imported_modules(path))
    ]
    assert offenders == []


def test_domain_imports_no_storage_ui_or_export() -> None:
    forbidden = {"sqlalchemy", "PySide6", "docx", "reportlab", "pyhanko"}
    layers = ("clerkdesk.persistence", "clerkdesk.services", "clerkdesk.ui", "clerkdesk.export")
    for path in modules_under("domain"):
        for name in imported_modules(path):
            assert name.split(".")[0] not in forbidden, (path.name, name)
            assert not name.startswith(layers), (path.name, name)


def test_export_and_importing_work_on_plain_data() -> None:
    for folder in ("export", "importing"):
        for path in modules_under(folder):
            for name in imported_modules(path):
                assert not name.startswith(("sqlalchemy", "clerkdesk.persistence", "PySide6")), (
                    path.name,
                    name,
                )


def test_only_persistence_speaks_to_the_database_driver() -> None:
    """One write path (docs/write-path.md): the driver and SQLAlchemy's raw SQL
    are persistence's alone, so any database SQLAlchemy supports can serve."""
    drivers = {"sqlite3", "psycopg", "psycopg2"}
    for path in modules_under():
        if path.relative_to(PACKAGE).parts[0] == "persistence":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = {alias.name.split(".")[0] for alias in node.names}
                assert not names & drivers, (path.name, names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] not in drivers, (path.name, node.module)
                if node.module == "sqlalchemy":
                    assert "text" not in {alias.name for alias in node.names}, path.name


SQL = re.compile(
    r"^\s*(SELECT\s|INSERT INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA\s|BEGIN\b|"
    r"CREATE (TABLE|INDEX|TRIGGER)|DROP\s|ALTER TABLE)"
)


def test_no_sql_text_outside_persistence() -> None:
    for path in modules_under():
        if path.relative_to(PACKAGE).parts[0] == "persistence":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not SQL.match(node.value), (path.name, node.value[:60])

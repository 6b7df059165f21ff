"""Offscreen Qt, a fresh demo database and an isolated settings file per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from tests.conftest import DemoDb

__all__ = ["DemoDb"]


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"

"""The Qt binding itself: a defect in it would crash the clerk's meeting."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every call to
    a method that returns nothing (setText, setEnabled, ...): after some
    thousands the interpreter aborts with "deallocating None". From Python 3.12
    None is immortal and its count never moves, so there this cannot fail."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for n in range(5_000):
        label.setText(str(n))
        label.setEnabled(n % 2 == 0)
    assert sys.getrefcount(None) >= before - 100  # a little slack for the interpreter's own

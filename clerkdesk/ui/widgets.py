"""Small widgets shared by the panels."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

# The one colour the app sets itself: a warning red readable on light and dark.
WARNING_STYLE = (
    "QLabel { background-color: #c62828; color: white; border-radius: 4px; padding: 4px 8px; }"
)
NOTICE_STYLE = (
    "QLabel { background-color: #f9a825; color: black; border-radius: 4px; padding: 4px 8px; }"
)
OK_STYLE = "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 4px 8px; }"


class ErrorLabel(QLabel):
    """A domain message shown next to the control that caused it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(name)
        self.setStyleSheet(WARNING_STYLE)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.show()

    def clear_error(self) -> None:
        self.clear()
        self.hide()


class KeyTableView(QTableView):
    """A table view that turns plain letter keys into actions on the current row."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table (arrow keys move within it), so no keyboard trap.
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        row_height = self.fontMetrics().height() + 10
        self.verticalHeader().setDefaultSectionSize(row_height)
        # resizeRowsToContents() (wrapped text) must not squeeze one-line rows.
        self.verticalHeader().setMinimumSectionSize(row_height)
        self.horizontalHeader().setHighlightSections(False)
        self.key_actions: dict[int, Callable[[], None]] = {}

    def stretch(self, column: int) -> None:
        header = self.horizontalHeader()
        for n in range(header.count()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if n == column
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(n, mode)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        action = self.key_actions.get(event.key()) if plain else None
        if action is not None:
            action()
            event.accept()
            return
        super().keyPressEvent(event)

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        self.setCurrentIndex(model.index(row, 0))
        self.selectRow(row)


def button(text: str, name: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    widget.setAutoDefault(False)
    if tip:
        widget.setToolTip(tip)
    widget.clicked.connect(lambda _checked=False: slot())
    return widget


def heading(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setAccessibleName(text)
    return label


def set_tab_order(*widgets: QWidget) -> None:
    """Tab visits ``widgets`` in the order given.

    Call it once the widgets are laid out in their window: Qt ignores (with only
    a warning) an order between widgets that are not yet in the same window.
    """
    for first, second in itertools.pairwise(widgets):
        if first.window() is not second.window():
            raise ValueError(
                f"set_tab_order: {first!r} and {second!r} are not in the same window yet"
            )
        QWidget.setTabOrder(first, second)


class Panel(QWidget):
    """A panel that hands the keyboard focus to its main control when given it.

    Not a Qt focus proxy: a panel with a proxy is itself a Tab stop at its own
    place in the window's focus chain, so Tab would jump back to it from the
    end of another panel instead of following the order set with
    :func:`set_tab_order`. The panel takes no focus from Tab; ``setFocus()``
    on it (as ``MainWindow.show_panel`` does) still reaches its main control.
    """

    focus_target: QWidget | None = None

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.focus_target is not None:
            self.focus_target.setFocus(event.reason())
            return
        super().focusInEvent(event)

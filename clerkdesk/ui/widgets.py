"""Small widgets shared by the panels."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

# The one colour the app sets itself: a warning red readable on light and dark.
WARNING_STYLE = (
    "QLabel { background-color: #c62828; color: white; border-radius: 4px; padding: 4px 8px; }"
)
NOTICE_STYLE = (
    "QLabel { background-color: #f9a825; color: black; border-radius: 4px; padding: 4px 8px; }"
)
OK_STYLE = "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 4px 8px; }"


def set_style_sheet(widget: QWidget, style: str) -> None:
    """``widget.setStyleSheet(style)`` unless it has that style already: setting
    even the same sheet again re-polishes the widget (and repaints it)."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def line_edit(text: str | None, name: str, placeholder: str = "") -> QLineEdit:
    """A line to type in, holding ``text`` (None for nothing), named ``name`` for
    screen readers, with ``placeholder`` shown while it is empty."""
    from PySide6.QtWidgets import QLineEdit  # with the first dialog, not the window

    edit = QLineEdit(text or "")
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def wrapped_label(name: str, style: str = "", *, hidden: bool = False) -> QLabel:
    """An empty label that wraps what it says, named ``name`` for screen readers; in
    ``style`` (NOTICE_STYLE …) if given; ``hidden`` until there is something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(name)
    if style:
        label.setStyleSheet(style)
    if hidden:
        label.hide()
    return label


class TitledDialog(QDialog):
    """A dialog whose title is also its name for screen readers."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)


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


# What a cell's size hint depends on besides the view's font and style (whose
# changes measure every cell again): QStyledItemDelegate.sizeHint's roles.
_SIZE_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.CheckStateRole,
    Qt.ItemDataRole.SizeHintRole,
)


class ColumnFit(QObject):
    """A table's ResizeToContents columns, kept fitted to their contents by measuring
    only the cells that change.

    Qt measures every cell of every such column again whenever any cell changes
    (a status changed by a key press measured the whole attendance list, more
    than half of the refresh). Here each cell's width is kept: a reset measures
    them all, a ``dataChanged`` only the cells in its range. A column gets what
    Qt would give it: the widest cell (plus the grid line), at least the
    header's own size hint, within the header's minimum and maximum section
    size. The columns are Fixed to Qt, which like ResizeToContents the clerk
    cannot drag.

    A cell in a changed row whose measured roles (its text, font, icon, check
    mark, size hint) are as they were is not measured again: a key press
    changes one column of a row, and ``dataChanged`` names the whole row, so
    the other cells' sizes, each a text layout, were most of this work.
    """

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        header = view.horizontalHeader()
        self.columns = [
            n
            for n in range(header.count())
            if header.sectionResizeMode(n) is QHeaderView.ResizeMode.ResizeToContents
        ]
        for n in self.columns:
            header.setSectionResizeMode(n, QHeaderView.ResizeMode.Fixed)
        self.cells: dict[int, list[int]] = {}
        self.measured: dict[int, list[tuple[Any, ...]]] = {}  # the roles each width is of
        self.floors: dict[int, int] = {}
        model = view.model()
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.rowsMoved,
            model.headerDataChanged,
        ):
            signal.connect(self.refit)
        model.dataChanged.connect(self.changed)
        self.refit()

    def _floor(self, column: int) -> int:
        """The width of the texts the model says the column may show (Column.widest)."""
        columns = getattr(self.view.model(), "columns", ())
        texts = columns[column].widest if column < len(columns) else ()
        if not texts:
            return 0
        font = QFont(self.view.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        style = self.view.style()
        margin = 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin) + 1)
        return max(metrics.horizontalAdvance(text) for text in texts) + margin

    def _width(self, row: int, column: int) -> int:
        return self.view.sizeHintForIndex(self.view.model().index(row, column)).width()

    def _roles(self, row: int, column: int) -> tuple[Any, ...]:
        model = self.view.model()
        index = model.index(row, column)
        # A model may say which of them its cells answer (RowTableModel.size_roles):
        # each is a call into Python for every cell of a changed row.
        roles = getattr(model, "size_roles", _SIZE_ROLES)
        return tuple(model.data(index, role) for role in roles)

    def refit(self, *_args: Any) -> None:
        """Measure every cell of the fitted columns (after a reset, a font change …)."""
        self.view.ensurePolished()  # as Qt's own sizeHintForColumn does
        rows = self.view.model().rowCount()
        self.cells = {c: [self._width(r, c) for r in range(rows)] for c in self.columns}
        self.measured = {c: [self._roles(r, c) for r in range(rows)] for c in self.columns}
        # Of the view's font and style, which a change of either measures again; an
        # empty table has no column to keep from moving, and asking the style for
        # its margin builds QStyle's Python enums, before the first paint.
        self.floors = {c: self._floor(c) if rows else 0 for c in self.columns}
        for column in self.columns:
            self._apply(column)

    def changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles: Any) -> None:
        rows = range(top_left.row(), bottom_right.row() + 1)
        for column in self.columns:
            if not top_left.column() <= column <= bottom_right.column():
                continue
            cells = self.cells[column]
            if len(cells) != self.view.model().rowCount():
                self.refit()  # out of step with the model: start again
                return
            # The column's width: its widest cell's, or the floor's if that is wider
            # (a member's apologies in the Status column), which then stands.
            floor = self.floors[column]
            widest = max(max(cells, default=0), floor)
            measured = self.measured[column]
            for row in rows:
                roles = self._roles(row, column)
                if roles != measured[row]:
                    cells[row] = self._width(row, column)
                    measured[row] = roles
            if max(max(cells, default=0), floor) != widest:  # else the width stands
                self._apply(column)

    def _apply(self, column: int) -> None:
        header = self.view.horizontalHeader()
        widest = max(self.cells[column], default=0)
        content = max(widest, self.floors[column]) + (1 if self.view.showGrid() else 0)
        size = max(content, header.sectionSizeHint(column))
        size = max(header.minimumSectionSize(), min(size, header.maximumSectionSize()))
        if header.sectionSize(column) != size:
            header.resizeSection(column, size)


class KeyTableView(QTableView):
    """A table view that turns plain letter keys into actions on the current row."""

    # Class defaults: Qt may deliver events (changeEvent) before __init__ sets them.
    _column_fit: ColumnFit | None = None
    _rows_unfitted = False
    # Wrapped rows measured again when the table's width changes (a short list
    # only: the agenda, whose rows stayed tall after the meetings list closed).
    refit_rows_on_resize = False

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

    def fit_changed_cells(self) -> None:
        """Fit the ResizeToContents columns (see :meth:`stretch`) by measuring only
        the cells that change (see :class:`ColumnFit`); call once the model is set."""
        self._column_fit = ColumnFit(self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self._column_fit is not None and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._column_fit.refit()

    def fit_rows(self) -> None:
        """``resizeRowsToContents()`` now if the table is on screen, else just
        before it next paints: measuring every row of a table in a tab the clerk
        is not looking at was most of that panel's refresh."""
        if self.isVisible():
            self._rows_unfitted = False
            self.resizeRowsToContents()
        else:
            self._rows_unfitted = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.refit_rows_on_resize and event.size().width() != event.oldSize().width():
            self.fit_rows()

    def viewportEvent(self, event: QEvent) -> bool:
        # At the first paint after being shown, not in showEvent: only then has
        # the layout given the wrapped columns their widths, which the heights
        # of their rows depend on.
        if self._rows_unfitted and event.type() == QEvent.Type.Paint:
            self._rows_unfitted = False
            self.resizeRowsToContents()
        return super().viewportEvent(event)

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
        # Home and End go to the first and last row (Qt's go to the first and
        # last column of the row, which in a list of people moves nothing).
        if plain and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End):
            model = self.model()
            if model is not None and model.rowCount():
                self.select_row(0 if event.key() == Qt.Key.Key_Home else model.rowCount() - 1)
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


def ok_cancel(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """OK and Cancel, wired to accept and reject; OK says ``ok_text`` if given.
    Their ``buttons()`` are OK, then Cancel (Qt lists them by role), the Tab order."""
    # Imported with the first dialog, not the window: importing the class builds
    # its three Python enums, time taken from the window's first paint.
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


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
    on it (as ``MeetingTabs.show_panel`` does) still reaches its main control.
    """

    focus_target: QWidget | None = None

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.focus_target is not None:
            self.focus_target.setFocus(event.reason())
            return
        super().focusInEvent(event)

"""Table models over immutable rows, fed through ``set_rows()``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from clerkdesk.domain.terms import AttendanceStatus
from clerkdesk.ui import rows as r

if TYPE_CHECKING:
    # For type checking only (named in quotes below): the models are imported
    # before the window opens its database, and so before the services.
    from clerkdesk.services.lookups import HistoryRow, SearchHit  # noqa: F401

RowT = TypeVar("RowT")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


# A named tuple, not a frozen dataclass: made before the window's first paint
# (as ui/rows.py says).
class Column(NamedTuple, Generic[RowT]):
    header: str
    text: Callable[[RowT], str]
    # Texts the column may show whatever the rows: it is kept wide enough for
    # them (in bold), so that one member's apologies do not make it jump.
    widest: tuple[str, ...] = ()


# The roles every model serves; the views ask each cell for several more
# (decoration, alignment, background, check state, size hint), answered None
# at once. Plain ints: comparing Qt's enum members costs more than a lookup.
_TEXT, _TOOLTIP, _FOREGROUND, _FONT, _ROW = range(5)
_ROLES = {
    int(Qt.ItemDataRole.DisplayRole): _TEXT,
    int(Qt.ItemDataRole.AccessibleTextRole): _TEXT,
    int(Qt.ItemDataRole.ToolTipRole): _TOOLTIP,
    int(Qt.ItemDataRole.ForegroundRole): _FOREGROUND,
    int(Qt.ItemDataRole.FontRole): _FONT,
    int(ROW_ROLE): _ROW,
}

# Asked for every cell painted: combined once, not on every call.
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows in, cells out. Subclasses list their columns and may dim or bold rows.

    A subclass with ``updates_in_place`` set, given as many rows as it had,
    signals only the rows that differ (``dataChanged``) rather than resetting:
    the view then repaints those rows, not the whole table, and keeps its
    current row and selection (its panel must choose the row again itself).
    """

    columns: ClassVar[Sequence[Column[Any]]] = ()
    updates_in_place: ClassVar[bool] = False
    # Of the roles a cell's size hint reads, the ones these cells answer (the
    # others are always None): what ColumnFit compares before measuring a cell.
    size_roles: ClassVar[tuple[Qt.ItemDataRole, ...]] = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.FontRole,
    )
    _roles: ClassVar[dict[int, int]] = _ROLES

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Roles whose hook a subclass leaves alone are answered None without a call.
        roles = dict(_ROLES)
        for role, hook in (
            (Qt.ItemDataRole.ForegroundRole, "foreground"),
            (Qt.ItemDataRole.FontRole, "font"),
        ):
            if getattr(cls, hook) is getattr(RowTableModel, hook):
                del roles[int(role)]
        cls._roles = roles

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[RowT, ...] = ()

    def set_rows(self, rows: Sequence[RowT]) -> None:
        new = tuple(rows)
        old = self._rows
        if not self.updates_in_place or len(new) != len(old):
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        self._rows = new
        last_column = len(self.columns) - 1
        changed = [n for n, (was, now) in enumerate(zip(old, new, strict=True)) if was != now]
        # One signal per run of neighbouring rows: a range's rows are repainted together.
        start = 0
        while start < len(changed):
            end = start
            while end + 1 < len(changed) and changed[end + 1] == changed[end] + 1:
                end += 1
            self.dataChanged.emit(
                self.index(changed[start], 0), self.index(changed[end], last_column)
            )
            start = end + 1

    @property
    def rows(self) -> tuple[RowT, ...]:
        return self._rows

    def row_at(self, row: int) -> RowT | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every cell painted or measured: the role first.
        kind = self._roles.get(role)
        if kind is None:
            return None
        number = index.row()  # -1 for an invalid index
        if not 0 <= number < len(self._rows):
            return None
        row = self._rows[number]
        if kind == _TEXT:
            return self.columns[index.column()].text(row)
        if kind == _FOREGROUND:
            return self.foreground(row, index.column())
        if kind == _FONT:
            return self.font(row, index.column())
        if kind == _TOOLTIP:
            return self.tooltip(row, index.column())
        return row

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _CELL_FLAGS if index.isValid() else _NO_FLAGS

    # Hooks.
    def tooltip(self, row: RowT, column: int) -> str | None:
        text = self.columns[column].text(row)
        return text if len(text) > 40 else None

    def foreground(self, row: RowT, column: int) -> QBrush | None:
        return None

    def font(self, row: RowT, column: int) -> QFont | None:
        return None


class _Dimmed:
    """The palette's disabled text brush, looked up again only when the palette changes."""

    key: int | None = None
    brush: QBrush | None = None


def dimmed() -> QBrush:
    palette = QApplication.palette()
    key = palette.cacheKey()
    if _Dimmed.brush is None or key != _Dimmed.key:
        _Dimmed.brush = palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        _Dimmed.key = key
    return _Dimmed.brush


_BOLD: list[QFont] = []  # built on first use: a QFont wants the application


def bold() -> QFont:
    """Bold and nothing else set: the view resolves the rest from its own font, so
    the one font serves every cell and follows any change of the view's font."""
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


class MeetingsTableModel(RowTableModel[r.MeetingLine]):
    columns = (
        Column("Date", lambda row: row.date),
        Column("Committee", lambda row: row.committee),
        # With its check-out under it, on a server or a laptop's file ("Out: alice").
        Column("Status", lambda row: f"{row.status}\n{row.away}" if row.away else row.status),
    )

    def tooltip(self, row: r.MeetingLine, column: int) -> str | None:
        return row.away_said or None if column == 2 else super().tooltip(row, column)


class AttendanceTableModel(RowTableModel[r.AttendanceLine]):
    updates_in_place = True  # the attendance panel chooses its row again on every refresh
    columns = (
        Column("Name", lambda row: row.name),
        Column("Attends as", lambda row: row.attends_as),
        Column("Status", lambda row: row.status_words, (*r.STATUS_WORDS.values(), "Left 00.00")),
        Column("Arrived", lambda row: row.arrived),
        Column("Left", lambda row: row.departed),
        Column("Note", lambda row: row.note),
    )

    def foreground(self, row: r.AttendanceLine, column: int) -> QBrush | None:
        return None if row.status is AttendanceStatus.PRESENT and row.in_room else dimmed()

    def font(self, row: r.AttendanceLine, column: int) -> QFont | None:
        in_room = row.status is AttendanceStatus.PRESENT and row.in_room
        return bold() if column == 2 and in_room else None


class AgendaTableModel(RowTableModel[r.AgendaLine]):
    columns = (
        Column("No.", lambda row: row.number),
        Column("Item", lambda row: f"{row.badge}: {row.title}" if row.badge else row.title),
        Column("Decided", lambda row: row.progress),
    )

    def font(self, row: r.AgendaLine, column: int) -> QFont | None:
        return bold() if row.badge else None


class MotionsTableModel(RowTableModel[r.MotionLine]):
    columns = (
        Column("Motion", lambda row: row.label),
        Column("Text", lambda row: row.text),
        Column("Result", lambda row: row.result),
    )

    def tooltip(self, row: r.MotionLine, column: int) -> str | None:
        return row.text if column == 1 else row.result

    def foreground(self, row: r.MotionLine, column: int) -> QBrush | None:
        return dimmed() if column == 2 and not row.decided else None


class VoterRollModel(RowTableModel[r.VoterLine]):
    columns = (
        Column("Member", lambda row: row.name),
        Column("Entitled to vote", lambda row: row.reason),
    )

    def foreground(self, row: r.VoterLine, column: int) -> QBrush | None:
        return None if row.eligible else dimmed()


class DeclarationsTableModel(RowTableModel[r.DeclarationLine]):
    columns = (
        Column("Item", lambda row: row.item),
        Column("Member", lambda row: row.member),
        Column("Interest", lambda row: row.kind),
        Column("Nature", lambda row: row.nature),
        Column("Dispensation", lambda row: row.dispensation),
        Column("Room", lambda row: row.left_room),
    )


class ParagraphsTableModel(RowTableModel[r.ParagraphLine]):
    columns = (
        Column("No.", lambda row: row.number),
        Column("Minute", lambda row: row.text),
    )


class ActionsTableModel(RowTableModel[r.ActionLine]):
    columns = (
        Column("Action by", lambda row: row.owner),
        Column("Action", lambda row: row.text),
        Column("Beside", lambda row: row.beside),
    )


class SearchHitsModel(RowTableModel["SearchHit"]):
    columns = (
        Column("Date", lambda hit: f"{hit.date:%d %b %Y}"),
        Column("Committee", lambda hit: hit.committee),
        Column("Item", lambda hit: hit.item_number),
        Column("Found in", lambda hit: hit.kind),
        Column("Text", lambda hit: hit.snippet),
    )


class HistoryModel(RowTableModel["HistoryRow"]):
    columns = (
        Column("Date", lambda row: f"{row.date:%d %b %Y}"),
        Column("Committee", lambda row: row.committee),
        Column("Attendance or declaration", lambda row: row.what),
    )

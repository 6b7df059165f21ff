"""Table models over immutable rows, fed through ``set_rows()``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from clerkdesk.domain.model import AttendanceStatus
from clerkdesk.ui import rows as r

if TYPE_CHECKING:
    # For type checking only (named in quotes below): the models are imported
    # before the window opens its database, and so before the services.
    from clerkdesk.services.lookups import HistoryRow, SearchHit  # noqa: F401

RowT = TypeVar("RowT")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column(Generic[RowT]):
    header: str
    text: Callable[[RowT], str]


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows in, cells out. Subclasses list their columns and may dim or bold rows."""

    columns: ClassVar[Sequence[Column[Any]]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[RowT, ...] = ()

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

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
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.columns[index.column()].text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, index.column())
        if role == Qt.ItemDataRole.FontRole:
            return self.font(row, index.column())
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # Hooks.
    def tooltip(self, row: RowT, column: int) -> str | None:
        text = self.columns[column].text(row)
        return text if len(text) > 40 else None

    def foreground(self, row: RowT, column: int) -> QBrush | None:
        return None

    def font(self, row: RowT, column: int) -> QFont | None:
        return None


def dimmed() -> QBrush:
    return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class MeetingsTableModel(RowTableModel[r.MeetingRow]):
    columns = (
        Column("Date", lambda row: row.date),
        Column("Committee", lambda row: row.committee),
        Column("Status", lambda row: row.status),
    )


class AttendanceTableModel(RowTableModel[r.AttendanceRow]):
    columns = (
        Column("Name", lambda row: row.name),
        Column("Attends as", lambda row: row.attends_as),
        Column("Status", lambda row: r.STATUS_WORDS[row.status]),
        Column("Arrived", lambda row: row.arrived),
        Column("Left", lambda row: row.departed),
        Column("Note", lambda row: row.note),
    )

    def foreground(self, row: r.AttendanceRow, column: int) -> QBrush | None:
        return None if row.status is AttendanceStatus.PRESENT else dimmed()

    def font(self, row: r.AttendanceRow, column: int) -> QFont | None:
        return bold() if column == 2 and row.status is AttendanceStatus.PRESENT else None


class AgendaTableModel(RowTableModel[r.AgendaRow]):
    columns = (
        Column("No.", lambda row: row.number),
        Column("Item", lambda row: f"{row.badge}: {row.title}" if row.badge else row.title),
        Column("Votes", lambda row: row.progress),
    )

    def font(self, row: r.AgendaRow, column: int) -> QFont | None:
        return bold() if row.badge else None


class MotionsTableModel(RowTableModel[r.MotionRow]):
    columns = (
        Column("Motion", lambda row: row.label),
        Column("Text", lambda row: row.text),
        Column("Result", lambda row: row.result),
    )

    def tooltip(self, row: r.MotionRow, column: int) -> str | None:
        return row.text if column == 1 else row.result

    def foreground(self, row: r.MotionRow, column: int) -> QBrush | None:
        return dimmed() if column == 2 and not row.decided else None


class VoterRollModel(RowTableModel[r.VoterRow]):
    columns = (
        Column("Member", lambda row: row.name),
        Column("Entitled to vote", lambda row: row.reason),
    )

    def foreground(self, row: r.VoterRow, column: int) -> QBrush | None:
        return None if row.eligible else dimmed()


class DeclarationsTableModel(RowTableModel[r.DeclarationRow]):
    columns = (
        Column("Item", lambda row: row.item),
        Column("Member", lambda row: row.member),
        Column("Interest", lambda row: row.kind),
        Column("Nature", lambda row: row.nature),
        Column("Dispensation", lambda row: row.dispensation),
        Column("Room", lambda row: row.left_room),
    )


class ParagraphsTableModel(RowTableModel[r.ParagraphRow]):
    columns = (
        Column("No.", lambda row: row.number),
        Column("Minute", lambda row: row.text),
    )


class ActionsTableModel(RowTableModel[r.ActionRow]):
    columns = (
        Column("Action by", lambda row: row.owner),
        Column("Action", lambda row: row.text),
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

"""Minute notes for the current item: numbered paragraphs and actions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.changes import Area
from clerkdesk.ui import operations
from clerkdesk.ui.models import ActionsTableModel, ParagraphsTableModel
from clerkdesk.ui.open_meeting import ITEM, OPENED, OpenMeeting
from clerkdesk.ui.rows import action_rows, paragraph_rows
from clerkdesk.ui.widgets import ErrorLabel, KeyTableView, Panel, button, heading, set_tab_order

AREAS = Area.MINUTES | Area.ITEMS | ITEM | OPENED


class MinuteEditor(QPlainTextEdit):
    """Ctrl+Enter saves the paragraph; Tab moves on."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setAccessibleName("Minute paragraph text")
        self.setPlaceholderText("Type the minute; Ctrl+Enter adds it as the next paragraph")

    def event(self, event: QEvent) -> bool:
        # The editor claims Ctrl+Z and Ctrl+Y even with nothing of its own to
        # undo (it is emptied once a paragraph is saved), and the clerk's Undo
        # did nothing. Typing in progress is undone here; otherwise the keys
        # reach Edit > Undo and Redo, which undo the last action.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            document = self.document()
            if (
                event.matches(QKeySequence.StandardKey.Undo) and not document.isUndoAvailable()
            ) or (event.matches(QKeySequence.StandardKey.Redo) and not document.isRedoAvailable()):
                event.ignore()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class MinutesPanel(Panel):
    def __init__(self, meeting: OpenMeeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meeting = meeting
        self.editing: int | None = None
        self.title = QLabel()
        self.title.setAccessibleName("Current item")
        self.title.setWordWrap(True)
        self.paragraphs = ParagraphsTableModel(self)
        self.paragraph_table = KeyTableView("Minute paragraphs", self)
        self.paragraph_table.setModel(self.paragraphs)
        self.paragraph_table.stretch(1)
        self.paragraph_table.setWordWrap(True)
        self.paragraph_table.key_actions = {
            Qt.Key.Key_Delete: self.delete_paragraph,
            Qt.Key.Key_Return: self.edit_paragraph,
            Qt.Key.Key_Enter: self.edit_paragraph,
        }
        self.editor = MinuteEditor(self)
        self.editor.submitted.connect(self.save_paragraph)
        self.editor.setMaximumHeight(120)
        self.save_button = button(
            "Add paragraph (Ctrl+Enter)", "Add paragraph", self.save_paragraph
        )
        self.cancel_button = button("Cancel edit", "Cancel edit", self.cancel_edit)
        self.edit_button = button("Edit selected (Enter)", "Edit paragraph", self.edit_paragraph)
        self.delete_button = button("Delete selected", "Delete paragraph", self.delete_paragraph)
        self.cancel_button.hide()
        self.error = ErrorLabel("Minutes error", self)

        self.actions_model = ActionsTableModel(self)
        self.action_table = KeyTableView("Actions", self)
        self.action_table.setModel(self.actions_model)
        self.action_table.stretch(1)
        self.action_table.key_actions = {Qt.Key.Key_Delete: self.delete_action}
        # At least five actions in view (at 1366x768 the splitter left two).
        rows = self.action_table.verticalHeader().defaultSectionSize()
        header = self.action_table.horizontalHeader().sizeHint().height()
        self.action_table.setMinimumHeight(header + 5 * rows + 2 * self.action_table.frameWidth())
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Action officer")
        self.owner.setPlaceholderText("Officer responsible")
        self.action_text = QLineEdit()
        self.action_text.setAccessibleName("Action text")
        self.action_text.setPlaceholderText("What they will do (Enter adds the action)")
        self.action_text.returnPressed.connect(self.add_action)
        # Where the action is printed: beside one paragraph (its ACTION column), or at
        # the end of the item.
        self.beside = QComboBox()
        self.beside.setAccessibleName("Action beside paragraph")
        self.beside.setToolTip("The minute paragraph the action is printed beside")

        para_buttons = QHBoxLayout()
        para_buttons.addWidget(self.save_button)
        para_buttons.addWidget(self.cancel_button)
        para_buttons.addWidget(self.edit_button)
        para_buttons.addWidget(self.delete_button)
        para_buttons.addStretch()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(heading("Minutes"))
        top_layout.addWidget(self.paragraph_table, 1)
        top_layout.addWidget(self.editor)
        top_layout.addLayout(para_buttons)

        self.add_action_button = button("Add action", "Add action", self.add_action)
        self.delete_action_button = button("Delete action", "Delete action", self.delete_action)
        # Two rows: on one, the officer's name and the placeholders were cut off
        # ("Officer responsi", "At the end of t") at 1366 wide.
        self.beside.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        who_and_where = QHBoxLayout()
        who_and_where.addWidget(self.owner, 1)
        who_and_where.addWidget(self.beside)
        what = QHBoxLayout()
        what.addWidget(self.action_text, 1)
        what.addWidget(self.add_action_button)
        what.addWidget(self.delete_action_button)
        action_row = QVBoxLayout()
        action_row.addLayout(who_and_where)
        action_row.addLayout(what)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(heading("Actions"))
        bottom_layout.addWidget(self.action_table, 1)
        bottom_layout.addLayout(action_row)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        self.focus_target = self.editor
        set_tab_order(*self.focus_chain())

    def focus_chain(self) -> list[QWidget]:
        """Tab order: the editor (where the clerk types) and what acts on it, the
        paragraphs, then the new action's fields and the actions."""
        return [
            self.editor,
            self.save_button,
            self.cancel_button,
            self.paragraph_table,
            self.edit_button,
            self.delete_button,
            self.owner,
            self.action_text,
            self.beside,
            self.add_action_button,
            self.action_table,
            self.delete_action_button,
        ]

    def refresh(self, areas: Area) -> None:
        if not areas & AREAS:
            return
        record, item_id = self.meeting.record, self.meeting.item_id
        if areas & (ITEM | OPENED):
            self.cancel_edit()
            self.error.clear_error()
            # A new item's action is someone else's until the clerk says otherwise.
            self.owner.clear()
            self.action_text.clear()
        if record is None or item_id is None:
            self.title.setText("No item selected")
        else:
            item = record.item(item_id)
            self.title.setText(f"<b>Item {item.number}: {item.title}</b>")
        self.paragraphs.set_rows(paragraph_rows(record, item_id) if record else ())
        self._fill_beside()
        self.paragraph_table.fit_rows()
        self.actions_model.set_rows(action_rows(record, item_id) if record else ())

    def _fill_beside(self) -> None:
        """The item's paragraphs to put an action beside, keeping the choice made."""
        chosen = self.beside.currentData()
        self.beside.clear()
        self.beside.addItem("At the end of the item", None)
        for row in self.paragraphs.rows:
            self.beside.addItem(f"Beside {row.number}", row.id)
        self.beside.setCurrentIndex(max(0, self.beside.findData(chosen)))

    def _run(self, operation: operations.Operation) -> bool:
        self.error.clear_error()
        return self.meeting.act(operation, errors=self.error.show_error) is not None

    def save_paragraph(self) -> None:
        item_id = self.meeting.item_id
        if item_id is None:
            return
        text = self.editor.toPlainText()
        if self.editing is not None:
            ok = self._run(operations.edit_paragraph(self.editing, text))
        else:
            ok = self._run(operations.add_paragraph(item_id, text))
        if ok:
            self.cancel_edit()
            self.editor.setFocus()

    def edit_paragraph(self) -> None:
        row = self.paragraphs.row_at(self.paragraph_table.current_row())
        if row is None:
            return
        self.editing = row.id
        self.editor.setPlainText(row.text)
        self.save_button.setText(f"Save {row.number} (Ctrl+Enter)")
        self.cancel_button.show()
        self.editor.setFocus()

    def cancel_edit(self) -> None:
        self.editing = None
        self.editor.clear()
        self.save_button.setText("Add paragraph (Ctrl+Enter)")
        self.cancel_button.hide()

    def delete_paragraph(self) -> None:
        row = self.paragraphs.row_at(self.paragraph_table.current_row())
        if row is not None:
            self._run(operations.delete_paragraph(row.id))

    def add_action(self) -> None:
        item_id = self.meeting.item_id
        if item_id is not None and self._run(
            operations.add_action(
                item_id,
                self.owner.text(),
                self.action_text.text(),
                paragraph_id=self.beside.currentData(),
            )
        ):
            self.action_text.clear()
            self.owner.setFocus()

    def delete_action(self) -> None:
        row = self.actions_model.row_at(self.action_table.current_row())
        if row is not None:
            self._run(operations.delete_action(row.id))

"""A recommendation's label and words: a new one for the current item, or one
of its recommendations chosen from a list and changed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QFormLayout, QPlainTextEdit, QWidget

from clerkdesk.domain.model import MeetingRecord
from clerkdesk.ui.widgets import TitledDialog, line_edit, ok_cancel


@dataclass(frozen=True, slots=True)
class RecommendationInput:
    recommendation_id: int | None  # None for a new recommendation
    label: str
    text: str


class RecommendationDialog(TitledDialog):
    def __init__(
        self,
        record: MeetingRecord,
        item_id: int,
        *,
        new: bool,
        chosen: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        item = record.item(item_id)
        title = f"{'Add a recommendation to' if new else 'Recommendation in'} item {item.number}"
        super().__init__(title, parent)
        self._record = record
        self.which = QComboBox()
        self.which.setAccessibleName("Recommendation")
        for rec in record.recommendations_of(item_id):
            # Cut at a word, with an ellipsis: the whole text is in the box below.
            short = rec.text if len(rec.text) <= 60 else rec.text[:60].rsplit(" ", 1)[0] + " …"
            self.which.addItem(f"{rec.label or '•'} {short}", rec.id)
        self.label = line_edit("", "Label", "3.1, (a), i) … (may be left empty)")
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Recommendation text")
        self.text.setTabChangesFocus(True)
        form = QFormLayout(self)
        if not new:
            form.addRow("&Which:", self.which)
            self.which.currentIndexChanged.connect(self._show_chosen)
            if chosen is not None and self.which.findData(chosen) >= 0:
                self.which.setCurrentIndex(self.which.findData(chosen))
            self._show_chosen()
        form.addRow("&Label:", self.label)
        form.addRow("&Text:", self.text)
        form.addRow(ok_cancel(self))
        (self.label if new else self.which).setFocus()
        self.new = new
        self.resize(600, 0)

    def _show_chosen(self) -> None:
        rec_id = self.which.currentData()
        if rec_id is None:
            return
        rec = self._record.recommendation(int(rec_id))
        self.label.setText(rec.label or "")
        self.text.setPlainText(rec.text)

    def value(self) -> RecommendationInput:
        rec_id = (
            None if self.new or self.which.currentData() is None else int(self.which.currentData())
        )
        return RecommendationInput(
            rec_id, self.label.text().strip(), self.text.toPlainText().strip()
        )

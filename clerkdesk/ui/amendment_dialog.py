"""Moving an amendment to a recommendation."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clerkdesk.domain.model import AttendanceStatus, Capacity, MeetingRecord
from clerkdesk.ui.rows import by_surname
from clerkdesk.ui.widgets import TitledDialog, ok_cancel, set_tab_order


@dataclass(frozen=True, slots=True)
class AmendmentInput:
    mover_id: int
    seconder_id: int
    text: str
    resulting_text: str


class AmendmentDialog(TitledDialog):
    def __init__(
        self, record: MeetingRecord, recommendation_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__("Add amendment", parent)
        rec = record.recommendation(recommendation_id)
        intro = QLabel(f"Amendment to {rec.label or 'the recommendation'}: {rec.text}")
        intro.setWordWrap(True)
        self.mover = QComboBox()
        self.mover.setAccessibleName("Mover")
        self.seconder = QComboBox()
        self.seconder.setAccessibleName("Seconder")
        for a in sorted(record.attendees, key=lambda a: by_surname(record.name_of(a.person_id))):
            if a.capacity in (Capacity.MEMBER, Capacity.SUBSTITUTE) and (
                a.status is AttendanceStatus.PRESENT
            ):
                for combo in (self.mover, self.seconder):
                    combo.addItem(record.name_of(a.person_id), a.person_id)
        if self.seconder.count() > 1:
            self.seconder.setCurrentIndex(1)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Amendment wording")
        self.text.setTabChangesFocus(True)
        self.resulting = QPlainTextEdit()
        self.resulting.setAccessibleName("Recommendation as amended")
        self.resulting.setTabChangesFocus(True)
        self.resulting.setPlaceholderText("Optional: the recommendation as it reads if carried")
        form = QFormLayout()
        form.addRow("&Moved by:", self.mover)
        form.addRow("&Seconded by:", self.seconder)
        form.addRow("&Wording:", self.text)
        form.addRow("&As amended:", self.resulting)
        buttons = ok_cancel(self, "Add amendment")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        set_tab_order(
            self.mover,
            self.seconder,
            self.text,
            self.resulting,
            *buttons.buttons(),
        )
        self.resize(560, 420)

    def value(self) -> AmendmentInput | None:
        if self.mover.currentData() is None or self.seconder.currentData() is None:
            return None
        return AmendmentInput(
            int(self.mover.currentData()),
            int(self.seconder.currentData()),
            self.text.toPlainText().strip(),
            self.resulting.toPlainText().strip(),
        )

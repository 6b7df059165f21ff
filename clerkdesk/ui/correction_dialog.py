"""The reason for a correction to approved minutes, asked before it is saved."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from clerkdesk.ui.widgets import ErrorLabel, TitledDialog, line_edit, ok_cancel

NEEDS_A_REASON = (
    "A correction to approved minutes needs its reason: it is kept with the correction "
    "for anyone who reads the record later. Type why it is being made, or Cancel."
)


class CorrectionReasonDialog(TitledDialog):
    """OK with no reason typed says why it cannot be saved, and waits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Correction to approved minutes", parent)
        prompt = QLabel("These minutes are approved. &Why is this correction being made?")
        self.reason = line_edit("", "Reason for the correction")
        prompt.setBuddy(self.reason)
        self.error = ErrorLabel("Why the correction cannot be saved", self)
        self.reason.textChanged.connect(lambda _t: self.error.clear_error())
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        if not self.value():
            self.error.show_error(NEEDS_A_REASON)
            self.reason.setFocus()
            return
        super().accept()

    def value(self) -> str:
        return " ".join(self.reason.text().split())

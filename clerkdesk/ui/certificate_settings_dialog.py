"""Settings › Certificates: the council's certificate and its trusted roots, both optional."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from clerkdesk.ui.widgets import line_edit, ok_cancel


class PathField(QWidget):
    """A path the clerk types or browses to; empty means "not set"."""

    def __init__(self, name: str, filters: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filters = filters
        self.edit = line_edit("", name, "not set")
        browse = QPushButton("Browse…")
        browse.setAccessibleName(f"Browse for {name.lower()}")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None

    def set_path(self, path: Path | None) -> None:
        self.edit.setText(str(path) if path else "")

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.edit.accessibleName(), "", self.filters)
        if name:
            self.edit.setText(name)


class CertificateSettingsDialog(QDialog):
    def __init__(
        self, council: Path | None, roots: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Certificates")
        self.council = PathField("Council certificate", "Certificates (*.p12 *.pfx)")
        self.council.set_path(council)
        self.roots = PathField("Trusted roots", "Certificates (*.pem *.cer *.crt)")
        self.roots.set_path(roots)
        explain = QLabel(
            "Without a council certificate, PDF minutes are certified with this machine's "
            "self-signed certificate: it proves a file is unchanged since export, not who "
            "exported it.\nThe trusted roots (your council's certification authority) are "
            "what Verify checks a signer's certificate against."
        )
        explain.setWordWrap(True)
        buttons = ok_cancel(self)
        form = QFormLayout(self)
        form.addRow(explain)
        form.addRow("&Council certificate (.p12):", self.council)
        form.addRow("&Trusted roots (.pem):", self.roots)
        form.addRow(buttons)
        self.resize(620, self.sizeHint().height())

    def value(self) -> tuple[Path | None, Path | None]:
        return self.council.path(), self.roots.path()

"""Exporting minutes off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

from clerkdesk.domain.errors import DomainError

if TYPE_CHECKING:
    from clerkdesk.export.certify import Certifier
    from clerkdesk.services.context import Desk


class ExportSignals(QObject):
    finished = Signal(object)  # Path
    failed = Signal(str)


class ExportTask(QRunnable):
    def __init__(
        self,
        desk: Desk,
        meeting_id: int,
        fmt: str,
        confidential: bool,
        path: Path,
        certifier: Certifier | None = None,
    ) -> None:
        super().__init__()
        self.desk, self.meeting_id, self.fmt = desk, meeting_id, fmt
        self.confidential, self.path, self.certifier = confidential, path, certifier
        self.signals = ExportSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            from clerkdesk.services.exporting import export_meeting

            written = export_meeting(
                self.desk, self.meeting_id, self.fmt, self.confidential, self.path, self.certifier
            )
        except DomainError as error:
            self.signals.failed.emit(error.message)
        except Exception as error:  # a renderer bug must reach the clerk as words
            self.signals.failed.emit(f"The export failed: {error}")
        else:
            self.signals.finished.emit(Path(written))

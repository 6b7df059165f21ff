"""Verify a minutes file, sign approved minutes as the chair, and the certificates
the council has given ClerkDesk: the window's side of services/verifying.py and
services/signing.py.

A file can be verified from File › Verify minutes file… or by dropping it on
the window. The settings (Settings › Certificates…) hold two paths, both
optional: the council's own certificate for certifying exports (a PKCS#12
file, whose password is asked at each export and never kept), and the
council's trusted root certificates, against which signatures are judged.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from clerkdesk.domain.errors import DomainError
from clerkdesk.export.formats import FORMATS

if TYPE_CHECKING:
    from clerkdesk.ui.main_window import MainWindow

TRUST_ROOTS_KEY = "certificates/trustRoots"
COUNCIL_CERTIFICATE_KEY = "certificates/councilCertificate"
VERIFIABLE = tuple(f.suffix for f in FORMATS.values())  # every exported file is logged


def setting_path(settings: QSettings, key: str) -> Path | None:
    value = settings.value(key, "")
    return Path(str(value)) if value else None


class CertificateActions(QObject):
    """What the window does with exported files and certificates."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # Verifying

    def choose_and_verify(self) -> None:
        path = self.window.asker.open_path(
            "Verify a minutes file",
            f"Minutes ({' '.join('*' + suffix for suffix in VERIFIABLE)});;All files (*)",
        )
        if path is not None:
            self.verify(path)

    def verify(self, path: Path) -> None:
        desk = self._desk("Verify")
        if desk is None:
            return
        from clerkdesk.services.verifying import load_trust_roots, verify_file

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            roots = setting_path(self.window.settings, TRUST_ROOTS_KEY)
            verdict = verify_file(desk, path, load_trust_roots([roots] if roots else []))
        except DomainError as error:
            QApplication.restoreOverrideCursor()
            self.window.asker.error("Verify", error.message)
            return
        QApplication.restoreOverrideCursor()
        if verdict.ok:
            self.window.asker.info("Verified", verdict.message)
        else:
            self.window.asker.error("Not verified", verdict.message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A minutes file dropped on the window (the one object filtered) is verified."""
        if event.type() == QEvent.Type.DragEnter:
            assert isinstance(event, QDragEnterEvent)
            if _dropped_file(event) is not None:
                event.acceptProposedAction()
                return True
        if event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            path = _dropped_file(event)
            if path is not None:
                event.acceptProposedAction()
                self.verify(path)
                return True
        return False

    # Signing

    def sign_as_chair(self) -> None:
        """Sign approved minutes with the chair's own certificate (a PKCS#12 file)."""
        desk = self._desk("Sign as chair")
        if desk is None:
            return
        asker = self.window.asker
        minutes = asker.open_path("Sign as chair: the approved minutes", FORMATS["pdf"].file_filter)
        if minutes is None:
            return
        certificate = asker.open_path(
            "Sign as chair: your signing certificate", "Certificates (*.p12 *.pfx)"
        )
        if certificate is None:
            return
        password = asker.password("Sign as chair", f"Password for {certificate.name}:")
        if password is None:
            return
        suggested = minutes.with_name(f"{minutes.stem} (signed).pdf")
        output = asker.save_path("Save the signed minutes", suggested, FORMATS["pdf"].file_filter)
        if output is None:
            return
        from clerkdesk.services.signing import sign_minutes_file

        try:
            signed = sign_minutes_file(desk, minutes, certificate, password.encode(), output)
        except DomainError as error:
            asker.error("Not signed", error.message)
            return
        finally:
            del password  # used once; never kept
        asker.info("Signed", f"The minutes were signed by {signed.signer} and saved to\n{output}")

    # Settings

    def edit_settings(self) -> None:
        settings = self.window.settings
        current = (
            setting_path(settings, COUNCIL_CERTIFICATE_KEY),
            setting_path(settings, TRUST_ROOTS_KEY),
        )
        chosen = self.window.asker.certificate_settings(*current)
        if chosen is None:
            return
        for key, path in zip((COUNCIL_CERTIFICATE_KEY, TRUST_ROOTS_KEY), chosen, strict=True):
            settings.setValue(key, str(path) if path else "")
        settings.sync()

    def certifier(self) -> tuple[bool, Any]:
        """(go on, certifier): the council's certifier if one is set (asking its
        password), else None for this machine's own; (False, None) if cancelled."""
        path = setting_path(self.window.settings, COUNCIL_CERTIFICATE_KEY)
        if path is None:
            return True, None
        password = self.window.asker.password(
            "Export", f"Password for the council's certificate {path.name}:"
        )
        if password is None:
            return False, None
        from clerkdesk.export.certify import council_certifier

        try:
            return True, council_certifier(path, password.encode())
        except DomainError as error:
            self.window.asker.error("Export", error.message)
            return False, None

    def _desk(self, title: str) -> Any:
        if not self.window.meeting.has_desk:
            self.window.asker.error(title, "Open a database first.")
            return None
        return self.window.meeting.desk


def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in VERIFIABLE else None

"""In the window: sign approved minutes as the chair, verify a file chosen or dropped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from clerkdesk.services.exporting import export_meeting
from clerkdesk.services.lifecycle import approve_minutes
from clerkdesk.ui.certificates import TRUST_ROOTS_KEY
from clerkdesk.ui.main_window import MainWindow
from tests.services.certificates import PASSWORD, Pki, make_pki
from tests.ui.conftest import DemoDb
from tests.ui.test_main_window import make_window


class Said:
    """What the window told the clerk, instead of modal boxes."""

    def __init__(self, window: MainWindow) -> None:
        self.info: list[str] = []
        self.errors: list[str] = []
        window.asker.info = lambda title, message: self.info.append(message)  # type: ignore[method-assign]
        window.asker.error = lambda title, message: self.errors.append(message)  # type: ignore[method-assign]


@pytest.fixture
def window(qtbot: QtBot, demo: DemoDb, settings_path: Path) -> Iterator[MainWindow]:
    window = make_window(qtbot, demo, settings_path)
    yield window
    window.close()


@pytest.fixture
def pki(tmp_path: Path) -> Pki:
    return make_pki(tmp_path / "pki")


@pytest.fixture
def approved(demo: DemoDb, tmp_path: Path) -> Path:
    approve_minutes(demo.desk, demo.january_10, "C B Wyatt-Lowe")
    return export_meeting(demo.desk, demo.january_10, "pdf", False, tmp_path / "approved.pdf")


def _sign_in_window(window: MainWindow, approved: Path, pki: Pki, out: Path) -> None:
    chosen = iter([approved, pki.chair_p12])
    window.asker.open_path = lambda title, filters: next(chosen)  # type: ignore[method-assign]
    window.asker.password = lambda title, prompt: PASSWORD.decode()  # type: ignore[method-assign]
    window.asker.save_path = lambda title, suggested, filters: out  # type: ignore[method-assign]
    window.certificates.sign_as_chair()


def test_the_chair_signs_in_the_window_and_the_file_verifies(
    window: MainWindow, approved: Path, pki: Pki, tmp_path: Path
) -> None:
    said = Said(window)
    out = tmp_path / "signed.pdf"
    _sign_in_window(window, approved, pki, out)
    assert said.errors == []
    assert said.info == [f"The minutes were signed by Colette Wyatt-Lowe and saved to\n{out}"]
    window.asker.open_path = lambda title, filters: out  # type: ignore[method-assign]
    window.certificates.choose_and_verify()
    assert "Signed by Colette Wyatt-Lowe" in said.info[-1]
    assert "not trusted: no trusted roots are set" in said.info[-1]
    window.settings.setValue(TRUST_ROOTS_KEY, str(pki.root_pem))
    window.certificates.verify(out)
    assert "; the certificate is trusted." in said.info[-1]


def test_a_draft_is_refused_for_signing_in_the_window(
    window: MainWindow, demo: DemoDb, pki: Pki, tmp_path: Path
) -> None:
    said = Said(window)
    draft = export_meeting(demo.desk, demo.january_30, "pdf", False, tmp_path / "draft.pdf")
    out = tmp_path / "signed.pdf"
    _sign_in_window(window, draft, pki, out)
    assert said.info == []
    assert "only approved minutes" in said.errors[0]
    assert not out.exists()


_KEPT: list[QMimeData] = []  # an event does not own its data: keep it alive


def _drag(event_type: type[QDropEvent], path: Path) -> QDropEvent:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    _KEPT.append(data)
    where = QPoint(50, 50) if event_type is QDragEnterEvent else QPointF(50, 50)
    return event_type(
        where,  # type: ignore[arg-type]
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_a_file_dropped_on_the_window_is_verified(
    window: MainWindow, approved: Path, tmp_path: Path
) -> None:
    """The window's drop filter, given the events a drag delivers (offscreen Qt has
    no drag manager to deliver them through)."""
    said = Said(window)
    assert window.acceptDrops()
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(approved.read_bytes() + approved.read_bytes())
    other = tmp_path / "notes.txt"
    other.write_text("not minutes")
    assert not window.certificates.eventFilter(window, _drag(QDragEnterEvent, other))
    for path in (approved, changed):
        assert window.certificates.eventFilter(window, _drag(QDragEnterEvent, path))
        assert window.certificates.eventFilter(window, _drag(QDropEvent, path))
    assert len(said.info) == 1, (said.info, said.errors)
    assert "approved.pdf is unchanged" in said.info[0]
    assert "another PDF document was appended after the export" in said.errors[0]


def test_the_certificate_settings_are_kept_and_an_export_asks_the_councils_password(
    qtbot: QtBot, window: MainWindow, demo: DemoDb, tmp_path: Path
) -> None:
    from tests.services.certificates import make_person, make_root, write_p12

    root = make_root("Test Council Root CA")
    council = write_p12(tmp_path / "council.p12", *make_person("Example Council", root), [root[1]])
    roots = tmp_path / "roots.pem"
    window.asker.certificate_settings = lambda c, r: (council, roots)  # type: ignore[method-assign]
    window.certificates.edit_settings()
    asked: list[str] = []

    def password(title: str, prompt: str) -> str:
        asked.append(prompt)
        return PASSWORD.decode()

    window.asker.password = password  # type: ignore[method-assign]
    go_on, certifier = window.certificates.certifier()
    assert go_on and certifier.label == "Example Council"
    assert asked == ["Password for the council's certificate council.p12:"]
    window.asker.password = lambda title, prompt: None  # type: ignore[method-assign]
    assert window.certificates.certifier() == (False, None)  # cancelled: no export

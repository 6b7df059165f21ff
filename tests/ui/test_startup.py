"""Start-up: the window paints first and opens its database just afterwards."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

import clerkdesk.ui
from clerkdesk.ui import app, safekeeping
from clerkdesk.ui.app import AfterFirstPaint, show_window
from tests.python_child import run_python
from tests.ui.conftest import DemoDb


def test_no_ui_module_imports_the_database_layer_when_imported() -> None:
    """Importing the UI must not pull in SQLAlchemy, persistence or the services:
    they load after the first paint, which is what makes the window appear at once."""
    modules = [m.name for m in pkgutil.iter_modules(clerkdesk.ui.__path__, "clerkdesk.ui.")]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print('\\n'.join(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'\n"
        "    or m.startswith(('clerkdesk.services', 'clerkdesk.persistence')))))\n"
    )
    result = run_python("-c", script)
    assert len(modules) > 20
    assert result.stdout.split() == []


class PaintSeen(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def test_the_first_paint_shows_the_meetings_then_the_database_opens_for_recording(
    qtbot: QtBot, demo: DemoDb, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    painted_when_opened: list[bool] = []
    real_open = safekeeping.open_prepared

    def opening(prepared, parent):  # type: ignore[no-untyped-def]
        painted_when_opened.append(seen.painted)
        return real_open(prepared, parent)

    monkeypatch.setattr(safekeeping, "open_prepared", opening)
    # The fallback for a window that never paints is the other test's: here the
    # paint must come first however slowly a busy machine delivers it.
    monkeypatch.setattr(app, "FIRST_PAINT_FALLBACK_MS", 3_600_000)
    window = show_window(demo.path, settings)
    qtbot.addWidget(window)
    seen = PaintSeen(window)
    # Before the first paint: the meetings are listed, to browse; nothing can be recorded yet.
    assert window.isVisible()
    assert [row.committee for row in window.meetings.model.rows] == [
        "Adult Care & Health Cabinet Panel"
    ] * 2
    assert window.saved_label.text() == "Opening “clerkdesk.db”…"
    assert not window.meeting.has_desk
    assert window.meetings.isEnabled() and window.meetings.table.isEnabled()
    assert not window.meetings.new_button.isEnabled()
    assert not window.import_action.isEnabled()
    assert window.header.title.text().startswith("<b>No meeting open")
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        pass
    assert painted_when_opened == [True]
    assert window.meeting.has_desk
    assert window.meetings.new_button.isEnabled() and window.import_action.isEnabled()
    assert len(window.meetings.model.rows) == 2
    assert window.saved_label.text() == "Nothing saved yet in this session"
    assert window.recent_databases() == [str(demo.path)]
    # The panels not shown at first were built after the paint, and work.
    item = demo.fresh_record(demo.january_10).item_by_number("3")
    window.open_meeting(demo.january_10, item.id)
    assert len(window.voting.motions.rows) == 5
    assert window.tabs.panel_at(1) is window.voting
    window.close()
    window.dispose()


def test_a_meeting_chosen_from_the_first_look_opens_once_the_database_is_open(
    qtbot: QtBot, demo: DemoDb, settings_path: Path
) -> None:
    window = show_window(demo.path, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert not window.meeting.has_desk
    row = [r.id for r in window.meetings.model.rows].index(demo.january_30)
    window.meetings.table.select_row(row)  # the clerk picks a meeting straight away
    with qtbot.waitSignal(window.database_opened, timeout=10_000):
        pass
    assert window.meeting.meeting_id == demo.january_30
    assert window.meetings.table.current_row() == row
    window.close()
    window.dispose()


def test_the_first_look_needs_neither_sqlalchemy_nor_the_services(demo: DemoDb) -> None:
    """What makes the meetings appear as fast as a bare window: listing them
    before the slow imports, which wait until after the first paint."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from clerkdesk.ui.app import show_window\n"
        f"window = show_window(Path({str(demo.path)!r}), QSettings())\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'\n"
        "    or m.startswith('clerkdesk.services'))\n"
        "print(window.meetings.model.rowCount(), len(loaded))\n"
        "window.safekeeping.closing()\n"
    )
    demo.db.dispose()  # the child takes the writer lock
    result = run_python("-c", script, XDG_CONFIG_HOME=str(demo.path.parent))
    assert result.stdout.split() == ["2", "0"]


def test_a_database_that_cannot_be_opened_ends_the_app(
    qtbot: QtBot, tmp_path: Path, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safekeeping, "prepare_interactively", lambda path, parent: None)
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = show_window(tmp_path / "council.db", settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: exits == [1], timeout=10_000)
    assert window.isHidden()
    assert not window.meeting.has_desk
    window.dispose()  # nothing to close, and no error


def test_what_the_first_look_loads_before_qt_uses_no_qt() -> None:
    script = (
        "import sys\n"
        "from clerkdesk.ui.preload import FIRST_LOOK, load_before_qt\n"
        "load_before_qt()\n"
        "print(all(name in sys.modules for name in FIRST_LOOK),"
        " any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))\n"
    )
    result = run_python("-c", script)
    assert result.stdout.split() == ["True", "False"]


def test_the_window_leaves_the_agenda_and_recommendation_dialogs_until_asked_for() -> None:
    """They are the largest of the editing dialogs, and the first paint needs none."""
    script = (
        "import sys\n"
        "import clerkdesk.ui.main_window\n"
        "print(' '.join(m for m in ('clerkdesk.ui.agenda_item_dialogs',"
        " 'clerkdesk.ui.recommendation_dialog', 'clerkdesk.ui.meeting_editor')"
        " if m in sys.modules))\n"
    )
    result = run_python("-c", script)
    assert result.stdout.split() == ["clerkdesk.ui.meeting_editor"]


def test_the_first_paint_builds_no_dialog_classes_python_enums(
    demo: DemoDb, tmp_path: Path
) -> None:
    """Importing a Qt class builds its Python enums (QFileDialog five, QUrl five,
    QMessageBox four, QDialogButtonBox three, ...), a few milliseconds each class:
    the window, built and shown on its first look, leaves the dialogs' classes,
    message boxes included (and QUrl, for opening an exported file), until asked
    for. QStyle (eleven) is built by any ``widget.style()`` from Python: the first
    window's fit to the screen and an empty table's column floors do without it.
    PySide6 puts a class in its module's namespace when it is first used."""
    demo.db.dispose()  # the window takes the writer lock
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "import PySide6.QtWidgets as widgets\n"
        "from PySide6.QtCore import QSettings\n"
        "app = widgets.QApplication([])\n"
        "from clerkdesk.ui.main_window import MainWindow\n"
        "window = MainWindow(None, QSettings(sys.argv[2], QSettings.Format.IniFormat))\n"
        "window.first_look(Path(sys.argv[1])).release()\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(window.meetings.model.rowCount())\n"
        "import PySide6.QtCore as core\n"
        "names = ('QFileDialog', 'QInputDialog', 'QDialogButtonBox', 'QFormLayout',"
        " 'QComboBox', 'QLineEdit', 'QStyle', 'QMessageBox')\n"
        "built = [n for n in names if n in vars(widgets)] + [n for n in ('QUrl',)"
        " if n in vars(core)]\n"
        "print(' '.join(built))\n"
    )
    result = run_python("-c", script, str(demo.path), str(tmp_path / "settings.ini"))
    shown, built = [*result.stdout.splitlines(), ""][:2]
    assert shown == "2"  # the demo's meetings listed
    assert built == ""


def test_the_first_paint_makes_dataclasses_only_where_they_are_the_design(
    demo: DemoDb, tmp_path: Path
) -> None:
    """Making a dataclass compiles its methods one by one, some 1.5 ms each
    class: the display lines, the columns, the operations, the file's first look
    and the menus use named tuples (the prepared file, which holds a lock and
    changes, is a plain class). The domain's records stay dataclasses (that is
    their design) and load after the paint (the test below); only what an action
    changed (domain/changes.py, whose areas the panels name) is made before it.
    And the window loads no hashlib (OpenSSL's library) until it listens for a
    second copy of ClerkDesk, after the paint."""
    demo.db.dispose()  # the window takes the writer lock
    script = (
        "import dataclasses, sys\n"
        "made = []\n"
        "real = dataclasses._process_class\n"
        "def process(cls, *args, **kwargs):\n"
        "    made.append(cls.__module__)\n"
        "    return real(cls, *args, **kwargs)\n"
        "dataclasses._process_class = process\n"
        "from clerkdesk.ui.preload import load_before_qt\n"
        "load_before_qt()\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from clerkdesk.ui.app import show_window\n"
        "settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)\n"
        "window = show_window(Path(sys.argv[1]), settings)\n"
        "app.processEvents()\n"
        "print(window.meetings.model.rowCount())\n"
        "print(' '.join(sorted(set(made))))\n"
        "print(' '.join(m for m in ('hashlib', '_hashlib') if m in sys.modules))\n"
        "window.safekeeping.closing()\n"
    )
    result = run_python(
        "-c", script, str(demo.path), str(tmp_path / "settings.ini"), folder=tmp_path
    )
    shown, made, hashing = [*result.stdout.splitlines(), "", "", ""][:3]
    assert shown == "2"  # the demo's meetings listed
    assert made.split() == ["clerkdesk.domain.changes"]  # UndoLabels, Change
    assert hashing == ""


def test_the_first_paint_loads_the_domains_words_but_not_its_records(
    demo: DemoDb, tmp_path: Path
) -> None:
    """The first paint shows the meetings list and empty panels: the menus, lists
    and panels name the domain's words (terms.py) and the areas an action changes,
    but the records (model.py, 13 frozen dataclasses) and the rules that read them
    load just after the paint, with the services, started as the command line
    starts the window."""
    demo.db.dispose()  # the window takes the writer lock
    script = (
        "import sys\n"
        "from clerkdesk import cli\n"
        "from clerkdesk.ui import app\n"
        "class Painted(app.AfterFirstPaint):\n"
        "    def _run(self):\n"
        "        print(self._window.meetings.model.rowCount())\n"
        "        domain = (m for m in sys.modules if m.startswith('clerkdesk.domain.'))\n"
        "        print(' '.join(sorted(domain)))\n"
        "        super()._run()\n"
        "        print('clerkdesk.domain.model' in sys.modules, flush=True)\n"
        "app.AfterFirstPaint = Painted\n"
        "sys.exit(cli.main(['--db', sys.argv[1], 'self-test']))\n"
    )
    result = run_python("-c", script, str(demo.path), folder=tmp_path)
    shown, loaded, then = [*result.stdout.splitlines(), "", "", ""][:3]
    assert shown == "2"  # the demo's meetings listed
    assert loaded.split() == [
        "clerkdesk.domain.changes",
        "clerkdesk.domain.errors",
        "clerkdesk.domain.terms",
    ]
    assert then == "True"  # and once the database is open for recording, the records


def test_self_test_starts_as_a_clerks_launch_with_the_crash_hook_but_not_its_dialog(
    demo: DemoDb, tmp_path: Path
) -> None:
    """``self-test`` (and so the start-up benchmark) starts Qt as ``run_app``
    does: by its first paint the crash hook is installed and the icon set; the
    crash dialog's widgets load only when there is a problem to show."""
    demo.db.dispose()  # the window takes the writer lock
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from clerkdesk import cli\n"
        "from clerkdesk.ui import app\n"
        "class Painted(app.AfterFirstPaint):\n"
        "    def _run(self):\n"
        "        print(type(sys.excepthook).__name__, QApplication.applicationDisplayName(),\n"
        "              not QApplication.windowIcon().isNull(),\n"
        "              'clerkdesk.ui.crash_dialog' in sys.modules, flush=True)\n"
        "        super()._run()\n"
        "app.AfterFirstPaint = Painted\n"
        "sys.exit(cli.main(['--db', sys.argv[1], 'self-test']))\n"
    )
    result = run_python("-c", script, str(demo.path), folder=tmp_path)
    assert result.stdout.splitlines()[0] == "ProblemHandler ClerkDesk True False"


def test_a_window_that_never_paints_still_runs_the_work_after_the_fallback(qtbot: QtBot) -> None:
    """A window started minimised gets no paint; the database must open all the same."""
    window = QWidget()
    qtbot.addWidget(window)  # never shown: no paint will come
    ran: list[bool] = []
    AfterFirstPaint(window, lambda: ran.append(True), fallback_ms=0)
    qtbot.waitUntil(lambda: ran == [True])

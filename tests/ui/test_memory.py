"""The application's start keeps what it has loaded out of Python's
collections (ui/memory.py); run in a child process, as it is process-wide."""

from __future__ import annotations

from pathlib import Path

from tests.python_child import run_python
from tests.ui.conftest import DemoDb


def test_the_app_freezes_what_it_loaded_once_its_database_is_open(demo: DemoDb) -> None:
    script = (
        "import gc, sys, time\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from clerkdesk.ui import app\n"
        "qt = QApplication([])\n"
        "frozen_before = gc.get_freeze_count()\n"
        "real = app.freeze_what_is_loaded\n"
        "def then_quit():\n"
        "    real()\n"
        "    started = time.perf_counter()\n"
        "    gc.collect()  # a full collection now walks only what is not frozen\n"
        "    print(frozen_before, gc.get_freeze_count(), len(gc.get_objects()),\n"
        "          round((time.perf_counter() - started) * 1000))\n"
        "    QTimer.singleShot(0, qt.quit)\n"
        "app.freeze_what_is_loaded = then_quit\n"
        "QTimer.singleShot(60_000, qt.quit)  # never a hang\n"
        f"sys.exit(app.run_app(Path({str(demo.path)!r}), []))\n"
    )
    demo.db.dispose()  # the child takes the writer lock
    result = run_python("-c", script, XDG_CONFIG_HOME=str(demo.path.parent))
    before, frozen, tracked, _ms = map(int, result.stdout.split())
    assert before == 0
    # Qt's wrappers, SQLAlchemy and the window: tens of thousands of objects,
    # and nearly everything the process tracks.
    assert frozen > 20_000
    assert tracked < frozen / 10


def test_a_meeting_the_clerk_opens_is_frozen_once_shown(demo: DemoDb, tmp_path: Path) -> None:
    """A meeting chosen after start-up (none reopened): its record is out of the
    collector's generations once it has been shown, so a full collection while
    recording does not walk it (ui/memory.py)."""
    script = (
        "import gc, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from clerkdesk.ui import app\n"
        "qt = QApplication([])\n"
        "windows = []\n"
        "real_show = app.show_window\n"
        "def show(*args):\n"
        "    windows.append(real_show(*args))\n"
        # After the freeze that follows the database's opening.
        "    windows[0].database_opened.connect(lambda: QTimer.singleShot(300, open_meeting))\n"
        "    return windows[0]\n"
        "def open_meeting():\n"
        "    meeting = windows[0].meeting\n"
        "    before = meeting.record\n"
        f"    windows[0].open_meeting({demo.january_30})\n"
        "    record = meeting.record\n"
        "    walked = lambda: any(o is record for o in gc.get_objects())\n"
        "    print(before is None, gc.is_tracked(record), walked())\n"
        "    QTimer.singleShot(0, lambda: (print(walked()), qt.quit()))\n"
        "app.show_window = show\n"
        "QTimer.singleShot(60_000, qt.quit)  # never a hang\n"
        "sys.exit(app.run_app(Path(sys.argv[1]), []))\n"
    )
    demo.db.dispose()  # the child takes the writer lock
    result = run_python("-c", script, str(demo.path), folder=tmp_path, check=False)
    # No meeting open before; the record tracked, and walked until frozen.
    assert result.stdout.split() == ["True", "True", "True", "False"], result.stderr


def test_the_collector_waits_for_the_first_paint_then_runs_again(
    demo: DemoDb, tmp_path: Path
) -> None:
    """Paused by the first look's preloading, resumed once the window has painted
    (the database then opening)."""
    script = (
        "import gc, sys\n"
        "from pathlib import Path\n"
        "from clerkdesk.ui.preload import load_before_qt\n"
        "load_before_qt()\n"
        "from PySide6.QtCore import QEvent, QObject, QSettings, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "qt = QApplication([])\n"
        "from clerkdesk.ui.app import show_window\n"
        "seen = []\n"
        "class Paints(QObject):\n"
        "    def eventFilter(self, watched, event):\n"
        "        if event.type() == QEvent.Type.Paint and not seen:\n"
        "            seen.append(gc.isenabled())\n"
        "        return False\n"
        "paused = not gc.isenabled()\n"
        "settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)\n"
        "window = show_window(Path(sys.argv[1]), settings)\n"
        "paints = Paints()\n"
        "window.installEventFilter(paints)\n"
        "window.database_opened.connect(lambda: (seen.append(gc.isenabled()), qt.quit()))\n"
        "QTimer.singleShot(60_000, qt.quit)  # never a hang\n"
        "qt.exec()\n"
        "window.removeEventFilter(paints)\n"
        "window.dispose()\n"
        "print(paused, *seen)\n"
    )
    demo.db.dispose()  # the child takes the writer lock
    result = run_python(
        "-c", script, str(demo.path), str(tmp_path / "settings.ini"), folder=tmp_path, check=False
    )
    assert result.stdout.split() == ["True", "False", "True"], result.stderr

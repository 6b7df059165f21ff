"""The frozen app's run-time hook that imports the Qt-free start before PySide6."""

from __future__ import annotations

from tests.python_child import REPO, run_python

HOOK = REPO / "packaging" / "start_before_qt.py"


def test_the_hook_imports_the_command_line_and_the_first_look_and_no_qt() -> None:
    """Run as PyInstaller runs it, before anything else (here in a fresh
    interpreter): what the window's first look and the command line need is
    imported, nothing of Qt, and the collector, paused meanwhile, runs again."""
    script = (
        "import gc, runpy, sys\n"
        f"runpy.run_path({str(HOOK)!r}, run_name='__main__')\n"
        "from clerkdesk.ui.preload import FIRST_LOOK\n"
        "start = ('clerkdesk.cli', 'clerkdesk.diagnostics', *FIRST_LOOK)\n"
        "print(all(m in sys.modules for m in start),"
        " any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules), gc.isenabled())\n"
    )
    result = run_python("-c", script)
    assert result.stdout.split() == ["True", "False", "True"]

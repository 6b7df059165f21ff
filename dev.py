#!/usr/bin/env python3
"""Set up ClerkDesk and run it, its tests or its benchmarks. Needs only Python 3.11+.

    python3 dev.py run     set up .venv, create the demo database, open the app
    python3 dev.py test    set up .venv with the test tools; run ruff, mypy and pytest
    python3 dev.py bench   set up .venv; run every benchmark and write docs/benchmarks.md

On Windows use `py dev.py run` / `py dev.py test`. Extra arguments after `test`
go to pytest (for example `python3 dev.py test -k voting`).

Only the standard library is used here, because nothing else exists yet when
this runs on a fresh machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
DEMO_DB = ROOT / ".demo" / "clerkdesk-demo.db"
MINIMUM = (3, 11)


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    result = subprocess.run([str(c) for c in command], cwd=ROOT, env=env)
    if result.returncode != 0:
        raise SystemExit(result.returncode)


def bootstrap_pip(python: Path) -> None:
    """Install pip into a venv made without it (Debian without python3-venv's ensurepip).

    pip's own wheel is runnable: fetch it from PyPI and let it install itself.
    """
    say("ensurepip is missing here; fetching pip from PyPI")
    with urllib.request.urlopen("https://pypi.org/pypi/pip/json", timeout=60) as response:
        release = json.load(response)
    wheel = next(u for u in release["urls"] if u["filename"].endswith(".whl"))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / wheel["filename"]
        with urllib.request.urlopen(wheel["url"], timeout=120) as response:
            target.write_bytes(response.read())
        if hashlib.sha256(target.read_bytes()).hexdigest() != wheel["digests"]["sha256"]:
            raise SystemExit("The pip wheel downloaded from PyPI is damaged; try again.")
        run(python, f"{target}/pip", "install", "--quiet", str(target))


def ensure_venv(extras: str) -> Path:
    if sys.version_info < MINIMUM:
        raise SystemExit(f"ClerkDesk needs Python {MINIMUM[0]}.{MINIMUM[1]} or newer.")
    python = venv_python()
    if not python.exists():
        say(f"creating {VENV.name}")
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except (subprocess.CalledProcessError, OSError):
            shutil.rmtree(VENV, ignore_errors=True)
            venv.EnvBuilder(with_pip=False, clear=True).create(VENV)
        if subprocess.run([python, "-m", "pip", "--version"], capture_output=True).returncode:
            bootstrap_pip(python)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'app'}"
    if not stamp.exists() or stamp.read_text() != wanted:
        say("installing ClerkDesk and its dependencies (first time only)")
        run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        target = f".[{extras}]" if extras else "."
        run(python, "-m", "pip", "install", "--quiet", "-e", target)
        stamp.write_text(wanted)
    return python


# Debian/Ubuntu packages providing the libraries Qt's X11 plugin loads; a
# desktop usually has them, a minimal install may not.
XCB_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def check_screen(python: Path) -> None:
    """On Linux, say plainly what is missing before Qt fails with a cryptic message."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        raise SystemExit(
            "[dev] No screen was found (DISPLAY and WAYLAND_DISPLAY are not set). Run this on "
            "a desktop, or try `QT_QPA_PLATFORM=offscreen python3 dev.py run` to check that "
            "it starts."
        )
    if not shutil.which("ldd"):
        return
    plugins = subprocess.run(
        [python, "-c", "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent)"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    missing: set[str] = set()
    for library in ("plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6"):
        path = Path(plugins) / "Qt" / library
        if path.exists():
            report = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
            missing |= {line.split()[0] for line in report.splitlines() if "not found" in line}
    if missing:
        packages = sorted({XCB_PACKAGES.get(name, name) for name in missing})
        raise SystemExit(
            "[dev] Qt needs system libraries this machine lacks: "
            + ", ".join(sorted(missing))
            + ".\n[dev] On Debian or Ubuntu install them with:\n    sudo apt-get install "
            + " ".join(packages)
        )


def cmd_run(args: list[str]) -> None:
    python = ensure_venv("")
    check_screen(python)
    if not DEMO_DB.exists():
        DEMO_DB.parent.mkdir(exist_ok=True)
        say(f"creating the demo database {DEMO_DB.relative_to(ROOT)}")
        run(python, "-m", "clerkdesk", "--db", DEMO_DB, "demo")
    say("opening ClerkDesk")
    run(python, "-m", "clerkdesk", "--db", DEMO_DB, *args)


def cmd_test(args: list[str]) -> None:
    python = ensure_venv("test")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    say("ruff check")
    run(python, "-m", "ruff", "check", ".", env=env)
    say("ruff format --check")
    run(python, "-m", "ruff", "format", "--check", ".", env=env)
    say("mypy")
    run(python, "-m", "mypy", env=env)
    say("pytest")
    run(python, "-m", "pytest", "-n", "2", *args, env=env)


def cmd_bench(args: list[str]) -> None:
    python = ensure_venv("test")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    run(python, ROOT / "benchmarks" / "run_all.py", *args, env=env)


def main() -> None:
    commands = {"run": cmd_run, "test": cmd_test, "bench": cmd_bench}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        raise SystemExit(2)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()

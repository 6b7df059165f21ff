#!/usr/bin/env python3
"""Set up ClerkDesk and run it, its tests or its benchmarks. Needs only Python 3.11+.

    python3 dev.py run     set up .venv, create the demo database, open the app
    python3 dev.py test    set up .venv with the test tools; run ruff, mypy and pytest
    python3 dev.py bench   set up .venv; run every benchmark and write docs/benchmarks.md
    python3 dev.py lock    resolve the newest allowed releases into requirements/*.txt
    python3 dev.py latest  run the tests on the newest releases, in .venv-latest (not CI)
    python3 dev.py package freeze the app for this platform into dist/ClerkDesk (PyInstaller)

On Windows use `py dev.py run` / `py dev.py test`. Extra arguments after `test`
go to pytest (for example `python3 dev.py test -k voting`).

Only the standard library is used here, because nothing else exists yet when
this runs on a fresh machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCKS = ROOT / "requirements"
DEMO_DB = ROOT / ".demo" / "clerkdesk-demo.db"
MINIMUM = (3, 11)


def venv_python(path: Path = VENV) -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return path / scripts / ("python.exe" if os.name == "nt" else "python")


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    result = subprocess.run([str(c) for c in command], cwd=ROOT, env=env)
    if result.returncode != 0:
        raise SystemExit(result.returncode)


class Lock:
    """One lock file: exact versions and hashes of everything a venv installs.

    Written by `python3 dev.py lock` (uv's universal resolution, so one file
    serves Linux, Windows and macOS through environment markers) and read here
    by plain pip with --require-hashes: a release made after the lock cannot
    reach a machine, and a file that is not the one locked is refused.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.text = path.read_text(encoding="utf-8")

    def versions(self) -> dict[str, str]:
        """Every locked package (whatever its markers) and its version."""
        found = {}
        for line in self.text.splitlines():
            if line and not line[0].isspace() and not line.startswith("#") and "==" in line:
                name, _, rest = line.partition("==")
                found[canonical(name)] = rest.split()[0].rstrip("\\;")
        return found

    def hashes(self, package: str) -> set[str]:
        """The sha256 digests locked for one package's files."""
        digests: set[str] = set()
        inside = False
        for line in self.text.splitlines():
            if line and not line[0].isspace():
                inside = canonical(line.partition("==")[0]) == package
            elif inside and "--hash=sha256:" in line:
                digests.add(line.split("--hash=sha256:")[1].split()[0])
        return digests


def canonical(name: str) -> str:
    """PEP 503's normal form of a distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def bootstrap_pip(python: Path, lock: Lock) -> None:
    """Install pip into a venv made without it (Debian without python3-venv's ensurepip).

    pip's own wheel is runnable: fetch the locked release from PyPI, check it
    against the lock's hashes and let it install itself.
    """
    version = lock.versions()["pip"]
    say(f"ensurepip is missing here; fetching pip {version} from PyPI")
    url = f"https://pypi.org/pypi/pip/{version}/json"
    with urllib.request.urlopen(url, timeout=60) as response:
        release = json.load(response)
    wanted = lock.hashes("pip")
    wheel = next(
        u
        for u in release["urls"]
        if u["filename"].endswith(".whl") and u["digests"]["sha256"] in wanted
    )
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / wheel["filename"]
        with urllib.request.urlopen(wheel["url"], timeout=120) as response:
            target.write_bytes(response.read())
        if hashlib.sha256(target.read_bytes()).hexdigest() not in wanted:
            raise SystemExit("The pip wheel downloaded from PyPI is not the one locked; try again.")
        run(python, f"{target}/pip", "install", "--quiet", "--no-deps", str(target))


def make_venv(path: Path, lock: Lock) -> Path:
    python = venv_python(path)
    if not python.exists():
        say(f"creating {path.name}")
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(path)
        except (subprocess.CalledProcessError, OSError):
            shutil.rmtree(path, ignore_errors=True)
            venv.EnvBuilder(with_pip=False, clear=True).create(path)
        if subprocess.run([python, "-m", "pip", "--version"], capture_output=True).returncode:
            bootstrap_pip(python, lock)
    return python


def installed(python: Path) -> dict[str, str]:
    """What the venv holds: distribution name to version."""
    listing = subprocess.run(
        [python, "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {canonical(p["name"]): p["version"] for p in json.loads(listing)}


def sync(python: Path, lock: Lock) -> None:
    """Make the venv hold exactly the lock's packages (for this platform) and ClerkDesk."""
    quiet = ["--quiet", "--disable-pip-version-check"]
    run(python, "-m", "pip", "install", *quiet, "--require-hashes", "--no-deps", "-r", lock.path)
    # The editable install builds with the locked setuptools already in the venv,
    # not with whatever a build-isolation environment would fetch today.
    run(
        python,
        *("-m", "pip", "install", *quiet, "--no-deps", "--no-build-isolation", "-e", "."),
        # setuptools warns about the editable install itself ("folders with the
        # same name as your package"): the layout is meant, the warning is noise.
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    locked = lock.versions()
    extra = sorted(set(installed(python)) - set(locked) - {"clerkdesk"})
    if extra:
        say("removing what the lock does not name: " + ", ".join(extra))
        run(python, "-m", "pip", "uninstall", *quiet, "--yes", *extra)
    wrong = {
        name: version
        for name, version in installed(python).items()
        if name in locked and locked[name] != version
    }
    if wrong:
        raise SystemExit(f"[dev] the venv does not match {lock.path.name}: {wrong}")


def ensure_venv(kind: str) -> Path:
    """The project's venv, holding exactly what the lock of `kind` names.

    `run` needs only the app's lock, which is the test lock less the test
    tools (same versions): a venv set up for the tests serves it too.
    """
    if sys.version_info < MINIMUM:
        raise SystemExit(f"ClerkDesk needs Python {MINIMUM[0]}.{MINIMUM[1]} or newer.")
    lock = Lock(LOCKS / f"{kind}.txt")
    python = make_venv(VENV, lock)
    stamps = {k: VENV / f".locked-{k}" for k in ("app", "test")}
    wanted = {k: digest(LOCKS / f"{k}.txt") for k in stamps}
    if any(stamps[k].exists() and stamps[k].read_text() == wanted[k] for k in ("test", kind)):
        return python
    say(f"installing ClerkDesk and exactly the versions in requirements/{kind}.txt")
    sync(python, lock)
    for stamp in stamps.values():
        stamp.unlink(missing_ok=True)
    stamps[kind].write_text(wanted[kind])
    return python


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()


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
    python = ensure_venv("app")
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
    run(python, "-m", "pytest", "-n", "auto", *args, env=env)


def cmd_bench(args: list[str]) -> None:
    python = ensure_venv("test")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    run(python, ROOT / "benchmarks" / "run_all.py", *args, env=env)


def compile_lock(uv: Path, output: Path, *sources: str) -> None:
    run(
        uv,
        "pip",
        "compile",
        "--quiet",
        "--universal",
        "--python-version",
        f"{MINIMUM[0]}.{MINIMUM[1]}",
        "--generate-hashes",
        "--custom-compile-command",
        "python3 dev.py lock",
        "--output-file",
        output,
        *sources,
        env={**os.environ, "UV_NO_CONFIG": "1"},
    )


def cmd_lock(args: list[str]) -> None:
    """Resolve the newest releases pyproject.toml allows and write both locks.

    The test lock is resolved first; the app's lock is then held to the same
    versions, so a venv set up for the tests also runs the app unchanged.
    `--upgrade-package NAME` moves one package; with no argument the whole lock
    is resolved afresh (uv keeps a locked version unless it must change or
    --upgrade is given).
    """
    python = ensure_venv("test")
    uv = python.parent / ("uv.exe" if os.name == "nt" else "uv")
    test, app = LOCKS / "test.txt", LOCKS / "app.txt"
    build = str(LOCKS / "build.in")
    compile_lock(
        uv,
        test,
        *args,
        *("pyproject.toml", "--extra", "test", "--extra", "server", "--extra", "package", build),
        str(LOCKS / "dev.in"),
    )
    compile_lock(uv, app, *args, "pyproject.toml", build, "--constraint", str(test))
    say(f"wrote {test.relative_to(ROOT)} and {app.relative_to(ROOT)}; `git diff requirements/`")


def cmd_latest(args: list[str]) -> None:
    """Run the tests against the newest releases pyproject.toml allows (not part of CI).

    Builds a separate venv, .venv-latest, without the lock, says which
    versions differ from the lock and runs pytest there: what fails is what
    the next `dev.py lock` would break.
    """
    latest = ROOT / ".venv-latest"
    lock = Lock(LOCKS / "test.txt")
    python = make_venv(latest, lock)
    quiet = ["--quiet", "--disable-pip-version-check"]
    run(python, "-m", "pip", "install", *quiet, "--upgrade", "pip", "setuptools")
    say("installing the newest releases pyproject.toml allows")
    run(
        python,
        "-m",
        "pip",
        "install",
        *quiet,
        "--upgrade",
        "--upgrade-strategy",
        "eager",
        "-e",
        ".[test]",
    )
    locked = lock.versions()
    newer = {
        name: (locked[name], version)
        for name, version in installed(python).items()
        if name in locked and locked[name] != version
    }
    for name, (old, new) in sorted(newer.items()):
        say(f"  {name}: {old} in the lock, {new} now")
    if not newer:
        say("the newest releases are the locked ones")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "CLERKDESK_UNLOCKED": "1",  # tests/test_lock.py: what is installed is not the lock
    }
    result = subprocess.run(
        [python, "-m", "pytest", "-n", "2", "-p", "no:cacheprovider", "-q", *args],
        cwd=ROOT,
        env=env,
    )
    if result.returncode:
        say("the failures above are what the newest releases break; fix them before `dev.py lock`")
    else:
        say("the suite passes on the newest releases: `python3 dev.py lock` may move to them")
    raise SystemExit(result.returncode)


PACKAGE_LIMIT_MB = 150


def project_version() -> str:
    text = (ROOT / "clerkdesk" / "version.py").read_text(encoding="utf-8")
    found = re.search(r'^VERSION = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("[dev] clerkdesk/version.py names no VERSION")
    return found.group(1)


def windows_version_info(version: str) -> str:
    """The version resource PyInstaller writes into ClerkDesk's .exe files."""
    numbers = ([int(n) for n in re.findall(r"\d+", version)] + [0, 0, 0, 0])[:4]
    fixed = tuple(numbers)
    strings = {
        "CompanyName": "ClerkDesk",
        "FileDescription": "ClerkDesk: council committee meetings and their minutes",
        "FileVersion": version,
        "InternalName": "clerkdesk",
        "LegalCopyright": "MIT licence",
        "OriginalFilename": "clerkdesk.exe",
        "ProductName": "ClerkDesk",
        "ProductVersion": version,
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={fixed}, prodvers={fixed}, mask=0x3F, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080904B0', [
          {entries}])]),
    VarFileInfo([VarStruct('Translation', [2057, 1200])]),
  ]
)
"""


def folder_megabytes(folder: Path) -> float:
    """The folder's size on disk, each file once (PyInstaller links some by name)."""
    files = [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]
    return sum(f.stat().st_size for f in files) / 2**20


def freeze(python: Path, dist: Path, bare: bool = False) -> Path:
    """Build the one-folder app (or the bare baseline window) into ``dist``."""
    env = {**os.environ, "CLERKDESK_FREEZE": "bare" if bare else "app"}
    work = ROOT / "build" / ("pyinstaller-bare" if bare else "pyinstaller")
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "version_info.txt").write_text(windows_version_info(project_version()))
    run(
        python,
        *("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"),
        *("--distpath", dist, "--workpath", work),
        ROOT / "packaging" / "clerkdesk.spec",
        env=env,
    )
    return dist / ("bare-window" if bare else "ClerkDesk")


def cmd_package(args: list[str]) -> None:
    """Freeze ClerkDesk for this platform into dist/ClerkDesk, and on Linux archive it.

    Windows and macOS turn the folder into installers in their own workflow
    (.github/workflows/release.yml), with the tools and certificates only
    their runners have.
    """
    python = ensure_venv("test")
    dist = ROOT / "dist"
    folder = freeze(python, dist)
    size = folder_megabytes(folder)
    say(f"built {folder.relative_to(ROOT)}: {size:.0f} MB")
    if size > PACKAGE_LIMIT_MB:
        raise SystemExit(f"[dev] the app folder is {size:.0f} MB, over {PACKAGE_LIMIT_MB} MB")
    if sys.platform.startswith("linux"):
        import platform
        import tarfile

        for name in ("clerkdesk.desktop", "install-desktop-entry.sh"):
            shutil.copy2(ROOT / "packaging" / "linux" / name, folder / name)
        stem = f"ClerkDesk-{project_version()}-linux-{platform.machine()}"
        archive = dist / f"{stem}.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(folder, arcname=stem)
        say(f"archived {archive.relative_to(ROOT)}: {archive.stat().st_size / 2**20:.0f} MB")


def main() -> None:
    commands = {
        "run": cmd_run,
        "test": cmd_test,
        "bench": cmd_bench,
        "lock": cmd_lock,
        "latest": cmd_latest,
        "package": cmd_package,
    }
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        raise SystemExit(2)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()

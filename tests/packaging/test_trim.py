"""What the frozen app keeps of Qt, judged by name for every platform, and the
Windows version resource: the parts of packaging the Linux CI can check."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))
sys.path.insert(0, str(REPO))
from trim import keep  # noqa: E402

import dev  # noqa: E402


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/plugins/imageformats/qico.dll",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt6Network.dll",
        "PySide6/Qt/lib/libicudata.so.73",
        "libpython3.11.so.1.0",
        "cryptography/hazmat/bindings/_rust.abi3.so",
        "pillow.libs/libxcb-9065bb12.so.1.1.0",
        "pillow.libs/libXau-154567c4.so.6.0.0",
    ],
)
def test_what_the_app_uses_is_kept(path: str) -> None:
    assert keep(path)


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/translations/qtbase_fr.qm",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/plugins/imageformats/qjpeg.dll",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "libgtk-3.so.0",
        "libX11.so.6",
        "libxcb-icccm.so.4",
        "libfontconfig.so.1",
    ],
)
def test_what_the_app_never_uses_is_dropped(path: str) -> None:
    assert not keep(path)


def test_the_windows_version_resource_is_what_pyinstaller_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import types

    # pefile (Windows-only in the lock) is needed only to write into an .exe;
    # reading the version text, as PyInstaller does first, needs none of it.
    import PyInstaller.compat

    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32 import versioninfo

    text = dev.windows_version_info("0.2.0")
    info = eval(text, vars(versioninfo))  # as PyInstaller reads a version file
    assert info.ffi.fileVersionMS == 0x00000002 and info.ffi.fileVersionLS == 0
    strings = {s.name: s.val for s in info.kids[0].kids[0].kids}
    assert strings["ProductVersion"] == "0.2.0" and strings["ProductName"] == "ClerkDesk"

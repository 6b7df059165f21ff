"""What of PySide6 the frozen ClerkDesk keeps: the Qt it uses, and nothing else.

A first PyInstaller build of the app brings every Qt plugin and translation
the wheel ships (235 MB here). ClerkDesk uses QtCore, QtGui, QtWidgets and,
for its single-instance lock, QtNetwork's local sockets; it is in English;
its images are PNG, which QtGui reads without a plugin. This module decides,
by the path a file will have inside the bundle, what stays. The spec file
applies it, and tests/packaging check it on the names of every platform.
"""

from __future__ import annotations

from pathlib import PurePosixPath

# Plugin folders kept, and within them the files kept (None: all of it).
KEPT_PLUGINS: dict[str, tuple[str, ...] | None] = {
    # The windowing systems a council laptop has: X11 on Linux (a Wayland
    # desktop runs it through XWayland, as Qt does when its Wayland plugin is
    # absent), Windows, macOS; offscreen for the smoke test and for IT
    # checking a machine without a screen.
    "platforms": ("qxcb", "qwindows", "qcocoa", "qoffscreen"),
    "xcbglintegrations": None,
    # Keyboard input methods (compose keys, IBus): clerks type names with accents.
    "platforminputcontexts": None,
    # The native look on Windows 11 and the desktop's file dialogs on Linux.
    "styles": None,
    "platformthemes": ("qxdgdesktopportal",),
    # The .ico reader, so Windows shows the window icon from clerkdesk.ico.
    "imageformats": ("qico",),
}

# Modules the app never imports (PyInstaller's hooks may still pull some in
# through the wheels' metadata), and the image codecs Pillow links that
# nothing in ClerkDesk reads (reportlab and pyHanko import Pillow, but the
# minutes hold no pictures).
EXCLUDED_MODULES = (
    "tkinter",
    "unittest",
    "pydoc",
    "doctest",
    "readline",
    # A build tool the app never imports at run time; bundled, its start-up
    # hook alone costs the frozen app a fifth of a second at every launch.
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    # Likewise multiprocessing: ClerkDesk works in threads, and nothing it runs
    # imports it; bundled, its start-up hook imports it at every launch.
    "multiprocessing",
    # The PostgreSQL driver (the `server` extra, in the test lock): the laptop
    # app records on a file. SQLAlchemy's hook would bundle psycopg with its own
    # libpq, Kerberos, LDAP and OpenSSL, 10 MB; without it a server's URL is
    # refused with a message saying the driver is missing (server.py).
    "psycopg",
    "psycopg_binary",
    "psycopg_c",
    "psycopg2",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDBus",
    "PySide6.QtUiTools",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
)

# Libraries only the dropped plugins need (the GTK theme's, the SVG engine's,
# Wayland's), and on Linux the desktop's own libraries, which every desktop
# has and which must match its X server and graphics driver: the app uses the
# system's, as AppImages do (`dev.py run` names any that are missing).
DROPPED_LIBRARIES = (
    "libQt6Wayland",
    "libQt6WlShellIntegration",
    "libX11.so",
    "libX11-xcb",
    "libxcb.so",
    "libxcb-",
    "libxkbcommon",
    "libGL.so",
    "libGLX",
    "libGLdispatch",
    "libEGL",
    "libfontconfig",
    "libfreetype",
    "libdbus-1",
    "libsystemd",
    "libgcrypt",
    "libgpg-error",
    "libglib-2.0",
    "libgio-2.0",
    "libgobject-2.0",
    "libgmodule-2.0",
    "libgthread-2.0",
    # ...and what only the libraries above bring in (cairo, pango, gio's own).
    "libXau.so",
    "libXdmcp",
    "libXext",
    "libXrender",
    "libbsd",
    "libmd.so",
    "libharfbuzz",
    "libpixman",
    "libfribidi",
    "libdatrie",
    "libthai",
    "libgraphite2",
    "libblkid",
    "libmount",
    "libselinux",
    "libjpeg.so",
    "libcap.so",
    "liblz4",
    "libgtk-3",
    "libgdk-3",
    "libgdk_pixbuf",
    "libcairo",
    "libpango",
    "libatk",
    "libepoxy",
    "libQt6Svg",
    "libQt6Qml",
    "libQt6Quick",
    "libQt6Pdf",
    "libQt6VirtualKeyboard",
    "libQt6EglFsKmsSupport",
    "libQt6EglFSDeviceIntegration",
    "libQt6EglFsKmsGbmSupport",
    "Qt6Svg",
    "Qt6Qml",
    "Qt6Quick",
    "Qt6Pdf",
)


def _stem(name: str) -> str:
    """``libqxcb.so`` / ``qwindows.dll`` / ``libqcocoa.dylib`` -> ``qxcb`` etc."""
    stem = name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep(destination: str) -> bool:
    """Whether the file that will be at ``destination`` in the bundle is kept."""
    parts = PurePosixPath(destination.replace("\\", "/")).parts
    name = parts[-1] if parts else ""
    # A wheel's own copies of libraries (pillow.libs/libxcb-9065bb12.so) are
    # private to it and built to match: never the desktop's to provide.
    vendored = any(part.endswith(".libs") for part in parts[:-1])
    if not vendored and any(name.startswith(library) for library in DROPPED_LIBRARIES):
        return False
    if "PySide6" not in parts:
        return True
    if "translations" in parts:
        return False  # ClerkDesk is in English; Qt's own strings then need none
    if "qml" in parts or "metatypes" in parts or "typesystems" in parts:
        return False
    if "plugins" in parts:
        folder_at = parts.index("plugins") + 1
        if folder_at >= len(parts) - 1:
            return False
        kept = KEPT_PLUGINS.get(parts[folder_at], ())
        return kept is None or _stem(name) in kept
    return True

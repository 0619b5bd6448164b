"""What the bundle leaves out: modules, Qt plugins, Qt translations and the libraries only they need.

Used by faaliyet.spec (``EXCLUDED_MODULES``, ``keep``); every rule is checked
against what Faaliyet loads (see the comments), and build.py --check proves the
frozen demo and the window still run. Paths are the bundle's (``dest``), with
``/`` or ``\\``: PySide6's layout differs on Windows (``PySide6/plugins``) and
Linux (``PySide6/Qt/plugins``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

EXCLUDED_MODULES = [
    # Python's own, never imported at run time (reportlab and others import doctest only under __main__)
    "tkinter", "unittest", "pydoc", "doctest", "pdb", "lib2to3", "idlelib", "ensurepip", "venv", "xmlrpc",
    "readline", "curses", "_curses",
    # the CJK codecs: no file Faaliyet reads is in a Chinese, Japanese or Korean encoding
    "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw", "_multibytecodec",
    "_ssl", "ssl", "_hashlib",  # no network (hashlib falls back to its built-in SHA-256): the single-instance handoff is a local socket (QLocalSocket)
    # no coroutines and no worker processes: asyncio comes in only through typing_extensions'
    # @deprecated on a coroutine function (none here), and brings concurrent.futures and
    # multiprocessing (with PyInstaller's runtime hook) along; 0.5 MB in each program's archive
    "asyncio", "concurrent", "multiprocessing",
    # reportlab guesses the encoding of XML given as bytes with it (an XMP metadata file, the old
    # platypus.para.Para flowable); Faaliyet uses neither (Paragraph parses str). 0.5 MB of mypyc modules
    "charset_normalizer",
    # test and build tools that stray into the analysis through optional imports
    "pytest", "hypothesis", "pdfplumber", "setuptools", "pkg_resources", "pip", "_distutils_hack",
    # Pillow's AVIF and WebP codecs and its colour management: core/images.py decodes JPEG and PNG
    # only (FORMATS) and never converts ICC profiles; each comes with libraries of its own
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingcms", "PIL.ImageCms",
    # Qt modules Faaliyet does not use (QtNetwork stays: QLocalServer for the single-instance handoff)
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtDBus", "PySide6.QtHelp", "PySide6.QtMultimedia", "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
]  # fmt: skip
# click stays: sqlite_utils.utils imports it at the top (Workbook.db uses sqlite_utils).

# Qt plugin folders and the files kept in each; a folder not named here goes entirely.
KEPT_PLUGINS = {
    "platforms": r"(qwindows|qxcb|qoffscreen)",  # the window on Windows / X11; offscreen for the smoke test
    "imageformats": r"(qjpeg)",  # photos: JPEG (PNG is built into QtGui)
    "platforminputcontexts": r".*",  # compose key and IBus: typing Turkish letters on Linux
    "xcbglintegrations": r".*",  # the xcb platform's GL integration
    "printsupport": r".*",  # printing the report (CUPS on Linux)
    "iconengines": r".*",  # icons in Qt's own dialogs
}
KEPT_TRANSLATIONS = r"qtbase_(tr|en)\.qm"  # app.install_qt_translation loads qtbase_<lang>
# opengl32sw.dll (Windows, ~20 MB, collected by PyInstaller's Qt hook): Mesa's software OpenGL, which
# Qt loads only to make an OpenGL context where the graphics driver has none; Faaliyet's widgets
# paint with the raster engine and never make one (no QOpenGLWidget, no Qt Quick). Not measured:
# no Windows here.
DROPPED_LIBRARIES = r"(Qt6(EglFS|EglFsKms|WaylandClient|WaylandEgl|WlShell|Quick|Qml)\w*|libssl|libcrypto|opengl32sw)"
# Linux: the system's own CUPS library, not a copy. The print plugin (kept) links libcups, and the
# copy brought GnuTLS, p11-kit, libunistring, GMP, Nettle, libidn2 and Avahi (7 MB) with it; a
# machine that prints through CUPS has libcups2 installed, and a copy must talk to that system's
# cupsd anyway. Without libcups Qt offers no printer, the window and everything else still run.
SYSTEM_LIBRARIES = r"libcups\.so"

# the libraries (Linux: pillow.libs/, linked from the top) and modules of those Pillow codecs
PILLOW_CODECS = r"(lib(avif|webp|webpmux|webpdemux|sharpyuv|lcms2)[-.]|_(avif|webp|imagingcms)\.)"

# resources/ files that are the sources of what is loaded (the .ts of the .qm, the icon's script)
SOURCE_ONLY = r"(^|/)resources/(translations/([^/]+\.ts|README\.md)|icons/[^/]+\.py)$"

_PLUGIN = re.compile(r"(^|/)PySide6/(Qt/)?plugins/([^/]+)/([^/]+)$", re.IGNORECASE)
_TRANSLATION = re.compile(r"(^|/)PySide6/(Qt/)?translations/([^/]+)$", re.IGNORECASE)


def dropped(dest: str) -> bool:
    """True for a bundle file nobody loads (a Qt plugin, translation or library left out)."""
    path = dest.replace("\\", "/")
    if re.search(SOURCE_ONLY, path):
        return True
    plugin = _PLUGIN.search(path)
    if plugin:
        kept = KEPT_PLUGINS.get(plugin.group(3).lower())
        return kept is None or not re.search(kept, plugin.group(4), re.IGNORECASE)
    translation = _TRANSLATION.search(path)
    if translation:
        return not re.fullmatch(KEPT_TRANSLATIONS, translation.group(3), re.IGNORECASE)
    name = path.rsplit("/", 1)[-1]
    if re.match(PILLOW_CODECS, name, re.IGNORECASE):
        return True
    if re.match(SYSTEM_LIBRARIES, name):
        return True
    return bool(re.match(DROPPED_LIBRARIES, name.removeprefix("lib"), re.IGNORECASE) or re.match(DROPPED_LIBRARIES, name))


def keep(toc: Iterable[tuple], imports_of: Callable[[str], Iterable[str]] | None = None) -> list[tuple]:
    """The entries of a PyInstaller TOC (dest, source, kind) that stay, without orphans.

    An orphan is a library at the bundle's top level, or one of Qt's own
    libraries, that nothing left in the bundle links to any more (GTK's
    libraries once the GTK theme plugin is out, say, or Qt6OpenGL once the
    OpenGL modules are). ``imports_of(source)`` gives a binary's linked library
    names; by default PyInstaller's own reader (ELF or PE).
    """
    kept = [entry for entry in toc if not dropped(entry[0])]
    if imports_of is None:
        imports_of = _pyinstaller_imports
    return _without_orphans(kept, imports_of)


_LIBRARY = re.compile(r"\.(so(\.\d+)*|dll)$", re.IGNORECASE)
# Qt's own libraries: Linux PySide6/Qt/lib/libQt6Gui.so.6, Windows PySide6/Qt6Gui.dll (not ICU, not
# the C++ runtime: those stay as they are)
_QT_LIBRARY = re.compile(r"^PySide6/(Qt/lib/lib)?Qt6\w+\.(so(\.\d+)*|dll)$", re.IGNORECASE)


def _orphan_candidate(dest: str) -> bool:
    """A library that stays only if something kept links to it (the rest are roots: modules, plugins)."""
    path = dest.replace("\\", "/")
    return bool(_LIBRARY.search(path)) and ("/" not in path or bool(_QT_LIBRARY.match(path)))


def _file_name(dest: str) -> str:
    return dest.replace("\\", "/").rsplit("/", 1)[-1].lower()


def _without_orphans(toc: list[tuple], imports_of: Callable[[str], Iterable[str]]) -> list[tuple]:
    binaries = [e for e in toc if len(e) > 2 and e[2] in ("BINARY", "EXTENSION")]
    needed: set[str] = set()
    todo = [e for e in binaries if not _orphan_candidate(e[0])]
    by_name: dict[str, list[tuple]] = {}
    for e in binaries:
        if _orphan_candidate(e[0]):
            by_name.setdefault(_file_name(e[0]), []).append(e)
    seen: set[str] = set()
    while todo:
        entry = todo.pop()
        if entry[1] in seen:
            continue
        seen.add(entry[1])
        for name in imports_of(entry[1]):
            key = name.lower().rsplit("/", 1)[-1]
            if key not in needed:
                needed.add(key)
                todo.extend(by_name.get(key, []))
    candidates = {_file_name(e[0]) for e in toc if _orphan_candidate(e[0])}
    if not needed & candidates:
        return toc  # the reader found nothing: keep everything rather than guess
    return [
        e for e in toc if not _orphan_candidate(e[0]) or _file_name(e[0]) in needed or _loaded_by_the_bootloader(_file_name(e[0]))
    ]


def _loaded_by_the_bootloader(dest: str) -> bool:
    """The Python runtime itself: the executable loads it by name, not by linking."""
    return bool(re.match(r"(libpython3|python3)", dest, re.IGNORECASE))


def without_dangling_links(toc: Iterable[tuple], kept: Iterable[tuple]) -> list[tuple]:
    """The entries of ``toc`` less the symbolic links (Linux: libQt6OpenGL.so.6 at the top,
    pointing into PySide6/Qt/lib) whose target is in neither ``toc`` nor ``kept`` any more."""
    toc = list(toc)
    present = {e[0].replace("\\", "/") for e in [*toc, *kept]}
    return [e for e in toc if len(e) < 3 or e[2] != "SYMLINK" or e[1].replace("\\", "/") in present]


def _pyinstaller_imports(source: str) -> list[str]:
    """The libraries ``source`` links to directly. Linux: its ELF NEEDED entries (readelf, from
    binutils like the strip the build uses): PyInstaller's reader there is ldd, which lists the
    whole closure, so a library needed only by one left out (GnuTLS by libcups) would look needed."""
    if sys.platform.startswith("linux"):
        try:
            out = subprocess.run(["readelf", "-d", "-W", source], capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            out = ""
        needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)
        if needed or "Dynamic section" in out:
            return needed
    from PyInstaller.depend import bindepend

    try:
        return [name for name, _path in bindepend.get_imports(source)]
    except Exception:  # noqa: BLE001 (an unreadable binary keeps whatever it might need)
        return []


def share_identical_programs(folder: Path, names: Iterable[str]) -> list[str]:
    """Make byte-identical programs of the bundle one file with several names (hard links).

    Each program carries the whole Python archive (6.4 MB). On Linux ``faaliyet``
    and ``faaliyet-cli`` are the same bytes (both console programs; the launcher
    looks at the arguments, not the name), so the second is a hard link of the
    first; on Windows they differ (window vs console, version resource) and stay
    two files. Returns the names now linked.
    """
    paths = [folder / name for name in names if (folder / name).is_file()]
    linked = []
    for path in paths[1:]:
        first = paths[0]
        if path.stat().st_ino != first.stat().st_ino and path.read_bytes() == first.read_bytes():
            temporary = path.with_name(path.name + ".link")
            os.link(first, temporary)
            os.replace(temporary, path)
            linked.append(path.name)
    return linked

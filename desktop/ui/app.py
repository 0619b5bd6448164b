"""The application: QApplication, language, font, Fusion style; ``main(argv) -> int``.

``faaliyet`` opens the start page; ``faaliyet open FILE`` opens FILE (the
launcher passes ``[FILE]``). The interface is Turkish; with
``FAALIYET_LANG=en`` (or an English system locale) the English translation
from ``resources/translations/faaliyet_en.qm`` is loaded.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from .. import collector, resources
from .msgspec_import import import_msgspec

import_msgspec()  # as installed: without the development tools' typing_extensions


def language() -> str:
    lang = os.environ.get("FAALIYET_LANG")
    if lang:
        return lang.lower()[:2]
    return "en" if QLocale.system().language() == QLocale.Language.English else "tr"


def install_qt_translation(app: QApplication, lang: str) -> QTranslator | None:
    """Qt's own texts (dialog buttons "Tamam", "Evet", "İptal"…, the context menus) in the UI language."""
    translator = QTranslator(app)
    if translator.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        return translator
    return None


def install_translation(app: QApplication, lang: str) -> QTranslator | None:
    if lang == "tr":
        return None
    translator = QTranslator(app)
    if translator.load(str(resources.translations() / f"faaliyet_{lang}.qm")):
        app.installTranslator(translator)
        return translator
    return None


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once with Faaliyet's look."""
    app = QApplication.instance()
    if app is not None:
        return app
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    # the style by name on the command line, not setStyle("Fusion"): that returns
    # the QStyle to Python, which makes PySide build the QStyle type and its enums
    # (~4 ms of start-up); Qt creates the same Fusion style either way
    app = QApplication(["faaliyet", "-style", "Fusion", *(argv or [])])
    app.setApplicationName("Faaliyet")
    app.setOrganizationName("Faaliyet")
    app.setApplicationDisplayName("Faaliyet")
    # the window icon is set after the first paint (set_window_icon, from _after_start)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    # no style sheet: the look is fonts and palettes set where widgets are made (see look.py)
    lang = language()
    from ..core import i18n  # messages made outside the UI (store errors, findings…) in the same language

    i18n.set_language(lang)
    QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Turkish))
    app._faaliyet_translators = (install_qt_translation(app, lang), install_translation(app, lang))  # keep references
    return app


@contextmanager
def starting():
    """A process's start-up, up to its first window shown, without cyclic garbage collection
    (``desktop.collector``: the launcher pauses it before PySide's import already; this ends
    the pause). Only for a new process: with a QApplication already there (tests) nothing changes.
    """
    new = QApplication.instance() is None
    if new:
        collector.pause()
    try:
        yield
    finally:
        if new:
            collector.resume()


def main(argv: list[str]) -> int:
    """``argv`` is [] (start page) or [FILE]; FILE goes to a Faaliyet already running, if there is one."""
    with starting():
        app = application()
        _install_support()  # the log and the error dialog, before anything can fail
        if argv and _handed_off(argv[0]):
            return 0
        from .main_window import MainWindow  # after QApplication: widgets need it

        window = MainWindow()
        strategy = False
        if argv:  # open before showing: the start page is never built for nothing
            path = Path(argv[0])
            if not path.exists():
                print(f"'{path}' bulunamadı.", file=sys.stderr)
            # a consolidated file: the strategy unit's window is showing instead
            strategy = window.open_file(path) and window.view is None
        if not strategy:
            window.show()
    from PySide6.QtCore import QTimer

    # after the window is up: a second start within this time opens its file itself, as before
    QTimer.singleShot(AFTER_START_MS, lambda: _after_start(window))
    if strategy:
        return app.exec()
    smoke = os.environ.get("FAALIYET_SMOKE_MS")  # packaging check: start, show, quit
    if smoke:
        QTimer.singleShot(int(smoke), app.quit)
    return app.exec()


def _install_support() -> None:
    """The log, the exception hooks and the error dialog (support.py) for a window process.

    support.py is imported at the first error only: the first window does not wait for it."""
    from .. import app_log

    def show_error(summary: str, details: str) -> None:
        from .support import show_error

        show_error(summary, details)

    app_log.install()
    app_log.set_reporter(show_error)


def _after_start(window) -> None:
    """What a running window needs but its first paint need not wait for (~20 ms together):
    listening for files from later starts (QtNetwork), the version line of the log
    (the package metadata) and the window icon."""
    from .. import app_log
    from ..version import version

    set_window_icon(QApplication.instance())
    _listen(window)
    app_log.version_is(version())


def set_window_icon(app: QApplication) -> None:
    """Faaliyet's icon on every window (title bar, task bar), the ones shown already too.

    Not in ``application()``: the first QIcon makes PySide build the QIcon type with its
    enums (ThemeIcon has 151 members), ~2 ms that the first window need not wait for;
    Qt gives the new icon to the windows already shown."""
    from PySide6.QtGui import QIcon

    icon = resources.icons() / "faaliyet.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


AFTER_START_MS = 300
_windows: list = []  # windows opened for handed-over files stay alive while shown


def _handed_off(name: str) -> bool:
    """A double-clicked file while Faaliyet runs: the running program opens it (single_instance)."""
    path = Path(name)
    if not path.exists():
        return False  # the message that it is missing belongs to this start, not to the other window
    from .single_instance import hand_off

    return hand_off([path])


def _listen(first) -> None:
    """Take the files later starts hand over (none when another Faaliyet already listens)."""
    from .single_instance import start

    def open_here(path: Path) -> None:
        from .. import app_log
        from .main_window import MainWindow

        app_log.log.info("Başka bir başlatmanın verdiği dosya açılıyor: %s", path)

        for window in QApplication.topLevelWidgets():  # already open: bring that window forward
            shown = getattr(window, "shown_path", lambda: None)()
            if shown is not None and window.isVisible() and _same(shown, path):
                _bring_forward(window)
                return
        window = first if first.view is None and first.isVisible() else MainWindow()
        if window.open_file(path) and window.view is not None:
            if window is not first:
                _windows[:] = [w for w in _windows if w.isVisible()]  # closed ones go (no lambda on destroyed)
                _windows.append(window)
            window.show()
            _bring_forward(window)
        elif window is not first:
            window.deleteLater()  # a consolidated file (the strategy window opened instead) or a refusal

    listener = start(open_here)
    if listener is not None:
        QApplication.instance()._faaliyet_listener = listener  # lives as long as the application


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).absolute() == Path(b).absolute()


def _bring_forward(window) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()

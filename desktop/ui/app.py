"""The application: QApplication, language, font, style; ``main(argv) -> int``.

``faaliyet`` opens the start page; ``faaliyet open FILE`` opens FILE (the
launcher passes ``[FILE]``). The interface is Turkish; with
``FAALIYET_LANG=en`` (or an English system locale) the English translation
from ``resources/translations/faaliyet_en.qm`` is loaded.
"""

from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from .. import resources

STYLE = """
QWidget#startPage QLabel#startTitle { font-size: 20pt; font-weight: 600; color: #1a3a5c; }
QFrame#card { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }
QLabel#pageTitle { font-size: 16pt; font-weight: 600; color: #1a3a5c; }
QLabel#sectionHeading { font-size: 12pt; font-weight: 600; color: #1a3a5c; margin-top: 8px; }
QLabel#panelTitle { font-size: 12pt; font-weight: 600; color: #1a3a5c; padding: 6px 4px 0 4px; }
QLabel#chapterNote, QLabel#hint { color: #5f6b76; }
QLabel#facts { color: #333; }
QFrame#banner[kind="warning"] { background: #fff3cd; border-bottom: 1px solid #e0c36c; }
QFrame#banner[kind="info"] { background: #e3f2fd; border-bottom: 1px solid #90caf9; }
QFrame#banner QLabel { font-weight: 600; }
QListWidget#navigator::item { padding: 6px 4px; }
QListWidget#navigator::item:selected { background: #1a5fb4; color: white; }
QLineEdit, QPlainTextEdit { border: 1px solid #aab4be; border-radius: 3px; padding: 3px; background: white; }
QLineEdit:focus, QPlainTextEdit:focus { border: 2px solid #1a5fb4; }
QLineEdit:read-only, QPlainTextEdit[readOnly="true"] { background: #f3f4f6; }
*[finding="warning"] { border: 2px solid #e0a800; background: #fff8e1; }
*[finding="error"] { border: 2px solid #c62828; background: #fdecea; }
*[inputError="true"] { border: 2px solid #c62828; background: #ffcdd2; }
QGroupBox { border: 1px solid #d0d7de; border-radius: 6px; margin-top: 8px; padding-top: 4px; background: #fafbfc; }
QLabel#cardTitle { font-weight: 600; color: #1a3a5c; }
QToolBar QToolButton { padding: 4px 10px; }
"""


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
    icon = resources.icons() / "faaliyet.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE)
    lang = language()
    QLocale.setDefault(QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Turkish))
    app._faaliyet_translators = (install_qt_translation(app, lang), install_translation(app, lang))  # keep references
    return app


@contextmanager
def starting():
    """A process's start-up, up to its first window shown, without cyclic garbage collection.

    Start-up makes tens of thousands of objects that live as long as the process
    (PySide's types and enums, the modules, the open form); the collector's passes
    over them find next to nothing and took ~4 ms of `faaliyet open FILE`. Afterwards
    they are frozen (never scanned again, which also shortens every later full
    collection) and collection resumes. Only for a new process: with a QApplication
    already there (tests) nothing changes.
    """
    pause = QApplication.instance() is None and gc.isenabled()
    if pause:
        gc.disable()
    try:
        yield
    finally:
        if pause:
            gc.freeze()
            gc.enable()


def main(argv: list[str]) -> int:
    """``argv`` is [] (start page) or [FILE]."""
    with starting():
        app = application()
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
    if strategy:
        return app.exec()
    smoke = os.environ.get("FAALIYET_SMOKE_MS")  # packaging check: start, show, quit
    if smoke:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(int(smoke), app.quit)
    return app.exec()

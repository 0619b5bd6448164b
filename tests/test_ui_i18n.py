"""English through Qt's translation files: every UI string has a translation and the .qm is built."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from desktop import resources
from desktop.ui.i18n import CONTEXT

UI = Path(__file__).resolve().parent.parent / "desktop" / "ui"
TS = resources.translations() / "faaliyet_en.ts"
QM = resources.translations() / "faaliyet_en.qm"


def _clerk_window_files() -> list[Path]:
    """The clerk's window: desktop/ui and desktop/ui/editors (other windows keep their own test)."""
    return sorted(UI.glob("*.py")) + sorted((UI / "editors").glob("*.py"))


def _tr_literals() -> set[str]:
    out = set()
    for path in _clerk_window_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args:
                arg = node.args[0]
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), (
                    f"tr() needs a literal in {path}:{node.lineno}"
                )
                out.add(arg.value)
    return out


def test_every_ui_string_is_in_the_ts_file_and_translated():
    messages = {m.find("source").text: m.find("translation") for m in ET.parse(TS).getroot().iter("message")}
    missing = _tr_literals() - set(messages)
    assert not missing, f"run pyside6-lupdate (see resources/translations/README.md): {sorted(missing)[:5]}"
    unfinished = [s for s, t in messages.items() if t.get("type") == "unfinished" or not (t.text or "").strip()]
    assert not unfinished, unfinished[:5]


def test_qm_is_built_from_the_ts_and_translates(qapp):
    assert QM.exists() and QM.stat().st_mtime >= TS.stat().st_mtime - 1, "rebuild the .qm with pyside6-lrelease"
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate(CONTEXT, "Geri al") == "Undo"
        assert QCoreApplication.translate(CONTEXT, "{0} hata").format(3) == "3 errors"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate(CONTEXT, "Geri al") == "Geri al"


def test_window_in_english(qtbot, monkeypatch, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.ui.app import application, install_translation
    from desktop.ui.main_window import MainWindow

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    app = application()
    translator = install_translation(app, "en")
    assert translator is not None
    try:
        win = MainWindow()
        qtbot.addWidget(win)
        assert win.act_undo.text() == "Undo"
        assert win.start.open_button.text() == "Open file…"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_qt_dialog_buttons_are_turkish(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.app import install_qt_translation

    translator = install_qt_translation(qapp, "tr")
    assert translator is not None
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert "Tamam" in texts and "İptal" in texts, texts
    finally:
        QCoreApplication.removeTranslator(translator)

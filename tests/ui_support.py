"""Helpers and fixtures for the window tests (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.store.workbook import Workbook


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory):
    """Keep QSettings (recent files, geometry) out of the real user profile."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("settings")))
    yield


class Prompts:
    """Answers the window's questions and records its messages (no modal dialogs in tests)."""

    def __init__(self, answer: bool = True):
        self.answer = answer
        self.asked: list[str] = []
        self.messages: list[tuple[str, str, str]] = []

    def ask(self, title, text):
        self.asked.append(text)
        return self.answer

    def inform(self, title, text, kind="information"):
        self.messages.append((title, text, kind))


def make_window(qtbot, path: Path | None = None, prompts: Prompts | None = None):
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow

    application()
    win = MainWindow()
    prompts = prompts or Prompts()
    win.ask, win.inform = prompts.ask, prompts.inform
    win.prompts = prompts
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    if path is not None:
        assert win.open_file(path), prompts.messages
    return win


# The window tests use their own small definition, so that they keep testing the
# window while the shipped forms/ and plan evolve. It mirrors İtfaiye's form.
UI_DEFINITION = {
    "id": "ui-test-2020",
    "institution": {"key": "kars", "name": "Kars Belediyesi"},
    "year": {"year": 2020, "deviation_tolerance": 0},
    "departments": [
        {"key": "itfaiye", "name": "İtfaiye Müdürlüğü"},
        {"key": "imar", "name": "İmar ve Şehircilik Müdürlüğü"},
    ],
    "plan": {"aims": [{"code": "SA5", "name": "Güvenli şehir", "goals": [{"code": "H5.3", "name": "İtfaiye hizmetleri", "targets": [
        {"key": "ph_5_3", "name": "Yangına müdahale kapasitesi artırılacak", "indicators": [
            {"key": "pg_5_3_1", "code": "PG.5.3.1", "name": "Yangına Ulaşma Süresi", "unit": "Dk", "direction": "decrease",
             "baseline": 12, "target": 8, "weight": 60, "department": "itfaiye"},
            {"key": "pg_5_3_2", "code": "PG.5.3.2", "name": "Verilen Yangın Eğitimi Sayısı", "unit": "Adet",
             "target": 10, "weight": 40, "department": "itfaiye"},
        ], "activities": [
            {"key": "f_5_3_1", "code": "F.5.3.1", "name": "İtfaiye araç ve ekipmanlarının yenilenmesi.",
             "planned_cost": 150000, "department": "itfaiye"},
        ]},
    ]}]}]},
    "forms": [
        {"department": "itfaiye", "sections": [
            {"key": "genel", "title": "Genel Bilgiler ve Faaliyetler", "items": [
                {"kind": "field", "key": "anlatim", "label": "Müdürlüğün yıl içindeki çalışmaları", "type": "longtext", "required": True},
                {"kind": "field", "key": "trafik_kazasi", "label": "Müdahale edilen trafik kazası", "type": "count", "unit": "Adet"},
                {"kind": "field", "key": "kurtarilan_kisi", "label": "Kurtarılan kişi", "type": "count", "unit": "Kişi"},
                {"kind": "field", "key": "tatbikat_tarihi", "label": "Büyük tatbikatın tarihi", "type": "date"},
            ]},
            {"key": "gelirler", "title": "Makbuz Gelirleri ve Akaryakıt", "items": [
                {"kind": "table", "key": "makbuz", "title": "Aylara Göre Makbuz Gelirleri", "row_header": "Aylar", "rows": "months",
                 "columns": [{"key": "arac", "label": "Araç Sayısı", "type": "count"},
                             {"key": "tutar", "label": "Miktarı (TL)", "type": "money"}],
                 "total_row": "Genel Toplam"},
                {"kind": "table", "key": "akaryakit", "title": "Aylara Göre Akaryakıt Sarfiyatı", "rows": "months",
                 "columns": [{"key": "litre", "label": "Miktarı (Lt)", "type": "decimal", "unit": "Lt"}], "total_row": True},
            ]},
            {"key": "fotograflar", "title": "Fotoğraflar", "items": [
                {"kind": "photos", "key": "foto", "title": "Eğitim ve tatbikat fotoğrafları"},
            ]},
        ], "rules": [
            {"key": "makbuz_arac_tutar", "severity": "warning",
             "check": "itfaiye.makbuz.toplam.tutar <= itfaiye.makbuz.toplam.arac * 1000",
             "message": "Araç başına makbuz tutarı 1.000 TL'yi aşıyor; tutarları kontrol edin."},
        ]},
        {"department": "imar", "sections": [
            {"key": "genel", "title": "İmar", "items": [
                {"kind": "field", "key": "iskan", "label": "Verilen iskân", "type": "count"},
            ]},
        ]},
    ],
}


@pytest.fixture(scope="session")
def ui_definition():
    from desktop.core.definition import Definition

    return Definition.from_data(UI_DEFINITION)


@pytest.fixture
def workbook_path(tmp_path, ui_definition) -> Path:
    """A fresh İtfaiye workbook of the test definition (overrides conftest's for the UI tests)."""
    path = tmp_path / "itfaiye.faaliyet"
    Workbook.create(path, ui_definition, "itfaiye").close()
    return path


@pytest.fixture
def window(qtbot, workbook_path):
    win = make_window(qtbot, workbook_path)
    yield win
    win.close()


def widget(win, name: str) -> QWidget:
    w = win.view.editor_widget(name)
    assert w is not None, f"no editor named {name}"
    return w


def type_text(w: QWidget, text: str) -> None:
    """Type any text (Turkish letters too) one key at a time."""
    for ch in text:
        if ch == "\n":
            QTest.keyClick(w, Qt.Key.Key_Return)
            continue
        QTest.sendKeyEvent(QTest.KeyAction.Click, w, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def focus(win, w: QWidget) -> None:
    win.view.go_to(w.objectName()) or w.setFocus()
    w.setFocus()
    QApplication.processEvents()


def stored(path: Path, key: str):
    """The value as a fresh reader of the file sees it."""
    with Workbook.open(path, readonly=True) as wb:
        return wb.get(key)


def stored_indicator(path: Path, key: str):
    with Workbook.open(path, readonly=True) as wb:
        return wb.entries().indicators.get(key)


def cell_editor(table):
    from PySide6.QtWidgets import QLineEdit

    editors = [w for w in table.findChildren(QLineEdit) if w.isVisible()]
    assert editors, "no cell editor open"
    return editors[0]


def type_in_table(table, text: str) -> None:
    """Type into the current cell as a person does: the first key opens the editor, the rest go to it."""
    QTest.keyClicks(table, text[0])
    if text[1:]:
        QTest.keyClicks(cell_editor(table), text[1:])

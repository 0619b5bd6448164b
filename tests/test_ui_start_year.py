"""The start page's "Yeni yıl…": the year's consolidated file from any definition folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from small_definition import FORM, write_folder
from ui_support import make_window

from desktop.store import definition_cache
from desktop.store.file.workbook import Workbook
from desktop.ui import settings

pytestmark = pytest.mark.usefixtures("private_settings")


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv(definition_cache.ENV, str(tmp_path / "cache"))


@pytest.fixture
def folder(tmp_path) -> Path:
    return write_folder(tmp_path / "tanimlar" / "ornek-2031")


class Dialogs:
    """The folder and save dialogs, answered and counted."""

    def __init__(self, monkeypatch, folder, target):
        self.folders, self.saves = [], []
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: self.folders.append(a) or str(folder or ""))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: self.saves.append(a) or (str(target), ""))


def _strategy_windows(path):
    from desktop.ui.strategy import window as strategy

    return [w for w in strategy._open_windows if w.wb is not None and w.wb.path == path]


def test_a_new_year_from_any_definition_folder(qtbot, tmp_path, monkeypatch, folder):
    target = tmp_path / "ornekkent-2031-birlesik"
    dialogs = Dialogs(monkeypatch, folder, target)
    win = make_window(qtbot)
    start = win.start
    start.new_year_button.click()
    path = target.with_suffix(".faaliyet")
    assert dialogs.folders and dialogs.saves and path.exists()
    with Workbook.open(path, readonly=True) as wb:
        assert wb.is_consolidated and wb.year == 2031 and wb.definition.institution.name == "Örnekkent Belediyesi"
    opened = _strategy_windows(path)
    assert opened and opened[0].isVisible() and win.view is None
    opened[0].close()
    # remembered, first in the year list, with its departments
    assert settings.recent_definitions() == [(folder.resolve(), "2031 — Örnekkent Belediyesi")]
    assert start.year.currentText() == "2031 — Örnekkent Belediyesi" and str(folder.resolve()) in start.folder_label.text()
    assert [start.department.itemData(i) for i in range(start.department.count())] == ["zabita"]
    assert start.year_problem.text() == "" and not win.prompts.messages
    win.close()


def test_a_remembered_folder_is_offered_on_the_next_start_from_the_cache(qtbot, tmp_path, monkeypatch, folder):
    from desktop import resources

    settings.add_recent_definition(folder, "2031 — Örnekkent Belediyesi")
    shipped = resources.definitions()
    for f in [folder, *shipped]:
        definition_cache.load(f)  # compiled once (by "Yeni yıl…", by an earlier start)
    parsed = []
    real = definition_cache.load_definition
    monkeypatch.setattr(definition_cache, "load_definition", lambda f: parsed.append(f) or real(f))
    win = make_window(qtbot)
    start = win.start
    assert start.year.itemText(0) == "2031 — Örnekkent Belediyesi" and start.year.currentIndex() == 0
    assert start.current_definition().id == "ornek-2031" and start.create_button.isEnabled()
    assert start.year.count() == 1 + len(shipped) and parsed == []  # no YAML read: all from the cache
    target = tmp_path / "zabita"
    Dialogs(monkeypatch, None, target)
    start.create_button.click()  # a department file of the remembered year
    assert win.doc is not None and win.doc.department == "zabita" and win.doc.wb.year == 2031
    win.close()


def test_a_folder_that_does_not_load_shows_the_loaders_message_and_changes_nothing(qtbot, tmp_path, monkeypatch, folder):
    (folder / "birimler" / "zabita.yaml").write_text(FORM.replace("type: count", "type: sayi"), encoding="utf-8")
    dialogs = Dialogs(monkeypatch, folder, tmp_path / "yok")
    win = make_window(qtbot)
    before = win.start.year.count()
    win.start.new_year_button.click()
    ((title, text, kind),) = win.prompts.messages
    assert kind == "warning" and "yüklenemedi" in text
    assert "ornek-2031/birimler/zabita.yaml:9: sections[0].items[0].type: şunlardan biri olmalı" in text
    assert "zabita.yaml:9" in win.start.year_problem.text()
    assert dialogs.saves == [] and list(tmp_path.glob("*.faaliyet")) == []
    assert settings.recent_definitions() == [] and win.start.year.count() == before
    win.close()


@pytest.mark.parametrize("which,expected", [("not a definition", "tanim.yaml yok"), ("gone", "bulunamadı")])
def test_a_folder_that_is_not_a_definition_says_what_to_choose(qtbot, tmp_path, monkeypatch, which, expected):
    chosen = tmp_path / "Belgelerim"
    if which == "not a definition":
        chosen.mkdir()
        (chosen / "rapor.docx").write_bytes(b"x")
    dialogs = Dialogs(monkeypatch, chosen, tmp_path / "yok")
    win = make_window(qtbot)
    win.start.new_year_button.click()
    ((title, text, kind),) = win.prompts.messages
    assert expected in text and str(chosen) in text and dialogs.saves == []
    win.close()


def test_a_remembered_folder_that_is_gone_is_shown_as_such(qtbot, tmp_path, folder):
    settings.add_recent_definition(tmp_path / "usb" / "ornek-2031", "2031 — Örnekkent Belediyesi")
    win = make_window(qtbot)
    start = win.start
    assert start.year.currentIndex() == 0 and "tanım okunamadı" in start.year.currentText()
    assert "bulunamadı" in start.new_problem.text()
    assert not start.create_button.isEnabled() and not start.create_consolidated_button.isEnabled()
    start.year.setCurrentIndex(1)  # a shipped year still works
    assert start.current_definition() is not None and start.create_button.isEnabled() and start.new_problem.text() == ""
    win.close()


def test_cancelling_the_folder_chooser_does_nothing(qtbot, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch, None, tmp_path / "yok")
    win = make_window(qtbot)
    win.start.new_year_button.click()
    assert dialogs.folders and dialogs.saves == [] and not win.prompts.messages and settings.recent_definitions() == []
    win.close()


def test_recent_definition_folders_are_bounded_and_newest_first(tmp_path):
    for i in range(settings.MAX_RECENT_DEFINITIONS + 3):
        settings.add_recent_definition(tmp_path / f"t{i}", f"label {i}")
    settings.add_recent_definition(tmp_path / "t5", "label 5 again")
    got = settings.recent_definitions()
    assert len(got) == settings.MAX_RECENT_DEFINITIONS
    assert (
        got[0] == ((tmp_path / "t5").resolve(), "label 5 again") and got[1][1] == f"label {settings.MAX_RECENT_DEFINITIONS + 2}"
    )
    assert len({f for f, _ in got}) == len(got)


def test_the_start_page_of_a_new_process_parses_no_yaml_once_the_definitions_are_compiled(tmp_path):
    """What keeps `faaliyet` (the start page) quick: no ruamel, no form modules, only the cache."""
    import os
    import subprocess
    import sys

    from desktop import resources

    for f in resources.definitions():
        definition_cache.load(f)
    code = """
import sys
from PySide6.QtCore import QSettings
from desktop.ui.app import application
app = application()
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
from desktop.ui.main_window import MainWindow
win = MainWindow()
win.show()
app.processEvents()
assert win.start.current_definition() is not None and win.start.create_button.isEnabled()
print(" ".join(m for m in ("ruamel.yaml", "desktop.ui.document_view", "desktop.ui.commands", "desktop.ui.model") if m in sys.modules))
"""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "settings")],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == ""

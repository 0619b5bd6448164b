"""Photo lists (add, caption, reorder, remove, undo), the start page and Ctrl+F."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from ui_support import make_window, type_text, widget

from desktop.store.file.photos import list_photos
from desktop.store.file.workbook import Workbook

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def _png(path, size=(3000, 2000), color="red"):
    Image.new("RGB", size, color).save(path, "PNG")
    return path


def _photos(path):
    with Workbook.open(path, readonly=True) as wb:
        return list_photos(wb, "itfaiye.foto")


def test_photo_list_add_caption_move_remove_undo(window, qtbot, workbook_path, tmp_path):
    window.view.navigator.select("fotograflar")
    photos = widget(window, "itfaiye.foto")
    assert photos.add_file(_png(tmp_path / "a.png", color="red"))
    assert photos.add_file(_png(tmp_path / "b.png", (800, 600), "blue"))
    stored = _photos(workbook_path)
    assert len(stored) == 2 and max(stored[0].width, stored[0].height) <= 1600
    assert "2 fotoğraf" in photos.count_label.text()

    caption = widget(window, "itfaiye.foto.1.caption")
    caption.setFocus()
    type_text(caption, "Yangın tatbikatı, Şubat")
    qtbot.keyClick(caption, Qt.Key.Key_Return)
    assert _photos(workbook_path)[1].caption == "Yangın tatbikatı, Şubat"

    window.editor.move_photo("itfaiye.foto", stored[1].id, 1, 0)
    assert [p.caption for p in _photos(workbook_path)] == ["Yangın tatbikatı, Şubat", ""]
    QApplication.processEvents()
    assert widget(window, "itfaiye.foto.0.caption").text() == "Yangın tatbikatı, Şubat"

    first = _photos(workbook_path)[0]
    window.editor.remove_photo("itfaiye.foto", first, 0)
    assert len(_photos(workbook_path)) == 1
    window.undo()  # the removed photo comes back, in its place, with its caption
    back = _photos(workbook_path)
    assert [p.caption for p in back] == ["Yangın tatbikatı, Şubat", ""]
    window.undo()  # undo the move
    assert [p.caption for p in _photos(workbook_path)] == ["", "Yangın tatbikatı, Şubat"]


def test_a_file_that_is_not_an_image_is_refused(window, tmp_path, workbook_path):
    bad = tmp_path / "not.jpg"
    bad.write_bytes(b"not an image")
    assert not widget(window, "itfaiye.foto").add_file(bad)
    assert "resim" in window.statusBar().currentMessage()
    assert _photos(workbook_path) == []


def test_start_page_creates_a_department_file_and_lists_recent(qtbot, tmp_path, monkeypatch):
    win = make_window(qtbot)
    start = win.start
    assert win.stack.currentWidget() is start
    definition = start.current_definition()
    assert start.year.count() >= 1 and str(definition.year.year) in start.year.currentText()
    names = [start.department.itemText(i) for i in range(start.department.count())]
    assert names == [d.name for d in definition.departments if d.role == "department"]
    keys = [start.department.itemData(i) for i in range(start.department.count())]
    start.department.setCurrentIndex(keys.index("itfaiye"))
    target = tmp_path / "yeni-itfaiye"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    start.create_button.click()
    path = tmp_path / "yeni-itfaiye.faaliyet"
    assert path.exists() and win.doc is not None and win.doc.path == path
    win.close_file()
    assert win.stack.currentWidget() is start
    assert start.recent.item(0).data(Qt.ItemDataRole.UserRole) == str(path.resolve())
    start.recent.itemActivated.emit(start.recent.item(0))
    assert win.doc is not None and win.doc.department == "itfaiye"
    win.close()


def test_main_opens_a_file_directly(qtbot, workbook_path, monkeypatch):
    from PySide6.QtWidgets import QApplication as App

    from desktop.ui import app as app_module

    opened = {}
    monkeypatch.setattr(App, "exec", lambda self=None: opened.setdefault("rc", 0))
    import desktop.ui.main_window as mw

    real_open = mw.MainWindow.open_file

    def spy(self, path, readonly=False):
        opened["win"] = self
        return real_open(self, path, readonly)

    monkeypatch.setattr(mw.MainWindow, "open_file", spy)
    assert app_module.main([str(workbook_path)]) == 0
    win = opened["win"]
    assert win.doc.path == workbook_path
    win.close()


def test_find_is_turkish_case_insensitive(window, qtbot):
    from desktop.ui.find import FindDialog, search

    assert any(k == "itfaiye.kurtarilan_kisi" for k, *_ in search(window.doc, "KURTARILAN"))
    assert any(k == "pg_5_3_1.actual" for k, *_ in search(window.doc, "yangına ulaşma"))
    assert not any(k == "itfaiye.kurtarilan_kisi" for k, *_ in search(window.doc, "KURTARİLAN"))
    window.act_find.trigger()
    dlg = window.findChild(FindDialog)
    assert dlg is not None
    type_text(dlg.query, "AKARYAKIT")
    assert dlg.results.count() >= 1
    qtbot.keyClick(dlg.query, Qt.Key.Key_Return)
    assert window.view.current_page() == "gelirler"


def test_f1_opens_help(window):
    from desktop.ui.help_window import HelpWindow

    window.act_help.trigger()
    help_window = window.findChild(HelpWindow, "helpWindow")
    assert help_window is not None and "Kaydetmek gerekmez" in help_window.text()
    help_window.close()


def _one_photo(window, tmp_path):
    window.view.navigator.select("fotograflar")
    photos = widget(window, "itfaiye.foto")
    assert photos.add_file(_png(tmp_path / "a.png", (400, 300)))
    caption = widget(window, "itfaiye.foto.0.caption")
    window.activateWindow()
    caption.setFocus()
    QApplication.processEvents()
    return caption


def test_a_caption_is_saved_after_a_pause_in_typing_and_keeps_its_editor(window, qtbot, workbook_path, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.ui.editors.fields.AUTOSAVE_MS", 150)
    caption = _one_photo(window, tmp_path)
    type_text(caption, "Tatbikat")
    assert _photos(workbook_path)[0].caption == ""  # still typing
    qtbot.waitUntil(lambda: _photos(workbook_path)[0].caption == "Tatbikat", timeout=3000)
    assert widget(window, "itfaiye.foto.0.caption") is caption  # not rebuilt under the cursor
    type_text(caption, ", Şubat")
    qtbot.keyClick(caption, Qt.Key.Key_Return)
    assert _photos(workbook_path)[0].caption == "Tatbikat, Şubat"
    window.undo()  # the visit's saves are one step
    assert _photos(workbook_path)[0].caption == ""
    assert caption.text() == ""
    window.redo()
    assert _photos(workbook_path)[0].caption == "Tatbikat, Şubat" and caption.text() == "Tatbikat, Şubat"


def test_a_caption_typed_when_the_window_closes_is_kept(window, qtbot, workbook_path, tmp_path):
    caption = _one_photo(window, tmp_path)
    type_text(caption, "Çığ tatbikatı")  # no Enter, no pause
    window.close()
    assert _photos(workbook_path)[0].caption == "Çığ tatbikatı"


def test_the_examples_under_empty_fields_name_the_files_year(qtbot, definition, tmp_path):
    """ "ör. Yangın tatbikatı, Mart 2020" under a caption of 2021 (the sample's year, written in the code)."""
    from desktop.core.definition import Definition

    data = definition.to_data()
    data["id"], data["year"]["year"] = "kucuk-test-2021", 2021
    path = tmp_path / "itfaiye-2021.faaliyet"
    Workbook.create(path, Definition.from_data(data), "itfaiye").close()
    win = make_window(qtbot, path)
    indicator = next(iter(definition.indicators_of("itfaiye")))
    assert "2021" in widget(win, f"{indicator.key}.source").placeholderText()
    win.view.navigator.select("fotograflar")
    photos = widget(win, "itfaiye.foto")
    assert photos.add_file(_png(tmp_path / "b.png", (40, 30)))
    QApplication.processEvents()
    caption = widget(win, "itfaiye.foto.0.caption")
    assert caption.placeholderText().endswith("2021") and "2020" not in caption.placeholderText()
    win.close()


def test_the_photo_dialog_lets_an_iphone_photo_be_chosen_and_says_how_to_get_a_jpeg(window, tmp_path, monkeypatch, workbook_path):
    """The dialog listed only *.jpg and *.png: an iPhone's IMG_0042.HEIC was not there to choose."""
    heic = tmp_path / "IMG_0042.HEIC"
    ftyp = b"ftypheic\x00\x00\x00\x00mif1heic"
    heic.write_bytes(len(ftyp).to_bytes(4, "big") + ftyp + bytes(200))
    seen = {}

    def dialog(parent, title, folder, filters):
        seen["filters"] = filters
        return [str(heic)], filters.split(";;")[-1]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(dialog))
    said = []
    window.editor.problem.connect(said.append)
    window.view.navigator.select("fotograflar")
    widget(window, "itfaiye.foto").choose()
    assert "(*)" in seen["filters"].split(";;")[-1]
    assert said and "HEIC" in said[-1] and "e-postayla" in said[-1]
    assert _photos(workbook_path) == []

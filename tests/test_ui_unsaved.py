"""Nothing a user typed is lost: unreadable text is kept in the file, text saves while typing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import cell_editor, focus, make_window, stored, stored_indicator, type_in_table, type_text, widget

from desktop.store.file.workbook import Workbook
from desktop.ui.editors.fields import AUTOSAVE_MS
from desktop.ui.editors.table_model import ERROR_BG

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]

CELL = "itfaiye.makbuz.ocak.arac"


def pending(path):
    """What a second reader of the file sees pending (as after a crash: nothing but the file)."""
    with Workbook.open(path, readonly=True) as wb:
        return wb.pending_inputs()


def reopen(win, qtbot, path):
    win.close()
    return make_window(qtbot, path)


def test_unreadable_number_is_kept_in_the_file_and_back_after_reopening(window, qtbot, workbook_path):
    window.editor.set_values({"itfaiye.trafik_kazasi": 1200})
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    edit.selectAll()
    qtbot.keyClicks(edit, "12a")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.hasFocus() and edit.text() == "12a" and edit.property("inputError") is True
    # in the file at once: a kill now loses nothing
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 1200  # the value stays as it was
    assert pending(workbook_path) == {"itfaiye.trafik_kazasi": "12a"}
    assert any("'12a' bir sayı değil" in f.message for f in window.doc.errors)

    win = reopen(window, qtbot, workbook_path)
    edit = widget(win, "itfaiye.trafik_kazasi")
    assert edit.text() == "12a"
    assert edit.property("inputError") is True and "sayı değil" in edit.toolTip()
    assert "okunamadı: '12a' bir sayı değil" in edit.toolTip() and "Düzeltin ya da silin" in edit.toolTip()
    assert "Dosyada kayıtlı değer: 1.200" in edit.toolTip()  # what the report prints meanwhile
    assert win.editor.stack.count() == 0  # not a value: nothing to undo
    win.close()


def test_unreadable_text_left_in_a_field_is_kept_when_the_window_closes(window, qtbot, workbook_path):
    edit = widget(window, "pg_5_3_1.actual")  # decimal: "1,234.5" is English, refused
    focus(window, edit)
    qtbot.keyClicks(edit, "1,234.5")  # no Enter, the window is closed while typing
    window.close()
    assert pending(workbook_path) == {"pg_5_3_1.actual": "1,234.5"}
    assert stored_indicator(workbook_path, "pg_5_3_1") is None

    win = make_window(qtbot, workbook_path)
    edit = widget(win, "pg_5_3_1.actual")
    assert edit.text() == "1,234.5" and edit.property("inputError") is True and "İngilizce" in edit.toolTip()
    win.close()


def test_unreadable_table_cell_is_kept_and_shown_red_after_reopening(window, qtbot, workbook_path):
    table = widget(window, "itfaiye.makbuz")
    window.view.go_to(CELL)
    type_in_table(table, "12a")
    qtbot.keyClick(cell_editor(table), Qt.Key.Key_Return)  # refused: the editor stays open, the text is kept
    assert cell_editor(table).text() == "12a"
    assert pending(workbook_path) == {CELL: "12a"}

    win = reopen(window, qtbot, workbook_path)
    table = widget(win, "itfaiye.makbuz")
    m = table.model()
    idx = m.index(0, 0)
    assert m.key(0, 0) == CELL
    assert m.data(idx) == "12a" and m.data(idx, Qt.ItemDataRole.EditRole) == "12a"
    assert m.data(idx, Qt.ItemDataRole.BackgroundRole).color() == ERROR_BG
    assert "'12a' bir sayı değil" in m.data(idx, Qt.ItemDataRole.ToolTipRole)
    # correcting it: the editor opens with what was typed
    win.view.go_to(CELL)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = cell_editor(table)
    assert editor.text() == "12a"
    editor.selectAll()
    qtbot.keyClicks(editor, "12")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert stored(workbook_path, CELL) == 12
    assert pending(workbook_path) == {}
    assert m.data(idx) == "12"
    win.close()


def test_cell_left_by_clicking_elsewhere_keeps_its_unreadable_text(window, qtbot, workbook_path):
    table = widget(window, "itfaiye.makbuz")
    window.view.go_to(CELL)
    type_in_table(table, "7x")
    other = widget(window, "itfaiye.trafik_kazasi")
    focus(window, other)  # the cell editor loses the focus and closes
    QApplication.processEvents()
    assert pending(workbook_path) == {CELL: "7x"}
    assert table.model().data(table.model().index(0, 0)) == "7x"


def test_a_later_valid_value_supersedes_it(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    qtbot.keyClicks(edit, "12a")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    edit.selectAll()
    qtbot.keyClicks(edit, "12")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 12
    assert pending(workbook_path) == {}
    assert not edit.property("inputError")
    assert not [f for f in window.doc.findings if "okunamadı" in f.message]


def test_typing_back_the_stored_value_also_drops_it(window, qtbot, workbook_path):
    window.editor.set_values({"itfaiye.trafik_kazasi": 5})
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    edit.selectAll()
    qtbot.keyClicks(edit, "5b")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert pending(workbook_path) == {"itfaiye.trafik_kazasi": "5b"}
    edit.selectAll()
    qtbot.keyClicks(edit, "5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert pending(workbook_path) == {}
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 5 and edit.text() == "5"
    assert window.editor.stack.count() == 1


def test_clearing_the_editor_discards_it(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.kurtarilan_kisi")
    focus(window, edit)
    qtbot.keyClicks(edit, "on iki")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert pending(workbook_path) == {"itfaiye.kurtarilan_kisi": "on iki"}
    focus(window, edit)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert pending(workbook_path) == {}
    assert edit.text() == "" and not edit.property("inputError")
    with Workbook.open(workbook_path, readonly=True) as wb:
        rows = [(r["attribute"], r["new"]) for r in wb.audit_log() if r["target"] == "itfaiye.kurtarilan_kisi"]
    assert rows == [("okunamayan_giris", None), ("okunamayan_giris", "on iki")]  # newest first


def test_delete_in_a_table_discards_a_kept_cell(window, qtbot, workbook_path):
    window.editor.record_unparsed(CELL, "12a")
    table = widget(window, "itfaiye.makbuz")
    window.view.go_to(CELL)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert pending(workbook_path) == {}
    assert table.model().data(table.model().index(0, 0)) == ""


def test_a_kept_unreadable_input_blocks_submitting_with_its_message(window, qtbot, workbook_path):
    window.editor.set_values({"itfaiye.anlatim": "Yıl boyunca eğitimler sürdü."})
    assert window.doc.errors == []
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    qtbot.keyClicks(edit, "12a")
    window.send(workbook_path.with_name("kopya.faaliyet"))  # commits what is being typed first
    title, text, kind = window.prompts.messages[-1]
    assert kind == "warning" and "hata düzeltilmeli" in text
    assert (
        "'Müdahale edilen trafik kazası' alanına yazılan değer okunamadı: '12a' bir sayı değil. Yalnızca rakam girin, ör. 1234. Düzeltin ya da silin."
        in text
    )
    assert window.prompts.asked == []
    with Workbook.open(workbook_path, readonly=True) as wb:
        assert wb.state()["state"] == "taslak"
    panel = window.view.findings.list
    assert any(
        "'12a' bir sayı değil" in panel.item(i).text() or "'12a' bir sayı değil" in (panel.item(i).toolTip() or "")
        for i in range(panel.count())
    )


def test_long_text_is_saved_while_typing_and_undone_as_one_step(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.anlatim")
    focus(window, edit)
    type_text(edit, "Yangın eğitimi ")
    assert stored(workbook_path, "itfaiye.anlatim") is None  # not after every key
    qtbot.wait(AUTOSAVE_MS // 2)
    type_text(edit, "düzenlendi.\n- Şubat: ığdır")
    last_key = time.monotonic()
    qtbot.waitUntil(lambda: stored(workbook_path, "itfaiye.anlatim") is not None, timeout=4000)
    waited = time.monotonic() - last_key
    assert 1.2 <= waited <= 3.0, waited  # after a pause in typing, ~1,5 s
    assert stored(workbook_path, "itfaiye.anlatim") == "Yangın eğitimi düzenlendi.\n- Şubat: ığdır"
    assert edit.hasFocus()  # without leaving the field
    type_text(edit, " ve Kağızman")
    qtbot.waitUntil(lambda: stored(workbook_path, "itfaiye.anlatim").endswith("Kağızman"), timeout=4000)
    assert edit.textCursor().position() == len(edit.toPlainText())  # the cursor did not jump
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # leaving saves nothing new and adds no step
    assert window.editor.stack.count() == 1
    focus(window, widget(window, "itfaiye.trafik_kazasi"))
    window.act_undo.trigger()
    assert stored(workbook_path, "itfaiye.anlatim") is None
    assert edit.toPlainText() == ""
    window.act_redo.trigger()
    assert stored(workbook_path, "itfaiye.anlatim").endswith("Kağızman")


def test_ctrl_z_in_the_field_undoes_saved_and_unsaved_typing_together(window, qtbot, workbook_path, monkeypatch):
    monkeypatch.setattr("desktop.ui.editors.fields.AUTOSAVE_MS", 200)
    window.editor.set_values({"itfaiye.anlatim": "Önceki metin."})
    win = reopen(window, qtbot, workbook_path)  # editors built with the short pause
    edit = widget(win, "itfaiye.anlatim")
    focus(win, edit)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(edit, " Yeni cümle")
    qtbot.waitUntil(lambda: stored(workbook_path, "itfaiye.anlatim").endswith("cümle"), timeout=3000)
    type_text(edit, " ve devamı")  # not saved yet
    assert edit.dirty()
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(workbook_path, "itfaiye.anlatim") == "Önceki metin."
    assert edit.toPlainText() == "Önceki metin."
    assert win.editor.stack.count() == 1 and win.editor.stack.index() == 0  # one step, undone
    win.redo()
    assert stored(workbook_path, "itfaiye.anlatim") == "Önceki metin. Yeni cümle ve devamı"
    win.close()


def test_a_new_visit_to_the_field_is_a_new_step(window, qtbot, workbook_path, monkeypatch):
    monkeypatch.setattr("desktop.ui.editors.fields.AUTOSAVE_MS", 150)
    win = reopen(window, qtbot, workbook_path)
    edit = widget(win, "pg_5_3_1.explanation")  # an indicator's explanation merges the same way
    focus(win, edit)
    type_text(edit, "Araç arızası")
    qtbot.waitUntil(lambda: (stored_indicator(workbook_path, "pg_5_3_1") or None) is not None, timeout=3000)
    type_text(edit, " nedeniyle")
    qtbot.waitUntil(lambda: stored_indicator(workbook_path, "pg_5_3_1").explanation.endswith("nedeniyle"), timeout=3000)
    assert win.editor.stack.count() == 1
    focus(win, widget(win, "pg_5_3_1.actual"))
    focus(win, edit)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(edit, " gecikti.")
    qtbot.waitUntil(lambda: stored_indicator(workbook_path, "pg_5_3_1").explanation.endswith("gecikti."), timeout=3000)
    assert win.editor.stack.count() == 2
    win.undo()
    assert stored_indicator(workbook_path, "pg_5_3_1").explanation == "Araç arızası nedeniyle"
    win.close()


def test_typing_back_to_the_start_leaves_no_step(window, qtbot, workbook_path, monkeypatch):
    monkeypatch.setattr("desktop.ui.editors.fields.AUTOSAVE_MS", 150)
    win = reopen(window, qtbot, workbook_path)
    edit = widget(win, "pg_5_3_1.source")  # a one-line text saves while typing too
    focus(win, edit)
    qtbot.keyClicks(edit, "Defter")
    qtbot.waitUntil(lambda: (stored_indicator(workbook_path, "pg_5_3_1") or None) is not None, timeout=3000)
    assert edit.cursorPosition() == len("Defter") and win.editor.stack.count() == 1
    for _ in "Defter":
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: stored_indicator(workbook_path, "pg_5_3_1").source == "", timeout=3000)
    assert win.editor.stack.count() == 0
    win.close()


def test_numbers_are_not_saved_while_typing(window, qtbot, workbook_path, monkeypatch):
    monkeypatch.setattr("desktop.ui.editors.fields.AUTOSAVE_MS", 100)
    win = reopen(window, qtbot, workbook_path)
    edit = widget(win, "itfaiye.trafik_kazasi")
    focus(win, edit)
    qtbot.keyClicks(edit, "12")
    qtbot.wait(400)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") is None  # a half-typed number is not a value
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 12
    win.close()


KILLED_WINDOW = r"""
import os, signal, sys
sys.path.insert(0, {tests!r})
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {settings!r})
import desktop.ui.editors.fields as fields
fields.AUTOSAVE_MS = 300
from desktop.ui.app import application
from desktop.ui.main_window import MainWindow
from ui_support import focus, type_text, widget
app = application()
win = MainWindow()
win.show()
assert win.open_file({path!r})
edit = widget(win, "itfaiye.trafik_kazasi")
focus(win, edit)
QTest.keyClicks(edit, "12a")
QTest.keyClick(edit, Qt.Key.Key_Return)
text = widget(win, "itfaiye.anlatim")
focus(win, text)
type_text(text, "Yangın eğitimi düzenlendi")
QTest.qWait(1200)  # a pause in typing, still in the field
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_window_loses_neither_unreadable_nor_long_text(tmp_path, workbook_path):
    tests = Path(__file__).resolve().parent
    code = KILLED_WINDOW.format(tests=str(tests), settings=str(tmp_path / "settings"), path=str(workbook_path))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=tests.parent, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr[-2000:]
    assert pending(workbook_path) == {"itfaiye.trafik_kazasi": "12a"}
    assert stored(workbook_path, "itfaiye.anlatim") == "Yangın eğitimi düzenlendi"

"""Undo/redo through the QUndoStack: each step writes the file; the title shows file and state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_support import cell_editor, focus, make_window, stored, type_in_table, widget

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def test_typing_in_one_field_is_one_undo_step(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    qtbot.keyClicks(edit, "123")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    other = widget(window, "itfaiye.kurtarilan_kisi")
    qtbot.keyClicks(other, "7")
    qtbot.keyClick(other, Qt.Key.Key_Return)
    assert window.editor.stack.count() == 2
    window.act_undo.trigger()
    assert stored(workbook_path, "itfaiye.kurtarilan_kisi") is None
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 123
    assert other.text() == ""
    window.act_undo.trigger()
    assert stored(workbook_path, "itfaiye.trafik_kazasi") is None
    assert edit.text() == ""
    window.act_redo.trigger()
    window.act_redo.trigger()
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 123
    assert stored(workbook_path, "itfaiye.kurtarilan_kisi") == 7
    assert other.text() == "7"


def test_ctrl_z_and_ctrl_y_shortcuts(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    qtbot.keyClicks(edit, "5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # focus moves to the next (clean) field
    nxt = widget(window, "itfaiye.kurtarilan_kisi")
    assert nxt.hasFocus()
    qtbot.keyClick(nxt, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") is None
    qtbot.keyClick(nxt, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 5
    qtbot.keyClick(nxt, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 5  # nothing more to redo
    qtbot.keyClick(nxt, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(nxt, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 5


def test_ctrl_z_while_typing_reverts_only_the_field(window, qtbot, workbook_path):
    window.editor.set_values({"itfaiye.trafik_kazasi": 4})
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    edit.selectAll()
    qtbot.keyClicks(edit, "99")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "4"
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 4
    assert window.editor.stack.count() == 1


def test_undo_of_a_table_cell(window, qtbot, workbook_path):
    table = widget(window, "itfaiye.akaryakit")
    window.view.go_to("itfaiye.akaryakit.ocak.litre")
    type_in_table(table, "1485")
    qtbot.keyClick(cell_editor(table), Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.akaryakit.ocak.litre") == 1485
    m = table.model()
    assert m.data(m.index(m.rowCount() - 1, 0)) == "1.485,00"  # the total, as printed: the column's 2 places (decimal)
    window.undo()
    assert stored(workbook_path, "itfaiye.akaryakit.ocak.litre") is None
    assert m.data(m.index(m.rowCount() - 1, 0)) == ""


def test_title_shows_file_department_year_and_state(window, workbook_path):
    title = window.windowTitle()
    assert workbook_path.name in title and "İtfaiye Müdürlüğü" in title and "2020" in title and "Taslak" in title
    assert "kaydedildi" in window.saved.text()
    assert not hasattr(window, "act_save")
    assert all("Kaydet" != a.text() for a in window.actions())


def test_closing_never_asks_and_keeps_what_was_typed(qtbot, workbook_path):
    win = make_window(qtbot, workbook_path)
    edit = widget(win, "itfaiye.trafik_kazasi")
    focus(win, edit)
    qtbot.keyClicks(edit, "42")  # no Enter, no Tab: the window is closed while typing
    assert win.close()
    assert win.prompts.asked == []
    assert stored(workbook_path, "itfaiye.trafik_kazasi") == 42


def test_closing_while_a_table_cell_is_being_typed_keeps_it(qtbot, workbook_path):
    win = make_window(qtbot, workbook_path)
    table = widget(win, "itfaiye.makbuz")
    win.view.go_to("itfaiye.makbuz.mart.arac")
    type_in_table(table, "39")
    cell_editor(table).setFocus()
    assert win.close()
    assert stored(workbook_path, "itfaiye.makbuz.mart.arac") == 39


def test_undo_shows_the_field_it_changed_on_another_page(window, qtbot, workbook_path):
    from PySide6.QtWidgets import QApplication

    window.view.go_to("itfaiye.trafik_kazasi")
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    qtbot.keyClicks(edit, "8")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    window.view.navigator.select("gostergeler")
    window.act_undo.trigger()
    assert window.view.current_page() == "genel"
    assert QApplication.focusWidget() is edit
    assert stored(workbook_path, "itfaiye.trafik_kazasi") is None

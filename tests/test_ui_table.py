"""Table editors: typing into cells writes the file, totals update as you type, paste from Excel."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import cell_editor, stored, type_in_table, widget

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def _table(win, key="itfaiye.makbuz"):
    table = widget(win, key)
    win.view.go_to(key + ".ocak.arac")
    QApplication.processEvents()
    return table, table.model()


def test_typing_into_a_cell_and_enter_writes_the_file_and_moves_down(window, qtbot, workbook_path):
    table, m = _table(window)
    table.setCurrentIndex(m.index(0, 0))
    type_in_table(table, "78")  # typing starts editing
    editor = cell_editor(table)
    assert editor.objectName() == "itfaiye.makbuz.ocak.arac"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.makbuz.ocak.arac") == 78
    assert table.currentIndex().row() == 1  # Enter moved down
    type_in_table(table, "12.115,5")
    qtbot.keyClick(cell_editor(table), Qt.Key.Key_Tab)
    assert stored(workbook_path, "itfaiye.makbuz.subat.arac") is None  # 12.115,5 is not a count
    assert "tam sayı" in window.statusBar().currentMessage() or "Adet" in window.statusBar().currentMessage()


def test_total_row_updates_while_typing_before_the_cell_is_stored(window, qtbot, workbook_path):
    window.editor.set_values({"itfaiye.makbuz.ocak.tutar": Decimal("100.00")})
    table, m = _table(window)
    total = m.index(m.rowCount() - 1, 1)
    assert m.data(total) == "100,00"
    table.setCurrentIndex(m.index(1, 1))
    type_in_table(table, "1.000,5")
    assert m.data(total) == "1.100,50"  # preview: not stored yet
    assert stored(workbook_path, "itfaiye.makbuz.subat.tutar") is None
    qtbot.keyClick(cell_editor(table), Qt.Key.Key_Return)
    assert stored(workbook_path, "itfaiye.makbuz.subat.tutar") == Decimal("1000.50")
    assert m.data(total) == "1.100,50"
    assert m.flags(total) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags


def test_arrows_move_between_cells(window, qtbot):
    table, m = _table(window)
    table.setCurrentIndex(m.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, 1)


def test_paste_turkish_block_from_excel(window, qtbot, workbook_path):
    table, m = _table(window)
    table.setCurrentIndex(m.index(0, 0))
    QApplication.clipboard().setText("78\t12.115,00\r\n68\t11.920,50\r\n")
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert stored(workbook_path, "itfaiye.makbuz.ocak.tutar") == Decimal("12115.00")
    assert stored(workbook_path, "itfaiye.makbuz.subat.tutar") == Decimal("11920.50")
    assert stored(workbook_path, "itfaiye.makbuz.subat.arac") == 68
    assert m.data(m.index(m.rowCount() - 1, 1)) == "24.035,50"
    # the whole paste is one undo step
    window.undo()
    assert stored(workbook_path, "itfaiye.makbuz.ocak.tutar") is None
    assert stored(workbook_path, "itfaiye.makbuz.subat.arac") is None


def test_paste_english_block_is_recognised(window, workbook_path):
    table, m = _table(window)
    table.setCurrentIndex(m.index(0, 1))
    assert table.paste_text("12,115.00\n11,920.5\n")
    assert stored(workbook_path, "itfaiye.makbuz.ocak.tutar") == Decimal("12115.00")
    assert stored(workbook_path, "itfaiye.makbuz.subat.tutar") == Decimal("11920.50")


def test_paste_with_an_unreadable_cell_changes_nothing(window, workbook_path):
    table, m = _table(window)
    table.setCurrentIndex(m.index(0, 0))
    assert not table.paste_text("78\t12.115,00\nabc\t1.000,00\n")
    assert stored(workbook_path, "itfaiye.makbuz.ocak.arac") is None
    title, text, kind = window.prompts.messages[-1]
    assert "abc" in text and "Yapıştırılmadı" in text


def test_paste_into_the_total_row_is_not_stored(window, workbook_path):
    table, m = _table(window)
    table.setCurrentIndex(m.index(m.rowCount() - 2, 0))  # Aralık
    assert table.paste_text("5\t10,00\n999\t999,00\n")  # second line falls on the total row
    assert stored(workbook_path, "itfaiye.makbuz.aralik.arac") == 5
    assert m.data(m.index(m.rowCount() - 1, 0)) == "5"


def test_delete_clears_selected_cells(window, qtbot, workbook_path):
    window.editor.set_values({"itfaiye.makbuz.ocak.arac": 3, "itfaiye.makbuz.subat.arac": 4})
    table, m = _table(window)
    table.setCurrentIndex(m.index(0, 0))
    table.selectionModel().select(m.index(1, 0), table.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert stored(workbook_path, "itfaiye.makbuz.ocak.arac") is None
    assert stored(workbook_path, "itfaiye.makbuz.subat.arac") is None


def test_the_corner_above_the_row_labels_shows_their_title(window, qtbot):
    """The report and the Excel template head the row labels ("Aylar"); the window's table left that
    corner empty. It now shows the definition's row header, whole or cut with its tooltip."""
    from PySide6.QtWidgets import QAbstractButton

    from desktop.ui.editors.table_corner import CornerTitle

    table, _m = _table(window)
    corner = table.findChild(QAbstractButton)
    title = table.findChild(CornerTitle)
    assert corner is not None and title is not None and title.text == "Aylar"
    qtbot.waitExposed(table)
    drawn = corner.grab().toImage()
    corner.removeEventFilter(title)
    empty = corner.grab().toImage()
    corner.installEventFilter(title)
    assert drawn != empty  # the title is drawn where Qt leaves the section empty
    title.text = "Aylara göre makbuz gelirlerinin dökümü"  # longer than the row labels are wide
    corner.grab()
    assert corner.toolTip() == title.text

"""The line under a field: what the typed text is read as before it is saved, and why it cannot be read."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from ui_support import focus, make_window, stored, stored_indicator, widget

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def note(win, key: str) -> QLabel:
    label = win.findChild(QLabel, f"{key}.note")
    assert label is not None, f"no note under {key}"
    return label


def test_money_typed_with_turkish_thousands_shows_what_it_reads_before_saving(window, qtbot, workbook_path):
    edit = widget(window, "f_5_3_1.actual_cost")
    focus(window, edit)
    qtbot.keyClicks(edit, "150.000")
    line = note(window, "f_5_3_1.actual_cost")
    assert line.isVisible() and line.text() == "= 150.000,00 TL" and line.property("kind") == "reading"
    assert stored_indicator(workbook_path, "pg_5_3_1") is None  # nothing saved yet
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    with_file = make_window(qtbot, workbook_path)
    assert with_file.editor.doc.activity("f_5_3_1").actual_cost == D("150000.00")
    with_file.close()
    assert edit.text() == "150.000,00"
    assert not line.isVisible() and line.property("kind") == ""  # saved: nothing left to say


@pytest.mark.parametrize(
    "key,typed,read",
    [
        ("pg_5_3_1.actual", "12.5", "= 12,5"),  # an English point where it cannot be Turkish
        ("pg_5_3_1.actual", "1.234.567,5", "= 1.234.567,5"),
        ("pg_5_3_1.actual", "1 234", "= 1.234"),
        ("itfaiye.trafik_kazasi", "1.234", "= 1.234"),
        ("itfaiye.tatbikat_tarihi", "1.2.2020", "= 01.02.2020"),
    ],
)
def test_the_reading_follows_the_typing(window, qtbot, key, typed, read):
    edit = widget(window, key)
    focus(window, edit)
    qtbot.keyClicks(edit, typed)
    assert note(window, key).text() == read


def test_half_typed_text_is_not_called_wrong_while_typing(window, qtbot):
    edit = widget(window, "pg_5_3_1.actual")
    focus(window, edit)
    qtbot.keyClicks(edit, "12,")
    line = note(window, "pg_5_3_1.actual")
    assert not line.isVisible() and not edit.property("inputError")


def test_the_reason_of_an_unreadable_entry_is_written_under_the_field(window, qtbot, workbook_path):
    edit = widget(window, "pg_5_3_1.actual")
    focus(window, edit)
    qtbot.keyClicks(edit, "0.234")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    line = note(window, "pg_5_3_1.actual")
    assert edit.property("inputError") is True
    assert line.isVisible() and line.property("kind") == "problem"
    assert "'0.234'" in line.text() and "0,234" in line.text()  # what was typed, and what to type
    assert not line.text().startswith("PG.5.3.1")  # the reason, not the field's name again
    assert stored_indicator(workbook_path, "pg_5_3_1") is None
    # typing a readable text shows its reading; saving it clears the red line
    edit.selectAll()
    qtbot.keyClicks(edit, "0,234")
    assert line.text() == "= 0,234" and line.property("kind") == "reading"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert not line.isVisible() and not edit.property("inputError")


def test_the_reason_is_under_the_field_again_when_the_file_is_opened(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.trafik_kazasi")
    focus(window, edit)
    qtbot.keyClicks(edit, "12a")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    window.close()
    win = make_window(qtbot, workbook_path)
    line = note(win, "itfaiye.trafik_kazasi")
    win.view.go_to("itfaiye.trafik_kazasi")
    assert line.isVisible() and "'12a' bir sayı değil" in line.text()
    assert stored(workbook_path, "itfaiye.trafik_kazasi") is None
    # clearing the field clears the reason
    edit = widget(win, "itfaiye.trafik_kazasi")
    focus(win, edit)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert not line.isVisible()
    win.close()


def test_a_count_field_refuses_a_fraction_with_the_reason_under_it(window, qtbot, workbook_path):
    edit = widget(window, "itfaiye.kurtarilan_kisi")
    focus(window, edit)
    qtbot.keyClicks(edit, "12.5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    line = note(window, "itfaiye.kurtarilan_kisi")
    assert "tam sayı" in line.text() and line.property("kind") == "problem"
    assert stored(workbook_path, "itfaiye.kurtarilan_kisi") is None


def test_a_decimal_is_shown_grouped_after_saving_and_reads_back_the_same(window, qtbot, workbook_path):
    edit = widget(window, "pg_5_3_1.actual")  # "Dk": decimals
    focus(window, edit)
    qtbot.keyClicks(edit, "1234")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "1.234"  # grouped like every number (it was "1234")
    assert stored_indicator(workbook_path, "pg_5_3_1").actual == D(1234)
    focus(window, edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # the shown text saved again: the same number
    assert stored_indicator(workbook_path, "pg_5_3_1").actual == D(1234)

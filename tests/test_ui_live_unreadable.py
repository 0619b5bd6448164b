"""Live totals and rates never keep the last readable part of text that became unreadable."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from ui_support import cell_editor, focus, type_in_table, widget

from desktop.core.tables import compute_unreadable

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def test_a_total_shows_nothing_while_a_cell_it_sums_cannot_be_read(window, qtbot):
    window.editor.set_values({"itfaiye.makbuz.ocak.tutar": Decimal("100.00"), "itfaiye.makbuz.ocak.arac": 3})
    table = widget(window, "itfaiye.makbuz")
    window.view.go_to("itfaiye.makbuz.subat.tutar")
    QApplication.processEvents()
    m = table.model()
    money_total, count_total = m.index(m.rowCount() - 1, 1), m.index(m.rowCount() - 1, 0)
    table.setCurrentIndex(m.index(1, 1))
    type_in_table(table, "12")
    assert m.data(money_total) == "112,00"
    qtbot.keyClicks(cell_editor(table), "a")  # "12a": not a number any more
    assert cell_editor(table).text() == "12a"
    assert m.data(money_total) == ""  # unknown, not "112,00"
    assert m.data(count_total) == "3"  # a total that does not depend on the cell keeps its value
    qtbot.keyClick(cell_editor(table), Qt.Key.Key_Backspace)  # "12" again
    assert m.data(money_total) == "112,00"


def test_compute_unreadable_blanks_only_what_depends_on_the_cell(definition):
    table = definition.item("itfaiye", "makbuz")
    entered = {"itfaiye.makbuz.ocak.tutar": Decimal("100.00"), "itfaiye.makbuz.ocak.arac": 3}
    out = compute_unreadable("itfaiye", table, entered, "itfaiye.makbuz.subat.tutar")
    assert out == {"itfaiye.makbuz.toplam.arac": 3, "itfaiye.makbuz.toplam.tutar": None}


def test_the_live_rate_shows_no_rate_for_unreadable_text_and_warns_on_an_implausible_one(window, qtbot):
    edit = widget(window, "pg_5_3_2.actual")  # "Adet", target 10
    rate = window.findChild(QLabel, "pg_5_3_2.rate")
    focus(window, edit)
    qtbot.keyClicks(edit, "5")
    assert "%50" in rate.text() and "Olağan dışı" not in rate.text()
    qtbot.keyClicks(edit, "a")
    assert "okunamadı" in rate.text() and "%50" not in rate.text()
    edit.selectAll()
    qtbot.keyClicks(edit, "1.234")  # 1234 things against a target of 10
    assert "12.340,0" in rate.text() and "Olağan dışı" in rate.text()


def test_a_count_indicator_refuses_a_fraction_in_the_window(window, qtbot):
    edit = widget(window, "pg_5_3_2.actual")  # "Adet"
    focus(window, edit)
    qtbot.keyClicks(edit, "1.234,5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    note = window.findChild(QLabel, "pg_5_3_2.actual.note")
    assert edit.property("inputError") is True and "tam sayı" in note.text()
    assert window.doc.indicator("pg_5_3_2").actual is None


def test_no_explanation_is_demanded_by_the_rate_of_a_half_typed_number(window, qtbot):
    edit = widget(window, "pg_5_3_2.actual")  # "Adet", target 10
    need = window.findChild(QLabel, "pg_5_3_2.need")
    focus(window, edit)
    qtbot.keyClicks(edit, "1.234")
    assert "Açıklama zorunlu" in need.text()  # %12.340: far from the target
    qtbot.keyClicks(edit, ",5")  # a count cannot be read with decimals
    assert need.text() == "" and "okunamadı" in window.findChild(QLabel, "pg_5_3_2.rate").text()


def test_under_a_table_the_cell_being_typed_says_what_it_reads_and_why_it_cannot(window, qtbot):
    table = widget(window, "itfaiye.makbuz")
    window.view.go_to("itfaiye.makbuz.subat.tutar")
    QApplication.processEvents()
    m = table.model()
    note = window.findChild(QLabel, "itfaiye.makbuz.note")
    table.setCurrentIndex(m.index(1, 1))
    type_in_table(table, "150.000")
    assert note.isVisible() and note.text() == "Şubat / Miktarı (TL): = 150.000,00 TL"
    qtbot.keyClicks(cell_editor(table), "a")
    assert note.property("kind") == "problem" and "'150.000a'" in note.text()
    qtbot.keyClick(cell_editor(table), Qt.Key.Key_Return)  # refused: kept in the file, the reason stays
    assert note.property("kind") == "problem" and note.text().startswith("Şubat / Miktarı (TL): '150.000a'")
    qtbot.keyClick(cell_editor(table), Qt.Key.Key_Escape)
    table.setCurrentIndex(m.index(0, 1))  # another cell: nothing to say
    assert not note.isVisible()
    table.setCurrentIndex(m.index(1, 1))  # back on the kept text: its reason again
    assert note.property("kind") == "problem" and "'150.000a'" in note.text()

"""Live validation: marks on the fields, the findings panel, click to go; the indicators page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import focus, stored_indicator, type_text, widget

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]


def _panel_texts(win):
    lst = win.view.findings.list
    return [lst.item(i).text() for i in range(lst.count())]


def test_required_field_is_marked_and_listed(window):
    edit = widget(window, "itfaiye.anlatim")
    assert edit.property("finding") == "warning"  # empty and required: to fill (amber), not a mistake (red)
    assert any("zorunlu" in t for t in _panel_texts(window))
    assert "zorunlu" in edit.toolTip()
    # a required field still empty is what to fill, not a mistake: no red mark, named in the navigator
    assert window.view.navigator.mark_of("genel") == "empty"
    assert "1 zorunlu boş" in window.view.navigator.item(0).text()


def test_filling_the_field_clears_mark_and_panel_line(window, qtbot):
    edit = widget(window, "itfaiye.anlatim")
    focus(window, edit)
    type_text(edit, "Çalışmalar sürdü.")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.property("finding") == ""
    assert not any("zorunlu" in t for t in _panel_texts(window))


def test_click_in_the_panel_goes_to_the_field(window, qtbot):
    window.view.navigator.select("gelirler")
    lst = window.view.findings.list
    row = next(i for i in range(lst.count()) if "zorunlu" in lst.item(i).text())
    lst.itemClicked.emit(lst.item(row))
    QApplication.processEvents()
    assert window.view.current_page() == "genel"
    assert QApplication.focusWidget() is widget(window, "itfaiye.anlatim")


def test_rule_finding_marks_the_table_cell(window):
    # rule: makbuz total <= vehicles * 1000 (warning)
    window.editor.set_values({"itfaiye.makbuz.ocak.arac": 1, "itfaiye.makbuz.ocak.tutar": Decimal("5000")})
    table = widget(window, "itfaiye.makbuz")
    m = table.model()
    places = {f.place for f in window.doc.findings}
    cell = next(p for p in places if p.startswith("itfaiye.makbuz."))
    r = next(r for r in range(m.rowCount()) for c in range(m.columnCount()) if m.key(r, c) == cell)
    c = next(c for c in range(m.columnCount()) if m.key(r, c) == cell)
    assert m.data(m.index(r, c), Qt.ItemDataRole.BackgroundRole) is not None
    assert "1.000 TL" in m.data(m.index(r, c), Qt.ItemDataRole.ToolTipRole)
    assert window.view.go_to(cell)
    assert m.is_total(r)  # a grey total: the clerk is taken to the first cell of its column to fix it
    assert table.currentIndex() == m.index(0, c)


def test_indicator_rate_is_computed_as_you_type_and_explanation_required(window, qtbot, workbook_path):
    window.view.navigator.select("gostergeler")
    actual = widget(window, "pg_5_3_2.actual")  # increase, target 10
    expl = widget(window, "pg_5_3_2.explanation")
    rate = widget(window, "pg_5_3_2.rate")
    focus(window, actual)
    qtbot.keyClicks(actual, "6")
    assert "%60" in rate.text()  # before anything is stored
    assert stored_indicator(workbook_path, "pg_5_3_2") is None
    assert expl.property("finding") == "error"  # highlighted while typing
    assert "zorunlu" in widget(window, "pg_5_3_2.need").text()
    qtbot.keyClick(actual, Qt.Key.Key_Return)
    assert stored_indicator(workbook_path, "pg_5_3_2").actual == Decimal(6)
    assert any(f.place == "pg_5_3_2.explanation" and f.is_error for f in window.doc.findings)
    focus(window, expl)
    type_text(expl, "Salgın nedeniyle eğitimler ertelendi.")
    assert expl.property("finding") == ""  # satisfied as soon as something is written
    qtbot.keyClick(expl, Qt.Key.Key_Tab)
    e = stored_indicator(workbook_path, "pg_5_3_2")
    assert e.explanation == "Salgın nedeniyle eğitimler ertelendi."
    assert not any(f.place == "pg_5_3_2.explanation" for f in window.doc.findings)


def test_decreasing_indicator_and_source(window, qtbot, workbook_path):
    window.view.navigator.select("gostergeler")
    actual = widget(window, "pg_5_3_1.actual")  # decrease: baseline 12, target 8
    focus(window, actual)
    qtbot.keyClicks(actual, "8")
    assert "%100" in widget(window, "pg_5_3_1.rate").text()
    assert widget(window, "pg_5_3_1.explanation").property("finding") == ""
    qtbot.keyClick(actual, Qt.Key.Key_Return)
    source = widget(window, "pg_5_3_1.source")
    assert source.hasFocus()
    type_text(source, "Olay kayıt defteri")
    qtbot.keyClick(source, Qt.Key.Key_Return)
    e = stored_indicator(workbook_path, "pg_5_3_1")
    assert (e.actual, e.source) == (Decimal(8), "Olay kayıt defteri")


def test_activity_actual_cost(window, qtbot, workbook_path):
    from desktop.store.file.workbook import Workbook

    window.view.navigator.select("gostergeler")
    cost = widget(window, "f_5_3_1.actual_cost")  # planned 150.000 TL
    focus(window, cost)
    qtbot.keyClicks(cost, "75.000,50")
    assert "%50" in widget(window, "f_5_3_1.rate").text()
    qtbot.keyClick(cost, Qt.Key.Key_Return)
    with Workbook.open(workbook_path, readonly=True) as wb:
        assert wb.entries().activities["f_5_3_1"].actual_cost == Decimal("75000.50")


def test_panel_rows_are_coloured_by_severity(window):
    from desktop.ui.findings_panel import COLORS

    window.editor.set_values({"itfaiye.makbuz.ocak.arac": 1, "itfaiye.makbuz.ocak.tutar": Decimal("5000")})  # a warning
    lst = window.view.findings.list
    window.editor.record_unparsed("itfaiye.trafik_kazasi", "12a")  # an error
    rows = [lst.item(i) for i in range(lst.count())]
    errors = [r for r in rows if r.text().startswith("Hata")]
    missing = [r for r in rows if r.text().startswith("Eksik")]  # the required field still empty
    warnings = [r for r in rows if r.text().startswith("Uyarı")]
    assert errors and missing and warnings
    assert {r.foreground().color().name() for r in errors} == {COLORS["error"]}
    assert {r.foreground().color().name() for r in missing} == {COLORS["missing"]}
    assert {r.foreground().color().name() for r in warnings} == {COLORS["warning"]}

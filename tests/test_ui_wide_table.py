"""A wide table in the clerk's window: the sample's fire table (25 columns) at 1366×768.

Every column is reached by keys and by the scroll bar with the row labels in
place, headers wrap and are never cut, the page is as wide as the window, a
finding opens a cell the clerk can type into, and Tab goes through the editable
cells only and out of the table (issue 16, items 1 and 9).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QTableView
from ui_support import cell_editor, stored, type_in_table, widget

pytestmark = pytest.mark.usefixtures("private_settings")

FIRE = "itfaiye.yangin"


@pytest.fixture
def fire(window):
    """The fire table on its page, the window at 1366×768."""
    window.resize(1366, 768)
    window.view.show_page("yangin")
    table = widget(window, FIRE)
    window.activateWindow()
    QApplication.processEvents()
    return table


def _visible(table, index) -> bool:
    """Is the whole cell inside the table's viewport (not under the row labels, not off the right)?"""
    return table.viewport().rect().contains(table.visualRect(index))


def _col(table, key: str) -> int:
    return next(c for c, col in enumerate(table.model().columns) if col.key == key)


def _row(table, key: str) -> int:
    return next(r for r, (k, _label) in enumerate(table.model().rows) if k == key)


def test_the_fire_table_is_wider_than_the_page_and_scrolls_inside_with_row_labels_in_place(window, fire):
    m = fire.model()
    assert m.columnCount() == 25
    bar = fire.horizontalScrollBar()
    assert bar.maximum() > 0 and bar.isVisible()  # the columns do not fit 1366 px: a scroll bar
    assert fire.height() >= fire.horizontalHeader().height() + fire.verticalHeader().length() + bar.height()  # no row hidden
    labels = fire.verticalHeader()
    x = labels.mapTo(window, labels.rect().topLeft()).x()
    bar.setValue(bar.maximum())  # the mouse: the scroll bar to the far right
    QApplication.processEvents()
    last = m.index(0, m.columnCount() - 1)
    assert _visible(fire, last)
    assert not _visible(fire, m.index(0, 0))
    assert labels.isVisible() and labels.mapTo(window, labels.rect().topLeft()).x() == x  # row labels frozen
    assert labels.width() >= max(labels.longest_word(r) for r in range(m.rowCount()))


def test_every_column_is_reached_with_the_arrow_keys_and_scrolled_into_view(fire, qtbot):
    m = fire.model()
    fire.setFocus()
    fire.setCurrentIndex(m.index(2, 0))
    seen = []
    for _ in range(m.columnCount() - 1):
        qtbot.keyClick(fire, Qt.Key.Key_Right)
        here = fire.currentIndex()
        assert _visible(fire, here), here.column()
        seen.append(here.column())
    assert seen == list(range(1, m.columnCount()))
    assert fire.horizontalScrollBar().value() > 0
    qtbot.keyClick(fire, Qt.Key.Key_Home)  # back to the first column: scrolled back
    assert fire.currentIndex().column() == 0 and _visible(fire, fire.currentIndex())


def test_headers_wrap_and_are_never_cut(fire):
    m = fire.model()
    cols, rows = fire.horizontalHeader(), fire.verticalHeader()
    assert cols.defaultAlignment() & Qt.TextFlag.TextWordWrap
    assert cols.textElideMode() == Qt.TextElideMode.ElideNone
    one_line = cols.fontMetrics().height()
    wrapped = 0
    for c in range(m.columnCount()):
        assert not cols.elided(c), cols.text(c)
        assert cols.longest_word(c) <= cols.sectionSize(c)  # no word broken or cut
        assert cols.wrapped_height(c, cols.sectionSize(c)) <= cols.height()  # every line shown
        wrapped += cols.wrapped_height(c, cols.sectionSize(c)) > one_line * 2
    assert wrapped >= 3  # long labels ("Başlangıçta Söndürülen") take more lines instead of being cut
    for r in range(m.rowCount()):
        assert not rows.elided(r), rows.text(r)
        assert rows.wrapped_height(r, rows.width()) <= rows.sectionSize(r)


def test_a_column_header_tells_its_group(fire):
    m = fire.model()
    tips = [m.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) for c in range(m.columnCount())]
    others = [t for t in tips if t.endswith("/ Diğer")]
    assert len(others) == 2 and len(set(others)) == 2  # the two "Diğer" columns told apart


def test_the_page_of_a_table_is_as_wide_as_the_window_text_fields_stay_readable(window):
    from desktop.ui.editors.section import READABLE_WIDTH

    window.resize(2200, 900)
    window.view.show_page("yangin")
    QApplication.processEvents()
    page = window.view.scrolls["yangin"].widget()
    table = widget(window, FIRE)
    assert page.width() > READABLE_WIDTH + 100
    assert table.width() > READABLE_WIDTH  # more of the columns shown on a wide screen
    field = widget(window, "itfaiye.yangin_zarar_kontrol")
    assert field.parentWidget().width() <= READABLE_WIDTH
    window.view.show_page("genel")  # a page of text fields only keeps its readable width
    QApplication.processEvents()
    assert window.view.scrolls["genel"].widget().width() <= READABLE_WIDTH
    assert widget(window, "itfaiye.anlatim").width() <= READABLE_WIDTH


def test_the_current_cells_row_and_column_headers_are_highlighted(fire, qtbot):
    m = fire.model()
    fire.setFocus()
    fire.setCurrentIndex(m.index(3, 7))
    assert (fire.verticalHeader().current, fire.horizontalHeader().current) == (3, 7)
    qtbot.keyClick(fire, Qt.Key.Key_Down)
    qtbot.keyClick(fire, Qt.Key.Key_Right)
    assert (fire.verticalHeader().current, fire.horizontalHeader().current) == (4, 8)
    # painted: the highlighted section differs from its neighbour (the colour is really drawn)
    image = fire.horizontalHeader().grab().toImage()
    h = fire.horizontalHeader()
    y = h.height() // 2

    def color_at(section):
        x = h.sectionViewportPosition(section) + 3
        return image.pixelColor(x * image.width() // h.width(), y * image.height() // h.height()).name()

    assert color_at(8) != color_at(9)


def test_going_to_a_cell_beyond_the_page_scrolls_it_into_view_and_focuses_it(window, fire):
    m = fire.model()
    place = f"{FIRE}.orman.neden_diger"
    assert window.view.go_to(place)
    here = fire.currentIndex()
    assert m.key(here.row(), here.column()) == place
    assert _visible(fire, here) and fire.horizontalScrollBar().value() > 0
    assert QApplication.focusWidget() is fire


def test_a_finding_on_a_grey_total_opens_a_cell_to_type_into(window, fire):
    m = fire.model()
    # a computed column of a row: the first column its formula reads, in the same row
    assert window.view.go_to(f"{FIRE}.motorlu_arac.neden_toplam")
    here = fire.currentIndex()
    assert here.row() == _row(fire, "motorlu_arac")
    assert m.columns[here.column()].key == "elektrik"  # neden_toplam = elektrik + lpg + …
    assert m.flags(here) & Qt.ItemFlag.ItemIsEditable and _visible(fire, here)
    # the total row: the first cell of its column
    assert window.view.go_to(f"{FIRE}.toplam.maddi_zarar")
    assert (fire.currentIndex().row(), fire.currentIndex().column()) == (0, _col(fire, "maddi_zarar"))
    # the total of a computed column: the first row, at the first column the formula reads
    assert window.view.go_to(f"{FIRE}.toplam.malzeme_toplam")
    assert (fire.currentIndex().row(), fire.currentIndex().column()) == (0, _col(fire, "ahsap"))


def test_a_click_on_a_findings_row_lands_on_an_editable_cell_in_view(window, fire):
    row = {f"{FIRE}.cop_aniz.{c.key}": 0 for c in fire.model().columns if not c.computed}
    row.update({f"{FIRE}.cop_aniz.ahsap": 1, f"{FIRE}.cop_aniz.baslangicta": 1, f"{FIRE}.cop_aniz.sigara": 2})
    window.editor.set_values(row)  # the causes (2) do not add up to the materials (1)
    lst = window.view.findings.list
    row = next(i for i in range(lst.count()) if lst.item(i).data(Qt.ItemDataRole.UserRole).startswith(f"{FIRE}.cop_aniz."))
    place = lst.item(row).data(Qt.ItemDataRole.UserRole)
    assert fire.model().is_computed(_row(fire, "cop_aniz"), _col(fire, place.rsplit(".", 1)[1]))  # on a grey total
    lst.itemClicked.emit(lst.item(row))
    QApplication.processEvents()
    here = fire.currentIndex()
    assert here.row() == _row(fire, "cop_aniz")
    assert fire.model().flags(here) & Qt.ItemFlag.ItemIsEditable
    assert _visible(fire, here) and QApplication.focusWidget() is fire


# --- Tab ---------------------------------------------------------------------------


def _editable(table):
    return table.editable_cells()


def test_tab_skips_computed_cells_and_moves_to_the_next_row(fire, qtbot):
    m = fire.model()
    fire.setFocus()
    fire.setCurrentIndex(m.index(0, _col(fire, "malzeme_diger")))
    qtbot.keyClick(fire, Qt.Key.Key_Tab)  # over "Toplam = hesaplanır"
    assert fire.currentIndex().column() == _col(fire, "baslangicta")
    fire.setCurrentIndex(m.index(0, _col(fire, "neden_diger")))
    qtbot.keyClick(fire, Qt.Key.Key_Tab)  # the row's last editable cell: the next row's first
    assert (fire.currentIndex().row(), fire.currentIndex().column()) == (1, 0)
    qtbot.keyClick(fire, Qt.Key.Key_Backtab)
    assert (fire.currentIndex().row(), fire.currentIndex().column()) == (0, _col(fire, "neden_diger"))
    visited = set()
    fire.setCurrentIndex(m.index(0, 0))
    for _ in range(len(_editable(fire)) - 1):
        qtbot.keyClick(fire, Qt.Key.Key_Tab)
        here = fire.currentIndex()
        assert m.flags(here) & Qt.ItemFlag.ItemIsEditable and _visible(fire, here)
        visited.add((here.row(), here.column()))
    assert len(visited) == len(_editable(fire)) - 1 and QApplication.focusWidget() is fire


def test_tab_leaves_the_table_after_its_last_editable_cell_and_shift_tab_comes_back(window, fire, qtbot):
    m = fire.model()
    last_r, last_c = _editable(fire)[-1]
    assert m.is_total(last_r + 1)  # the total row below is never a stop
    fire.setFocus()
    fire.setCurrentIndex(m.index(last_r, last_c))
    qtbot.keyClick(fire, Qt.Key.Key_Tab)
    after = widget(window, "itfaiye.yangin_zarar_kontrol")
    assert QApplication.focusWidget() is after  # out of the table, to the next field
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is fire
    assert (fire.currentIndex().row(), fire.currentIndex().column()) == (last_r, last_c)
    fire.setCurrentIndex(m.index(0, 0))
    qtbot.keyClick(fire, Qt.Key.Key_Backtab)  # before the first cell: out of the table, backwards
    assert QApplication.focusWidget() is not fire and not isinstance(QApplication.focusWidget().parentWidget(), QTableView)


def test_tab_from_a_cell_being_typed_stores_it_and_moves_on_or_out(window, fire, qtbot, workbook_path):
    m = fire.model()
    fire.setFocus()
    fire.setCurrentIndex(m.index(0, _col(fire, "malzeme_diger")))
    type_in_table(fire, "5")
    qtbot.keyClick(cell_editor(fire), Qt.Key.Key_Tab)
    assert stored(workbook_path, f"{FIRE}.bina_kamu.malzeme_diger") == 5
    assert fire.currentIndex().column() == _col(fire, "baslangicta")  # the computed total skipped
    last_r, last_c = _editable(fire)[-1]
    fire.setCurrentIndex(m.index(last_r, last_c))
    type_in_table(fire, "7")
    qtbot.keyClick(cell_editor(fire), Qt.Key.Key_Tab)
    assert stored(workbook_path, m.key(last_r, last_c)) == 7
    assert QApplication.focusWidget() is widget(window, "itfaiye.yangin_zarar_kontrol")


def test_tab_into_a_table_starts_at_its_first_editable_cell(window, fire, qtbot):
    m = fire.model()
    fire.setCurrentIndex(m.index(m.rowCount() - 1, 3))  # left on the total row
    after = widget(window, "itfaiye.yangin_zarar_kontrol")
    after.setFocus()
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is fire
    assert (fire.currentIndex().row(), fire.currentIndex().column()) == _editable(fire)[-1]


def test_tab_through_the_page_has_no_invisible_stops(window, fire, qtbot):
    """From the table, Tab visits only visible editors (no scroll area, header or bar) and comes back."""
    window.editor.set_values({f"{FIRE}.bina_kamu.maddi_zarar": Decimal("10")})
    m = fire.model()
    fire.setFocus()
    fire.setCurrentIndex(m.index(*_editable(fire)[-1]))
    stops = []
    for _ in range(60):
        w = QApplication.focusWidget()
        qtbot.keyClick(w, Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
        assert w is not None and w.isVisible(), stops
        assert w.objectName(), (stops, w)  # an editor or a named control, never an anonymous frame
        assert not isinstance(w, QScrollArea), stops  # a page's scroll area shows no focus: no stop
        rect = QRect(w.mapTo(window, w.rect().topLeft()), w.size())
        assert window.rect().intersects(rect), w.objectName()
        stops.append(w.objectName())
        if w is fire:
            break
    assert stops[0] == "itfaiye.yangin_zarar_kontrol" and stops[-1] == FIRE, stops
    assert (fire.currentIndex().row(), fire.currentIndex().column()) == _editable(fire)[0]  # came in at the start


def test_on_a_page_narrower_than_its_fields_the_cell_is_shown_beside_the_row_labels(window):
    """At 150 % on 1366 px the middle of the window is ~300 px: the page scrolls sideways for its
    fields, yet a cell gone to is shown inside what the page shows, with the row labels."""
    window.resize(900, 700)
    window.view.splitter.setSizes([260, 270, 340])  # the side panels as at 150 %: ~270 px for the page
    window.view.show_page("yangin")
    QApplication.processEvents()
    scroll = window.view.scrolls["yangin"]
    table = widget(window, FIRE)
    assert scroll.widget().width() > scroll.viewport().width()  # the page is clipped on the right
    assert window.view.go_to(f"{FIRE}.orman.neden_diger")
    rect = table.visualRect(table.currentIndex())
    top_left = table.viewport().mapTo(scroll.viewport(), rect.topLeft())
    assert scroll.viewport().rect().contains(QRect(top_left, rect.size()))  # the cell: on screen
    labels = table.verticalHeader()
    assert scroll.viewport().rect().contains(labels.mapTo(scroll.viewport(), labels.rect().topLeft()))

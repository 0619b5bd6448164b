"""A list table's columns fit its width (``ui/column_fit.py``), and a column the user sized keeps its width.

The strategy window's board and import history shrink their long texts to fit the window.
A column the user widened by dragging its header's edge used to narrow again at the next
resize of the window (the fit gave every column its share again).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem, QToolTip

from desktop.ui.column_fit import ColumnFit, shares

TEXTS = [
    "Kadın ve Aile Hizmetleri Müdürlüğü",
    "Taslak — gönderilmedi",
    "04.12.2026 16:44 · ornek · kars-2020-kadin_aile.faaliyet",
]


def _table(qtbot, width: int) -> tuple[QTableWidget, ColumnFit]:
    table = QTableWidget(5, len(TEXTS))
    table.setHorizontalHeaderLabels(["Birim", "Durum", "Son aktarım"])
    for r in range(5):
        for c, text in enumerate(TEXTS):
            table.setItem(r, c, QTableWidgetItem(text))
    qtbot.addWidget(table)
    table.resize(width, 300)
    table.show()
    qtbot.waitExposed(table)
    fit = ColumnFit(table, shrink={0, 2})
    fit.refresh()
    return table, fit


def _drag(qtbot, table: QTableWidget, column: int, width: int) -> None:
    """What a drag of the column's right edge does: a press on the header, the section resized, a release."""
    head = table.horizontalHeader()
    edge = QPoint(head.sectionViewportPosition(column) + head.sectionSize(column) - 1, head.height() // 2)
    qtbot.mousePress(head.viewport(), Qt.MouseButton.LeftButton, pos=edge)
    head.resizeSection(column, width)
    qtbot.mouseRelease(head.viewport(), Qt.MouseButton.LeftButton, pos=edge)


def test_a_column_the_user_widened_keeps_its_width_when_the_window_is_resized(qtbot):
    table, fit = _table(qtbot, 500)
    shrunk = table.columnWidth(0)
    assert shrunk < fit.natural[0]  # the long text was shrunk to fit
    _drag(qtbot, table, 0, shrunk + 120)
    table.resize(480, 300)
    qtbot.waitUntil(lambda: table.viewport().width() < 480)
    assert table.columnWidth(0) == shrunk + 120
    assert table.columnWidth(2) < fit.natural[2]  # the other long text made room


def test_a_column_the_user_narrowed_stays_narrow_and_the_others_get_the_room(qtbot):
    table, fit = _table(qtbot, 520)
    before = table.columnWidth(2)
    _drag(qtbot, table, 0, 100)
    table.resize(540, 300)
    qtbot.waitUntil(lambda: table.viewport().width() > 500)
    assert table.columnWidth(0) == 100
    assert table.columnWidth(2) > before


def test_widths_set_by_the_program_are_not_taken_for_the_users(qtbot):
    table, fit = _table(qtbot, 500)
    table.horizontalHeader().resizeSection(0, 300)  # not a drag: the next fit sizes it again
    table.resize(490, 300)
    qtbot.waitUntil(lambda: table.viewport().width() < 490)
    assert fit.chosen == {} and table.columnWidth(0) < 300


def test_a_cut_cell_shows_its_whole_text_as_its_tooltip(qtbot):
    table, fit = _table(qtbot, 500)
    assert table.columnWidth(0) < fit.natural[0]
    cell = table.visualRect(table.model().index(2, 0))
    tip = QHelpEvent(QEvent.Type.ToolTip, cell.center(), table.viewport().mapToGlobal(cell.center()))
    QApplication.sendEvent(table.viewport(), tip)
    assert QToolTip.text() == TEXTS[0]


def test_shares_take_from_each_column_in_proportion_to_what_it_has_above_its_floor():
    # 180 px too much, taken 210:110 from the two that may shrink; the rounding's pixel to the widest
    assert shares([300, 100, 200], [90, 100, 90], 420) == [182, 100, 138]
    assert shares([100, 100], [90, 90], 300) == [100, 100]


def test_shares_take_from_the_columns_named_first_before_the_others():
    # the first group alone gives what is too much, while it has it above its floor
    assert shares([300, 100, 300], [90, 100, 90], 600, [[2]]) == [300, 100, 200]
    # when it is at its floor, the rest give the remainder in proportion
    assert shares([300, 100, 200], [90, 100, 90], 420, [[2]]) == [230, 100, 90]
    assert shares([300, 100, 200], [90, 100, 90], 800, [[2]]) == [300, 100, 200]

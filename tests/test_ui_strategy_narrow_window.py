"""The strategy unit's window at 150 % on a 1366×768 laptop: its tables and the report fit the width.

Qt gives such a window 910×512 logical pixels (maximized) or 819×460 (where it
opens). The board and the import history kept every column at its texts' width
(the board's last column cut off, the history's last columns out of sight,
both scrolling sideways); their long texts now shrink and elide (``ui/column_fit.py``).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from desktop import resources
from desktop.store.merge.run import merge_files
from desktop.store.sample import build_sample
from desktop.store.year_board import create_consolidated

pytestmark = pytest.mark.usefixtures("private_settings")

SCALED_150 = [(910, 512), (819, 460)]  # logical px at 150 %: maximized, and as the window opens
IDS = ["910x512", "819x460"]


@pytest.fixture
def merged(tmp_path, definition):
    """The sample's department files merged into a consolidated file (as the screenshots show it)."""
    files = build_sample(definition, resources.sample(definition.id), tmp_path / "birimler").files
    path = create_consolidated(tmp_path / "birlesik.faaliyet", definition)
    merge_files(path, [p for _d, p in sorted(files.items())])
    return path


def _window(qtbot, path, size):
    from desktop.ui.app import application
    from desktop.ui.strategy.window import StrategyWindow

    application()
    win = StrategyWindow()
    qtbot.addWidget(win)
    win.resize(*size)
    assert win.open_file(path)
    win.show()
    qtbot.waitExposed(win)
    return win


def _assert_columns_fit(win, widget, table) -> None:
    win.tabs.setCurrentWidget(widget)
    QApplication.processEvents()
    head, shown = table.horizontalHeader(), table.viewport().width()
    last = table.model().columnCount() - 1
    assert table.horizontalScrollBar().maximum() == 0, [table.columnWidth(c) for c in range(last + 1)]
    assert head.length() <= shown, (head.length(), shown)
    assert head.sectionViewportPosition(last) + head.sectionSize(last) <= shown  # the last column whole
    assert head.sectionSize(last) >= min(head.sectionSizeHint(last), 80)  # and not a sliver


@pytest.mark.parametrize("size", SCALED_150, ids=IDS)
def test_the_board_shows_every_column_in_a_150_percent_window(qtbot, merged, size):
    win = _window(qtbot, merged, size)
    assert win.board.model.rowCount() > 10
    _assert_columns_fit(win, win.board, win.board.table)
    win.close()


@pytest.mark.parametrize("size", SCALED_150, ids=IDS)
def test_the_import_history_shows_every_column_in_a_150_percent_window(qtbot, merged, size):
    win = _window(qtbot, merged, size)
    assert win.history.table.rowCount() > 10
    _assert_columns_fit(win, win.history, win.history.table)
    win.close()


def test_a_cut_cell_text_is_whole_in_its_tooltip_and_the_columns_come_back_on_a_wide_window(qtbot, merged):
    win = _window(qtbot, merged, SCALED_150[1])
    win.tabs.setCurrentWidget(win.board)
    QApplication.processEvents()
    table = win.board.table
    natural = win.board.columns.natural
    assert table.columnWidth(0) < natural[0]  # the names are cut...
    model = win.board.model
    row = max(range(model.rowCount()), key=lambda r: len(model.text(r, 0)))
    cell = table.visualRect(model.index(row, 0))
    tip = QHelpEvent(QEvent.Type.ToolTip, cell.center(), table.viewport().mapToGlobal(cell.center()))
    QApplication.sendEvent(table.viewport(), tip)
    assert QToolTip.text() == model.text(row, 0)  # ...whole in the tooltip...
    win.resize(1600, 800)
    QApplication.processEvents()
    assert [table.columnWidth(c) for c in range(6)] == natural[:6]  # ...and whole again on a wide window
    win.close()

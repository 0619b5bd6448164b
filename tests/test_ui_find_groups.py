"""Find (Ctrl+F): a table's cells are listed as "row / column" under one header line per table (issue 16, item 8)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import widget

pytestmark = pytest.mark.usefixtures("private_settings")

FIRE = "itfaiye.yangin"


def _dialog(window, query: str):
    from desktop.ui.find import FindDialog

    window.find()
    dlg = window.findChild(FindDialog)
    assert dlg is not None
    dlg.query.setText(query)
    return dlg


def _rows(dlg) -> list[tuple[str, str, bool]]:
    from desktop.ui.find import HEADER_ROLE

    lst = dlg.results
    return [
        (lst.item(i).text(), lst.item(i).data(Qt.ItemDataRole.UserRole), bool(lst.item(i).data(HEADER_ROLE)))
        for i in range(lst.count())
    ]


def test_cells_are_named_by_row_and_column_and_told_apart(window):
    from desktop.ui.find import search

    title = widget(window, FIRE).model().table.title
    cells = [t for t in search(window.doc, "diğer") if t.table == FIRE]
    assert len(cells) > 20
    assert not any(t.label.startswith(title) for t in cells)  # the row and column come first
    assert len({t.label for t in cells}) == len(cells)  # every result distinguishable
    kamu = [t.label for t in cells if t.label.startswith("Bina Yangınları (Kamu) / Diğer")]
    assert len(kamu) == 2 and any("Yangının Nedeni" in label for label in kamu)  # two "Diğer" columns: by their group


def test_results_are_grouped_under_one_header_line_per_table(window, qtbot):
    dlg = _dialog(window, "diğer")
    rows = _rows(dlg)
    heads = [r for r in rows if r[2]]
    places = [r[1] for r in heads]
    assert len(places) == len(set(places))  # one header line per table
    i = next(i for i, r in enumerate(rows) if r[2] and r[1] == FIRE)
    text, _place, _head = rows[i]
    n = sum(1 for r in rows if r[1].startswith(FIRE + "."))
    assert text.startswith("Kısmen veya Tamamen Yanan") and f"({n} hücre)" in text
    under = rows[i + 1 : i + 1 + n]
    assert all(r[1].startswith(FIRE + ".") and not r[2] for r in under)  # its cells right under it
    assert all(not r[0].strip().startswith("Kısmen") for r in under)
    # a cell chosen: its cell, scrolled into view
    target = next(j for j in range(i + 1, i + 1 + n) if rows[j][1] == f"{FIRE}.orman.neden_diger")
    dlg.results.setCurrentRow(target)
    qtbot.keyClick(dlg.query, Qt.Key.Key_Return)
    QApplication.processEvents()
    table = widget(window, FIRE)
    here = table.currentIndex()
    assert table.model().key(here.row(), here.column()) == f"{FIRE}.orman.neden_diger"
    assert table.viewport().rect().contains(table.visualRect(here))


def test_a_query_only_the_table_title_matches_finds_the_table_not_each_cell(window, qtbot):
    dlg = _dialog(window, "istatistik çizelgesi")
    rows = _rows(dlg)
    assert [r[1] for r in rows] == [FIRE]  # the table itself, not its 184 cells
    qtbot.keyClick(dlg.query, Qt.Key.Key_Return)
    assert window.view.current_page() == "yangin"


def test_the_header_line_goes_to_the_table(window, qtbot):
    dlg = _dialog(window, "yangın sigara")
    rows = _rows(dlg)
    assert rows[0][2] and rows[0][1] == FIRE
    assert [r[0].strip() for r in rows[1:4]][:1] == ["Bina Yangınları (Kamu) / Sigara, Kibrit"]
    qtbot.keyClick(dlg.query, Qt.Key.Key_Return)  # the first row: the header line
    assert window.view.current_page() == "yangin"

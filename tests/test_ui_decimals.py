"""The window shows the year's percent style and the declared places (issue #13 item 5).

The transport department of ``tests/test_decimals.py``'s definition (percent
sign after the number, ``decimals: 1`` on a computed column and a percent field).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_decimals import definition, folder, path  # noqa: F401
from ui_support import make_window, widget

pytestmark = pytest.mark.usefixtures("private_settings")


def test_the_window_shows_suffix_percents_and_declared_places(qtbot, path):  # noqa: F811
    from desktop.ui.editors.table import TableEditor

    win = make_window(qtbot, path)
    try:
        win.view.navigator.select("hatlar")
        assert widget(win, "ulasim.doluluk_orani").text() == "92,35 %"  # an editor keeps every place
        table = win.view.scrolls["hatlar"].findChild(TableEditor, "ulasim.hat_yolcu")
        m = table.model()
        doluluk = [c.key for c in m.columns].index("doluluk")
        shown = [m.data(m.index(r, doluluk), Qt.ItemDataRole.DisplayRole) for r in range(m.rowCount())]
        assert shown == ["70,0", "65,0", "68,0"]  # computed: rounded to the column's place
        assert m.value(0, doluluk) == Decimal(210000) / Decimal(3001)  # the value keeps its precision

        win.view.navigator.select("gostergeler")
        rate = widget(win, "gosterge_yolcu.rate").text()
        assert "85,00 %" in rate and "%8" not in rate
        need = widget(win, "gosterge_yolcu.need").text()
        assert "85,00 %" in need and "15,00 puan" in need and "10 %" in need
        facts = [w.text() for w in win.view.scrolls["gostergeler"].findChildren(QLabel, "facts")]
        assert any("Hedefe etkisi: 50 %" in t for t in facts), facts
    finally:
        win.close()


def test_the_board_shows_completeness_in_the_years_percent_style(qtbot):
    from desktop.store.file.submission import DepartmentStatus
    from desktop.ui.strategy.board import BoardModel

    status = DepartmentStatus("ulasim", "Ulaşım", "taslak", 40, 2, 5, 0, 0, None, "", "", "")
    model = BoardModel()
    model.set_rows([status], {}, set(), "suffix")
    assert model.text(0, 2).startswith("40 %  (2/5)")
    model.set_rows([status], {}, set())
    assert model.text(0, 2).startswith("%40  (2/5)")

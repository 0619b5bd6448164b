"""A message box fits the screen, its button always on it (``ui/message_box.py``).

A 1366×768 screen at 150 % is 512 px high: the result of merging twenty-one files (a line a file, a
refused file's reasons) made a box taller than that, its OK button below the screen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui import message_box

SCREEN_150 = (910, 485)  # a 1366×768 screen at 150 % without its task bar, in logical px (as tests/test_ui_geometry.py)
MERGED = "\n".join(
    [f"kars-2020-birim{i:02d}.faaliyet: aktarıldı (12 eklenen, 3 değişen, 0 silinen)" for i in range(21)]
    + ["kars-2020-itfaiye.faaliyet: reddedildi: dosyanın içeriği güvenilir değil. Birimden 'Gönder…' ile yeniden isteyin:"]
    + [f"  - itfaiye.yangin.satir{i}.toplam: sayı olmalı (metin 'on iki')" for i in range(10)]
)


@pytest.fixture
def small_screen(monkeypatch):
    monkeypatch.setattr("desktop.ui.geometry.available", lambda _widget: QRect(0, 0, *SCREEN_150))


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _shown(parent, text: str):
    box = message_box.show_message(parent, "Aktarım sonucu", text, "warning")
    QApplication.processEvents()
    return box


def test_a_long_message_fits_a_150_percent_screen_with_the_rest_under_details(parent, small_screen):
    box = _shown(parent, MERGED)
    try:
        assert box.isVisible() and box.height() <= SCREEN_150[1], box.size()
        assert box.text().startswith("kars-2020-birim00.faaliyet: aktarıldı")
        assert box.text().endswith("… devamı “Ayrıntıları Göster” ile.")
        assert box.detailedText() == MERGED  # every line, under Qt's own details button
    finally:
        box.close()


def test_a_short_message_is_shown_whole_without_details(parent, small_screen):
    box = _shown(parent, "kars-2020-itfaiye.faaliyet: aktarıldı")
    try:
        assert box.text() == "kars-2020-itfaiye.faaliyet: aktarıldı" and box.detailedText() == ""
    finally:
        box.close()


def test_both_windows_show_their_messages_through_it():
    """One place for the rule: the clerk's and the strategy unit's windows."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.strategy.window import StrategyWindow

    for window in (MainWindow, StrategyWindow):
        assert "show_message" in window._message_box.__code__.co_names, window


def test_the_lines_shown_are_the_most_that_fit(qapp):
    """Found by halving: a message of a thousand lines is measured a dozen times, not a thousand."""
    from PySide6.QtGui import QFont, QFontMetrics

    metrics = QFontMetrics(QFont())
    text = "\n".join(f"satır {i}" for i in range(1000))
    shown, details = message_box.fitted(text, metrics, 400, 20 * metrics.lineSpacing())
    assert details == text
    lines = shown.split("\n")
    assert lines[:-1] == [f"satır {i}" for i in range(len(lines) - 1)] and len(lines) == 20

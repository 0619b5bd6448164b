"""Both windows open inside a small screen (at most 90 % of it, centred) and remember where they were."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]

# the available area (without a task bar) of a 1366×768 office screen, and of the same at 150 % scale
SMALL = QRect(0, 0, 1366, 728)
SCALED = QRect(0, 0, 910, 485)


@pytest.fixture
def screen(monkeypatch):
    """The screen the windows see: set ``screen.area`` before making a window."""

    class Screen:
        area = SMALL
        others: list[QRect] = []  # more screens beside the one the window opens on

    monkeypatch.setattr("desktop.ui.geometry.available", lambda widget: Screen.area)
    monkeypatch.setattr("desktop.ui.geometry.available_areas", lambda: [Screen.area, *Screen.others])
    return Screen


def _clerk(qtbot, path=None):
    from ui_support import make_window

    return make_window(qtbot, path)


def _strategy(qtbot, path):
    from desktop.ui.app import application
    from desktop.ui.strategy.window import StrategyWindow

    application()
    win = StrategyWindow()
    qtbot.addWidget(win)
    assert win.open_file(path)
    win.show()
    qtbot.waitExposed(win)
    return win


def _inside(win, area: QRect) -> None:
    assert area.contains(win.frameGeometry()), (win.frameGeometry(), area)
    g = win.geometry()  # the window's own area: the frame (title bar) goes into the other 10 %
    assert g.width() <= area.width() * 0.9 and g.height() <= area.height() * 0.9, (g, area)
    assert abs(g.center().x() - area.center().x()) <= 2 and abs(g.center().y() - area.center().y()) <= 2


@pytest.mark.parametrize("area", [SMALL, SCALED], ids=["1366x768", "150%"])
def test_the_clerks_window_opens_inside_a_small_screen_with_its_saved_indicator_visible(qtbot, screen, workbook_path, area):
    screen.area = area
    win = _clerk(qtbot, workbook_path)
    _inside(win, area)
    saved = win.saved
    assert saved.isVisible() and saved.text()
    corner = saved.mapTo(win, saved.rect().bottomRight())
    assert win.rect().contains(corner), (corner, win.size())  # the indicator is drawn inside the window
    win.close()


@pytest.mark.parametrize("area", [SMALL, SCALED], ids=["1366x768", "150%"])
def test_the_strategy_window_opens_inside_a_small_screen(qtbot, screen, consolidated_path, area):
    screen.area = area
    win = _strategy(qtbot, consolidated_path)
    _inside(win, area)
    win.close()


def test_the_start_page_fits_and_its_open_button_is_inside_the_window(qtbot, screen):
    from PySide6.QtWidgets import QPushButton

    screen.area = SCALED
    win = _clerk(qtbot)
    _inside(win, SCALED)
    buttons = [b for b in win.start.findChildren(QPushButton) if b.isVisible()]
    assert win.start.open_button in buttons
    for b in buttons:
        win.start.scroll.ensureWidgetVisible(b)  # the page scrolls to anything below its fold
        corner = b.mapTo(win, b.rect().bottomRight())
        assert win.rect().contains(corner), (b.text(), corner, win.size())
    win.close()


def test_a_window_remembers_its_size_and_place_when_they_fit(qtbot, screen, workbook_path):
    screen.area = SMALL
    win = _clerk(qtbot, workbook_path)
    win.setGeometry(QRect(40, 30, 900, 600))
    win.close()
    again = _clerk(qtbot)
    assert again.geometry() == QRect(40, 30, 900, 600)
    again.close()


def test_a_remembered_place_off_the_current_screen_is_not_restored(qtbot, screen, consolidated_path):
    screen.area = QRect(0, 0, 1920, 1040)
    win = _strategy(qtbot, consolidated_path)
    win.setGeometry(QRect(100, 100, 1700, 900))  # a large monitor
    win.close()
    screen.area = SMALL  # the laptop alone
    again = _strategy(qtbot, consolidated_path)
    assert again.geometry() != QRect(100, 100, 1700, 900)
    _inside(again, SMALL)
    again.close()


def test_the_default_size_is_the_preferred_one_on_a_large_screen(qtbot, screen, consolidated_path):
    from desktop.ui.strategy.window import PREFERRED_SIZE

    screen.area = QRect(0, 0, 2560, 1400)
    win = _strategy(qtbot, consolidated_path)
    assert win.size() == PREFERRED_SIZE
    win.close()


def test_a_maximized_window_opens_maximized_again_with_its_normal_size_kept(qtbot, screen, consolidated_path):
    from PySide6.QtCore import Qt

    screen.area = SMALL
    win = _strategy(qtbot, consolidated_path)
    normal = win.geometry()
    win.showMaximized()
    qtbot.waitUntil(win.isMaximized, timeout=3000)
    win.close()
    again = _strategy(qtbot, consolidated_path)
    assert again.windowState() & Qt.WindowState.WindowMaximized
    assert again.normalGeometry().size() == normal.size()
    again.close()


def test_a_place_on_a_second_screen_is_restored_while_that_screen_is_there(qtbot, screen, workbook_path):
    screen.area, screen.others = SMALL, [QRect(1366, 0, 1920, 1040)]
    win = _clerk(qtbot, workbook_path)
    win.setGeometry(QRect(1500, 60, 1200, 800))  # moved to the monitor beside the laptop
    win.close()
    again = _clerk(qtbot)
    assert again.geometry() == QRect(1500, 60, 1200, 800)
    again.close()
    screen.others = []  # the monitor unplugged
    alone = _clerk(qtbot)
    _inside(alone, SMALL)
    alone.close()


def test_the_help_window_and_the_excel_preview_fit_a_small_screen_too(qtbot, screen, workbook_path):
    from desktop.ui.excel_fill import ExcelPreview, PreviewRow
    from desktop.ui.help_window import HelpWindow

    screen.area = SCALED
    win = _clerk(qtbot, workbook_path)
    win.show_help()
    help_window = win.findChild(HelpWindow, "helpWindow")
    preview = ExcelPreview([PreviewRow("a", "Alan", "1", "2", "Sayfa!B2")], "dolu.xlsx", win)
    qtbot.addWidget(preview)
    preview.show()
    for w in (help_window, preview):
        g = w.frameGeometry()
        assert SCALED.contains(g), (w.objectName(), g)
    preview.close()
    win.close()

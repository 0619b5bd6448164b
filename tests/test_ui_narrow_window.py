"""The clerk's window at 150 % on a 1366×768 laptop: every page's form fits without sideways scrolling.

Qt gives such a window 910×512 logical pixels (maximized) or 819×460 (where it
opens, ``ui/geometry.py``). The side panels yield to the form there, page titles
and form rows wrap, an input is never kept wider than the page by its long
placeholder, and an indicator card shows its rate under the actual's editor.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from desktop.store.file.workbook import Workbook

pytestmark = pytest.mark.usefixtures("private_settings")

SCALED_150 = [(910, 512), (819, 460)]  # logical px at 150 %: maximized, and as the window opens


def _window_on(qtbot, path, size):
    from ui_support import make_window

    win = make_window(qtbot)
    win.resize(*size)  # before the file opens: the first splitter sizes follow the window's width
    QApplication.processEvents()
    assert win.open_file(path), win.prompts.messages
    return win


def _view(win):
    return getattr(win, "institution_view", None) or win.view  # the strategy window's chapters, or the clerk's file


def _pages(win) -> list[str]:
    nav = _view(win).navigator
    return [nav.item(r).data(0x0100) for r in range(nav.count())]  # Qt.ItemDataRole.UserRole


def _assert_fits(win, key: str) -> None:
    _view(win).show_page(key)
    QApplication.processEvents()
    scroll = _view(win).scrolls[key]
    shown = scroll.viewport().width()
    assert scroll.horizontalScrollBar().maximum() == 0, (key, shown, scroll.widget().minimumSizeHint().width())
    title = scroll.widget().findChild(QLabel, "pageTitle")
    assert title is not None and title.width() <= shown, key  # the title wraps, it is not cut at the right


@pytest.mark.parametrize("department", ["itfaiye", "strateji"])  # strateji: the year settings' long placeholders
@pytest.mark.parametrize("size", SCALED_150, ids=["910x512", "819x460"])
def test_every_page_fits_a_150_percent_window_without_sideways_scrolling(qtbot, tmp_path, definition, department, size):
    path = tmp_path / f"{department}.faaliyet"
    Workbook.create(path, definition, department).close()
    win = _window_on(qtbot, path, size)
    pages = _pages(win)
    assert len(pages) >= 2
    for key in pages:
        _assert_fits(win, key)
    nav, findings = win.view.navigator, win.view.findings
    assert nav.width() >= nav.minimumWidth() > 0 and findings.width() >= 150  # narrower, still readable
    win.close()


def test_an_indicator_card_puts_its_rate_under_the_actual_when_narrow_and_beside_it_when_wide(qtbot, workbook_path):
    win = _window_on(qtbot, workbook_path, SCALED_150[1])
    win.view.show_page("gostergeler")
    QApplication.processEvents()
    card = next(iter(win.view.scrolls["gostergeler"].widget().cards.values()))
    grid = card.layout()
    assert card.rate_under and grid.getItemPosition(grid.indexOf(card.rate))[:2] == (3, 1)
    win.resize(1360, 860)
    QApplication.processEvents()
    assert not card.rate_under and grid.getItemPosition(grid.indexOf(card.rate))[:2] == (2, 2)
    assert win.view.scrolls["gostergeler"].horizontalScrollBar().maximum() == 0
    win.close()


@pytest.mark.parametrize("size", SCALED_150, ids=["910x512", "819x460"])
def test_the_strategy_windows_institution_chapters_fit_a_150_percent_window(qtbot, consolidated_path, size):
    from desktop.ui.app import application
    from desktop.ui.strategy.window import StrategyWindow

    application()
    win = StrategyWindow()
    qtbot.addWidget(win)
    win.resize(*size)  # before the file opens: the chapters' panels are sized for the window's width
    assert win.open_file(consolidated_path)
    win.show()
    qtbot.waitExposed(win)
    view = win.institution_view
    assert view is not None
    win.tabs.setCurrentWidget(view)
    for key in _pages(win):
        _assert_fits(win, key)
    win.close()


def test_panels_saved_on_a_large_window_yield_to_the_form_on_a_small_one(qtbot, workbook_path):
    """The laptop taken off its large monitor: the side panels' saved widths would leave the form a sliver."""
    win = _window_on(qtbot, workbook_path, (1900, 1000))
    win.view.splitter.setSizes([380, 1100, 380])  # the user widened both panels on the large window
    QApplication.processEvents()
    win.close_file()  # saves the splitter
    win.resize(*SCALED_150[1])
    QApplication.processEvents()
    assert win.open_file(workbook_path)
    _assert_fits(win, "gostergeler")
    win.close_file()  # saves the panels as they were placed on the small window
    win.resize(1900, 1000)
    QApplication.processEvents()
    assert win.open_file(workbook_path)
    win.view.splitter.setSizes([380, 1100, 380])
    QApplication.processEvents()
    win.close_file()
    assert win.open_file(workbook_path)  # the same large window: the user's panels are kept
    QApplication.processEvents()
    sizes = win.view.splitter.sizes()
    assert sizes[0] == 380 and sizes[2] == 380, sizes
    win.close()

"""F1 and the Help menu open the user guides in both windows; the guides ship with their screenshots."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from desktop import resources

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ("memur", "strateji")


def _f1_actions(win) -> list:
    return [a for a in win.findChildren(type(win.act_help)) if QKeySequence("F1") in a.shortcuts()]


def _press_f1(qtbot, win):
    from desktop.ui.help_window import HelpWindow

    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_F1)
    found = win.findChild(HelpWindow, "helpWindow")
    assert found is not None and found.isVisible(), "F1 opened no help window"
    return found


@pytest.fixture
def strategy(qtbot, consolidated_path):
    from desktop.ui.app import application
    from desktop.ui.strategy.window import StrategyWindow

    application()
    win = StrategyWindow()
    qtbot.addWidget(win)
    assert win.open_file(consolidated_path)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_f1_is_one_shortcut_of_one_action_in_the_clerks_window(window):
    assert window.act_help.shortcuts() == [QKeySequence("F1")]
    assert _f1_actions(window) == [window.act_help]  # two were ambiguous: Qt then runs neither


def test_f1_opens_the_clerks_guide_and_again_brings_the_same_window(qtbot, window):
    help_window = _press_f1(qtbot, window)
    assert help_window.guide == "memur"
    assert "Göstergeler ve sapma açıklamaları" in help_window.text()
    assert "Excel şablonundan doldur" in help_window.text()
    help_window.hide()
    assert _press_f1(qtbot, window) is help_window


def test_f1_opens_the_strategy_guide_in_the_strategy_window(qtbot, strategy):
    assert _f1_actions(strategy) == [strategy.act_help]
    help_window = _press_f1(qtbot, strategy)
    assert help_window.guide == "strateji"
    assert "Birim dosyalarını dağıtmak" in help_window.text()
    help_window.clerk_button.click()
    assert help_window.guide == "memur" and "Kaydetmek gerekmez" in help_window.text()


def test_the_help_menu_holds_both_guides(window, strategy):
    for win in (window, strategy):
        menus = {m.title().replace("&", ""): m for m in (a.menu() for a in win.menuBar().actions()) if m}
        assert "Yardım" in menus
        assert win.act_help in menus["Yardım"].actions()
        entries = [a for a in menus["Yardım"].actions() if not a.isSeparator()]
        assert len(entries) == 3 and entries[-1] is win.act_about  # both guides, then About (support.py)


def test_a_link_to_a_heading_scrolls_to_it(qtbot, window):
    help_window = _press_f1(qtbot, window)
    qtbot.waitExposed(help_window)
    bar = help_window.browser.verticalScrollBar()
    bar.setValue(0)
    help_window._follow(QUrl("#göndermek"))
    assert bar.value() > 0
    assert help_window.guide == "memur"


def test_a_missing_guide_still_shows_the_short_help(window, monkeypatch, tmp_path):
    from desktop.ui.help_window import HelpWindow

    monkeypatch.setattr(resources, "help_folder", lambda: tmp_path)
    help_window = HelpWindow("memur", window)
    assert "Kaydetmek gerekmez" in help_window.text()
    help_window.close()


@pytest.mark.parametrize("guide", GUIDES)
def test_every_link_and_picture_of_a_guide_exists(guide):
    from desktop.ui.help_window import slug

    text = (resources.help_folder() / f"{guide}.md").read_text(encoding="utf-8")
    headings = {slug(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}
    anchors = re.findall(r"\]\(#([^)]+)\)", text)
    assert anchors and set(anchors) <= headings, set(anchors) - headings
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert pictures
    missing = [p for p in pictures if not (resources.help_folder() / p).is_file()]
    assert not missing, f"run bench/screenshots_ui.py to write them: {missing}"


def test_the_guides_ship_in_the_bundle():
    spec = (ROOT / "packaging" / "faaliyet.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec  # resources/help/ goes with resources/
    assert resources.help_folder().parent == resources.resources()

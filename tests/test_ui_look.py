"""The window's look without Qt style sheets: headings, marks, read-only grey, banner.

A style sheet anywhere (the application's or one widget's) costs a cold start
QStyleSheetStyle's fixed ~3-5 ms; the look is fonts, palettes and painted borders.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from ui_support import focus, type_text, widget

pytestmark = [pytest.mark.definition("small"), pytest.mark.usefixtures("private_settings")]

BASE = QPalette.ColorRole.Base


def _styled(root: QWidget) -> list[str]:
    return [w.objectName() or type(w).__name__ for w in [root, *root.findChildren(QWidget)] if w.styleSheet()]


def _edge(w: QWidget, inset: int = 0) -> str:
    """The colour in the middle of the widget's left edge, ``inset`` pixels in (+1: the pen's middle)."""
    QApplication.processEvents()
    image = w.grab().toImage()
    return image.pixelColor(inset + 1, image.height() // 2).name()


def test_no_style_sheet_anywhere_on_the_clerks_window(window):
    window.view.build_all()  # every page, the indicators page too
    assert QApplication.instance().styleSheet() == ""
    assert _styled(window) == []
    window.close_file()  # the start page
    assert _styled(window) == []


def test_headings_and_notes_keep_their_look(window):
    title = window.view.findChild(QLabel, "pageTitle")
    assert title.font().pointSizeF() == 16 and title.font().weight() == QFont.Weight.DemiBold
    assert title.palette().color(QPalette.ColorRole.WindowText).name() == "#1a3a5c"
    assert window.view.findChild(QLabel, "panelTitle").font().pointSizeF() == 12
    note = window.view.findChild(QLabel, "chapterNote")
    assert note.palette().color(QPalette.ColorRole.WindowText).name() == "#5f6b76"
    nav = window.view.navigator
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):  # the same without the focus
        assert nav.palette().color(group, QPalette.ColorRole.Highlight).name() == "#1a5fb4"


def test_a_finding_tints_and_borders_the_editor(window, qtbot):
    edit = widget(window, "itfaiye.anlatim")  # required, empty: to fill (amber), not a mistake (red)
    assert edit.property("finding") == "warning"
    assert edit.palette().color(BASE).name() == "#fff8e1"
    assert _edge(edit, edit.frameWidth()) == "#e0a800"
    focus(window, edit)  # the focus shows instead of the mark's border; the tint stays
    assert edit.hasFocus() and _edge(edit, edit.frameWidth()) == "#1a5fb4"
    type_text(edit, "Çalışmalar sürdü.")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.property("finding") == ""
    assert edit.palette().color(BASE) == QApplication.palette().color(BASE)
    assert _edge(edit, edit.frameWidth()) != "#e0a800"


def test_unreadable_input_is_red_until_corrected(window, qtbot):
    edit = widget(window, "itfaiye.kurtarilan_kisi")
    focus(window, edit)
    qtbot.keyClicks(edit, "1,5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.property("inputError") is True
    assert edit.palette().color(BASE).name() == "#ffcdd2"
    window.view.navigator.setFocus()
    assert _edge(edit) == "#c62828"
    edit.setText("15")
    edit.commit()
    assert not edit.property("inputError")
    assert edit.palette().color(BASE) == QApplication.palette().color(BASE)
    assert _edge(edit) != "#c62828"


def test_submitted_file_is_grey_with_a_blue_banner(window):
    window.editor.set_values({"itfaiye.anlatim": "Yıl boyunca eğitimler sürdü."})
    assert window.send(window.doc.path.with_name("kopya.faaliyet"))
    assert window.doc.locked
    for key in ("itfaiye.trafik_kazasi", "itfaiye.anlatim"):
        assert widget(window, key).palette().color(BASE).name() == "#f3f4f6", key
    banner = window.view.banner
    assert banner.property("kind") == "info" and banner.autoFillBackground()
    assert banner.palette().color(QPalette.ColorRole.Window).name() == "#e3f2fd"
    assert banner.label.font().weight() == QFont.Weight.DemiBold


def test_strategy_widgets_have_no_style_sheet(qtbot):
    from desktop.ui.app import application
    from desktop.ui.strategy.board import Board
    from desktop.ui.strategy.pdf_view import PdfView

    application()
    for w in (Board(), PdfView()):
        qtbot.addWidget(w)
        assert _styled(w) == []
    board = Board()
    qtbot.addWidget(board)
    board.dragLeaveEvent(None)  # back to the grey dashed frame
    assert not board.drop_hint.active
    assert QColor(board.table.palette().color(QPalette.ColorRole.Highlight)).name() == "#bbdefb"

"""Helpers for the window tests (pytest-qt, offscreen); their fixtures are in plugin_fixtures.py."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.store.file.workbook import Workbook


class Prompts:
    """Answers the window's questions and records its messages (no modal dialogs in tests)."""

    def __init__(self, answer: bool = True):
        self.answer = answer
        self.asked: list[str] = []
        self.messages: list[tuple[str, str, str]] = []

    def ask(self, title, text):
        self.asked.append(text)
        return self.answer

    def inform(self, title, text, kind="information"):
        self.messages.append((title, text, kind))


def make_window(qtbot, path: Path | None = None, prompts: Prompts | None = None):
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow

    application()
    win = MainWindow()
    prompts = prompts or Prompts()
    win.ask, win.inform = prompts.ask, prompts.inform
    win.prompts = prompts
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    if path is not None:
        assert win.open_file(path), prompts.messages
    return win


def widget(win, name: str) -> QWidget:
    w = win.view.editor_widget(name)
    assert w is not None, f"no editor named {name}"
    return w


def type_text(w: QWidget, text: str) -> None:
    """Type any text (Turkish letters too) one key at a time."""
    for ch in text:
        if ch == "\n":
            QTest.keyClick(w, Qt.Key.Key_Return)
            continue
        QTest.sendKeyEvent(QTest.KeyAction.Click, w, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def focus(win, w: QWidget) -> None:
    win.view.go_to(w.objectName()) or w.setFocus()
    w.setFocus()
    QApplication.processEvents()


def stored(path: Path, key: str):
    """The value as a fresh reader of the file sees it."""
    with Workbook.open(path, readonly=True) as wb:
        return wb.get(key)


def stored_indicator(path: Path, key: str):
    with Workbook.open(path, readonly=True) as wb:
        return wb.entries().indicators.get(key)


def cell_editor(table):
    from PySide6.QtWidgets import QLineEdit

    editors = [w for w in table.findChildren(QLineEdit) if w.isVisible()]
    assert editors, "no cell editor open"
    return editors[0]


def type_in_table(table, text: str) -> None:
    """Type into the current cell as a person does: the first key opens the editor, the rest go to it."""
    QTest.keyClicks(table, text[0])
    if text[1:]:
        QTest.keyClicks(cell_editor(table), text[1:])


def outlook_descriptor(*names: str) -> bytes:
    """A FILEGROUPDESCRIPTORW as Outlook gives it for dragged attachments (592 bytes a file, the name at 72)."""
    import struct

    out = struct.pack("<I", len(names))
    for name in names:
        item = bytearray(592)
        raw = name.encode("utf-16-le")
        item[72 : 72 + len(raw)] = raw
        out += bytes(item)
    return out


def outlook_drag(*names: str):
    """The ``QMimeData`` of attachments dragged out of Outlook: their names, no file."""
    from PySide6.QtCore import QMimeData

    from desktop.ui.dropped_attachments import DESCRIPTORS

    mime = QMimeData()
    mime.setData(DESCRIPTORS[0], outlook_descriptor(*names))
    return mime

"""The line under a field: what the typed text is read as, or why it cannot be read.

Grey while typing a readable number or date ("= 150.000,00 TL",
``desktop.core.values.reading``), so the clerk sees the reading before it is
saved; red with the reason when the text cannot be read (it stays until the
text is corrected or cleared, also after the file is opened again). Hidden
when there is nothing to say. Its ``objectName`` is ``<field key>.note`` and
its ``kind`` property "reading", "problem" or "" (what tests read).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..look import ERROR_TEXT, MUTED, text_color


class FieldNote(QLabel):
    def __init__(self, key: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName(f"{key}.note")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # typed text is shown, never interpreted
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("kind", "")
        self.hide()

    def show_reading(self, text: str) -> None:
        self._show(text, "reading", MUTED)

    def show_problem(self, text: str) -> None:
        self._show(text, "problem", ERROR_TEXT)

    def clear_note(self) -> None:
        self._show("", "", MUTED)

    def _show(self, text: str, kind: str, color: str) -> None:
        if (self.text(), self.property("kind")) == (text, kind):
            return
        if kind != self.property("kind"):
            text_color(self, color)
            self.setProperty("kind", kind)
            self.setWordWrap(kind == "problem")  # a reading is short: never broken inside a number
        self.setText(text)
        self.setVisible(bool(text))

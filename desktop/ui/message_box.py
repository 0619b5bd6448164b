"""A message box that fits the screen, its button always on it.

A 1366×768 screen at 150 % is 512 px high. A merge of twenty-one files said one line a file
and a refused file its reasons: the box grew taller than the screen and its OK button lay below
it. ``show_message`` measures the text at the width Qt gives a message box's label on that
screen; what does not fit goes under Qt's own "Ayrıntıları Göster…" (a scrolling area), with a
last line shown that says so. A message that fits is shown as before.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QMessageBox, QWidget

from . import geometry
from .i18n import tr

ICONS = {"critical": QMessageBox.Icon.Critical, "warning": QMessageBox.Icon.Warning}
# px around the text: the title bar, the margins, the button row and the details button beside it
CHROME = 190
LABEL_MARGIN = 110  # px of a message box's width beside its label: the icon and the margins


def fitted(text: str, metrics: QFontMetrics, width: int, height: int) -> tuple[str, str]:
    """(the text to show, the details): the whole text and no details when it fits ``width`` ×
    ``height`` wrapped; else its first lines that fit, a line pointing to the details, and the
    whole text as the details."""

    def tall(t: str) -> int:
        return metrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt.TextFlag.TextWordWrap, t).height()

    if tall(text) <= height:
        return text, ""
    lines = text.split("\n")
    tail = tr("… devamı “Ayrıntıları Göster” ile.")
    low, high = 1, len(lines)  # the most lines that fit with the tail (at least one): found by halving
    while low < high:
        mid = (low + high + 1) // 2
        if tall("\n".join([*lines[:mid], tail])) <= height:
            low = mid
        else:
            high = mid - 1
    return "\n".join([*lines[:low], tail]), text


def show_message(parent: QWidget, title: str, text: str, kind: str = "information") -> QMessageBox:
    """The message in a window-modal box (``kind``: information, warning, critical) that fits the screen."""
    box = QMessageBox(ICONS.get(kind, QMessageBox.Icon.Information), title, "", QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    area = geometry.available(box)  # the screen without the task bar
    width, height = area.width(), area.height()
    # the label's width as Qt makes it on that screen (qmessagebox.cpp: half the screen, at most 500 px)
    shown, details = fitted(text, QFontMetrics(box.font()), min(width // 2, 500) - LABEL_MARGIN, height - CHROME)
    box.setText(shown)
    if details:
        box.setDetailedText(details)
    box.open()
    return box

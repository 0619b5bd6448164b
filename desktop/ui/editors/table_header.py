"""A table's header whose labels wrap onto several lines (never cut) and mark the current cell.

Qt's header draws a label on one line and elides what does not fit: the fire
table's 25 columns came out as "Yanan Y…rin" at any width a screen has. This
header word-wraps each label inside its section, is as tall (columns) or as wide
(row labels) as its longest wrapped label needs, and paints the current cell's
column and row in the accent colour, so the clerk sees which row and column a
cell belongs to after scrolling sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QHeaderView

from ..look import ACCENT

WRAP = int(Qt.TextFlag.TextWordWrap)
PAD_X, PAD_Y = 6, 4  # room around a label inside its section
CURRENT_BG = QColor("#dbe7f7")  # the current cell's row and column headers
CURRENT_FG = QColor(ACCENT)


class WrappingHeader(QHeaderView):
    def __init__(self, orientation: Qt.Orientation, parent=None, label_width: int = 0):
        super().__init__(orientation, parent)
        self.label_width = label_width  # row labels: the width they wrap at (0: columns)
        self.current = -1  # the section of the current cell (highlighted)
        self._heights: dict[tuple[int, int], int] = {}  # (section, width) -> wrapped height
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        if orientation == Qt.Orientation.Vertical:
            self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)

    def setModel(self, model) -> None:
        super().setModel(model)
        self._heights.clear()
        if model is not None:
            model.headerDataChanged.connect(self._labels_changed)  # a bound method: gone with the header

    def _labels_changed(self, *_args) -> None:
        self._heights.clear()

    # --- what a label needs -------------------------------------------------------
    def text(self, section: int) -> str:
        model = self.model()
        return "" if model is None else str(model.headerData(section, self.orientation()) or "")

    def _font(self, section: int) -> QFont:
        font = self.model().headerData(section, self.orientation(), Qt.ItemDataRole.FontRole) if self.model() else None
        return QFont(font) if isinstance(font, QFont) else QFont(self.font())

    def wrapped_height(self, section: int, width: int) -> int:
        """Height of the label of ``section`` word-wrapped at ``width`` (kept until the labels change)."""
        if (section, width) not in self._heights:
            font = self._font(section)
            rect = QFontMetrics(font).boundingRect(QRect(0, 0, max(1, width - 2 * PAD_X), 10_000), WRAP, self.text(section))
            self._heights[(section, width)] = rect.height() + 2 * PAD_Y
        return self._heights[(section, width)]

    def longest_word(self, section: int) -> int:
        """Width of the longest word of a label: a section is never narrower."""
        font = self._font(section)
        fm = QFontMetrics(font)
        return max((fm.horizontalAdvance(w) for w in self.text(section).split()), default=0) + 2 * PAD_X + 2

    def sectionSizeFromContents(self, section: int) -> QSize:
        if self.orientation() == Qt.Orientation.Vertical:
            return QSize(self.label_width, self.wrapped_height(section, self.label_width))
        width = self.sectionSize(section) or self.defaultSectionSize()
        return QSize(width, self.wrapped_height(section, width))

    def sizeHint(self) -> QSize:
        """Columns: as tall as the longest label wrapped at its section's width; rows: ``label_width`` wide."""
        model = self.model()
        count = 0 if model is None else self.count()
        if self.orientation() == Qt.Orientation.Vertical:
            return QSize(self.label_width, super().sizeHint().height())
        tallest = max((self.wrapped_height(s, self.sectionSize(s)) for s in range(count)), default=0)
        return QSize(super().sizeHint().width(), max(tallest, self.fontMetrics().height() + 2 * PAD_Y))

    def elided(self, section: int) -> bool:
        """Does the label of ``section`` not fit its section (cut)? Never, unless the sizes are wrong."""
        if self.orientation() == Qt.Orientation.Vertical:
            return (
                self.wrapped_height(section, self.width()) > self.sectionSize(section) + 1
                or self.longest_word(section) > self.width() + 1
            )
        return (
            self.wrapped_height(section, self.sectionSize(section)) > self.height() + 1
            or self.longest_word(section) > self.sectionSize(section) + 1
        )

    # --- the current cell ---------------------------------------------------------
    def set_current(self, section: int) -> None:
        if section != self.current:
            self.current = section
            self.viewport().update()

    # --- painting -----------------------------------------------------------------
    def paintSection(self, painter, rect: QRect, section: int) -> None:
        if not rect.isValid():
            return
        painter.save()
        painter.fillRect(rect, self.palette().button())  # drawn here: the style's header costs its types at first paint
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if section == self.current:
            painter.fillRect(rect.adjusted(0, 0, -1, -1), CURRENT_BG)
            painter.fillRect(
                QRect(rect.left(), rect.bottom() - 2, rect.width(), 3)
                if self.orientation() == Qt.Orientation.Horizontal
                else QRect(rect.right() - 2, rect.top(), 3, rect.height()),
                CURRENT_FG,
            )
        painter.setFont(self._font(section))
        if section == self.current:
            painter.setPen(CURRENT_FG)
        else:
            painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y), int(self.defaultAlignment()), self.text(section))
        painter.restore()

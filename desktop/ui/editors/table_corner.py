"""The title of a table's row labels, in the corner above them ("İş", "Aylar"), as the report and the Excel template print it.

Qt draws the corner of a ``QTableView`` (its select-all button) as an empty header
section; ``CornerTitle`` draws the same section with the definition's ``row_header``
in it, cut with an ellipsis when the row labels are narrower than the title (the whole
title is then its tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractButton, QStyle, QStyleOptionHeader, QTableView


class CornerTitle(QObject):
    def __init__(self, table: QTableView, text: str):
        super().__init__(table)
        self.text = text
        self.button = table.findChild(QAbstractButton)  # Qt's corner button (QTableCornerButton)
        if self.button is not None:
            self.button.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.button and event.type() == QEvent.Type.Paint:
            self._paint(watched)
            return True
        return False

    def _paint(self, button: QAbstractButton) -> None:
        opt = QStyleOptionHeader()
        opt.initFrom(button)
        opt.rect = button.rect()
        opt.position = QStyleOptionHeader.SectionPosition.OnlyOneSection
        opt.textAlignment = Qt.AlignmentFlag.AlignCenter
        width = opt.rect.width() - 2 * button.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, opt, button)
        opt.text = button.fontMetrics().elidedText(self.text, Qt.TextElideMode.ElideRight, max(0, width))
        button.setToolTip(self.text if opt.text != self.text else "")
        painter = QPainter(button)
        try:
            button.style().drawControl(QStyle.ControlElement.CE_Header, opt, painter, button)
        finally:
            painter.end()

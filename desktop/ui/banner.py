"""A coloured strip above the form: read-only file, submitted file."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from . import look
from .i18n import tr


class Banner(QFrame):
    action = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        self.label = QLabel(self)
        self.label.setObjectName("bannerText")
        look.bold(self.label)
        self.label.setWordWrap(True)
        lay.addWidget(self.label, 1)
        self.button = QPushButton(self)
        self.button.setObjectName("bannerButton")
        self.button.clicked.connect(self.action)
        lay.addWidget(self.button)
        self.hide()

    def show_message(self, text: str, kind: str = "warning", button: str | None = None) -> None:
        self.setProperty("kind", kind)
        look.fill(self, look.BANNERS.get(kind, look.BANNERS["warning"])[0])
        self.label.setText(text)
        self.button.setVisible(bool(button))
        self.button.setText(button or "")
        self.show()

    def paintEvent(self, event) -> None:  # the background is the palette's; the bottom edge:
        edge = look.BANNERS.get(self.property("kind"))
        if edge:
            p = QPainter(self)
            p.setPen(QColor(edge[1]))
            p.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
            p.end()

    def readonly(self, reason: str) -> None:
        self.show_message(
            tr("Salt okunur: {0} Değişiklik yapmak için dosyayı bu bilgisayara kopyalayıp kopyayı açın.").format(reason),
            "warning",
            tr("Yerel diske kopyala ve aç…"),
        )

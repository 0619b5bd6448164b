"""A coloured strip above the form: read-only file, submitted file."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

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
        self.label.setWordWrap(True)
        lay.addWidget(self.label, 1)
        self.button = QPushButton(self)
        self.button.setObjectName("bannerButton")
        self.button.clicked.connect(self.action)
        lay.addWidget(self.button)
        self.hide()

    def show_message(self, text: str, kind: str = "warning", button: str | None = None) -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.button.setVisible(bool(button))
        self.button.setText(button or "")
        self.show()

    def readonly(self, reason: str) -> None:
        self.show_message(
            tr("Salt okunur: {0} Değişiklik yapmak için dosyayı bu bilgisayara kopyalayıp kopyayı açın.").format(reason),
            "warning",
            tr("Yerel diske kopyala ve aç…"),
        )

"""The department's report in its own window, from the clerk's window.

"Birim raporunu göster…" builds the department's PDF off the GUI thread
(``strategy.build.ReportBuild``, the strategy unit's build) and shows it here
in the PDF view: pages, zoom, print, and the system's PDF viewer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from . import geometry
from .i18n import tr


class ReportWindow(QWidget):
    """The department's report in the PDF view (pages, zoom, print, the system viewer)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        from .strategy.pdf_view import PdfView

        self.setObjectName("reportWindow")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.pdf = PdfView(self)
        lay.addWidget(self.pdf)
        self.setGeometry(geometry.default_rect(QSize(900, 900), geometry.available(parent or self)))

    def show_pdf(self, path: Path, note: str) -> None:
        self.setWindowTitle(tr("Birim raporu — {0}").format(Path(path).name))
        self.pdf.load(path, note)
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event) -> None:
        self.pdf.close_document()  # let the PDF file go (Windows keeps an open file locked)
        super().closeEvent(event)

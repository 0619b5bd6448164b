"""The built PDF inside the application: pages rendered with PDFium (pypdfium2).

QtPdf is only in the ~470 MB PySide6 Addons; pypdfium2 is a small wheel.
Page N/M with previous/next (PgUp/PgDn), zoom, print (QPrinter, each page
rendered at the printer's resolution) and "Sistemde aç" (the system viewer).
A page is shown at 100 %, or smaller when that is wider than the view (a small
window, 150 % on a laptop): it fits the width until the user zooms, and again
after a click on the zoom's percentage.
Without pypdfium2 the view says so and offers only the system viewer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSpinBox, QToolButton, QVBoxLayout, QWidget

from .. import look
from ..i18n import tr
from ..navigator import viewport_of

try:  # optional: the view falls back to the system viewer
    import pypdfium2 as pdfium
except ImportError:  # pragma: no cover - depends on the installation
    pdfium = None

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
RIM = 8  # px of the grey view left on each side of a page fitted to the width


def render_page(doc, index: int, scale: float) -> QImage:
    """Page ``index`` of a pypdfium2 document as a QImage (RGB, ``scale`` × 72 dpi)."""
    bitmap = doc[index].render(scale=scale, rev_byteorder=True)
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: the bitmap's buffer goes away


class PdfView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pdfView")
        self.path: Path | None = None
        self.doc = None
        self.page = 0
        self.zoom = 1.0
        self.fit_width = True  # the page's width follows the view's (at most 100 %) until the user zooms
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.prev_button = QPushButton(tr("◀ Önceki"), self)
        self.next_button = QPushButton(tr("Sonraki ▶"), self)
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("pdfPage")
        self.page_box.setMinimum(1)
        self.page_box.setAccessibleName(tr("Sayfa"))
        self.page_count = QLabel(self)
        self.page_count.setObjectName("pdfPageCount")
        self.zoom_out = QPushButton(tr("Küçült"), self)
        self.zoom_in = QPushButton(tr("Büyüt"), self)
        self.zoom_label = QToolButton(self)  # the zoom shown; a click fits the page to the width again
        self.zoom_label.setObjectName("pdfZoom")
        self.zoom_label.setAutoRaise(True)
        self.zoom_label.setToolTip(tr("Sayfayı pencerenin genişliğine sığdır"))
        self.print_button = QPushButton(tr("Yazdır…"), self)
        self.print_button.setObjectName("pdfPrint")
        self.system_button = QPushButton(tr("Sistemde aç"), self)
        self.system_button.setObjectName("pdfSystem")
        self.system_button.setToolTip(tr("PDF'yi bilgisayarın PDF görüntüleyicisinde aç"))
        for w in (self.prev_button, QLabel(tr("Sayfa"), self), self.page_box, self.page_count, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(20)
        for w in (self.zoom_out, self.zoom_label, self.zoom_in):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.system_button)
        lay.addLayout(bar)
        self.info = QLabel(self)
        self.info.setObjectName("pdfInfo")
        self.info.setWordWrap(True)
        lay.addWidget(self.info)
        self.scroll = QScrollArea(self)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # always there (a page is taller than the view): it never comes and goes and changes the width to fit
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        viewport_of(self.scroll).installEventFilter(self)
        look.fill(viewport_of(self.scroll), "#7b8a97")  # grey around the page
        self.canvas = QLabel(self.scroll)
        self.canvas.setObjectName("pdfCanvas")
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(False)
        lay.addWidget(self.scroll, 1)

        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.page_box.valueChanged.connect(lambda v: self.show_page(v - 1))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(+1))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(-1))
        self.zoom_label.clicked.connect(self.fit_to_width)
        self.print_button.clicked.connect(self.print_dialog)
        self.system_button.clicked.connect(self.open_in_system)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.show_page(self.page + 1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.show_page(self.page - 1))
        self._update()

    # --- content -------------------------------------------------------------
    @property
    def pages(self) -> int:
        return len(self.doc) if self.doc is not None else 0

    def load(self, path: Path, note: str = "") -> None:
        self.close_document()
        self.path = Path(path)
        if pdfium is None:
            self.info.setText(
                tr(
                    "Bu kurulumda PDF'yi pencerede gösterecek bileşen (pypdfium2) yok. "
                    '"Sistemde aç" ile bilgisayarın PDF görüntüleyicisinde açın.'
                )
                + (" " + note if note else "")
            )
            self._update()
            return
        self.doc = pdfium.PdfDocument(str(self.path))
        self.info.setText(f"{self.path}" + (" — " + note if note else ""))
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, self.pages))
        self.page_box.blockSignals(False)
        self.page = -1
        self.show_page(0)

    def close_document(self) -> None:
        if self.doc is not None:
            self.doc.close()
        self.doc = None
        self.canvas.clear()

    def show_page(self, index: int, keep_place: bool = False) -> None:
        """Page ``index`` from its top, or where the view was on it (``keep_place``: redrawn at a new width)."""
        if self.doc is None or not self.pages:
            return
        bar = self.scroll.verticalScrollBar()
        place = bar.value() / bar.maximum() if keep_place and bar.maximum() > 0 else 0.0
        index = max(0, min(index, self.pages - 1))
        self.page = index
        ratio = self.devicePixelRatioF() or 1.0
        if self.fit_width:
            self.zoom = self.fitting_zoom(index)
        image = render_page(self.doc, index, self.zoom * 96 / 72 * ratio)
        pix = QPixmap.fromImage(image)
        pix.setDevicePixelRatio(ratio)
        self.canvas.setPixmap(pix)
        self.canvas.resize(pix.size() / ratio)
        bar.setValue(round(place * bar.maximum()))
        self._update()

    def current_image(self) -> QImage | None:
        pix = self.canvas.pixmap()
        return None if pix is None or pix.isNull() else pix.toImage()

    def fitting_zoom(self, index: int) -> float:
        """100 %, or less if page ``index`` is wider than the view at 100 %."""
        width_pt = self.doc[index].get_size()[0]
        room = viewport_of(self.scroll).width() - 2 * RIM
        return max(0.1, min(1.0, room / (width_pt * 96 / 72))) if width_pt > 0 else 1.0

    def fit_to_width(self) -> None:
        self.fit_width = True
        self.show_page(self.page)
        self._update()

    def set_zoom(self, step: int) -> None:
        """The next zoom step up (``step`` > 0) or down from the zoom shown; the width is no longer fitted."""
        self.fit_width = False
        if step > 0:
            self.zoom = next((z for z in ZOOMS if z > self.zoom + 1e-6), ZOOMS[-1])
        else:
            self.zoom = next((z for z in reversed(ZOOMS) if z < self.zoom - 1e-6), ZOOMS[0])
        self.show_page(self.page)
        self._update()

    def eventFilter(self, watched, event) -> bool:
        """The view narrower or wider: a page fitted to the width is drawn again at the new width."""
        if event.type() == QEvent.Type.Resize and self.fit_width and self.doc is not None and self.pages:
            if event.size().width() != event.oldSize().width() and abs(self.fitting_zoom(self.page) - self.zoom) > 1e-3:
                self.show_page(self.page, keep_place=True)
        return False

    def _update(self) -> None:
        has = self.doc is not None and self.pages > 0
        self.page_box.blockSignals(True)
        self.page_box.setValue(self.page + 1 if has else 1)
        self.page_box.blockSignals(False)
        self.page_count.setText(tr("/ {0}").format(self.pages) if has else "")
        for w in (self.prev_button, self.page_box, self.zoom_in, self.zoom_out, self.zoom_label, self.print_button):
            w.setEnabled(has)
        self.prev_button.setEnabled(has and self.page > 0)
        self.next_button.setEnabled(has and self.page < self.pages - 1)
        self.zoom_label.setText(f"%{round(self.zoom * 100)}")
        self.system_button.setEnabled(self.path is not None)

    # --- printing and the system viewer ----------------------------------------
    def open_in_system(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def print_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.doc is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.name if self.path else "Faaliyet")
        printer.setFromTo(1, self.pages)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer) -> int:
        """Draw the chosen pages on ``printer`` at its resolution (≤ 300 dpi); returns the pages printed."""
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0:
            first, last = 1, self.pages
        dpi = min(printer.resolution(), 300)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        printed = 0
        try:
            for n in range(first - 1, min(last, self.pages)):
                if printed:
                    printer.newPage()
                image = render_page(self.doc, n, dpi / 72)
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
                printed += 1
        finally:
            painter.end()
        return printed

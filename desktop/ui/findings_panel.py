"""The live list of findings (errors and warnings); a click goes to the field.

A required field still empty is counted apart ("1 zorunlu alan boş", rows
"Eksik: …"): it blocks sending like an error, but a new file starts with it,
and "1 hata" before anything is typed says the clerk did something wrong.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..core.findings import count_by_severity
from . import look
from .i18n import tr
from .model import Document

# Each row says "Hata:" or "Uyarı:" and is coloured by it. (Rows carried the navigator's
# mark icons before: with word-wrapped rows an icon cost ~3 ms of the window's first paint.)
COLORS = {"error": look.ERROR_TEXT, "missing": look.NAVY, "warning": "#7a5a00", "plan": look.MUTED}


class FindingsPanel(QWidget):
    goTo = Signal(str)  # a finding's place

    def __init__(self, doc: Document, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.ok_text: str | None = None  # what "no errors" says when the file is not one to submit
        self.setObjectName("findingsPanel")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel(self)
        self.summary.setObjectName("findingsSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.list = QListWidget(self)
        self.list.setObjectName("findingsList")
        self.list.setAccessibleName(tr("Denetim bulguları"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)  # rows apart: a finding is often two or three lines
        self.list.setPalette(look.palette((QPalette.ColorRole.AlternateBase, "#edf1f5")))
        self.list.itemActivated.connect(self._go)
        self.list.itemClicked.connect(self._go)
        lay.addWidget(self.list)
        doc.findingsChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        doc = self.doc
        own = sorted((f for f in doc.findings if doc.is_own(f)), key=lambda f: (not f.is_error, f.is_missing, f.place))
        plan = [f for f in doc.findings if not doc.is_own(f)]
        counts = count_by_severity(own)
        missing = sum(1 for f in own if f.is_missing)
        errors = counts["error"] - missing
        if doc.submitted:
            text = tr("Dosya gönderildi; düzenlemeye kapalı.")
        elif errors:
            text = tr("{0} hata: dosya gönderilmeden önce düzeltilmeli. Bir satıra tıklayınca ilgili alana gidilir.").format(
                errors
            )
            if missing:
                text += " " + tr("{0} zorunlu alan boş.").format(missing)
        elif missing:
            text = tr(
                "{0} zorunlu alan boş: doldurulmadan dosya gönderilemez. Bir satıra tıklayınca ilgili alana gidilir."
            ).format(missing)
        else:
            text = self.ok_text or tr("✓ Hata yok; dosya gönderilebilir.")
        if counts["warning"] and not doc.submitted:
            text += " " + tr("{0} uyarı: bakmanız önerilir, göndermeyi engellemez.").format(counts["warning"])
        self.summary.setText(text)
        shown = (tuple(own), tuple(plan))
        if shown == getattr(self, "_shown", None):
            return
        self._shown = shown
        self.list.clear()
        for f in own + plan:
            label = f"{f.severity_label.capitalize()}: {f.message}"
            if f.is_missing:
                label = tr("Eksik: {0}").format(f.message)
            if not doc.is_own(f):
                label = tr("Plan (Strateji Geliştirme düzeltir): {0}").format(f.message)
            kind = ("missing" if f.is_missing else "error" if f.is_error else "warning") if doc.is_own(f) else "plan"
            short = label if len(label) <= 180 else label[:179].rstrip() + "…"
            item = QListWidgetItem(self.list)  # not (text, list): that overload makes PySide build QIcon
            item.setText(short)
            # the colour as the item's data, not setForeground(QBrush(...)): choosing among QBrush's
            # constructors makes PySide build QGradient and QImage with their enums (~3 ms of the
            # first paint); the view reads a colour in ForegroundRole as a brush all the same
            item.setData(Qt.ItemDataRole.ForegroundRole, QColor(COLORS[kind]))
            item.setData(Qt.ItemDataRole.UserRole, f.place)
            item.setToolTip(label)

    def set_ok_text(self, text: str) -> None:
        """Say ``text`` instead of "dosya gönderilebilir" when there is no error (the institution chapters)."""
        self.ok_text = text
        self.refresh()

    def _go(self, item: QListWidgetItem) -> None:
        self.goTo.emit(item.data(Qt.ItemDataRole.UserRole))

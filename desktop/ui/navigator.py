"""The list of a file's pages (form sections + indicators) with a completeness mark each."""

from __future__ import annotations

import msgspec
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QListWidget, QListWidgetItem, QWidget

from ..core import keys
from ..core.forms import SectionDef
from ..core.item_kinds import KINDS
from .i18n import tr
from .look import ACCENT, selection
from .model import Document

INDICATORS = "gostergeler"
MIN_WIDTH = 170  # px: the section names wrap; on a small window the navigator yields to the form
ITEM_MARGINS = 14  # px: an item's width less its text's beside the mark


class Status(msgspec.Struct):
    filled: int
    total: int
    errors: int  # mistakes to correct (a required field still empty is counted in ``missing``)
    warnings: int
    missing: int = 0  # required fields still empty: they block sending, but are no mistake

    @property
    def mark(self) -> str:
        if self.errors:
            return "error"
        if self.total and self.filled >= self.total and not self.warnings:
            return "done"
        if self.filled:
            return "partial"
        return "empty"


def section_status(doc: Document, section: SectionDef) -> Status:
    dept = doc.department
    slots = [s for s in doc.slots.values() if s.section == section.key and not s.computed]
    filled = sum(1 for s in slots if doc.entered(s.key) not in (None, ""))
    total = len(slots)
    prefixes = []
    for item in section.items:
        prefixes.append(keys.join(dept, item.key))
        item_filled, item_total = KINDS[item.kind].extra(dept, item, doc.entries)
        filled, total = filled + item_filled, total + item_total
    found = [f for f in doc.findings if any(f.place == p or f.place.startswith(p + ".") for p in prefixes)]
    return _status(filled, total, found)


def _status(filled: int, total: int, found) -> Status:
    missing = sum(f.is_missing for f in found)
    return Status(filled, total, sum(f.is_error for f in found) - missing, sum(not f.is_error for f in found), missing)


def plan_places(doc: Document) -> set[str]:
    out = set()
    for x in doc.indicators + doc.activities:
        out |= {x.key, f"{x.key}.actual", f"{x.key}.actual_cost", f"{x.key}.explanation", f"{x.key}.source"}
    out |= {t.key for t in doc.definition.plan.targets()}
    return out


def indicators_status(doc: Document) -> Status:
    filled = sum(1 for i in doc.indicators if doc.indicator(i.key).actual is not None)
    filled += sum(1 for a in doc.activities if doc.activity(a.key).actual_cost is not None)
    places = plan_places(doc)
    found = [f for f in doc.findings if f.place in places and doc.is_own(f)]
    return _status(filled, len(doc.indicators) + len(doc.activities), found)


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, found by its object name.

    The first ``viewport()`` of a process makes PySide look for the widget's Python
    type through every QtWidgets class and build them all with their enums (~7 ms
    at start-up); ``findChild`` hands back the same widget without that search.
    """
    found = area.findChild(QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else area.viewport()


_COLORS = {"done": "#2e7d32", "partial": "#f9a825", "empty": "#9e9e9e", "error": "#c62828"}


_ICONS: dict[tuple[str, int], QPixmap] = {}


def mark_icon(mark: str, size: int = 16) -> QPixmap:
    """The mark as a pixmap for the item's DecorationRole: drawn as QIcon(pixmap) would be,
    without making PySide build the QIcon type and its enums on the way to the first paint."""
    if (mark, size) not in _ICONS:
        _ICONS[(mark, size)] = _draw_mark(mark, size)
    return _ICONS[(mark, size)]


def _draw_mark(mark: str, size: int) -> QPixmap:
    pix = QPixmap(size * 2, size * 2)
    pix.setDevicePixelRatio(2)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(_COLORS[mark])
    r = QRectF(1.5, 1.5, size - 3, size - 3)
    if mark == "empty":
        p.setPen(QPen(color, 1.6))
        p.drawEllipse(r)
    elif mark == "partial":
        p.setPen(QPen(color, 1.6))
        p.drawEllipse(r)
        p.setBrush(color)
        p.drawPie(r, 90 * 16, 180 * 16)
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawEllipse(r)
        p.setPen(QPen(QColor("white"), 2.0))
        c = r.center()
        if mark == "done":
            p.drawPolyline(
                [QPointF(r.left() + 3.5, c.y()), QPointF(c.x() - 1, r.bottom() - 4), QPointF(r.right() - 3, r.top() + 4)]
            )
        else:
            p.drawLine(QPointF(c.x(), r.top() + 3), QPointF(c.x(), r.bottom() - 6))
            p.drawPoint(QPointF(c.x(), r.bottom() - 3))
    p.end()
    return pix


def mark_tip(mark: str) -> str:
    return {
        "done": tr("Tamamlandı"),
        "partial": tr("Kısmen dolduruldu"),
        "empty": tr("Henüz bir şey girilmedi"),
        "error": tr("Düzeltilmesi gereken hata var"),
    }[mark]


class Navigator(QListWidget):
    pageChosen = Signal(str)  # section key or INDICATORS

    def __init__(self, doc: Document, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("navigator")
        selection(self, ACCENT, "#ffffff")  # the page shown, with or without the focus
        self.setAccessibleName(tr("Bölümler"))
        self.setIconSize(QSize(16, 16))
        self.setSpacing(2)
        self.setMinimumWidth(MIN_WIDTH)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._keys: list[str] = []
        for section in doc.definition.form(doc.department).sections:
            self._add(section.key)
        if doc.indicators or doc.activities:
            self._add(INDICATORS)
        self.currentRowChanged.connect(lambda row: row >= 0 and self.pageChosen.emit(self._keys[row]))
        doc.changed.connect(self.refresh)  # any edit, photo, state or findings change: one refresh
        self.refresh()

    def _add(self, key: str) -> None:
        self._keys.append(key)
        item = QListWidgetItem(self)
        item.setData(Qt.ItemDataRole.UserRole, key)

    def refresh(self) -> None:
        sections = {s.key: s for s in self.doc.definition.form(self.doc.department).sections}
        for row, key in enumerate(self._keys):
            if key == INDICATORS:
                title, st, unit = tr("Performans göstergeleri"), indicators_status(self.doc), tr("girildi")
            else:
                title, st, unit = sections[key].title, section_status(self.doc, sections[key]), tr("dolu")
            detail = f"{st.filled}/{st.total} {unit}"
            if st.errors:
                detail += " · " + tr("{0} hata").format(st.errors)
            elif st.missing:
                detail += " · " + tr("{0} zorunlu boş").format(st.missing)
            elif st.warnings:
                detail += " · " + tr("{0} uyarı").format(st.warnings)
            item = self.item(row)
            text = f"{title}\n{detail}"
            if item.text() != text or item.data(Qt.ItemDataRole.UserRole + 1) != st.mark:
                item.setText(text)
                item.setData(Qt.ItemDataRole.DecorationRole, mark_icon(st.mark))
                item.setToolTip(f"{title}\n{mark_tip(st.mark)}")
                item.setData(Qt.ItemDataRole.UserRole + 1, st.mark)
        self._fit_items()

    def _fit_items(self) -> None:
        """Every item as tall as its wrapped text (long section titles take two or three lines)."""
        # the text's width as the item draws it: the item (less the list's spacing), less the
        # mark and the style's margins around mark and text (measured: Fusion, 100 % and 150 %)
        width = max(120, viewport_of(self).width() - 2 * self.spacing() - self.iconSize().width() - ITEM_MARGINS)
        fm = self.fontMetrics()
        for row in range(self.count()):
            item = self.item(row)
            rect = fm.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), item.text())
            item.setSizeHint(QSize(width, rect.height() + 14))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_items()

    def mark_of(self, key: str) -> str:
        return self.item(self._keys.index(key)).data(Qt.ItemDataRole.UserRole + 1)

    def select(self, key: str) -> None:
        if key in self._keys:
            self.setCurrentRow(self._keys.index(key))

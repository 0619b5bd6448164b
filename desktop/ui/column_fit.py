"""A list table's columns fit its width: long texts shrink and elide before the table scrolls sideways.

At 150 % on a 1366×768 laptop (910×512 logical px maximized, 819×460 as it
opens) the strategy window's board and import history were wider than their
view: the last column was cut off or out of sight. ``ColumnFit`` gives every
column the width its texts need (at most its cap). When they add up to more
than the viewport, the columns that may shrink give up width in proportion to
what they have above their floor (the least read ones first, when the table names
them: the board's last import gives up its file name before a department's name
or state is cut); the others (dates, numbers, short words) keep theirs. Only when
even the floors do not fit does the table scroll sideways. A 100 % window whose
columns fit keeps them exactly as before.

A column the user widens or narrows by dragging its header's edge keeps that width
(until the table is made again): the other columns make room for it, or the table
scrolls sideways when they cannot.

A cell or header label that is cut (elided) shows its whole text as a tooltip,
unless the cell has a tooltip of its own. The texts' widths are measured when
the rows change (``refresh``), not at each resize: sizing every row of a big
year after each change cost 0,7 s (the board's ``FIT_ROWS``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QToolTip

from .navigator import viewport_of

FLOOR = 90  # px: a shrinking column keeps at least this much (a short word and the ellipsis)


def shares(natural: list[int], floors: list[int], available: int, order: Iterable[Iterable[int]] = ()) -> list[int]:
    """Widths for columns wanting ``natural`` in ``available`` px: what is too much is taken from each
    column in proportion to its width above its floor; never below the floors (the sum may then exceed).
    ``order``: groups of columns that give up width before the rest, in turn (a group is cut to its
    floors before the next group, then the rest, gives any)."""
    widths = list(natural)
    every = range(len(natural))
    for group in [*[list(g) for g in order], every]:
        over = sum(widths) - available
        if over <= 0:
            break
        cut = _in_proportion([widths[c] for c in group], [floors[c] for c in group], sum(widths[c] for c in group) - over)
        for c, width in zip(group, cut, strict=True):
            widths[c] = width
    return widths


def _in_proportion(natural: list[int], floors: list[int], available: int) -> list[int]:
    total = sum(natural)
    spare = sum(n - f for n, f in zip(natural, floors, strict=True))
    if total <= available or spare <= 0:
        return list(natural)
    cut = min(total - available, spare)
    keep = (spare - cut) / spare
    widths = [f + int((n - f) * keep) for n, f in zip(natural, floors, strict=True)]
    left = min(available, total) - sum(widths)  # rounding: the pixels lost go to the widest shrunk columns
    for i in sorted(range(len(widths)), key=lambda i: floors[i] - natural[i]):
        if left <= 0:
            break
        if widths[i] < natural[i]:
            widths[i] += 1
            left -= 1
    return widths


class ElidedTips(QStyledItemDelegate):
    """Draws as usual; a cell whose text is cut shows the whole text as its tooltip."""

    def helpEvent(self, event, view, option, index) -> bool:
        if event is None or event.type() != QEvent.Type.ToolTip or index.data(Qt.ItemDataRole.ToolTipRole):
            return super().helpEvent(event, view, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget or view
        style = widget.style() if widget is not None else None
        if style is None or not opt.text:
            return super().helpEvent(event, view, option, index)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        if opt.fontMetrics.horizontalAdvance(opt.text) > rect.width() - 2 * margin:
            QToolTip.showText(event.globalPos(), opt.text, view)
            return True
        return super().helpEvent(event, view, option, index)


def text_floor(table: QTableView, text: str) -> int:
    """The width of a column whose cells show ``text`` whole at their start, followed by "…" (the rest cut)."""
    style = table.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return table.fontMetrics().horizontalAdvance(text + " …") + 2 * margin + 2


class ColumnFit(QObject):
    """Keeps ``table``'s columns inside its viewport; ``shrink``: the columns that may narrow,
    ``caps``: the widest a column is made for its texts (a longer text elides); ``first``: of those,
    the ones that narrow to their floor before the others give any width (the least read); ``floors``:
    a column's own floor instead of ``floor`` (``text_floor``: the width that shows a text whole)."""

    def __init__(
        self,
        table: QTableView,
        shrink: Iterable[int],
        caps: dict[int, int] | None = None,
        floor: int = FLOOR,
        first: Iterable[int] = (),
        floors: dict[int, int] | None = None,
    ):
        super().__init__(table)
        self.table = table
        self.shrink = set(shrink)
        self.first = [c for c in first if c in self.shrink]
        self.caps = dict(caps or {})
        self.floor = floor
        self.floors = dict(floors or {})
        self.natural: list[int] = []
        self.chosen: dict[int, int] = {}  # column -> the width the user dragged it to
        self._fitting = False
        self._dragging = False  # a mouse button is down on the header (a drag resizes a column)
        table.setItemDelegate(ElidedTips(table))
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)  # else a cut label is clipped at both ends
        self.viewport = viewport_of(table)
        self.header_viewport = viewport_of(table.horizontalHeader())
        self.viewport.installEventFilter(self)
        self.header_viewport.installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._resized)

    def refresh(self) -> None:
        """Measure the texts again (after the rows changed) and fit."""
        model, head = self.table.model(), self.table.horizontalHeader()
        count = model.columnCount() if model is not None else 0
        self.natural = [
            min(self.caps.get(c, 1 << 20), max(self.table.sizeHintForColumn(c), head.sectionSizeHint(c))) for c in range(count)
        ]
        self.fit()

    def fit(self) -> None:
        if self._fitting or not self.natural:
            return
        natural = [self.chosen.get(c, n) for c, n in enumerate(self.natural)]
        floors = [
            n if c in self.chosen or c not in self.shrink else min(n, self.floors.get(c, self.floor))
            for c, n in enumerate(natural)
        ]
        widths = shares(natural, floors, self.viewport.width(), [self.first] if self.first else ())
        self._fitting = True
        try:
            for col, width in enumerate(widths):
                if self.table.columnWidth(col) != width:
                    self.table.setColumnWidth(col, width)
        finally:
            self._fitting = False

    def _resized(self, column: int, _old: int, new: int) -> None:
        """A column resized while the user drags the header: their width, kept (the last column
        of a header that stretches it is Qt's to size, not the user's)."""
        head = self.table.horizontalHeader()
        if self._fitting or not self._dragging or (head.stretchLastSection() and column == head.count() - 1):
            return
        self.chosen[column] = new

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if watched is self.viewport and kind == QEvent.Type.Resize:
            if event.size().width() != event.oldSize().width():
                self.fit()
        elif watched is self.header_viewport:
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                self._dragging = True
            elif kind == QEvent.Type.MouseButtonRelease:
                self._dragging = False
            elif kind == QEvent.Type.ToolTip:
                return self._header_tip(event)
        return False

    def _header_tip(self, event) -> bool:
        """A header label cut by a narrow column: its whole text as the tooltip."""
        head = self.table.horizontalHeader()
        section = head.logicalIndexAt(event.pos())
        model = self.table.model()
        if section < 0 or model is None:
            return False
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        if text and head.sectionSizeHint(section) > head.sectionSize(section):
            QToolTip.showText(event.globalPos(), text, head)
            return True
        return False

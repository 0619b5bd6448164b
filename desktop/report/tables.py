"""Tables with measured column widths.

Cells are plain strings (fast). Text wider than its column is wrapped here,
once, by ``simpleSplit``'s rule (its words measured through the width cache)
into a multi-line string: no Paragraph in cells.
A word wider than its column (a 3.000-character "word" with no spaces) is
broken between characters (``wrap_lines``), and such a word never makes its
column wider than ``WORD_CAP``. A row must fit on a page: a table whose
tallest row is taller than ``ROW_ROOM`` does not fit at that size (a wider
page or smaller type is tried); as a last resort ``RowTooTall`` names the
cell, and the caller names the field to the user.
Column widths come from ``stringWidth`` so numbers never overflow their cell. A table that does not fit the portrait
frame at a readable size goes on a landscape page; as a last resort it is
set smaller.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from ..core.numbers import NBSP, bind_units
from . import fonts as F
from .cell_styles import split_style
from .document import LANDSCAPE, MARGIN_BOTTOM, MARGIN_TOP
from .fonts import width as stringWidth
from .makeup import balanced_split
from .styles import ACCENT, ACCENT_LIGHT, RULE, TABLE_SIZE

PAD = 4.0  # left and right padding of a cell
PORTRAIT_SIZES = (TABLE_SIZE, 8.0, 7.5)
LANDSCAPE_SIZES = (TABLE_SIZE, 8.0, 7.5, 7.0, 6.5)
WORD_CAP = 120.0  # a longer word does not widen its column; it is broken instead
# the header and one row must fit on the shorter (landscape) page, with room to spare
ROW_ROOM = 0.9 * (LANDSCAPE[1] - MARGIN_TOP - MARGIN_BOTTOM)


class RowTooTall(ValueError):
    """A body row that cannot fit on a page: ``row`` and ``column`` index the body cell."""

    def __init__(self, row: int, column: int):
        super().__init__(f"row {row}, column {column}")
        self.row, self.column = row, column


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` in lines no wider than ``width``: at spaces, and within words that are wider."""
    out: list[str] = []
    for line in _split(text, font, size, width):
        if stringWidth(line, font, size) <= width:
            out.append(line)
            continue
        start, used = 0, 0.0
        for i, c in enumerate(line):
            w = stringWidth(c, font, size)
            if used + w > width and i > start:
                out.append(line[start:i])
                start, used = i, 0.0
            used += w
        out.append(line[start:])
    return out


def _split(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines at ordinary spaces: a no-break space (a number and its unit, ``numbers.bind_units``) holds."""
    if NBSP not in text:
        if not width:
            return text.split("\n")
        return [line for para in text.split("\n") for line in _split_at_spaces(para, font, size, width)]
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    for para in text.split("\n"):
        line, used = "", 0.0
        for word in para.split(" "):
            w = stringWidth(word, font, size)
            if line and used + space + w > width:
                lines.append(line)
                line, used = word, w
            else:
                line, used = (f"{line} {word}" if line else word), (used + space + w if line else w)
        lines.append(line)
    return lines


def _split_at_spaces(text: str, font: str, size: float, width: float) -> list[str]:
    """ReportLab's ``simpleSplit`` for one line of text, its words measured through the cache
    (``fonts.width``): the same lines."""
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    words: list[str] = []
    used = -space
    for word in text.split():
        w = stringWidth(word, font, size)
        if used + space + w <= width or not words:
            words.append(word)
            used = used + space + w
        else:
            lines.append(" ".join(words))
            words = [word]
            used = w
    if words:
        lines.append(" ".join(words))
    return lines


class VerticalText(Flowable):
    """A header label turned 90° (read bottom to top) for many narrow number columns."""

    MAX = 110.0  # longer labels go on two turned lines

    def __init__(self, text: str, font: str, size: float, color):
        super().__init__()
        self.font, self.size, self.color = font, size, color
        self.lines = _split_two(text, font, size) if stringWidth(text, font, size) > self.MAX else [text]
        self.width = len(self.lines) * size * 1.2
        self.height = max(stringWidth(line, font, size) for line in self.lines) + 2

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.saveState()
        c.setFont(self.font, self.size)
        c.setFillColor(self.color)
        c.rotate(90)
        for i, line in enumerate(self.lines):
            c.drawString(1, -(i + 1) * self.size * 1.2 + self.size * 0.25, line)
        c.restoreState()


def _split_two(text: str, font: str, size: float) -> list[str]:
    words = text.split()
    if len(words) < 2:
        return [text]
    best = min(
        range(1, len(words)),
        key=lambda i: max(stringWidth(" ".join(words[:i]), font, size), stringWidth(" ".join(words[i:]), font, size)),
    )
    return [" ".join(words[:best]), " ".join(words[best:])]


def turned_width(text: str, font: str, size: float) -> float:
    lines = 2 if stringWidth(text, font, size) > VerticalText.MAX and len(text.split()) > 1 else 1
    return lines * size * 1.2


@dataclass(frozen=True)
class Col:
    align: str = "right"  # left | right | center
    wrap: bool = False  # long text that may wrap (labels, explanations)
    min_width: float = 0.0  # for wrapping columns
    weight: float = 1.0  # share of spare width among wrapping columns


@dataclass
class Fitted:
    table: Table
    landscape: bool
    size: float


def _longest_word(text: str, font: str, size: float) -> float:
    """The widest word, but never more than ``WORD_CAP`` (longer words are broken)."""
    words = text.split(" ") if NBSP in text else text.split()
    return min(WORD_CAP, max((stringWidth(w, font, size) for w in words), default=0.0))


def _widths(header, rows, cols, width, size, bold_rows, turned=False) -> list[float] | None:
    n = len(cols)
    need = [0.0] * n
    natural = [0.0] * n
    for i, col in enumerate(cols):
        h = header[i] if i < len(header) else ""
        if turned and i > 0:
            hmin = hnat = turned_width(h, F.SANS_BOLD, size) + 2 * PAD
        else:
            hmin = _longest_word(h, F.SANS_BOLD, size) + 2 * PAD
            hnat = stringWidth(h, F.SANS_BOLD, size) + 2 * PAD
        cell_nat = 0.0
        cell_word = 0.0
        for r, row in enumerate(rows):
            text = row[i]
            if not text or not isinstance(text, str):
                continue
            font = F.SANS_BOLD if r in bold_rows else F.SANS
            wdt = stringWidth(text, font, size)
            if wdt > cell_nat:
                cell_nat = wdt
            if col.wrap:
                lw = _longest_word(text, font, size)
                if lw > cell_word:
                    cell_word = lw
        cell_nat += 2 * PAD
        if col.wrap:
            natural[i] = max(cell_nat, hmin)
            need[i] = min(max(cell_word + 2 * PAD, col.min_width, hmin), natural[i])
        else:
            need[i] = max(cell_nat, hmin)
            natural[i] = max(need[i], min(hnat, need[i] * 1.6))
    if sum(need) > width + 0.01:
        return None
    widths = list(need)
    spare = width - sum(widths)
    # 1. wrapping columns grow towards their natural width, by weight
    for _ in range(6):
        hungry = [i for i in range(n) if cols[i].wrap and widths[i] < natural[i] - 0.01]
        if spare <= 0.01 or not hungry:
            break
        total_w = sum(cols[i].weight for i in hungry)
        given = 0.0
        for i in hungry:
            add = min(spare * cols[i].weight / total_w, natural[i] - widths[i])
            widths[i] += add
            given += add
        spare -= given
    # 2. headers that would wrap get room, then the rest is shared
    for i in range(n):
        if spare <= 0.01:
            break
        if not cols[i].wrap and widths[i] < natural[i]:
            add = min(spare, natural[i] - widths[i])
            widths[i] += add
            spare -= add
    if spare > 0.01:
        total = sum(widths)
        widths = [w + spare * w / total for w in widths]
    return widths


def _forced_widths(header, rows, width, size, bold_rows, turned) -> list[float]:
    """Widths when nothing fits: every column keeps room for two characters, the rest of
    the width goes by natural width, a long text counting no more than a few words."""
    n = len(header)
    floor = 2 * PAD + 2 * size
    weights = []
    for i in range(n):
        h = header[i] or ""
        natural = turned_width(h, F.SANS_BOLD, size) if turned and i > 0 else stringWidth(h, F.SANS_BOLD, size)
        for r, row in enumerate(rows):
            if isinstance(row[i], str) and row[i]:
                natural = max(natural, stringWidth(row[i], F.SANS_BOLD if r in bold_rows else F.SANS, size))
        weights.append(min(natural, 3 * WORD_CAP) + 1.0)
    spare = max(0.0, width - n * floor)
    total = sum(weights)
    return [floor + spare * w / total for w in weights]


def make_table(
    header: list[str],
    rows: list[list],
    cols: list[Col],
    width: float,
    size: float,
    *,
    bold_rows: set[int] = frozenset(),
    shaded_rows: set[int] = frozenset(),
    force: bool = False,
    extra_style: list | None = None,
    with_header: bool = True,
    turned: bool = False,
    row_anchors: dict[int, tuple[str, ...]] | None = None,
) -> LazyTable | None:
    """A styled table at ``size`` that fits ``width``, or None if it cannot.

    ``turned``: header labels (except the first) are turned 90°, so that a
    column is only as wide as its numbers.
    """
    widths = _widths(header, rows, cols, width, size, bold_rows, turned)
    if widths is None:
        if not force:
            return None
        widths = _forced_widths(header, rows, width, size, bold_rows, turned)
        cols = [Col(c.align, True, 0, c.weight) for c in cols]
    head_cells = []
    for i, h in enumerate(header):
        if turned and i > 0:
            head_cells.append(VerticalText(h, F.SANS_BOLD, size, colors.white))
        elif stringWidth(h, F.SANS_BOLD, size) > widths[i] - 2 * PAD:
            head_cells.append("\n".join(wrap_lines(h, F.SANS_BOLD, size, widths[i] - 2 * PAD + 0.01)))
        else:
            head_cells.append(h)
    body = [head_cells]
    for r, row in enumerate(rows):
        bold = r in bold_rows
        font = F.SANS_BOLD if bold else F.SANS
        out = []
        for i, text in enumerate(row):
            text = bind_units(text)
            if isinstance(text, str) and text and (cols[i].wrap or force) and stringWidth(text, font, size) > widths[i] - 2 * PAD:
                # wrapped here, once: a multi-line plain string is far cheaper than a Paragraph
                out.append("\n".join(wrap_lines(text, font, size, widths[i] - 2 * PAD + 0.01)))
            else:
                out.append(text)
        body.append(out)
    tall = _too_tall(body, size, with_header)
    if tall is not None:
        if not force:
            return None
        raise RowTooTall(*tall)
    if not with_header:
        body = body[1:]
        style = [
            ("FONT", (0, 0), (-1, -1), F.SANS, size, size * 1.22),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
        ] + [("ALIGN", (i, 0), (i, -1), col.align.upper()) for i, col in enumerate(cols)]
        return LazyTable(body, widths, 0, style + (extra_style or []), row_anchors)
    style = [
        ("FONT", (0, 0), (-1, -1), F.SANS, size, size * 1.22),
        ("FONT", (0, 0), (-1, 0), F.SANS_BOLD, size, size * 1.2),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F5F7FA")]),
    ]
    for i, col in enumerate(cols):
        if col.align != "left":
            style.append(("ALIGN", (i, 1), (i, -1), col.align.upper()))
    for r in sorted(bold_rows):
        style += [
            ("FONT", (0, r + 1), (-1, r + 1), F.SANS_BOLD, size, size * 1.22),
            ("LINEABOVE", (0, r + 1), (-1, r + 1), 0.8, ACCENT),
            ("BACKGROUND", (0, r + 1), (-1, r + 1), ACCENT_LIGHT),
        ]
    for r in sorted(shaded_rows):
        style.append(("BACKGROUND", (0, r + 1), (-1, r + 1), ACCENT_LIGHT))
    if turned:
        style += [("VALIGN", (1, 0), (-1, 0), "BOTTOM"), ("ALIGN", (1, 0), (-1, 0), "CENTER")]
    if extra_style:
        style += extra_style
    return LazyTable(body, widths, 1, style, {r + 1: a for r, a in (row_anchors or {}).items()})


def _height(cell, size: float) -> float:
    if isinstance(cell, str):
        return (cell.count("\n") + 1) * size * 1.22 + 6
    return getattr(cell, "height", size * 1.22) + 6


def _too_tall(body: list, size: float, with_header: bool) -> tuple[int, int] | None:
    """(row, column) of the body cell that makes its row taller than a page allows, or None."""
    head = max((_height(c, size) for c in body[0]), default=0.0) if with_header else 0.0
    for r, row in enumerate(body[1:] if with_header else body):
        for c, cell in enumerate(row):
            if head + _height(cell, size) > ROW_ROOM:
                return r, c
    return None


class AnchoredTable(Table):
    """A Table whose rows carry anchors (``document.Anchor`` names: a marked figure's finding). When it
    splits across pages each part keeps the anchors of its own rows, so the document records the page
    each marked row is drawn on, not only where the table starts."""

    row_anchors: dict[int, tuple[str, ...]] = {}
    _calc_for: tuple[float, float] | None = None  # (width, full height) of the last layout of every row

    @property
    def anchor_names(self) -> list[str]:
        return [n for names in self.row_anchors.values() for n in names]

    def _calc(self, availWidth, availHeight):
        """``Table._calc``, not done again when nothing it depends on changed.

        Its result depends on the width, on the cells (fixed once made) and on the
        height only where the table is taller than it: ReportLab stops measuring rows
        once they pass the height. When the last layout measured every row at this
        width and they fit the height asked now, this one would give the same row
        heights, positions and size: they are kept (a table is measured by its
        ``Together``, placed, and again in the drawing pass)."""
        known = self._calc_for
        if known is not None and known[0] == availWidth and known[1] <= availHeight:
            return
        super()._calc(availWidth, availHeight)
        self._calc_for = (availWidth, self._height) if self._hmax == self._nrows else None

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and self.row_anchors:
            first, rest = parts
            n = len(first._cellvalues)
            repeated = len(rest._cellvalues) - (len(self._cellvalues) - n)  # header rows repeated on the next page
            first.row_anchors = {r: a for r, a in self.row_anchors.items() if r < n}
            rest.row_anchors = {r - n + repeated: a for r, a in self.row_anchors.items() if r >= n}
        return parts


class LazyTable(Flowable):
    """A table kept as its cells and style; the ReportLab ``Table`` exists only
    while it is laid out and drawn.

    A ``Table`` holds a style object per cell: a thousand-page report kept as
    Tables needs hundreds of MiB. This wrapper builds the Table when a frame
    asks for it and lets it go once it is drawn or split. The dry pass may keep
    a Table it placed whole, measured, for the drawing pass, within the bound
    on what it keeps (``document.KEEP_LINES``).
    """

    keeps_lines = True

    def __init__(self, body: list, widths: list[float], repeat_rows: int, style: list, row_anchors=None):
        super().__init__()
        self.body, self.widths, self.repeat_rows, self.style = body, widths, repeat_rows, style
        self.row_anchors: dict[int, tuple[str, ...]] = row_anchors or {}  # row (header included) → anchor names
        self.hAlign = "LEFT"
        self._table: Table | None = None

    @property
    def anchor_names(self) -> list[str]:
        """The anchors of every row: drawn whole, the table stands on one page."""
        return [n for names in self.row_anchors.values() for n in names]

    def table(self) -> Table:
        if self._table is None:
            grid, commands = split_style(self.style, len(self.body), max(map(len, self.body), default=0))
            self._table = AnchoredTable(
                self.body,
                colWidths=self.widths,
                repeatRows=self.repeat_rows,
                hAlign="LEFT",
                style=TableStyle(commands),
                cellStyles=grid,
            )
            self._table.row_anchors = self.row_anchors
        return self._table

    def release(self) -> None:
        self._table = None

    def wrap(self, aw, ah):
        t = self.table()
        t.canv = getattr(self, "canv", None)
        w, h = t.wrap(aw, ah)
        self.width, self.height = w, h
        return w, h

    def split(self, aw, ah):
        t = self.table()
        t.canv = getattr(self, "canv", None)
        parts = balanced_split(t, aw, ah, self.repeat_rows)  # no lone row on either page
        self.release()
        return parts

    def drawOn(self, canvas, x, y, _sW=0):
        self.table().drawOn(canvas, x, y, _sW)
        self.release()

    def getSpaceBefore(self):
        return 0

    def getSpaceAfter(self):
        return 0


def fit_table(
    header, rows, cols, portrait_width: float, landscape_width: float, *, prefer_landscape: bool = False, **kw
) -> Fitted:
    """The table at the largest readable size; portrait if it fits there."""
    if not prefer_landscape:
        for size in PORTRAIT_SIZES:
            t = make_table(header, rows, cols, portrait_width, size, **kw)
            if t is not None:
                return Fitted(t, False, size)
    for size in LANDSCAPE_SIZES:
        t = make_table(header, rows, cols, landscape_width, size, **kw)
        if t is not None:
            return Fitted(t, True, size)
    for size in LANDSCAPE_SIZES[2:]:
        t = make_table(header, rows, cols, landscape_width, size, turned=True, **kw)
        if t is not None:
            return Fitted(t, True, size)
    # very many columns: smaller type (never below 4 pt) rather than numbers spilling out
    size = LANDSCAPE_SIZES[-1]
    while size > 4.0:
        size = round(size - 0.25, 2)
        t = make_table(header, rows, cols, landscape_width, size, turned=True, **kw)
        if t is not None:
            return Fitted(t, True, size)
    return Fitted(make_table(header, rows, cols, landscape_width, size, force=True, turned=True, **kw), True, size)

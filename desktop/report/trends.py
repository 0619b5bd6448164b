"""Indicator trends in the performance section: a row of years with values and a sparkline.

An indicator gets a trend when it has an actual in two or more years: the years the
file holds as history (``Workbook.history()``) and the report's own year. The
trend table follows its performance target's table; the sparkline is a small
flowable drawn in its cell (no chart library: a polyline and a dot).
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable

from ..core.numbers import format_number
from ..core.plan import IndicatorDef
from .context import Context
from .paragraph import Paragraph
from .styles import ACCENT, MUTED, sheet
from .tables import Col, fit_table
from .text import esc

SPARK_HEIGHT = 12.0
SPARK_MAX_WIDTH = 90.0
SPARK_ROOM = 70.0  # the width its column is given when the names can spare it


class Sparkline(Flowable):
    """The values of the years as a line, as wide as its cell allows (at most ``SPARK_MAX_WIDTH``)."""

    def __init__(self, values: list[Decimal | None]):
        super().__init__()
        self.values = values
        self.width, self.height = 40.0, SPARK_HEIGHT

    def wrap(self, aw, ah):
        self.width = max(20.0, min(aw, SPARK_MAX_WIDTH))
        return self.width, self.height

    def points(self) -> list[tuple[float, float]]:
        """(x, y) of every year with a value; the lowest value at the bottom, the highest at the top."""
        known = [(i, float(v)) for i, v in enumerate(self.values) if v is not None]
        if not known:
            return []
        lo, hi = min(v for _, v in known), max(v for _, v in known)
        span = hi - lo
        steps = max(len(self.values) - 1, 1)
        room = self.height - 4
        return [(2 + (self.width - 4) * i / steps, 2 + (room * (v - lo) / span if span else room / 2)) for i, v in known]

    def draw(self):
        pts = self.points()
        if not pts:
            return
        c = self.canv
        c.saveState()
        c.setStrokeColor(ACCENT)
        c.setLineWidth(0.9)
        path = c.beginPath()
        path.moveTo(*pts[0])
        for p in pts[1:]:
            path.lineTo(*p)
        c.drawPath(path, stroke=1, fill=0)
        c.setFillColor(MUTED)
        for p in pts[:-1]:
            c.circle(p[0], p[1], 0.9, stroke=0, fill=1)
        c.setFillColor(ACCENT)
        c.circle(pts[-1][0], pts[-1][1], 1.6, stroke=0, fill=1)  # this year
        c.restoreState()


def actuals(ctx: Context, ind: IndicatorDef) -> dict[int, Decimal]:
    """Year → actual of an indicator: the stored years of history and the report's year."""
    out: dict[int, Decimal] = {}
    for year, entries in sorted(ctx.history.items()):
        entry = entries.indicators.get(ind.key)
        if entry is not None and entry.actual is not None and year < ctx.year:
            out[year] = entry.actual
    entry = ctx.entries.indicators.get(ind.key)
    if entry is not None and entry.actual is not None:
        out[ctx.year] = entry.actual
    return out


def trend_rows(ctx: Context, indicators: list[IndicatorDef]) -> tuple[list[int], list[list]]:
    """The years shown and one row per indicator with two or more years of actuals:
    code, name, a value per year ("" where none), the sparkline."""
    series = [(ind, actuals(ctx, ind)) for ind in indicators]
    series = [(ind, years) for ind, years in series if len(years) >= 2]
    shown = sorted({y for _, years in series for y in years})
    rows = []
    for ind, years in series:
        values = [years.get(y) for y in shown]
        rows.append([ind.code, ind.name, *("" if v is None else format_number(v) for v in values), Sparkline(values)])
    return shown, rows


def trend_block(ctx: Context, indicators: list[IndicatorDef]) -> list:
    """The trend table of a performance target's indicators, or nothing when none has two years."""
    years, rows = trend_rows(ctx, indicators)
    if not rows:
        return []
    header = ["Kod", "Gösterge", *(str(y) for y in years), "Eğilim"]
    cols = [Col("left"), Col("left", True, 110, 3), *(Col("right") for _ in years), Col("center")]
    fitted = fit_table(header, rows, cols, ctx.portrait_width, ctx.landscape_width, prefer_landscape=True)
    widths = fitted.table.widths  # the sparkline is not text: its column gets room from the names
    room = min(max(0.0, SPARK_ROOM - widths[-1]), max(0.0, widths[1] - 110))
    widths[-1] += room
    widths[1] -= room
    return [Paragraph(esc("Göstergelerin yıllara göre gerçekleşmesi"), sheet()["table_title"]), fitted.table]

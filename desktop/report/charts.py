"""Charts drawn with reportlab.graphics from a table's computed values."""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..core.numbers import format_number, format_percent
from . import fonts as F
from .drawing import Drawing
from .styles import MUTED, TEXT

PALETTE = [colors.HexColor(c) for c in ("#1F3A5F", "#4F8FBF", "#E0A030", "#7A9A50", "#B05050", "#8A7AB0", "#5AA8A0", "#A0A0A0")]
MAX_SERIES = 4


def _num(v) -> float | None:
    if isinstance(v, bool) or not isinstance(v, (int, Decimal, float)):
        return None
    return float(v)


def _axis_label(v: float) -> str:
    if abs(v) >= 1_000_000:
        return format_number(Decimal(str(round(v / 1_000_000, 1)))) + " Mn"
    return format_number(int(round(v)))


def bar_chart(categories: list[str], series: list[tuple[str, list[float | None]]], width: float) -> Drawing:
    long_labels = max((stringWidth(c, F.SANS, 7) for c in categories), default=0) > 60 or len(categories) > 14
    n = len(categories)
    legend_h = 24 if len(series) > 1 else 0
    if long_labels:
        label_w = min(max(stringWidth(c, F.SANS, 7) for c in categories) + 8, width * 0.38)
        names = [wrap_label(c, label_w - 8) for c in categories]
        lines = max(name.count("\n") + 1 for name in names)
        height = max(90, n * max(10 + 5 * len(series), lines * LABEL_LEADING + 3) + 40) + legend_h
        chart = HorizontalBarChart()
        chart.x, chart.y = label_w, 20 + legend_h
        chart.width, chart.height = width - label_w - 20, height - 32 - legend_h
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
        chart.categoryAxis.reverseDirection = 1
        chart.categoryAxis.labels.leading = LABEL_LEADING
        chart.categoryAxis.categoryNames = names
    else:
        # few bars: a narrower chart, not fat bars across the page
        width = min(width, max(240, n * (len(series) * 26 + 18) + 70))
        height = 170 + legend_h
        chart = VerticalBarChart()
        chart.x, chart.y = 44, 28 + legend_h
        chart.width, chart.height = width - 60, height - 40 - legend_h
        chart.categoryAxis.labels.boxAnchor = "n"
        chart.categoryAxis.labels.dy = -3
        chart.categoryAxis.labels.leading = LABEL_LEADING
        chart.categoryAxis.categoryNames = [wrap_label(c, chart.width / max(n, 1) - 2) for c in categories]
    chart.data = [[v or 0 for v in values] for _, values in series]
    for i in range(len(series)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = F.SANS
        axis.labels.fontSize = 7
        axis.labels.fillColor = TEXT
        axis.strokeColor = MUTED
        axis.strokeWidth = 0.5
    chart.valueAxis.valueMin = min(0, min((v for _, vals in series for v in vals if v is not None), default=0))
    chart.valueAxis.labelTextFormat = _axis_label
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDE3EA")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.forceZero = 1
    d = Drawing(width, height)
    d.hAlign = "CENTER"
    d.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = chart.x, 2
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.fontName = F.SANS
        legend.fontSize = 7
        legend.dx = legend.dy = 6
        legend.deltax = max(stringWidth(name, F.SANS, 7) for name, _ in series) + 20
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)]
        legend.boxAnchor = "sw"
        d.add(legend)
    return d


LABEL_LEADING = 8.0
LABEL_LINES = 3


def wrap_label(text: str, w: float) -> str:
    """A category label in lines no wider than ``w`` (at most ``LABEL_LINES``; only a longer
    label loses its end, marked "…"), joined by newlines for the axis label."""
    lines = simpleSplit(text, F.SANS, 7, max(w, 20.0))
    if len(lines) > LABEL_LINES:
        lines = lines[: LABEL_LINES - 1] + [_clip(" ".join(lines[LABEL_LINES - 1 :]), w)]
    return "\n".join(line if stringWidth(line, F.SANS, 7) <= w else _clip(line, w) for line in lines)


def _clip(text: str, w: float) -> str:
    while text and stringWidth(text + "…", F.SANS, 7) > w:
        text = text[:-1]
    return text.rstrip() + "…"


def pie_chart(labels: list[str], values: list[float], width: float, percent_style: str = "prefix") -> Drawing:
    pairs = [(lab, v) for lab, v in zip(labels, values) if v and v > 0]
    height = 160
    d = Drawing(width, height)
    if not pairs:
        return d
    total = sum(v for _, v in pairs)
    pie = Pie()
    size = height - 30
    pie.x, pie.y = 30, 15
    pie.width = pie.height = size
    pie.data = [v for _, v in pairs]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    for i in range(len(pairs)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    d.add(pie)
    legend = Legend()
    legend.x, legend.y = 30 + size + 30, height / 2 + len(pairs) * 7
    legend.fontName = F.SANS
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 12
    legend.dy = legend.dx = 7
    legend.colorNamePairs = [
        (
            PALETTE[i % len(PALETTE)],
            f"{lab}: {format_number(int(v) if v == int(v) else Decimal(str(v)))} ({format_percent(Decimal(str(v / total * 100)), 1, percent_style)})",
        )
        for i, (lab, v) in enumerate(pairs)
    ]
    d.add(legend)
    return d


def chart_for_table(
    kind: str, categories: list[str], columns: list[tuple[str, list]], width: float, percent_style: str
) -> Drawing | None:
    """``columns``: (label, values per category) of the numeric columns to draw."""
    columns = [(name, [_num(v) for v in vals]) for name, vals in columns]
    columns = [(name, vals) for name, vals in columns if any(v for v in vals)]
    if not columns or not categories:
        return None
    if kind == "pie":
        name, vals = columns[0]
        return pie_chart(categories, [v or 0 for v in vals], width, percent_style)
    return bar_chart(categories, columns[:MAX_SERIES], width)

"""The organisation chart as a ReportLab drawing (no image file): the head in a box at the
top, the units that report to it in columns hanging from a bar, each unit's own units
indented under it. Names wrap inside their boxes; nothing is cut."""

from __future__ import annotations

from reportlab.graphics.shapes import Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

from ..core.organisation import Unit
from . import fonts as F
from .drawing import Drawing
from .styles import ACCENT, ACCENT_LIGHT, RULE

SIZE = 7.2
LEADING = 8.6
PAD = 4.0
GAP = 6.0  # between boxes of a column
STEP = 12.0  # indent per level under a unit
COLUMN_GAP = 10.0
MAX_COLUMNS = 4


def _lines(text: str, width: float, font: str = F.SANS) -> list[str]:
    return simpleSplit(text, font, SIZE, width - 2 * PAD) or [""]


def _box_height(lines: list[str]) -> float:
    return len(lines) * LEADING + 2 * PAD - 1


def _flatten(unit: Unit, depth: int = 0) -> list[tuple[int, Unit]]:
    out = [(depth, unit)]
    for u in unit.units:
        out += _flatten(u, depth + 1)
    return out


def _columns(blocks: list[tuple[list[tuple[int, Unit]], float]], count: int) -> list[list]:
    """Blocks (a unit and its subtree) in ``count`` columns, in order, of about equal height."""
    total = sum(h for _, h in blocks)
    target = total / count
    cols: list[list] = [[]]
    used = 0.0
    for block, h in blocks:
        if cols[-1] and used + h / 2 > target and len(cols) < count:
            cols.append([])
            used = 0.0
        cols[-1].append(block)
        used += h
    return cols


def org_chart(root: Unit, width: float) -> Drawing:
    count = max(1, min(MAX_COLUMNS, len(root.units)))
    col_w = (width - (count - 1) * COLUMN_GAP) / count
    box_w = col_w - STEP

    def height_of(depth: int, unit: Unit) -> float:
        return _box_height(_lines(unit.name, box_w - (depth - 1) * STEP)) + GAP

    blocks = []
    for unit in root.units:
        flat = _flatten(unit, 1)
        blocks.append((flat, sum(height_of(d, u) for d, u in flat)))
    columns = _columns(blocks, count) if blocks else []
    head_w = min(width * 0.5, max(F.width(root.name, F.SANS_BOLD, SIZE + 1) + 4 * PAD, 120))
    head_lines = simpleSplit(root.name, F.SANS_BOLD, SIZE + 1, head_w - 2 * PAD)
    head_h = len(head_lines) * (LEADING + 1) + 2 * PAD
    bar_gap = 14.0
    body_h = max((sum(h for _, h in (blocks_of(col, blocks))) for col in columns), default=0.0)
    height = head_h + 2 * bar_gap + body_h
    d = Drawing(width, height)
    d.hAlign = "CENTER"
    # the head
    top = height
    hx = (width - head_w) / 2
    d.add(Rect(hx, top - head_h, head_w, head_h, fillColor=ACCENT, strokeColor=None))
    y = top - PAD - (SIZE + 1)
    for line in head_lines:
        d.add(
            String(width / 2, y + 1, line, fontName=F.SANS_BOLD, fontSize=SIZE + 1, fillColor=colors.white, textAnchor="middle")
        )
        y -= LEADING + 1
    if not columns:
        return d
    bar_y = top - head_h - bar_gap
    d.add(Line(width / 2, top - head_h, width / 2, bar_y, strokeColor=RULE, strokeWidth=0.8))
    spines = [c * (col_w + COLUMN_GAP) + STEP / 2 for c in range(len(columns))]
    d.add(Line(spines[0], bar_y, max(spines[-1], width / 2), bar_y, strokeColor=RULE, strokeWidth=0.8))
    for c, col in enumerate(columns):
        x0 = c * (col_w + COLUMN_GAP)
        y = bar_y - bar_gap / 2
        stems: dict[int, tuple[float, float]] = {}  # depth -> (x of its stem, y where it starts)
        for flat in col:
            for depth, unit in flat:
                x = x0 + STEP + (depth - 1) * STEP
                w = box_w - (depth - 1) * STEP
                lines = _lines(unit.name, w)
                h = _box_height(lines)
                stem_x = x - STEP / 2
                start = bar_y if depth == 1 else stems[depth - 1][1]
                d.add(Line(stem_x, start, stem_x, y - h / 2, strokeColor=RULE, strokeWidth=0.6))
                d.add(Line(stem_x, y - h / 2, x, y - h / 2, strokeColor=RULE, strokeWidth=0.6))
                fill = ACCENT_LIGHT if depth == 1 else colors.white
                d.add(Rect(x, y - h, w, h, fillColor=fill, strokeColor=ACCENT, strokeWidth=0.6))
                ty = y - PAD - SIZE + 0.5
                for line in lines:
                    d.add(String(x + PAD, ty, line, fontName=F.SANS, fontSize=SIZE, fillColor=colors.black))
                    ty -= LEADING
                stems[depth] = (stem_x, y - h)
                y -= h + GAP
    return d


def blocks_of(column: list, blocks: list) -> list:
    heights = {id(flat): h for flat, h in blocks}
    return [(flat, heights[id(flat)]) for flat in column]

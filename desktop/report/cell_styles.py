"""A table's cell styles made once per kind of cell, not once per cell and command.

ReportLab's ``Table`` makes a ``CellStyle`` for every cell and then walks every
cell of every style command's range (``FONT`` over the whole table, ``ALIGN``
per column, ``VALIGN``, four paddings ...): a 60-row table walks its cells a
dozen times, and the report's tables are made again on every pass
(``tables.LazyTable``). But a command reaches a cell only through its row and
its column: two rows that every command either covers or leaves alone are
styled alike, and so are two such columns. Here the rows and the columns are
sorted into those classes, each pair of classes gets one ``CellStyle`` made by
ReportLab's own ``_setCellStyle`` in the commands' order, and the cells share
it. The values are exactly ReportLab's; nothing changes a cell style after the
table is made (a split gives its parts slices of the same grid, and re-applies
only line, background, span and no-split commands), so sharing is safe.
Commands on ReportLab's special rows ("splitfirst", ...) are left to ReportLab.
"""

from __future__ import annotations

from reportlab.platypus.tables import LINECOMMANDS, CellStyle, _setCellStyle

# not cell styles: ReportLab keeps these as commands of the table
_TABLE_COMMANDS = frozenset(
    ("BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT", "ROUNDEDCORNERS", *LINECOMMANDS)
)


def split_style(commands: list, rows: int, cols: int) -> tuple[list | None, list]:
    """(the cell style grid, the commands the ``Table`` still needs); the grid is None when
    the commands are left to ReportLab as they are."""
    cell_cmds, rest = [], []
    for cmd in commands:
        if cmd[0] in _TABLE_COMMANDS:
            rest.append(cmd)
            continue
        (sc, sr), (ec, er) = cmd[1], cmd[2]
        if any(isinstance(v, str) for v in (sc, sr, ec, er)):
            return None, commands  # a special row (or a bad range): ReportLab's own way
        cell_cmds.append((cmd[0], _span(sc, ec, cols), _span(sr, er, rows), cmd[3:]))
    if not rows or not cols:
        return None, commands
    row_class = _classes(rows, [c[2] for c in cell_cmds])
    col_class = _classes(cols, [c[1] for c in cell_cmds])
    made: dict[tuple[int, int], CellStyle] = {}
    grid = []
    for i in range(rows):
        ri = row_class[i]
        line = []
        for j in range(cols):
            key = (ri, col_class[j])
            style = made.get(key)
            if style is None:
                style = made[key] = _style(cell_cmds, i, j)
            line.append(style)
        grid.append(line)
    return grid, rest


def _span(start: int, end: int, n: int) -> range:
    """``Table.normCellRange`` for one axis: negative indices from the end, clipped to the table."""
    if start < 0:
        start += n
    if end < 0:
        end += n
    return range(max(0, start), min(n - 1, end) + 1)


def _classes(n: int, spans: list[range]) -> list[int]:
    """A class number per index: equal when every span holds both or neither."""
    seen: dict[tuple[bool, ...], int] = {}
    return [seen.setdefault(tuple(i in s for s in spans), len(seen)) for i in range(n)]


def _style(cell_cmds: list, i: int, j: int) -> CellStyle:
    style = CellStyle(repr((i, j)))
    cells = [style]  # _setCellStyle takes a grid
    for op, cols, rows, values in cell_cmds:
        if i in rows and j in cols:
            _setCellStyle([cells], 0, 0, op, values)
    return style

"""A fitted form table dressed as the form declares it, as accountants print it.

- Column ``group``: a second header row above the column labels; neighbouring
  columns of one group share a spanned cell, the row-label column and
  ungrouped columns span both header rows. Both rows repeat on every page.
- Row ``level``: the row label is indented by its account level (a chart of
  accounts 1 > 10 > 100); level-0 rows are shaded when a table has levels.

Works on the ``LazyTable`` that ``tables.make_table`` measured: its widths
stay, the labels that now have less room are wrapped again.
"""

from __future__ import annotations

from reportlab.lib import colors

from . import fonts as F
from .styles import ACCENT, ACCENT_LIGHT
from .tables import PAD, LazyTable, VerticalText, wrap_lines

INDENT = 9.0  # points per account level


def column_groups(groups: list[str | None]) -> list[tuple[int, int, str | None]]:
    """(first, last, group) runs of neighbouring columns with the same group (``None``: ungrouped)."""
    runs: list[tuple[int, int, str | None]] = []
    for i, g in enumerate(groups):
        if runs and g is not None and runs[-1][2] == g:
            runs[-1] = (runs[-1][0], i, g)
        else:
            runs.append((i, i, g))
    return runs


def _shift(command: tuple, by: int) -> tuple:
    """A table style command moved ``by`` rows down (negative indexes count from the end: kept)."""
    (c0, r0), (c1, r1) = command[1], command[2]
    return (command[0], (c0, r0 + by if r0 >= 0 else r0), (c1, r1 + by if r1 >= 0 else r1), *command[3:])


def add_group_row(table: LazyTable, groups: list[str | None], size: float) -> None:
    """``groups``: the group of each body column after the row labels (``None``: ungrouped)."""
    if not any(groups):
        return
    runs = column_groups([None, *groups])
    head = table.body[0]
    top: list = [""] * len(head)
    style = [_shift(cmd, 1) for cmd in table.style]
    for first, last, group in runs:
        if group is None:
            for c in range(first, last + 1):  # the label spans both header rows
                top[c], head[c] = head[c], ""
                style.append(("SPAN", (c, 0), (c, 1)))
            continue
        width = sum(table.widths[first : last + 1]) - 2 * PAD
        top[first] = "\n".join(wrap_lines(group, F.SANS_BOLD, size, width + 0.01))
        style += [("SPAN", (first, 0), (last, 0)), ("LINEBELOW", (first, 0), (last, 0), 0.5, colors.white)]
    style += [
        ("FONT", (0, 0), (-1, 0), F.SANS_BOLD, size, size * 1.2),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, 1), "MIDDLE"),
        ("LINEAFTER", (0, 0), (-2, 1), 0.5, colors.white),
    ]
    if any(isinstance(cell, VerticalText) for cell in top):
        style.append(("VALIGN", (1, 0), (-1, 0), "BOTTOM"))
    table.body.insert(0, top)
    table.style = style
    table.repeat_rows += 1
    table.release()


def indent_levels(table: LazyTable, levels: list[int], size: float) -> None:
    """``levels``: the account level of each body row (total rows: 0)."""
    if not any(levels):
        return
    first = table.repeat_rows
    for r, level in enumerate(levels):
        row = table.body[first + r]
        if level:
            room = table.widths[0] - 2 * PAD - level * INDENT
            text = " ".join(str(row[0]).split())
            row[0] = "\n".join(wrap_lines(text, F.SANS, size, room + 0.01))
            table.style.append(("LEFTPADDING", (0, first + r), (0, first + r), PAD + level * INDENT))
        else:
            table.style.append(("BACKGROUND", (0, first + r), (-1, first + r), ACCENT_LIGHT))
    table.release()

"""Computed cells: formula columns and total rows, always from the entered rows."""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping

from . import expressions, keys
from .forms import ColumnDef, TableDef

Value = "int | Decimal | str | None"


def _coerce(col: ColumnDef, v):
    if v is None:
        return None
    if col.type == "count" and isinstance(v, Decimal) and v == v.to_integral_value():
        return int(v)
    if col.type == "money" and isinstance(v, (int, Decimal)):
        return Decimal(v).quantize(Decimal("0.01"))
    return v


def compute_table(department: str, table: TableDef, entered: Mapping[str, object]) -> dict[str, object]:
    """Values of every computed cell of one table (formula columns and total row).

    ``entered`` maps full keys to entered values. Totals only count rows that
    have a value; a total of a column with no value at all is None.
    """
    out: dict[str, object] = {}
    row_keys = [r.key for r in table.row_defs]

    def row_values(rkey: str) -> dict[str, object]:
        vals = {}
        for c in table.columns:
            full = keys.join(department, table.key, rkey, c.key)
            vals[c.key] = out.get(full) if c.computed else entered.get(full)
        return vals

    for rkey in row_keys:
        for col in table.columns:
            if col.computed:
                vals = row_values(rkey)
                v = expressions.evaluate(col.computed, lambda name: vals.get(name))
                out[keys.join(department, table.key, rkey, col.key)] = _coerce(col, v)

    if table.total_label:
        totals: dict[str, object] = {}
        for col in table.columns:
            if col.total_mode == "sum":
                cells = [row_values(r)[col.key] for r in row_keys]
                nums = [c for c in cells if isinstance(c, (int, Decimal)) and not isinstance(c, bool)]
                totals[col.key] = _coerce(col, sum(nums, Decimal(0))) if nums else None
        for col in table.columns:
            if col.total_mode == "compute" and col.computed:
                totals[col.key] = _coerce(col, expressions.evaluate(col.computed, lambda n: totals.get(n)))
        for ckey, v in totals.items():
            out[keys.join(department, table.key, keys.TOTAL_ROW, ckey)] = v
    return out

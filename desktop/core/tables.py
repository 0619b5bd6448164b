"""Computed cells: formula columns and total rows, always from the entered rows."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from . import expressions, keys
from .forms import ColumnDef, TableDef, total_rows


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
    computed = [c for c in table.columns if c.computed]
    rows: dict[str, dict[str, object]] = {}
    for row in table.row_defs:
        vals = {c.key: entered.get(keys.join(department, table.key, row.key, c.key)) for c in table.columns if not c.computed}
        for col in computed:  # in order: a formula may use an earlier formula column
            vals[col.key] = _coerce(col, expressions.evaluate(col.computed or "", vals.get))
            out[keys.join(department, table.key, row.key, col.key)] = vals[col.key]
        rows[row.key] = vals

    if table.total_label:
        totals: dict[str, object] = {}
        counted = [rows[r.key] for r in total_rows(table.row_defs)]
        for col in table.columns:
            if col.total_mode == "sum":
                nums = [v for r in counted if isinstance(v := r.get(col.key), (int, Decimal)) and not isinstance(v, bool)]
                totals[col.key] = _coerce(col, sum(nums, Decimal(0))) if nums else None
        for col in computed:
            if col.total_mode == "compute":
                totals[col.key] = _coerce(col, expressions.evaluate(col.computed or "", totals.get))
        for ckey, v in totals.items():
            out[keys.join(department, table.key, keys.TOTAL_ROW, ckey)] = v
    return out


def compute_unreadable(department: str, table: TableDef, entered: Mapping[str, object], key: str) -> dict[str, object]:
    """The computed cells while ``key`` holds text that cannot be read: unknown (None) where they depend on it.

    A total must not keep the last readable part of what is being typed ("12" of
    "12a"), nor count the cell as empty. A computed cell depends on ``key`` when it
    changes with it (computed with 0 and with 1 there): those are None, the others
    keep their value.
    """
    zero = compute_table(department, table, {**entered, key: Decimal(0)})
    one = compute_table(department, table, {**entered, key: Decimal(1)})
    return {k: (v if one.get(k) == v else None) for k, v in zero.items()}


def grand_total(department: str, table: TableDef, get: Callable[[str], object]) -> dict[str, object]:
    """The grand total row of ``table`` (``TableDef.grand_total``): column key -> value.

    Each summed column adds this table's total and the totals of the named tables that have
    the same column (``get`` reads a computed total from the year's values); a formula column
    is computed again from those sums, as in a total row.
    """
    if table.grand_total is None:
        return {}
    names = [table.key, *table.grand_total.tables]
    sums: dict[str, object] = {}
    for col in table.columns:
        if col.total_mode == "sum":
            nums = [
                v
                for name in names
                if isinstance(v := get(keys.join(department, name, keys.TOTAL_ROW, col.key)), (int, Decimal))
                and not isinstance(v, bool)
            ]
            sums[col.key] = _coerce(col, sum(nums, Decimal(0))) if nums else None
    for col in table.columns:
        if col.computed and col.total_mode == "compute":
            sums[col.key] = _coerce(col, expressions.evaluate(col.computed, sums.get))
    return sums

"""An edit batch: checked before anything is written, then written row by row with its audit rows.

``prepare`` checks every value of a batch (the key exists and is entered, not computed; the
department may be edited in this file; the value converts to its type) and returns it as the
file stores it, or a Turkish line per problem: one bad value refuses the whole batch.
``write_cell``/``write_plan_row`` write one prepared row inside the caller's transaction
(``Workbook.write_prepared``), with an audit row per attribute that changed, and nothing when
nothing did.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ...core.i18n import _
from ...core.units import actual_type
from ...core.values import ValueProblem, coerce
from ..errors import ReadOnlyWorkbook
from . import codec
from .clock import now

if TYPE_CHECKING:
    from .workbook import Workbook


def prepare(wb: Workbook, values: dict | None = None, indicators: dict | None = None, activities: dict | None = None):
    """Check a batch without writing: (cells, plan rows, problems)."""
    if wb.readonly:
        raise ReadOnlyWorkbook(_("Dosya salt okunur açık: {readonly_reason}").format(readonly_reason=wb.readonly_reason))
    problems: list[str] = []
    department_problems: dict[str, str | None] = {}  # one look at the file's state per batch, not per value
    closed = wb._department_problem(wb.department, department_problems) if wb.department else None
    if closed:  # a submitted department file: said once, not once for each value of the batch
        return [], [], [closed]
    cells = _values(wb, values or {}, problems, department_problems)
    plan_rows = _plan_rows(wb, "indicator", indicators or {}, problems, department_problems)
    plan_rows += _plan_rows(wb, "activity", activities or {}, problems, department_problems)
    return cells, plan_rows, problems


def _values(wb: Workbook, values: dict, problems: list[str], department_problems: dict) -> list:
    out = []
    for key, value in values.items():
        slot = wb.definition.slots.get(key)
        if slot is None:
            problems.append(_("'{key}' diye bir alan yok").format(key=key))
            continue
        if slot.computed:
            problems.append(_("'{key}' ({label}) hesaplanan bir değer; girilemez").format(key=key, label=slot.label))
            continue
        problem = wb._department_problem(slot.department, department_problems)
        if problem:
            problems.append(f"'{key}': {problem}")
            continue
        try:
            out.append((key, slot.department, codec.encode(slot.type, coerce(slot.type, value))))
        except ValueProblem as exc:
            problems.append(f"'{key}' ({slot.label}): {exc}")
    return out


def _plan_rows(wb: Workbook, table: str, rows: dict, problems: list[str], department_problems: dict) -> list:
    defs = wb.definition.plan.indicators() if table == "indicator" else wb.definition.plan.activities()
    by_key = {d.key: d for d in defs}
    num_col = "actual" if table == "indicator" else "actual_cost"
    what = "gösterge" if table == "indicator" else "faaliyet"
    out = []
    for key, attrs in rows.items():
        d = by_key.get(key)
        if d is None:
            problems.append(_("'{key}' diye bir {what} yok").format(key=key, what=what))
            continue
        problem = wb._department_problem(d.department, department_problems)
        if problem:
            problems.append(f"'{key}': {problem}")
            continue
        new = {}
        try:
            for attr, value in attrs.items():
                if attr == num_col and table == "activity":
                    new[attr] = codec.encode("money", coerce("money", value))
                elif attr == num_col:  # an indicator counting things takes whole numbers only
                    number = coerce(actual_type(d), value)
                    new[attr] = codec.encode_number(None if number is None else Decimal(number))
                elif attr in ("explanation", "source"):
                    new[attr] = coerce("note", value or "")
                else:
                    problems.append(_("'{key}': bilinmeyen alan '{attr}'").format(key=key, attr=attr))
        except ValueProblem as exc:
            problems.append(f"'{key}' ({getattr(d, 'code', '')} {d.name}): {exc}")
            continue
        out.append((table, key, d.department, new))
    return out


def write_cell(wb: Workbook, conn, key: str, department: str, encoded) -> int:
    row = conn.execute("SELECT value FROM entry WHERE key = ?", (key,)).fetchone()
    old = row[0] if row else None
    if row is not None and old == encoded and type(old) is type(encoded):
        return 0
    if encoded is None:
        if row is None:
            return 0
        conn.execute("DELETE FROM entry WHERE key = ?", (key,))
    else:
        conn.execute(
            "INSERT INTO entry (key, department, value, changed_at, changed_by) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at, "
            "changed_by = excluded.changed_by",
            (key, department, encoded, now(), wb.user),
        )
    wb._audit(conn, department, key, "value", old, encoded)
    return 1


def write_plan_row(wb: Workbook, conn, table: str, key: str, department: str, new: dict) -> int:
    num_col = "actual" if table == "indicator" else "actual_cost"
    row = conn.execute(f"SELECT {num_col}, explanation, source FROM {table} WHERE key = ?", (key,)).fetchone()
    old = dict(zip((num_col, "explanation", "source"), row)) if row else {num_col: None, "explanation": "", "source": ""}
    diff = {k: v for k, v in new.items() if not (old[k] == v and type(old[k]) is type(v))}
    if not diff:
        return 0
    merged = {**old, **diff}
    conn.execute(
        f"INSERT INTO {table} (key, department, {num_col}, explanation, source, changed_at, changed_by) "
        f"VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET {num_col} = excluded.{num_col}, "
        "explanation = excluded.explanation, source = excluded.source, changed_at = excluded.changed_at, "
        "changed_by = excluded.changed_by",
        (key, department, merged[num_col], merged["explanation"], merged["source"], now(), wb.user),
    )
    for attr, value in diff.items():
        wb._audit(conn, department, key, attr, old[attr], value)
    return len(diff)

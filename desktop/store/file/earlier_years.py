"""Earlier years' values in a file (the ``history`` table): which rows may be there, reading
them (a row that breaks a rule is left out), and making them from entries (checked as a
typed-in value is).
"""

from __future__ import annotations

import sqlite3

from ...core.definition import Definition
from ...core.entries import ActivityEntry, Entries, IndicatorEntry
from ...core.i18n import _
from ...core.plan import ActivityDef, IndicatorDef
from ...core.values import ValueProblem, coerce
from . import codec
from .stored_values import decoded, text_or_empty

HISTORY_PLAN = {"actual": ("indicator", "decimal"), "explanation": ("indicator", "note"), "actual_cost": ("activity", "money")}


def history_type(definition: Definition, target: str, attribute: str) -> str | None:
    """The stored type of a history row's value (``codec``'s), or None when the target and
    attribute name nothing of this year's definition."""
    if attribute == "value":
        slot = definition.slots.get(target)
        return slot.type if slot is not None and not slot.computed else None
    table, type_ = HISTORY_PLAN.get(attribute, ("", ""))
    item = definition.plan_item(target) if table else None
    wanted = IndicatorDef if table == "indicator" else ActivityDef
    return type_ if isinstance(item, wanted) else None


def history_owner(definition: Definition, target: str, attribute: str) -> str | None:
    if attribute == "value":
        slot = definition.slots.get(target)
        return slot.department if slot is not None else None
    item = definition.plan_item(target)
    return item.department if item is not None else None


def history(conn: sqlite3.Connection, definition: Definition, department: str | None, year: int) -> dict[int, Entries]:
    """The earlier years a file holds (year → Entries); a row that breaks a rule is left out."""
    out: dict[int, Entries] = {}
    for y, column, target, attribute, value in conn.execute(
        "SELECT year, department, target, attribute, value FROM history ORDER BY year, target, attribute"
    ):
        if type(y) is not int or not 2000 <= y < year or type(target) is not str or type(attribute) is not str:
            continue
        type_ = history_type(definition, target, attribute)
        owner = history_owner(definition, target, attribute)
        if type_ is None or owner != column or (department is not None and owner != department):
            continue
        if attribute == "explanation":
            text = text_or_empty(value)
            if text:
                out.setdefault(y, Entries()).indicators.setdefault(target, IndicatorEntry()).explanation = text
            continue
        v = decoded(type_, value)
        if v is None:
            continue
        entries = out.setdefault(y, Entries())
        if attribute == "value":
            entries.values[target] = v
        elif attribute == "actual":
            entries.indicators.setdefault(target, IndicatorEntry()).actual = v
        else:
            entries.activities.setdefault(target, ActivityEntry()).actual_cost = v
    return out


def history_rows(definition: Definition, entries: Entries, year: int, departments: set[str]) -> tuple[list[tuple], list[str]]:
    """The ``history`` rows of ``entries`` as the values of ``year``, only of ``departments``,
    checked as a typed-in value is; or the problems (Turkish), one per bad value."""
    rows: list[tuple] = []
    problems: list[str] = []

    known = {d.key for d in definition.departments}

    def add(target: str, attribute: str, value) -> None:
        head = target.partition(".")[0]
        if attribute == "value" and (head in known or not definition.departments_complete) and head not in departments:
            return  # another department's value: not held here (a department file carries neither its form nor it)
        if attribute != "value" and not definition.plan_complete and definition.plan_item(target) is None:
            return  # not one of the plan items a department file carries: another department's (plan_parts)
        type_, owner = history_type(definition, target, attribute), history_owner(definition, target, attribute)
        if type_ is None or owner is None:
            problems.append(_("'{key}' bu yılın tanımında yok; önce yeni anahtarına eşleyin (renamed_from)").format(key=target))
            return
        if owner not in departments:
            return
        if value is None or (attribute == "explanation" and value == ""):
            return
        try:
            encoded = (
                codec.encode_number(coerce("decimal", value))
                if attribute == "actual"
                else codec.encode(type_, coerce(type_, value))
            )
        except ValueProblem as exc:
            problems.append(f"'{target}': {exc}")
            return
        rows.append((year, owner, target, attribute, encoded))

    for key, value in entries.values.items():
        add(key, "value", value)
    for key, e in entries.indicators.items():
        add(key, "actual", e.actual)
        add(key, "explanation", e.explanation)
    for key, a in entries.activities.items():
        add(key, "actual_cost", a.actual_cost)
    return rows, problems

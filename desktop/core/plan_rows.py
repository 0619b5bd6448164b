"""The strategic plan as flat rows (one list per level) and back.

A strategy unit keeps its plan in a spreadsheet: a list of aims, a list of
goals naming their aim, a list of performance targets naming their goal, and
lists of indicators and activities naming their performance target.
``plan_rows`` flattens a ``PlanDef`` into those lists; ``assemble`` builds a
``PlanDef`` from them and checks everything a spreadsheet can get wrong: each
row's fields (through the plan's own structs, worded in Turkish by the
loader), duplicate codes and keys, references to a missing parent, unknown
departments and the weights of each performance target (``rates.weights_complete``,
the one rule). Every problem names the place it came from (``Göstergeler!F12``):
each row carries the place of each of its fields.

Rows keep their order: a parent's children are the rows naming it, in the
order of their list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from . import rates
from .forms import InvalidData, Strict, convert
from .i18n import _, lazy
from .limits import LimitExceeded, check_number
from .numbers import NumberError, format_number, parse_number
from .part_validation import validate_part
from .plan import DIRECTION_LABELS, ActivityDef, AimDef, GoalDef, IndicatorDef, PerformanceTargetDef, PlanDef
from .turkish import casefold

LEVELS = ("aims", "goals", "targets", "indicators", "activities")
# the fields of each level's row, in the order a sheet shows them; "parent" names the level above
FIELDS = {
    "aims": ("code", "name"),
    "goals": ("code", "name", "parent"),
    "targets": ("key", "name", "parent"),
    # "targets" (the target of each year of the plan, as "2020: 20; 2021: 22") last: a sheet written
    # before it existed still reads
    "indicators": ("key", "code", "name", "unit", "direction", "baseline", "target", "weight", "department", "parent", "targets"),
    "activities": ("key", "code", "name", "unit", "planned_cost", "department", "parent"),
}
NUMBER_FIELDS = {"baseline", "target", "weight", "planned_cost"}
_MODELS: dict[str, type[Strict]] = {
    "aims": AimDef,
    "goals": GoalDef,
    "targets": PerformanceTargetDef,
    "indicators": IndicatorDef,
    "activities": ActivityDef,
}
_PARENT = {"goals": "aims", "targets": "goals", "indicators": "targets", "activities": "targets"}
_IDENTITY = {"aims": "code", "goals": "code", "targets": "key", "indicators": "key", "activities": "key"}
_PARENT_WORDS = {
    "goals": lazy("amaç kodu"),
    "targets": lazy("hedef kodu"),
    "indicators": lazy("performans hedefi anahtarı"),
    "activities": lazy("performans hedefi anahtarı"),
}
_LEVEL_WORDS = {
    "aims": lazy("amaç"),
    "goals": lazy("hedef"),
    "targets": lazy("performans hedefi"),
    "indicators": lazy("gösterge"),
    "activities": lazy("faaliyet"),
}


@dataclass
class Row:
    """One row of one level: its typed values (None when empty) and where each came from."""

    values: dict[str, Any]
    places: dict[str, str]  # field -> "Sayfa!C5"
    where: str  # the row itself, "Sayfa!A5"

    def place(self, name: str) -> str:
        return self.places.get(name, self.where)


@dataclass
class Assembled:
    plan: PlanDef | None
    problems: list[str] = field(default_factory=list)  # the plan is refused when any
    weight_problems: list[str] = field(default_factory=list)  # refused unless accepted


def direction_label(direction: str) -> str:
    return DIRECTION_LABELS[direction]


def plan_rows(plan: PlanDef) -> dict[str, list[dict[str, Any]]]:
    """The plan's rows by level (field -> value; directions as their Turkish label)."""
    out: dict[str, list[dict[str, Any]]] = {level: [] for level in LEVELS}
    for aim in plan.aims:
        out["aims"].append({"code": aim.code, "name": aim.name})
        for goal in aim.goals:
            out["goals"].append({"code": goal.code, "name": goal.name, "parent": aim.code})
            for t in goal.targets:
                out["targets"].append({"key": t.key, "name": t.name, "parent": goal.code})
                for i in t.indicators:
                    out["indicators"].append(
                        {
                            "key": i.key,
                            "code": i.code,
                            "name": i.name,
                            "unit": i.unit,
                            "direction": direction_label(i.direction),
                            "baseline": i.baseline,
                            "target": i.target,
                            "weight": i.weight,
                            "department": i.department,
                            "parent": t.key,
                            "targets": targets_text(i.yearly) if i.targets is not None else None,
                        }
                    )
                for a in t.activities:
                    out["activities"].append(
                        {
                            "key": a.key,
                            "code": a.code,
                            "name": a.name,
                            "unit": a.unit,
                            "planned_cost": a.planned_cost,
                            "department": a.department,
                            "parent": t.key,
                        }
                    )
    return out


def targets_text(yearly: dict[int, Decimal]) -> str:
    """A plan's targets by year as one cell's text: "2020: 20; 2021: 22,5" (Turkish numbers)."""
    return "; ".join(f"{year}: {format_number(value)}" for year, value in yearly.items())


def parse_targets(text: str) -> dict[str, Decimal]:
    """The targets by year of ``targets_text``'s text, or ValueError (Turkish)."""
    out: dict[str, Decimal] = {}
    for part in (p.strip() for p in text.replace("\n", ";").split(";")):
        if not part:
            continue
        year, sep, number = part.partition(":")
        year = year.strip()
        if not sep or not (len(year) == 4 and year.isdigit()):
            raise ValueError(
                _(
                    "'{part}' okunamadı: her yıl 'yıl: hedef' biçiminde, yıllar ';' ile ayrılarak yazılır (ör. 2020: 20; 2021: 22,5)"
                ).format(part=part)
            )
        if year in out:
            raise ValueError(_("{year} yılı iki kez yazılmış").format(year=year))
        try:
            out[year] = Decimal(parse_number(number.strip(), "decimal"))
        except NumberError as exc:
            raise ValueError(f"{year}: {exc}") from None
    return out


def _direction(text: Any) -> str | None:
    """'artan' / 'azalan' / 'korunacak' (or increase / decrease / keep), any case; None if neither."""
    if not isinstance(text, str):
        return None
    folded = casefold(text.strip())
    for value, label in DIRECTION_LABELS.items():
        if folded in (casefold(label), value):
            return value
    return None


def assemble(name: str | None, period: str | None, rows: dict[str, list[Row]], departments: set[str]) -> Assembled:
    """A plan from its rows by level, or every problem found (see the module's text)."""
    problems: list[str] = []
    data: dict[str, list[tuple[Row, dict]]] = {level: [] for level in LEVELS}
    for level in LEVELS:
        for row in rows.get(level, []):
            item = _checked_row(level, row, departments, problems)
            if item is not None:
                data[level].append((row, item))
    # identities, from every row (a row refused above still counts): unique codes for aims and
    # goals (their children name them), unique keys across the plan
    known: dict[str, set] = {}
    seen_keys: dict[str, str] = {}
    for level in LEVELS:
        ident = _IDENTITY[level]
        seen: dict[Any, str] = seen_keys if ident == "key" else {}
        known[level] = set()
        for row in rows.get(level, []):
            value = row.values.get(ident)
            if value is None:
                continue
            known[level].add(value)
            if value in seen:
                what = _("anahtarı") if ident == "key" else _("{level} kodu").format(level=_LEVEL_WORDS[level])
                problems.append(
                    _("{place}: '{value}' {what} {seen} hücresinde de kullanılmış; ").format(
                        place=row.place(ident), value=value, what=what, seen=seen[value]
                    )
                    + (
                        _("her satıra ayrı bir anahtar verin")
                        if ident == "key"
                        else _("kodlar tekil olmalı (alt satırlar bu kodla üst satırı bulur)")
                    )
                )
            else:
                seen[value] = row.place(ident)
    # references: every row's parent exists; children in row order
    items = {level: {item[_IDENTITY[level]]: item for _row, item in data[level]} for level in LEVELS}
    for level in LEVELS[1:]:
        parent_level = _PARENT[level]
        for row in rows.get(level, []):
            parent = row.values.get("parent")
            if parent is not None and parent not in known[parent_level]:
                problems.append(
                    _(
                        "{place}: '{parent}' diye bir {level_words} yok; {parent_words} sütununa tanımlı bir {level_words} yazın"
                    ).format(
                        place=row.place("parent"),
                        parent=parent,
                        level_words=_LEVEL_WORDS[parent_level],
                        parent_words=_PARENT_WORDS[level],
                    )
                )
        for row, item in data[level]:
            if row.values.get("parent") in items[parent_level]:
                items[parent_level][row.values["parent"]].setdefault(level, []).append(item)  # a level's name is its list's
    weight_problems = _weights(rows.get("targets", []), rows.get("indicators", []))
    if problems:
        return Assembled(None, problems, weight_problems)
    plan_data: dict[str, Any] = {"aims": [item for _row, item in data["aims"]]}
    if name:
        plan_data["name"] = name
    if period:
        plan_data["period"] = period
    try:
        plan = convert(plan_data, PlanDef)
    except InvalidData as exc:  # a total over a limit: the rows are each right
        return Assembled(None, [_plan_message(str(exc))], weight_problems)
    return Assembled(plan, [], weight_problems)


def _checked_row(level: str, row: Row, departments: set[str], problems: list[str]) -> dict | None:
    """The row as the data of its struct (without children), or None with its problems added."""
    before = len(problems)
    item: dict[str, Any] = {}
    for name in FIELDS[level]:
        value = row.values.get(name)
        if value is None or (isinstance(value, str) and not value):
            if name == "parent":
                problems.append(
                    _("{place}: boş; bu {level_words} satırının {parent_words} yazılmalı").format(
                        place=row.place(name), level_words=_LEVEL_WORDS[level], parent_words=_PARENT_WORDS[level]
                    )
                )
            continue
        if name == "parent":
            continue
        if name == "direction":
            direction = _direction(value)
            if direction is None:
                problems.append(
                    _("{place}: yön '{value}' olamaz; 'artan', 'azalan' ya da 'korunacak' yazın").format(
                        place=row.place(name), value=value
                    )
                )
                continue
            value = direction
        if name == "targets":
            try:
                value = parse_targets(str(value))
            except ValueError as exc:
                problems.append(f"{row.place(name)}: {exc}")
                continue
        if name == "department" and value not in departments:
            known = ", ".join(sorted(departments))
            problems.append(
                _("{place}: '{value}' tanımda bir birim değil; tanımın birimlerinden birini yazın ({known})").format(
                    place=row.place(name), value=value, known=known[:400]
                )
            )
            continue
        item[name] = value
    probe = dict(item)
    for name in _required(level):
        if name not in item:
            if not any(p.startswith(row.place(name) + ":") for p in problems[before:]):
                problems.append(_("{place}: boş; bu sütun doldurulmalı").format(place=row.place(name)))
            probe[name] = "x"  # reported: the other fields are still checked
    for name in NUMBER_FIELDS & set(item):
        try:
            check_number(item[name], _("bu değer"))
        except LimitExceeded as exc:
            problems.append(f"{row.place(name)}: {exc}")
            probe[name] = None
    # each field's own rules (key pattern, lengths), every field's problem in one run:
    # msgspec stops at the first, so a refused field is replaced by a harmless value and the row checked again
    for _attempt in range(len(FIELDS[level]) + 1):
        _model, found = validate_part(_MODELS[level], probe, None, "")
        if not found:
            break
        p = found[0]
        top = p.place.split(".")[0].split("[")[0] if p.place else ""
        problems.append(f"{row.place(top) if top else row.where}: {p.message}")
        if top not in probe:
            break
        probe[top] = _HARMLESS.get(top, "x")
    return None if len(problems) > before else item


def _required(level: str) -> list[str]:
    import msgspec

    return [f.name for f in msgspec.structs.fields(_MODELS[level]) if f.required]


_HARMLESS = {"baseline": None, "target": None, "targets": None, "weight": None, "planned_cost": None, "direction": "increase"}


def _weights(targets: list[Row], indicators: list[Row]) -> list[str]:
    """Performance targets whose indicators' weights do not total 100 (rates.weights_complete)."""
    by_target: dict[Any, list[Row]] = {}
    for row in indicators:
        by_target.setdefault(row.values.get("parent"), []).append(row)
    out = []
    for target in targets:
        key = target.values.get("key")
        rows = by_target.get(key, []) if key is not None else []
        weights = [r.values.get("weight") for r in rows]
        if not rows or rates.weights_complete(weights):
            continue
        total = rates.weights_total(weights)
        cells = ", ".join(r.place("weight") for r in rows[:12]) + (" …" if len(rows) > 12 else "")
        out.append(
            _("{cells}: '{key}' performans hedefinin göstergelerinin hedefe etkileri toplamı %{total}; 100 olmalı").format(
                cells=cells, key=key, total=format_number(total)
            )
        )
    return out


def _plan_message(text: str) -> str:
    from .part_validation import explain

    return f"plan: {explain(text)}"


def plan_data(plan: PlanDef) -> dict[str, Any]:
    """The plan as plain data in plan.yaml's shape: defaults and empty values left out."""

    def indicator(i: IndicatorDef) -> dict[str, Any]:
        out = {"key": i.key, "code": i.code, "name": i.name, "unit": i.unit}
        if i.direction != "increase":
            out["direction"] = i.direction
        for name in ("baseline", "target", "targets", "weight"):
            if getattr(i, name) is not None:
                out[name] = getattr(i, name)
        out["department"] = i.department
        for name in ("renamed_from", "change_factor"):
            if getattr(i, name) is not None:
                out[name] = getattr(i, name)
        return out

    def activity(a: ActivityDef) -> dict[str, Any]:
        out: dict[str, Any] = {"key": a.key, "code": a.code, "name": a.name}
        if a.unit != "TL":
            out["unit"] = a.unit
        if a.planned_cost is not None:
            out["planned_cost"] = a.planned_cost
        out["department"] = a.department
        if a.renamed_from is not None:
            out["renamed_from"] = a.renamed_from
        return out

    def target(t: PerformanceTargetDef) -> dict[str, Any]:
        out: dict[str, Any] = {"key": t.key, "name": t.name}
        if t.indicators:
            out["indicators"] = [indicator(i) for i in t.indicators]
        if t.activities:
            out["activities"] = [activity(a) for a in t.activities]
        return out

    def goal(g: GoalDef) -> dict[str, Any]:
        out: dict[str, Any] = {"code": g.code, "name": g.name}
        if g.targets:
            out["targets"] = [target(t) for t in g.targets]
        return out

    def aim(a: AimDef) -> dict[str, Any]:
        out: dict[str, Any] = {"code": a.code, "name": a.name}
        if a.goals:
            out["goals"] = [goal(g) for g in a.goals]
        return out

    out: dict[str, Any] = {"name": plan.name}
    if plan.period:
        out["period"] = plan.period
    out["aims"] = [aim(a) for a in plan.aims]
    return out

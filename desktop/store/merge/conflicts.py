"""Three-way comparison of a department's data, and conflicts shown side by side.

A *unit* is the smallest thing compared: one value key (``("e", key)``), one
attribute of an indicator or activity (``("i", key, "actual")``) or a whole
photo list (``("p", list_key)``). For every unit there are three versions:

* base   — what the last import of this department brought (the common origin),
* here   — what the consolidated file holds now,
* there  — what the incoming file holds.

here == there: nothing to decide. here == base: only the incoming file changed
it, take there. there == base: only the consolidated file changed it, keep
here. Otherwise both changed it to different values: a conflict, decided by
the user ("ours" keeps here, "theirs" takes there), never silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...core.dates import format_datetime
from ...core.definition import Definition
from ...core.i18n import _, lazy
from ...core.values import display
from ..errors import WorkbookError
from ..file import codec

CHOICES = ("ours", "theirs")
_ATTR_LABELS = {
    "actual": lazy("gerçekleşen"),
    "actual_cost": lazy("gerçekleşen maliyet"),
    "explanation": lazy("açıklama"),
    "source": lazy("kaynak"),
}


def units(snap_lists: dict) -> dict:
    """{unit: value} of a snapshot given as {"e": [...], "i": [...], "a": [...], "p": [...]}."""
    out: dict = {}
    for key, value in snap_lists.get("e", ()):
        out[("e", key)] = value
    for table, num in (("i", "actual"), ("a", "actual_cost")):
        for key, number, expl, src in snap_lists.get(table, ()):
            out[(table, key, num)] = number
            out[(table, key, "explanation")] = expl
            out[(table, key, "source")] = src
    for list_key, items in snap_lists.get("p", ()):
        out[("p", list_key)] = tuple(tuple(i) for i in items)
    return out


def empty_value(unit: tuple):
    if unit[0] == "p":
        return ()
    if unit[0] in ("i", "a") and unit[2] in ("explanation", "source"):
        return ""
    return None


def same(a, b) -> bool:
    return type(a) is type(b) and a == b


@dataclass
class Decision:
    take_there: set = field(default_factory=set)
    keep_here: set = field(default_factory=set)  # only the consolidated file changed these
    conflicts: list = field(default_factory=list)  # units both sides changed differently


def three_way(base: dict, here: dict, there: dict) -> Decision:
    out = Decision()
    for unit in set(base) | set(here) | set(there):
        empty = empty_value(unit)
        b, h, t = base.get(unit, empty), here.get(unit, empty), there.get(unit, empty)
        if same(h, t):
            continue
        if same(h, b):
            out.take_there.add(unit)
        elif same(t, b):
            out.keep_here.add(unit)
        else:
            out.conflicts.append(unit)
    out.conflicts.sort()
    return out


def unit_id(department: str, unit: tuple) -> str:
    """A stable text id of a unit, e.g. ``itfaiye:itfaiye.makbuz.ocak.arac`` or ``imar:pg_7_1_1.actual``."""
    return f"{department}:{unit_key(unit)}"


def unit_key(unit: tuple) -> str:
    return unit[1] if unit[0] in ("e", "p") else f"{unit[1]}.{unit[2]}"


def label_of_id(definition: Definition, conflict_id: str) -> str:
    """The label of the unit a ``unit_id`` names (as the conflict view showed it); the key itself
    when the definition no longer has it."""
    _dept, _colon, key = conflict_id.partition(":")
    if key in definition.slots:
        return unit_label(definition, ("e", key))
    head, _dot, attr = key.rpartition(".")
    for kind, found in (("i", definition.plan.indicators()), ("a", definition.plan.activities())):
        if attr in _ATTR_LABELS and any(x.key == head for x in found):
            return unit_label(definition, (kind, head, attr))
    dept, _dot, item = key.partition(".")
    if definition.item(dept, item) is not None:
        return unit_label(definition, ("p", key))
    return key


def unit_label(definition: Definition, unit: tuple) -> str:
    kind = unit[0]
    if kind == "e":
        slot = definition.slots.get(unit[1])
        return slot.label if slot else unit[1]
    if kind == "p":
        dept, _dot, item = unit[1].partition(".")
        found = definition.item(dept, item)
        return _("{title} (fotoğraflar)").format(title=getattr(found, "title", unit[1]))
    defs = definition.plan.indicators() if kind == "i" else definition.plan.activities()
    d = next((x for x in defs if x.key == unit[1]), None)
    name = f"{d.code} {d.name}" if d else unit[1]
    if len(name) > 70:
        name = name[:69] + "…"
    return f"{name} – {_ATTR_LABELS.get(unit[2], unit[2])}"


def show_value(definition: Definition, unit: tuple, raw) -> str:
    if raw is None or raw == "" or raw == ():
        return _("(boş)")
    try:
        if unit[0] == "p":
            return _("{n} fotoğraf").format(n=len(raw))
        if unit[0] == "e":
            slot = definition.slots.get(unit[1])
            type_ = slot.type if slot else "text"
        elif unit[2] == "actual":
            type_ = "decimal"
        elif unit[2] == "actual_cost":
            type_ = "money"
        else:
            type_ = "text"
        text = display(type_, codec.decode(type_, raw), percent_style=definition.year.percent_style)
    except (ValueError, ArithmeticError, TypeError):
        text = str(raw)
    text = " ".join(str(text).split())
    return text if len(text) <= 60 else text[:59] + "…"


def show_time(iso: str) -> str:
    if not iso:
        return "?"
    try:
        return format_datetime(dt.datetime.fromisoformat(iso).astimezone())
    except ValueError:
        return iso


@dataclass(frozen=True)
class Conflict:
    """One unit both files changed since their common origin, to different values."""

    department: str
    file_name: str
    unit: tuple
    label: str
    here: str  # displayed value in the consolidated file
    there: str  # displayed value in the incoming file
    here_who: str
    here_when: str
    there_who: str
    there_when: str
    here_raw: object = field(default=None, compare=False, repr=False)  # stored values, for the audit
    there_raw: object = field(default=None, compare=False, repr=False)
    base: str = ""  # displayed value at the last import (the common origin both sides changed)

    @property
    def id(self) -> str:
        return unit_id(self.department, self.unit)

    @property
    def key(self) -> str:
        return unit_key(self.unit)

    def line(self) -> str:
        return _(
            "  {key} ({label}): son aktarımda {base}  |  burada {here} ({here_who}, {show_time})  |  gelen {there} ({there_who}, {show_time2})"
        ).format(
            key=self.key,
            label=self.label,
            base=self.base,
            here=self.here,
            here_who=self.here_who,
            show_time=show_time(self.here_when),
            there=self.there,
            there_who=self.there_who,
            show_time2=show_time(self.there_when),
        )


class MergeConflict(WorkbookError):
    """Unresolved conflicts: nothing was written. ``conflicts`` lists them."""

    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = list(conflicts)
        lines = [
            _(
                "{n} çakışma var; birleşik dosya değiştirilmedi. Aynı değerler hem birleşik dosyada hem gelen dosyada, son aktarımdan bu yana farklı biçimde değiştirilmiş:"
            ).format(n=len(self.conflicts))
        ]
        by_file: dict[tuple, list[Conflict]] = {}
        for c in self.conflicts:
            by_file.setdefault((c.file_name, c.department), []).append(c)
        for (name, dept), items in by_file.items():
            lines.append(f"{name} ({dept}):")
            lines += [c.line() for c in items]
        lines.append(
            _(
                "Karar verin: --resolve ours (birleşik dosyadaki değerler kalsın) ya da --resolve theirs (gelen dosyadaki değerler alınsın)."
            )
        )
        super().__init__("\n".join(lines))

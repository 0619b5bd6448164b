"""The year cycle in the domain: next year's definition, and this year's values in next year's keys.

``faaliyet year next`` makes year N+1 from year N's consolidated file; ``year
history`` adds an earlier year to a file. Both need:

* ``next_definition``: N's definition for N+1: the year bumped, each indicator's
  N+1 target (``targets``) in force, the signers' dates cleared (they sign N+1's
  report later), everything else carried;
* ``key_map``: each key of the earlier definition → its key in the later one.
  Keys are stable across years; a key renamed in the later definition says so
  with ``renamed_from`` (an item, a table row, a column, an indicator, an
  activity), and a value whose key no longer exists is listed, never dropped in
  silence (``map_entries``);
* ``carried``: the values of the items marked ``carry: true`` (mission, vision,
  legal basis, organisation…), with which the new year's file starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .definition import Definition
from .entries import ActivityEntry, Entries, IndicatorEntry
from .i18n import _
from .item_kinds import KINDS
from .plan import ActivityDef, IndicatorDef
from .values import ValueProblem, coerce


def next_definition(definition: Definition, year: int) -> tuple[Definition, list[str]]:
    """``definition`` for ``year`` (the year after its own), and notes (Turkish) on what was not
    obvious: an indicator with one target for every year, a year outside the plan's period."""
    old = definition.year.year
    notes: list[str] = []
    ident = definition.id.replace(str(old), str(year)) if str(old) in definition.id else f"{definition.id}-{year}"
    period = definition.plan.years()
    if period is not None and not period[0] <= year <= period[1]:
        notes.append(
            _("{year} yılı planın döneminin ({period}) dışında; yeni stratejik planı plan.yaml'a yazın.").format(
                year=year, period=definition.plan.period
            )
        )
    fixed = [i.key for i in definition.plan.indicators() if i.targets is None and i.target is not None]
    if fixed:
        notes.append(
            _("{n} göstergenin yıllara göre hedefi (targets) yok; {old} hedefi olduğu gibi taşındı: {keys}").format(
                n=len(fixed), old=old, keys=", ".join(fixed[:10]) + (" …" if len(fixed) > 10 else "")
            )
        )
    plan = definition.plan.map_items(indicator=lambda i: i if i.targets is None else i.replace(target=i.target_of(year)))
    settings = definition.year.replace(year=year, signers=[s.replace(date=None) for s in definition.year.signers])
    new = definition.replace(id=ident, year=settings, plan=plan)
    return Definition.from_json(new.canonical_json()), notes  # checked as a stored definition is


def key_map(old: Definition, new: Definition) -> dict[str, str]:
    """Each entered value key, indicator and activity key of ``old`` → its key in ``new``
    (the same key, or the key whose ``renamed_from`` names it)."""
    out: dict[str, str] = {}
    for form in new.forms:
        for section in form.sections:
            for item in section.items:
                out.update(KINDS[item.kind].renamed(form.department, item))
    plan: list[IndicatorDef | ActivityDef] = [*new.plan.indicators(), *new.plan.activities()]
    for x in plan:
        out[x.renamed_from or x.key] = x.key
    # only keys the old definition has; a key of the new one that the old lacks maps nothing
    known = set(old.slots) | {i.key for i in old.plan.indicators()} | {a.key for a in old.plan.activities()}
    return {k: v for k, v in out.items() if k in known}


@dataclass
class Mapped:
    entries: Entries
    dropped: list[str] = field(default_factory=list)  # Turkish lines: what has no place in the new year


def map_entries(entries: Entries, old: Definition, new: Definition, mapping: dict[str, str]) -> Mapped:
    """``entries`` of ``old`` in ``new``'s keys; what has no key (or no longer fits its type) is listed."""
    out = Mapped(Entries())
    for key, value in sorted(entries.values.items()):
        slot, target = old.slots.get(key), mapping.get(key)
        new_slot = new.slots.get(target) if target else None
        label = slot.label if slot else key
        if new_slot is None:
            out.dropped.append(_("{key} ({label}): yeni yılın tanımında yok").format(key=key, label=label))
            continue
        try:
            out.entries.values[new_slot.key] = coerce(new_slot.type, value)
        except ValueProblem as exc:
            out.dropped.append(
                _("{key} ({label}): yeni yılın türüne uymuyor ({problem})").format(key=key, label=label, problem=exc)
            )
    for key, e in sorted(entries.indicators.items()):
        if key not in mapping:
            out.dropped.append(_("{key}: gösterge yeni yılın planında yok").format(key=key))
        elif e.actual is not None or e.explanation:
            out.entries.indicators[mapping[key]] = IndicatorEntry(e.actual, e.explanation)
    for key, a in sorted(entries.activities.items()):
        if key not in mapping:
            out.dropped.append(_("{key}: faaliyet yeni yılın planında yok").format(key=key))
        elif a.actual_cost is not None:
            out.entries.activities[mapping[key]] = ActivityEntry(a.actual_cost)
    return out


def carried(definition: Definition, entries: Entries) -> dict[str, object]:
    """The values of the items marked ``carry: true`` (value key → value), from ``entries``
    (already in ``definition``'s keys)."""
    out: dict[str, object] = {}
    for form in definition.forms:
        for section in form.sections:
            for item in section.items:
                if getattr(item, "carry", False):
                    for slot in KINDS[item.kind].slots(form.department, section.key, item):
                        if not slot.computed and slot.key in entries.values:
                            out[slot.key] = entries.values[slot.key]
    return out

"""The definition's checks and computed cells, kept up to date one edit at a time.

An open file changes one place at a time. ``LiveChecks`` builds, once per open file, an index of what
depends on what (a table cell → its table's computed cells; a key → the form
rules that name it and its required-field check; an indicator → its checks; a
year-settings key → every indicator check, through the tolerance) and, after an
edit, re-runs only the checks the edited places reach. The checks themselves
are ``validation.py``'s (one place for each rule); ``validate`` is this class's
answer for entries read at once.
"""

from __future__ import annotations

from collections import ChainMap, Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

from . import expressions, references, roles, settings
from .definition import Definition
from .entries import Entries, ValueView
from .findings import Finding
from .item_kinds import KINDS
from .validation import (
    CHANGE_RULE,
    FIGURE_TYPES,
    baseline_findings,
    change_findings,
    entered_numbers,
    figure,
    figures_of,
    indicator_change_findings,
    indicator_findings_of,
    plan_findings,
    required_findings,
    rule_findings,
    text_findings,
    year_factor,
    year_rules,
)


def same(a, b) -> bool:
    """Shown values are equal (a count 1 and a decimal 1 are not)."""
    return a == b and type(a) is type(b)


class LiveChecks:
    """Computed cells and findings of ``entries`` for one department (None: the whole year).

    ``entries`` is the caller's: it changes them, then calls ``update`` with what it changed.
    """

    def __init__(self, definition: Definition, entries: Entries, department: str | None = None, previous: Entries | None = None):
        self.definition, self.entries, self.department = definition, entries, department
        self.previous = previous  # last year's entries (the file's history), or None
        depts = [department] if department else [f.department for f in definition.forms_at_hand()]
        self.view = ValueView(definition, entries, depts, previous)
        self._factor = year_factor(definition, entries)
        self._changes: list[tuple] = []  # the buckets of the change check (they read the year's factor)
        # every figure of the file (value → how many places hold it), built when a text states an amount,
        # then kept up to date edit by edit; and where each figure stands
        self._figure_count: Counter[Decimal] | None = None
        self._figure_at: dict[str, Decimal] = {}
        self._amounts: dict[tuple, set[Decimal]] = {}  # text bucket → the amounts its text states
        self._inputs: dict[str, tuple[str, Any]] = {}  # entered key → (department, the item whose computed cells read it)
        self._checks_of: dict[str, list[tuple]] = defaultdict(list)  # key → buckets that read it
        # bucket → its findings, computed anew: ``run(self)`` (functions given this object when run, not
        # its bound methods: kept here, those would make a reference cycle only the cycle collector frees)
        self._run: dict[tuple, Callable[[LiveChecks], list[Finding]]] = {}
        bucket: tuple
        for dept in depts:
            form = definition.form(dept)
            for section in form.sections:
                for item in section.items:
                    kind = KINDS[item.kind]
                    for key in kind.inputs(dept, item):
                        self._inputs[key] = (dept, item)
                    for text_key in kind.texts(dept, item):
                        bucket = ("metin", text_key)
                        self._run[bucket] = partial(_text, dept, text_key)
                        self._checks_of[text_key].append(bucket)
                    if kind.required(item):
                        bucket = ("zorunlu", dept, item.key)
                        self._run[bucket] = partial(_required, dept, item)
                        self._checks_of[f"{dept}.{item.key}"].append(bucket)
                    if previous is not None and (numbers := entered_numbers(dept, item)):
                        bucket = (CHANGE_RULE, dept, item.key)
                        self._run[bucket] = partial(_change, dept, item)
                        self._changes.append(bucket)
                        for key in numbers:
                            self._checks_of[key].append(bucket)
            for n, rule in enumerate(form.rules):
                bucket = ("kural", dept, n)
                self._run[bucket] = partial(_rule, dept, rule)
                for name in expressions.names_in(rule.check):
                    self._checks_of[name].append(bucket)
        self._tolerance, self._style = year_rules(definition, entries)
        self._indicators = {ind.key: ind for ind in definition.indicators_of(department)}
        for key, ind in self._indicators.items():
            self._run[("gosterge", key)] = partial(_indicator, ind)
        static = (
            plan_findings(definition, department)
            + baseline_findings(definition, department)
            + roles.findings(definition.departments, department)
        )
        self._run[("plan",)] = partial(_constant, static)
        self._found: dict[tuple, list[Finding]] = {b: run(self) for b, run in self._run.items()}
        for bucket in self._run:
            if bucket[0] == "metin":
                self._note_amounts(bucket)

    def _figures(self) -> Counter[Decimal]:
        if self._figure_count is None:
            self._figure_at = figures_of(self.definition, self.view, self.entries)
            self._figure_count = Counter(self._figure_at.values())
        return self._figure_count

    def _refigure(self, key: str, value, changed: set[Decimal]) -> None:
        """The figure at ``key`` is now ``value``: count it; ``changed`` gets the values that appeared
        in the file or left it."""
        count = self._figures()
        old, new = self._figure_at.pop(key, None), figure(value)
        if old == new:
            if new is not None:
                self._figure_at[key] = new
            return
        if old is not None:
            count[old] -= 1
            if count[old] <= 0:
                del count[old]
                changed.add(old)
        if new is not None:
            self._figure_at[key] = new
            if not count[new]:
                changed.add(new)
            count[new] += 1

    def _indicator(self, ind) -> list[Finding]:
        found = indicator_findings_of(ind, self.entries.indicators.get(ind.key), self._tolerance, self._style)
        return found + indicator_change_findings(ind, self.entries, self.previous, self._factor)

    def _change(self, dept: str, item) -> list[Finding]:
        return change_findings(self.definition, self.view, dept, item, self._factor)

    # --- reading ----------------------------------------------------------
    def get(self, key: str):
        """The value shown at ``key`` (entered or computed)."""
        return self.view.get(key)

    def findings(self) -> list[Finding]:
        """Every finding of the definition's checks, in ``validate``'s order."""
        return [f for found in self._found.values() for f in found]

    def _is_figure(self, key: str) -> bool:
        slot = self.definition.slots.get(key)
        return slot is not None and slot.type in FIGURE_TYPES

    def _note_amounts(self, bucket: tuple) -> None:
        """Remember the amounts a text states (it is checked again when one of them appears or goes)."""
        amounts = {v for _t, v in references.typed_amounts(self.view.get(bucket[1]))}
        if amounts:
            self._amounts[bucket] = amounts
        else:
            self._amounts.pop(bucket, None)

    # --- after an edit ----------------------------------------------------
    def update(self, values=(), indicators=()) -> tuple[set[str], list[Finding], list[Finding]]:
        """The entries of ``values`` (value keys) and ``indicators`` (indicator keys) changed:
        recompute what reads them. Returns (keys whose shown value may have changed, including
        computed cells; findings added; findings removed)."""
        touched = set(values)
        for dept, item in {id(t): t for t in (self._inputs.get(k) for k in values) if t}.values():
            entered = ChainMap(self.view.before, self.entries.values) if self.view.before else self.entries.values
            for key, v in KINDS[item.kind].computed(dept, item, entered).items():
                if not same(v, self.view.computed.get(key)) or key not in self.view.computed:
                    touched.add(key)
                self.view.computed[key] = v
        reach = touched | {f"{k}.actual" for k in indicators}  # a rule may name an indicator's actual
        buckets = {b for k in reach for b in self._checks_of.get(k, ())}
        buckets |= {("gosterge", k) for k in indicators if k in self._indicators}
        if self._figure_count is not None:
            # figures changed: a text stating an amount that appeared in the file or left it is checked again
            changed: set[Decimal] = set()
            for k in touched:
                if self._is_figure(k):
                    self._refigure(k, self.view.get(k), changed)
            for k in indicators:
                e = self.entries.indicators.get(k)
                self._refigure(f"{k}.actual", e.actual if e else None, changed)
            if changed:
                buckets |= {b for b, amounts in self._amounts.items() if amounts & changed}
        if any(settings.is_settings_key(self.definition, k) for k in values):
            tolerance, style = year_rules(self.definition, self.entries)
            if (tolerance, style) != (self._tolerance, self._style):
                self._tolerance, self._style = tolerance, style
                buckets |= {("gosterge", k) for k in self._indicators}
            factor = year_factor(self.definition, self.entries)
            if factor != self._factor:
                self._factor = factor
                buckets |= {("gosterge", k) for k in self._indicators} | set(self._changes)
        added: list[Finding] = []
        removed: list[Finding] = []
        for bucket in buckets:
            if bucket[0] == "metin":
                self._note_amounts(bucket)
            new, old = self._run[bucket](self), self._found[bucket]
            if new != old:
                added += [f for f in new if f not in old]
                removed += [f for f in old if f not in new]
                self._found[bucket] = new
        return touched, added, removed


# --- what each bucket runs (``LiveChecks._run``): given the live checks as their last argument ----
def _text(dept: str, key: str, live: LiveChecks) -> list[Finding]:
    return text_findings(live.definition, live.view, dept, key, live._figures)


def _required(dept: str, item, live: LiveChecks) -> list[Finding]:
    return required_findings(live.view, dept, item)


def _change(dept: str, item, live: LiveChecks) -> list[Finding]:
    return live._change(dept, item)


def _rule(dept: str, rule, live: LiveChecks) -> list[Finding]:
    return rule_findings(live.definition, live.view, dept, rule)


def _indicator(ind, live: LiveChecks) -> list[Finding]:
    return live._indicator(ind)


def _constant(found: list[Finding], live: LiveChecks) -> list[Finding]:
    return found

"""Findings where they stand: a numbered mark on every figure a finding concerns.

In a draft report every open finding gets a number, in the order of the findings
annex. Each figure a finding concerns (every value its rule names, the indicator
it is about, the target whose weights it sums, the text it warns about) is printed
with "⚠n" and a shaded cell; an invisible anchor before the table records the page
it stands on (``document.Anchor``), and the annex lists each finding by its printed
labels, that page and the figures that disagree.

Which figures a finding concerns is decided here, once, from the finding and the
definition (``concerned``); the parts only ask ``Marks.numbers(key)``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from reportlab.lib import colors

from ..core import expressions
from ..core.definition import Definition
from ..core.findings import Finding

MARK = "\u26a0"  # ⚠
MARK_FILL = colors.HexColor("#FBE3DF")  # a marked cell
# an indicator's actual and its explanation are about the printed row; its source is printed nowhere
INDICATOR_PARTS = (".actual", ".explanation")


def anchor_name(n: int) -> str:
    return f"bulgu-{n}"


LIST_ANCHOR = "bulgular"  # the findings annex itself: the draft banner names its page


def concerned(definition: Definition, f: Finding) -> list[str]:
    """The keys of the figures ``f`` is about: value keys, indicator keys or a performance target's key."""
    if f.department:
        rule = (
            next((r for r in definition.form(f.department).rules if r.key == f.rule), None) if _has_form(definition, f) else None
        )
        if rule is not None:
            names = sorted(expressions.names_in(rule.check))
            return [_indicator_of(n) for n in names] or [f.place]
    return [_indicator_of(f.place)]


def _has_form(definition: Definition, f: Finding) -> bool:
    return f.department in definition.form_departments


def _indicator_of(key: str) -> str:
    """An indicator's actual, explanation or source is marked on the indicator's row."""
    for suffix in INDICATOR_PARTS:
        if key.endswith(suffix):
            return key.removesuffix(suffix)
    return key


def annex_order(definition: Definition, findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings; in the definition's department order; by place."""
    order = {d.key: n for n, d in enumerate(definition.departments)}
    return sorted(findings, key=lambda f: (not f.is_error, order.get(f.department, -1), f.place, f.message))


class Marks:
    """The numbered findings of a draft report and the figures each one marks."""

    def __init__(self, definition: Definition | None = None, findings: Iterable[Finding] = ()):
        self.numbered: list[tuple[int, Finding, list[str]]] = []
        self._by_key: dict[str, list[int]] = defaultdict(list)
        if definition is None:
            return
        for n, f in enumerate(annex_order(definition, findings), start=1):
            keys = concerned(definition, f)
            self.numbered.append((n, f, keys))
            for k in keys:
                self._by_key[k].append(n)

    def numbers(self, *keys: str) -> list[int]:
        """The numbers of the findings that concern any of ``keys``, in order, each once."""
        return sorted({n for k in keys for n in self._by_key.get(k, ())})

    def __bool__(self) -> bool:
        return bool(self.numbered)


def mark_text(numbers: list[int]) -> str:
    """ " ⚠3,12" after a figure (empty when no finding concerns it)."""
    return f" {MARK}{','.join(str(n) for n in numbers)}" if numbers else ""


def shade(column: int, row: int, header: bool = True) -> tuple:
    """The table style command that shades one marked body cell (``row`` counts body rows from 0)."""
    at = (column, row + 1 if header else row)
    return ("BACKGROUND", at, at, MARK_FILL)

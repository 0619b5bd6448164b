"""The organisation chart: who reports to whom, from the departments' ``reports_to``.

A department without ``reports_to`` reports to the head of the institution (the
chart's root); the institution-level unit (``role: institution``) is not a box.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .i18n import _
from .institution import DepartmentDef


class Unit(NamedTuple):  # not a dataclass: the definition's check imports this module when any file opens
    name: str
    units: list[Unit]


def reporting_problem(departments: Sequence[DepartmentDef]) -> str | None:
    """A message if a ``reports_to`` names no department, itself, or goes round in a circle."""
    by_key = {d.key: d for d in departments}
    for d in departments:
        if d.reports_to is None:
            continue
        if d.reports_to not in by_key:
            return _("'{key}' biriminin bağlı olduğu '{to}' diye bir birim yok (reports_to)").format(key=d.key, to=d.reports_to)
        seen = {d.key}
        up: DepartmentDef | None = by_key[d.reports_to]
        while up is not None:
            if up.key in seen:
                return _("'{key}' biriminin bağlılığı kendisine dönüyor (reports_to): bir birim kendi altına bağlanamaz").format(
                    key=d.key
                )
            seen.add(up.key)
            up = by_key.get(up.reports_to) if up.reports_to else None
    return None


def chart(departments: Sequence[DepartmentDef], head: str) -> Unit:
    """The chart's tree under ``head``, in the definition's department order."""
    shown = [d for d in departments if d.role != "institution"]
    nodes = {d.key: Unit(d.name, []) for d in shown}
    root = Unit(head, [])
    for d in shown:
        parent = nodes.get(d.reports_to) if d.reports_to else None
        (parent or root).units.append(nodes[d.key])
    return root

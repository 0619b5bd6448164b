"""What has been entered for a year, in memory, and a view with computed cells."""

from __future__ import annotations

from collections import ChainMap
from decimal import Decimal

import msgspec
from msgspec import field

from .definition import Definition
from .item_kinds import KINDS


class IndicatorEntry(msgspec.Struct):
    actual: Decimal | None = None
    explanation: str = ""
    source: str = ""


class ActivityEntry(msgspec.Struct):
    actual_cost: Decimal | None = None
    explanation: str = ""
    source: str = ""


class Entries(msgspec.Struct):
    values: dict[str, object] = field(default_factory=dict)
    indicators: dict[str, IndicatorEntry] = field(default_factory=dict)
    activities: dict[str, ActivityEntry] = field(default_factory=dict)
    photos: dict[str, int] = field(default_factory=dict)  # photo list key -> count


class ValueView:
    """Entered values plus every computed cell, addressable by full key.

    ``previous``: last year's entries (the file's history), which fill the previous-year cells
    (``previous_year: true``); a formula or a total reads them like entered cells."""

    def __init__(
        self, definition: Definition, entries: Entries, departments: list[str] | None = None, previous: Entries | None = None
    ):
        self.definition = definition
        self.entries = entries
        self.previous = previous
        self.computed: dict[str, object] = {}
        self.before: dict[str, object] = {}  # the previous-year cells (part of ``computed``)
        depts = departments if departments is not None else [f.department for f in definition.forms_at_hand()]
        for dept in depts:
            for section in definition.form(dept).sections:
                for item in section.items:
                    kind = KINDS[item.kind]
                    before = kind.previous(dept, item, previous)
                    self.before.update(before)
                    self.computed.update(before)
                    self.computed.update(
                        kind.computed(dept, item, ChainMap(before, entries.values) if before else entries.values)
                    )

    def get(self, key: str):
        if key in self.computed:
            return self.computed[key]
        if key in self.entries.values:
            return self.entries.values[key]
        slot = self.definition.slots.get(key)
        if slot is None:
            # indicator actuals are addressable as "<indicator>.actual"
            ind_key, _, attr = key.rpartition(".")
            entry = self.entries.indicators.get(ind_key)
            if entry is not None and attr == "actual":
                return entry.actual
        return None

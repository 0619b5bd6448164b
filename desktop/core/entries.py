"""What has been entered for a year, in memory, and a view with computed cells."""

from __future__ import annotations

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
    """Entered values plus every computed cell, addressable by full key."""

    def __init__(self, definition: Definition, entries: Entries, departments: list[str] | None = None):
        self.definition = definition
        self.entries = entries
        self.computed: dict[str, object] = {}
        depts = departments if departments is not None else [f.department for f in definition.forms]
        for dept in depts:
            for section in definition.form(dept).sections:
                for item in section.items:
                    self.computed.update(KINDS[item.kind].computed(dept, item, entries.values))

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

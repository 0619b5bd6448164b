"""What every part of the report needs while it is being built."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.definition import Definition
from ..core.entries import Entries, ValueView
from ..core.institution import YearDef
from ..core.settings import year_settings
from ..store.file.workbook import Workbook
from .document import PageBook
from .marks import Marks


@dataclass
class Context:
    wb: Workbook
    definition: Definition
    entries: Entries
    view: ValueView
    portrait_width: float
    landscape_width: float
    marks: Marks = field(default_factory=Marks)  # the findings marked where they stand (a draft report)
    pages: PageBook = field(default_factory=PageBook)  # the pages of the anchors, from the previous pass
    _keys: dict = field(default_factory=dict)
    _settings: YearDef | None = None
    _history: dict[int, Entries] | None = None
    photos_shown: int = 0  # photos printed so far: they are numbered through the report

    @property
    def settings(self) -> YearDef:
        """The year settings in force: the definition's, with the strategy unit's overrides."""
        if self._settings is None:
            self._settings = year_settings(self.definition, self.entries.values.get)
        return self._settings

    @property
    def percent_style(self) -> str:
        return self.settings.percent_style

    @property
    def year(self) -> int:
        return self.definition.year.year

    @property
    def history(self) -> dict[int, Entries]:
        """Earlier years' values the file holds (year → entries), read once."""
        if self._history is None:
            self._history = self.wb.history()
        return self._history

    @property
    def previous(self) -> Entries | None:
        """The values of the year before the report's, or None when the file holds none."""
        return self.history.get(self.year - 1)

    def key(self, base: str) -> str:
        """A unique bookmark name."""
        n = self._keys.get(base, 0)
        self._keys[base] = n + 1
        return base if n == 0 else f"{base}-{n}"

    def value(self, key: str, default=None):
        v = self.view.get(key)
        return default if v is None else v

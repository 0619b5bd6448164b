"""The open department file as the widgets see it: Qt signals over the Qt-free model.

``Document`` wraps an :class:`OpenFile` (``store/document.py``), which owns the
entries, computed cells, findings, unreadable inputs and the undo history and
returns a record of what each operation changed; this class only turns those
records into signals, so that every widget subscribes and never reads the file.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.entries import ActivityEntry, Entries, IndicatorEntry, ValueView
from ..core.findings import Finding
from ..core.values import display
from ..store.file.change import Change
from ..store.file.document import OpenFile
from ..store.file.workbook import Workbook


class Document(QObject):
    valuesChanged = Signal(object)  # set of keys whose shown value changed (entered or computed)
    planChanged = Signal(str)  # indicator or activity key
    findingsChanged = Signal()
    photosChanged = Signal(str)  # photo list key
    stateChanged = Signal()
    changed = Signal()  # once per operation that changed anything (what the navigator counts)

    def __init__(self, wb: Workbook, parent: QObject | None = None, department: str | None = None):
        # ``department``: one department of a consolidated file (the strategy unit's institution chapters)
        super().__init__(parent)
        self.model = OpenFile(wb, department)
        self.wb = wb
        self.definition = wb.definition
        self.department = self.model.department
        self.slots = self.model.slots
        self.indicators = self.model.indicators
        self.activities = self.model.activities
        self._previous_view: ValueView | None = None  # last year's computed cells, made when first asked

    # --- reading ----------------------------------------------------------
    @property
    def path(self):
        return self.wb.path

    @property
    def department_name(self) -> str:
        d = self.definition.department(self.department or "")
        return d.name if d else (self.department or "")

    @property
    def committed_at(self) -> float:
        """perf_counter() when the last write had committed, before the update (benchmarks)."""
        return self.model.committed_at

    @property
    def entries(self) -> Entries:
        return self.model.entries

    @property
    def pending(self) -> dict[str, str]:
        """Unreadable text typed and kept in the file (place → text)."""
        return self.model.pending

    @property
    def findings(self) -> list[Finding]:
        return self.model.findings

    @property
    def percent_style(self) -> str:
        return self.definition.year.percent_style

    def display(self, type_: str, value, places: int | None = None, rounded: bool = False) -> str:
        """A value as the window shows it, percents in the year's style. An editor's text
        keeps every place (it parses back); ``rounded`` (a computed cell, read-only text)
        prints it as the report does, with ``places`` (the declared places)."""
        return display(type_, value, self.percent_style, for_print=rounded, decimals=places)

    def value(self, key: str):
        """The value shown for a field or cell (entered or computed)."""
        return self.model.value(key)

    def entered(self, key: str):
        return self.model.entered(key)

    @property
    def previous_year(self) -> int:
        """The year whose values are shown beside this year's (the one before the definition's)."""
        return self.definition.year.year - 1

    @property
    def has_previous(self) -> bool:
        """Whether the file holds the values of the year before."""
        return self.wb.previous() is not None

    def previous_value(self, key: str):
        """Last year's value of a field or cell key, or of ``<indicator>.actual``; None when the file holds none.
        A computed cell (a formula column, a total) is computed from last year's values."""
        value = self.model.previous_value(key)
        previous = self.model.previous
        if value is None and previous is not None and (slot := self.definition.slots.get(key)) is not None and slot.computed:
            if self._previous_view is None or self._previous_view.entries is not previous:
                self._previous_view = ValueView(self.definition, previous, [self.department] if self.department else None)
            value = self._previous_view.get(key)
        return value

    @property
    def previous_cells(self) -> dict[str, object]:
        """The previous-year cells and fields (``previous_year: true``) with last year's values."""
        return self.model.live.view.before

    def previous_text(self, type_: str, key: str, places: int | None = None) -> str:
        """Last year's value as the window shows it beside this year's ("" when there is none),
        written as this year's editor shows a value."""
        value = self.previous_value(key)
        return "" if value is None else self.display(type_, value, places)

    def indicator(self, key: str) -> IndicatorEntry:
        return self.model.indicator(key)

    def activity(self, key: str) -> ActivityEntry:
        return self.model.activity(key)

    def photos(self, list_key: str):
        return self.model.photos(list_key)

    def photo_data(self, photo_id: int) -> bytes:
        return self.model.photo_data(photo_id)

    def state(self) -> dict:
        return self.model.state()

    @property
    def state_label(self) -> str:
        return self.model.state_label

    @property
    def submitted(self) -> bool:
        return self.model.state()["state"] == "gonderildi"

    @property
    def readonly(self) -> bool:
        return self.wb.readonly

    @property
    def locked(self) -> bool:
        """Nothing may be edited: read-only file or submitted."""
        return self.wb.readonly or self.submitted

    def findings_at(self, place: str) -> list[Finding]:
        return [f for f in self.findings if f.place == place]

    def is_own(self, finding: Finding) -> bool:
        """A finding the file's user can fix: in a department file, the department's own
        (plan-level findings belong to the strategy unit); in the consolidated file, all."""
        return self.department is None or finding.department == self.department

    @property
    def errors(self) -> list[Finding]:
        """Errors that block submitting: the department's own."""
        return [f for f in self.findings if f.is_error and self.is_own(f)]

    # --- writing: the model writes, the signals say what changed ------------
    def apply(self, operation, *args, **kwargs) -> Change:
        """Run one of the model's operations (``self.model.set_values`` …) and emit what it changed."""
        change = operation(*args, **kwargs)
        self.emit(change)
        return change

    def write_values(self, values: dict) -> Change:
        return self.apply(self.model.set_values, values)

    def write_indicator(self, key: str, **attrs) -> None:
        for attr, value in attrs.items():
            self.apply(self.model.set_plan, key, attr, value)

    def write_activity(self, key: str, **attrs) -> None:
        self.write_indicator(key, **attrs)

    def record_unparsed(self, place: str, text: str) -> None:
        """Keep text that could not be read (a value key or ``<plan key>.<attribute>``) in the file."""
        self.apply(self.model.record_unparsed, place, text)

    def discard_unparsed(self, place: str) -> None:
        """The clerk dropped the unreadable text of ``place``."""
        self.apply(self.model.discard_unparsed, place)

    def emit(self, change: Change) -> None:
        if change.values:
            self.valuesChanged.emit(set(change.values))
        for key in sorted(change.plan):
            self.planChanged.emit(key)
        if change.findings or change.pending:
            self.findingsChanged.emit()
        for key in sorted(change.photos):
            self.photosChanged.emit(key)
        if change.state:
            self.stateChanged.emit()
        if change.stored or change.values or change.plan or change.photos or change.pending or change.findings or change.state:
            self.changed.emit()

    def reload_state(self) -> None:
        """After the window's own work through another connection (a merge): read the file again."""
        change = self.model.reload(clear_history=False)
        change.plan = set()
        self.emit(change)
        self.findingsChanged.emit()

    # --- changes made by other programs ------------------------------------
    def changed_elsewhere(self) -> bool:
        return self.model.changed_elsewhere()

    def reload_from_file(self) -> None:
        """Show what the file holds now: values, unreadable inputs, state, plan entries and photos."""
        self.emit(self.model.reload())
        self.findingsChanged.emit()

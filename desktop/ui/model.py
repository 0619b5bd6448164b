"""The open department file as the widgets see it.

``Document`` wraps a :class:`Workbook`: it holds what was entered, the
computed cells and the findings, and emits signals when any of them change,
so that every widget only subscribes and never reads the file itself. Every
write goes straight to the workbook (one committed transaction); the document
is then refreshed from the file, so what is shown is what is stored.
"""

from __future__ import annotations

import sqlite3
import time

from PySide6.QtCore import QObject, Signal

from ..core.entries import ActivityEntry, Entries, IndicatorEntry, ValueView
from ..core.findings import Finding
from ..core.values import display
from ..store.workbook import STATES, Workbook


class Document(QObject):
    valuesChanged = Signal(object)  # set of keys whose shown value changed (entered or computed)
    planChanged = Signal(str)  # indicator or activity key
    findingsChanged = Signal()
    photosChanged = Signal(str)  # photo list key
    stateChanged = Signal()

    def __init__(self, wb: Workbook, parent: QObject | None = None, department: str | None = None):
        # ``department``: one department of a consolidated file (the strategy unit's institution chapters)
        super().__init__(parent)
        self.wb = wb
        self.definition = wb.definition
        self.department = department or wb.department
        self.slots = {s.key: s for s in self.definition.slots_of(self.department)} if self.department else {}
        self.indicators = self.definition.indicators_of(self.department)
        self.activities = self.definition.activities_of(self.department)
        self._entries = Entries()
        self._shown: dict[str, object] = {}
        self.findings: list[Finding] = []
        self._state = wb.state(self.department)
        self.committed_at = 0.0  # perf_counter() of the last committed write (benchmarks)
        # unreadable text typed and kept in the file (place → text); read once here, then
        # kept in step by record/discard and by the writes that supersede it
        self.pending: dict[str, str] = wb.pending_inputs(self.department)
        self._version = self._data_version()
        self._reload()

    # --- reading ----------------------------------------------------------
    @property
    def path(self):
        return self.wb.path

    @property
    def department_name(self) -> str:
        d = self.definition.department(self.department or "")
        return d.name if d else (self.department or "")

    @property
    def entries(self) -> Entries:
        return self._entries

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
        return self._shown.get(key)

    def entered(self, key: str):
        return self._entries.values.get(key)

    def indicator(self, key: str) -> IndicatorEntry:
        return self._entries.indicators.get(key) or IndicatorEntry()

    def activity(self, key: str) -> ActivityEntry:
        return self._entries.activities.get(key) or ActivityEntry()

    def photos(self, list_key: str):
        return _photos().list_photos(self.wb, list_key)

    def photo_data(self, photo_id: int) -> bytes:
        return _photos().photo_data(self.wb, photo_id)

    def state(self) -> dict:
        return self._state

    @property
    def state_label(self) -> str:
        return STATES.get(self._state["state"], self._state["state"])

    @property
    def submitted(self) -> bool:
        return self._state["state"] == "gonderildi"

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

    # --- writing (one committed transaction each) -------------------------
    def write_values(self, values: dict) -> None:
        self.wb.apply(values=values)
        self.committed_at = time.perf_counter()
        self._pending_written(values)
        self._reload()

    def write_indicator(self, key: str, **attrs) -> None:
        self.wb.apply(indicators={key: attrs})
        self.committed_at = time.perf_counter()
        self._pending_written(f"{key}.{a}" for a in attrs)
        self._reload(plan_key=key)

    def write_activity(self, key: str, **attrs) -> None:
        self.wb.apply(activities={key: attrs})
        self.committed_at = time.perf_counter()
        self._pending_written(f"{key}.{a}" for a in attrs)
        self._reload(plan_key=key)

    def record_unparsed(self, place: str, text: str) -> None:
        """Keep text that could not be read (a value key or ``<plan key>.<attribute>``) in the file."""
        if self.wb.record_unparsed(place, text) or place not in self.pending:
            self.pending[place] = self.wb.pending_inputs(keys=[place]).get(place, text)
            self._reload()

    def discard_unparsed(self, place: str) -> None:
        """The clerk dropped the unreadable text of ``place``."""
        if place in self.pending:
            self.wb.discard_unparsed(place)
            self.pending.pop(place, None)
            self._reload()

    def add_photo(self, list_key: str, data: bytes, caption: str = "", name: str = "resim"):
        photo = _photos().add_photo(self.wb, list_key, data, caption, name)
        self._photos_changed(list_key)
        return photo

    def set_caption(self, list_key: str, photo_id: int, caption: str) -> None:
        _photos().set_caption(self.wb, photo_id, caption)
        self._photos_changed(list_key)

    def move_photo(self, list_key: str, photo_id: int, index: int) -> None:
        _photos().move_photo(self.wb, photo_id, index)
        self._photos_changed(list_key)

    def remove_photo(self, list_key: str, photo_id: int) -> None:
        _photos().remove_photo(self.wb, photo_id)
        self._photos_changed(list_key)

    def reload_state(self) -> None:
        """After the window's own work through another connection (a merge): read the file again."""
        self._version = self._data_version()
        self._state = self.wb.state(self.department)
        self._reload()
        self.stateChanged.emit()

    # --- changes made by other programs ------------------------------------
    def changed_elsewhere(self) -> bool:
        """Whether another connection (the command line, another program) committed to the file
        since the last look (SQLite's ``PRAGMA data_version``; this connection's own writes do not count)."""
        version = self._data_version()
        changed = version != self._version
        self._version = version
        return changed

    def reload_from_file(self) -> None:
        """Show what the file holds now: values, unreadable inputs, state, plan entries and photos."""
        self.pending = self.wb.pending_inputs(self.department)
        self._state = self.wb.state(self.department)
        self._reload()
        for item in self.indicators + self.activities:
            self.planChanged.emit(item.key)
        self.stateChanged.emit()  # editors re-read their tables and photo lists

    def _data_version(self) -> int | None:
        try:
            return self.wb.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return getattr(self, "_version", None)  # cannot tell: take the file as unchanged

    # --- internals --------------------------------------------------------
    def _photos_changed(self, list_key: str) -> None:
        self._reload()
        self.photosChanged.emit(list_key)

    def _pending_written(self, places) -> None:
        """A write supersedes the pending text of the places it changed (the file decides)."""
        written = [p for p in places if p in self.pending]
        if written:
            still = self.wb.pending_inputs(keys=written)
            for p in written:
                if p not in still:
                    del self.pending[p]

    def _reload(self, plan_key: str | None = None) -> None:
        self._entries = self.wb.entries()
        depts = [self.department] if self.department else None
        view = ValueView(self.definition, self._entries, depts)
        shown = {k: view.get(k) for k in self.slots}
        changed = {k for k in set(shown) | set(self._shown) if shown.get(k) != self._shown.get(k) or type(shown.get(k)) is not type(self._shown.get(k))}
        self._shown = shown
        self.findings = self.wb.findings(self._entries, self.pending, self.department)
        if changed:
            self.valuesChanged.emit(changed)
        if plan_key:
            self.planChanged.emit(plan_key)
        self.findingsChanged.emit()


def _photos():
    """The photo store (imports Pillow): loaded when a photo list is first used."""
    from ..store import photos

    return photos

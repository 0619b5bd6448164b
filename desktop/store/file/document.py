"""An open file as its window sees it, without Qt: entries, findings, unreadable inputs, undo.

``OpenFile`` wraps a :class:`Workbook`. Every operation writes one committed
transaction through the workbook and returns a :class:`Change`: the places
whose stored value changed, the shown values (entered or computed) that
changed, the findings added and removed, the plan keys and photo lists
touched. What changed is read back from the audit rows the transaction wrote
(the file's own record of every old and new value), so after an edit only the
edited places are re-read and only the checks they reach are re-run
(``core/live_checks.py``).

Undo and redo are built on the same audit rows (``undo.py``: ``UndoSteps``, this model's
base class). What an operation changed is a ``Change`` (``change.py``).
"""

from __future__ import annotations

import sqlite3
import time

from ...core import gc_pause
from ...core.entries import ActivityEntry, Entries, IndicatorEntry
from ...core.findings import Finding
from ...core.live_checks import LiveChecks, same
from . import found, stored_values
from . import pending as pending_inputs
from .change import Change, Row
from .returned import AUDIT as RETURN_ROW
from .states import state_label
from .undo import Step, UndoSteps
from .workbook import Workbook

_PLAN_ATTRS = {"actual", "actual_cost", "explanation", "source"}
_PHOTO_ROWS = {"photo.add": 1, "photo.remove": -1, "photo.caption": 0, "photo.move": 0}
# audit rows ``catch_up`` follows place by place: what they changed is in the row itself (a
# return row comes with the state row of the same transaction); any other row (a merge's, an
# earlier year's) makes it read the whole file again
_FOLLOWED = {"value", "state", RETURN_ROW, pending_inputs.ATTRIBUTE, *_PLAN_ATTRS, *_PHOTO_ROWS}


class OpenFile(UndoSteps):
    """An open workbook (one department of it, for a consolidated file's department chapters)."""

    def __init__(self, wb: Workbook, department: str | None = None, *, images: bool = False):
        """``department``: one department of a consolidated file (default: the file's own, or
        the whole year); ``images``: decode every stored photo as a merge does (``check``)."""
        self.wb = wb
        self._images = images
        self.definition = wb.definition
        self.department = department or wb.department
        self.slots = {s.key: s for s in self.definition.slots_of(self.department)} if self.department else {}
        self.indicators = self.definition.indicators_of(self.department)
        self.activities = self.definition.activities_of(self.department)
        self._kind = {i.key: "indicator" for i in self.definition.plan.indicators()}
        self._kind.update({a.key: "activity" for a in self.definition.plan.activities()})
        self._written: list[Row] = []  # the audit rows of the last write
        self.committed_at = 0.0  # perf_counter() when the last write had committed (benchmarks)
        super().__init__()  # the undo history (undo.py)
        self._version = self._data_version()
        self._load()

    def _load(self) -> None:
        with gc_pause.paused():  # a year's checks and values, built at once (core/gc_pause.py)
            self._load_all()

    def _load_all(self) -> None:
        self._seen = self._last_audit_id()  # the newest audit row the model has followed
        self.entries: Entries = self.wb.entries()
        self.previous: Entries | None = self.wb.previous()  # last year's values, read-only
        self.pending: dict[str, str] = self.wb.pending_inputs(self.department)
        self._state = self.wb.state(self.department)
        self.live = LiveChecks(self.definition, self.entries, self.department, self.previous)
        self._shown = {k: self.live.get(k) for k in self.slots}
        self._pending_found = pending_inputs.findings(self.definition, self.pending)
        self._stored_found = self._stored_findings()
        self._returned_found = found.returned_findings(self.wb, self.department)
        self._findings: list[Finding] | None = None

    # --- reading ----------------------------------------------------------
    def value(self, key: str):
        """The value shown for a field or cell (entered or computed)."""
        return self._shown.get(key) if key in self._shown else self.live.get(key)

    def previous_value(self, key: str):
        """Last year's value of a field or cell key, of ``<indicator>.actual`` or
        ``<activity>.actual_cost``, from the file's history; None when the file holds none."""
        p = self.previous
        if p is None:
            return None
        if key in p.values:
            return p.values[key]
        head, _, attr = key.rpartition(".")
        if attr == "actual" and head in p.indicators:
            return p.indicators[head].actual
        if attr == "actual_cost" and head in p.activities:
            return p.activities[head].actual_cost
        return None

    def entered(self, key: str):
        return self.entries.values.get(key)

    def indicator(self, key: str) -> IndicatorEntry:
        return self.entries.indicators.get(key) or IndicatorEntry()

    def activity(self, key: str) -> ActivityEntry:
        return self.entries.activities.get(key) or ActivityEntry()

    def state(self) -> dict:
        return self._state

    @property
    def state_label(self) -> str:
        return state_label(self._state["state"])

    @property
    def findings(self) -> list[Finding]:
        """Every finding, in one place: the definition's checks (``core/live_checks.py``, equal to
        ``core.validation.validate``), an error per unreadable input kept in the file
        (``pending.py``) and an error per stored row that breaks a rule of ``stored.py`` (what
        a merge would refuse). The window, ``check``, ``submit``, the board and the report all
        read them here."""
        if self._findings is None:
            self._findings = found.compose(self.live.findings(), self._pending_found, self._stored_found, self._returned_found)
        return self._findings

    # --- values and plan entries --------------------------------------------
    def set_values(self, values: dict, label: str = "", merge=None) -> Change:
        """Set fields or cells (one transaction; ``None`` clears)."""
        return self._edit(lambda: self.wb.apply(values=values), label, next(iter(values), ""), merge)

    def set_plan(self, key: str, attr: str, value, label: str = "", merge=None) -> Change:
        """Set one attribute of an indicator or activity (actual, actual_cost, explanation, source)."""
        row, indicator = {key: {attr: value}}, self._kind.get(key) == "indicator"

        def write() -> int:
            return self.wb.apply(indicators=row if indicator else None, activities=None if indicator else row)

        return self._edit(write, label, f"{key}.{attr}", merge)

    def set_entries(self, values: dict, indicators: dict, activities: dict, label: str = "") -> Change:
        """Set fields, cells and plan attributes together (a filled Excel template): one transaction,
        one undo step. ``indicators``/``activities`` map keys to ``{attribute: value}``."""
        place = next(iter(values), "") or next(
            (f"{k}.{a}" for k, attrs in {**indicators, **activities}.items() for a in attrs), ""
        )
        return self._edit(lambda: self.wb.apply(values=values, indicators=indicators, activities=activities), label, place, None)

    def record_unparsed(self, place: str, text: str) -> Change:
        """Keep text that could not be read (a value key or ``<plan key>.<attribute>``) in the file.
        Not an undo step: it is not a value."""
        change = Change()
        wrote = self.wb.record_unparsed(place, text)
        if wrote or place not in self.pending:
            kept = self.wb.pending_inputs(keys=[place]).get(place, text)
            self.pending.pop(place, None)  # the newest row comes last, as the file reads it
            self.pending[place] = kept
            change.pending.add(place)
            self._pending_changed(change)
        return change

    def discard_unparsed(self, place: str) -> Change:
        """The user dropped the unreadable text of ``place``."""
        change = Change()
        if place in self.pending:
            self.wb.discard_unparsed(place)
            self.pending.pop(place, None)
            change.pending.add(place)
            self._pending_changed(change)
        return change

    def submit(self) -> Change:
        """The clerk's "Gönderildi" (``submission.submit``), refused while this model's findings
        hold an error of the department; the state change comes back in the record."""
        from .submission import submit  # the copy and board code is not needed to edit

        before = self._last_audit_id()
        submit(self.wb, [f for f in self.findings if f.is_error])
        return self._after(before)

    def send(self, dest) -> Change:
        """The clerk's one "Gönder" step (``sending.send``): submit as ``submit`` does, then
        write the checked copy to ``dest`` (``Change.copy``: the path written)."""
        from .sending import send

        before = self._last_audit_id()
        _digest, written = send(self.wb, dest, [f for f in self.findings if f.is_error])
        change = self._after(before)
        change.copy = written
        return change

    def set_state(self, state: str, note: str = "", content_hash: str = "") -> Change:
        before = self._last_audit_id()
        self.wb.set_state(state, department=self.department, note=note, content_hash=content_hash)
        return self._after(before)

    # --- photos -------------------------------------------------------------
    def photos(self, list_key: str):
        return _photos().list_photos(self.wb, list_key)

    def photo_data(self, photo_id: int) -> bytes:
        return _photos().photo_data(self.wb, photo_id)

    def add_photo(self, list_key: str, data: bytes, caption: str = "", name: str = "resim", label: str = "") -> Change:
        before = self._last_audit_id()
        photo = _photos().add_photo(self.wb, list_key, data, caption, name)
        change = self._after(before)
        change.photo = photo
        memo = {"op": "add", "id": photo.id, "data": data, "caption": photo.caption, "name": name}
        return self._record(change, Step(label, list_key, photo=memo))

    def remove_photo(self, list_key: str, photo_id: int, label: str = "") -> Change:
        photos = self.photos(list_key)
        index = next((i for i, p in enumerate(photos) if p.id == photo_id), 0)
        photo = next((p for p in photos if p.id == photo_id), None)
        data = self.photo_data(photo_id)
        before = self._last_audit_id()
        _photos().remove_photo(self.wb, photo_id)
        memo = {"op": "remove", "id": photo_id, "data": data, "caption": photo.caption if photo else "", "index": index}
        return self._record(self._after(before), Step(label, list_key, photo=memo))

    def set_caption(self, list_key: str, photo_id: int, caption: str, label: str = "", merge=None) -> Change:
        old = next((p.caption for p in self.photos(list_key) if p.id == photo_id), "")
        before = self._last_audit_id()
        _photos().set_caption(self.wb, photo_id, caption)
        memo = {"op": "caption", "id": photo_id, "old": old, "new": _photos().checked_caption(caption)}  # as stored
        return self._record(self._after(before), Step(label, list_key, merge=merge, photo=memo))

    def move_photo(self, list_key: str, photo_id: int, old: int, new: int, label: str = "") -> Change:
        """Move a photo from index ``old`` (as the window shows it) to ``new`` of its list."""
        before = self._last_audit_id()
        old, new = _photos().move_photo(self.wb, photo_id, new)  # the indices as moved
        memo = {"op": "move", "id": photo_id, "old": old, "new": new}
        return self._record(self._after(before), Step(label, list_key, photo=memo))

    # --- changes made by other programs ---------------------------------------
    def changed_elsewhere(self) -> bool:
        """Whether another connection committed to the file since the last look
        (SQLite's ``PRAGMA data_version``; this connection's own writes do not count)."""
        version = self._data_version()
        changed = version != self._version
        self._version = version
        return changed

    def reload(self, clear_history: bool = True) -> Change:
        """Read the whole file again (after another program or connection wrote it)."""
        old_shown, old_findings = self._shown, set(self.findings)
        self._version = self._data_version()
        self._load()
        if clear_history:
            self.clear_history()
        new_findings = set(self.findings)
        change = Change(
            values={k for k in set(old_shown) | set(self._shown) if not same(old_shown.get(k), self._shown.get(k))},
            plan={x.key for x in self.indicators + self.activities},
            state=True,
            whole=True,
        )
        change.added = [f for f in self.findings if f not in old_findings]
        change.removed = [f for f in old_findings if f not in new_findings]
        return change

    def catch_up(self) -> Change:
        """Follow what was written to the file since the model last looked, by this connection
        or another (a second window, the merge thread), from the audit rows: only the places
        they name are re-read and re-checked, so the update does not grow with the file. A
        write the rows do not describe place by place (a merge, an earlier year added, a
        commit of another connection that left no audit row) reads the whole file again
        (``Change.whole``). The undo history is kept: these writes are not steps of it."""
        rows = self._audit_rows(self._seen)
        elsewhere = self.changed_elsewhere()
        if any(r.attribute not in _FOLLOWED for _id, r in rows) or (elsewhere and not rows):
            self.wb.forget_cached()
            return self.reload(clear_history=False)
        if not rows:
            return Change()
        change = self._after(self._seen)
        unparsed = {r.target for _id, r in rows if r.attribute == pending_inputs.ATTRIBUTE}
        if unparsed:
            kept = self.wb.pending_inputs(keys=sorted(unparsed))
            for place in unparsed:
                self.pending.pop(place, None)
                if place in kept:
                    self.pending[place] = kept[place]
                change.pending.add(place)
            self._pending_changed(change)
        return change

    def _data_version(self) -> int | None:
        try:
            return self.wb.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return getattr(self, "_version", None)  # cannot tell: take the file as unchanged

    # --- internals ------------------------------------------------------------
    def _last_audit_id(self) -> int:
        return self.wb.conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]

    def _edit(self, write, label: str, place: str, merge) -> Change:
        before = self._last_audit_id()
        write()
        change = self._after(before)
        rows = [r for r in self._written if r.attribute == "value" or r.attribute in _PLAN_ATTRS]
        if not rows:
            return change
        return self._record(change, Step(label, place, rows, merge))

    def _audit_rows(self, after: int) -> list[tuple[int, Row]]:
        return [
            (r[0], Row(*r[1:]))
            for r in self.wb.conn.execute("SELECT id, target, attribute, old, new FROM audit WHERE id > ? ORDER BY id", (after,))
        ]

    def _after(self, before: int) -> Change:
        """Bring the entries up to date from the audit rows written since ``before`` (the values
        just written, already checked) and re-run only the checks they reach."""
        self.committed_at = time.perf_counter()
        change = Change()
        values: set[str] = set()
        plan: set[str] = set()
        stored_problems = self._stored_found
        rows = self._audit_rows(before)
        self._written = [row for _id, row in rows]
        self._seen = max(self._seen, rows[-1][0]) if rows else self._seen
        for row in self._written:
            if row.attribute == "value":
                slot = self.definition.slots.get(row.target)
                v = stored_values.decoded(slot.type, row.new) if slot is not None else None
                if v is None:
                    self.entries.values.pop(row.target, None)
                else:
                    self.entries.values[row.target] = v
                values.add(row.target)
                change.stored.append(row.target)
                self._superseded(row.target, change)
            elif row.attribute in _PLAN_ATTRS:
                self._set_plan_entry(row)
                plan.add(row.target)
                place = f"{row.target}.{row.attribute}"
                change.stored.append(place)
                self._superseded(place, change)
            elif row.attribute in _PHOTO_ROWS:
                n = self.entries.photos.get(row.target, 0) + _PHOTO_ROWS[row.attribute]
                if n > 0:
                    self.entries.photos[row.target] = n
                else:
                    self.entries.photos.pop(row.target, None)
                change.photos.add(row.target)
            elif row.attribute == "state":
                self._state = self.wb.state(self.department)
                change.state = True
        touched, change.added, change.removed = self.live.update(values, plan)
        for key in touched:
            if key in self._shown or key in self.slots:
                shown = self.live.get(key)
                if not same(shown, self._shown.get(key)) or (key in self.slots and key not in self._shown):
                    change.values.add(key)
                self._shown[key] = shown
        change.plan = plan
        if change.pending:
            self._pending_changed(change)
        if values or plan:
            self._stored_found = self._stored_findings()
            if self._stored_found != stored_problems:
                change.added += [f for f in self._stored_found if f not in stored_problems]
                change.removed += [f for f in stored_problems if f not in self._stored_found]
        if change.state:  # sent back (with the fields to fix) or sent again
            returned = self._returned_found
            self._returned_found = found.returned_findings(self.wb, self.department)
            change.added += [f for f in self._returned_found if f not in returned]
            change.removed += [f for f in returned if f not in self._returned_found]
        if change.findings:
            self._findings = None
        # nothing to note of the data version: this connection's own writes do not change it, and
        # noting it here would take a commit made elsewhere in the meantime for seen
        return change

    def _set_plan_entry(self, row: Row) -> None:
        entry: ActivityEntry | IndicatorEntry
        if self._kind.get(row.target) == "activity":
            entry = self.entries.activities.setdefault(row.target, ActivityEntry())
        else:
            entry = self.entries.indicators.setdefault(row.target, IndicatorEntry())
        if row.attribute == "actual" and isinstance(entry, IndicatorEntry):
            entry.actual = stored_values.decoded("decimal", row.new)
        elif row.attribute == "actual_cost" and isinstance(entry, ActivityEntry):
            entry.actual_cost = stored_values.decoded("money", row.new)
        else:
            setattr(entry, row.attribute, stored_values.text_or_empty(row.new))

    def _superseded(self, place: str, change: Change) -> None:
        """A write supersedes the pending text of the place it changed (``pending.py``)."""
        if self.pending.pop(place, None) is not None:
            change.pending.add(place)

    def _pending_changed(self, change: Change) -> None:
        old = self._pending_found
        self._pending_found = pending_inputs.findings(self.definition, self.pending)
        change.added += [f for f in self._pending_found if f not in old]
        change.removed += [f for f in old if f not in self._pending_found]
        self._findings = None

    def _stored_findings(self) -> list[Finding]:
        return found.stored_findings(self.wb, self.department, self._images)


def _photos():
    """The photo store (imports Pillow): loaded when a photo list is first used."""
    from . import photos

    return photos

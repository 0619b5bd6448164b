"""An open file as its window sees it, without Qt: entries, findings, unreadable inputs, undo.

``OpenFile`` wraps a :class:`Workbook`. Every operation writes one committed
transaction through the workbook and returns a :class:`Change`: the places
whose stored value changed, the shown values (entered or computed) that
changed, the findings added and removed, the plan keys and photo lists
touched. What changed is read back from the audit rows the transaction wrote
(the file's own record of every old and new value), so after an edit only the
edited places are re-read and only the checks they reach are re-run
(``core/live_checks.py``).

Undo is built on the same audit rows: one user action is one step (the rows of
its transaction; typing in one field merges its saves into one step). Undo
writes the steps' old values back as a new transaction, with its own audit
rows, redo the new ones: nothing is ever lost and the file stays the record.
An undo or redo whose place no longer holds what the step left there (another
program wrote into the file) is refused and the history is cleared
(``HistoryCleared``), never a silent overwrite: the comparison runs inside the
transaction that writes (``Workbook.write_prepared``'s and the photo operations'
``precondition``), so no other connection can commit between the check and the
write. ``check_undo``/``check_redo`` run the same comparison early, for the window
to warn before it acts. The history lives as long as the open file (one window
session).
"""

from __future__ import annotations

import sqlite3
import time

import msgspec

from ...core import gc_pause
from ...core.entries import ActivityEntry, Entries, IndicatorEntry
from ...core.findings import Finding
from ...core.i18n import lazy
from ...core.live_checks import LiveChecks, same
from ..errors import WorkbookError
from . import found, stored_values
from . import pending as pending_inputs
from .returned import AUDIT as RETURN_ROW
from .states import state_label
from .workbook import Workbook

UNDO_LIMIT = 1000
_PLAN_ATTRS = {"actual", "actual_cost", "explanation", "source"}
_PHOTO_ROWS = {"photo.add": 1, "photo.remove": -1, "photo.caption": 0, "photo.move": 0}
# audit rows ``catch_up`` follows place by place: what they changed is in the row itself (a
# return row comes with the state row of the same transaction); any other row (a merge's, an
# earlier year's) makes it read the whole file again
_FOLLOWED = {"value", "state", RETURN_ROW, pending_inputs.ATTRIBUTE, *_PLAN_ATTRS, *_PHOTO_ROWS}


class HistoryCleared(WorkbookError):
    """An undo or redo was refused: the file changed elsewhere; the undo history is gone."""


_CHANGED_ELSEWHERE = lazy(
    "Dosya başka bir programda değiştirildi; geri alma adımı uygulanmadı, çünkü yeni değerin üzerine yazardı. Geri alma geçmişi silindi; değerleri kontrol edip çalışmaya devam edin."
)


class Change(msgspec.Struct):
    """What one operation changed."""

    stored: list[str] = msgspec.field(default_factory=list)  # places whose stored value changed (audit targets)
    values: set[str] = msgspec.field(default_factory=set)  # shown values (entered or computed) that changed
    plan: set[str] = msgspec.field(default_factory=set)  # indicator/activity keys written
    photos: set[str] = msgspec.field(default_factory=set)  # photo lists changed
    pending: set[str] = msgspec.field(default_factory=set)  # places whose unreadable text came or went
    added: list[Finding] = msgspec.field(default_factory=list)
    removed: list[Finding] = msgspec.field(default_factory=list)
    state: bool = False  # the file's state (draft/submitted…) changed
    merged: bool = False  # the step merged into the previous one (typing in one field)
    vanished: bool = False  # ... and together they change nothing: no step at all
    whole: bool = False  # the whole file was read again (``reload``)
    step: Step | None = None  # the undo step this operation made
    photo: object = None  # add_photo: the new photo
    copy: object = None  # send: the path of the copy written

    @property
    def findings(self) -> bool:
        return bool(self.added or self.removed)


class Row(msgspec.Struct):
    """One audit row: ``target``/``attribute`` went from ``old`` to ``new`` (as stored)."""

    target: str
    attribute: str
    old: object
    new: object


class Step(msgspec.Struct):
    """One user action: the audit rows of its transaction(s), or a photo operation."""

    label: str
    place: str
    rows: list[Row] = msgspec.field(default_factory=list)
    merge: object = None
    photo: dict | None = None  # photo steps: what undo/redo need that the audit rows do not hold


class OpenFile:
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
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._open_merge: object = None  # the merge token typing may still add to the top step
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

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def merges_into_top(self, merge) -> bool:
        """Would an edit with this merge token join the step on top of the history?"""
        return merge is not None and self._open_merge == merge and bool(self._undo) and self._undo[-1].merge == merge

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

    # --- undo and redo --------------------------------------------------------
    def undo(self) -> Change:
        """Write the top step's old values back (a new transaction with its own audit rows),
        or raise ``HistoryCleared`` (nothing written) if another write came in between."""
        if not self._undo:
            return Change()
        step = self._checked(self._undo[-1], backwards=True)
        change = self._play(step, backwards=True)
        self._undo.pop()
        self._redo.append(step)
        self._open_merge = None
        change.step = step
        return change

    def redo(self) -> Change:
        if not self._redo:
            return Change()
        step = self._checked(self._redo[-1], backwards=False)
        change = self._play(step, backwards=False)
        self._redo.pop()
        self._undo.append(step)
        self._open_merge = None
        change.step = step
        return change

    def clear_history(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self._open_merge = None

    def check_undo(self) -> None:
        """Raise ``HistoryCleared`` (and clear the history) if undo would overwrite another program's write."""
        if self._undo:
            self._checked(self._undo[-1], backwards=True)

    def check_redo(self) -> None:
        if self._redo:
            self._checked(self._redo[-1], backwards=False)

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

    def _record(self, change: Change, step: Step) -> Change:
        """Put ``step`` on the history (merging typing into the top step)."""
        self._redo.clear()
        top = self._undo[-1] if self._undo else None
        if top is not None and step.merge is not None and self.merges_into_top(step.merge) and _mergeable(top, step):
            top.rows += step.rows
            if top.photo is not None and step.photo is not None:
                top.photo["new"] = step.photo["new"]
            change.merged = True
            change.vanished = _unchanged(top)
            if change.vanished:
                self._undo.pop()
                self._open_merge = None
            change.step = None if change.vanished else top
            return change
        self._undo.append(step)
        del self._undo[:-UNDO_LIMIT]
        self._open_merge = step.merge
        change.step = step
        return change

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

    def _checked(self, step: Step, backwards: bool) -> Step:
        """``step`` if the file is as it left it (undo) or as it found it (redo): no commit of
        another connection since the model last looked, and every place the step wrote holds
        that value; else the history is cleared and ``HistoryCleared`` raised. Run early (the
        window's warning, the start of undo/redo) and again inside the transaction that plays
        the step (``_holding``), where nothing can come in between."""
        if self._data_version() != self._version or not self._holds(step, backwards):
            self.clear_history()  # the version is left unseen: the window's next look reads the file again
            raise HistoryCleared(str(_CHANGED_ELSEWHERE))
        return step

    def _holding(self, step: Step, backwards: bool):
        """The precondition the transaction playing ``step`` runs before it writes (on this
        model's connection, which is the transaction's)."""

        def precondition(conn: sqlite3.Connection) -> None:
            assert conn is self.wb.conn  # what _checked reads is what the transaction sees
            self._checked(step, backwards)

        return precondition

    def _holds(self, step: Step, backwards: bool) -> bool:
        """Whether every place ``step`` wrote holds what it left there (``backwards``: to undo
        it) or what it found there (to redo it)."""
        if step.photo is not None:
            return _photo_holds(self.wb.conn, step, backwards)
        for place, (first_old, last_new) in _ends(step.rows).items():
            now = pending_inputs.stored_raw(self.wb.conn, pending_inputs.place(self.definition, place))
            expected = last_new if backwards else first_old
            if not (now == expected and type(now) is type(expected)):
                return False
        return True

    def _play(self, step: Step, backwards: bool) -> Change:
        if step.photo is not None:
            return self._play_photo(step, backwards)
        values: dict = {}
        plan: dict[str, dict] = {"indicators": {}, "activities": {}}
        for place, (first_old, last_new) in _ends(step.rows).items():
            raw = first_old if backwards else last_new
            p = pending_inputs.place(self.definition, place)
            if p.table == "entry":
                values[place] = stored_values.decoded(self.definition.slots[place].type, raw)
            else:
                kind = "indicators" if p.table == "indicator" else "activities"
                if p.column in ("explanation", "source"):
                    v = stored_values.text_or_empty(raw)
                else:
                    v = stored_values.decoded("money" if p.column == "actual_cost" else "decimal", raw)
                plan[kind].setdefault(p.row_key, {})[p.column] = v
        before = self._last_audit_id()
        self.wb.apply(values, plan["indicators"], plan["activities"], precondition=self._holding(step, backwards))
        return self._after(before)

    def _play_photo(self, step: Step, backwards: bool) -> Change:
        m, photos, key = step.photo, _photos(), step.place
        assert m is not None  # a photo step
        before = self._last_audit_id()
        op, photo_id, holding = m["op"], m["id"], self._holding(step, backwards)
        if (op == "add") != backwards and op in ("add", "remove"):  # add again / undo a removal (in its place)
            index = m["index"] if op == "remove" else None
            data, name = m["data"], m.get("name", "resim")
            new_id = photos.add_photo(self.wb, key, data, m["caption"], name, index=index, precondition=holding).id
            for other in self._undo + self._redo:  # every step names the photo by its new id
                if other.photo is not None and other.photo["id"] == photo_id:
                    other.photo["id"] = new_id
            m["id"] = new_id
        elif op in ("add", "remove"):
            photos.remove_photo(self.wb, photo_id, precondition=holding)
        elif op == "caption":
            photos.set_caption(self.wb, photo_id, m["old"] if backwards else m["new"], precondition=holding)
        else:
            photos.move_photo(self.wb, photo_id, m["old"] if backwards else m["new"], precondition=holding)
        return self._after(before)


def _place(row: Row) -> str:
    return row.target if row.attribute == "value" else f"{row.target}.{row.attribute}"


def _ends(rows: list[Row]) -> dict[str, tuple]:
    """place → (the first old value, the last new value) over a step's rows."""
    out: dict[str, tuple] = {}
    for row in rows:
        place = _place(row)
        out[place] = (out[place][0] if place in out else row.old, row.new)
    return out


def _photo_holds(conn: sqlite3.Connection, step: Step, backwards: bool) -> bool:
    """Whether the photo of a photo step is as the step left it (``backwards``) or found it:
    there or gone, in the step's list, with its caption, at its index."""
    m = step.photo
    assert m is not None  # a photo step
    op = m["op"]
    where = _photos().placed(conn, m["id"])  # (list, index, caption) or None
    if op in ("add", "remove") and (op == "add") != backwards:  # before an add, after a removal
        return where is None
    if where is None or where[0] != step.place:
        return False
    _list, index, caption = where
    if op == "add":  # after it: there, with the caption it was added with
        return caption == m["caption"]
    if op == "remove":  # before it: in its place, with its caption
        return caption == m["caption"] and index == m["index"]
    if op == "caption":
        return caption == (m["new"] if backwards else m["old"])
    return index == (m["new"] if backwards else m["old"])


def _mergeable(top: Step, step: Step) -> bool:
    if (top.photo is None) != (step.photo is None):
        return False
    if top.photo is not None and step.photo is not None:
        return top.photo["op"] == step.photo["op"] == "caption" and top.photo["id"] == step.photo["id"]
    return {_place(r) for r in top.rows} == {_place(r) for r in step.rows}


def _unchanged(step: Step) -> bool:
    if step.photo is not None:
        return step.photo.get("old") == step.photo.get("new")
    return all(old == new and type(old) is type(new) for old, new in _ends(step.rows).values())


def _photos():
    """The photo store (imports Pillow): loaded when a photo list is first used."""
    from . import photos

    return photos

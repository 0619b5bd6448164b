"""Undo and redo of an open file's edits, built on the file's own audit rows.

Undo is built on the audit rows every edit writes (the file's own record of every old and
new value): one user action is one step (the rows of
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

``UndoSteps`` is the history part of ``document.OpenFile`` (its base class): the steps, their
merging, checking and playing; the model gives it the file (``wb``), its data version and the
update after a write (``_after``).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import msgspec

from ...core.i18n import lazy
from ..errors import WorkbookError
from . import pending as pending_inputs
from . import stored_values
from .change import Change, Row

if TYPE_CHECKING:
    from ...core.definition import Definition
    from .workbook import Workbook

UNDO_LIMIT = 1000


class HistoryCleared(WorkbookError):
    """An undo or redo was refused: the file changed elsewhere; the undo history is gone."""


_CHANGED_ELSEWHERE = lazy(
    "Dosya başka bir programda değiştirildi; geri alma adımı uygulanmadı, çünkü yeni değerin üzerine yazardı. Geri alma geçmişi silindi; değerleri kontrol edip çalışmaya devam edin."
)


class Step(msgspec.Struct):
    """One user action: the audit rows of its transaction(s), or a photo operation."""

    label: str
    place: str
    rows: list[Row] = msgspec.field(default_factory=list)
    merge: object = None
    photo: dict | None = None  # photo steps: what undo/redo need that the audit rows do not hold


class UndoSteps:
    """The undo and redo history of an open file (``document.OpenFile`` is one)."""

    wb: Workbook
    definition: Definition
    _version: int | None

    if TYPE_CHECKING:  # the open file's own (document.OpenFile)

        def _after(self, before: int) -> Change: ...

        def _last_audit_id(self) -> int: ...

        def _data_version(self) -> int | None: ...

    def __init__(self) -> None:
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._open_merge: object = None  # the merge token typing may still add to the top step

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def merges_into_top(self, merge) -> bool:
        """Would an edit with this merge token join the step on top of the history?"""
        return merge is not None and self._open_merge == merge and bool(self._undo) and self._undo[-1].merge == merge

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

"""Undo/redo steps. Each step's redo and undo write the file through the document.

A step is applied to the file *before* it is pushed (``Editor.apply``), so a
value the store refuses never enters the stack; the first ``redo`` that
``QUndoStack.push`` calls is then skipped.

Text editors save while the clerk types (after a pause); those steps carry a
``merge`` token (the field and its focus session) and merge into one step, so
Ctrl+Z still undoes "typing in one field" at once.

Another program may write into the file while the window has it open (the
command line's imports refuse a file a window holds, older versions and other
tools do not). Before every undo, redo and edit, and when the clerk comes
back to the application, the editor asks the document
whether the file changed elsewhere; if so it re-reads the file and clears the
undo stack (an old step would overwrite the other program's value with a
state the file no longer has) and says so in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack

from ..store.errors import WorkbookError
from .i18n import tr
from .model import Document

MERGE_ID = 1  # QUndoCommand.id() of steps that may merge (their ``merge`` tokens must match too)


class _Stack(QUndoStack):
    """An undo stack that first re-reads a file changed elsewhere (and then does not undo)."""

    def __init__(self, editor: Editor):
        super().__init__(editor)
        self.editor = editor

    def undo(self) -> None:
        if not self.editor.sync():
            super().undo()

    def redo(self) -> None:
        if not self.editor.sync():
            super().redo()


class _Step(QUndoCommand):
    # never name an attribute "id": QUndoCommand.id() is called by the stack
    def __init__(self, editor: Editor, text: str, merge=None):
        super().__init__(text)
        self.editor = editor
        self.merge = merge  # steps with the same token merge into one (typing in one field)
        self._first = True

    def id(self) -> int:
        return MERGE_ID if self.merge is not None else -1

    def mergeWith(self, other) -> bool:
        if self.merge is None or getattr(other, "merge", None) != self.merge or type(other) is not type(self):
            return False
        if not self._absorb(other):
            return False
        if self._unchanged():
            self.setObsolete(True)  # typed back to what it was: no step at all
        return True

    def _absorb(self, other) -> bool:
        return False

    def _unchanged(self) -> bool:
        return False

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        if self.editor.guard(self.do):
            self.editor.touched.emit(self.place())

    def undo(self) -> None:
        if self.editor.guard(self.undo_):
            self.editor.touched.emit(self.place())

    def place(self) -> str:
        """Where the change is (a field, cell, indicator attribute or photo list key)."""
        return ""

    def do(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo_(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class SetValues(_Step):
    """One field, one cell, or a pasted block."""

    def __init__(self, editor, new: dict, text: str, merge=None):
        super().__init__(editor, text, merge)
        self.new = dict(new)
        self.old = {k: editor.doc.entered(k) for k in new}

    def _absorb(self, other) -> bool:
        if set(other.new) != set(self.new):
            return False
        self.new = dict(other.new)
        return True

    def _unchanged(self) -> bool:
        return all(_same(self.old[k], v) for k, v in self.new.items())

    def place(self) -> str:
        return next(iter(self.new), "")

    def do(self) -> None:
        self.editor.doc.write_values(self.new)

    def undo_(self) -> None:
        self.editor.doc.write_values(self.old)


class SetPlan(_Step):
    """One attribute of an indicator (actual, explanation, source) or an activity."""

    def __init__(self, editor, kind: str, key: str, attr: str, new, text: str, merge=None):
        super().__init__(editor, text, merge)
        self.kind, self.key, self.attr, self.new = kind, key, attr, new
        entry = editor.doc.indicator(key) if kind == "indicator" else editor.doc.activity(key)
        self.old = getattr(entry, attr)

    def _absorb(self, other) -> bool:
        if (other.kind, other.key, other.attr) != (self.kind, self.key, self.attr):
            return False
        self.new = other.new
        return True

    def _unchanged(self) -> bool:
        return _same(self.old, self.new)

    def place(self) -> str:
        return f"{self.key}.{self.attr}"

    def _write(self, value) -> None:
        write = self.editor.doc.write_indicator if self.kind == "indicator" else self.editor.doc.write_activity
        write(self.key, **{self.attr: value})

    def do(self) -> None:
        self._write(self.new)

    def undo_(self) -> None:
        self._write(self.old)


class AddPhoto(_Step):
    def place(self) -> str:
        return self.list_key

    def __init__(self, editor, list_key: str, photo, data: bytes, caption: str, text: str):
        super().__init__(editor, text)
        self.list_key, self.photo_id, self.data, self.caption = list_key, photo.id, data, caption

    def do(self) -> None:
        self.photo_id = self.editor.doc.add_photo(self.list_key, self.data, self.caption).id

    def undo_(self) -> None:
        self.editor.doc.remove_photo(self.list_key, self.photo_id)


class RemovePhoto(_Step):
    def place(self) -> str:
        return self.list_key

    def __init__(self, editor, list_key: str, photo, index: int, data: bytes, text: str):
        super().__init__(editor, text)
        self.list_key, self.photo_id, self.index, self.data, self.caption = list_key, photo.id, index, data, photo.caption

    def do(self) -> None:
        self.editor.doc.remove_photo(self.list_key, self.photo_id)

    def undo_(self) -> None:
        doc = self.editor.doc
        self.photo_id = doc.add_photo(self.list_key, self.data, self.caption).id
        doc.move_photo(self.list_key, self.photo_id, self.index)


class CaptionPhoto(_Step):
    def place(self) -> str:
        return self.list_key

    def __init__(self, editor, list_key: str, photo, new: str, text: str, merge=None):
        super().__init__(editor, text, merge)
        self.list_key, self.photo_id, self.old, self.new = list_key, photo.id, photo.caption, new

    def _absorb(self, other) -> bool:  # typing saved in parts: one step from the first old to the last new
        if other.photo_id != self.photo_id:
            return False
        self.new = other.new
        return True

    def _unchanged(self) -> bool:
        return self.new == self.old

    def do(self) -> None:
        self.editor.doc.set_caption(self.list_key, self.photo_id, self.new)

    def undo_(self) -> None:
        self.editor.doc.set_caption(self.list_key, self.photo_id, self.old)


class MovePhoto(_Step):
    def place(self) -> str:
        return self.list_key

    def __init__(self, editor, list_key: str, photo_id: int, old: int, new: int, text: str):
        super().__init__(editor, text)
        self.list_key, self.photo_id, self.old_index, self.new_index = list_key, photo_id, old, new

    def do(self) -> None:
        self.editor.doc.move_photo(self.list_key, self.photo_id, self.new_index)

    def undo_(self) -> None:
        self.editor.doc.move_photo(self.list_key, self.photo_id, self.old_index)


class Editor(QObject):
    """The one door through which widgets change the file: apply, then push."""

    problem = Signal(str)  # a Turkish message for the clerk (status bar / dialog)
    touched = Signal(str)  # an undo or redo changed this place: show it

    def __init__(self, doc: Document, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.stack = _Stack(self)
        self.stack.setUndoLimit(1000)
        self._merge_top: tuple | None = None  # (token, stack index) of the step typing may still merge into
        app = QGuiApplication.instance()
        if app is not None:  # back from another program (a terminal, say): show what the file holds now
            app.applicationStateChanged.connect(self._application_state)

    def _application_state(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.sync()

    def guard(self, fn) -> bool:
        try:
            fn()
            return True
        except WorkbookError as exc:
            self.problem.emit(str(exc))
            return False

    def _push(self, step: _Step) -> bool:
        if self.guard(step.do):
            step._first = True
            before = self.stack.index()
            self.stack.push(step)
            index = self.stack.index()
            # the step (or the one it merged into) is on top unless merging made it vanish
            self._merge_top = (step.merge, index) if step.merge is not None and index >= before else None
            return True
        return False

    def sync(self) -> bool:
        """Re-read the file if another program changed it; True if it did (the undo history is then gone)."""
        if not self.doc.changed_elsewhere():
            return False
        self._merge_top = None
        self.stack.clear()
        self.doc.reload_from_file()
        self.problem.emit(tr("Dosya başka bir programda (ör. komut satırından bir içe aktarmayla) değiştirildi; "
                             "değerler dosyadan yeniden okundu. Geri alma geçmişi silindi, çünkü eski adımlar "
                             "yeni değerlerin üzerine yazardı. Değerleri kontrol edip çalışmaya devam edin."))
        return True

    def merges_into_top(self, merge) -> bool:
        """Would a step with this token merge into the step on top of the stack?"""
        return merge is not None and self._merge_top == (merge, self.stack.index())

    # --- the edits widgets make ---------------------------------------------
    def set_values(self, values: dict, text: str | None = None, merge=None) -> bool:
        self.sync()
        for k, v in values.items():  # typed back to the stored value: the unreadable text is dropped
            if k in self.doc.pending and _same(self.doc.entered(k), v):
                self.discard_unparsed(k)
        values = {k: v for k, v in values.items() if not _same(self.doc.entered(k), v)}
        if not values:
            return True
        if text is None:
            key = next(iter(values))
            slot = self.doc.slots.get(key)
            label = slot.label if slot else key
            text = tr("'{0}' değiştirildi").format(label) if len(values) == 1 else tr("{0} hücre değiştirildi").format(len(values))
        return self._push(SetValues(self, values, text, merge))

    def set_indicator(self, key: str, attr: str, value, merge=None) -> bool:
        return self._set_plan("indicator", key, attr, value, merge)

    def set_activity(self, key: str, attr: str, value, merge=None) -> bool:
        return self._set_plan("activity", key, attr, value, merge)

    def _set_plan(self, kind: str, key: str, attr: str, value, merge) -> bool:
        self.sync()
        entry = self.doc.indicator(key) if kind == "indicator" else self.doc.activity(key)
        if _same(getattr(entry, attr), value):
            if f"{key}.{attr}" in self.doc.pending:
                self.discard_unparsed(f"{key}.{attr}")
            return True
        return self._push(SetPlan(self, kind, key, attr, value, tr("'{0}' değiştirildi").format(self._plan_label(key, attr)), merge))

    def record_unparsed(self, place: str, text: str) -> bool:
        """Keep text that could not be read (not a value, so not an undo step) in the file."""
        return self.guard(lambda: self.doc.record_unparsed(place, text))

    def discard_unparsed(self, place: str) -> bool:
        return self.guard(lambda: self.doc.discard_unparsed(place))

    def _plan_label(self, key: str, attr: str) -> str:
        item = next((x for x in self.doc.indicators + self.doc.activities if x.key == key), None)
        what = {"actual": tr("gerçekleşme"), "actual_cost": tr("gerçekleşen maliyet"),
                "explanation": tr("sapma açıklaması"), "source": tr("kaynak")}.get(attr, attr)
        return f"{item.code} {item.name} — {what}" if item else key

    def add_photo(self, list_key: str, data: bytes, caption: str = "", name: str = "resim") -> bool:
        self.sync()
        try:
            photo = self.doc.add_photo(list_key, data, caption, name)
        except WorkbookError as exc:
            self.problem.emit(str(exc))
            return False
        step = AddPhoto(self, list_key, photo, data, caption, tr("Fotoğraf eklendi"))
        self.stack.push(step)
        return True

    def remove_photo(self, list_key: str, photo, index: int) -> bool:
        self.sync()
        try:
            data = self.doc.photo_data(photo.id)
        except WorkbookError as exc:
            self.problem.emit(str(exc))
            return False
        return self._push(RemovePhoto(self, list_key, photo, index, data, tr("Fotoğraf silindi")))

    def caption_photo(self, list_key: str, photo, caption: str, merge=None) -> bool:
        """``merge``: a token of one visit to the caption editor; its saves are one undo step."""
        self.sync()
        if photo.caption == caption:
            return True
        return self._push(CaptionPhoto(self, list_key, photo, caption, tr("Fotoğraf açıklaması değiştirildi"), merge))

    def move_photo(self, list_key: str, photo_id: int, old: int, new: int) -> bool:
        self.sync()
        if old == new:
            return True
        return self._push(MovePhoto(self, list_key, photo_id, old, new, tr("Fotoğraf taşındı")))


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None or (a in ("", None) and b in ("", None))
    return a == b and type(a) is type(b)

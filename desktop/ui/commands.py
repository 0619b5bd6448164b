"""Undo/redo steps. Each step's redo and undo write the file through the document.

A step is applied to the file *before* it is pushed (``Editor.apply``), so a
value the store refuses never enters the stack; the first ``redo`` that
``QUndoStack.push`` calls is then skipped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..store.errors import WorkbookError
from .i18n import tr
from .model import Document


class _Step(QUndoCommand):
    # never name an attribute "id": QUndoCommand.id() is called by the stack
    def __init__(self, editor: "Editor", text: str):
        super().__init__(text)
        self.editor = editor
        self._first = True

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

    def __init__(self, editor, new: dict, text: str):
        super().__init__(editor, text)
        self.new = dict(new)
        self.old = {k: editor.doc.entered(k) for k in new}

    def place(self) -> str:
        return next(iter(self.new), "")

    def do(self) -> None:
        self.editor.doc.write_values(self.new)

    def undo_(self) -> None:
        self.editor.doc.write_values(self.old)


class SetPlan(_Step):
    """One attribute of an indicator (actual, explanation, source) or an activity."""

    def __init__(self, editor, kind: str, key: str, attr: str, new, text: str):
        super().__init__(editor, text)
        self.kind, self.key, self.attr, self.new = kind, key, attr, new
        entry = editor.doc.indicator(key) if kind == "indicator" else editor.doc.activity(key)
        self.old = getattr(entry, attr)

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

    def __init__(self, editor, list_key: str, photo, new: str, text: str):
        super().__init__(editor, text)
        self.list_key, self.photo_id, self.old, self.new = list_key, photo.id, photo.caption, new

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
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(1000)

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
            self.stack.push(step)
            return True
        return False

    # --- the edits widgets make ---------------------------------------------
    def set_values(self, values: dict, text: str | None = None) -> bool:
        values = {k: v for k, v in values.items() if not _same(self.doc.entered(k), v)}
        if not values:
            return True
        if text is None:
            key = next(iter(values))
            slot = self.doc.slots.get(key)
            label = slot.label if slot else key
            text = tr("'{0}' değiştirildi").format(label) if len(values) == 1 else tr("{0} hücre değiştirildi").format(len(values))
        return self._push(SetValues(self, values, text))

    def set_indicator(self, key: str, attr: str, value) -> bool:
        if _same(getattr(self.doc.indicator(key), attr), value):
            return True
        return self._push(SetPlan(self, "indicator", key, attr, value, tr("'{0}' değiştirildi").format(self._plan_label(key, attr))))

    def set_activity(self, key: str, attr: str, value) -> bool:
        if _same(getattr(self.doc.activity(key), attr), value):
            return True
        return self._push(SetPlan(self, "activity", key, attr, value, tr("'{0}' değiştirildi").format(self._plan_label(key, attr))))

    def _plan_label(self, key: str, attr: str) -> str:
        item = next((x for x in self.doc.indicators + self.doc.activities if x.key == key), None)
        what = {"actual": tr("gerçekleşme"), "actual_cost": tr("gerçekleşen maliyet"),
                "explanation": tr("sapma açıklaması"), "source": tr("kaynak")}.get(attr, attr)
        return f"{item.code} {item.name} — {what}" if item else key

    def add_photo(self, list_key: str, data: bytes, caption: str = "", name: str = "resim") -> bool:
        try:
            photo = self.doc.add_photo(list_key, data, caption, name)
        except WorkbookError as exc:
            self.problem.emit(str(exc))
            return False
        step = AddPhoto(self, list_key, photo, data, caption, tr("Fotoğraf eklendi"))
        self.stack.push(step)
        return True

    def remove_photo(self, list_key: str, photo, index: int) -> bool:
        try:
            data = self.doc.photo_data(photo.id)
        except WorkbookError as exc:
            self.problem.emit(str(exc))
            return False
        return self._push(RemovePhoto(self, list_key, photo, index, data, tr("Fotoğraf silindi")))

    def caption_photo(self, list_key: str, photo, caption: str) -> bool:
        if photo.caption == caption:
            return True
        return self._push(CaptionPhoto(self, list_key, photo, caption, tr("Fotoğraf açıklaması değiştirildi")))

    def move_photo(self, list_key: str, photo_id: int, old: int, new: int) -> bool:
        if old == new:
            return True
        return self._push(MovePhoto(self, list_key, photo_id, old, new, tr("Fotoğraf taşındı")))


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None or (a in ("", None) and b in ("", None))
    return a == b and type(a) is type(b)

"""Undo/redo in the window: a Qt undo stack whose steps only point into the model's history.

The history itself is the Qt-free model's (``store/file/undo.py``, a base of ``OpenFile``):
an edit is written first (one transaction) and the model records the step from
the audit rows it wrote; a step the store refuses never enters either stack.
Each ``QUndoCommand`` here only calls the model's ``undo``/``redo`` (its first
``redo``, which ``QUndoStack.push`` calls, is skipped: the edit is written).

Text editors save while the clerk types (after a pause); those edits carry a
``merge`` token (the field and its focus session) and the model merges them
into one step, so Ctrl+Z still undoes "typing in one field" at once; the Qt
command merges exactly when the model did.

Another program may write into the file while the window has it open (the
command line's imports refuse a file a window holds, older versions and other
tools do not). Before every undo, redo and edit, and when the clerk comes
back to the application, the editor asks the document
whether the file changed elsewhere; if so it re-reads the file and clears the
undo stack (an old step would overwrite the other program's value with a
state the file no longer has) and says so in the status bar. The model itself
refuses an undo whose place no longer holds what the step wrote.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack

from ..store.errors import WorkbookError
from ..store.file.change import Change
from .i18n import tr
from .model import Document

MERGE_ID = 1  # QUndoCommand.id() of steps that may merge (the model decides whether they do)


class _Stack(QUndoStack):
    """An undo stack that first re-reads a file changed elsewhere (and then does not undo)."""

    def __init__(self, editor: Editor):
        super().__init__(editor)
        self.editor = editor

    def undo(self) -> None:
        if not self.editor.sync() and self.editor.checked(self.editor.doc.model.check_undo):
            super().undo()

    def redo(self) -> None:
        if not self.editor.sync() and self.editor.checked(self.editor.doc.model.check_redo):
            super().redo()


class _Step(QUndoCommand):
    """One step of the model's history, as the Qt stack shows it."""

    # never name an attribute "id": QUndoCommand.id() is called by the stack
    def __init__(self, editor: Editor, change: Change, text: str, merge=None):
        super().__init__(text)
        self.editor = editor
        self.merge = merge
        self.merged, self.vanished = change.merged, change.vanished
        self.where = change.step.place if change.step is not None else ""
        self._first = True

    def id(self) -> int:
        return MERGE_ID if self.merge is not None else -1

    def mergeWith(self, other) -> bool:
        if not getattr(other, "merged", False):
            return False
        if other.vanished:
            self.setObsolete(True)  # typed back to what it was: no step at all
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._play(self.editor.doc.model.redo)

    def undo(self) -> None:
        self._play(self.editor.doc.model.undo)

    def _play(self, play) -> None:
        if self.editor.guard(lambda: self.editor.doc.apply(play)):
            self.editor.touched.emit(self.where)
        elif not (self.editor.doc.model.can_undo or self.editor.doc.model.can_redo):
            # refused inside its transaction (a write came after the stack's check): the model's
            # history is gone; the stack's goes once this command has returned (not from inside it)
            QTimer.singleShot(0, self.editor, self.editor.history_gone)


class Editor(QObject):
    """The one door through which widgets change the file: the model writes, the stack shows the step."""

    problem = Signal(str)  # a Turkish message for the clerk (status bar / dialog)
    touched = Signal(str)  # an undo or redo changed this place: show it

    def __init__(self, doc: Document, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.stack = _Stack(self)
        self.stack.setUndoLimit(1000)
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

    def checked(self, check) -> bool:
        """Run the model's check before an undo/redo; when it refuses, its history is gone: so is the stack's."""
        if self.guard(check):
            return True
        self.stack.clear()
        return False

    def _do(self, operation, text: str, *args, merge=None, **kwargs) -> bool:
        """Write through the model; a step it recorded goes on the stack."""
        try:
            change = (
                self.doc.apply(operation, *args, merge=merge, **kwargs)
                if merge is not None
                else self.doc.apply(operation, *args, **kwargs)
            )
        except WorkbookError as exc:
            self.problem.emit(str(exc))
            return False
        if change.step is not None or change.merged:
            self.stack.push(_Step(self, change, text, merge))
        return True

    def history_gone(self) -> None:
        """The model refused an undo or redo and cleared its history: show what the file holds
        now (``sync``) and drop the stack's steps."""
        if not self.sync():
            self.stack.clear()

    def sync(self) -> bool:
        """Re-read the file if another program changed it; True if it did (the undo history is then gone)."""
        if not self.doc.changed_elsewhere():
            return False
        self.stack.clear()
        self.doc.reload_from_file()
        self.problem.emit(
            tr(
                "Dosya başka bir programda (ör. komut satırından bir içe aktarmayla) değiştirildi; "
                "değerler dosyadan yeniden okundu. Geri alma geçmişi silindi, çünkü eski adımlar "
                "yeni değerlerin üzerine yazardı. Değerleri kontrol edip çalışmaya devam edin."
            )
        )
        return True

    def merges_into_top(self, merge) -> bool:
        """Would a step with this token merge into the step on top of the stack?"""
        return self.doc.model.merges_into_top(merge)

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
            text = (
                tr("'{0}' değiştirildi").format(label) if len(values) == 1 else tr("{0} hücre değiştirildi").format(len(values))
            )
        return self._do(self.doc.model.set_values, text, values, text, merge=merge)

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
        text = tr("'{0}' değiştirildi").format(self.plan_label(key, attr))
        return self._do(self.doc.model.set_plan, text, key, attr, value, text, merge=merge)

    def set_entries(self, values: dict, indicators: dict, activities: dict, text: str) -> bool:
        """Fields, cells and plan attributes at once (a filled Excel template): one undo step."""
        self.sync()
        return self._do(self.doc.model.set_entries, text, values, indicators, activities, text)

    def record_unparsed(self, place: str, text: str) -> bool:
        """Keep text that could not be read (not a value, so not an undo step) in the file."""
        return self.guard(lambda: self.doc.record_unparsed(place, text))

    def discard_unparsed(self, place: str) -> bool:
        return self.guard(lambda: self.doc.discard_unparsed(place))

    def plan_label(self, key: str, attr: str) -> str:
        item = next((x for x in self.doc.indicators + self.doc.activities if x.key == key), None)
        what = {
            "actual": tr("gerçekleşme"),
            "actual_cost": tr("gerçekleşen maliyet"),
            "explanation": tr("sapma açıklaması"),
            "source": tr("kaynak"),
        }.get(attr, attr)
        return f"{item.code} {item.name} — {what}" if item else key

    def add_photo(self, list_key: str, data: bytes, caption: str = "", name: str = "resim") -> bool:
        self.sync()
        text = tr("Fotoğraf eklendi")
        return self._do(self.doc.model.add_photo, text, list_key, data, caption, name, text)

    def remove_photo(self, list_key: str, photo, index: int) -> bool:
        self.sync()
        text = tr("Fotoğraf silindi")
        return self._do(self.doc.model.remove_photo, text, list_key, photo.id, text)

    def caption_photo(self, list_key: str, photo, caption: str, merge=None) -> bool:
        """``merge``: a token of one visit to the caption editor; its saves are one undo step."""
        self.sync()
        if photo.caption == caption:
            return True
        text = tr("Fotoğraf açıklaması değiştirildi")
        return self._do(self.doc.model.set_caption, text, list_key, photo.id, caption, text, merge=merge)

    def move_photo(self, list_key: str, photo_id: int, old: int, new: int) -> bool:
        self.sync()
        if old == new:
            return True
        text = tr("Fotoğraf taşındı")
        return self._do(self.doc.model.move_photo, text, list_key, photo_id, old, new, text)


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None or (a in ("", None) and b in ("", None))
    return a == b and type(a) is type(b)

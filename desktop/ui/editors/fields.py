"""Editors for single fields: numbers, money, percent, dates, short and long texts.

Every editor's ``objectName`` is its field key. What is typed is parsed with
the Turkish rules (``desktop.core.values.parse_input``) when the clerk leaves
the field or presses Enter; a value that cannot be read stays in the editor,
marked red with the reason, and is never turned into a different number.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from ...core.values import ValueProblem, display, parse_input
from ..commands import Editor
from ..i18n import tr

PLACEHOLDERS = {
    "count": "ör. 1.234",
    "decimal": "ör. 1.234,5",
    "money": "ör. 12.345,67",
    "percent": "ör. %87,5",
    "date": "gg.aa.yyyy",
}


def set_mark(widget: QWidget, name: str, value) -> None:
    """Set a style property (``finding``, ``inputError``) and re-apply the style sheet."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return  # not shown yet: the style sheet is applied when it is
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class MarkedMixin:
    """Shows the findings about its key (border colour + tooltip) and input problems."""

    key: str
    help_text: str = ""

    def _init_marks(self, editor: Editor) -> None:
        self._input_problem = ""
        editor.doc.findingsChanged.connect(self.show_findings)
        self.show_findings()

    def show_findings(self) -> None:
        found = self.editor.doc.findings_at(self.key)
        level = "error" if any(f.is_error for f in found) else ("warning" if found else "")
        set_mark(self, "finding", level)
        self._update_tooltip(found)

    def _update_tooltip(self, found=None) -> None:
        found = self.editor.doc.findings_at(self.key) if found is None else found
        lines = [self._input_problem] if self._input_problem else []
        lines += [f"{f.severity_label.capitalize()}: {f.message}" for f in found]
        if self.help_text:
            lines.append(self.help_text)
        self.setToolTip("\n".join(lines))

    def set_input_problem(self, message: str) -> None:
        self._input_problem = message
        set_mark(self, "inputError", bool(message))
        self._update_tooltip()
        if message:
            self.editor.problem.emit(message)

    # Ctrl+Z in a field with uncommitted typing reverts the field; otherwise
    # the shortcut goes to the window's undo stack (one step per field).
    def _shortcut_override(self, event) -> bool | None:
        if event.type() != QEvent.Type.ShortcutOverride:
            return None
        if event.matches(QKeySequence.StandardKey.Undo):
            if self.dirty():
                event.accept()
                return True
            event.ignore()
            return False
        if event.matches(QKeySequence.StandardKey.Redo):
            event.ignore()
            return False
        return None


class FieldEdit(MarkedMixin, QLineEdit):
    """A one-line editor for a number, money, percent, date or short text."""

    def __init__(self, editor: Editor, key: str, type_: str, label: str = "", help_text: str = "", parent=None,
                 placeholder: str | None = None):
        super().__init__(parent)
        self.editor, self.key, self.type, self.label = editor, key, type_, label
        self.help_text = help_text or ""
        # shown while empty: an example of the format, or what applies when nothing is entered
        self.placeholder = PLACEHOLDERS.get(type_, "") if placeholder is None else placeholder
        self.setObjectName(key)
        self.setAccessibleName(label or key)
        self.setPlaceholderText(self.placeholder)
        if type_ in ("count", "decimal", "money", "percent"):
            self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setMaximumWidth(220)
        elif type_ == "date":
            self.setMaximumWidth(160)
        self._shown = ""
        self.refresh()
        self.editingFinished.connect(self.commit)
        self.returnPressed.connect(self._next)
        editor.doc.valuesChanged.connect(self._values_changed)
        editor.doc.stateChanged.connect(self._lock)
        self._init_marks(editor)
        self._lock()

    def _lock(self) -> None:
        locked = self.editor.doc.locked
        self.setReadOnly(locked)
        self.setPlaceholderText("" if locked else self.placeholder)

    def dirty(self) -> bool:
        return self.text() != self._shown

    def stored(self):
        return self.editor.doc.value(self.key)

    def refresh(self) -> None:
        self._shown = display(self.type, self.stored())
        self.setText(self._shown)
        self.set_input_problem("") if hasattr(self, "_input_problem") else None

    def _values_changed(self, keys) -> None:
        if self.key in keys:
            self.refresh()

    def commit(self) -> bool:
        if not self.dirty() or self.isReadOnly():
            return True
        try:
            value = parse_input(self.type, self.text())
        except ValueProblem as exc:
            self.set_input_problem(tr("{0}: {1}").format(self.label or self.key, str(exc)))
            return False
        if self.write(value):
            self.refresh()
            return True
        return False

    def write(self, value) -> bool:
        return self.editor.set_values({self.key: value})

    def _next(self) -> None:
        if self.commit():
            self.focusNextChild()

    def event(self, event) -> bool:
        handled = self._shortcut_override(event)
        return handled if handled is not None else super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Undo) and self.dirty():
            self.refresh()
            return
        if event.key() == Qt.Key.Key_Escape and self.dirty():
            self.refresh()
            return
        super().keyPressEvent(event)


class LongTextEdit(MarkedMixin, QPlainTextEdit):
    """Paragraphs and bullet lists ("- " at the start of a line). Tab moves on."""

    def __init__(self, editor: Editor, key: str, label: str = "", help_text: str = "", parent=None, type_: str = "longtext"):
        super().__init__(parent)
        self.editor, self.key, self.type, self.label = editor, key, type_, label
        self.help_text = help_text or tr("Paragrafları boş satırla ayırın; madde işaretli satırları \"- \" ile başlatın.")
        self.setObjectName(key)
        self.setAccessibleName(label or key)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(140)
        self.setPlaceholderText(tr("Buraya yazın…"))
        self._shown = ""
        self.refresh()
        editor.doc.valuesChanged.connect(self._values_changed)
        editor.doc.stateChanged.connect(self._lock)
        self._init_marks(editor)
        self._lock()

    def _lock(self) -> None:
        locked = self.editor.doc.locked
        self.setReadOnly(locked)
        self.setPlaceholderText("" if locked else tr("Buraya yazın…"))

    def dirty(self) -> bool:
        return self.toPlainText() != self._shown

    def stored(self):
        return self.editor.doc.value(self.key)

    def write(self, value) -> bool:
        return self.editor.set_values({self.key: value})

    def refresh(self) -> None:
        self._shown = display("longtext", self.stored())
        if self.toPlainText() != self._shown:
            self.setPlainText(self._shown)

    def _values_changed(self, keys) -> None:
        if self.key in keys and not (self.hasFocus() and self.dirty()):
            self.refresh()

    def commit(self) -> bool:
        if not self.dirty() or self.isReadOnly():
            return True
        try:
            value = parse_input(self.type, self.toPlainText())
        except ValueProblem as exc:
            self.set_input_problem(str(exc))
            return False
        self.set_input_problem("")
        if self.write(value):
            self._shown = display("longtext", self.stored())
            return True
        return False

    def focusOutEvent(self, event) -> None:
        self.commit()
        super().focusOutEvent(event)

    def event(self, event) -> bool:
        handled = self._shortcut_override(event)
        return handled if handled is not None else super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Undo) and self.dirty():
            self.setPlainText(self._shown)
            return
        super().keyPressEvent(event)

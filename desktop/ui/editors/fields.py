"""Editors for single fields: numbers, money, percent, dates, short and long texts.

Every editor's ``objectName`` is its field key. What is typed is parsed with
the Turkish rules (``desktop.core.values.parse_input``) when the clerk leaves
the field or presses Enter. While typing, the line under the field
(``FieldNote``, placed by the page with ``attach_note``) shows what the text
is read as ("= 150.000,00 TL"); a value that cannot be read stays in the
editor, marked red with the reason written under it (and in its tooltip),
and is never turned into a different number.
It is not lost either: the text is kept in the file (``Editor.record_unparsed``)
until it is corrected or the field is cleared, and shown again, red, when the
file is opened. Text editors also save after a pause in typing (``AUTOSAVE_MS``);
those saves merge into one undo step while the editor keeps the focus.

Texts have the limits of their kind (``desktop.core.values.TEXT_LIMITS``): a
one-line editor cannot take more characters (``setMaxLength``), a long text
editor is marked red with the reason as soon as the text is too long, and
``parse_input`` refuses it on saving like every other entry path.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from ...core.values import TEXT_KINDS, ValueProblem, display, parse_input, reading, text_limit
from ..commands import Editor
from ..i18n import tr
from ..look import FOCUS, MARKS, READONLY_BASE, palette, rounded
from ..navigator import viewport_of
from .field_note import FieldNote

AUTOSAVE_MS = 1500  # a pause in typing this long saves a text editor
AUTOSAVE_TYPES = TEXT_KINDS  # numbers and dates are saved on Enter/Tab/leaving only

PLACEHOLDERS = {
    "count": "ör. 1.234",
    "decimal": "ör. 1.234,5",
    "money": "ör. 12.345,67",
    "percent": "ör. %87,5",
    "date": "gg.aa.yyyy",
}


def set_mark(widget: QWidget, name: str, value) -> None:
    """Set a mark property (``finding`` = "warning"/"error"/"", ``inputError``) and show it.

    The properties are what tests and tools read; the editor shows them itself
    (``MarkedMixin.show_marks``): no style sheet is involved.
    """
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    show = getattr(widget, "show_marks", None)
    show() if show is not None else widget.update()


class MarkedMixin:
    """Shows the findings about its key (border colour + tooltip) and input problems.

    A mark is a tinted background (the palette's Base) and a 2 px border the
    editor paints (``border``); with the focus the border is blue instead (the
    tint stays). A read-only editor is grey.
    """

    key: str
    help_text: str = ""
    _look: tuple = (False, "")  # (read-only, mark) shown now: nothing until set
    note: FieldNote | None = None  # the line under the field, once the page placed one
    _reason = ""  # why the text cannot be read, as the note says it (without the field's name)

    def mark(self) -> str:
        """ "inputError", "error", "warning" or ""."""
        if self.property("inputError"):
            return "inputError"
        return self.property("finding") or ""

    def show_marks(self) -> None:
        look = (self.isReadOnly(), self.mark())
        if look == self._look:
            return
        self._look = look
        readonly, mark = look
        base = READONLY_BASE if readonly else (MARKS[mark][0] if mark else None)
        # an empty palette: the window's colours again
        self.setPalette(palette((QPalette.ColorRole.Base, base)) if base else QPalette())
        self._repaint()

    def border(self) -> str | None:
        """The colour of the border to paint: the focus's, the mark's, or None."""
        if self.hasFocus():
            return FOCUS
        mark = self._look[1]
        return MARKS[mark][1] if mark else None

    def _init_marks(self, editor: Editor) -> None:
        self._input_problem = ""
        editor.doc.findingsChanged.connect(self.show_findings)
        self.show_findings()
        self._mark_pending()

    def show_findings(self) -> None:
        found = self.editor.doc.findings_at(self.key)
        # a required field still empty is to fill, not a mistake: amber, as the navigator and panel say
        level = "error" if any(f.is_error and not f.is_missing for f in found) else ("warning" if found else "")
        set_mark(self, "finding", level)
        self._update_tooltip(found)

    def _update_tooltip(self, found=None) -> None:
        found = self.editor.doc.findings_at(self.key) if found is None else found
        lines = [self._input_problem] if self._input_problem else []
        lines += [f"{f.severity_label.capitalize()}: {f.message}" for f in found]
        if self.help_text:
            lines.append(self.help_text)
        self.setToolTip("\n".join(lines))

    def set_input_problem(self, message: str, quiet: bool = False, reason: str | None = None) -> None:
        """``message`` for the tooltip and status bar; ``reason`` (default: the message) under the field."""
        self._input_problem = message
        self._reason = message if reason is None else reason
        set_mark(self, "inputError", bool(message))
        self._update_tooltip()
        self.update_note()
        if message and not quiet:
            self.editor.problem.emit(message)

    # --- the line under the field --------------------------------------------
    def attach_note(self, parent: QWidget) -> FieldNote:
        """The line under this field, for the page to place in its layout."""
        self.note = FieldNote(self.key, parent)
        self.update_note()
        return self.note

    def update_note(self, *_args) -> None:
        """While typing, what the text reads as; otherwise why the kept text cannot be read."""
        if self.note is None or not hasattr(self, "_input_problem"):
            return
        read = ""
        if not self.isReadOnly() and self.dirty():
            try:
                read = reading(self.type, self.current_text(), self.editor.doc.percent_style)
            except ValueProblem:
                read = ""  # said when it is saved: "1," is half typed, not wrong yet
        if read:
            self.note.show_reading(read)
        elif self._reason:
            self.note.show_problem(self._reason)
        else:
            self.note.clear_note()

    # --- unreadable text kept in the file --------------------------------------
    def pending_text(self) -> str | None:
        """The unreadable text the file keeps for this editor, or None."""
        return self.editor.doc.pending.get(self.key)

    def _problem_text(self, exc: ValueProblem) -> str:
        return tr("{0}: {1}").format(self.label or self.key, str(exc))

    def _mark_pending(self) -> None:
        """Mark the kept unreadable text red with the reason (or clear the mark)."""
        text, message, reason = self.pending_text(), "", ""
        if text is not None:
            try:
                parse_input(self.type, text)
            except ValueProblem as exc:
                message, reason = self._problem_text(exc), str(exc)
            kept = self.stored()
            if message and kept is not None and self.type not in AUTOSAVE_TYPES:  # the report prints this one
                line = tr("Dosyada kayıtlı değer: {0}").format(self.editor.doc.display(self.type, kept))
                message, reason = f"{message}\n{line}", f"{reason}\n{line}"
        self.set_input_problem(message, quiet=True, reason=reason)

    def _keep_unparsed(self, text: str, exc: ValueProblem) -> None:
        self.set_input_problem(self._problem_text(exc), reason=str(exc))
        if self.editor.record_unparsed(self.key, text) and self.pending_text() == text:
            self._shown = text  # the file holds it now: not "unsaved typing" any more

    # --- saving while typing -------------------------------------------------
    def _init_autosave(self) -> None:
        self._session = 0  # one focus visit; autosaves of a visit are one undo step
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._save_typing)

    def _typing(self, *_args) -> None:
        if self.type in AUTOSAVE_TYPES and not self.isReadOnly():
            self._autosave.start()  # restarted by every change

    def _save_typing(self) -> None:
        if self.dirty():
            self.commit(typing=True)

    def merge_token(self):
        """Steps with the same token merge: this text editor during this focus visit."""
        return (self.key, self._session) if self.type in AUTOSAVE_TYPES else None

    def focusInEvent(self, event) -> None:
        self._session += 1
        super().focusInEvent(event)

    def undo_typing(self) -> None:
        """Ctrl+Z with unsaved typing: when this visit's typing is partly saved already,
        save the rest and undo it all as one step; otherwise revert the unsaved typing."""
        token = self.merge_token()
        if self.editor.merges_into_top(token) and self.commit(typing=True):
            if self.editor.merges_into_top(token):  # typed back to the start: no step is left to undo
                self.editor.stack.undo()
            return
        self.revert_typing()

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

    def _attach(self, editor: Editor) -> None:
        """Show the stored value and follow the document: values, lock state, findings."""
        self._shown = ""
        self._init_autosave()
        self.refresh()
        editor.doc.valuesChanged.connect(self._values_changed)
        editor.doc.stateChanged.connect(self._lock)
        self._init_marks(editor)
        self._lock()

    fixed = False  # never editable: a previous-year field shows last year's value

    def set_fixed(self) -> None:
        """Never editable, whatever the file's state (a previous-year field)."""
        self.fixed = True
        self._lock()

    def _lock(self) -> None:
        locked = self.editor.doc.locked or self.fixed
        self.setReadOnly(locked)
        self.setPlaceholderText("" if locked else self.placeholder)
        self.show_marks()

    def commit(self, typing: bool = False) -> bool:
        """Store what is typed (on Enter, on leaving, after a pause in text, before closing).

        False while it cannot be read: the text is then kept in the file and
        shown red (``_keep_unparsed``). Kept text that has become readable (the
        reading rule of an older version refused it) is saved like typing. Subclasses give ``current_text`` and
        ``after_write``.
        """
        self._autosave.stop()
        if self.isReadOnly():
            return True
        kept = None if self.dirty() else self.pending_text()
        if not self.dirty() and kept is None:
            return True
        text = self.current_text()
        try:
            value = parse_input(self.type, text)
        except ValueProblem as exc:
            if kept is None:  # newly typed: kept in the file, the reason shown
                self._keep_unparsed(text, exc)
            return False
        if not self.write(value):
            return False
        self.after_write(typing)
        return True


class FieldEdit(MarkedMixin, QLineEdit):
    """A one-line editor for a number, money, percent, date or short text."""

    preferred_width = 0  # px: wider than Qt's usual (a long placeholder) where there is room; never its minimum

    def __init__(
        self,
        editor: Editor,
        key: str,
        type_: str,
        label: str = "",
        help_text: str = "",
        parent=None,
        placeholder: str | None = None,
    ):
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
        if type_ in TEXT_KINDS:
            self.setMaxLength(text_limit(type_))  # the clerk cannot type past the limit
        self.editingFinished.connect(self.commit)
        self.returnPressed.connect(self._next)
        self.textEdited.connect(self._typing)
        self.textChanged.connect(self.update_note)
        self._attach(editor)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.preferred_width), hint.height()) if self.preferred_width else hint

    def dirty(self) -> bool:
        return self.text() != self._shown

    def stored(self):
        return self.editor.doc.value(self.key)

    def refresh(self) -> None:
        """Show what the file holds: the value, or the unreadable text it keeps."""
        pending = self.pending_text()
        self._shown = self.editor.doc.display(self.type, self.stored()) if pending is None else pending
        if self.text() != self._shown:  # an equal text stays: the cursor does not jump
            self.setText(self._shown)
        self._mark_pending() if hasattr(self, "_input_problem") else None

    def revert_typing(self) -> None:
        self.refresh()

    def _values_changed(self, keys) -> None:
        if self.key in keys:
            self.refresh()

    def current_text(self) -> str:
        return self.text()

    def after_write(self, typing: bool) -> None:
        if typing:  # still typing: the text stays as it is
            self._shown = self.editor.doc.display(self.type, self.stored())
            self._mark_pending()
        else:
            self.refresh()

    def write(self, value) -> bool:
        return self.editor.set_values({self.key: value}, merge=self.merge_token())

    def _next(self) -> None:
        if self.commit():
            self.focusNextChild()

    def event(self, event) -> bool:
        handled = self._shortcut_override(event)
        return handled if handled is not None else super().event(event)

    def _repaint(self) -> None:
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        border = self.border()
        if border:
            p = QPainter(self)
            rounded(p, self.rect(), None, border, 2.0, 3.0)
            p.end()

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Undo) and self.dirty():
            self.undo_typing()
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
        self.help_text = help_text or tr('Paragrafları boş satırla ayırın; madde işaretli satırları "- " ile başlatın.')
        self.setObjectName(key)
        self.setAccessibleName(label or key)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(140)
        self.placeholder = tr("Buraya yazın…")
        self.textChanged.connect(self._typing)
        self.textChanged.connect(self._check_length)
        self._attach(editor)

    def _check_length(self) -> None:
        """Too long: the reason shows at once (red, under the field and in the tooltip); it is refused on saving too."""
        if not hasattr(self, "_input_problem") or self.pending_text() is not None:
            return
        message, reason = "", ""
        if len(self.toPlainText()) > text_limit(self.type):
            try:
                parse_input(self.type, self.toPlainText())
            except ValueProblem as exc:  # the wording of the rule itself
                message, reason = self._problem_text(exc), str(exc)
        if message != self._input_problem:
            self.set_input_problem(message, quiet=True, reason=reason)

    def dirty(self) -> bool:
        return self.toPlainText() != self._shown

    def stored(self):
        return self.editor.doc.value(self.key)

    def write(self, value) -> bool:
        return self.editor.set_values({self.key: value}, merge=self.merge_token())

    def refresh(self) -> None:
        """Show what the file holds: the text, or the unreadable text it keeps."""
        pending = self.pending_text()
        self._shown = display("longtext", self.stored()) if pending is None else pending
        if self.toPlainText() != self._shown:
            self.setPlainText(self._shown)
        self._mark_pending() if hasattr(self, "_input_problem") else None

    def revert_typing(self) -> None:
        self.setPlainText(self._shown)

    def _values_changed(self, keys) -> None:
        if self.key in keys and not (self.hasFocus() and self.dirty()):
            self.refresh()

    def current_text(self) -> str:
        return self.toPlainText()

    def after_write(self, typing: bool) -> None:
        self.set_input_problem("")
        self._shown = display("longtext", self.stored())

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._repaint()  # the focus's border

    def focusOutEvent(self, event) -> None:
        self.commit()
        super().focusOutEvent(event)
        self._repaint()

    def _repaint(self) -> None:
        viewport_of(self).update()

    # the border is painted on the viewport's edges (the text scrolls under it)
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        border = self.border()
        if border:
            p = QPainter(viewport_of(self))
            rounded(p, viewport_of(self).rect(), None, border, 2.0, 0.0)
            p.end()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if self.border():
            viewport_of(self).update()  # the scrolled pixels carried the border along

    def event(self, event) -> bool:
        handled = self._shortcut_override(event)
        return handled if handled is not None else super().event(event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Undo) and self.dirty():
            self.undo_typing()
            return
        super().keyPressEvent(event)

"""How a table cell is painted and typed into: last year's value as a grey second line, and the
cell editor that previews the totals while typing and refuses unreadable text on Enter/Tab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate

from ...core.forms import NUMERIC_TYPES
from ...core.values import TEXT_KINDS, ValueProblem, text_limit
from ..look import MARKS, palette

if TYPE_CHECKING:
    from .table import TableEditor
    from .table_model import TableModel

PREVIOUS_FG = QColor("#6b7580")


class CellDelegate(QStyledItemDelegate):
    """Cell editor: previews the totals while typing; refuses unreadable text on Enter/Tab."""

    def __init__(self, view: TableEditor):
        super().__init__(view)
        self.view = view

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if self.view.model().show_previous:  # this year's value on the first line
            horizontal = option.displayAlignment & Qt.AlignmentFlag.AlignHorizontal_Mask
            option.displayAlignment = horizontal | Qt.AlignmentFlag.AlignTop

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        model: TableModel = self.view.model()
        previous = model.show_previous and model.previous(index.row(), index.column())
        if not previous:
            return
        painter.save()
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        painter.setPen(PREVIOUS_FG)
        rect = option.rect.adjusted(4, option.rect.height() // 2, -4, -2)
        numeric = model.columns[index.column()].type in NUMERIC_TYPES
        align = (Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, align, painter.fontMetrics().elidedText(previous, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

    def createEditor(self, parent, option, index):
        edit = QLineEdit(parent)
        model: TableModel = self.view.model()
        edit.setObjectName(model.key(index.row(), index.column()))
        if model.columns[index.column()].type in NUMERIC_TYPES:
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif model.columns[index.column()].type in TEXT_KINDS:
            edit.setMaxLength(text_limit(model.columns[index.column()].type))
        edit.textEdited.connect(lambda text, idx=index, e=edit: self._preview(idx, e, text))
        return edit

    def setEditorData(self, editor, index) -> None:
        if editor.isModified():  # never overwrite what the clerk is typing
            return
        super().setEditorData(editor, index)

    def _preview(self, index, edit, text: str) -> None:
        model: TableModel = self.view.model()
        try:
            value = model.parse(index, text)
            edit.setPalette(QPalette())  # the window's colours again
            edit.setToolTip("")
        except ValueProblem as exc:
            edit.setPalette(palette((QPalette.ColorRole.Base, MARKS["inputError"][0])))
            edit.setToolTip(str(exc))
            model.preview(model.key(index.row(), index.column()), readable=False)  # not its last readable part
            self.view.cell_note(index, problem=str(exc))
            return
        model.preview(model.key(index.row(), index.column()), value)
        self.view.cell_note(index, text=text)

    def destroyEditor(self, editor, index) -> None:
        editor.setObjectName("")  # deleted later; must not be found by its cell key meanwhile
        self.view.model().preview(None)
        super().destroyEditor(editor, index)
        self.view.cell_note(self.view.currentIndex())

    def eventFilter(self, editor, event) -> bool:
        moving = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if event.type() == QEvent.Type.KeyPress and event.key() in moving:
            index = self.view.currentIndex()
            model: TableModel = self.view.model()
            try:
                model.parse(index, editor.text())
            except ValueProblem as exc:
                model.editor.problem.emit(f"{model.label(index.row(), index.column())}: {exc}")
                model.editor.record_unparsed(model.key(index.row(), index.column()), editor.text())
                self.view.cell_note(index, problem=str(exc))
                return True
            self.commitData.emit(editor)
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
                self.view.tab_from_editor(forward)  # the next editable cell, or out of the table
                return True
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            self.view.move_down()
            return True
        return super().eventFilter(editor, event)

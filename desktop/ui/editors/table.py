"""A table of the form: rows × columns, computed columns and a total row, as one view.

Enter stores the cell and moves down, Tab moves to the next editable cell (and out of the table
after the last), arrows move, typing starts editing, Ctrl+V pastes a block from Excel, Delete
clears the selected cells. Wide tables scroll sideways inside the page with their row labels in
place (``TableEditor``). The cells' values are ``table_model.TableModel``; how a cell is painted
and typed into, ``table_delegate.CellDelegate``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ...core import expressions, keys
from ...core.forms import NUMERIC_TYPES, TableDef
from ...core.values import ValueProblem, reading
from ..commands import Editor
from ..i18n import tr
from .field_note import FieldNote
from .table_corner import CornerTitle
from .table_delegate import CellDelegate
from .table_header import PAD_X, WRAP, WrappingHeader
from .table_model import TableModel

MIN_COLUMN = 72  # px: the narrowest column
ROOMY_COLUMN = 200  # px: a column's header wraps rather than grow wider; the most room added on a wide page
TEXT_COLUMN = 170  # px: a text column (a name, a state)
ROW_LABELS = 220  # px: row labels wrap beyond this (the columns keep the room)
MIN_ROW_LABELS = 120
ROW_PAD = 10  # px: a row's room above and below its text (a cell editor fits)
CELL_PAD_X = 8  # px: a cell's text wraps this far from its sides


class TableEditor(QTableView):
    """A table's cells under wrapped column headers, beside frozen row labels.

    As many columns as the page is wide are shown; the rest scroll sideways
    inside the table (the row labels stay), and moving to a cell (keys, a
    finding, find) scrolls it into view. Tab goes through the editable cells
    only and leaves the table after the last one (Shift+Tab before the first).
    """

    problem = Signal(str)

    def __init__(self, editor: Editor, department: str, table: TableDef, parent=None):
        super().__init__(parent)
        self.editor = editor
        self._text_columns = [c for c, col in enumerate(table.columns) if col.type not in NUMERIC_TYPES]  # they wrap
        self._fitting = False
        self.setObjectName(keys.join(department, table.key))
        self.setAccessibleName(table.title)
        self.setHorizontalHeader(WrappingHeader(Qt.Orientation.Horizontal, self))
        self.setVerticalHeader(WrappingHeader(Qt.Orientation.Vertical, self))
        self.setModel(TableModel(editor, department, table, self))
        if table.row_header:
            CornerTitle(self, table.row_header)
        if self._text_columns:  # a text typed may take another line
            self.model().dataChanged.connect(self._cells_changed)  # a bound method: gone with the table
        self.setItemDelegate(CellDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setAlternatingRowColors(False)
        self.setTabKeyNavigation(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.verticalHeader()
        rows.label_width = self._row_label_width(ROW_LABELS * 5 // 2)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # sized by _fit_rows
        h = self.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # the clerk may widen a column
        h.setMinimumSectionSize(MIN_COLUMN)
        self.natural = [self._natural_width(c) for c in range(len(table.columns))]
        h.sectionResized.connect(self._column_resized)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.widest = rows.label_width + sum(max(w, ROOMY_COLUMN) for w in self.natural) + 2 * self.frameWidth() + 4
        self.setMaximumWidth(self.widest)
        self._fit()

    def horizontalHeader(self) -> WrappingHeader:  # typed
        return super().horizontalHeader()

    def verticalHeader(self) -> WrappingHeader:  # typed
        return super().verticalHeader()

    # --- sizes --------------------------------------------------------------------
    def _row_label_width(self, width: int) -> int:
        """Row labels up to ROW_LABELS wide and at most 40 % of a table ``width`` px wide (longer ones
        wrap), never narrower than their longest word."""
        rows = self.verticalHeader()
        fm = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)  # the total row's label
        widest = max((QFontMetrics(bold).horizontalAdvance(label) + 2 * PAD_X + 4 for _k, label in self.model().rows), default=0)
        words = max((rows.longest_word(r) for r in range(self.model().rowCount())), default=0)
        return max(min(MIN_ROW_LABELS, widest), words, min(widest, ROW_LABELS, width * 2 // 5), fm.averageCharWidth() * 8)

    def _natural_width(self, c: int) -> int:
        """A column's own width: its numbers or text, its header in at most three lines, its longest word."""
        col = self.model().columns[c]
        fm = self.fontMetrics()
        header = self.horizontalHeader()
        if col.type in NUMERIC_TYPES:
            content = fm.horizontalAdvance("99.999.999,99" if col.places else "9.999.999") + 2 * PAD_X + 8
        else:
            content = TEXT_COLUMN
        label = QFontMetrics(header.font()).horizontalAdvance(header.text(c)) // 3 + 2 * PAD_X + 8
        return max(MIN_COLUMN, content, min(label, ROOMY_COLUMN), header.longest_word(c))

    def _viewport_width(self) -> int:
        return self.width() - self.verticalHeader().label_width - 2 * self.frameWidth()

    def _fit(self) -> None:
        rows = self.verticalHeader()
        labels = self._row_label_width(self.width())
        if labels != rows.label_width:  # a narrow page: the row labels give room to the columns
            rows.label_width = labels
            self.updateGeometries()
        self._fit_columns()
        self._fit_rows()
        self._fit_height()

    def _fit_columns(self) -> None:
        """The natural widths; when the page is wider, the room shared out (up to ROOMY_COLUMN more each)."""
        room = self._viewport_width() - sum(self.natural)
        extra = min(room // max(1, len(self.natural)), ROOMY_COLUMN) if room > 0 else 0
        h = self.horizontalHeader()
        self._fitting = True  # one height fit after all the columns, not one per column
        try:
            for c, width in enumerate(self.natural):
                if h.sectionSize(c) != width + extra:
                    h.resizeSection(c, width + extra)
        finally:
            self._fitting = False

    def _row_height(self, row: int) -> int:
        """A row as tall as its wrapped label and its wrapped text cells (numbers: one line)."""
        m, cols, labels = self.model(), self.horizontalHeader(), self.verticalHeader()
        fm = self.fontMetrics()
        height = max(fm.height() + ROW_PAD, labels.wrapped_height(row, labels.label_width))
        for c in self._text_columns:
            text = m.data(m.index(row, c)) or ""
            if text:
                box = QRect(0, 0, max(1, cols.sectionSize(c) - 2 * CELL_PAD_X), 10_000)
                height = max(height, fm.boundingRect(box, WRAP, text).height() + ROW_PAD)
        if m.show_previous:  # last year's value as a grey line under this year's
            height += fm.height()
        return height

    def _cells_changed(self, *_args) -> None:
        self._fit_rows()
        self._fit_height()

    def _column_resized(self, *_args) -> None:
        self._fit_height()

    def _fit_rows(self) -> None:
        labels = self.verticalHeader()
        self._fitting = True
        try:
            for r in range(self.model().rowCount()):
                height = self._row_height(r)
                if labels.sectionSize(r) != height:
                    labels.resizeSection(r, height)
        finally:
            self._fitting = False

    def _fit_height(self) -> None:
        """Every row shown (the page scrolls, not the table), and the sideways scroll bar when it is needed."""
        if self._fitting:
            return
        wide = self.horizontalHeader().length() > self._viewport_width()
        bar = self.horizontalScrollBar().sizeHint().height() if wide else 0
        height = self.horizontalHeader().sizeHint().height() + self.verticalHeader().length() + bar + 2 * self.frameWidth() + 2
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def fit_room(self, shown: int) -> None:
        """Never wider than the ``shown`` width of the page (its scroll area's viewport): when the page
        is wider than that for its fields (150 % on a small screen), the table still scrolls its own
        columns beside its row labels instead of running off the screen."""
        room = shown - 2 * max(0, self.x())  # the page's margins on both sides
        self.setMaximumWidth(max(self.verticalHeader().label_width + MIN_COLUMN, min(self.widest, room)))

    # --- the current cell ---------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.horizontalHeader().set_current(current.column() if current.isValid() else -1)
        self.verticalHeader().set_current(current.row() if current.isValid() else -1)

    def editable_cells(self) -> list[tuple[int, int]]:
        """(row, column) of every cell the clerk can type into, row by row: the Tab order."""
        m = self.model()
        return [
            (r, c)
            for r in range(m.rowCount())
            for c in range(m.columnCount())
            if m.flags(m.index(r, c)) & Qt.ItemFlag.ItemIsEditable
        ]

    def next_editable(self, forward: bool) -> QModelIndex | None:
        """The editable cell after (before) the current one in Tab order, or None past the last (first)."""
        cells = self.editable_cells()
        idx = self.currentIndex()
        here = (idx.row(), idx.column()) if idx.isValid() else ((-1, -1) if forward else (1 << 30, 0))
        found = [rc for rc in cells if (rc > here if forward else rc < here)]
        if not found:
            return None
        r, c = found[0] if forward else found[-1]
        return self.model().index(r, c)

    def fix_cell(self, row: int, col: int) -> tuple[int, int]:
        """Where to type to fix a finding on (row, col): the cell itself when it is entered; for a
        computed total the first editable cell of its column (total row) or of its row (formula
        column, at the first column the formula reads)."""
        m = self.model()
        if not m.is_computed(row, col) or self.editor.doc.locked:
            return row, col
        cells = self.editable_cells()
        reads = m.columns[col].computed
        if reads:
            names = expressions.names_in(reads)
            cols = [c for c, column in enumerate(m.columns) if column.key in names and not column.computed]
            if cols:
                col = cols[0]
            elif m.is_total(row):
                return next(((r, c) for r, c in cells), (row, col))
            else:
                return next(((r, c) for r, c in cells if r == row), (row, col))
        if m.is_total(row):
            return next(((r, c) for r, c in cells if c == col), (row, col))
        return row, col

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab: the next editable cell; past the last one (Shift+Tab: before the first) the next field."""
        if (nxt := self.next_editable(forward)) is not None:
            self.setCurrentIndex(nxt)
            return True
        return QWidget.focusNextPrevChild(self, forward)  # the window's focus chain: out of the table

    def tab_from_editor(self, forward: bool) -> None:
        """The cell editor was left with Tab or Shift+Tab (its text already stored): on as from the cell."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.focusNextPrevChild(forward)

    def focusInEvent(self, event) -> None:
        """Coming in with Tab starts at the first editable cell, with Shift+Tab at the last."""
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            cells = self.editable_cells()
            if cells:
                r, c = cells[0] if reason == Qt.FocusReason.TabFocusReason else cells[-1]
                self.setCurrentIndex(self.model().index(r, c))
        super().focusInEvent(event)

    def model(self) -> TableModel:  # typed
        return super().model()

    # --- the line under the table (as under a field) ---------------------------
    note: FieldNote | None = None

    def attach_note(self, parent) -> FieldNote:
        """The line under the table: what the cell being typed reads as, or why a cell cannot be read."""
        self.note = FieldNote(self.objectName(), parent)
        return self.note

    def cell_note(self, index, text: str | None = None, problem: str = "") -> None:
        """Say what ``text`` typed into ``index`` reads as, or ``problem``; with neither, the
        reason of the unreadable text the file keeps for that cell (or nothing)."""
        if self.note is None:
            return
        m = self.model()
        if not index.isValid():
            self.note.clear_note()
            return
        where = f"{m.rows[index.row()][1]} / {m.columns[index.column()].label}: "
        kept = None if text is not None or problem else m.doc.pending.get(m.key(index.row(), index.column()))
        if kept is not None:
            try:
                m.parse(index, kept)
            except ValueProblem as exc:
                problem = str(exc)
        if problem:
            self.note.show_problem(where + problem)
            return
        read = ""
        if text is not None:
            try:
                read = reading(m.columns[index.column()].type, text, m.doc.percent_style)
            except ValueProblem:
                read = ""
        self.note.show_reading(where + read) if read else self.note.clear_note()

    def currentChanged(self, current, previous) -> None:
        super().currentChanged(current, previous)
        if self.state() != QAbstractItemView.State.EditingState:
            self.cell_note(current)

    def set_show_previous(self, on: bool) -> None:
        """Show last year's value as a grey second line in every cell (rows twice as tall)."""
        self.model().set_show_previous(on)
        self._fit_rows()  # room for the grey line under each value (``_row_height``)
        self._fit_height()

    def commit_open_editor(self) -> None:
        """Store the cell being typed (the window is closing or submitting)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex()) or next(
            (w for w in self.viewport().findChildren(QLineEdit) if w.isVisible()), None
        )
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def move_down(self) -> None:
        idx = self.currentIndex()
        if idx.isValid() and idx.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(self.model().index(idx.row() + 1, idx.column()))

    def select_key(self, key: str) -> bool:
        m = self.model()
        for r in range(m.rowCount()):
            for c in range(m.columnCount()):
                if m.key(r, c) == key:
                    index = m.index(*self.fix_cell(r, c))
                    self.setCurrentIndex(index)
                    self.scrollTo(index)
                    self.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
        return False

    def current_cell_rect(self) -> QRect | None:
        """Where the current cell is, in the table's coordinates (for the page to scroll it into view)."""
        idx = self.currentIndex()
        if not idx.isValid():
            return None
        rect = self.visualRect(idx)
        return rect.translated(self.viewport().pos())

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != QAbstractItemView.State.EditingState:
            self.clear_selection()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.move_down()
            return
        super().keyPressEvent(event)

    def paste_text(self, text: str) -> bool:
        idx = self.currentIndex()
        if self.editor.doc.locked:
            return False
        top, left = (idx.row(), idx.column()) if idx.isValid() else (0, 0)
        ok, problems = self.model().paste(top, left, text)
        if problems:
            self.editor.problem.emit(
                tr("Yapıştırılmadı; tablo olduğu gibi kaldı:") + "\n" + "\n".join("• " + p for p in problems)
            )
        return ok

    def paste_clipboard(self) -> bool:
        return self.paste_text(QGuiApplication.clipboard().text())

    def copy_selection(self) -> None:
        m = self.model()
        idxs = self.selectedIndexes()
        if not idxs:
            return
        rows = sorted({i.row() for i in idxs})
        cols = sorted({i.column() for i in idxs})
        lines = ["\t".join(m.data(m.index(r, c), Qt.ItemDataRole.EditRole) or "" for c in cols) for r in rows]
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def clear_selection(self) -> None:
        m = self.model()
        keys_ = {m.key(i.row(), i.column()): None for i in self.selectedIndexes() if not m.is_computed(i.row(), i.column())}
        if keys_ and not self.editor.doc.locked:
            self.editor.set_values(keys_, tr("{0} hücre silindi").format(len(keys_)))

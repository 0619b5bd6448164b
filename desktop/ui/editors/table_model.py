"""A form table's cells as a Qt model: addressing, values and their looks, the totals previewed
while a cell is being typed, storing typed and pasted values.

Computed cells (formula columns, the total row) are grey and never editable; while a cell is
being typed the totals already show the new sum (a preview computed with
``desktop.core.tables.compute_table``). The view is ``table.TableEditor``.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core import keys
from ...core.forms import NUMERIC_TYPES, TableDef
from ...core.tables import compute_table, compute_unreadable
from ...core.turkish import casefold
from ...core.values import ValueProblem, parse_input
from ..commands import Editor
from ..i18n import tr
from .paste import map_block, split_block

COMPUTED_BG = QColor("#eceff1")
ERROR_BG = QColor("#ffcdd2")
WARNING_BG = QColor("#fff3cd")
HINT_FG = QColor("#8a949e")
PREVIOUS_ROLE = Qt.ItemDataRole.UserRole + 1  # last year's value of the cell, as shown ("" when none)


class TableModel(QAbstractTableModel):
    def __init__(self, editor: Editor, department: str, table: TableDef, parent=None):
        super().__init__(parent)
        self.editor, self.doc, self.department, self.table = editor, editor.doc, department, table
        self.rows = [(r.key, r.label) for r in table.row_defs]
        if table.total_label:
            self.rows.append((keys.TOTAL_ROW, table.total_label))
        self.columns = list(table.columns)
        self.prefix = keys.join(department, table.key) + "."
        self._preview: dict[str, object] = {}
        self._computed: dict[str, object] = {}
        # key -> grey text shown in an empty cell: what applies when nothing is entered
        self.hints: dict[str, str] = {}
        self.has_previous = self.doc.has_previous
        self.show_previous = False  # last year's value as a grey second line in every cell
        self.doc.valuesChanged.connect(self._values_changed)
        self.doc.findingsChanged.connect(self._all_changed)
        self.doc.stateChanged.connect(self._all_changed)

    # --- addressing -------------------------------------------------------
    def key(self, row: int, col: int) -> str:
        return keys.join(self.department, self.table.key, self.rows[row][0], self.columns[col].key)

    def is_total(self, row: int) -> bool:
        return self.table.total_label is not None and row == len(self.rows) - 1

    def is_computed(self, row: int, col: int) -> bool:
        column = self.columns[col]
        return self.is_total(row) or bool(column.computed) or column.previous_year

    def exists(self, row: int, col: int) -> bool:
        return not (self.is_total(row) and self.columns[col].total_mode == "none")

    def previous(self, row: int, col: int) -> str:
        """Last year's value of a cell as shown ("" without one); none for a previous-year column."""
        column = self.columns[col]
        if not self.has_previous or column.previous_year or not self.exists(row, col):
            return ""
        return self.doc.previous_text(column.type, self.key(row, col), column.places)

    def set_show_previous(self, on: bool) -> None:
        self.show_previous = on
        self._all_changed()

    def label(self, row: int, col: int) -> str:
        return f"{self.table.title} / {self.rows[row][1]} / {self.columns[col].label}"

    def value(self, row: int, col: int):
        key = self.key(row, col)
        if self._preview and self.is_computed(row, col):
            return self._computed.get(key)
        return self.doc.value(key)

    # --- preview while typing -----------------------------------------------
    def preview(self, key: str | None, value=None, readable: bool = True) -> None:
        """Show computed cells as if ``key`` held ``value`` (None key ends the preview);
        ``readable=False``: its text cannot be read, what depends on it shows nothing."""
        if key is None:
            self._preview = {}
        elif readable:
            self._preview = {key: value}
            entered = {**self.doc.previous_cells, **self.doc.entries.values, **self._preview}
            self._computed = compute_table(self.department, self.table, entered)
        else:
            self._preview = {key: None}
            self._computed = compute_unreadable(self.department, self.table, self.doc.entries.values, key)
        self._computed_changed()

    def _computed_changed(self) -> None:
        """Repaint computed cells only: an open cell editor must keep what is being typed."""
        last_row, last_col = len(self.rows) - 1, len(self.columns) - 1
        for c, col in enumerate(self.columns):
            if col.computed or col.previous_year:
                self.dataChanged.emit(self.index(0, c), self.index(last_row, c))
        if self.table.total_label:
            self.dataChanged.emit(self.index(last_row, 0), self.index(last_row, last_col))

    # --- Qt model -----------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
                col = self.columns[section]  # the group tells which "Diğer" or "Toplam" this is
                return f"{col.group} / {col.label}" if col.group else col.label
            if role == Qt.ItemDataRole.FontRole and orientation == Qt.Orientation.Vertical and self.is_total(section):
                f = QFont()
                f.setBold(True)
                return f
            return None
        if orientation == Qt.Orientation.Horizontal:
            col = self.columns[section]
            text = col.label + (f" ({col.unit})" if col.unit and col.unit not in col.label else "")
            if col.previous_year:  # named as last year's unless its label says so already
                said = casefold(tr("geçen yıl")) in casefold(text) or str(self.doc.previous_year) in text
                return text if said else text + " · " + tr("geçen yıl")
            return text + (" = " + tr("hesaplanır") if col.computed else "")
        return self.rows[section][1]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        col = self.columns[c]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if not self.exists(r, c):
                return ""
            if self.doc.pending and (kept := self.doc.pending.get(self.key(r, c))) is not None:
                return kept  # unreadable text kept in the file: shown as typed (red: an error finding)
            text = self.doc.display(
                col.type, self.value(r, c), col.places, rounded=self.is_computed(r, c) and role == Qt.ItemDataRole.DisplayRole
            )
            if not text and role == Qt.ItemDataRole.DisplayRole and self.hints:
                return self.hints.get(self.key(r, c), "")
            return text
        if role == Qt.ItemDataRole.ForegroundRole and self.hints and self.value(r, c) is None and self.key(r, c) in self.hints:
            return QBrush(HINT_FG)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.type in NUMERIC_TYPES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            found = self.doc.findings_at(self.key(r, c))
            if any(f.is_error for f in found):
                return QBrush(ERROR_BG)
            if found:
                return QBrush(WARNING_BG)
            if self.is_computed(r, c):
                return QBrush(COMPUTED_BG)
            return None
        if role == Qt.ItemDataRole.FontRole and self.is_total(r):
            f = QFont()
            f.setBold(True)
            return f
        if role == PREVIOUS_ROLE:
            return self.previous(r, c)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{f.severity_label.capitalize()}: {f.message}" for f in self.doc.findings_at(self.key(r, c))]
            if previous := self.previous(r, c):
                lines.append(tr("Geçen yıl ({0}): {1}").format(self.doc.previous_year, previous))
            if self.is_total(r):
                lines.append(tr("Toplam satırı: girilen satırlardan hesaplanır."))
            elif col.previous_year:
                lines.append(
                    tr("Geçen yılın değeri: dosyadaki {0} değerlerinden gelir, değiştirilemez.").format(self.doc.previous_year)
                )
            elif col.computed:
                lines.append(tr("Hesaplanan sütun: {0}").format(col.computed))
            elif self.hints.get(self.key(r, c)) and self.value(r, c) is None:
                lines.append(tr("Boş: tanımdaki değer geçerli ({0}).").format(self.hints[self.key(r, c)]))
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{self.label(r, c)}: {self.doc.display(col.type, self.value(r, c), col.places, rounded=self.is_computed(r, c))}"
            )
        return None

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and not self.is_computed(index.row(), index.column()) and not self.doc.locked:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def parse(self, index: QModelIndex, text: str):
        """The typed value of a cell's text; raises ValueProblem."""
        return parse_input(self.columns[index.column()].type, text)

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        r, c = index.row(), index.column()
        self._preview = {}
        try:
            typed = self.parse(index, str(value))
        except ValueProblem as exc:
            self.editor.problem.emit(f"{self.label(r, c)}: {exc}")
            self.editor.record_unparsed(self.key(r, c), str(value))  # never lost: kept in the file, shown red
            self._all_changed()
            return False
        ok = self.editor.set_values({self.key(r, c): typed})
        self._all_changed()
        return ok

    def paste(self, top: int, left: int, text: str) -> tuple[bool, list[str]]:
        def target(r, c):
            rr, cc = top + r, left + c
            if rr >= len(self.rows) or cc >= len(self.columns):
                return None
            if not self.exists(rr, cc):
                return (self.key(rr, cc), self.columns[cc].type, self.label(rr, cc), True)
            return (self.key(rr, cc), self.columns[cc].type, self.label(rr, cc), self.is_computed(rr, cc))

        result = map_block(split_block(text), target)
        if result.problems:
            return False, result.problems
        if not result.values:
            return False, [tr("Yapıştırılacak değer yok.")]
        style = tr("Türkçe") if result.style == "tr" else tr("İngilizce")
        ok = self.editor.set_values(
            result.values, tr("{0} hücre yapıştırıldı ({1} sayı biçimi)").format(len(result.values), style)
        )
        return ok, []

    def _values_changed(self, changed) -> None:
        if any(k.startswith(self.prefix) for k in changed):
            self._all_changed()

    def _all_changed(self) -> None:
        if self.rows and self.columns:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

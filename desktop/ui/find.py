"""Ctrl+F: find a field, table, photo list or indicator by (part of) its name.

Matching is Turkish case-insensitive (``desktop.core.turkish.casefold``), so
"ısı" finds "ISI" and "i̇tfaiye" finds "İTFAİYE".
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from ..core.item_kinds import KINDS
from ..core.turkish import casefold
from .i18n import tr
from .model import Document

MAX_RESULTS = 200
HEADER_ROLE = Qt.ItemDataRole.UserRole + 1  # a table's header line in the results


class Target(NamedTuple):
    place: str  # where ``DocumentView.go_to`` goes
    label: str  # what the list shows: a field's name, a cell's "row / column"
    table: str = ""  # a cell: the key of its table (the results are grouped under it)
    group: str = ""  # a cell: its table's title (the group's header line)

    def words(self) -> str:
        """What a query is matched against: the table's title too ("yangın diğer")."""
        return casefold(f"{self.group} {self.label}")


def targets(doc: Document) -> list[Target]:
    """Everything the clerk can go to; a table's cells right after the table."""
    dept = doc.department
    out: list[Target] = []
    for section in doc.definition.form(dept).sections:
        for item in section.items:
            key = f"{dept}.{item.key}"
            title = KINDS[item.kind].title(item)
            out.append(Target(key, f"{title}  ({section.title})"))
            names = _column_names(item)
            for slot in doc.slots.values():  # the cells of a table: "row / column" under the table
                if slot.key.startswith(key + ".") and not slot.computed:
                    row_col = slot.label.removeprefix(title + " / ")
                    column = slot.key.rsplit(".", 1)[-1]
                    if column in names:
                        row_col = row_col.rsplit(" / ", 1)[0] + " / " + names[column]
                    out.append(Target(slot.key, row_col, key, title))
    for ind in doc.indicators:
        out.append(Target(f"{ind.key}.actual", f"{ind.code} {ind.name}"))
    for act in doc.activities:
        out.append(Target(f"{act.key}.actual_cost", f"{act.code} {act.name}"))
    return out


def _column_names(item) -> dict[str, str]:
    """Columns whose label another column of the table shares ("Diğer"): key -> "Diğer (group)"."""
    columns = getattr(item, "columns", ())
    labels = [c.label for c in columns]
    return {c.key: f"{c.label} ({c.group})" for c in columns if c.group and labels.count(c.label) > 1}


def search(doc: Document, query: str) -> list[Target]:
    """The targets whose words hold every word of ``query``; a cell only when one of them is in its
    row or column (what only the table's title matches is the table, not each of its cells)."""
    words = casefold(query).split()
    return [
        t
        for t in targets(doc)
        if all(w in t.words() for w in words) and (not t.table or not words or any(w in casefold(t.label) for w in words))
    ]


class FindDialog(QDialog):
    chosen = Signal(str)

    def __init__(self, doc: Document, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("findDialog")
        self.setWindowTitle(tr("Alan bul"))
        self.resize(640, 460)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("Aradığınız alanın adından bir parça yazın, Enter ile gidin:"), self))
        self.query = QLineEdit(self)
        self.query.setObjectName("findQuery")
        self.query.setClearButtonEnabled(True)
        lay.addWidget(self.query)
        self.results = QListWidget(self)
        self.results.setObjectName("findResults")
        self.results.setWordWrap(True)  # a table's long title on its header line, never cut
        lay.addWidget(self.results)
        self.query.textChanged.connect(self.update_results)
        self.query.returnPressed.connect(self.accept_current)
        self.results.itemActivated.connect(lambda _i: self.accept_current())
        self.update_results("")

    def update_results(self, text: str) -> None:
        """The results; a table's cells under one header line with the table's title (a click: the table)."""
        self.results.clear()
        found = search(self.doc, text)[:MAX_RESULTS]
        cells: dict[str, int] = {}
        for t in found:
            if t.table:
                cells[t.table] = cells.get(t.table, 0) + 1
        shown_table = ""
        for t in found:
            if t.place in cells:  # the table itself: its header line comes with its cells
                continue
            if t.table and t.table != shown_table:
                shown_table = t.table
                head = QListWidgetItem(tr("{0}  ({1} hücre)").format(t.group, cells[t.table]), self.results)
                font = head.font()
                font.setBold(True)
                head.setFont(font)
                head.setData(Qt.ItemDataRole.UserRole, t.table)
                head.setData(HEADER_ROLE, True)
            item = QListWidgetItem(("      " if t.table else "") + t.label, self.results)
            item.setData(Qt.ItemDataRole.UserRole, t.place)
            if t.table:
                item.setToolTip(f"{t.group} / {t.label}")
        if self.results.count():
            self.results.setCurrentRow(0)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.query.hasFocus():
            row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
            return
        super().keyPressEvent(event)

    def accept_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

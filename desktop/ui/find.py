"""Ctrl+F: find a field, table, photo list or indicator by (part of) its name.

Matching is Turkish case-insensitive (``desktop.core.turkish.casefold``), so
"ısı" finds "ISI" and "i̇tfaiye" finds "İTFAİYE".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from ..core.item_kinds import KINDS
from ..core.turkish import casefold
from .i18n import tr
from .model import Document


def targets(doc: Document) -> list[tuple[str, str]]:
    """(place, label) of everything the clerk can go to."""
    dept = doc.department
    out: list[tuple[str, str]] = []
    for section in doc.definition.form(dept).sections:
        for item in section.items:
            key = f"{dept}.{item.key}"
            out.append((key, f"{KINDS[item.kind].title(item)}  ({section.title})"))
            for slot in doc.slots.values():  # the cells of a table
                if slot.key.startswith(key + ".") and not slot.computed:
                    out.append((slot.key, slot.label))
    for ind in doc.indicators:
        out.append((f"{ind.key}.actual", f"{ind.code} {ind.name}"))
    for act in doc.activities:
        out.append((f"{act.key}.actual_cost", f"{act.code} {act.name}"))
    return out


def search(doc: Document, query: str) -> list[tuple[str, str]]:
    words = casefold(query).split()
    return [(k, label) for k, label in targets(doc) if all(w in casefold(label) for w in words)]


class FindDialog(QDialog):
    chosen = Signal(str)

    def __init__(self, doc: Document, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("findDialog")
        self.setWindowTitle(tr("Alan bul"))
        self.resize(560, 420)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("Aradığınız alanın adından bir parça yazın, Enter ile gidin:"), self))
        self.query = QLineEdit(self)
        self.query.setObjectName("findQuery")
        self.query.setClearButtonEnabled(True)
        lay.addWidget(self.query)
        self.results = QListWidget(self)
        self.results.setObjectName("findResults")
        lay.addWidget(self.results)
        self.query.textChanged.connect(self.update_results)
        self.query.returnPressed.connect(self.accept_current)
        self.results.itemActivated.connect(lambda _i: self.accept_current())
        self.update_results("")

    def update_results(self, text: str) -> None:
        self.results.clear()
        for key, label in search(self.doc, text)[:200]:
            item = QListWidgetItem(label, self.results)
            item.setData(Qt.ItemDataRole.UserRole, key)
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

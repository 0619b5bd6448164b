"""The clerk's Excel template, from the window.

"Şablonu Excel'e ver…" writes the department's form as a fillable .xlsx
(``store.exchange.excel_template``, prefilled with what the file holds).
"Excel şablonundan doldur…" reads a filled template and checks it against
the open file without writing (``excel_import.template_changes``: every
problem named by sheet and cell, nothing written), shows a preview of what
would change (field, value now, value in the template) and, when the clerk
applies it, writes all of it as one transaction and one undo step
(``OpenFile.set_entries`` through the editor): one Ctrl+Z takes it all back.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.values import display
from ..store.exchange.excel_import import PLAN_TYPES, TemplateChanges
from . import geometry
from .i18n import tr
from .model import Document

MAX_ROWS_SHOWN = 5000  # a template holds at most 50,000 cells; the count says how many in all


@dataclass(frozen=True)
class PreviewRow:
    place: str  # the field, cell or "<plan key>.<attribute>"
    label: str
    old: str
    new: str
    cell: str = ""  # where in the template ("Gelirler!C5"): two fields may share a label


def differences(doc: Document, changes: TemplateChanges) -> TemplateChanges:
    """Only what differs from the open file (a template filled from this file again changes nothing)."""

    def same(old, new) -> bool:
        return (old in (None, "") and new in (None, "")) or (old == new and not isinstance(new, bool))

    values = {k: v for k, v in changes.values.items() if not same(doc.entered(k), v)}
    plan: list[dict[str, dict]] = []
    for batch, entry_of in ((changes.indicators, doc.indicator), (changes.activities, doc.activity)):
        kept: dict[str, dict] = {}
        for key, attrs in batch.items():
            entry = entry_of(key)
            diff = {a: v for a, v in attrs.items() if not same(getattr(entry, a, None) if entry is not None else None, v)}
            if diff:
                kept[key] = diff
        plan.append(kept)
    return TemplateChanges(changes.department, values, plan[0], plan[1], changes.where, changes.cells)


def preview_rows(doc: Document, changes: TemplateChanges, plan_label) -> list[PreviewRow]:
    """What applying ``changes`` would change, as the clerk reads it (Turkish numbers and dates)."""
    style = doc.definition.year.percent_style
    rows = []
    for key, new in changes.values.items():
        slot = doc.definition.slots[key]
        old = _shown(slot.type, doc.entered(key), style)
        rows.append(PreviewRow(key, slot.label, old, _shown(slot.type, new, style), changes.cells.get(key, "")))
    for kind, batch, entry_of in (
        ("gosterge", changes.indicators, doc.indicator),
        ("faaliyet", changes.activities, doc.activity),
    ):
        for key, attrs in batch.items():
            entry = entry_of(key)
            for attr, new in attrs.items():
                type_ = PLAN_TYPES[(kind, attr)]
                old = getattr(entry, attr, None) if entry is not None else None
                place = f"{key}.{attr}"
                shown = (_shown(type_, old, style), _shown(type_, new, style))
                rows.append(PreviewRow(place, plan_label(key, attr), *shown, changes.cells.get(place, "")))
    return rows


def _shown(type_: str, value, style: str) -> str:
    if value is None or value == "":
        return tr("(boş)")
    text = display(type_, value, style)
    return text if len(text) <= 300 else text[:300] + "…"


class ExcelPreview(QDialog):
    """The preview of a filled template: field, value now, value in the template; Apply or Cancel."""

    def __init__(self, rows: list[PreviewRow], source: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("excelPreview")
        self.setWindowTitle(tr("Excel şablonundan doldur — önizleme"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "'{0}' dosyasından {1} değer değişecek. Uygularsanız hepsi birlikte kaydedilir; "
                "Ctrl+Z hepsini tek adımda geri alır."
            ).format(source, len(rows)),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        shown = rows[:MAX_ROWS_SHOWN]
        self.table = QTableWidget(len(shown), 4, self)
        self.table.setObjectName("excelPreviewTable")
        self.table.setHorizontalHeaderLabels([tr("Alan"), tr("Şimdiki değer"), tr("Şablondaki yeni değer"), tr("Excel hücresi")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        for r, row in enumerate(shown):
            for c, text in enumerate((row.label, row.old, row.new, row.cell)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row.place)
                self.table.setItem(r, c, item)
        for column in (1, 2, 3):
            self.table.setColumnWidth(column, 170)
        # long labels and texts wrap instead of being cut, at whatever width the columns get
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        lay.addWidget(self.table, 1)
        if len(rows) > len(shown):
            lay.addWidget(QLabel(tr("… ve {0} değer daha.").format(len(rows) - len(shown)), self))
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(tr("Uygula"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("excelApply")
        buttons.addButton(tr("Vazgeç (dosya değişmez)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setGeometry(geometry.default_rect(QSize(900, 600), geometry.available(parent or self)))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()


def confirm(parent: QWidget, rows: list[PreviewRow], source: str) -> bool:
    """Show the preview modally; True if the clerk applies it."""
    return ExcelPreview(rows, source, parent).exec() == QDialog.DialogCode.Accepted

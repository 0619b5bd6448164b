"""The import log in the window: every file imported, newest first.

Five columns a line each (when, department, the file's state, who sent it, what changed), so
that a 150 % laptop window (819 px) shows them without cutting a department's name or a
state; the rest of a record (the file's name and hashes, who imported it, the conflict
decisions, a send-back's whole note) is in the pane under the table, for the selected
record, whole and selectable (a hash can be copied).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...store.merge.history import ImportRecord
from ..column_fit import ColumnFit
from ..i18n import tr
from ..submit import when
from .board import state_text

COL_AT, COL_DEPT, COL_STATE, COL_CLERK, COL_CHANGES = range(5)


def _columns() -> list[str]:
    return [tr("Aktarıldı"), tr("Birim"), tr("Durum"), tr("Gönderen"), tr("Değişen değerler")]


def _changes(r: ImportRecord) -> str:
    c = r.changes
    text = tr("{0} eklenen, {1} değişen, {2} silinen").format(c.get("eklenen", 0), c.get("degisen", 0), c.get("silinen", 0))
    if r.kept_here:
        text += "; " + tr("birleşikteki {0} değişiklik korundu").format(r.kept_here)
    if r.resolved:
        text += "; " + tr("çakışma kararları: {0}").format(_resolved(r))
    if r.reopened:
        text = tr("Birim gönderimini geri aldı: “{0}”").format(r.reopened.get("reason", "")) + " — " + text
    return text


def _resolved(r: ImportRecord) -> str:
    if not r.resolved:
        return "–"
    ours = sum(1 for v in r.resolved.values() if v == "ours")
    return tr("{0} birleşikteki, {1} gelen").format(ours, len(r.resolved) - ours)


def _state(r: ImportRecord) -> str:
    """The imported file's state: submitted (and when), or a draft."""
    if r.state != "gonderildi":
        return state_text("taslak")
    return tr("Gönderildi, {0}").format(when(r.submitted_at)) if r.submitted_at else state_text("gonderildi")


class ImportHistory(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("importHistory")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)  # a long summary wraps instead of widening the window past a small screen
        lay.addWidget(self.summary)
        self.table = QTableWidget(0, len(_columns()), self)
        self.table.setObjectName("importTable")
        self.table.setHorizontalHeaderLabels(_columns())
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # one line a record; a cut text ends in "…" (its whole text in the pane below)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # a small window (150 % on a laptop): what changed, then who sent it, give up their width before the
        # department's name or the state is cut; the times keep theirs
        self.columns = ColumnFit(
            self.table,
            shrink=(COL_DEPT, COL_STATE, COL_CLERK, COL_CHANGES),
            caps={COL_CHANGES: 420},
            floor=80,
            first=(COL_CHANGES, COL_CLERK),
        )
        self.table.itemSelectionChanged.connect(self._show_detail)
        lay.addWidget(self.table, 1)
        self.detail = QLabel(self)
        self.detail.setObjectName("importDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setMargin(6)
        lay.addWidget(self.detail)
        self.records: list[ImportRecord] = []
        self.details: list[str] = []  # the pane's text for each row of the table

    def set_records(
        self,
        records: list[ImportRecord],
        names: dict[str, str],
        returns: list[dict] = (),
        decisions: Callable[[ImportRecord], list[tuple[str, str]]] | None = None,
    ) -> None:
        """Show ``records`` (the model's ``history()``, newest first) and the return files written
        (``returns()``), in time order; ``names``: department key -> name; ``decisions``: the
        conflicts a record decided, by label (the model's ``decisions``), for the pane below."""
        self.records = list(records)
        # a send-back follows the import it answers: within the same second it is listed above it
        rows: list[tuple[str, tuple, str]] = [(x["at"], *self._return_row(x, names)) for x in returns]
        rows += [(r.at, *self._import_row(r, names, decisions)) for r in self.records]
        rows.sort(key=lambda x: x[0], reverse=True)  # stable: ties keep that order
        # an older record the user reads stays chosen when the rows are made again (after any change the
        # model reports); on the newest, the pane follows the newest (a merge's records come on top)
        chosen = self._selected_detail() if self._selected_row() > 0 else None
        self.details = [detail for _at, _cells, detail in rows]
        self.table.setRowCount(len(rows))
        for row, (_at, cells, _detail) in enumerate(rows):
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == COL_CHANGES:
                    item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.columns.refresh()
        self.summary.setText(
            tr(
                "{0} aktarım kaydı (en yenisi üstte). Her aktarılan dosya adı, özeti, gönderen, gönderilme ve "
                "aktarılma zamanı, aktaran ve değişenlerle kaydedilir."
            ).format(len(self.records))
            + (tr(" Geri gönderme notları da listede: {0}.").format(len(returns)) if returns else "")
        )
        if rows:  # the record the user chose, still there; else the newest one's whole story under the table
            self.table.selectRow(self.details.index(chosen) if chosen in self.details else 0)
        self._show_detail()

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows and rows[0].row() < len(self.details) else -1

    def _selected_detail(self) -> str | None:
        row = self._selected_row()
        return self.details[row] if row >= 0 else None

    def _show_detail(self) -> None:
        chosen = self._selected_detail()
        self.detail.setText(chosen if chosen is not None else tr("Bir kaydı seçin: bütün ayrıntıları burada görünür."))

    @staticmethod
    def _import_row(
        r: ImportRecord, names: dict[str, str], decisions: Callable[[ImportRecord], list[tuple[str, str]]] | None = None
    ) -> tuple[tuple, str]:
        dept = names.get(r.department, r.department)
        changes, state = _changes(r), _state(r)
        cells = (when(r.at), dept, state, r.clerk or "?", changes)
        lines = [
            tr("{0} — dosya: {1}").format(dept, r.file_name),
            tr("Aktarıldı: {0}, aktaran: {1}. Gönderen: {2}; {3}.").format(when(r.at), r.by, r.clerk or "?", state),
            tr("Değişen değerler: {0}").format(changes),
            tr("Dosya özeti (SHA-256): {0}").format(r.file_hash),
            tr("İçerik özeti: {0}").format(r.content_hash),
        ]
        if r.resolved and decisions is not None:
            lines.append(tr("Çakışma kararları:"))
            lines += [
                "  • "
                + (tr("{0}: birleşikteki değer korundu") if choice == "ours" else tr("{0}: gelen değer alındı")).format(label)
                for label, choice in decisions(r)
            ]
        return cells, "\n".join(lines)

    @staticmethod
    def _return_row(x: dict, names: dict[str, str]) -> tuple[tuple, str]:
        dept = names.get(x["department"], x["department"])
        fields = tr("; {0} alan işaretli").format(len(x["fields"])) if x["fields"] else ""
        note = tr("Not: “{0}”").format(x["note"]) + fields
        cells = (when(x["at"]), dept, state_text("geri"), "–", note)
        lines = [
            tr("{0} — geri gönderme notu").format(dept),
            tr("Yazıldı: {0}, yazan: {1}.").format(when(x["at"]), x["by"]),
            note,
        ]
        return cells, "\n".join(lines)

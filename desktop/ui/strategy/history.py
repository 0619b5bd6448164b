"""The import log in the window: every file imported, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ...store.file.states import state_label
from ...store.merge.history import ImportRecord
from ..column_fit import ColumnFit
from ..i18n import tr
from ..submit import when


def _columns() -> list[str]:
    return [
        tr("Aktarıldı"),
        tr("Aktaran"),
        tr("Birim"),
        tr("Dosya"),
        tr("Gönderen"),
        tr("Gönderildi"),
        tr("Durum"),
        tr("Değişen değerler"),
        tr("Çakışma kararları"),
    ]


def _changes(r: ImportRecord) -> str:
    c = r.changes
    text = tr("{0} eklenen, {1} değişen, {2} silinen").format(c.get("eklenen", 0), c.get("degisen", 0), c.get("silinen", 0))
    if r.kept_here:
        text += "; " + tr("birleşikteki {0} değişiklik korundu").format(r.kept_here)
    return text


def _resolved(r: ImportRecord) -> str:
    if not r.resolved:
        return "–"
    ours = sum(1 for v in r.resolved.values() if v == "ours")
    return tr("{0} birleşikteki, {1} gelen").format(ours, len(r.resolved) - ours)


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
        self.table.setWordWrap(False)  # one line a record; a cut text ends in "…" (its whole text in a tooltip)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # a small window (150 % on a laptop): all but the two times shrink and elide (whole text in a tooltip); nine
        # columns: a floor of 80 px lets them fit an 819 px window. The file's name (each begins with the same
        # "<kurum>-<yıl>-"), who imported and who sent it give up their width before the department, the state and
        # what changed are cut
        self.columns = ColumnFit(self.table, shrink=(1, 2, 3, 4, 6, 7, 8), caps={7: 420}, floor=80, first=(3, 1, 4))
        lay.addWidget(self.table, 1)
        self.records: list[ImportRecord] = []

    def set_records(self, records: list[ImportRecord], names: dict[str, str], returns: list[dict] = ()) -> None:
        """Show ``records`` (the model's ``history()``, newest first) and the return files written
        (``returns()``), in time order; ``names``: department key -> name."""
        self.records = list(records)
        # a send-back follows the import it answers: within the same second it is listed above it
        rows: list[tuple[str, tuple, ImportRecord | None]] = [(x["at"], self._return_cells(x, names), None) for x in returns]
        rows += [(r.at, self._import_cells(r, names), r) for r in self.records]
        rows.sort(key=lambda x: x[0], reverse=True)  # stable: ties keep that order
        self.table.setRowCount(len(rows))
        for row, (_at, cells, r) in enumerate(rows):
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3 and r is not None:
                    item.setToolTip(tr("Dosya özeti (SHA-256): {0}\nİçerik özeti: {1}").format(r.file_hash, r.content_hash))
                if col == 7:
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

    @staticmethod
    def _import_cells(r: ImportRecord, names: dict[str, str]) -> tuple:
        state = state_label(r.state) if r.state == "gonderildi" else tr("TASLAK (gönderilmemiş)")
        changes = _changes(r)
        if r.reopened:
            changes = tr("Birim gönderimini geri aldı: “{0}”").format(r.reopened.get("reason", "")) + " — " + changes
        return (
            when(r.at),
            r.by,
            names.get(r.department, r.department),
            r.file_name,
            r.clerk or "?",
            when(r.submitted_at) if r.submitted_at else "–",
            state,
            changes,
            _resolved(r),
        )

    @staticmethod
    def _return_cells(x: dict, names: dict[str, str]) -> tuple:
        fields = tr("; {0} alan işaretli").format(len(x["fields"])) if x["fields"] else ""
        return (
            when(x["at"]),
            x["by"],
            names.get(x["department"], x["department"]),
            tr("(geri gönderme notu)"),
            "–",
            "–",
            state_label("geri"),
            tr("Not: “{0}”").format(x["note"]) + fields,
            "–",
        )

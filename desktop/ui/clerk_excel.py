"""The Excel template of the clerk's file: writing it out prefilled, and filling the file from a
filled one after a preview, as one undoable step (a mixin of ``main_window.MainWindow``).

What a template changes and how it is previewed live in ``excel_fill``; reading and writing the
workbook in ``store.exchange``.
"""

from __future__ import annotations

from pathlib import Path

from ..store.errors import WorkbookError
from .i18n import tr


class ClerkExcel:
    """Excel template out and in (``self`` is the ``MainWindow``)."""

    def write_excel_template(self, out: Path | None = None) -> Path | None:
        """Write the department's form as a fillable Excel template, prefilled with the file's values."""
        if self.doc is None:
            return None
        self.commit_focused()
        from ..store.exchange.excel_template import template_from_workbook

        if out is None:
            name = self.choose_save(
                tr("Excel şablonunu nereye kaydedeyim?"),
                self.doc.path.with_name(f"{self.doc.path.stem}-sablon.xlsx"),
                tr("Excel (*.xlsx)"),
            )
            if not name:
                return None
            out = Path(name)
        try:
            result = template_from_workbook(self.doc.wb, self.doc.department, out)
        except WorkbookError as exc:
            self.inform(tr("Şablon yazılamadı"), str(exc), "critical")
            return None
        self.statusBar().showMessage(
            tr("Excel şablonu yazıldı: {0}. Sarı hücreleri doldurup Dosya → Excel şablonundan doldur ile geri alın.").format(
                result.path
            ),
            20000,
        )
        return result.path

    def fill_from_excel(self, path: Path | None = None) -> bool:
        """Read a filled template, show what it changes, and apply it as one undoable step."""
        if self.doc is None or self.doc.locked:
            return False
        self.commit_focused()
        from ..store.errors import ImportRejected
        from ..store.exchange.excel_import import template_changes
        from .excel_fill import differences, preview_rows

        if path is None:
            name = self.choose_excel()
            if not name:
                return False
            path = Path(name)
        try:
            changes = differences(self.doc, template_changes(self.doc.wb, path))
        except ImportRejected as exc:
            self.inform(tr("Excel şablonu alınamadı"), _listed(exc), "warning")
            return False
        except WorkbookError as exc:
            self.inform(tr("Excel şablonu alınamadı"), str(exc), "warning")
            return False
        if not len(changes):
            self.inform(
                tr("Excel şablonundan doldur"),
                tr("'{0}' içinde dosyadakinden farklı bir değer yok; dosya değişmedi.").format(path.name),
                "information",
            )
            return False
        assert self.editor is not None
        rows = preview_rows(self.doc, changes, self.editor.plan_label)
        if not self.confirm_excel(rows, path.name):
            self.statusBar().showMessage(tr("Excel şablonu uygulanmadı; dosya değişmedi."), 15000)
            return False
        text = tr("Excel şablonundan {0} değer").format(len(rows))
        if not self.editor.set_entries(changes.values, changes.indicators, changes.activities, text):
            return False
        self.view.go_to(rows[0].place)
        self.statusBar().showMessage(
            tr("{0} değer '{1}' şablonundan alındı ve kaydedildi. Ctrl+Z hepsini geri alır.").format(len(rows), path.name),
            20000,
        )
        return True

    def _choose_excel(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.doc.path.parent) if self.doc else str(Path.home())
        return QFileDialog.getOpenFileName(self, tr("Doldurulmuş Excel şablonunu seçin"), start, tr("Excel (*.xlsx)"))[0]

    def _confirm_excel(self, rows, source: str) -> bool:
        from .excel_fill import confirm

        return confirm(self, rows, source)


def _listed(exc) -> str:
    """A refusal with its first problems, one a line (a template may have thousands)."""
    problems = getattr(exc, "problems", None) or []
    head = str(exc).split("\n", 1)[0]
    lines = "\n".join(f"• {p}" for p in problems[:15])
    more = "\n" + tr("… ve {0} sorun daha.").format(len(problems) - 15) if len(problems) > 15 else ""
    return head + ("\n" + lines if lines else "") + more

"""The year's report from the strategy window: the PDF (the institution's, or one department's)
built off the GUI thread and shown in the Rapor tab, and the report's tables written to one
Excel workbook (a mixin of ``window.StrategyWindow``).

The build itself is ``build.ReportBuild`` (over ``desktop.report``) and the workbook
``YearModel.export_excel``; these are the window's steps around them: store what is being
typed, ask where, and show or say what was written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ...store.errors import WorkbookError
from ..i18n import tr
from .build import ReportBuild


class StrategyReport:
    """Build and show the report, export its tables (``self`` is the ``StrategyWindow``)."""

    def build(self, out: Path | None = None, dialog: bool = True, department: str | None = None) -> ReportBuild | None:
        """Build the year's report (or one department's) off the GUI thread; it is shown when done."""
        if self.model is None:
            return None
        self.commit_pending()
        if out is None:
            suggested = (
                self.model.board.path.with_name(f"{self.model.board.path.stem}-{department}.pdf")
                if department
                else self.model.board.path.with_suffix(".pdf")
            )
            name = self.choose_pdf(suggested)
            if not name:
                return None
            out = Path(name)
        job = self.report_build = ReportBuild(self.model.board.path, Path(out), self, department=department, dialog=dialog)
        job.finished.connect(self._built)
        job.cancelled.connect(lambda: self.statusBar().showMessage(tr("Rapor üretimi durduruldu; dosya yazılmadı."), 20000))
        job.failed.connect(lambda text: self.inform(tr("Rapor oluşturulamadı"), text, "critical"))
        job.start()
        return job

    def _built(self, result) -> None:
        note = tr("{0} sayfa").format(result.pages)
        if result.draft:
            note += " — " + tr("TASLAK: denetimde hata var, her sayfada TASLAK yazar")
        self.pdf.load(result.path, note)
        self.tabs.setCurrentWidget(self.pdf)
        self.statusBar().showMessage(tr("Rapor yazıldı: {0}").format(result.path), 20000)

    def export_excel(self, out: Path | None = None) -> Path | None:
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                tr("Excel dosyasını nereye kaydedeyim?"),
                str(self.model.board.path.with_suffix(".xlsx")),
                tr("Excel (*.xlsx)"),
            )
            if not name:
                return None
            out = Path(name)
        try:
            self.model.export_excel(out)
        except WorkbookError as exc:
            self.inform(tr("Excel'e aktarılamadı"), str(exc), "critical")
            return None
        self.statusBar().showMessage(tr("Excel dosyası yazıldı: {0}").format(out), 20000)
        return Path(out)

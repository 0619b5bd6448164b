"""The department's own report from the clerk's window: built off the GUI thread into a PDF the
clerk chooses, then shown in the report window (a mixin of ``main_window.MainWindow``).
"""

from __future__ import annotations

from pathlib import Path

from .i18n import tr


class ClerkReport:
    """Build and show the department's report (``self`` is the ``MainWindow``)."""

    def show_report(self, out: Path | None = None, dialog: bool = True):
        """Build the department's report (off the GUI thread) and show it in the PDF view; the build job."""
        if self.doc is None:
            return None
        if self.report_build is not None and self.report_build.is_running():
            return self.report_build
        self.commit_focused()
        from .strategy.build import ReportBuild

        if out is None:
            name = self.choose_save(
                tr("Birim raporunu nereye kaydedeyim?"),
                self.doc.path.with_name(f"{self.doc.path.stem}-rapor.pdf"),
                tr("PDF (*.pdf)"),
            )
            if not name:
                return None
            out = Path(name)
        job = self.report_build = ReportBuild(self.doc.path, Path(out), self, department=self.doc.department, dialog=dialog)
        job.finished.connect(self._report_built)
        job.cancelled.connect(lambda: self.statusBar().showMessage(tr("Rapor üretimi durduruldu; dosya yazılmadı."), 20000))
        job.failed.connect(lambda text: self.inform(tr("Rapor oluşturulamadı"), text, "critical"))
        job.start()
        return job

    def _report_built(self, result) -> None:
        from .report_window import ReportWindow

        note = tr("{0} sayfa").format(result.pages)
        if result.draft:
            note += " — " + tr("TASLAK: denetimde hata var, her sayfada TASLAK yazar")
        if self._report_window is None:
            self._report_window = ReportWindow(self)
        self._report_window.show_pdf(result.path, note)
        self.statusBar().showMessage(tr("Rapor yazıldı: {0}").format(result.path), 20000)

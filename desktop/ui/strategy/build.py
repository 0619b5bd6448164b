"""Building the report off the GUI thread, with a progress dialog and cancel.

The worker opens its own read-only connection to the file (a SQLite
connection belongs to the thread that made it) and calls
``desktop.report.build_report``, which writes to a temporary file and renames
it into place: a cancelled or failed build leaves no PDF (and an earlier PDF
at the same path whole).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...report import ReportCancelled, build_report
from ...store.file.workbook import Workbook
from ..i18n import tr
from .tasks import Worker


class ReportBuild(QObject):
    """One build. ``start()``; then exactly one of finished / cancelled / failed."""

    progressed = Signal(int, int, str)
    finished = Signal(object)  # ReportResult
    cancelled = Signal()
    failed = Signal(str)

    def __init__(
        self, source: Path, out: Path, parent: QWidget | None = None, department: str | None = None, dialog: bool = True
    ):
        super().__init__(parent)
        self.source, self.out, self.department = Path(source), Path(out), department
        self.worker = Worker(self._run, self)
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.dialog: QProgressDialog | None = None
        if dialog:
            d = self.dialog = QProgressDialog(tr("Rapor hazırlanıyor…"), tr("Durdur"), 0, 100, parent)
            d.setObjectName("buildProgress")
            d.setWindowTitle(tr("Rapor oluşturuluyor"))
            d.setWindowModality(Qt.WindowModality.WindowModal)
            d.setMinimumDuration(0)
            d.setMinimumWidth(520)
            d.setAutoClose(False)
            d.setAutoReset(False)
            d.canceled.connect(self.cancel)
        self.done = False

    def _run(self, progress, cancelled):
        with Workbook.open(self.source, readonly=True) as wb:
            return build_report(wb, self.out, department=self.department, progress=progress, cancelled=cancelled)

    def start(self) -> None:
        if self.dialog is not None:
            self.dialog.setValue(0)
            self.dialog.show()
        self.worker.start()

    def cancel(self) -> None:
        self.worker.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(tr("Durduruluyor…"))

    def is_running(self) -> bool:
        return self.worker.isRunning()

    def wait(self, ms: int = 60000) -> bool:
        return self.worker.wait(ms)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progressed.emit(done, total, text)
        if self.dialog is not None and not self.worker.is_cancelled():
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, total))
            self.dialog.setLabelText(tr("Rapor hazırlanıyor: {0}").format(text) if text else tr("Rapor hazırlanıyor…"))

    def _close_dialog(self) -> None:
        self.done = True
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()

    def _succeeded(self, result) -> None:
        self.worker.wait()
        self._close_dialog()
        self.finished.emit(result)

    def _failed(self, exc) -> None:
        self.worker.wait()
        self._close_dialog()
        # a cancel seen before the report's own try block surfaces as its internal
        # ``Cancelled``, not ReportCancelled: whatever ends a cancelled build is a cancel
        if isinstance(exc, ReportCancelled) or self.worker.is_cancelled():
            self.cancelled.emit()
        else:
            self.failed.emit(str(exc) or exc.__class__.__name__)

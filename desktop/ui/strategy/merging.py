"""Merging dropped department files, off the GUI thread.

``MergeRun`` runs the model's merge (``YearBoard.merge_task``: ``merge_files``
on the file's path, with its own connection) in a worker; the progress dialog
shows the phase the store reports (denetleniyor, karşılaştırılıyor,
yazılıyor) and the file. Unresolved conflicts come back as
``MergeConflict`` with nothing written; the window asks for a decision
(``decide(conflicts) -> {id: choice} | None``) and the run starts again with
that resolution. A file older than the one already imported is refused by the
store; the window may ask and run those files again with ``force``. A file
refused only for its timestamps (beyond the present, before the year's start)
is run again with ``accept_time`` only when the strategy unit says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...store.merge.run import PHASES, MergeConflict, MergeResult
from ...store.year_board import YearBoard
from ..i18n import tr
from .tasks import Worker


def stale_files(result: MergeResult) -> list[Path]:
    """Files refused only as older than the last import (the store's ``StaleImport``)."""
    return [f.path for f in result.files if f.status == "refused" and f.stale]


def untrusted_time_files(result: MergeResult) -> list[Path]:
    """Files refused only for their timestamps (the store's ``UntrustedTime``)."""
    return [f.path for f in result.files if f.status == "refused" and f.untrusted_time]


def phase_text(text: str) -> str:
    """The store's "denetleniyor: imar.faaliyet" (``merge.PHASES``) as the dialog says it."""
    if not text:
        return tr("Tamamlanıyor…")
    phase, _, name = text.partition(": ")
    label = {
        PHASES["check"]: tr("Denetleniyor: {0}"),
        PHASES["compare"]: tr("Karşılaştırılıyor: {0}"),
        PHASES["write"]: tr("Yazılıyor: {0}"),
    }.get(phase)
    return label.format(name) if label else text


class MergeRun(QObject):
    """One merge (possibly asked again after conflict decisions). Ends with ``finished``."""

    conflicted = Signal(list)  # [Conflict]: shown on the board until decided
    finished = Signal(object)  # MergeResult, or None when cancelled at the conflict view
    failed = Signal(str)

    def __init__(
        self,
        model: YearBoard,
        paths: list[Path],
        decide: Callable,
        parent: QWidget | None = None,
        force: bool = False,
        dialog: bool = True,
        accept_time: bool = False,
    ):
        super().__init__(parent)
        self.model, self.paths, self.decide, self.force = model, list(paths), decide, force
        self.accept_time = accept_time
        self.parent_widget = parent
        self.show_dialog = dialog
        self.resolution: dict | None = None
        self.worker: Worker | None = None
        self.dialog: QProgressDialog | None = None
        self.last_progress = ""  # what the dialog says now

    def start(self) -> None:
        task = self.model.merge_task(self.paths, force=self.force, accept_time=self.accept_time, resolve=self.resolution)
        self.worker = Worker(lambda progress, _cancelled: task(progress), self)
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        if self.show_dialog:
            d = self.dialog = QProgressDialog(
                tr("Dosyalar denetleniyor…"), "", 0, max(1, 3 * len(self.paths)), self.parent_widget
            )
            d.setObjectName("mergeProgress")
            d.setWindowTitle(tr("Birim dosyaları aktarılıyor"))
            d.setCancelButton(None)  # a merge is one transaction per file; it is not stopped halfway
            d.setWindowModality(Qt.WindowModality.WindowModal)
            d.setMinimumDuration(300)
            d.setMinimumWidth(480)
        self.worker.start()

    def wait(self, ms: int = 60000) -> bool:
        return self.worker is None or self.worker.wait(ms)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.last_progress = phase_text(text)
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(done)
            self.dialog.setLabelText(self.last_progress)

    def _end_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _succeeded(self, result: MergeResult) -> None:
        self.worker.wait()
        self._end_dialog()
        self.finished.emit(result)

    def _failed(self, exc) -> None:
        self.worker.wait()
        self._end_dialog()
        if isinstance(exc, MergeConflict) and self.resolution is None:
            self.conflicted.emit(exc.conflicts)
            decided = self.decide(exc.conflicts)
            if decided:
                self.resolution = dict(decided)
                self.start()
            else:
                self.finished.emit(None)
            return
        self.failed.emit(str(exc) or exc.__class__.__name__)

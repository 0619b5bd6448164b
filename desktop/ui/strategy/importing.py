"""Importing department files from the strategy window: files or a folder chosen or dropped on
the board, conflicts decided side by side, and what the import did told (a mixin of
``window.StrategyWindow``).

The run itself is ``merging.MergeRun`` (off the GUI thread, over ``store.merge``); these are
the window's steps around it: store what is being typed, start the run, ask for a decision on
conflicts, and offer to import again the files refused as older than the last import or for
their timestamps.
"""

from __future__ import annotations

from pathlib import Path

from ..dropped_attachments import listed
from ..i18n import tr
from .conflicts import ConflictDialog
from .merging import MergeRun, stale_files, untrusted_time_files


class StrategyImporting:
    """Merge files in, decide conflicts, tell the result (``self`` is the ``StrategyWindow``)."""

    def _merge_folder(self) -> None:
        folder = self.choose_folder()
        if folder:
            self.merge([Path(folder)])

    def attachments_dropped(self, names: list[str]) -> None:
        """Attachments dragged straight out of a mail program: no file to read (``dropped_attachments``)."""
        self.inform(
            tr("Ek doğrudan aktarılamaz"),
            tr(
                "E-postadan sürüklenen ekler{0} doğrudan okunamıyor. Eki önce bir klasöre kaydedin (ekin üzerinde sağ tık → "
                "'Farklı Kaydet', ya da eki masaüstüne sürükleyin); sonra o dosyayı buraya bırakın ya da 'Dosya ekle…' ile seçin."
            ).format(listed(names)),
            "information",
        )

    def merge(self, paths: list[Path], force: bool = False, accept_time: bool = False) -> MergeRun | None:
        """Check and import department files (or folders) into this file; returns the run (it ends with ``finished``)."""
        if not paths or self.model is None:
            return None
        if self.model.board.readonly:
            self.inform(tr("Aktarılamadı"), tr("Birleşik dosya salt okunur açık; dosya aktarılamaz."), "warning")
            return None
        self.commit_pending()
        run = self.merge_run = MergeRun(self.model.board, paths, self.decide, self, force=force, accept_time=accept_time)
        run.conflicted.connect(self._conflicted)
        run.finished.connect(lambda result: self._merged(run, result))
        run.failed.connect(lambda text: self._merge_failed(text))
        run.start()
        return run

    def _conflicted(self, conflicts: list) -> None:
        self.model.conflicted(conflicts)
        self.tabs.setCurrentWidget(self.board)
        self.board.show_department(conflicts[0].department)

    def _decide(self, conflicts: list) -> dict | None:
        names = self.model.board.names()
        dlg = self.conflict_dialog = ConflictDialog(conflicts, names, self)
        return dlg.resolution() if dlg.exec() == ConflictDialog.DialogCode.Accepted else None

    def _merged(self, run: MergeRun, result) -> None:
        self.last_merge = result
        change = self.model.merged(result)  # its message: the merge's report (``YearBoard.merged``)
        if result is None:  # the user left the conflict view: nothing was written
            self.statusBar().showMessage(tr("Çakışmalar için karar verilmedi; birleşik dosya değiştirilmedi."), 20000)
            return
        if self.doc is not None:
            self.doc.reload_state()
        kind = "warning" if result.refused else "information"
        self.inform(tr("Aktarım sonucu"), change.message, kind)
        stale = stale_files(result)
        if (
            stale
            and not run.force
            and self.ask(
                tr("Eski dosya"),
                tr(
                    "{0} dosya, daha önce aktarılmış dosyadan eski olduğu için reddedildi. Bu dosyalar yine de aktarılsın mı? "
                    "(Birleşik dosyadaki o birimin verileri eski dosyadakilerle değiştirilir.)"
                ).format(len(stale)),
            )
        ):
            self.merge(stale, force=True)
            return
        untrusted = untrusted_time_files(result)
        if (
            untrusted
            and not run.accept_time
            and self.ask(
                tr("Güvenilmeyen zamanlar"),
                tr(
                    "{0} dosyada gelecekte ya da yılın başından önce görünen değişiklik zamanları var; gönderen bilgisayarın "
                    "saati yanlış olabilir ya da dosya Faaliyet dışında değiştirilmiş olabilir. Gönderenle konuştuysanız ve "
                    "zamanlar dışında dosya doğruysa yine de aktarılsın mı?"
                ).format(len(untrusted)),
            )
        ):
            self.merge(untrusted, accept_time=True)

    def _merge_failed(self, text: str) -> None:
        self.refresh()
        self.inform(tr("Aktarılamadı"), text, "critical")

"""What the strategy unit does with the departments' files from its window: accept one, send one
back with a note (the return file the clerk opens), and hand out every department's empty file
(a mixin of ``window.StrategyWindow``).

The rules live in the model (``YearModel.accept`` / ``send_back`` / ``distribute`` over
``store.year_board``); these are the window's steps around them: ask, and say what happened.
"""

from __future__ import annotations

from pathlib import Path

from ...store.errors import WorkbookError
from ..i18n import tr
from .refusals import with_problems


class StrategyDepartments:
    """Accept, send back, hand out (``self`` is the ``StrategyWindow``)."""

    def accept_department(self, dept: str) -> bool:
        try:
            self.model.accept(dept)
        except WorkbookError as exc:
            self.inform(tr("Kabul edilemedi"), with_problems(exc), "warning")
            return False
        self.statusBar().showMessage(tr("{0} kabul edildi.").format(self._name(dept)), 15000)
        return True

    def send_back(self, dept: str) -> bool:
        """Send back with a note and write the return file the clerk opens (its fields: the department's errors)."""
        fields = self.model.board.fields_to_fix(dept)
        marked = tr(" Hatalı {0} alan birimin ekranında işaretlenir.").format(len(fields)) if fields else ""
        note, ok = self.ask_note(
            tr("Notla geri gönder"),
            tr("{0} birimi neyi düzeltmeli? Not, birime ileteceğiniz geri gönderme dosyasına yazılır.").format(self._name(dept))
            + marked,
        )
        if not ok:
            return False
        from ...store.file.return_note import default_name

        out = self.choose_return_path(self._folder() / default_name(dept, self.model.board.year))
        if not out:
            return False
        try:
            change = self.model.send_back(dept, note, Path(out), fields)
        except WorkbookError as exc:
            self.inform(tr("Geri gönderilemedi"), str(exc), "warning")
            return False
        self.inform(
            tr("Notla geri gönderildi"),
            tr(
                "{0} notla geri gönderildi. Bu dosyayı birime iletin (USB bellek, ağ klasörü, e-posta):\n{1}\n\n"
                "Birim dosyayı açınca kendi dosyası notla düzenlemeye açılır."
            ).format(self._name(dept), change.result),
            "information",
        )
        self.statusBar().showMessage(tr("{0} notla geri gönderildi.").format(self._name(dept)), 15000)
        return True

    def _name(self, dept: str) -> str:
        return self.model.board.name(dept) if self.model else dept

    # --- handing out department files --------------------------------------------------
    def distribute(self, folder: Path | None = None) -> list | None:
        """Write each department's empty file into a chosen folder (``store.distribute``) and say what happened."""
        if self.model is None:
            return None
        if folder is None:
            chosen = self.choose_out_folder()
            if not chosen:
                return None
            folder = Path(chosen)
        self.commit_pending()  # settings typed but not yet stored travel too
        try:
            results = self.model.distribute(folder).result
        except WorkbookError as exc:
            self.inform(tr("Birim dosyaları dağıtılamadı"), str(exc), "warning")
            return None
        written = [r for r in results if r.written]
        refused = [r for r in results if not r.written]
        text = tr("{0} birim dosyası yazıldı: {1}").format(len(written), folder)
        if written:
            text += "\n" + "\n".join(f"• {r.path.name}" for r in written[:30])
        if refused:
            text += (
                "\n\n" + tr("{0} dosya yazılmadı:").format(len(refused)) + "\n" + "\n".join(f"• {r.line}" for r in refused[:30])
            )
        self.inform(tr("Birim dosyaları"), text, "warning" if refused else "information")
        return results

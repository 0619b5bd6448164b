"""The year's cycle from the strategy window: preparing next year's definition and consolidated
file, and adding earlier years' values as this file's history (a mixin of
``window.StrategyWindow``).

The rules live in ``store.year_cycle`` (through ``YearModel.next_year`` / ``add_years``, the
same steps as ``faaliyet year next`` / ``year history``); these are the window's steps around
them: ask where, store what is being typed, and say what happened.
"""

from __future__ import annotations

from pathlib import Path

from ...store.errors import WorkbookError
from ...store.year_board import SUFFIX
from ..i18n import tr
from .refusals import with_problems


class StrategyYearCycle:
    """Next year, past years (``self`` is the ``StrategyWindow``)."""

    def prepare_next_year(self, out: Path | None = None, definition_dir: Path | None = None) -> Path | None:
        """Write next year's definition folder and consolidated file from this one (``faaliyet year next``);
        the new file's path, or None (nothing written)."""
        if self.model is None:
            return None
        year = self.model.board.year + 1
        if out is None:
            here = self.model.board.path
            name = self.choose_next_file(here.with_name(f"{here.stem}-{year}{SUFFIX}"))
            if not name:
                return None
            out = Path(name)
        out = Path(out)
        definition_dir = Path(definition_dir) if definition_dir else out.with_name(f"tanim-{year}")
        if not self.ask(
            tr("Sonraki yılı hazırla"),
            tr(
                "{0} yılı hazırlanacak:\n• tanım klasörü: {1}\n• birleşik dosya: {2}\n\nBu dosya değişmez; "
                "{3} yılının değerleri yeni dosyada geçen yıl olarak, salt okunur durur. Devam edilsin mi?"
            ).format(year, definition_dir, out, year - 1),
        ):
            return None
        self.commit_pending()  # what is typed belongs to this year's values
        try:
            change = self.model.next_year(year, definition_dir, out)
        except WorkbookError as exc:
            self.inform(tr("Sonraki yıl hazırlanamadı"), with_problems(exc), "critical")
            return None
        text = tr("{0} yılının dosyaları yazıldı.").format(year) + "\n" + change.message
        self.inform(tr("Sonraki yıl hazır"), text, "warning" if change.result.dropped else "information")
        self.statusBar().showMessage(tr("{0} yılı hazırlandı: {1}").format(year, out), 20000)
        return out

    def add_past_years(self, paths: list[Path] | None = None) -> bool:
        """Add the values of earlier years' consolidated files as this file's history (``faaliyet year history``)."""
        if self.model is None:
            return False
        if self.model.board.readonly:
            self.inform(tr("Eklenemedi"), tr("Birleşik dosya salt okunur açık; geçmiş yıl eklenemez."), "warning")
            return False
        paths = self.choose_past_files() if paths is None else paths
        if not paths:
            return False
        self.commit_pending()
        try:
            change = self.model.add_years([Path(p) for p in paths])
        except WorkbookError as exc:
            self.inform(tr("Geçmiş yıl eklenemedi"), with_problems(exc) + "\n" + tr("Dosya değiştirilmedi."), "warning")
            return False
        if self.doc is not None:
            self.doc.reload_state()
        note = tr("Kurum bölümlerinde geçen yılın değerleri, dosya yeniden açılınca alanların yanında görünür.")
        self.inform(tr("Geçmiş yıllar eklendi"), change.message + "\n\n" + note, "information")
        return True

"""The strategy unit's view of an open consolidated file, without Qt.

``YearBoard`` owns what the strategy window shows about the year — the board
(one ``DepartmentStatus`` per department, ``submission.board``), the import
history (``import_history``), the conflicts waiting for a decision — and the
strategy unit's actions on it: accept, send back with a note, merge
department files, hand out the empty department files, export to Excel.
Every action returns a ``Change``: which departments changed and a Turkish
line to show; a refused action raises ``WorkbookError`` (with ``problems``
when there is a list) and changes nothing. The window only wraps it in
signals (``ui/strategy/year_model.py``).

What the board shows is read once; after that ``refresh`` follows what was
written since (``file/board_live.py``: from the audit rows, only the places an
edit wrote are re-read and re-checked), so the update after an edit does not
grow with the file; the board itself is linear in the number of departments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..core import gc_pause
from ..core.definition import Definition
from ..core.i18n import _
from .errors import ReadOnlyWorkbook
from .file.board_live import LiveBoard
from .file.submission import DepartmentStatus, accept, send_back
from .file.workbook import SUFFIX, Workbook
from .merge.conflicts import Conflict, label_of_id
from .merge.history import ImportRecord, history
from .merge.run import MergeResult, merge_files


@dataclass(frozen=True)
class Change:
    """What an action changed: the departments whose row changed (empty: none, or all for a merge
    that wrote nothing) and the line to show (Turkish). ``result``: the action's own result."""

    action: str  # kabul | geri | aktarim | cakisma | dagitim | excel | sonraki_yil | gecmis_yil
    departments: tuple[str, ...] = ()
    message: str = ""
    result: object = field(default=None, compare=False)


def create_consolidated(path: Path, definition: Definition) -> Path:
    """An empty consolidated file for the year at ``path`` (``.faaliyet`` added when missing)."""
    path = Path(path)
    if not path.name.endswith(SUFFIX):
        path = path.with_name(path.name + SUFFIX)
    Workbook.create(path, definition, None).close()
    return path


class YearBoard:
    """An open consolidated file as the strategy unit sees it."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.pending: dict[str, list[Conflict]] = {}  # department -> conflicts waiting for a decision
        self._live: LiveBoard | None = None  # the board, read when first shown
        self._stale = False  # something may have been written since the board last looked
        self._history: list[ImportRecord] | None = None
        self._returns: list[dict] | None = None

    # --- what is shown -------------------------------------------------------------
    @property
    def definition(self) -> Definition:
        return self.wb.definition

    @property
    def path(self) -> Path:
        return self.wb.path

    @property
    def year(self) -> int:
        return self.wb.year

    @property
    def readonly(self) -> bool:
        return self.wb.readonly

    def refresh(self) -> None:
        """The file may have changed (by this connection or another): the next ``rows``/``history``
        follow what was written since they last looked (``LiveBoard.update``)."""
        self._stale = True

    def _follow(self) -> None:
        if not self._stale:
            return
        self._stale = False
        if self._live is not None:
            change = self._live.update()
            if not (change.whole or change.state):
                return
        self._history = self._returns = None  # a state, a return note, an import: read them again

    def rows(self) -> list[DepartmentStatus]:
        self._follow()
        if self._live is None:
            with gc_pause.paused():  # the whole year's board, built at once (core/gc_pause.py)
                self._live = LiveBoard(self.wb)
                return self._live.rows()
        return self._live.rows()

    def history(self) -> list[ImportRecord]:
        self._follow()
        if self._history is None:
            self._history = history(self.wb)
        return self._history

    def decisions(self, record: ImportRecord) -> list[tuple[str, str]]:
        """The conflicts an import decided, as (the value's label, "ours" | "theirs"), in the label's order."""
        return sorted((label_of_id(self.definition, cid), choice) for cid, choice in record.resolved.items())

    def pending_counts(self) -> dict[str, int]:
        return {d: len(c) for d, c in self.pending.items()}

    def institution_keys(self) -> set[str]:
        return {d.key for d in self.definition.departments if d.role == "institution"}

    def names(self) -> dict[str, str]:
        return {d.key: d.name for d in self.definition.departments}

    def name(self, department: str) -> str:
        d = self.definition.department(department)
        return d.name if d else department

    def title(self) -> str:
        ro = _(" — salt okunur") if self.readonly else ""
        return _("{name} — Birleşik dosya {year} — {institution}{ro} — Faaliyet").format(
            name=self.path.name, year=self.wb.year, institution=self.definition.institution.name, ro=ro
        )

    # --- decisions on a department --------------------------------------------------
    def accept(self, department: str) -> Change:
        try:
            accept(self.wb, department)
        finally:
            self.refresh()
        return Change("kabul", (department,), _("{name} kabul edildi.").format(name=self.name(department)))

    def send_back(self, department: str, note: str, out: Path | None = None, fields=()) -> Change:
        """Send back with a note; with ``out``, the return file for the clerk is written there
        (``file.return_note``: the note, ``fields`` to fix, the hash of the file it answers)."""
        if out is None:
            try:
                send_back(self.wb, department, note)
            finally:
                self.refresh()
            return Change("geri", (department,), _("{name} notla geri gönderildi.").format(name=self.name(department)))
        from .file import return_note

        try:
            written = return_note.write(self.wb, return_note.make(self.wb, department, note, fields), Path(out))
        finally:
            self.refresh()
        return Change(
            "geri",
            (department,),
            _("{d} notla geri gönderildi. Birime iletilecek dosya: {p}").format(d=self.name(department), p=written),
            written,
        )

    def fields_to_fix(self, department: str) -> list[str]:
        """The places of the department's errors (what a return file marks unless told otherwise)."""
        from .file.return_note import MAX_FIELDS

        places = [f.place for f in self.wb.findings(department=department) if f.is_error and f.department == department]
        return list(dict.fromkeys(places))[:MAX_FIELDS]

    def returns(self) -> list[dict]:
        """The return files written from this file, newest first (``return_note.sent``)."""
        self._follow()
        if self._returns is None:
            from .file.return_note import sent

            self._returns = sent(self.wb)
        return self._returns

    # --- merging -----------------------------------------------------------------------
    def merge_task(
        self, paths: list[Path], *, force: bool = False, accept_time: bool = False, resolve: dict | None = None
    ) -> Callable:
        """The merge as a function ``(progress) -> MergeResult`` for another thread: it opens its own
        connection to this file (a SQLite connection belongs to its thread). ``progress(done, total, text)``
        gets the phase and the file (``merge_files``)."""
        if self.readonly:
            raise ReadOnlyWorkbook(_("Birleşik dosya salt okunur açık; dosya aktarılamaz."))
        target, user, paths = self.path, self.wb.user, list(paths)
        return lambda progress=None: merge_files(
            target, paths, force=force, accept_time=accept_time, resolve=resolve, user=user, progress=progress
        )

    def conflicted(self, conflicts: list[Conflict]) -> Change:
        """A merge stopped on conflicts: they wait, marked on the board, until decided."""
        self.pending = {}
        for c in conflicts:
            self.pending.setdefault(c.department, []).append(c)
        return Change(
            "cakisma",
            tuple(self.pending),
            _("{n} çakışma karar bekliyor; birleşik dosyaya bir şey yazılmadı.").format(n=len(conflicts)),
        )

    def merged(self, result: MergeResult | None) -> Change:
        """A merge ended (None: the conflict view was left, nothing written; the conflicts stay marked)."""
        self.refresh()
        if result is None:
            return Change("aktarim", (), _("Çakışmalar için karar verilmedi; birleşik dosya değiştirilmedi."), None)
        self.pending = {}
        changed = tuple(dict.fromkeys(f.department for f in result.files if f.status in ("imported", "status")))
        lines = result.report_lines() or [_("Aktarılacak .faaliyet dosyası bulunamadı.")]
        return Change("aktarim", changed, "\n".join(lines), result)

    # --- handing out and exporting -------------------------------------------------------
    def distribute(self, folder: Path) -> Change:
        """Each department's empty file in ``folder`` (``store.distribute``); the message lists what was written."""
        from .distribute import distribute

        results = distribute(self.wb, Path(folder))
        written = sum(1 for r in results if r.written)
        text = _("{written} birim dosyası yazıldı: {folder}").format(written=written, folder=folder)
        if written < len(results):
            text += _("; {n} dosya yazılmadı").format(n=len(results) - written)
        return Change("dagitim", (), text + ".", results)

    # --- the year cycle ------------------------------------------------------------------
    def next_year(self, year: int, folder: Path, out: Path) -> Change:
        """Next year's definition folder and consolidated file (``faaliyet year next``); this file is unchanged.
        The message lists what was carried and every value that has no place in the new year."""
        from .year_cycle import next_year

        rolled = next_year(self.wb, year, out, folder)
        lines = [
            _("Tanım klasörü: {folder}").format(folder=folder),
            _("Birleşik dosya: {path}").format(path=rolled.path),
            _("{n} değer yeni yıla taşındı; geçmiş yıllar: {years}.").format(
                n=rolled.carried, years=", ".join(map(str, rolled.years))
            ),
        ]
        lines += rolled.notes
        if rolled.dropped:
            lines.append(_("Yeni yılda yeri olmayan {n} değer taşınmadı:").format(n=len(rolled.dropped)))
            lines += [f"• {line}" for line in rolled.dropped[:30]]
            if len(rolled.dropped) > 30:
                lines.append(_("… ve {n} değer daha.").format(n=len(rolled.dropped) - 30))
        return Change("sonraki_yil", (), "\n".join(lines), rolled)

    def add_years(self, paths: list[Path]) -> Change:
        """Earlier years' consolidated files added as this file's history (``faaliyet year history``);
        one refusal refuses all and the file is unchanged."""
        from .year_cycle import add_years

        added = add_years(self.wb, [Path(p) for p in paths])
        lines = []
        for a in added:
            lines.append(_("{year}: {n} değer eklendi ({name}).").format(year=a.year, n=a.rows, name=a.path.name))
            lines += [_("  bu yılda yeri yok: {line}").format(line=line) for line in a.dropped]
        return Change("gecmis_yil", (), "\n".join(lines), added)

    def export_excel(self, out: Path) -> Change:
        from .exchange.excel_export import export_excel

        export_excel(self.wb, Path(out))
        return Change("excel", (), _("Excel dosyası yazıldı: {out}").format(out=out), Path(out))

"""The year cycle on files: next year from this year's consolidated file, and earlier years added.

``roll`` (``faaliyet year next``) reads year N's consolidated file and writes
year N+1's: the definition (made by ``core.year_cycle.next_definition`` or the
one the strategy unit prepared, whose ``renamed_from`` maps renamed keys), the
values of the items marked ``carry: true`` as the new year's starting values,
and year N's values (with the file's own earlier years) as history, read-only.
The definition folder it writes reads back as exactly that definition (the
digests are compared). Every value whose key has no place in N+1 is listed.

``add_years`` (``faaliyet year history``) adds the values of earlier
consolidated files of the same institution, after checking each one's
identity; one refusal refuses all, and the file is unchanged.

Inputs are opened read-only and never changed; outputs are written beside
their final name and renamed when whole (``file.tempfiles``).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..core.definition import Definition
from ..core.definition_yaml import definition_files
from ..core.entries import Entries
from ..core.i18n import _
from ..core.loader import DefinitionError, load_definition
from ..core.year_cycle import carried, key_map, map_entries, next_definition
from .errors import ImportRejected, WorkbookError
from .file import earlier_years
from .file.tempfiles import publish, temp_beside, write_atomic
from .file.workbook import Workbook


@dataclass
class Rolled:
    """What ``roll`` wrote and what it could not carry."""

    definition: Definition
    path: Path
    carried: int  # values the new year starts with
    years: list[int]  # the earlier years the new file holds
    dropped: list[str] = field(default_factory=list)  # Turkish: values with no place in the new year
    notes: list[str] = field(default_factory=list)  # Turkish: what to look at in the new definition


def _consolidated(wb: Workbook) -> None:
    if not wb.is_consolidated:
        raise WorkbookError(
            _("'{name}' bir birim dosyası; yıl işlemleri yılın birleşik dosyasıyla yapılır. Birleşik dosyayı seçin.").format(
                name=wb.path.name
            )
        )


def _readable(wb: Workbook) -> None:
    """Every stored row of ``wb`` reads: a value that breaks a rule of ``stored.py`` is read as empty,
    and would otherwise be left behind in silence."""
    problems = wb.stored_problems()
    if problems:
        raise ImportRejected(
            _("'{name}' içinde okunamayan {n} kayıt var; yıl işlemi yapılmadı. Önce 'faaliyet check' ile bakıp düzeltin:").format(
                name=wb.path.name, n=len(problems)
            ),
            [f"{p.place}: {p.message}" for p in problems[:10]],
        )


def roll(wb: Workbook, year: int, out: Path | str, definition: Definition | None = None) -> Rolled:
    """Write year ``year``'s consolidated file ``out`` from ``wb`` (year ``year - 1``); see the module."""
    _consolidated(wb)
    _readable(wb)
    out = Path(out)
    if year != wb.year + 1:
        raise WorkbookError(
            _("'{name}' {own} yılının dosyası; ondan yalnızca {next} yılı yapılabilir ({year} istendi).").format(
                name=wb.path.name, own=wb.year, next=wb.year + 1, year=year
            )
        )
    notes: list[str] = []
    if definition is None:
        definition, notes = next_definition(wb.definition, year)
    elif definition.year.year != year:
        raise WorkbookError(
            _("Verilen tanım {found} yılının; {year} yılının tanımı olmalı.").format(found=definition.year.year, year=year)
        )
    if definition.institution.key != wb.definition.institution.key:
        raise WorkbookError(
            _("Verilen tanım '{found}' kurumunun; bu dosya '{own}' kurumunun.").format(
                found=definition.institution.key, own=wb.definition.institution.key
            )
        )
    if out.exists():
        raise WorkbookError(
            _("'{name}' zaten var; üzerine yazılmaz. Başka bir ad seçin ya da önce eski dosyayı taşıyın.").format(name=out.name)
        )
    mapping = key_map(wb.definition, definition)
    this_year = map_entries(wb.entries(), wb.definition, definition, mapping)
    history = {wb.year: this_year.entries}
    dropped = list(this_year.dropped)
    dropped += [
        _("{key}: okunamayan giriş ('{text}') düzeltilmemiş; taşınmadı").format(key=key, text=text[:60])
        for key, text in wb.pending_inputs().items()
    ]
    for y, entries in wb.history().items():
        earlier = map_entries(entries, wb.definition, definition, mapping)
        history[y] = earlier.entries
        dropped += [f"{y}: {line}" for line in earlier.dropped]
    start = carried(definition, this_year.entries)
    _write_workbook(out, definition, history, start, wb.user)
    return Rolled(definition, out, len(start), sorted(history), dropped, notes)


def _write_workbook(out: Path, definition: Definition, history: dict[int, Entries], start: dict, user: str) -> None:
    """The new file, whole, under its final name (or nothing at all)."""
    try:
        tmp = temp_beside(out)
    except OSError as exc:
        raise WorkbookError(_("'{name}' yazılamadı ({reason}).").format(name=out.name, reason=exc.strerror or exc)) from None
    tmp.unlink()
    try:
        with Workbook.create(tmp, definition, None, user=user, history=history) as new:
            new.apply(values=start)
        publish(tmp, out)
    except OSError as exc:
        raise WorkbookError(_("'{name}' yazılamadı ({reason}).").format(name=out.name, reason=exc.strerror or exc)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
        with contextlib.suppress(OSError):
            Path(str(tmp) + "-journal").unlink()


def write_definition(definition: Definition, folder: Path | str, header: str = "") -> list[str]:
    """Write ``definition`` as a definition folder (new or empty) that loads back as the same
    definition; returns the files written. On any problem nothing is left behind."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise WorkbookError(
            _("'{folder}' boş bir klasör değil; tanımın üzerine yazılmasın diye hiçbir şey yazılmadı.").format(folder=folder)
        )
    existed = folder.exists()
    files = definition_files(definition, header)
    try:
        for name, data in files.items():
            write_atomic(folder / name, data)
        again = load_definition(folder)
        if again.digest != definition.digest:
            raise WorkbookError(_("Yazılan tanım klasörü aynı tanım olarak okunmadı; klasör silindi."))
    except (WorkbookError, DefinitionError) as exc:
        _remove(folder, files, existed)
        raise WorkbookError(_("Yeni yılın tanımı yazılamadı:\n{problem}").format(problem=exc)) from None
    return sorted(files)


def _remove(folder: Path, files: dict, existed: bool) -> None:
    for name in files:
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    for sub in sorted({(folder / n).parent for n in files}, key=lambda p: len(p.parts), reverse=True):
        if sub != folder or not existed:
            with contextlib.suppress(OSError):
                os.rmdir(sub)


@dataclass
class Added:
    year: int
    path: Path
    rows: int
    dropped: list[str] = field(default_factory=list)


def add_years(wb: Workbook, sources: list[Path | str]) -> list[Added]:
    """Add the values of each earlier consolidated file in ``sources`` to ``wb``'s history.

    Each source must be a consolidated file of the same institution, of an earlier year
    (each year once), whose plan's indicators that hold values all have a key in ``wb``'s
    plan (``renamed_from`` honoured). Any refusal raises ``WorkbookError`` (Turkish) before
    anything is written: ``wb`` is unchanged."""
    _consolidated(wb)
    if wb.readonly:
        raise WorkbookError(_("Dosya salt okunur açık: {reason}").format(reason=wb.readonly_reason))
    ready: list[tuple[Added, Entries]] = []
    years: set[int] = set()
    for source in sources:
        path = Path(source)
        if path.resolve() == wb.path.resolve():
            raise WorkbookError(_("'{name}' dosyanın kendisi; geçmiş yıl olarak eklenemez.").format(name=path.name))
        with Workbook.open(path, readonly=True) as old:
            if not old.is_consolidated:
                raise WorkbookError(
                    _("'{name}' bir birim dosyası; geçmiş yıl yalnızca bir yılın birleşik dosyasından eklenir.").format(
                        name=path.name
                    )
                )
            mine, theirs = wb.definition.institution, old.definition.institution
            if theirs.key != mine.key:
                raise WorkbookError(
                    _(
                        "'{name}' başka bir kurumun dosyası ({theirs}); bu dosya {mine} kurumunun. Kendi kurumunuzun dosyasını seçin."
                    ).format(name=path.name, theirs=theirs.name, mine=mine.name)
                )
            if old.year >= wb.year:
                raise WorkbookError(
                    _("'{name}' {year} yılının dosyası; bu dosyanın yılından ({own}) önceki bir yıl olmalı.").format(
                        name=path.name, year=old.year, own=wb.year
                    )
                )
            _readable(old)
            if old.year in years:
                raise WorkbookError(_("{year} yılı iki kez verilmiş ('{name}').").format(year=old.year, name=path.name))
            years.add(old.year)
            mapping = key_map(old.definition, wb.definition)
            entries = old.entries()
            lost = [k for k, e in entries.indicators.items() if e.actual is not None and k not in mapping]
            if lost:
                raise WorkbookError(
                    _(
                        "'{name}' dosyasının planı bu dosyanın planına eşlenemiyor: {n} göstergenin bu yılın planında karşılığı yok "
                        "({keys}). Yeni anahtarlarına 'renamed_from' yazın ya da doğru yılın dosyasını seçin."
                    ).format(name=path.name, n=len(lost), keys=", ".join(sorted(lost)[:10]))
                )
            mapped = map_entries(entries, old.definition, wb.definition, mapping)
            problems = earlier_years.history_rows(wb.definition, mapped.entries, old.year, set(wb.departments))[1]
            if problems:
                raise ImportRejected(_("Geçmiş yıl eklenmedi; dosya olduğu gibi kaldı:"), problems)
            ready.append((Added(old.year, path, 0, mapped.dropped), mapped.entries))
    for added, entries in ready:
        added.rows = wb.add_history(added.year, entries)
    return [a for a, _e in ready]


def next_year(
    wb: Workbook, year: int, out: Path | str, folder: Path | str | None, definition: Definition | None = None
) -> Rolled:
    """``faaliyet year next`` and the strategy window's "Sonraki yılı hazırla…": ``roll`` and, when
    ``folder`` is given, the new definition written there. Both or neither: when the folder cannot
    be written the new file is removed again."""
    if folder is not None:
        folder = Path(folder)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise WorkbookError(
                _("'{folder}' boş bir klasör değil; tanımın üzerine yazılmasın diye hiçbir şey yazılmadı.").format(folder=folder)
            )
    rolled = roll(wb, year, out, definition)
    if folder is not None:
        header = _("{institution} {year} tanımı: 'faaliyet year next' ile {name} dosyasından yazıldı.").format(
            institution=rolled.definition.institution.name, year=year, name=wb.path.name
        )
        try:
            write_definition(rolled.definition, folder, header)
        except WorkbookError:
            rolled.path.unlink(missing_ok=True)  # the new year is both or neither
            raise
    return rolled

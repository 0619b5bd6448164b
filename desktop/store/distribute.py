"""Handing out the year's department files from the consolidated file.

The strategy unit sets the year up in its consolidated file (the definition
snapshot, and the year settings it enters there: tolerance, signers, spending
officers). ``distribute`` writes one empty file per department (holding its
department's earlier years from the consolidated file's history, read-only), named
``<institution>-<year>-<department>.faaliyet``, whose definition is the
consolidated file's with those settings *in force* written into it: a
department file may hold only its own department's values (``file/stored.py``), so
the settings travel in the definition snapshot (its ``year`` block and the
department's manager), and the clerk's checks and report use them.

The institution unit gets no file: its chapters are edited in the consolidated
file itself. A file that already exists is never replaced (refused with a
message); the others are still written. Each file is written beside its final
name and renamed when whole (``Workbook.create``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core import settings
from ..core.definition import Definition
from ..core.definition_stored import YearHead
from ..core.entries import Entries
from ..core.form_parts import Leaves, Row, Stored, part_json
from ..core.i18n import _
from ..core.plan import PlanDef
from ..core.sha import sha256_hex
from .errors import WorkbookError
from .file import definition_store
from .file.workbook import SUFFIX, Workbook


@dataclass(frozen=True)
class Handed:
    """What happened to one department's file."""

    department: str
    name: str  # the department's name, for messages
    path: Path
    written: bool
    problem: str = ""  # why, when not written (in the window's language)

    @property
    def line(self) -> str:
        return f"{self.path.name}: {_('yazıldı') if self.written else self.problem}"


def file_name(definition: Definition, department: str) -> str:
    """``<institution>-<year>-<department>.faaliyet`` (keys only: safe as a file name everywhere)."""
    return f"{definition.institution.key}-{definition.year.year}-{department}{SUFFIX}"


def department_definition(definition: Definition, lookup, department: str) -> Definition:
    """The definition a department file gets: the year settings in force and its spending officer applied."""
    year = settings.year_settings(definition, lookup)
    changes: dict = {}
    if year != definition.year:
        changes["year"] = year
    entered = settings.spending_officer(definition, lookup, department)
    if entered is not None and entered != settings.spending_officer(definition, None, department):
        changes["departments"] = [
            d.replace(manager=entered.name, manager_title=entered.title) if d.key == department else d
            for d in definition.departments
        ]
    if not changes:
        return definition
    # through its parts: the snapshot is checked exactly as a file's definition is when it is read;
    # only the head changes, so the department's form and the institution unit's are the
    # consolidated file's bytes and the other forms are left out (a year's files stay linear)
    stored = definition.stored
    keep = definition_store.carried(definition, department) or set()
    departments, aims = definition_store.needed(definition, department)
    head = YearHead(
        id=definition.id,
        version=definition.version,
        institution=definition.institution,
        year=changes.get("year", definition.year),
        plan=PlanDef(name=definition.plan.name, period=definition.plan.period),
    )
    rows = []
    for i, d in enumerate(changes.get("departments", definition.departments)):  # a consolidated file's: places 0, 1, 2…
        if d.key in departments:
            data = part_json(d)
            rows.append(Row(i, d.key, sha256_hex(data), 0, data))
    return Definition.from_stored(
        Stored(
            part_json(head),
            Leaves(stored.leaves).with_rows([[], [], rows, []]),
            [r for r in stored.forms if r.department in keep],
            [r for r in stored.plan if r.department in keep],
            rows,
            [r for i, r in enumerate(stored.aims) if i in aims],
        ),
        department,
    )


def receivers(definition: Definition) -> list[str]:
    """The departments that get a file: every one but the institution unit."""
    return [d.key for d in definition.departments if d.role != "institution"]


def distribute(wb: Workbook, out_dir: Path | str, departments: list[str] | None = None) -> list[Handed]:
    """Write an empty department file for each department (or those named) into ``out_dir``.

    Raises ``WorkbookError`` (Turkish) when ``wb`` is not a consolidated file,
    a department is unknown or ``out_dir`` cannot be made; a file that exists
    or cannot be written is reported in its ``Handed`` and the others are written.
    """
    if not wb.is_consolidated:
        raise WorkbookError(
            _("'{name}' bir birim dosyası. Birim dosyaları yılın birleşik dosyasından dağıtılır; birleşik dosyayı seçin.").format(
                name=wb.path.name
            )
        )
    definition = wb.definition
    wanted = receivers(definition) if departments is None else list(departments)
    for key in wanted:
        if key not in receivers(definition):
            known = ", ".join(receivers(definition))
            raise WorkbookError(_("'{key}' dosya alacak bir birim değil. Birimler: {known}").format(key=key, known=known))
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkbookError(
            _("'{out}' klasörü oluşturulamadı ({x}). Yazılabilir bir klasör seçin.").format(out=out, x=exc.strerror or exc)
        ) from None
    if not out.is_dir():
        raise WorkbookError(_("'{out}' bir klasör değil. Birim dosyalarının yazılacağı bir klasör seçin.").format(out=out))
    lookup = wb.entries().values.get
    history = wb.history()  # each department file carries its own department's earlier years
    results = []
    for key in wanted:
        dname = definition.department_name(key)
        path = out / file_name(definition, key)
        try:
            snapshot = department_definition(definition, lookup, key)
        except ValueError as exc:  # an entered setting the definition cannot hold (InvalidData, Turkish)
            results.append(
                Handed(
                    key,
                    dname,
                    path,
                    False,
                    _(
                        "birleşik dosyadaki yıl ayarları birim dosyasının tanımına yazılamıyor ({exc}). 'Yıl ayarları' sekmesinde bu değeri düzeltip yeniden dağıtın."
                    ).format(exc=exc),
                )
            )
            continue
        results.append(_write_one(path, snapshot, key, dname, wb.user, _history_of(snapshot, history, key)))
    return results


def _history_of(definition: Definition, history: dict[int, Entries], department: str) -> dict[int, Entries]:
    """The earlier years' values of one department (its keys only: a department file holds no others)."""
    out = {}
    for year, entries in history.items():
        own = Entries(
            values={
                k: v
                for k, v in entries.values.items()
                if (s := definition.slots.get(k)) is not None and s.department == department
            },
            indicators={i.key: e for i in definition.indicators_of(department) if (e := entries.indicators.get(i.key))},
            activities={a.key: c for a in definition.activities_of(department) if (c := entries.activities.get(a.key))},
        )
        if own.values or own.indicators or own.activities:
            out[year] = own
    return out


def _write_one(path: Path, definition: Definition, key: str, name: str, user: str, history: dict[int, Entries]) -> Handed:
    if path.exists():
        return Handed(
            key,
            name,
            path,
            False,
            _(
                "zaten var; üzerine yazılmadı (birimin girdikleri kaybolmasın diye). Yeniden üretmek için önce eski dosyayı taşıyın."
            ),
        )
    try:
        Workbook.create(path, definition, key, user=user, history=history).close()
    except WorkbookError as exc:
        return Handed(key, name, path, False, str(exc))
    except OSError as exc:
        return Handed(
            key,
            name,
            path,
            False,
            _("yazılamadı ({x}). Klasörün yazılabilir olduğunu ve diskte yer olduğunu denetleyin.").format(x=exc.strerror or exc),
        )
    return Handed(key, name, path, True)

"""A filled plan spreadsheet (``plan_excel``) written as a definition's plan.yaml (``faaliyet plan import``).

The spreadsheet is untrusted: it must be a plain .xlsx of a sane size
(``excel_import.check_xlsx``: no zip bomb, no DTD, not an old .xls or a
renamed file), is read with openpyxl in read-only, data-only mode, and each
list sheet may hold at most the plan's limits (``core.limits``) of rows.
Formulas without a cached value, merged cells and error values are refused
with their address (``excel_cells``). Cell contents become typed values
(numbers parsed the Turkish way when typed as text), ``core.plan_rows``
builds the plan and checks codes, keys, references, departments and weights.
Only then is plan.yaml written — after the definition, with the new plan,
has loaded from a temporary copy of the folder — atomically, through
``write_atomic``; the rest of the folder is untouched. Any problem refuses
the whole file, every problem named by sheet and cell.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ...core.i18n import _, lazy
from ...core.limits import MAX_PLAN_ENTRIES, MAX_PLAN_LIST, grouped
from ...core.loader import DefinitionError, load_definition
from ...core.plan import PlanDef
from ...core.plan_rows import Row, assemble
from ...core.plan_yaml import dump_plan
from ...core.turkish import casefold
from ...core.values import ValueProblem
from ...core.yaml_reader import read_yaml
from ..errors import ImportRejected
from ..file.tempfiles import write_atomic
from .excel_cells import cell_problems
from .excel_import import check_xlsx, convert
from .plan_excel import PLAN_LABELS, PLAN_SHEET, SHEETS, Sheet

REFUSED = lazy("Plan tablosu içe aktarılmadı; plan.yaml olduğu gibi kaldı:")
ROW_LIMITS = {
    "aims": MAX_PLAN_LIST,
    "goals": MAX_PLAN_ENTRIES,
    "targets": MAX_PLAN_ENTRIES,
    "indicators": MAX_PLAN_ENTRIES,
    "activities": MAX_PLAN_ENTRIES,
}
MAX_BLANK_ROWS = 10_000  # empty rows read beyond the limit before the sheet is called oversized
NUMBER_KINDS = {"baseline": "decimal", "target": "decimal", "weight": "percent", "planned_cost": "money"}
MAX_PROBLEMS = 200
OPTIONAL_COLUMNS = {"targets"}  # the last column, added later: a sheet without it still reads


@dataclass
class PlanImportResult:
    path: Path
    plan: PlanDef
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # weights accepted as printed


def import_plan(xlsx: Path | str, folder: Path | str, accept_weights: bool = False) -> PlanImportResult:
    """Write ``folder``/plan.yaml from the spreadsheet, or raise ImportRejected (nothing written).

    ``accept_weights``: performance targets whose weights do not total 100 are
    kept as the plan prints them (reported as warnings; ``check`` and the
    report show them as errors), instead of refusing the file.
    """
    xlsx, folder = Path(xlsx), Path(folder)
    departments = _departments(folder)
    check_xlsx(xlsx)
    name, period, rows, problems = _read(xlsx)
    assembled = assemble(name, period, rows, departments)
    reported = {p.split(": ", 1)[0] for p in problems}  # a cell refused while reading: not again as empty
    problems += [
        p
        for p in assembled.problems + ([] if accept_weights else assembled.weight_problems)
        if not reported & set(p.split(": ", 1)[0].split(", "))
    ]
    if problems:
        if not accept_weights and assembled.weight_problems:
            problems.append(
                _(
                    "plan bu ağırlıkları gerçekten böyle basıyorsa --accept-weights ile aktarın (denetim ve rapor toplamı 100 olmayan hedefleri hata olarak gösterir)"
                )
            )
        raise ImportRejected(str(REFUSED), _at_most(problems))
    plan = assembled.plan
    assert plan is not None
    text = dump_plan(
        plan,
        f"Stratejik plan: '{xlsx.name}' tablosundan 'faaliyet plan import' ile yazıldı.\n"
        "Planı değiştirmek için tabloyu düzeltip yeniden aktarın (faaliyet plan template ile alınır).",
    )
    _check_loads(folder, text, plan)
    path = write_atomic(folder / "plan.yaml", text)
    counts = {
        "amaç": len(plan.aims),
        "hedef": sum(len(a.goals) for a in plan.aims),
        "performans hedefi": len(plan.targets()),
        "gösterge": len(plan.indicators()),
        "faaliyet": len(plan.activities()),
    }
    return PlanImportResult(path, plan, counts, assembled.weight_problems if accept_weights else [])


def _at_most(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    return problems[:MAX_PROBLEMS] + [
        _("… ve {n} sorun daha; bunları düzeltip yeniden deneyin").format(n=grouped(len(problems) - MAX_PROBLEMS))
    ]


def _departments(folder: Path) -> set[str]:
    """The department keys of the definition in ``folder`` (its tanim.yaml)."""
    if not folder.is_dir():
        raise ImportRejected(
            _("'{folder}' bir tanım klasörü değil. --definition ile tanım klasörünü (tanim.yaml'ın olduğu klasör) verin.").format(
                folder=folder
            )
        )
    head, problems = read_yaml(folder / "tanim.yaml", f"{folder.name}/tanim.yaml")
    if problems:
        raise ImportRejected(str(REFUSED), [_("tanım okunamadı: {p}").format(p=p) for p in problems])
    depts = head.get("departments") if isinstance(head, dict) else None
    keys = {str(d["key"]) for d in depts or [] if isinstance(d, dict) and isinstance(d.get("key"), str)}
    if not keys:
        raise ImportRejected(
            str(REFUSED),
            [
                _("{name}/tanim.yaml: birim tanımlanmamış; plan birimlere bağlanamaz. Önce birimleri tanımlayın").format(
                    name=folder.name
                )
            ],
        )
    return keys


def _read(xlsx: Path) -> tuple[str | None, str | None, dict[str, list[Row]], list[str]]:
    """The plan's name, period and rows by level, and the problems of the cells read."""
    try:
        book = load_workbook(xlsx, read_only=True, data_only=True, keep_links=False)
    except Exception:  # noqa: BLE001 -- openpyxl raises many kinds on malformed parts
        raise ImportRejected(
            _("'{name}' okunamadı: .xlsx dosyası bozuk. Excel'de açıp yeniden kaydedin.").format(name=xlsx.name)
        ) from None
    try:
        problems = [
            _(
                "'{t}' sayfası yok; plan tablosunun sayfalarını silmeyin ve adlarını değiştirmeyin ('faaliyet plan template' ile alınan tabloyu doldurun)"
            ).format(t=t)
            for t in [PLAN_SHEET] + [s.title for s in SHEETS]
            if t not in book.sheetnames
        ]
        name, period = _plan_info(book[PLAN_SHEET], problems) if PLAN_SHEET in book.sheetnames else (None, None)
        rows = {}
        for sheet in SHEETS:
            rows[sheet.level] = _read_sheet(book[sheet.title], sheet, problems) if sheet.title in book.sheetnames else []
        return name, period, rows, problems
    except ImportRejected:
        raise
    except Exception:  # noqa: BLE001 -- any other failure inside openpyxl: the file is malformed
        raise ImportRejected(
            _("'{name}' okunamadı: .xlsx dosyası bozuk. Excel'de açıp yeniden kaydedin.").format(name=xlsx.name)
        ) from None
    finally:
        book.close()


def _same(a, b: str) -> bool:
    return isinstance(a, str) and " ".join(casefold(a).split()) == casefold(b)


def _plan_info(ws, problems: list[str]) -> tuple[str | None, str | None]:
    values = {}
    with ws._get_source() as source:  # the sheet's XML: what data_only hides
        problems += cell_problems(source, PLAN_SHEET, {(r, c) for r in range(2, 2 + len(PLAN_LABELS)) for c in (1, 2)})
    cells = [tuple(row) for row in ws.iter_rows(min_row=2, max_row=1 + len(PLAN_LABELS), max_col=2)]
    for i, (attr, label) in enumerate(PLAN_LABELS):
        r = i + 2
        row = cells[i] if i < len(cells) else ()
        if len(row) < 2 or not _same(row[0].value, label):
            problems.append(
                _("{plan_sheet}!A{r}: '{label}' yazmalı; bu sayfanın satırlarını kaydırmayın").format(
                    plan_sheet=PLAN_SHEET, r=r, label=label
                )
            )
            continue
        try:
            values[attr] = convert(row[1].value, "text")
        except ValueProblem as exc:
            problems.append(f"{PLAN_SHEET}!B{r}: {exc}")
    return values.get("name"), values.get("period")


def _read_sheet(ws, sheet: Sheet, problems: list[str]) -> list[Row]:
    """The typed rows of one list sheet; problems (with addresses) added to ``problems``."""
    ncols = len(sheet.columns)
    limit = ROW_LIMITS[sheet.level]
    rows: list[Row] = []
    last = 1
    for r, cells in enumerate(ws.iter_rows(min_row=1, max_col=ncols), 1):
        cells = tuple(cells) + (None,) * (ncols - len(cells))
        if r == 1:
            wrong = [
                _(
                    "{title}!{get_column_letter}1: başlık '{header}' olmalı; sütunları silmeyin, yerlerini ve başlıklarını değiştirmeyin"
                ).format(title=sheet.title, get_column_letter=get_column_letter(col), header=column.header)
                for col, (column, cell) in enumerate(zip(sheet.columns, cells), 1)
                if not _same(getattr(cell, "value", None), column.header)
                and not (column.field in OPTIONAL_COLUMNS and getattr(cell, "value", None) is None)
            ]
            if wrong:  # the columns cannot be trusted to mean what they should
                problems += wrong
                return []
            continue
        last = r
        if r > limit + 1 + MAX_BLANK_ROWS:
            raise ImportRejected(
                str(REFUSED),
                [
                    _(
                        "'{title}' sayfası olağandışı büyük: {r}. satırdan sonra da satır var, en çok {limit} satır olabilir. Tablonun altındaki boş ya da fazla satırları silin"
                    ).format(title=sheet.title, r=grouped(r - 1), limit=grouped(limit))
                ],
            )
        if all(getattr(c, "value", None) is None for c in cells):
            continue
        if len(rows) >= limit:
            raise ImportRejected(
                str(REFUSED),
                [
                    _("{title}!A{r}: bu sayfada en çok {limit} satır olabilir (planın sınırı); fazla satırları silin").format(
                        title=sheet.title, r=r, limit=grouped(limit)
                    )
                ],
            )
        rows.append(_row(sheet, r, cells, problems))
    with ws._get_source() as source:  # the sheet's XML: what data_only hides
        problems += cell_problems(source, sheet.title, {(r, c) for r in range(1, last + 1) for c in range(1, ncols + 1)})
    return rows


def _row(sheet: Sheet, r: int, cells, problems: list[str]) -> Row:
    values, places = {}, {}
    for col, (column, cell) in enumerate(zip(sheet.columns, cells), 1):
        where = f"{sheet.title}!{get_column_letter(col)}{r}"
        places[column.field] = where
        raw = getattr(cell, "value", None)
        kind = NUMBER_KINDS.get(column.field, "text")
        fmt = getattr(cell, "number_format", "General") or "General"
        try:
            values[column.field] = convert(raw, kind, fmt)
            if column.field == "weight" and isinstance(raw, (int, float)) and values[column.field] is not None:
                values[column.field] = _as_shown(values[column.field], fmt)
        except ValueProblem as exc:
            problems.append(f"{where}: {column.header.lower()}: {exc}")
            values[column.field] = None
    return Row(values, places, f"{sheet.title}!A{r}")


def _as_shown(value: Decimal, fmt: str) -> Decimal:
    """A weight with the decimals its cell shows (3.6 shown as 3,60 was given with two), unless it has more."""
    shown = _shown_decimals(fmt)
    exponent = value.as_tuple().exponent
    if shown and isinstance(exponent, int) and -exponent <= shown:
        return value.quantize(Decimal(1).scaleb(-shown))
    return value


def _shown_decimals(fmt: str) -> int:
    """Decimals a number format shows: 2 for '#,##0.00' (its first section; '#' places are optional, not counted)."""
    body = re.sub(r'"[^"]*"|\\.', "", fmt.split(";")[0])
    if "." not in body:
        return 0
    decimals = body.split(".", 1)[1]
    return len(decimals) - len(decimals.lstrip("0"))


def _check_loads(folder: Path, text: str, plan: PlanDef) -> None:
    """The definition loads with the new plan (from a temporary copy of what it reads), and gives the same plan."""
    # a copy that cannot be removed (a scanner holding it on Windows) is no reason to refuse the plan
    with tempfile.TemporaryDirectory(prefix="faaliyet-plan-", ignore_cleanup_errors=True) as tmp:
        copy = Path(tmp) / folder.name
        _copy_definition(folder, copy)
        (copy / "plan.yaml").write_text(text, encoding="utf-8")
        try:
            loaded = load_definition(copy)
        except DefinitionError as exc:
            raise ImportRejected(
                str(REFUSED), _at_most([_("tanım yeni planla yüklenemiyor:")] + [str(p) for p in exc.problems])
            ) from None
    if loaded.plan != plan:  # a safety net: the YAML must give back exactly the plan read
        raise ImportRejected(
            str(REFUSED),
            [_("yazılacak plan.yaml tablodaki planı tam olarak vermiyor; bu bir uygulama hatası, tabloyu destek için saklayın")],
        )


COPIED = {".yaml", ".yml", ".png", ".jpg", ".jpeg"}  # what a definition's files and the images it names can be


def _copy_definition(folder: Path, copy: Path) -> None:
    """What ``load_definition`` may read: the YAML files and the images (the logo, any image the definition names).

    Only regular files inside the folder (a link is followed only when it stays inside, as the loader does);
    plan.yaml is written by the caller.
    """
    base = folder.resolve()
    copy.mkdir(parents=True)
    for source in sorted(folder.rglob("*")):
        relative = source.relative_to(folder)
        if source.suffix.lower() not in COPIED or relative == Path("plan.yaml"):
            continue
        real = source.resolve()
        if not real.is_relative_to(base) or not real.is_file():
            continue
        (copy / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(real, copy / relative)

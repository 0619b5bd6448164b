"""A filled Excel template back into a workbook, through the value-set checks.

The file is untrusted: it must be a real .xlsx (a zip of a sane size with no
DTDs), is read with openpyxl in read-only, data-only mode, and every failure
becomes a Turkish ``ImportRejected``. Cells are found through the template's
very hidden map sheet, never through the visible text. Formulas without a
cached value, merged input cells and error values are refused with their
address (``excel_cells``), since each would change or delete a value
silently. Cell contents become
typed values (numbers as they are; text typed into a number cell is parsed
the Turkish way and ambiguous text is refused), the changed cells become a
value set, and ``valueset.import_values`` applies it: all or nothing, every
problem named by sheet and cell ("Gelirler!C5: …").
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter

from ...core.dates import DateError, format_date, parse_date
from ...core.i18n import _
from ...core.numbers import NumberError, parse_number
from ...core.turkish import nfc
from ...core.values import ValueProblem, coerce
from ..errors import ImportRejected
from ..file.workbook import Workbook
from . import excel as xl
from .excel_cells import cell_problems
from .valueset import FORMAT, FORMAT_VERSION, import_values

MAX_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED = 50 * 1024 * 1024  # a real template is well under 5 MB
MAX_PARTS = 2_000
MAX_CELLS = 50_000
MAX_ROW, MAX_COL = 100_000, 200
TEXT_TYPES = ("text", "longtext")
PLAN_TYPES = {
    ("gosterge", "actual"): "decimal",
    ("gosterge", "explanation"): "longtext",
    ("gosterge", "source"): "text",
    ("faaliyet", "actual_cost"): "money",
    ("faaliyet", "explanation"): "longtext",
    ("faaliyet", "source"): "text",
}
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
_QUOTED = re.compile(r"'([a-z][a-z0-9_.]*)'")


@dataclass(frozen=True)
class MappedCell:
    sheet: str
    cell: str
    kind: str  # deger | gosterge | faaliyet
    key: str
    attr: str  # value | actual | actual_cost | explanation | source
    type: str
    original: str  # JSON of the value the template was written with, "" if none

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}"


def check_xlsx(path: Path) -> None:
    """Refuse anything that is not a plain, reasonably sized .xlsx."""
    name = path.name
    if not path.exists():
        raise ImportRejected(_("'{name}' bulunamadı. Dosyanın yerini ve adını kontrol edin.").format(name=name))
    if not path.is_file():
        raise ImportRejected(_("'{name}' bir dosya değil. Doldurulmuş .xlsx şablonunu seçin.").format(name=name))
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ImportRejected(
            _("'{name}' okunamadı ({strerror}). Dosya başka bir programda açıksa kapatın.").format(
                name=name, strerror=exc.strerror
            )
        ) from None
    if size == 0:
        raise ImportRejected(_("'{name}' boş (0 bayt). Şablonu yeniden kaydedin.").format(name=name))
    if size > MAX_BYTES:
        raise ImportRejected(_("'{name}' çok büyük (en çok 20 MB). Doğru dosyayı seçtiğinizden emin olun.").format(name=name))
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRejected(
            _(
                "'{name}' eski Excel (.xls) biçiminde ya da parolayla korunmuş. Excel'de parolasız, 'Excel Çalışma Kitabı (.xlsx)' olarak kaydedip yeniden deneyin."
            ).format(name=name)
        )
    if not head.startswith(b"PK\x03\x04"):
        raise ImportRejected(
            _("'{name}' bir Excel (.xlsx) dosyası değil. Faaliyet'in verdiği şablonu doldurup seçin.").format(name=name)
        )
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > MAX_PARTS or sum(i.file_size for i in infos) > MAX_UNCOMPRESSED:
                raise ImportRejected(_("'{name}' olağandışı büyüklükte içerik taşıyor; içe aktarılmadı.").format(name=name))
            names = {i.filename for i in infos}
            if not {"[Content_Types].xml", "xl/workbook.xml"} <= names:
                raise ImportRejected(_("'{name}' bir Excel çalışma kitabı değil (gerekli parçalar yok).").format(name=name))
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")) and _has_dtd(z, info):
                    raise ImportRejected(
                        _("'{name}' içinde izin verilmeyen XML tanımı (DTD) var; içe aktarılmadı.").format(name=name)
                    )
    except ImportRejected:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        ValueError,
        NotImplementedError,
        EOFError,
        RuntimeError,
    ):
        raise ImportRejected(
            _("'{name}' bozuk ya da eksik kopyalanmış bir .xlsx dosyası. Şablonu Excel'de açıp yeniden kaydedin.").format(
                name=name
            )
        ) from None


def _has_dtd(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    with z.open(info) as fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            if _DTD.search(data) or _DTD.search(data.replace(b"\x00", b"")):
                return True
            tail = data[-32:]
    return False


def read_template(path: Path | str) -> tuple[dict, list[MappedCell], dict[tuple[str, str], tuple[object, str]]]:
    """(identity, mapped cells, {(sheet, cell): (value, number format)}) or ImportRejected."""
    path = Path(path)
    check_xlsx(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception:  # noqa: BLE001 -- openpyxl raises many kinds on malformed parts
        raise ImportRejected(
            _("'{name}' okunamadı: .xlsx dosyası bozuk. Şablonu Excel'de açıp yeniden kaydedin.").format(name=path.name)
        ) from None
    try:
        if xl.MAP_SHEET not in book.sheetnames:
            raise ImportRejected(
                _(
                    "'{name}' bir Faaliyet Excel şablonu değil (anahtar sayfası yok). 'faaliyet excel template' ile üretilen şablonu doldurun."
                ).format(name=path.name)
            )
        meta, cells = _read_map(book[xl.MAP_SHEET], path.name)
        values: dict[tuple[str, str], tuple[object, str]] = {}
        problems: list[str] = []
        by_sheet: dict[str, list[MappedCell]] = {}
        for c in cells:
            by_sheet.setdefault(c.sheet, []).append(c)
        for sheet, mapped in by_sheet.items():
            if sheet not in book.sheetnames:
                problems.append(
                    _("'{sheet}' sayfası dosyada yok; şablonun sayfalarını silmeyin ve adlarını değiştirmeyin").format(
                        sheet=sheet
                    )
                )
                continue
            wanted = {_rc(c.cell) for c in mapped}
            max_row = max(r for r, _col in wanted)
            max_col = max(col for _row, col in wanted)
            ws = book[sheet]
            with ws._get_source() as source:  # type: ignore[attr-defined]  # read-only sheet's XML (not in the stubs): what data_only hides
                problems += cell_problems(source, sheet, wanted)
            for r, row in enumerate(ws.iter_rows(min_row=1, max_row=max_row, min_col=1, max_col=max_col), 1):
                for col, cell in enumerate(row, 1):
                    if (r, col) in wanted:
                        values[(sheet, f"{get_column_letter(col)}{r}")] = (
                            cell.value,
                            getattr(cell, "number_format", "General") or "General",
                        )
        if problems:
            raise ImportRejected(_("Excel şablonu içe aktarılmadı; dosya olduğu gibi kaldı:"), problems)
        return meta, cells, values
    except ImportRejected:
        raise
    except Exception:  # noqa: BLE001 -- any other failure inside openpyxl: the file is malformed
        raise ImportRejected(
            _("'{name}' okunamadı: .xlsx dosyası bozuk. Şablonu Excel'de açıp yeniden kaydedin.").format(name=path.name)
        ) from None
    finally:
        book.close()


def _rc(coord: str) -> tuple[int, int]:
    letters, row = coordinate_from_string(coord)
    return row, column_index_from_string(letters)


def _read_map(ws, name: str) -> tuple[dict, list[MappedCell]]:
    broken = _("'{name}' içindeki şablon anahtarları bozulmuş; şablonu yeniden alın.").format(name=name)
    meta: dict[str, object] = {}
    cells: list[MappedCell] = []
    header_seen = False
    for i, row in enumerate(ws.iter_rows(values_only=True, max_col=7), 1):
        if i > MAX_CELLS + 20:
            raise ImportRejected(broken)
        row = tuple(row) + (None,) * (7 - len(row))
        if not header_seen:
            if row[0] == "sayfa":
                header_seen = True
            elif isinstance(row[0], str):
                meta[row[0]] = row[1]
            continue
        if all(v is None for v in row):
            continue
        sheet, cell, kind, key, attr, type_, original = row
        if not all(isinstance(v, str) for v in (sheet, cell, kind, key, attr, type_)):
            raise ImportRejected(broken)
        try:
            r, c = _rc(cell)
        except (ValueError, TypeError):
            raise ImportRejected(broken) from None
        if not (1 <= r <= MAX_ROW and 1 <= c <= MAX_COL):
            raise ImportRejected(broken)
        cells.append(MappedCell(sheet, cell.upper(), kind, key, attr, type_, original if isinstance(original, str) else ""))
    if not header_seen or meta.get("format") != xl.TEMPLATE_FORMAT:
        raise ImportRejected(
            _("'{name}' bir Faaliyet Excel şablonu değil. 'faaliyet excel template' ile üretilen şablonu doldurun.").format(
                name=name
            )
        )
    if str(meta.get("format_version")).split(".")[0] != str(xl.TEMPLATE_VERSION):
        raise ImportRejected(_("'{name}' bu sürümün okuyamadığı bir şablon sürümünde; şablonu yeniden alın.").format(name=name))
    return meta, cells


def convert(value, type_: str, number_format: str = "General"):
    """A cell's content as a typed value (None for empty); ValueProblem in Turkish."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueProblem(_("DOĞRU/YANLIŞ değeri geldi; bir değer yazın"))
    if type_ in TEXT_TYPES:
        if isinstance(value, str):
            return nfc(value.replace("\r\n", "\n").strip())
        if isinstance(value, dt.datetime):
            return format_date(value.date())
        if isinstance(value, float):
            return format(value, ".15g")
        return str(value)
    if type_ == "date":
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return parse_date(value)
            except DateError as exc:
                raise ValueProblem(str(exc)) from None
        raise ValueProblem(_("tarih bekleniyordu, {value} geldi; gün.ay.yıl biçiminde yazın, ör. 31.12.2020").format(value=value))
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise ValueProblem(_("sayı bekleniyordu, tarih geldi; hücreye sayı yazın"))
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("#"):
            raise ValueProblem(_("hücrede Excel hatası var ({text}); bir sayı yazın").format(text=text))
        try:
            return parse_number(text, type_)
        except NumberError as exc:
            raise ValueProblem(str(exc)) from None
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueProblem(_("geçersiz sayı"))
        number = Decimal(format(value, ".15g"))  # Excel keeps 15 significant digits
    else:
        raise ValueProblem(_("sayı bekleniyordu, {name} geldi").format(name=type(value).__name__))
    if _real_percent(number_format):
        number *= 100  # "%92" typed into the cell: Excel stored 0.92 and shows %92; 92 is meant
    number = number.normalize()
    return int(number) if type_ == "count" and number == number.to_integral_value() else number


def _real_percent(fmt: str) -> bool:
    """An Excel percent format (× 100 on display): a '%' outside quotes."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", fmt or "")


def _same(type_: str, original: str, new) -> bool:
    try:
        old = None if not original else coerce(type_, json.loads(original, parse_float=Decimal))
        new = coerce(type_, new)
    except (ValueProblem, ValueError, TypeError):
        return False
    if type_ in TEXT_TYPES:
        return (old or None) == (new or None)
    return old == new


def _empty(entries, c: MappedCell) -> bool:
    """Whether the workbook holds nothing for the cell's value."""
    if c.kind == "deger":
        return entries.values.get(c.key) is None
    plan = entries.indicators if c.kind == "gosterge" else entries.activities
    entry = plan.get(c.key)
    return entry is None or getattr(entry, c.attr, None) in (None, "")


@dataclass
class TemplateChanges:
    """What a filled template would change, checked but not written: the batch ``Workbook.apply``
    takes (``values``, ``indicators``, ``activities``) and, per key, the cell it came from."""

    department: str
    values: dict[str, object]
    indicators: dict[str, dict]
    activities: dict[str, dict]
    where: dict[str, str]
    cells: dict[str, str]  # place (a value key, or "<plan key>.<attribute>") -> its template cell

    def __len__(self) -> int:
        return len(self.values) + sum(len(a) for a in self.indicators.values()) + sum(len(a) for a in self.activities.values())


def import_template(wb: Workbook, path: Path | str) -> int:
    """Apply the changed cells of a filled template; returns the number of values changed."""
    changes = template_changes(wb, path, check=False)
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "institution": wb.definition.institution.key,
        "year": wb.year,
        "department": changes.department,
        "values": [{"field": k, "value": v} for k, v in changes.values.items()],
        "indicators": [{"key": k, **attrs} for k, attrs in changes.indicators.items()],
        "activities": [{"key": k, **attrs} for k, attrs in changes.activities.items()],
    }
    try:
        return import_values(wb, data)
    except ImportRejected as exc:
        raise ImportRejected(
            _("Excel şablonu içe aktarılmadı; dosya olduğu gibi kaldı:"), [_locate(p, changes.where) for p in exc.problems]
        ) from None


def template_changes(wb: Workbook, path: Path | str, check: bool = True) -> TemplateChanges:
    """Read and check a filled template against ``wb`` without writing: what it would change
    (the window shows it before applying it as one undoable step), or ImportRejected with
    every problem named by sheet and cell. ``check=False``: the store's own checks of the
    values are left to the caller that writes them (``import_values`` runs them)."""
    path = Path(path)
    meta, cells, raw = read_template(path)
    problems = _identity_problems(wb, meta)
    if problems:
        raise ImportRejected(_("Excel şablonu bu dosyaya ait değil; hiçbir değer aktarılmadı:"), problems)
    # a template filled from this very file: only what a person changed counts;
    # from another file (or blank): every filled cell
    here = meta.get("prefilled") == "evet" and meta.get("source") == xl.workbook_identity(wb.meta)
    current = wb.entries() if here else None
    values: dict[str, object] = {}
    plan: dict[str, dict[str, dict]] = {"gosterge": {}, "faaliyet": {}}
    where: dict[str, str] = {}
    places: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for c in cells:
        type_ = _type_of(wb, c, problems)
        if type_ is None:
            continue
        if (c.key, c.attr) in seen:
            problems.append(
                _("{where}: şablon anahtarları bozulmuş ('{key}' iki kez); şablonu yeniden alın").format(where=c.where, key=c.key)
            )
            continue
        seen.add((c.key, c.attr))
        value, fmt = raw.get((c.sheet, c.cell), (None, "General"))
        try:
            typed = convert(value, type_, fmt)
        except ValueProblem as exc:
            problems.append(f"{c.where}: {exc}")
            continue
        if c.kind == "deger" or c.attr in ("actual", "actual_cost"):
            where.setdefault(c.key, c.where)
        places[c.key if c.kind == "deger" else f"{c.key}.{c.attr}"] = c.where
        if _same(type_, c.original if here else "", typed) and not (here and typed is not None and _empty(current, c)):
            continue  # unchanged in Excel (a value emptied in the file meanwhile is filled again)
        if c.kind == "deger":
            values[c.key] = typed
        else:
            plan[c.kind].setdefault(c.key, {})[c.attr] = "" if typed is None and type_ in TEXT_TYPES else typed
    if problems or check:  # also list what the store would refuse, without writing
        problems += [_locate(p, where) for p in wb.prepare(values, plan["gosterge"], plan["faaliyet"])[2]]
    if problems:
        raise ImportRejected(_("Excel şablonu içe aktarılmadı; dosya olduğu gibi kaldı:"), problems)
    return TemplateChanges(str(meta["department"]), values, plan["gosterge"], plan["faaliyet"], where, places)


def _type_of(wb: Workbook, c: MappedCell, problems: list[str]) -> str | None:
    """The value's type from the workbook's definition (the map's own type is not trusted)."""
    if c.kind == "deger" and c.attr == "value":
        slot = wb.definition.slots.get(c.key)
        if slot is None or slot.computed:
            problems.append(
                _("{where}: '{key}' bu dosyanın formunda girilebilen bir alan değil; şablonu yeniden alın").format(
                    where=c.where, key=c.key
                )
            )
            return None
        return slot.type
    type_ = PLAN_TYPES.get((c.kind, c.attr))
    if type_ is None:
        problems.append(_("{where}: şablon anahtarları bozulmuş; şablonu yeniden alın").format(where=c.where))
    return type_


def _identity_problems(wb: Workbook, meta: dict) -> list[str]:
    d = wb.definition
    out = []
    if meta.get("institution") != d.institution.key:
        out.append(
            _("şablonun kurumu '{get}', bu dosyanın kurumu '{key}'").format(get=meta.get("institution"), key=d.institution.key)
        )
    if str(meta.get("year")).split(".")[0] != str(wb.year):
        out.append(_("şablon {get} yılı için, bu dosya {year} yılı için").format(get=meta.get("year"), year=wb.year))
    dept = meta.get("department")
    if wb.department and dept != wb.department:
        out.append(
            _("şablon '{dept}' birimi için, bu dosya '{department}' biriminin").format(dept=dept, department=wb.department)
        )
    elif not wb.department and d.department(str(dept)) is None:
        out.append(_("şablonun birimi '{dept}' bu yılın tanımında yok").format(dept=dept))
    if not out and meta.get("definition_digest") != d.digest:
        out.append(
            _(
                "şablon başka bir form tanımından üretilmiş (form değişmiş); bu dosyadan yeni şablon alın: faaliyet excel template BİRİM --from DOSYA"
            )
        )
    return out


def _locate(problem: str, where: dict[str, str]) -> str:
    """Prefix a store message that names a key with the cell it came from."""
    for m in _QUOTED.finditer(problem):
        if m.group(1) in where:
            return f"{where[m.group(1)]}: {problem}"
    return problem

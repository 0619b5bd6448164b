"""Value sets: a department's entries as a JSON (or CSV) document.

Format, version 1 (documented in ``forms/README.md``)::

    {"format": "faaliyet-degerler", "format_version": 1,
     "institution": "<kurum>", "year": <yıl>, "department": "<birim>",
     "values": [{"field": "<birim>.<bölüm>.<alan>", "value": 78}],
     "indicators": [{"key": "<gösterge>", "actual": 4, "explanation": "", "source": ""}],
     "activities": [{"key": "<faaliyet>", "actual_cost": 1250.5, "explanation": "", "source": ""}]}

(the keys are those of the year's definition; ``faaliyet fields`` lists them)

Import is all-or-nothing: every problem is listed and the file is unchanged.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

from ...core.i18n import _
from ...core.values import to_json
from ..errors import ImportRejected, WorkbookError
from ..file.workbook import Workbook

FORMAT = "faaliyet-degerler"
FORMAT_VERSION = 1
MAX_BYTES = 20 * 1024 * 1024


def read_json(path: Path | str) -> dict:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportRejected(
                _("'{name}' çok büyük (en çok 20 MB); doğru dosyayı seçtiğinizden emin olun.").format(name=path.name)
            )
        if path.suffix.lower() in (".csv", ".xlsx", ".xls"):
            raise ImportRejected(_not_json(path))
        # utf-8-sig: a file saved as "UTF-8" by Notepad begins with a byte order mark
        data = json.loads(path.read_text(encoding="utf-8-sig"), parse_float=Decimal, object_pairs_hook=_unique_keys)
    except DuplicateKey as exc:
        raise ImportRejected(
            _(
                "'{name}' içinde '{key}' anahtarı aynı nesnede iki kez geçiyor; hangisinin geçerli olduğu belli değil. Fazla olanı silip yeniden deneyin."
            ).format(name=path.name, key=exc.key)
        ) from None
    except FileNotFoundError:
        raise ImportRejected(_("'{name}' bulunamadı.").format(name=path.name)) from None
    except UnicodeDecodeError:
        raise ImportRejected(_("'{name}' UTF-8 değil; dosyayı UTF-8 olarak kaydedin.").format(name=path.name)) from None
    except json.JSONDecodeError as exc:
        raise ImportRejected(
            _("'{name}' geçerli bir JSON değil (satır {lineno}, sütun {colno}: {msg}).").format(
                name=path.name, lineno=exc.lineno, colno=exc.colno, msg=exc.msg
            )
        ) from None
    except RecursionError:
        raise ImportRejected(
            _("'{name}' çok derin iç içe yapı içeriyor; geçerli bir değer dosyası değil.").format(name=path.name)
        ) from None
    if not isinstance(data, dict):
        raise ImportRejected(_("'{name}' bir değer dosyası değil: en dışta {{...}} nesnesi olmalı.").format(name=path.name))
    return data


def _not_json(path: Path) -> str:
    """A CSV or Excel file given where a value set (JSON) is read: what to do with it instead."""
    if path.suffix.lower() == ".csv":
        return _(
            "'{name}' bir CSV dosyası: CSV yalnızca dışa aktarılır (Excel'de okumak için), içe aktarılmaz. Değerleri "
            "Excel'de doldurup almak için birimin şablonunu kullanın: faaliyet excel template, sonra faaliyet excel import."
        ).format(name=path.name)
    return _(
        "'{name}' bir Excel dosyası, değer dosyası (JSON) değil. Doldurulmuş Excel şablonunu almak için: faaliyet excel import."
    ).format(name=path.name)


class DuplicateKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object whose keys are unique (json keeps the last of duplicates silently)."""
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise DuplicateKey(key)
        out[key] = value
    return out


# the keys of a value set's outer object
OWN_KEYS = frozenset(
    ("format", "format_version", "institution", "year", "department", "values", "indicators", "activities", "exported_at")
)


def _not_a_value_set(wb: Workbook, data: dict) -> str:
    """Why ``data``, with none of a value set's own keys, is refused: one message, not one per key."""
    fields = [k for k in data if k in wb.definition.slots]
    if fields:  # {"<alan>": değer, …}: the natural first guess at the format
        return _(
            "Bu bir Faaliyet değer dosyası değil: alanlar ('{key}' gibi) en dışta yazılmış. Değer dosyasında her alan "
            '"values" listesinde {{"field": "{key}", "value": …}} olarak, kurum, yıl ve birimle birlikte yer alır. '
            "Biçim ve örnek: forms/README.md, “Değer dosyası”; alanların anahtarları: faaliyet fields DOSYA."
        ).format(key=fields[0])
    return _(
        "Bu bir Faaliyet değer dosyası değil: 'format', 'institution', 'year', 'department' ve 'values' "
        "anahtarlarının hiçbiri yok. Biçim ve örnek: forms/README.md, “Değer dosyası”; alanların anahtarları: "
        "faaliyet fields DOSYA."
    )


def import_values(wb: Workbook, data: dict) -> int:
    """Check a value set against the workbook and apply it in one transaction."""
    if not OWN_KEYS & set(data):
        raise ImportRejected(_("Değer dosyası içe aktarılmadı; dosya olduğu gibi kaldı:"), [_not_a_value_set(wb, data)])
    problems: list[str] = []
    inst = data.get("institution")
    if inst is None:
        problems.append(
            _("kurum ('institution') yazılmamış; bu dosyanın kurumu '{key}'").format(key=wb.definition.institution.key)
        )
    elif inst not in (wb.definition.institution.key, wb.definition.institution.name):
        problems.append(_("kurum '{inst}', bu dosyanın kurumu '{key}'").format(inst=inst, key=wb.definition.institution.key))
    if data.get("year") is None:
        problems.append(_("yıl ('year') yazılmamış; bu dosyanın yılı {year}").format(year=wb.year))
    elif data.get("year") != wb.year and str(data.get("year")) != str(wb.year):
        problems.append(_("yıl {get}, bu dosyanın yılı {year}").format(get=data.get("year"), year=wb.year))
    dept = data.get("department")
    if dept is None:
        problems.append(
            _("birim ('department') yazılmamış; bu dosyanın birimi '{department}'").format(department=wb.department)
            if wb.department
            else _("birim ('department') yazılmamış: birleşik dosyaya hangi birimin değerleri olduğu yazılmalı")
        )
    elif wb.department and dept != wb.department:
        problems.append(_("birim '{dept}', bu dosyanın birimi '{department}'").format(dept=dept, department=wb.department))
    elif not wb.department and wb.definition.department(str(dept)) is None:
        problems.append(_("'{dept}' tanımlı bir birim değil").format(dept=dept))
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT or data.get("format_version", FORMAT_VERSION) != FORMAT_VERSION:
        problems.append(
            _("biçim '{fmt}' sürüm {get}; beklenen '{format}' sürüm {format_version}").format(
                fmt=fmt, get=data.get("format_version"), format=FORMAT, format_version=FORMAT_VERSION
            )
        )
    unknown = set(data) - OWN_KEYS
    problems += [_("bilinmeyen alan '{k}'").format(k=k) for k in sorted(unknown)]

    values = _rows(data, "values", ("field", "value"), "field", problems)
    indicators = _rows(data, "indicators", ("key", "actual", "explanation", "source"), "key", problems)
    activities = _rows(data, "activities", ("key", "actual_cost", "explanation", "source"), "key", problems)
    scope = dept if not wb.department else wb.department
    for key in values:
        slot = wb.definition.slots.get(key)
        if slot is not None and slot.department != scope:
            problems.append(
                _("'{key}' '{department}' birimine ait, değer dosyası '{scope}' birimi için").format(
                    key=key, department=slot.department, scope=scope
                )
            )
    batch = dict(
        values={k: v.get("value") for k, v in values.items()},
        indicators={k: {a: v[a] for a in ("actual", "explanation", "source") if a in v} for k, v in indicators.items()},
        activities={k: {a: v[a] for a in ("actual_cost", "explanation", "source") if a in v} for k, v in activities.items()},
    )
    cells, plan_rows, found = wb.prepare(**batch)
    problems += found
    if problems:
        raise ImportRejected(_("Değer dosyası içe aktarılmadı; dosya olduğu gibi kaldı:"), problems)
    return wb.write_prepared(cells, plan_rows)


def _rows(data: dict, name: str, allowed: tuple, id_field: str, problems: list[str]) -> dict:
    rows = data.get(name, [])
    out: dict[str, dict] = {}
    if not isinstance(rows, list):
        problems.append(_("'{name}' bir liste olmalı").format(name=name))
        return out
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            problems.append(_('{name}[{i}] bir nesne olmalı ({{"{id_field}": ...}})').format(name=name, i=i, id_field=id_field))
            continue
        key = row.get(id_field)
        if not isinstance(key, str):
            # the shape of a row, as the export writes it ('values' name their key "field", the others "key")
            shape = "{" + ", ".join(f'"{a}": …' for a in (id_field, *(a for a in allowed if a != id_field))) + "}"
            problems.append(
                _("{name}[{i}]: '{id_field}' eksik; bir satır {shape} biçimindedir").format(
                    name=name, i=i, id_field=id_field, shape=shape
                )
            )
            continue
        extra = set(row) - set(allowed)
        if extra:
            problems.append(
                _("{name}[{i}] ({key}): bilinmeyen alan {join}").format(name=name, i=i, key=key, join=", ".join(sorted(extra)))
            )
        if key in out:
            problems.append(_("'{key}' iki kez verilmiş").format(key=key))
        out[key] = row
    return out


def export_values(wb: Workbook, department: str | None = None, previous_year: bool = False) -> dict:
    """A department's values as a value set; ``previous_year``: last year's (the file's history),
    with ``"year": N-1``."""
    dept = department or wb.department
    if previous_year:
        before = wb.previous()
        if before is None:
            raise WorkbookError(
                _("'{name}' geçen yılın ({year}) değerlerini taşımıyor. Geçen yılı 'faaliyet year history' ile ekleyin.").format(
                    name=wb.path.name, year=wb.year - 1
                )
            )
        entries = before
    else:
        entries = wb.entries()
    slots = wb.definition.slots
    values = [
        {"field": k, "value": to_json(slots[k].type, v)} for k, v in sorted(entries.values.items()) if slots[k].department == dept
    ]
    indicators = [
        {"key": i.key, "actual": to_json("decimal", e.actual), "explanation": e.explanation, "source": e.source}
        for i in wb.definition.indicators_of(dept)
        if (e := entries.indicators.get(i.key)) is not None
    ]
    activities = [
        {"key": a.key, "actual_cost": to_json("money", ae.actual_cost), "explanation": ae.explanation, "source": ae.source}
        for a in wb.definition.activities_of(dept)
        if (ae := entries.activities.get(a.key)) is not None
    ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "institution": wb.definition.institution.key,
        "year": wb.year - 1 if previous_year else wb.year,
        "department": dept,
        "values": values,
        "indicators": indicators,
        "activities": activities,
    }


# what a CSV file starts with so that Excel reads it as UTF-8 (without it, Turkish Excel takes the
# PC's code page, and "Müdürlüğü" comes out "MÃ¼dÃ¼rlÃ¼ÄŸÃ¼")
CSV_BOM = "\ufeff"


def to_csv(data: dict) -> str:
    """A value set as CSV as Turkish Excel opens it: kind;key;value;explanation;source, semicolons,
    decimal commas (63018608,43: with a dot, Turkish Excel reads no number, the dot being its
    thousands separator). Written to a file it starts with ``CSV_BOM``.

    Every cell goes through ``csv_cell``: text a spreadsheet would run as a
    formula is neutralised and every text cell is quoted (OWASP CSV injection;
    quoting also keeps a carriage return inside its cell); numbers are written
    bare, so -5 stays the number -5.
    """
    buf = io.StringIO()
    buf.write("tur;anahtar;deger;aciklama;kaynak\n")
    w = csv.writer(buf, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    rows = [("alan", r["field"], r["value"], "", "") for r in data["values"]]
    rows += [("gosterge", r["key"], r["actual"], r["explanation"], r["source"]) for r in data["indicators"]]
    rows += [("faaliyet", r["key"], r["actual_cost"], r["explanation"], r["source"]) for r in data["activities"]]
    for row in rows:
        w.writerow([csv_cell(v) for v in row])
    return buf.getvalue()


# what makes a spreadsheet read a cell as a formula (OWASP), with the fullwidth
# forms some spreadsheet programs fold into them
FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


class CommaDecimal(Decimal):
    """A number the csv writer leaves bare (it is a number) and writes with a decimal comma."""

    def __str__(self) -> str:
        return format(self, "f").replace(".", ",")


def csv_cell(v):
    """One CSV cell: numbers as numbers (-5 stays -5; a fraction with a decimal comma); text that
    starts like a formula gets a leading '."""
    if v is None:
        return ""
    if isinstance(v, int) and not isinstance(v, bool):
        return v
    if isinstance(v, (float, Decimal)):
        return CommaDecimal(repr(v) if isinstance(v, float) else v)
    text = str(v)
    return "'" + text if text.startswith(FORMULA_LEAD) else text


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)

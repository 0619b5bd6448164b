"""The strategic plan as a spreadsheet a strategy unit fills in Excel (``faaliyet plan template``).

Sheets: "Plan" (the plan's name and period), then one list per level of the
plan — "Amaçlar", "Hedefler" (naming their aim's code), "Performans
Hedefleri" (naming their goal's code), "Göstergeler" and "Faaliyetler"
(naming their performance target's key) — and "Birimler", the definition's
departments, for reference. Row 1 of each list holds its Turkish headers
(frozen); numbers are numbers; the direction, the department and each parent
column offer a drop-down list (warning only: the import checks everything).
``SHEETS`` is the one description of the layout: the import
(``plan_import``) reads the same sheets and columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook as XlsxBook
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from ...core.definition import Definition
from ...core.plan import DIRECTION_LABELS, PlanDef
from ...core.plan_rows import plan_rows
from . import excel as xl


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    width: float
    number_format: str = xl.TEXT_FORMAT  # numbers: a number format; text: "@"


@dataclass(frozen=True)
class Sheet:
    level: str
    title: str
    columns: tuple[Column, ...]


PLAN_SHEET = "Plan"
PLAN_LABELS = (("name", "Planın adı"), ("period", "Dönem"))
DEPARTMENTS_SHEET = "Birimler"
SHEETS = (
    Sheet("aims", "Amaçlar", (Column("code", "Amaç kodu", 12), Column("name", "Stratejik amaç", 90))),
    Sheet(
        "goals",
        "Hedefler",
        (Column("code", "Hedef kodu", 12), Column("name", "Stratejik hedef", 80), Column("parent", "Amaç kodu", 12)),
    ),
    Sheet(
        "targets",
        "Performans Hedefleri",
        (Column("key", "Anahtar", 14), Column("name", "Performans hedefi", 80), Column("parent", "Hedef kodu", 12)),
    ),
    Sheet(
        "indicators",
        "Göstergeler",
        (
            Column("key", "Anahtar", 14),
            Column("code", "Gösterge kodu", 13),
            Column("name", "Performans göstergesi", 60),
            Column("unit", "Ölçü birimi", 11),
            Column("direction", "Yön", 12),
            Column("baseline", "Başlangıç değeri (A)", 14, "#,##0.####"),
            Column("target", "Yıl hedefi (B)", 14, "#,##0.####"),
            Column("weight", "Hedefe etkisi (%)", 12, "#,##0.00"),
            Column("department", "Sorumlu birim", 22),
            Column("parent", "Performans hedefi", 16),
            Column("targets", "Yıllara göre hedefler", 28),  # "2020: 20; 2021: 22" (plan_rows.targets_text)
        ),
    ),
    Sheet(
        "activities",
        "Faaliyetler",
        (
            Column("key", "Anahtar", 14),
            Column("code", "Faaliyet kodu", 13),
            Column("name", "Faaliyet / proje", 70),
            Column("unit", "Ölçü birimi", 11),
            Column("planned_cost", "Planlanan maliyet (TL)", 18, xl.MONEY_FORMAT),
            Column("department", "Sorumlu birim", 22),
            Column("parent", "Performans hedefi", 16),
        ),
    ),
)
SPARE_ROWS = 500  # rows below the plan's that keep the drop-down lists, for new entries


@dataclass
class PlanTemplateResult:
    path: Path
    rows: dict[str, int]  # level -> rows written


def write_plan_template(definition: Definition, out: Path | str) -> PlanTemplateResult:
    """The definition's plan as a fillable .xlsx at ``out`` (written atomically)."""
    book = XlsxBook()
    book.remove(book.worksheets[0])  # a new book's one (active) sheet
    _plan_sheet(book, definition.plan)
    rows = plan_rows(definition.plan)
    written = {}
    for sheet in SHEETS:
        written[sheet.level] = _list_sheet(book, sheet, rows[sheet.level])
    _departments_sheet(book, definition)
    _validations(book, written, len(definition.departments))
    path = xl.save_deterministic(
        book, out, definition.institution.name, definition.year.year, f"{definition.plan.name} — plan şablonu"
    )
    return PlanTemplateResult(path, written)


def _header(ws, labels) -> None:
    for col, text in enumerate(labels, 1):
        c = ws.cell(1, col, text)
        c.font, c.fill, c.alignment, c.border = xl.BOLD, xl.HEADER_FILL, xl.HEADER_ALIGN, xl.GRID
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"


def _plan_sheet(book, plan: PlanDef) -> None:
    ws = book.create_sheet(PLAN_SHEET)
    _header(ws, ["Bilgi", "Değer"])
    for row, (name, label) in enumerate(PLAN_LABELS, 2):
        ws.cell(row, 1, label).font = xl.BOLD
        xl.put(ws.cell(row, 2), getattr(plan, name), fmt=xl.TEXT_FORMAT).alignment = xl.WRAP
    xl.set_widths(ws, {1: 16, 2: 70})


def _list_sheet(book, sheet: Sheet, rows: list[dict]) -> int:
    ws = book.create_sheet(sheet.title)
    _header(ws, [c.header for c in sheet.columns])
    for r, values in enumerate(rows, 2):
        for col, column in enumerate(sheet.columns, 1):
            value = values.get(column.field)
            # a weight shows the decimals it was given with (0,10 is not 0,1: the weights rule counts them)
            fmt = xl.decimal_format(decimals(value)) if column.field == "weight" and value is not None else column.number_format
            cell = xl.put(ws.cell(r, col), value, fmt=fmt)
            cell.alignment = xl.WRAP if column.width >= 40 else xl.TOP
    xl.set_widths(ws, {col: column.width for col, column in enumerate(sheet.columns, 1)})
    xl.page_setup(ws, "1:1")
    return len(rows)


def decimals(value: Decimal) -> int:
    """Decimals a number was given with (2 for 0.10, 0 for 50)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _departments_sheet(book, definition: Definition) -> None:
    ws = book.create_sheet(DEPARTMENTS_SHEET)
    _header(ws, ["Birim anahtarı", "Birim adı"])
    for r, d in enumerate(definition.departments, 2):
        xl.put(ws.cell(r, 1), d.key)
        xl.put(ws.cell(r, 2), d.name)
    xl.set_widths(ws, {1: 24, 2: 50})


def _validations(book, written: dict[str, int], departments: int) -> None:
    """Drop-down lists (warning style) for directions, departments and parent references."""

    def column_range(title: str, col: int, rows: int) -> str:
        letter = get_column_letter(col)
        return f"{quote_sheetname(title)}!${letter}$2:${letter}${rows + 1}"

    titles = {s.level: s.title for s in SHEETS}
    sources = {
        "direction": '"' + ",".join(DIRECTION_LABELS.values()) + '"',
        "department": column_range(DEPARTMENTS_SHEET, 1, departments),
    }
    parent_of = {"goals": "aims", "targets": "goals", "indicators": "targets", "activities": "targets"}
    for sheet in SHEETS:
        ws = book[sheet.title]
        last = written[sheet.level] + 1 + SPARE_ROWS
        for col, column in enumerate(sheet.columns, 1):
            if column.field == "parent":
                parent = parent_of[sheet.level]
                source: str | None = column_range(titles[parent], 1, written[parent] + SPARE_ROWS)
            else:
                source = sources.get(column.field)
            if source is None:
                continue
            letter = get_column_letter(col)
            dv = DataValidation(
                type="list",
                formula1=source,
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle="Listede yok",
                error="Listedeki değerlerden birini seçin; içe aktarma bunu denetler.",
                sqref=f"{letter}2:{letter}{last}",
            )
            ws.add_data_validation(dv)

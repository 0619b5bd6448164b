"""Export a workbook (consolidated year or one department) to one .xlsx file.

Sheet "Performans": the performance results table (aims, goals, performance
targets, indicators with their realization rate computed here, the target's
weighted roll-up, activities with planned and actual cost). Then one sheet per
department with its fields and every table, totals and formula columns
computed by ``core.tables`` (values, not Excel formulas: they print the same
everywhere). The same workbook always gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from openpyxl import Workbook as XlsxBook
from openpyxl.styles import PatternFill

from ...core import keys, rates
from ...core.definition import Definition
from ...core.entries import Entries, ValueView
from ...core.forms import TableDef
from ...core.i18n import source
from ...core.item_kinds import items_of
from ...core.numbers import format_percent
from ...core.plan import DIRECTION_LABELS
from ...core.settings import year_settings
from ..file.workbook import Workbook
from . import excel as xl

PERF_HEADERS = [
    "Hedefe Etkisi (%)",
    "Kod",
    "Performans Göstergesi / Faaliyet",
    "Ölçü Birimi",
    "Yön",
    "Başlangıç (A)",
    "Hedef (B)",
    "Gerçekleşme (C)",
    "Gerçekleşme Oranı (%)",
    "Hesaplama Yöntemi",
    "Sorumlu Birim",
    "Sapma Açıklaması",
    "Kaynak Belge / Kayıt",
]
MISSING_FILL = PatternFill("solid", fgColor="F8CBAD")  # a deviation without its explanation
METHOD_NOTE = (
    "Gerçekleşme oranı: başlangıç değeri (A) olan artan/azalan göstergede (C − A) / (B − A) × 100; "
    "başlangıç değeri yoksa artan göstergede C / B × 100, azalan göstergede B / C × 100; korunacak "
    "göstergede C / B × 100. Performans hedefinin oranı: Σ min(oran, 100) × ağırlık / 100."
)


@dataclass
class ExportResult:
    path: Path
    sheets: list[str] = field(default_factory=list)
    tables: int = 0
    indicators: int = 0


def export_excel(wb: Workbook, out: Path | str) -> ExportResult:
    """Write the workbook's performance table and every table to ``out`` (.xlsx)."""
    definition = wb.definition
    entries = wb.entries()
    depts = wb.departments
    result = ExportResult(Path(out))
    book = XlsxBook()
    used: set[str] = set()
    ws = book.worksheets[0]  # a new book's one (active) sheet
    ws.title = xl.sheet_title("Performans", used)
    result.indicators = _performance(ws, definition, entries, wb.department)
    result.sheets.append(ws.title)
    # previous-year columns and fields: the stored year before, as the report prints them
    view = ValueView(definition, entries, [d for d in depts if definition.form(d).sections], wb.previous())
    for dept in depts:
        form = definition.form(dept)
        tables = items_of(form, "table")
        fields = [i for i in items_of(form, "field") if i.type != "longtext"]
        if not tables and not fields:
            continue
        dname = definition.department_name(dept)
        ws = book.create_sheet(xl.sheet_title(dname, used))
        _department(ws, definition, view, dept, fields, tables)
        result.sheets.append(ws.title)
        result.tables += len(tables)
    inst = definition.institution.name
    what = definition.department_name(wb.department) if wb.department else "Birleştirilmiş"
    xl.save_deterministic(book, result.path, inst, definition.year.year, f"{inst} {definition.year.year} — {what}")
    return result


# --- the performance sheet ------------------------------------------------
def _performance(ws, definition: Definition, entries: Entries, department: str | None) -> int:
    year = definition.year.year
    style = definition.year.percent_style
    tolerance = year_settings(definition, entries.values.get).deviation_tolerance
    names = {d.key: d.name for d in definition.departments}
    ws.cell(1, 1, f"{definition.institution.name} {year} Yılı Performans Sonuçları Tablosu").font = xl.TITLE
    note = ws.cell(2, 1, METHOD_NOTE)
    note.font, note.alignment = xl.ITALIC, xl.WRAP
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(PERF_HEADERS))
    ws.row_dimensions[2].height = 30
    legend = ws.cell(
        3, 12, f"Kırmızı: açıklaması eksik sapma (hedeften {format_percent(tolerance or 0, None, style)} toleransın dışında)"
    )
    legend.font, legend.fill = xl.ITALIC, MISSING_FILL
    _header(ws, 4, PERF_HEADERS)
    widths = {1: 10, 2: 12, 3: 55, 4: 10, 5: 9, 6: 12, 7: 12, 8: 13, 9: 13, 10: 30, 11: 26, 12: 45, 13: 30}
    row, count = 5, 0
    for aim in definition.plan.aims:
        aim_done = False
        for goal in aim.goals:
            goal_done = False
            for target in goal.targets:
                inds = [i for i in target.indicators if department is None or i.department == department]
                acts = [a for a in target.activities if department is None or a.department == department]
                if not inds and not acts:
                    continue
                if not aim_done:
                    row = _group_row(ws, row, f"{aim.code} — {aim.name}", xl.HEADING)
                    aim_done = True
                if not goal_done:
                    row = _group_row(ws, row, f"{goal.code} — {goal.name}", xl.BOLD)
                    goal_done = True
                row = _group_row(ws, row, f"Performans Hedefi: {target.name}", xl.BOLD, fill=False)
                pairs = []
                for ind in inds:
                    e = entries.indicators.get(ind.key)
                    actual = e.actual if e else None
                    rate = rates.realization(ind.direction, ind.baseline, ind.target, actual)
                    pairs.append((rate.value, ind.weight))
                    method = rates.METHODS[rate.method] + (f"\n({source(rate.reason)})" if rate.reason else "")
                    cells = [
                        ind.weight,
                        ind.code,
                        ind.name,
                        ind.unit,
                        DIRECTION_LABELS[ind.direction],
                        ind.baseline,
                        ind.target,
                        actual,
                        rate.value,
                        method,
                        names.get(ind.department, ind.department),
                        e.explanation if e else "",
                        e.source if e else "",
                    ]
                    _plan_row(ws, row, cells, style)
                    if rates.needs_explanation(rate.value, tolerance) and not (e and e.explanation.strip()):
                        ws.cell(row, 12).fill = MISSING_FILL
                    row += 1
                    count += 1
                if inds:
                    weights = [i.weight for i in inds]
                    roll = rates.rollup(pairs)
                    cells = [
                        rates.weights_total(weights) if any(w is not None for w in weights) else None,
                        "",
                        "Performans hedefinin gerçekleşme oranı (ağırlıklı; oranlar %100 ile sınırlı)",
                        "",
                        "",
                        None,
                        None,
                        None,
                        roll,
                        "",
                        "",
                        "",
                        "",
                    ]
                    if any(w is not None for w in weights) and rates.weights_total(weights) != 100:
                        cells[9] = "Ağırlıkların toplamı 100 değil"
                    _plan_row(ws, row, cells, style, total=True)
                    row += 1
                if acts:
                    _header(
                        ws,
                        row,
                        [
                            "",
                            "Faaliyet Kodu",
                            "Faaliyet / Proje",
                            "Birim",
                            "",
                            "",
                            "Planlanan Maliyet (TL)",
                            "Gerçekleşen Maliyet (TL)",
                            "",
                            "",
                            "Sorumlu Birim",
                            "Açıklama",
                            "Kaynak Belge / Kayıt",
                        ],
                    )
                    row += 1
                    for act in acts:
                        ae = entries.activities.get(act.key)
                        cells = [
                            None,
                            act.code,
                            act.name,
                            act.unit,
                            "",
                            None,
                            act.planned_cost,
                            ae.actual_cost if ae else None,
                            None,
                            "",
                            names.get(act.department, act.department),
                            ae.explanation if ae else "",
                            ae.source if ae else "",
                        ]
                        _plan_row(ws, row, cells, style, money=True)
                        row += 1
                row += 1
    xl.set_widths(ws, widths)
    xl.fit_row_heights(ws, 5)
    ws.freeze_panes = "A5"
    xl.page_setup(ws, "4:4")
    return count


def _header(ws, row: int, labels: list[str]) -> None:
    for col, text in enumerate(labels, 1):
        c = ws.cell(row, col, text)
        xl.styled(c, "header", font=xl.BOLD, fill=xl.HEADER_FILL, alignment=xl.HEADER_ALIGN, border=xl.GRID)
    ws.row_dimensions[row].height = 32


def _group_row(ws, row: int, text: str, font, fill: bool = True) -> int:
    c = ws.cell(row, 1, text)
    c.font, c.alignment = font, xl.WRAP
    if fill:
        for col in range(1, len(PERF_HEADERS) + 1):
            ws.cell(row, col).fill = xl.GROUP_FILL
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(PERF_HEADERS))
    ws.row_dimensions[row].height = 15 * max(1, len(text) // 150 + 1)
    return row + 1


def _plan_row(ws, row: int, cells: list, style: str, total: bool = False, money: bool = False) -> None:
    for col, value in enumerate(cells, 1):
        c = ws.cell(row, col)
        fmt = None
        if col == 1:
            fmt = xl.decimal_format(xl.decimals_needed([value], 2))
        elif col in (6, 7, 8):
            fmt = xl.MONEY_FORMAT if money else xl.decimal_format(xl.decimals_needed([value]))
        elif col == 9:
            fmt = xl.percent_format(style, rates.DECIMALS)
        elif value is None:
            value = ""
        xl.put(c, value)
        xl.styled(c, ("plan", fmt, total), partial(_plan_look, fmt=fmt, total=total))


def _plan_look(c, fmt: str | None, total: bool) -> None:
    c.alignment = xl.TOP
    if fmt:
        c.number_format = fmt
    else:
        c.alignment = xl.WRAP
    c.border = xl.GRID
    if total:
        c.font, c.fill = xl.BOLD, xl.TOTAL_FILL


# --- department sheets -----------------------------------------------------
def _department(ws, definition: Definition, view: ValueView, dept: str, fields, tables) -> None:
    style = definition.year.percent_style
    ws.cell(1, 1, f"{definition.department_name(dept)} — {definition.year.year}").font = xl.TITLE
    widths: dict[int, float] = {1: 20}
    row = 3
    if fields:
        _header(ws, row, ["Bilgi", "Değer", "Birim"])
        row += 1
        for f in fields:
            value = view.get(keys.join(dept, f.key))
            ws.cell(row, 1, f.label).alignment = xl.WRAP
            xl.put(ws.cell(row, 2), value, f.type, xl.number_format(f.type, [value], style, f.places))
            ws.cell(row, 3, f.unit or "")
            for col in (1, 2, 3):
                ws.cell(row, col).border = xl.GRID
            widths[1] = max(widths[1], min(len(f.label), 50))
            widths[2] = max(widths.get(2, 12), xl.text_width(value) + 2)
            row += 1
        row += 1
    header_rows: list[int] = []
    for table in tables:
        row = _table(ws, row, dept, table, view, style, widths, header_rows)
    xl.set_widths(ws, widths)
    xl.fit_row_heights(ws, 3)
    if len(tables) == 1 and not fields:
        ws.freeze_panes = ws.cell(header_rows[0] + 1, 2).coordinate
        xl.page_setup(ws, f"{header_rows[0]}:{header_rows[0]}")
    else:
        ws.freeze_panes = "B2"
        xl.page_setup(ws)


def _table(ws, row: int, dept: str, table: TableDef, view: ValueView, style: str, widths, header_rows) -> int:
    ncols = len(table.columns) + 1
    title = ws.cell(row, 1, table.title)
    title.font, title.alignment = xl.HEADING, xl.WRAP
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=max(ncols, 2))
    ws.row_dimensions[row].height = 18 * max(1, len(table.title) // 90 + 1)
    row += 1
    _header(ws, row, [table.row_header or ""] + [c.label for c in table.columns])
    header_rows.append(row)
    row += 1
    rows = [(r.key, r.label, False) for r in table.row_defs]
    if table.total_label:
        rows.append((keys.TOTAL_ROW, table.total_label, True))
    formats = {}
    for col in table.columns:
        values = [view.get(keys.join(dept, table.key, r, col.key)) for r, _, _ in rows]
        formats[col.key] = xl.number_format(col.type, values, style, col.places)
    for rkey, label, is_total in rows:
        c = ws.cell(row, 1, label)
        xl.styled(c, "row-label", border=xl.GRID, alignment=xl.WRAP)
        widths[1] = max(widths[1], min(len(label), 50))
        for i, col in enumerate(table.columns, 2):
            cell = ws.cell(row, i)
            fmt = None
            if not (is_total and col.total_mode == "none"):
                value = view.get(keys.join(dept, table.key, rkey, col.key))
                fmt = formats[col.key]
                xl.put(cell, value, None, None)
                widths[i] = max(widths.get(i, 10), xl.text_width(value, fmt) + 3, min(len(col.label), 24))
            look: dict[str, object] = {"number_format": fmt} if fmt else {}
            look["border"] = xl.GRID
            grey = bool(col.computed or col.previous_year)  # computed, or last year's: not typed
            if grey:
                look["fill"] = xl.COMPUTED_FILL
            xl.styled(cell, ("table-cell", fmt, grey), **look)
        if is_total:
            for i in range(1, ncols + 1):
                ws.cell(row, i).font = xl.BOLD
                ws.cell(row, i).fill = xl.TOTAL_FILL
        row += 1
    if table.note:
        ws.cell(row, 1, table.note).font = xl.ITALIC
        row += 1
    return row + 1

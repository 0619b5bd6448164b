"""Excel export, template and template import vs plain openpyxl doing the same cells.

Data: the shipped definition with every entered cell of every department
filled (numbers, texts, dates), every indicator and activity filled, plus a
synthetic table of ``--rows`` × 10 cells in İtfaiye's form so per-cell costs
show. Measured in the same run, interleaved, medians of ``--repeat``:

* export:   ``export_excel`` of the consolidated file vs plain openpyxl
            writing the same file's cells;
* template: ``write_template`` of İtfaiye vs plain openpyxl writing the same
            template's cells (its very hidden key sheet included);
* import:   ``import_template`` of the filled template (every cell changed,
            applied to a fresh file) vs ``load_workbook(read_only=True,
            data_only=True)`` reading every cell's value of every sheet.

Why the baselines are fair (the same work done the best plain way): the
writing baselines replay exactly what the application wrote — read back from
its own output outside the timing: every sheet (visible or hidden) with every
cell's value and its font, fill, border, alignment, number format and
protection, the column widths, merged ranges, frozen panes, data validations
and sheet protection — with plain openpyxl, each distinct style's objects
set on the first cell of that style
(only what differs from openpyxl's default) and its style array copied to
the others (openpyxl's cheapest way to style many cells alike), and
saved. What the application does on top (looking values up, computing
totals and formulas, formatting by type, the deterministic save) is what the
ratio measures. The reading baseline reads what the application reads: the
data cells AND the very hidden key sheet that says which cell is which value,
in openpyxl's fastest mode; the application's own checks, the conversions and
the write into the file are what the ratio measures. Goal: each ≤ 2×.

    uv run python -m bench.bench_excel [--rows 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from copy import copy
from decimal import Decimal
from pathlib import Path

import openpyxl

from desktop import resources
from desktop.core.definition import Definition
from desktop.core.loader import load_definition
from desktop.store.exchange.excel_export import export_excel
from desktop.store.exchange.excel_import import import_template
from desktop.store.exchange.excel_template import write_template
from desktop.store.file.workbook import Workbook

DEPT = "itfaiye"


def with_synthetic_table(definition: Definition, rows: int) -> Definition:
    data = definition.to_data()
    table = {
        "kind": "table",
        "key": "sentetik",
        "title": "Sentetik tablo",
        "total_row": True,
        "rows": [{"key": f"r{i}", "label": f"Satır {i}"} for i in range(rows)],
        "columns": [{"key": f"c{j}", "label": f"Sütun {j}", "type": "count" if j % 2 else "money"} for j in range(10)],
    }
    form = next(f for f in data["forms"] if f["department"] == DEPT)
    base = form["sections"][0]
    form["sections"].append({**base, "key": "sentetik", "title": "Sentetik", "items": [table]})
    return Definition.from_data(data)


def sample_value(type_: str, i: int):
    return {
        "count": i % 500,
        "money": Decimal(i * 37 % 100000) + Decimal("0.25"),
        "decimal": Decimal(i % 1000) + Decimal("0.5"),
        "percent": Decimal(i % 100),
        "date": dt.date(2020, 1 + i % 12, 1 + i % 28),
        "text": f"metin {i} çğıöşü",
        "longtext": f"Uzun metin {i}.\n\n- madde bir\n- madde iki",
    }[type_]


def fill_all(wb: Workbook) -> int:
    d = wb.definition
    values = {
        s.key: sample_value(s.type, i)
        for i, s in enumerate(d.slots.values())
        if not s.computed and (wb.department is None or s.department == wb.department)
    }
    inds = {
        i.key: {"actual": i.target or 1, "explanation": "açıklama", "source": "kayıt"}
        for i in d.plan.indicators()
        if wb.department is None or i.department == wb.department
    }
    acts = {
        a.key: {"actual_cost": Decimal("1250.50"), "explanation": "", "source": "fatura"}
        for a in d.plan.activities()
        if wb.department is None or a.department == wb.department
    }
    return wb.apply(values=values, indicators=inds, activities=acts)


STYLE_ATTRS = ("font", "fill", "border", "alignment", "number_format", "protection")


def capture(path: Path) -> list[dict]:
    """What a file holds, sheet by sheet, to be written again by ``plain_write`` (not timed)."""
    book = openpyxl.load_workbook(path)
    default = openpyxl.Workbook().active["A1"]
    styles: dict[int, tuple] = {}
    sheets = []
    for ws in book.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                if c.has_style and c.style_id not in styles:  # only what differs from openpyxl's default
                    styles[c.style_id] = tuple(
                        (attr, copy(getattr(c, attr))) for attr in STYLE_ATTRS if getattr(c, attr) != getattr(default, attr)
                    )
                cells.append((c.row, c.column, c.value, styles[c.style_id] if c.has_style else None))
        sheets.append(
            {
                "title": ws.title,
                "state": ws.sheet_state,
                "cells": cells,
                "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
                "merged": [str(r) for r in ws.merged_cells.ranges],
                "freeze": ws.freeze_panes,
                "validations": [copy(v) for v in ws.data_validations.dataValidation],
                "protected": ws.protection.sheet,
            }
        )
    book.close()
    return sheets


def plain_write(sheets: list[dict], out: Path) -> None:
    """The same sheets, cells, styles and layout, with plain openpyxl."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    arrays: dict[int, object] = {}  # a style's index array in this book, made once by styling one cell
    for sheet in sheets:
        ws = book.create_sheet(sheet["title"])
        ws.sheet_state = sheet["state"]
        for row, col, value, style in sheet["cells"]:
            cell = ws.cell(row, col, value)
            if not style:
                continue
            array = arrays.get(id(style))
            if array is None:
                for attr, obj in style:
                    setattr(cell, attr, obj)
                arrays[id(style)] = copy(cell._style)
            else:
                cell._style = copy(array)
        for key, width in sheet["widths"].items():
            ws.column_dimensions[key].width = width
        for rng in sheet["merged"]:
            ws.merge_cells(rng)
        ws.freeze_panes = sheet["freeze"]
        for v in sheet["validations"]:
            ws.add_data_validation(v)
        ws.protection.sheet = sheet["protected"]
    book.save(out)


def interleaved(app, plain, repeat: int) -> tuple[float, float]:
    """Median wall seconds of both, run in turns (the machine is shared)."""
    a, b = [], []
    for i in range(repeat):
        for fn, runs in ((app, a), (plain, b)) if i % 2 == 0 else ((plain, b), (app, a)):
            t = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t)
    return statistics.median(a), statistics.median(b)


def plain_read(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    book.close()
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    definition = with_synthetic_table(load_definition(resources.default_definition()), args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cons = tmp / "birlesik.faaliyet"
        with Workbook.create(cons, definition, None) as wb:
            n = fill_all(wb)
            export_excel(wb, tmp / "yil.xlsx")
            sheets = capture(tmp / "yil.xlsx")
            t_export, t_plain = interleaved(
                lambda: export_excel(wb, tmp / "yil.xlsx"), lambda: plain_write(sheets, tmp / "plain.xlsx"), args.repeat
            )
            entries = wb.entries()
        cells = sum(len(s["cells"]) for s in sheets)
        print(
            f"export: {n} values, {cells} cells in {len(sheets)} sheets; export_excel {t_export * 1000:.0f} ms, "
            f"plain openpyxl, same cells and styles {t_plain * 1000:.0f} ms, ratio {t_export / t_plain:.2f}× (goal ≤ 2×), "
            f"{(tmp / 'yil.xlsx').stat().st_size // 1024} KB"
        )

        template = tmp / "sablon.xlsx"
        write_template(definition, DEPT, template, entries)
        sheets = capture(template)
        t_tmpl, t_plain = interleaved(
            lambda: write_template(definition, DEPT, template, entries),
            lambda: plain_write(sheets, tmp / "plain2.xlsx"),
            args.repeat,
        )
        cells = sum(len(s["cells"]) for s in sheets)
        print(
            f"template: {cells} cells in {len(sheets)} sheets (the key sheet included); write_template {t_tmpl * 1000:.0f} ms, "
            f"plain openpyxl, same cells and styles {t_plain * 1000:.0f} ms, ratio {t_tmpl / t_plain:.2f}× (goal ≤ 2×)"
        )

        targets = iter(range(args.repeat))
        changed = {}

        def app_import():
            i = next(targets)
            with Workbook.create(tmp / f"hedef{i}.faaliyet", definition, DEPT) as wb:
                changed["n"] = import_template(wb, template)

        t_import, t_plain = interleaved(app_import, lambda: plain_read(template), args.repeat)
        print(
            f"import: {changed['n']} values changed; import_template {t_import * 1000:.0f} ms (a fresh file each time, "
            f"its creation included), read-only openpyxl scan of every sheet {t_plain * 1000:.0f} ms, "
            f"ratio {t_import / t_plain:.2f}× (goal ≤ 2×)"
        )


if __name__ == "__main__":
    main()

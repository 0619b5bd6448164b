"""Excel export, template and template import vs plain openpyxl doing the least.

Data: the shipped definition with every entered cell of every department
filled (numbers, texts, dates), every indicator and activity filled, plus a
synthetic table of ``--rows`` × 10 cells in İtfaiye's form so per-cell costs
show. Measured in the same run:

* export:   ``export_excel`` of the consolidated file vs writing the same
            values into one plain sheet (no styles, no layout) and saving;
* template: ``write_template`` of İtfaiye vs the same plain write of its cells;
* import:   ``import_template`` of the filled template (every cell changed,
            applied to a fresh file) vs ``load_workbook(read_only=True,
            data_only=True)`` reading every cell's value.

    uv run python -m bench.bench_excel [--rows 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
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


def plain_write(values: list, out: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    for i, v in enumerate(values, 1):
        if isinstance(v, Decimal):
            v = float(v)
        elif isinstance(v, dt.date):
            v = dt.datetime(v.year, v.month, v.day)
        ws.cell(i, 1, v)
    book.save(out)


def plain_read(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    book.close()
    return n


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


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
            all_values = list(wb.entries().values.values())
            t_export = timed(lambda: export_excel(wb, tmp / "yil.xlsx"), args.repeat)
            entries = wb.entries()
        t_plain = timed(lambda: plain_write(all_values, tmp / "plain.xlsx"), args.repeat)
        print(
            f"export: {n} values, {len(all_values)} cells; export_excel {t_export * 1000:.0f} ms, "
            f"plain openpyxl {t_plain * 1000:.0f} ms, ratio {t_export / t_plain:.1f}×, "
            f"{(tmp / 'yil.xlsx').stat().st_size // 1024} KB"
        )

        dept_values = [v for k, v in entries.values.items() if k.startswith(DEPT + ".")]
        template = tmp / "sablon.xlsx"
        t_tmpl = timed(lambda: write_template(definition, DEPT, template, entries), args.repeat)
        t_plain = timed(lambda: plain_write(dept_values, tmp / "plain2.xlsx"), args.repeat)
        print(
            f"template: {len(dept_values)} cells; write_template {t_tmpl * 1000:.0f} ms, "
            f"plain openpyxl {t_plain * 1000:.0f} ms, ratio {t_tmpl / t_plain:.1f}×"
        )

        runs = []
        for i in range(args.repeat):
            target = tmp / f"hedef{i}.faaliyet"
            with Workbook.create(target, definition, DEPT) as wb:
                t = time.perf_counter()
                changed = import_template(wb, template)
                runs.append(time.perf_counter() - t)
        t_import = statistics.median(runs)
        t_plain = timed(lambda: plain_read(template), args.repeat)
        print(
            f"import: {changed} values changed; import_template {t_import * 1000:.0f} ms, "
            f"read-only openpyxl scan {t_plain * 1000:.0f} ms, ratio {t_import / t_plain:.1f}×"
        )


if __name__ == "__main__":
    main()

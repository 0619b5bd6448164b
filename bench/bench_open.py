"""Opening one department's file: a year of 12 departments against a year of 120.

A department file carries the year's definition as parts (``store/file/definition_store.py``):
its head (what does not grow with the departments: institution, year, the plan's name and
period), the year's leaves (every form's, plan slice's, department's and aim's digest, and each
department's flags: one value, hashed once into the root digest, never looped over in Python),
and only its own parts: its form, plan slice and department, the institution unit's, the
departments its parts name and the plan's aims its slice fills. So its root is the year's
digest, yet opening it must not cost more when the year has more departments: the clerk fills
in one form. Goal: the ratio 120 / 12 ≈ 1 (issue #18, item 5).

The years are synthetic and realistic: the sample's institution unit and its
form, then unit departments whose forms are the sample's unit forms taken in
turn under new keys (the finance unit's form is left out: its table rows name
the sample's departments), two plan indicators each. The department file opened
is the same department (a copy of the sample's first unit form) in both years,
empty but for its definition.

Timed, interleaved (12, 120, 12, 120…; median of ``--runs``), in one process:

* ``Workbook.open`` — every check of the file's header and identity, the stored
  definition read and verified (the head and the leaves hashed into the root, each
  carried part hashed against its leaf), the head, the carried departments, aims, forms
  and plan slices decoded (the plan rebuilt of the aims and the slices);
* ``OpenFile``      — the clerk's window's open: ``Workbook.open`` and the
  document (entries, live checks, the stored rows' checks).

The baseline is the same operation on the small year: the two sides do the same
work for the same department, only the year around it differs, so the ratio is
the cost of the year's size alone. For scale, the full decode of each year's
definition (``Definition.from_json``, what every opening did before schema 3) is printed too.

What still grows with the year: the leaves, 32 bytes per part (about 100 bytes per
department: 12 KB at 120 departments), read as one value and hashed once (SHA-256 in C);
each carried part is found at its place in them, none of the others is read, decoded or
checked. The rules between departments (unique keys, one institution and one finance
unit, who reports to whom, the total value count) run where every department is (a
definition folder, a consolidated file). Before (schema 4 as first made: the departments'
list and the plan's skeleton in the head, a summary row per form and slice) the ratio was
1,61–1,66; schema 3's 2,13. The printed "çözülen formlar" line shows how many forms were built.

    uv run python -m bench.bench_open [--runs 31]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from desktop import resources
from desktop.core.definition import Definition
from desktop.core.forms import forms_row_departments
from desktop.core.loader import load_definition
from desktop.store.file.document import OpenFile
from desktop.store.file.workbook import Workbook

SIZES = (12, 120)


def year_of(sample: Definition, departments: int) -> Definition:
    """A definition of ``departments`` departments made of the sample's forms (see the docstring)."""
    data = sample.to_data()
    institution = next(d for d in data["departments"] if d["role"] == "institution")
    forms = {f.department: f.to_data() for f in sample.forms}
    units = [
        d
        for d in data["departments"]
        if d["role"] != "institution" and d["key"] in forms and not forms_row_departments(sample.form(d["key"]))
    ]
    depts, year_forms, aims = [institution], [forms[institution["key"]]], []
    for n in range(departments - 1):
        original = units[n % len(units)]
        key = f"birim_{n:04d}"
        form = forms[original["key"]]
        rules = [{**r, "check": r["check"].replace(original["key"] + ".", key + ".")} for r in form["rules"]]
        depts.append({**original, "key": key, "name": f"{original['name']} {n + 1}", "finance": False})
        year_forms.append({**form, "department": key, "rules": rules})
        indicators = [
            {"key": f"pg_{n}_{i}", "code": f"PG.{n + 1}.{i + 1}", "name": f"Gösterge {i + 1}", "unit": "Adet"}
            | {"target": 100, "weight": 50, "department": key}
            for i in range(2)
        ]
        if n % 10 == 0:
            aims.append({"code": f"SA{n // 10 + 1}", "name": f"Stratejik amaç {n // 10 + 1}", "goals": []})
        target = {"key": f"ph_{n}", "name": f"Performans hedefi {n + 1}", "indicators": indicators}
        aims[-1]["goals"].append({"code": f"H{n // 10 + 1}.{n % 10 + 1}", "name": "Hedef", "targets": [target]})
    data.update(id="acilis-2020", departments=depts, forms=year_forms, plan={"aims": aims})
    return Definition.from_data(data)


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=31)
    args = ap.parse_args(argv)
    sample = load_definition(resources.default_definition())
    with tempfile.TemporaryDirectory(prefix="faaliyet-bench-open-") as tmp:
        paths, texts = {}, {}
        for size in SIZES:
            d = year_of(sample, size)
            texts[size] = d.canonical_json()
            paths[size] = Path(tmp) / f"birim-{size}.faaliyet"
            Workbook.create(paths[size], d, "birim_0000", user="bench").close()
        times: dict[tuple[str, int], list[float]] = {(what, s): [] for what in ("open", "doc", "decode") for s in SIZES}
        for _ in range(args.runs):
            for size in SIZES:
                t0 = time.perf_counter()
                Workbook.open(paths[size]).close()
                t1 = time.perf_counter()
                with Workbook.open(paths[size]) as wb:
                    OpenFile(wb)
                t2 = time.perf_counter()
                Definition.from_json(texts[size])
                t3 = time.perf_counter()
                times["open", size] += [t1 - t0]
                times["doc", size] += [t2 - t1]
                times["decode", size] += [t3 - t2]
        decoded = {}
        for size in SIZES:
            with Workbook.open(paths[size]) as wb:
                OpenFile(wb)
                forms = wb.definition.forms
                decoded[size] = f"{getattr(forms, 'decoded', len(forms))}/{len(forms)}"
    small, big = SIZES
    print(f"çözülen formlar (açılış + OpenFile): {decoded[small]} ({small} birim), {decoded[big]} ({big} birim)")
    print(f"definition: {len(texts[small]) // 1024} KB ({small} birim), {len(texts[big]) // 1024} KB ({big} birim)")
    print(f"{'':<28}{small:>6} birim{big:>10} birim{'oran':>8}")
    for what, label in (("open", "Workbook.open"), ("doc", "OpenFile (katip penceresi)"), ("decode", "tam çözme (from_json)")):
        a, b = _median_ms(times[what, small]), _median_ms(times[what, big])
        print(f"{label:<28}{a:>8.2f} ms{b:>12.2f} ms{b / a:>8.2f}")


if __name__ == "__main__":
    main()

"""A year at 1×, 10× and 50× the sample: every step the strategy unit takes, its time and peak memory.

The sample year has 21 departments with about 47 values each (986 values).
The synthetic year has ``21 × scale`` departments of that size (861 values
and 32 report pages at 1×; the sample's 105 pages come from its long texts) (like ``bench_report``'s synthetic departments, smaller): a narrative
field and one table of 8 rows × 6 columns (4 counts, an amount, a computed
total; 40 entered values) per department, and two indicators each. 50× is
1.050 departments (``core.limits.MAX_DEPARTMENTS`` allows 1.500).

Steps, each timed on its own (wall seconds; peak resident memory of that step
alone, the kernel's high-water mark reset before it):

* ``build``   — the consolidated report (``build_report``) of the whole year;
* ``check``   — every finding of the consolidated file (``findings``, photos
  decoded), as ``faaliyet check`` does;
* ``merge``   — 21 department files (the sample's number: one delivery) merged
  into the year, whose other departments are already filled. A department
  file carries the year's head (what does not grow with the departments) and
  the year's leaves (every part's digest, 32 bytes a part, one value), but of
  the parts only its own form, plan slice and department, the institution
  unit's, the departments its parts name and the plan's aims its slice fills
  (schema 4, ``store/file/definition_store.py``), so this shows what the
  year's size still costs each merged file;
* ``year``    — every department's file of the year (``21 × scale``: 1.050 at
  50×) merged in one run into an empty consolidated file: how merging a whole
  year grows (each file checked, compared and written, as ``merge``);
* ``open``    — opening the consolidated file as the strategy window does
  (``Workbook.open`` + ``YearBoard`` + the board's rows);
* ``refresh`` — the board brought up to date when nothing was written
  (``refresh`` + ``rows``: it reads the audit rows written since it last
  looked — none — and keeps its rows);
* ``edit``    — one value changed in the consolidated file (one transaction
  with its audit row) and the board brought up to date, as after any change
  (``store/file/board_live.py``: only the edited place re-read and re-checked,
  its department counted again, the rows built).

``check``, ``build``, ``merge`` and ``year`` run once, the others three times (median).
The smallest scale runs again after each larger one; each step's base is its fastest run
there (the machine's load changes within minutes; a slow base would flatter the growth).
Each scale runs in a fresh process (its memory is its own); the setup (the
definition, the filled file, the department files) is not timed. The growth
factor of a step is its time at a scale over its time at 1×, divided by the
scale: ≤ 1 means it grows no faster than the year (linear or better).

    uv run python -m bench.bench_scale           # 1×, 10×, 50×  (~3 minutes)
    uv run python -m bench.bench_scale --quick   # 1×, 10×
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop.core.definition import Definition
from desktop.store.file.workbook import Workbook

SAMPLE_DEPARTMENTS = 21
DELIVERY = 21  # department files merged at every scale
ROWS, COUNTS = 8, 4
YEAR_FILE = "yil.faaliyet"  # the empty consolidated file the whole year is merged into
STEPS = ("build", "check", "merge", "year", "open", "refresh", "edit")
TEXT = (
    "Müdürlüğümüz yıl boyunca planlanan işleri yürütmüş, vatandaş başvurularını zamanında sonuçlandırmıştır. " * 3
    + "\n\n- Birinci çalışma\n- İkinci çalışma"
)


def dept_key(n: int) -> str:
    return f"birim_{n:04d}"


def definition_of(departments: int) -> Definition:
    depts = [{"key": "strateji", "name": "Strateji Geliştirme", "role": "institution"}]
    forms, aims = [], []
    for n in range(departments):
        key = dept_key(n)
        depts.append({"key": key, "name": f"Örnek Müdürlüğü {n + 1}", "manager": "Ad SOYAD", "manager_title": "Müdür"})
        table = {
            "kind": "table",
            "key": "islemler",
            "title": "Aylara ve Türlere Göre İşlemler",
            "row_header": "Tür",
            "rows": [{"key": f"r{r}", "label": f"İşlem türü {r + 1}"} for r in range(ROWS)],
            "columns": [{"key": f"c{c}", "label": f"Sütun {c + 1}", "type": "count"} for c in range(COUNTS)]
            + [
                {"key": "tutar", "label": "Tutar (TL)", "type": "money"},
                {"key": "toplam", "label": "Toplam", "type": "count", "computed": " + ".join(f"c{c}" for c in range(COUNTS))},
            ],
            "total_row": True,
        }
        field = {"kind": "field", "key": "anlatim", "label": "Çalışmalar", "type": "longtext"}
        forms.append({"department": key, "sections": [{"key": "genel", "title": "Faaliyetler", "items": [field, table]}]})
        indicators = [
            {
                "key": f"pg_{n}_{i}",
                "code": f"PG.{n + 1}.1.{i + 1}",
                "name": f"Gösterge {i + 1}",
                "unit": "Adet",
                "target": 100,
                "weight": 50,
                "department": key,
            }
            for i in range(2)
        ]
        target = {"key": f"ph_{n}", "name": f"Performans hedefi {n + 1}", "indicators": indicators}
        if n % 10 == 0:  # an aim for every ten departments (a plan holds at most 1.000 aims)
            aims.append({"code": f"SA{n // 10 + 1}", "name": f"Stratejik amaç {n // 10 + 1}", "goals": []})
        aims[-1]["goals"].append({"code": f"H{n // 10 + 1}.{n % 10 + 1}", "name": "Hedef", "targets": [target]})
    return Definition.from_data(
        {
            "id": "olcek-2020",
            "institution": {"key": "olcek", "name": "Ölçek Belediyesi"},
            "year": {"year": 2020},
            "departments": depts,
            "plan": {"aims": aims},
            "forms": forms,
        }
    )


def values_of(n: int, shift: int = 0) -> tuple[dict, dict]:
    key = dept_key(n)
    values: dict = {f"{key}.anlatim": TEXT}
    for r in range(ROWS):
        for c in range(COUNTS):
            values[f"{key}.islemler.r{r}.c{c}"] = (n * 7 + r * 17 + c * 31 + shift) % 997
        values[f"{key}.islemler.r{r}.tutar"] = ((n + 1) * (r + 1) * 104729 + shift) % 9_999_999
    indicators = {f"pg_{n}_{i}": {"actual": 80 + i * 5 + shift, "explanation": "Planlanan düzeyde."} for i in range(2)}
    return values, indicators


def setup(folder: Path, scale: int) -> tuple[Path, list[Path], list[Path]]:
    """The consolidated file (every department but the delivered ones filled), the delivery and
    every department's file of the year (the delivery's first)."""
    d = definition_of(SAMPLE_DEPARTMENTS * scale)
    return _written(folder, d, SAMPLE_DEPARTMENTS * scale)


def _written(folder: Path, d: Definition, departments: int) -> tuple[Path, list[Path], list[Path]]:
    path = folder / "birlesik.faaliyet"
    with Workbook.create(path, d, None, user="bench") as wb:
        values, indicators = {}, {}
        for n in range(DELIVERY, departments):
            v, i = values_of(n)
            values.update(v)
            indicators.update(i)
        if values:
            wb.apply(values, indicators)
    files = []
    for n in range(DELIVERY):
        f = folder / f"{dept_key(n)}.faaliyet"
        with Workbook.create(f, d, dept_key(n), user="birim") as wb:
            wb.apply(*values_of(n, shift=1))
        files.append(f)
    year = list(files)
    for n in range(DELIVERY, departments):
        f = folder / f"{dept_key(n)}.faaliyet"
        with Workbook.create(f, d, dept_key(n), user="birim") as wb:
            wb.apply(*values_of(n))
        year.append(f)
    Workbook.create(folder / YEAR_FILE, d, None, user="bench").close()
    return path, files, year


# --- measuring ------------------------------------------------------------------------------


def _rss() -> tuple[float, float]:
    """(current, peak since the last reset) resident memory in MiB (Linux /proc)."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def _reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
    except OSError:
        pass


def measured(fn, repeat: int = 1) -> dict:
    """Median wall seconds of ``repeat`` runs; the peak memory of the worst."""
    runs, peaks, added = [], [], []
    for _ in range(repeat):
        _reset_peak()
        start, _ = _rss()
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
        _, peak = _rss()
        peaks.append(peak)
        added.append(peak - start)
    return {"seconds": statistics.median(runs), "peak_mib": max(peaks), "added_mib": max(added)}


def child(scale: int) -> None:
    from desktop.report import build_report  # noqa: PLC0415 - in the child only
    from desktop.store.merge.run import merge_files  # noqa: PLC0415
    from desktop.store.year_board import YearBoard  # noqa: PLC0415

    out: dict = {"scale": scale, "departments": SAMPLE_DEPARTMENTS * scale}
    with tempfile.TemporaryDirectory(prefix="faaliyet-olcek-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        path, files, year = setup(folder, scale)
        out["setup_seconds"] = time.perf_counter() - t0
        with Workbook.open(path, user="bench") as wb:
            assert wb.definition.slots  # the definition's look-ups, as any first use builds them
            result = merge_files(wb, files[:1])  # warm-up: imports, fonts below
            assert not result.refused, result.summary_lines()
            out["merge"] = measured(lambda: _merge(merge_files, wb, files[1:]))
            out["values"] = wb.conn.execute("SELECT count(*) FROM entry").fetchone()[0]
            out["check"] = measured(lambda: wb.findings(images=True))  # once: the file keeps what it found
            pages = {}
            out["build"] = measured(lambda: pages.setdefault("n", build_report(wb, folder / "rapor.pdf").pages))
            out["pages"] = pages["n"]
        with Workbook.open(folder / YEAR_FILE, user="bench") as wb:
            assert wb.definition.slots
            out["year"] = measured(lambda: _merge(merge_files, wb, year))
            assert wb.conn.execute("SELECT count(*) FROM entry").fetchone()[0] == out["values"]
        holder: dict = {}

        def open_board():
            if "wb" in holder:
                holder["wb"].close()
            wb = holder["wb"] = Workbook.open(path, user="bench")
            holder["board"] = YearBoard(wb)
            holder["rows"] = len(holder["board"].rows())

        out["open"] = measured(open_board, 3)
        board = holder["board"]
        out["refresh"] = measured(lambda: (board.refresh(), board.rows()), 3)
        key = f"{dept_key(DELIVERY)}.islemler.r0.c0" if scale > 1 else f"{dept_key(0)}.islemler.r0.c0"

        def edit():
            holder["edits"] = holder.get("edits", 0) + 1
            holder["wb"].set_value(key, 5 + holder["edits"])
            board.refresh()
            board.rows()

        out["edit"] = measured(edit, 3)
        assert holder["rows"] == SAMPLE_DEPARTMENTS * scale + 1
        holder["wb"].close()
    print(json.dumps(out))


def _merge(merge_files, wb, files) -> None:
    result = merge_files(wb, files)
    assert not result.refused and all(f.status == "imported" for f in result.files), result.summary_lines()


def run(scale: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_scale", "--child", str(scale)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{scale}× failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="1× and 10× only")
    p.add_argument("--scales", default="", help="e.g. 1,10,50 (default)")
    p.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        child(args.child)
        return
    scales = [int(s) for s in args.scales.split(",")] if args.scales else [1, 10] if args.quick else [1, 10, 50]
    # the smallest scale runs again after each larger one (it takes seconds): on a shared machine the
    # load changes within minutes, and each step's base is its fastest run at that scale
    runs = []
    for s in scales[1:]:
        runs += [run(scales[0]), run(s)]
    runs.append(run(scales[0]))
    smallest = [r for r in runs if r["scale"] == scales[0]]
    base = dict(smallest[0])
    for step in STEPS:
        base[step] = min((r[step] for r in smallest), key=lambda m: m["seconds"])
    results = [base] + [r for r in runs if r["scale"] != scales[0]]
    print(
        "wall seconds (median of 3 for open, refresh, edit; the smallest scale: the fastest of its "
        f"{len(smallest)} runs) and the process's peak memory during the step"
    )
    heads = [f"{r['scale']}× ({r['departments']} birim)" for r in results]
    print(f"{'':9}" + "".join(f"{h:>22}" for h in heads) + "   growth factor")
    for step in STEPS:
        line = f"{step:<9}" + "".join(f"{r[step]['seconds']:>10.3f} s {r[step]['peak_mib']:>5.0f} MiB" for r in results)
        growth = [r[step]["seconds"] / base[step]["seconds"] / (r["scale"] / base["scale"]) for r in results[1:]]
        print(line + "   " + "  ".join(f"{g:5.2f}" for g in growth))
    print(f"{'values':<9}" + "".join(f"{r['values']:>22}" for r in results))
    print(f"{'pages':<9}" + "".join(f"{r['pages']:>22}" for r in results))
    print(f"{'setup':<9}" + "".join(f"{r['setup_seconds']:>20.1f} s" for r in results) + "   (not timed)")
    print(
        f"growth factor: time ÷ time at {base['scale']}× ÷ the scale's ratio; ≤ 1: linear or better "
        "(small steps carry a fixed part, so they look better than linear)"
    )
    print(json.dumps(runs))


if __name__ == "__main__":
    main()

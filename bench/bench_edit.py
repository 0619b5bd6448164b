"""Committing one edit, and the window's update after it.

Part 1 — the commit: one edit through the store vs a bare sqlite3 INSERT + COMMIT, both on
the same disk, in the same run, with the same durability settings (journal DELETE,
synchronous FULL). Goal: median under 5 ms and within 2× of the bare commit.

Part 2 — the update after a commit (issue #14): what the open-file model
(``store/document.py``) does after the store committed an edit (read back the audit rows just
written, update the entries, recompute the computed cells and the checks the edit reaches)
vs the commit itself, in a consolidated file filled from the sample (1×) and in one with ten
times its data (10×: every department gets a large extra table). The full re-read and
re-check the window did before (``wb.entries()`` + ``wb.findings()``) is measured too. Goal:
the update ≤ 1,5× the commit, and not growing with the file.

    uv run python -m bench.bench_edit [--edits 1000] [--updates 200]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop import resources
from desktop.core.dates import MONTH_KEYS
from desktop.core.definition import Definition
from desktop.core.loader import load_definition
from desktop.store.exchange.valueset import import_values, read_json
from desktop.store.file.document import OpenFile
from desktop.store.file.workbook import Workbook

from .bench_merge import synthetic_definition
from .sample_files import _known_only


def bare(path: Path, n: int) -> list[float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (key TEXT PRIMARY KEY, value ANY) STRICT")
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT OR REPLACE INTO t VALUES (?, ?)", (f"k{i % 24}", i))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - t0)
    conn.close()
    return times


def store(path: Path, n: int) -> list[float]:
    definition = load_definition(resources.default_definition())
    keys = [f"itfaiye.makbuz.{m}.arac" for m in MONTH_KEYS] + [f"itfaiye.makbuz.{m}.tutar" for m in MONTH_KEYS]
    times = []
    with Workbook.create(path, definition, "itfaiye", user="bench") as wb:
        for i in range(n):
            t0 = time.perf_counter()
            wb.set_value(keys[i % len(keys)], i + 1)
            times.append(time.perf_counter() - t0)
    return times


# --- part 2: the update after a commit ------------------------------------------------------


def consolidated(definition: Definition, path: Path, extra_rows: int) -> Path:
    """A consolidated file holding every department's sample values (and ``extra_rows`` × 10
    cells per department in the synthetic table, when the definition has one)."""
    with Workbook.create(path, definition, None, user="bench") as wb:
        for dept in definition.departments:
            sample = resources.sample(definition.id) / f"{dept.key}.json"
            if sample.exists():
                import_values(wb, _known_only(wb, read_json(sample)))
            if extra_rows:
                wb.set_values({f"{dept.key}.sentetik.r{i}.c{j}": i * 10 + j for i in range(extra_rows) for j in range(10)})
    return path


def editable_cells(definition: Definition) -> list[str]:
    """Count cells of tables with a total row (each edit recomputes a table and its rules)."""
    out = []
    for slot in definition.slots.values():
        parts = slot.key.rsplit(".", 2)
        if (
            len(parts) == 3
            and not slot.computed
            and slot.type == "count"
            and f"{parts[0]}.toplam.{parts[2]}" in definition.slots
            and ".sentetik." not in slot.key
        ):
            out.append(slot.key)
    return out[:60]


def updates(path: Path, n: int) -> dict[str, float]:
    """Median commit, incremental update and full re-read + re-check, over ``n`` edits."""
    commit, update, full = [], [], []
    with Workbook.open(path) as wb:
        m = OpenFile(wb)
        cells = editable_cells(wb.definition)
        for i in range(n):
            before = m._last_audit_id()
            t0 = time.perf_counter()
            wb.apply(values={cells[i % len(cells)]: i + 1})
            t1 = time.perf_counter()
            m._after(before)  # what OpenFile.set_values does after the store's commit
            t2 = time.perf_counter()
            commit.append(t1 - t0)
            update.append(t2 - t1)
            if i % 10 == 0:  # the old way: everything re-read and re-checked (slow: fewer samples)
                t3 = time.perf_counter()
                wb.findings()
                full.append(time.perf_counter() - t3)
        entries = wb.conn.execute("SELECT count(*) FROM entry").fetchone()[0]
    return {
        "commit": statistics.median(commit),
        "update": statistics.median(update),
        "full": statistics.median(full),
        "entries": entries,
    }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--edits", type=int, default=1000)
    p.add_argument("--updates", type=int, default=200)
    p.add_argument("--rows", type=int, default=0, help="extra rows per department at 10× (default: sized from the sample)")
    args = p.parse_args()
    definition = load_definition(resources.default_definition())
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        b = statistics.median(bare(Path(tmp) / "bare.sqlite", args.edits))
        s = statistics.median(store(Path(tmp) / "store.faaliyet", args.edits))
        one = updates(consolidated(definition, Path(tmp) / "1x.faaliyet", 0), args.updates)
        rows = args.rows or max(1, one["entries"] * 9 // (10 * len(definition.departments)))
        big_def = synthetic_definition(definition, rows)
        ten = updates(consolidated(big_def, Path(tmp) / "10x.faaliyet", rows), args.updates)
    print(f"bare sqlite3 INSERT+COMMIT   median {b * 1000:.3f} ms")
    print(f"store edit (value + audit)   median {s * 1000:.3f} ms")
    print(f"ratio store/bare             {s / b:.2f}x   (goal ≤ 2x, and < 5 ms)")
    print()
    print("the window's update after a commit (consolidated file, whole year)")
    for name, r in (("1×", one), ("10×", ten)):
        print(
            f"  {name:<4} {r['entries']:>6} values: commit {r['commit'] * 1000:7.3f} ms, "
            f"update {r['update'] * 1000:7.3f} ms = {r['update'] / r['commit']:.2f}× the commit (goal ≤ 1,5×); "
            f"full re-read + re-check {r['full'] * 1000:7.1f} ms = {r['full'] / r['commit']:.1f}×"
        )
    print(f"  update 10× / 1×: {ten['update'] / one['update']:.2f}  (goal: not growing with the file, ≈ 1)")


if __name__ == "__main__":
    main()

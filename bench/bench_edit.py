"""Committing one edit through the store vs a bare sqlite3 INSERT + COMMIT.

Both on the same disk, in the same run, with the same durability settings
(journal DELETE, synchronous FULL). Goal: median under 5 ms and within 2× of
the bare commit.

    uv run python -m bench.bench_edit [--edits 1000]
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
from desktop.core.loader import load_definition
from desktop.store.workbook import Workbook


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


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--edits", type=int, default=1000)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        b = statistics.median(bare(Path(tmp) / "bare.sqlite", args.edits))
        s = statistics.median(store(Path(tmp) / "store.faaliyet", args.edits))
    print(f"bare sqlite3 INSERT+COMMIT   median {b * 1000:.3f} ms")
    print(f"store edit (value + audit)   median {s * 1000:.3f} ms")
    print(f"ratio store/bare             {s / b:.2f}x   (goal ≤ 2x, and < 5 ms)")


if __name__ == "__main__":
    main()

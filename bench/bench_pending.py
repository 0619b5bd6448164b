"""Benchmark: what keeping unreadable input in the audit log costs.

    uv run python bench/bench_pending.py [--audit 50000] [--runs 9]

A department file with a long audit log (``--audit`` rows: a year of edits is
a few thousand; 50.000 is generous) and a few pending inputs. Medians of:

1. Opening for the window: ``Workbook.open`` + ``entries()`` + ``validate``
   (baseline: what the window read before) against the same plus
   ``pending_inputs(department)`` (the one full read of the log, at open).
2. ``Workbook.findings()`` (validate + pending findings; submit, check, board)
   against ``validate`` alone.
3. After an edit the window asks only about the places written
   (``pending_inputs(keys=[...])``, indexed), against ``Workbook.get``.

Prints medians and ratios; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from desktop import resources
from desktop.core.loader import load_definition
from desktop.core.validation import validate
from desktop.store.file.workbook import Workbook


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--audit", type=int, default=50000)
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    definition = load_definition(resources.default_definition())
    slots = [s.key for s in definition.slots_of("itfaiye") if not s.computed]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "itfaiye.faaliyet"
        with Workbook.create(path, definition, "itfaiye") as wb:
            with wb.transaction() as conn:  # a synthetic history: many value changes
                conn.executemany(
                    "INSERT INTO audit (at, who, department, target, attribute, old, new) "
                    "VALUES ('2020-06-01T10:00:00+00:00', 'memur', 'itfaiye', ?, 'value', NULL, ?)",
                    ((slots[i % len(slots)], i) for i in range(args.audit)),
                )
            for key in slots[:5]:
                wb.record_unparsed(key, "12a")
            pending_keys = list(wb.pending_inputs())

        def before():
            with Workbook.open(path) as wb:
                validate(wb.definition, wb.entries(), wb.department)

        def after():
            with Workbook.open(path) as wb:
                validate(wb.definition, wb.entries(), wb.department)
                wb.pending_inputs(wb.department)

        base, new = _median(before, args.runs), _median(after, args.runs)
        print(f"audit rows: {args.audit}, pending: {len(pending_keys)}")
        print(f"open for the window: {base * 1000:.2f} ms → {new * 1000:.2f} ms (ratio {new / base:.2f})")
        with Workbook.open(path) as wb:
            v = _median(lambda: validate(wb.definition, wb.entries(), wb.department), args.runs)
            f = _median(wb.findings, args.runs)
            print(f"findings: validate {v * 1000:.2f} ms, Workbook.findings {f * 1000:.2f} ms (ratio {f / v:.2f})")
            g = _median(lambda: [wb.get(k) for k in pending_keys], args.runs * 20)
            p = _median(lambda: wb.pending_inputs(keys=pending_keys), args.runs * 20)
            print(
                f"after an edit ({len(pending_keys)} places): get {g * 1e6:.0f} µs, "
                f"pending_inputs(keys) {p * 1e6:.0f} µs (ratio {p / g:.2f})"
            )


if __name__ == "__main__":
    main()

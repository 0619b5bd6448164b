"""The strategy unit's status board at 1×, 5× and 9× the sample's departments.

The issue asked for 1×/10×/50×; a definition holds at most 200 departments
(``core.limits.MAX_DEPARTMENTS``) and the sample has 20 besides the
institution, so 9× (181 departments) is the largest year a definition allows.

The scaled definition repeats every department of the shipped definition
(its form and its rules, with new keys); the consolidated file holds the
sample's values merged from the department files, copied for every repeated
department, with an import log row and a status each (as a merge leaves
them). Timed, on a file that is already open:

* ``ilk``: the board's first read (a new ``YearBoard``'s ``rows``: every entry
  read, the year's findings computed once, grouped by department), as when
  the window first shows it. Goal: the time per department stays flat (linear
  in the number of departments).
* ``güncelleme``: the board after one edit (a value of one department set
  through the store, then ``refresh`` + ``rows``), as the window does after
  every change: it follows the audit rows and counts that department again
  (``store/file/board_live.py``). The edit's own commit is not timed. Goal:
  flat in the year's size (what one edit touches does not grow with it); the
  rows themselves are built again, so a small linear part remains.

    uv run python -m bench.bench_board [--scales 1,5,9] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop import resources
from desktop.core.definition import Definition
from desktop.core.loader import load_definition
from desktop.store.file.workbook import Workbook
from desktop.store.merge.run import merge_files
from desktop.store.sample import build_sample
from desktop.store.year_board import YearBoard

COPIES = (  # the department's rows under the repeated key (indicators and activities stay with their own)
    "INSERT INTO entry (key, department, value, changed_at, changed_by) "
    "SELECT :key || substr(key, :cut), :key, value, changed_at, changed_by FROM entry WHERE department = :dept",
    "INSERT INTO photo (department, list_key, position, caption, mime, width, height, sha256, data, changed_at, changed_by) "
    "SELECT :key, :key || substr(list_key, :cut), position, caption, mime, width, height, sha256, data, changed_at, changed_by "
    "FROM photo WHERE department = :dept",
    "INSERT OR REPLACE INTO status (department, state, changed_at, changed_by, content_hash, note) "
    "SELECT :key, state, changed_at, changed_by, content_hash, note FROM status WHERE department = :dept",
    "INSERT INTO import_log (at, by, department, file_name, file_hash, content_hash, clerk, submitted_at, summary) "
    "SELECT at, by, :key, file_name, file_hash, content_hash, clerk, submitted_at, summary FROM import_log WHERE department = :dept",
)


def copy_key(dept: str, n: int) -> str:
    return f"{dept}_k{n}"


def scaled_definition(definition: Definition, scale: int) -> Definition:
    """``definition`` with every non-institution department repeated ``scale`` times in all (new keys)."""
    data = definition.to_data()
    forms = {f["department"]: f for f in data["forms"]}
    originals = [d for d in data["departments"] if d["role"] != "institution"]
    for n in range(1, scale):
        for dept in originals:
            key = copy_key(dept["key"], n)
            data["departments"].append({**dept, "key": key, "name": f"{dept['name']} {n + 1}", "finance": False})
            form = forms.get(dept["key"])
            if form is not None:
                rules = [{**r, "check": r["check"].replace(dept["key"] + ".", key + ".")} for r in form["rules"]]
                data["forms"].append({**form, "department": key, "rules": rules})
    return Definition.from_data(data)


def build_file(definition: Definition, scale: int, sample_files: list[Path], path: Path) -> Path:
    """The consolidated file of the scaled definition: the sample merged, then copied to each repeat."""
    scaled = scaled_definition(definition, scale)
    Workbook.create(path, scaled, None, user="bench").close()
    result = merge_files(path, sample_files, user="bench")
    assert not result.refused, result.summary_lines()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    originals = [d.key for d in definition.departments if d.role != "institution"]
    for n in range(1, scale):
        for dept in originals:
            key = copy_key(dept, n)
            for sql in COPIES:
                conn.execute(sql, {"key": key, "cut": len(dept) + 1, "dept": dept})
    conn.execute("COMMIT")
    conn.close()
    return path


def time_board(path: Path, repeat: int) -> tuple[int, float, float]:
    """Departments on the board, and the median seconds of its first read and of its update after one edit."""
    with Workbook.open(path) as wb:
        YearBoard(wb).rows()  # warm-up: the definition's look-ups, as any first use builds them
        first = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            rows = YearBoard(wb).rows()
            first.append(time.perf_counter() - t0)
        board = YearBoard(wb)
        board.rows()
        key = next(
            k for k, slot in wb.definition.slots.items() if slot.department == rows[-1].department and slot.type == "count"
        )
        updates = []
        for n in range(repeat * 3):
            wb.set_value(key, 7 + n)
            t0 = time.perf_counter()
            board.refresh()
            rows = board.rows()
            updates.append(time.perf_counter() - t0)
    return len(rows), statistics.median(first), statistics.median(updates)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,5,9")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    definition = load_definition(resources.default_definition())
    scales = [int(s) for s in args.scales.split(",")]
    with tempfile.TemporaryDirectory(prefix="faaliyet-bench-board-") as tmp:
        tmp = Path(tmp)
        sample = list(build_sample(definition, resources.sample(definition.id), tmp / "ornek").files.values())
        base = None
        print(f"{'ölçek':>6}{'birim':>8}{'ilk':>12}{'birim başına':>16}{'1× oranı':>10}{'güncelleme':>14}{'1× oranı':>10}")
        for scale in scales:
            path = build_file(definition, scale, sample, tmp / f"birlesik-{scale}.faaliyet")
            n, seconds, update = time_board(path, args.repeat)
            per = seconds / n
            base = base or (per, update)
            print(
                f"{scale:>5}×{n:>8}{seconds * 1000:>9.1f} ms{per * 1000:>13.2f} ms{per / base[0]:>9.2f}×"
                f"{update * 1000:>11.2f} ms{update / base[1]:>9.2f}×"
            )


if __name__ == "__main__":
    main()

"""Merging department files: ``merge_files`` vs a raw ATTACH + INSERT … SELECT.

Both runs start from a fresh consolidated file and import the same department
files with the same durability (journal DELETE, synchronous FULL, one
transaction per file). The raw baseline does nothing else: no checks, no
private copy, no content hash, no conflict detection, no log. Goal: ≤ 2×.

Why the baseline is fair: it is the best plain way to copy the same rows —
one ``ATTACH`` + ``INSERT … SELECT`` per table and file (SQLite copies the
rows without Python; through Python it is ~14× slower, SETUP-NOTES), the
same tables and columns ``merge_files`` writes, into the same schema with
its indexes, at the same durability. Everything the application adds on top
(the defensive open, the row checks, the hashes, the log) is what is measured.
It attaches each department file read-only (``mode=ro``), as ``merge_files``
does: attached read-write, ``BEGIN IMMEDIATE`` takes a write lock on the
department file too, and every COMMIT then goes through a super-journal
(seven syncs per file instead of four, measured with ``strace -c``): work the
application does not do, which made the baseline 20–35 % slower than the best
plain way (the ratios printed before this change were that much too kind).

The least a safe merge does (``en az güvenli``, no goal, in the same run): a file from another PC
is untrusted, so before its rows are copied it is read once into a private copy while its SHA-256
is taken (it may change on the share while it is read, and the log names it by that hash), that
copy passes ``PRAGMA quick_check`` (in memory, as the merge loads it), and each import leaves one
log row; then the same ATTACH + INSERT … SELECT. No row read into Python, no definition, no value
rule, no identity, no conflict, no snapshot: what any merge of untrusted files pays before it
checks anything. Its ratio to the raw baseline shows how much of the ≤ 2× goal that floor takes;
the application's ratio to it, what the checks themselves cost.

``merge_files`` runs twice: given the path (as the CLI: it opens the
consolidated file and reads its definition) and given the open workbook (as
the window, whose definition is already read).

Three data sets, built in the same run:

* ``sample``   — the Kars 2020 sample, one file per department;
* ``10×``      — the same departments with an extra table making the year's
  values ten times the sample's;
* ``synthetic`` — the same departments, each with a large extra table
  (``--rows`` × 10 cells) filled in, so that per-row costs show.

Again (``yeniden``): the same folder merged a second time, nothing changed in it (the strategy
unit drops the whole folder again as each new file arrives). The raw baseline copies every file
again (it cannot know); ``merge_files`` knows each file by the hash its import recorded and neither
checks nor writes it. No goal: it shows what that common case costs.

Memory (``--memory``): the peak resident memory a merge adds, in a fresh
process, merging a third of the synthetic files and then all of them (each
file the same size): bounded by the largest file, the two are close; growing
with the sum, the second is three times the first.

    uv run python -m bench.bench_merge [--rows 500] [--repeat 5] [--memory]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from desktop import resources
from desktop.core.definition import Definition
from desktop.core.loader import load_definition
from desktop.store.file.workbook import Workbook
from desktop.store.merge.run import merge_files
from desktop.store.sample import build_sample

TABLES = {
    "entry": "key, department, value, changed_at, changed_by",
    "indicator": "key, department, actual, explanation, source, changed_at, changed_by",
    "activity": "key, department, actual_cost, explanation, source, changed_at, changed_by",
    "photo": "department, list_key, position, caption, mime, width, height, sha256, data, changed_at, changed_by",
}


def synthetic_definition(definition: Definition, rows: int) -> Definition:
    data = definition.to_data()
    table = {
        "kind": "table",
        "key": "sentetik",
        "title": "Sentetik tablo",
        "rows": [{"key": f"r{i}", "label": f"Satır {i}"} for i in range(rows)],
        "columns": [{"key": f"c{j}", "label": f"Sütun {j}", "type": "count" if j % 2 else "money"} for j in range(10)],
    }
    forms = {f["department"]: f for f in data["forms"]}
    template = next(s for f in data["forms"] for s in f["sections"])
    for dept in data["departments"]:
        section = {**template, "key": "sentetik", "title": "Sentetik", "items": [table]}
        if dept["key"] in forms:
            forms[dept["key"]]["sections"].append(section)
        else:
            data["forms"].append({"department": dept["key"], "sections": [section]})
    return Definition.from_data(data)


def build_synthetic(definition: Definition, workdir: Path, rows: int) -> list[Path]:
    workdir.mkdir(parents=True)
    out = []
    for n, dept in enumerate(definition.departments):
        path = workdir / f"{dept.key}.faaliyet"
        with Workbook.create(path, definition, dept.key, user="bench") as wb:
            wb.set_values({f"{dept.key}.sentetik.r{i}.c{j}": (i * 10 + j + n) for i in range(rows) for j in range(10)})
        out.append(path)
    return out


def fresh_target(definition: Definition, path: Path) -> Path:
    path.unlink(missing_ok=True)
    Workbook.create(path, definition, None, user="bench").close()
    return path


def _uri(path: Path, mode: str) -> str:
    return "file:" + urllib.parse.quote(str(path.resolve())) + f"?mode={mode}"


def _target(target: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(_uri(target, "rw"), uri=True, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def _copy_rows(conn: sqlite3.Connection, path: Path, log: tuple[str, str] | None = None) -> None:
    """One file's rows copied in one transaction (``log``: its name and hash, written to the import log)."""
    # read-only, as merge_files attaches it: no write lock on it, no super-journal at COMMIT
    conn.execute("ATTACH DATABASE ? AS inc", (_uri(path, "ro"),))
    dept = conn.execute("SELECT value FROM inc.meta WHERE key = 'department'").fetchone()[0]
    conn.execute("BEGIN IMMEDIATE")
    for table, cols in TABLES.items():
        conn.execute(f"DELETE FROM main.{table} WHERE department = ?", (dept,))
        conn.execute(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM inc.{table} WHERE department = ?", (dept,))
    if log is not None:
        conn.execute(
            "INSERT INTO import_log (at, by, department, file_name, file_hash, content_hash, clerk, submitted_at, summary) "
            "VALUES ('', '', ?, ?, ?, '', '', '', '{}')",
            (dept, *log),
        )
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE inc")


def raw_merge(target: Path, files: list[Path]) -> None:
    conn = _target(target)
    for path in files:
        _copy_rows(conn, path)
    conn.close()


def floor_merge(target: Path, files: list[Path], scratch: Path) -> None:
    """The least a safe merge does (see the module): raw_merge plus the private copy with its hash,
    quick_check, one log row per file."""
    conn = _target(target)
    check = sqlite3.connect(":memory:", isolation_level=None)
    check.execute("ATTACH DATABASE ':memory:' AS inc")
    for i, path in enumerate(files):
        data = path.read_bytes()
        file_hash = hashlib.sha256(data).hexdigest()
        copy = scratch / f"{i}.faaliyet"
        copy.write_bytes(data)
        check.deserialize(data, name="inc")
        assert check.execute("PRAGMA inc.quick_check").fetchone()[0] == "ok"
        _copy_rows(conn, copy, (path.name, file_hash))
    check.close()
    conn.close()


def _timed(fn) -> tuple[float, float]:
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def measure(definition: Definition, files: list[Path], tmp: Path, repeat: int) -> dict:
    """Wall and CPU seconds of both, alternating which runs first (the disk is shared)."""
    times = {"raw": [], "floor": [], "store": [], "open": []}
    scratch = tmp / "en-az"
    scratch.mkdir(exist_ok=True)

    def run_raw():
        target = fresh_target(definition, tmp / "raw.faaliyet")
        times["raw"].append(_timed(lambda: raw_merge(target, files)))

    def run_floor():
        target = fresh_target(definition, tmp / "floor.faaliyet")
        times["floor"].append(_timed(lambda: floor_merge(target, files, scratch)))

    def run_store():
        target = fresh_target(definition, tmp / "store.faaliyet")
        holder = {}
        times["store"].append(_timed(lambda: holder.setdefault("r", merge_files(target, files, user="bench"))))
        result = holder["r"]
        assert not result.refused and all(f.status == "imported" for f in result.files), result.summary_lines()

    def run_open():  # as the window does: the consolidated file is open, its definition read
        target = fresh_target(definition, tmp / "open.faaliyet")
        with Workbook.open(target, user="bench") as wb:
            assert wb.definition.slots
            times["open"].append(_timed(lambda: merge_files(wb, files)))

    for i in range(repeat):
        for run in (run_raw, run_floor, run_store, run_open) if i % 2 == 0 else (run_open, run_store, run_floor, run_raw):
            run()
    rows = sqlite3.connect(tmp / "store.faaliyet").execute("SELECT count(*) FROM entry").fetchone()[0]
    return {"rows": rows, **times}


def measure_again(definition: Definition, files: list[Path], tmp: Path, repeat: int) -> tuple[float, float]:
    """(raw, merge_files) median wall seconds of merging ``files`` into a file that has them all already."""
    raw_target = fresh_target(definition, tmp / "again-raw.faaliyet")
    raw_merge(raw_target, files)
    raw = []
    merged = []
    target = fresh_target(definition, tmp / "again.faaliyet")
    with Workbook.open(target, user="bench") as wb:
        merge_files(wb, files)
        for _ in range(repeat):
            raw.append(_timed(lambda: raw_merge(raw_target, files))[0])
            w0 = time.perf_counter()
            result = merge_files(wb, files)
            merged.append(time.perf_counter() - w0)
            assert {f.status for f in result.files} == {"unchanged"}, result.summary_lines()
    return statistics.median(raw), statistics.median(merged)


def report_again(raw: float, merged: float) -> None:
    print(
        f"  yeniden (aynı klasör, hiçbiri değişmemiş): ham {raw * 1000:.1f} ms, merge_files(açık dosya) {merged * 1000:.1f} ms: "
        f"{merged / raw:.2f}×"
    )


def report(name: str, n_files: int, m: dict) -> None:
    print(f"{name}: {n_files} dosya, {m['rows']} değer, {len(m['raw'])} tekrar")
    print(f"  {'':32}{'duvar medyan':>14}{'duvar en az':>14}{'CPU medyan':>14}")
    for label, key in (
        ("ham ATTACH + INSERT … SELECT", "raw"),
        ("en az güvenli birleştirme", "floor"),
        ("merge_files(yol)", "store"),
        ("merge_files(açık dosya)", "open"),
    ):
        wall = [w for w, _ in m[key]]
        cpu = [c for _, c in m[key]]
        print(
            f"  {label:32}{statistics.median(wall) * 1000:11.1f} ms{min(wall) * 1000:11.1f} ms{statistics.median(cpu) * 1000:11.1f} ms"
        )
    floor = statistics.median(w for w, _ in m["floor"]) / statistics.median(w for w, _ in m["raw"])
    opened = statistics.median(w for w, _ in m["open"]) / statistics.median(w for w, _ in m["floor"])
    print(
        f"  en az güvenli / ham: duvar medyan {floor:.2f}× (özel kopya ve SHA-256, quick_check, kayıt satırı); "
        f"merge_files(açık dosya) / en az güvenli: {opened:.2f}× (denetimlerin kendisi)"
    )
    for key in ("store", "open"):
        ratio = lambda f, i, key=key: f([x[i] for x in m[key]]) / f([x[i] for x in m["raw"]])  # noqa: E731
        print(
            f"  oran merge_files({'yol' if key == 'store' else 'açık dosya'}) / ham: duvar medyan {ratio(statistics.median, 0):.2f}×, "
            f"duvar en az {ratio(min, 0):.2f}×, CPU {ratio(statistics.median, 1):.2f}×  (hedef ≤ 2×)"
        )


def rss_mib() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MiB (Linux /proc)."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def memory_child(rows: int, folder: Path, count: int) -> None:
    """In a fresh process: merge the first ``count`` synthetic files; print the peak it added."""
    synth = synthetic_definition(load_definition(resources.default_definition()), rows)
    files = sorted((folder / "sentetik").glob("*.faaliyet"))[:count]
    target = fresh_target(synth, folder / f"bellek-{count}.faaliyet")
    with Workbook.open(target, user="bench") as wb:
        assert wb.definition.slots  # the definition's look-ups built before measuring
        before, _ = rss_mib()
        result = merge_files(wb, files)
        _, peak = rss_mib()
    assert not result.refused
    values = sum(f.changes["eklenen"] for f in result.files)
    print(json.dumps({"files": len(files), "values": values, "before": before, "peak": peak}))


def memory(rows: int, folder: Path, n_files: int) -> None:
    out = []
    for count in (max(1, n_files // 3), n_files):
        run = subprocess.run(
            [sys.executable, "-m", "bench.bench_merge", "--rows", str(rows), "--memory-child", str(count), str(folder)],
            capture_output=True,
            text=True,
            check=True,
        )
        out.append(json.loads(run.stdout.strip().splitlines()[-1]))
    print("bellek (taze süreçte, birleştirmenin eklediği en yüksek bellek):")
    for r in out:
        print(
            f"  {r['files']:3d} dosya, {r['values']:7d} değer: {r['peak'] - r['before']:6.1f} MiB (başta {r['before']:.0f} MiB)"
        )
    grow = (out[1]["peak"] - out[1]["before"]) / max(0.1, out[0]["peak"] - out[0]["before"])
    print(f"  oran: {grow:.2f}× bellek, {out[1]['values'] / out[0]['values']:.1f}× değer  (en büyük dosyayla sınırlı: ≈ 1×)")


def ten_times_rows(definition: Definition) -> int:
    """Rows of the extra table so that the year holds about ten times the sample's values."""
    with tempfile.TemporaryDirectory() as tmp:
        sample = build_sample(definition, resources.sample(definition.id), Path(tmp) / "ornek").files.values()
        values = sum(sqlite3.connect(p).execute("SELECT count(*) FROM entry").fetchone()[0] for p in sample)
    return max(1, round(values / len(definition.departments)))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=500, help="rows of the synthetic table per department (×10 cells)")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--memory", action="store_true", help="also measure peak memory against the number of files")
    p.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.memory_child:
        memory_child(args.rows, Path(args.memory_child[1]), int(args.memory_child[0]))
        return
    definition = load_definition(resources.default_definition())
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp_name:
        tmp = Path(tmp_name)
        sample = list(build_sample(definition, resources.sample(definition.id), tmp / "ornek").files.values())
        report("örnek (Kars 2020)", len(sample), measure(definition, sample, tmp, args.repeat))
        report_again(*measure_again(definition, sample, tmp, args.repeat))
        rows10 = ten_times_rows(definition)
        ten = synthetic_definition(definition, rows10)
        files = build_synthetic(ten, tmp / "on-kat", rows10)
        report(f"10× örnek ({rows10} satır × 10 hücre ek tablo)", len(files), measure(ten, files, tmp, args.repeat))
        report_again(*measure_again(ten, files, tmp, args.repeat))
        synth = synthetic_definition(definition, args.rows)
        files = build_synthetic(synth, tmp / "sentetik", args.rows)
        report("sentetik", len(files), measure(synth, files, tmp, args.repeat))
        if args.memory:
            memory(args.rows, tmp, len(files))


if __name__ == "__main__":
    main()

"""Attacks on the exchange formats and the command line (issue #12: CSV, Excel import, value files, CLI).

- ``csv/formula-in-every-column``: text that a spreadsheet would run as a
  formula, exported with ``values export --format csv`` (stdout and ``--out``).
- ``excel/formula-without-cache``, ``excel/merged-input-cells``,
  ``excel/error-value``: a filled template that would delete or change a
  stored value silently if read only through cached values.
- ``json/duplicate-keys``: a value file whose objects repeat a key.
- ``cli/broken-pipe``: every printing command's reader goes away (``| head``).
- ``cli/full-disk-export``: ``values export --out``, ``excel export`` and
  ``excel template`` on a full disk.
- ``lock/cli-vs-window``: the CLI writing into a file a Faaliyet window has
  open (and a stale lock of a dead window, which must not block).
"""

from __future__ import annotations

import builtins
import contextlib
import csv
import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from bench.attacks import Attack, clear_message, cli, sha
from desktop.core.definition import Definition

FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")


# --- helpers ----------------------------------------------------------------
def department(definition: Definition):
    """A department with an entered count, an entered text and an indicator (none of the sample's keys named)."""
    for dept in definition.departments:
        slots = [s for s in definition.slots_of(dept.key) if not s.computed]
        if any(s.type == "count" for s in slots) and any(s.type == "text" for s in slots) and definition.indicators_of(dept.key):
            return dept.key
    raise RuntimeError("no department with a count, a text and an indicator")


def slot_of(definition: Definition, dept: str, type_: str, n: int = 0) -> str:
    return [s.key for s in definition.slots_of(dept) if not s.computed and s.type == type_][n]


def value_file(definition: Definition, dept: str, values=(), indicators=()) -> dict:
    return {
        "format": "faaliyet-degerler",
        "format_version": 1,
        "institution": definition.institution.key,
        "year": definition.year.year,
        "department": dept,
        "values": list(values),
        "indicators": list(indicators),
    }


def new_workbook(definition: Definition, work: Path, dept: str | None, data: dict | None = None) -> Path:
    from desktop.store.exchange.valueset import import_values  # noqa: PLC0415
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    path = work / f"{dept or 'birlesik'}.faaliyet"
    with Workbook.create(path, definition, dept) as wb:
        if data:
            import_values(wb, data)
    return path


def message_problems(where: str, rc, err: str, expect_rc=(1, 2), needles=()) -> list[str]:
    problems = []
    if rc not in expect_rc:
        problems.append(f"{where}: exit {rc}")
    why = clear_message(err)
    if why:
        problems.append(f"{where}: {why}")
    problems += [f"{where}: message lacks {n!r}: {err[:200]!r}" for n in needles if n not in err]
    return problems


@contextlib.contextmanager
def disk_full(watch: Path):
    """Files opened for writing under ``watch`` fill the disk half way through a write (ENOSPC)."""
    real_open = builtins.open
    watch_s = str(watch)

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    def open_(file, mode="r", *a, **kw):
        fh = real_open(file, mode, *a, **kw)
        watched = isinstance(file, (str, os.PathLike)) and os.fspath(file).startswith(watch_s)
        return Full(fh) if watched and any(c in mode for c in "wax+") else fh

    builtins.open = io.open = open_
    try:
        yield
    finally:
        builtins.open = io.open = real_open


def template_cells(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(key, attribute) -> (sheet, cell) from a template's hidden map."""
    import openpyxl  # noqa: PLC0415

    from desktop.store.exchange import excel as xl

    book = openpyxl.load_workbook(path)
    out, started = {}, False
    for row in book[xl.MAP_SHEET].iter_rows(values_only=True):
        if row[0] == "sayfa":
            started = True
        elif started and row[0]:
            out[(row[3], row[4])] = (row[0], row[1])
    return out


# --- CSV ----------------------------------------------------------------------
def csv_formula(definition: Definition, work: Path) -> list[str]:
    dept = department(definition)
    ind = definition.indicators_of(dept)[0].key
    slots = [s for s in definition.slots_of(dept) if not s.computed]
    one_line = [s.key for s in slots if s.type == "text"]
    # a tab or line break is refused in one-line text (core/characters.py): those leads go where they may stand
    long = [s.key for s in slots if s.type == "longtext"]
    hostile = ['=HYPERLINK("http://x";"tıkla")', "+1+1", "-2+3", "@SUM(1)"]
    values = [{"field": k, "value": v} for k, v in zip(one_line, hostile)]
    values += [{"field": k, "value": v} for k, v in zip(long, ["\t=1", "\r=1"])]
    note = ["\t=1+1", "\r@kaynak"] if len(long) < 2 else ["=1+1", "@kaynak"]
    path = new_workbook(
        definition,
        work,
        dept,
        value_file(definition, dept, values, [{"key": ind, "actual": 3, "explanation": note[0], "source": note[1]}]),
    )
    problems = []
    rc, out, err = cli("values", "export", path, "--format", "csv")
    rc2, _, err2 = cli("values", "export", path, "--format", "csv", "--out", work / "d.csv")
    for where, code, e in (("stdout", rc, err), ("--out", rc2, err2)):
        if code != 0:
            problems.append(f"csv export {where}: exit {code} {e[:200]!r}")
    texts_out = [out]
    if (work / "d.csv").is_file():
        texts_out.append((work / "d.csv").read_text(encoding="utf-8"))
    for text in texts_out:
        for row in list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))[1:]:
            for cell in row:
                if cell.startswith(FORMULA_LEAD) and not _number(cell):
                    problems.append(f"csv cell runs as a formula: {cell[:40]!r}")
    return problems


def _number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


# --- Excel import ---------------------------------------------------------------
def _excel_case(definition: Definition, work: Path, fill, needles) -> list[str]:
    """A workbook holding values, a template filled by ``fill(book, cells, keys)``, imported by the CLI."""
    import openpyxl  # noqa: PLC0415

    from desktop.store.exchange.excel_template import write_template  # noqa: PLC0415
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    dept = department(definition)
    keys = {
        "count": slot_of(definition, dept, "count"),
        "count2": slot_of(definition, dept, "count", 1),
        "text": slot_of(definition, dept, "text"),
    }
    path = new_workbook(
        definition,
        work,
        dept,
        value_file(
            definition,
            dept,
            [
                {"field": keys["count"], "value": 78},
                {"field": keys["count2"], "value": 5},
                {"field": keys["text"], "value": "eski"},
            ],
        ),
    )
    template = work / "sablon.xlsx"
    write_template(definition, dept, template)
    cells = template_cells(template)
    book = openpyxl.load_workbook(template)
    addresses = fill(book, {k: cells[(v, "value")] for k, v in keys.items()})
    filled = work / "dolu.xlsx"
    book.save(filled)
    before = sha(path)
    with Workbook.open(path, readonly=True) as wb:
        values = {k: wb.get(v) for k, v in keys.items()}
    rc, out, err = cli("excel", "import", path, filled)
    problems = message_problems("excel import", rc, err, (1,), [*needles, *addresses])
    if sha(path) != before:
        with Workbook.open(path, readonly=True) as wb:
            now = {k: wb.get(v) for k, v in keys.items()}
        problems.append(f"workbook changed: {values} -> {now}")
    return problems


def excel_formula_without_cache(definition: Definition, work: Path) -> list[str]:
    def fill(book, where):
        sheet, cell = where["count"]
        book[sheet][cell] = "=1+1"  # openpyxl, like any script, writes no cached value
        return [f"{sheet}!{cell}"]

    return _excel_case(definition, work, fill, ["formül"])


def excel_merged_cells(definition: Definition, work: Path) -> list[str]:
    def fill(book, where):
        (s1, c1), (s2, c2) = where["count"], where["count2"]
        if s1 != s2:
            raise RuntimeError("the two counts are on different sheets")
        ref = f"{min(c1, c2)}:{max(c1, c2)}"
        book[s1].merge_cells(ref)
        return [f"{s1}!{ref}"]

    return _excel_case(definition, work, fill, ["birleştirilmiş"])


def excel_error_value(definition: Definition, work: Path) -> list[str]:
    def fill(book, where):
        out = []
        for key, error in (("count", "#DIV/0!"), ("text", "#REF!")):
            sheet, cell = where[key]
            book[sheet][cell] = error  # an error cell (t="e"), as Excel saves it
            out.append(f"{sheet}!{cell}: hücrede Excel hatası var ({error})")
        return out

    return _excel_case(definition, work, fill, [])


# --- value files ------------------------------------------------------------------
def json_duplicate_keys(definition: Definition, work: Path) -> list[str]:
    dept = department(definition)
    key = slot_of(definition, dept, "count")
    path = new_workbook(definition, work, dept, value_file(definition, dept, [{"field": key, "value": 78}]))
    body = json.dumps(value_file(definition, dept))[1:-1]
    cases = {
        "value": "{" + body.replace('"values": [], ', "") + ', "values": [{"field": "' + key + '", "value": 1, "value": 2}]}',
        "department": '{"department": "baska", ' + body + "}",
    }
    problems = []
    before = sha(path)
    for name, text in cases.items():
        vals = work / f"{name}.json"
        vals.write_text(text, encoding="utf-8")
        rc, _, err = cli("values", "import", path, vals)
        problems += message_problems(f"duplicate '{name}'", rc, err, (1,), [f"'{name}'"])
    if sha(path) != before:
        problems.append("workbook changed by a value file with duplicate keys")
    return problems


# --- command line ---------------------------------------------------------------------
def cli_broken_pipe(definition: Definition, work: Path) -> list[str]:
    """Each printing command writes into a pipe whose reader has gone."""
    from desktop import cli as cli_module  # noqa: PLC0415

    dept = department(definition)
    path = new_workbook(
        definition, work, dept, value_file(definition, dept, [{"field": slot_of(definition, dept, "count"), "value": 7}])
    )
    problems = []
    for args in (["fields", dept], ["departments"], ["values", "export", str(path)], ["check", str(path)]):
        r, w = os.pipe()
        os.close(r)  # the reader (head) has gone
        pipe = open(w, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        err = io.StringIO()
        saved = sys.stdout
        sys.stdout = pipe
        try:
            with contextlib.redirect_stderr(err):
                rc = cli_module.main(args)
            if rc == 0:
                problems.append(f"{args[0]}: exit 0 although its output was lost")
        except BaseException as exc:  # noqa: BLE001
            problems.append(f"{args[0]}: {type(exc).__name__} escaped: {exc}")
        finally:
            sys.stdout = saved
            with contextlib.suppress(OSError):
                pipe.close()
        if "Traceback" in err.getvalue() or "Error" in err.getvalue():
            problems.append(f"{args[0]}: {err.getvalue()[:200]!r}")
    return problems


def cli_full_disk(definition: Definition, work: Path) -> list[str]:
    dept = department(definition)
    path = new_workbook(
        definition, work, dept, value_file(definition, dept, [{"field": slot_of(definition, dept, "count"), "value": 7}])
    )
    out = work / "cikti"
    out.mkdir()
    old = {"d.json": b"eski json", "d.csv": b"eski csv", "y.xlsx": b"eski xlsx"}
    for name, data in old.items():
        (out / name).write_bytes(data)
    runs = [
        ("values", "export", path, "--out", out / "d.json"),
        ("values", "export", path, "--format", "csv", "--out", out / "d.csv"),
        ("values", "export", path, "--out", out / "yeni.json"),
        ("excel", "export", path, "--out", out / "y.xlsx"),
        ("excel", "template", dept, "--out", out / "t.xlsx"),
    ]
    problems = []
    for args in runs:
        with disk_full(out):
            rc, _, err = cli(*args)
        problems += message_problems(" ".join(map(str, args[:2])), rc, err, (2,), ["disk dolu"])
    names = sorted(p.name for p in out.iterdir())
    if names != sorted(old):
        problems.append(f"files left after a full disk: {names}")
    problems += [f"{n} changed" for n, data in old.items() if (out / n).read_bytes() != data]
    return problems


# --- the window's lock --------------------------------------------------------------
def lock_cli_vs_window(definition: Definition, work: Path) -> list[str]:
    from desktop.store.exchange.excel_template import write_template  # noqa: PLC0415
    from desktop.store.file.lockfile import lock_path  # noqa: PLC0415
    from desktop.ui.lock import FileLock  # noqa: PLC0415  (the window's own lock)

    dept = department(definition)
    key = slot_of(definition, dept, "count")
    path = new_workbook(definition, work, dept, value_file(definition, dept, [{"field": key, "value": 78}]))
    consolidated = new_workbook(definition, work, None)
    vals = work / "d.json"
    vals.write_text(json.dumps(value_file(definition, dept, [{"field": key, "value": 79}])), encoding="utf-8")
    template = work / "t.xlsx"
    write_template(definition, dept, template)
    problems = []
    locks = [FileLock(path), FileLock(consolidated)]
    if not all(lock.acquire() for lock in locks):
        return ["the window's lock could not be taken"]
    try:
        before = {p: sha(p) for p in (path, consolidated)}
        for args in (
            ("values", "import", path, vals),
            ("excel", "import", path, template),
            ("merge", "--into", consolidated, path),
        ):
            rc, _, err = cli(*args)
            problems += message_problems(" ".join(map(str, args[:2])), rc, err, (2,), [str(os.getpid())])
        problems += [f"{p.name} changed while a window held it" for p, h in before.items() if sha(p) != h]
    finally:
        for lock in locks:
            lock.release()
    # a window that died leaves a lock of a dead process: stale, it must not block
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    import socket  # noqa: PLC0415

    lock_path(path).write_text(f"{dead.stdout.strip()}\nfaaliyet\n{socket.gethostname()}\n\n\n", encoding="utf-8")
    try:
        rc, _, err = cli("values", "import", path, vals)
        if rc != 0:
            problems.append(f"stale lock blocked the import: {rc} {err[:200]!r}")
    finally:
        lock_path(path).unlink(missing_ok=True)
    return problems


ATTACKS: list[Attack] = [
    Attack("csv/formula-in-every-column", "csv", csv_formula),
    Attack("excel/formula-without-cache", "excel", excel_formula_without_cache),
    Attack("excel/merged-input-cells", "excel", excel_merged_cells),
    Attack("excel/error-value", "excel", excel_error_value),
    Attack("json/duplicate-keys", "misc", json_duplicate_keys),
    Attack("cli/broken-pipe", "misc", cli_broken_pipe),
    Attack("cli/full-disk-export", "misc", cli_full_disk),
    Attack("lock/cli-vs-window", "lock", lock_cli_vs_window),
]

"""Benchmark of the clerk's window.

    uv run python bench/bench_ui.py [--runs 7] [--edits 200]

1. Cold start: a new process until a department form is shown and editable,
   against a bare QMainWindow shown by a new process in the same run
   (goal: ratio <= 2), with where the child's time goes (medians per step).
   The child starts as the `faaliyet` launcher does, which pauses the garbage
   collector from before PySide's import until the first window is shown
   (``desktop.collector``); the bare window is the plain five lines, collector
   on; ``--bare-paused`` also times the bare window with the collector paused
   (for information: the goal is against the plain one).
2. Keystroke to committed row: Enter in a field editor until the value is
   committed to the file (one transaction, journal DELETE + synchronous FULL;
   ``Document.committed_at``), and until the window has caught up (totals,
   findings, marks, navigator); the same for a table cell. Baseline:
   ``Workbook.set_value`` alone on the same file, interleaved in the same run.

Runs offscreen unless QT_QPA_PLATFORM says otherwise. Prints medians and
ratios; nothing is asserted. Site-packages should hold compiled bytecode
(``uv sync --compile-bytecode``), as an installed build does.
"""

from __future__ import annotations

# The measured child is bench/ui_child.py, started the way the `faaliyet` launcher
# starts: a few lines that import a compiled module (a script given to python by
# path is compiled on every run, ~3 ms that no clerk pays).
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PHASES = ("imported", "application", "window", "opened", "shown")

CHILD = "import sys; from bench.ui_child import main; sys.exit(main(sys.argv[1]))"

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1360, 860); w.setWindowTitle("bare"); w.show()
app.processEvents()
print("ready", flush=True)
"""
BARE_PAUSED = "import gc; gc.disable()" + BARE  # the same window, the collector paused as Faaliyet's start does


def _spawn(args: list[str], env: dict, phases: list | None = None) -> float:
    import subprocess

    t0 = time.perf_counter()
    m0 = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    line = proc.stdout.readline().strip()
    t = time.perf_counter() - t0
    _out, err = proc.communicate()
    if line != "ready":
        raise SystemExit(f"child failed: {args} -> {line!r}\n{err[-2000:]}")
    if phases is not None:
        marks = next((ln.split()[1:] for ln in err.splitlines() if ln.startswith("phases ")), [])
        if len(marks) == len(PHASES):
            phases.append([float(m) - m0 for m in marks] + [t])
    return t


def _sample_file(work: Path) -> Path:
    from desktop import resources
    from desktop.core.loader import load_definition
    from desktop.store.sample import build_sample

    definition = load_definition(resources.default_definition())
    files = build_sample(definition, resources.sample(definition.id), work).files
    return files["itfaiye"]


def cold_start(path: Path, runs: int, env: dict, bare_paused: bool = False) -> None:
    import statistics

    bare, app, phases, paused = [], [], [], []
    _spawn([sys.executable, "-c", BARE], env)  # warm the OS file cache for both
    _spawn([sys.executable, "-c", CHILD, str(path)], env)
    for _ in range(runs):
        bare.append(_spawn([sys.executable, "-c", BARE], env))
        app.append(_spawn([sys.executable, "-c", CHILD, str(path)], env, phases))
        if bare_paused:
            paused.append(_spawn([sys.executable, "-c", BARE_PAUSED], env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"cold start, median of {runs} (new process each):")
    print(f"  bare QMainWindow shown           {b * 1000:8.1f} ms")
    print(f"  Faaliyet department form ready   {a * 1000:8.1f} ms")
    print(f"  ratio                            {a / b:8.2f} x   (goal <= 2)")
    if paused:
        p = statistics.median(paused)
        print(f"  bare, collector paused           {p * 1000:8.1f} ms   (ratio against it {a / p:5.2f} x, for information)")
    if phases:  # where the Faaliyet child's time goes (medians of each step)
        ends = [statistics.median(p[i] for p in phases) for i in range(len(PHASES) + 1)]
        steps = [
            "python, PySide6 and Faaliyet imported",
            "application()",
            "MainWindow()",
            "open_file()",
            "show() + processEvents()",
            "editors checked, 'ready' read",
        ]
        prev = 0.0
        for name, end in zip(steps, ends):
            print(f"    {name:38s} {(end - prev) * 1000:7.1f} ms")
            prev = end


def keystroke(path: Path, edits: int) -> None:
    import statistics

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from desktop.store.file.workbook import Workbook
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path.parent / "settings"))
    application()
    win = MainWindow()
    win.ask = lambda *a: True
    win.inform = lambda *a, **k: None
    win.show()
    win.open_file(path)
    doc = win.doc
    field_key = next(k for k, s in doc.slots.items() if s.type == "count" and k.count(".") == 1)
    cell_key = next(k for k, s in doc.slots.items() if s.type == "count" and k.count(".") == 3 and not s.computed)
    field = win.view.editor_widget(field_key)
    table = win.view.editor_widget(".".join(cell_key.split(".")[:2]))
    win.view.go_to(field_key)

    def time_field(i: int) -> float:
        field.setFocus()
        field.selectAll()
        QTest.keyClicks(field, str(1000 + i))
        t0 = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)  # the keystroke that commits
        return doc.committed_at - t0, time.perf_counter() - t0

    def time_cell(i: int) -> float:
        win.view.go_to(cell_key)
        QTest.keyClicks(table, "1")
        editor = next(w for w in table.findChildren(QLineEdit) if w.isVisible())
        QTest.keyClicks(editor, str(i))
        t0 = time.perf_counter()
        QTest.keyClick(editor, Qt.Key.Key_Return)
        return doc.committed_at - t0, time.perf_counter() - t0

    other_key = next(k for k, s in doc.slots.items() if s.type == "count" and k.count(".") == 1 and k != field_key)

    def time_store(i: int) -> float:  # the store's own commit, same file, same connection
        t0 = time.perf_counter()
        doc.wb.set_value(other_key, 5000 + i)
        return time.perf_counter() - t0

    s_times, f_times, c_times, f_done, c_done = [], [], [], [], []
    for i in range(edits):  # interleaved, so disk noise hits all alike
        s_times.append(time_store(i))
        commit, done = time_field(i)
        f_times.append(commit)
        f_done.append(done)
        commit, done = time_cell(i)
        c_times.append(commit)
        c_done.append(done)
    with Workbook.open(path, readonly=True) as check:  # what was typed last is in the file
        assert check.get(field_key) == 1000 + edits - 1, check.get(field_key)
        assert check.get(cell_key) == int(f"1{edits - 1}"), check.get(cell_key)
    win.close()

    def line(name, ts):
        ts = sorted(ts)
        p95 = ts[int(len(ts) * 0.95) - 1]
        return f"  {name:34s} median {statistics.median(ts) * 1000:7.2f} ms   p95 {p95 * 1000:7.2f} ms"

    base = statistics.median(s_times)
    print(f"keystroke (Enter) to committed row, {edits} edits each:")
    print(line("store alone: Workbook.set_value", s_times) + "   (baseline)")
    for name, ts in (
        ("field: Enter -> row committed", f_times),
        ("field: Enter -> window updated", f_done),
        ("cell: Enter -> row committed", c_times),
        ("cell: Enter -> window updated", c_done),
    ):
        print(line(name, ts) + f"   ratio {statistics.median(ts) / base:5.2f} x")


def main() -> int:
    import argparse
    import tempfile

    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--edits", type=int, default=200)
    ap.add_argument("--bare-paused", action="store_true", help="also time the bare window with the collector paused")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    env = dict(os.environ)
    # an installed application carries compiled bytecode; this environment sets
    # PYTHONDONTWRITEBYTECODE, so compile the package once (into __pycache__,
    # ignored by git) to measure what a clerk's PC would run -- and so the
    # third-party modules the window imports (msgspec, typing_extensions, ...)
    # when the environment was synced without --compile-bytecode
    import compileall
    import sysconfig

    compileall.compile_dir(str(ROOT / "desktop"), quiet=1)
    compileall.compile_file(str(ROOT / "bench" / "__init__.py"), quiet=1)
    compileall.compile_file(str(ROOT / "bench" / "ui_child.py"), quiet=1)
    import desktop.ui.main_window  # noqa: F401  (what the child imports; the keystroke part needs it too)

    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    for module in list(sys.modules.values()):
        source = getattr(module, "__file__", None) or ""
        if source.endswith(".py") and Path(source).resolve().is_relative_to(site):
            compileall.compile_file(source, quiet=1)
    with tempfile.TemporaryDirectory(prefix="faaliyet-bench-ui-") as tmp:
        work = Path(tmp)
        path = _sample_file(work / "cold")
        print(f"platform: {env['QT_QPA_PLATFORM']}, python {sys.version.split()[0]}, file {path.name}")
        cold_start(path, args.runs, env, args.bare_paused)
        keystroke(_sample_file(work / "keys"), args.edits)
    return 0


if __name__ == "__main__":
    sys.exit(main())

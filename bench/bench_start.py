"""Benchmark of loading a year definition: the start page and `faaliyet departments`.

    uv run python -m bench.bench_start [--runs 5]

1. The start page (`faaliyet` without a file) until it is ready (the year list
   filled, a department file can be made), in a new process, against a bare
   QMainWindow shown by a new process in the same run (goal: ratio <= 2
   warm). Cold: an empty definition cache (every definition read from YAML,
   as before the cache, plus writing the entry); warm: the cache filled.
2. `faaliyet departments` in a new process, cold and warm, against a bare
   `python -c pass` (the interpreter's own start).

The children start the way the `faaliyet` launcher starts (a few lines that
import compiled modules); each gets its own settings and cache folders.
Prints medians and ratios; nothing is asserted.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

START = "import sys; from bench.bench_start import start_child; sys.exit(start_child())"
CLI = "import sys; from desktop.launcher import main; sys.exit(main(sys.argv[1:]))"
SETTINGS_ENV = "FAALIYET_BENCH_SETTINGS"
PHASES = (
    "python, PySide6, desktop.ui.app imported",
    "application(), MainWindow imported",
    "MainWindow()",
    "show(): start page built, years loaded",
    "processEvents()",
)


def start_child() -> int:
    """The measured process: `faaliyet` with no file, until the start page is ready."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    marks = []  # time.monotonic() after each phase (the parent subtracts its spawn time)
    from desktop import collector

    collector.pause()  # as desktop.launcher does before importing the window
    from PySide6.QtCore import QSettings

    from desktop.ui.app import application, starting

    with starting():  # as desktop.ui.app.main does
        marks.append(time.monotonic())
        app = application()
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ[SETTINGS_ENV])
        from desktop.ui.main_window import MainWindow

        marks.append(time.monotonic())
        win = MainWindow()
        marks.append(time.monotonic())
        win.show()
        marks.append(time.monotonic())
    app.processEvents()
    marks.append(time.monotonic())
    start = win.start
    if win.stack.currentWidget() is not start or start.current_definition() is None or not start.create_button.isEnabled():
        print("failed", flush=True)
        return 1
    print("ready", flush=True)
    print("phases " + " ".join(repr(m) for m in marks), file=sys.stderr, flush=True)
    return 0


def _compile() -> None:
    """Compiled bytecode, as an installed application has (see bench_ui)."""
    import compileall
    import sysconfig

    compileall.compile_dir(str(ROOT / "desktop"), quiet=1)
    compileall.compile_dir(str(ROOT / "bench"), quiet=1, maxlevels=0)
    import desktop.cli  # noqa: F401
    import desktop.ui.main_window  # noqa: F401

    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    for module in list(sys.modules.values()):
        source = getattr(module, "__file__", None) or ""
        if source.endswith(".py") and Path(source).resolve().is_relative_to(site):
            compileall.compile_file(source, quiet=1)


def _timed(args: list[str], env: dict) -> float:
    import subprocess

    t0 = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT)
    t = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"child failed: {args}\n{out.stdout[-1000:]}\n{out.stderr[-2000:]}")
    return t


def main() -> int:
    import argparse
    import shutil
    import statistics
    import tempfile

    from bench.bench_ui import BARE, _spawn

    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _compile()
    from desktop import resources
    from desktop.store import definition_cache

    with tempfile.TemporaryDirectory(prefix="faaliyet-bench-start-") as tmp:
        work = Path(tmp)
        warm = work / "cache-warm"
        env = {**os.environ, SETTINGS_ENV: str(work / "settings")}
        warm_env = {**env, definition_cache.ENV: str(warm)}

        def cold_env() -> dict:
            cold = work / "cache-cold"
            shutil.rmtree(cold, ignore_errors=True)
            return {**env, definition_cache.ENV: str(cold)}

        _spawn([sys.executable, "-c", BARE], env)  # the OS file cache, warm for every child alike
        _spawn([sys.executable, "-c", START], warm_env)  # also fills the warm cache
        bare, cold, hot, phases = [], [], [], []
        for _ in range(args.runs):  # interleaved, so noise hits all alike
            bare.append(_spawn([sys.executable, "-c", BARE], env))
            cold.append(_spawn([sys.executable, "-c", START], cold_env()))
            hot.append(_spawn([sys.executable, "-c", START], warm_env, phases))
        b = statistics.median(bare)
        print(
            f"start page ready, median of {args.runs} (new process each), {len(resources.definitions())} shipped definition(s):"
        )
        print(f"  bare QMainWindow shown             {b * 1000:8.1f} ms")
        for name, ts in (("start page, no cache (cold)", cold), ("start page, cache filled (warm)", hot)):
            m = statistics.median(ts)
            print(f"  {name:34s}{m * 1000:8.1f} ms   ratio {m / b:5.2f} x")
        print("  goal: warm ratio <= 2")
        if phases:  # where the warm child's time goes (medians of each step)
            ends = [statistics.median(p[i] for p in phases) for i in range(len(PHASES) + 1)]
            prev = 0.0
            for name, end in zip(PHASES + ("'ready' read",), ends):
                print(f"    {name:40s} {(end - prev) * 1000:7.1f} ms")
                prev = end

        folder = str(resources.default_definition())
        departments = ["departments", "--definition", folder]
        base, cold_cli, warm_cli = [], [], []
        for _ in range(args.runs):
            base.append(_timed([sys.executable, "-c", "pass"], env))
            cold_cli.append(_timed([sys.executable, "-c", CLI, *departments], cold_env()))
            warm_cli.append(_timed([sys.executable, "-c", CLI, *departments], warm_env))
        print(f"`faaliyet departments`, median of {args.runs}:")
        print(f"  python -c pass                     {statistics.median(base) * 1000:8.1f} ms")
        print(f"  no cache (YAML, as before)         {statistics.median(cold_cli) * 1000:8.1f} ms")
        print(f"  cache filled                       {statistics.median(warm_cli) * 1000:8.1f} ms")

        from desktop.core.loader import load_definition

        t0 = time.perf_counter()
        definition = load_definition(folder)
        yaml_s = time.perf_counter() - t0
        os.environ[definition_cache.ENV] = str(warm)  # filled by the children
        t0 = time.perf_counter()
        cached = definition_cache.load(folder)
        cache_s = time.perf_counter() - t0
        assert cached.digest == definition.digest
        print(f"in process: load_definition (YAML) {yaml_s * 1000:8.1f} ms, from the cache {cache_s * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

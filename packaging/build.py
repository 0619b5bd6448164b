"""Build the one-folder bundle and prove it works; print its size and start time.

    uv sync --group packaging
    uv run python packaging/build.py [--check]

``--check`` (CI) also runs the frozen ``faaliyet-cli demo`` headless and
compares its PDF with the source install's (same bytes: the report is
reproducible), and starts the frozen window offscreen and closes it. Start
time is the median of several runs of the window start (offscreen, shown,
closed), frozen vs source; goal: within 1.5×.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "faaliyet"
EXE = ".exe" if os.name == "nt" else ""


def run(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, env={**os.environ, **(env or {})}, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"başarısız: {' '.join(cmd)} (çıkış {result.returncode})")
    return result


def size_of(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def window_start(cmd: list[str], runs: int = 5) -> float:
    env = {"QT_QPA_PLATFORM": "offscreen", "FAALIYET_SMOKE_MS": "1", "LANG": "C.UTF-8"}
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run(cmd, env)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def missing_guide_files(help_folder: Path) -> list[str]:
    """The user guides (F1) and every picture they show, as the bundle must hold them."""
    import re

    missing = []
    for guide in ("memur.md", "strateji.md"):
        path = help_folder / guide
        if not path.is_file():
            missing.append(guide)
            continue
        for picture in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", path.read_text(encoding="utf-8")):
            if not (help_folder / picture).is_file():
                missing.append(picture)
    return missing


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--check", action="store_true", help="run the frozen demo and window, compare with source")
    args = p.parse_args()

    t0 = time.perf_counter()
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(ROOT / "packaging" / "faaliyet.spec"),
        ]
    )
    built = time.perf_counter() - t0
    total, count = size_of(BUNDLE)
    print(f"paket: {BUNDLE} — {total / 1024 / 1024:.0f} MB, {count} dosya, {built:.0f} sn'de kuruldu")

    frozen_gui = [str(BUNDLE / f"faaliyet{EXE}")]
    frozen_cli = [str(BUNDLE / f"faaliyet-cli{EXE}")]
    source = [sys.executable, "-m", "desktop"]
    if args.check:
        missing = missing_guide_files(BUNDLE / "_internal" / "resources" / "help")
        print("kılavuzlar pakette" if not missing else f"pakette eksik kılavuz dosyaları: {missing}")
        if missing:
            raise SystemExit("kullanıcı kılavuzları pakette eksik")
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            run(
                frozen_cli + ["demo", "--workdir", str(tmp / "f"), "--out", str(tmp / "frozen.pdf")], {"LANG": "C.UTF-8"}, cwd=tmp
            )
            run(source + ["demo", "--workdir", str(tmp / "s"), "--out", str(tmp / "source.pdf")], cwd=ROOT)
            same = (tmp / "frozen.pdf").read_bytes() == (tmp / "source.pdf").read_bytes()
            print(f"dondurulmuş demo raporu kaynakla {'aynı' if same else 'FARKLI'}")
            if not same:
                raise SystemExit("dondurulmuş paketin raporu kaynaktan farklı")
    frozen_t = window_start(frozen_gui)
    source_t = window_start(source)
    print(f"pencere açılışı: paket {frozen_t:.2f} sn, kaynak {source_t:.2f} sn, oran {frozen_t / source_t:.2f}x (hedef ≤ 1,5x)")


if __name__ == "__main__":
    main()

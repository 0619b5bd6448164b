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
SIZE_LIMIT = 150_000_000  # #19: "under 150 MB unpacked", decimal MB (143 MiB)


def run(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, env={**os.environ, **(env or {})}, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"başarısız: {' '.join(cmd)} (çıkış {result.returncode})")
    return result


def size_of(folder: Path) -> tuple[int, int]:
    """Bytes and files of the bundle as a disk holds them: a symlink (Linux: libQt6*.so.6 at the
    top pointing into PySide6/Qt/lib) or a second hard link of a file is counted once."""
    seen: set[tuple[int, int]] = set()
    total = count = 0
    for p in folder.rglob("*"):
        if p.is_symlink() or not p.is_file():
            continue
        st = p.stat()
        if (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        total += st.st_size
        count += 1
    return total, count


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


def project_version() -> str:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def support_files_missing(internal: Path) -> list[str]:
    """The licence and the third-party notices the About dialog shows (and the LGPL asks for)."""
    return [name for name in ("LICENSE", "THIRD-PARTY-NOTICES.txt") if not (internal / name).is_file()]


def trimmed_but_present(bundle: Path) -> list[str]:
    """Files trim.py leaves out that are in the bundle all the same (a rule that stopped working)."""
    sys.path.insert(0, str(ROOT / "packaging"))
    import trim

    internal = bundle / "_internal"
    return [
        str(p.relative_to(internal)) for p in internal.rglob("*") if p.is_file() and trim.dropped(str(p.relative_to(internal)))
    ]


def unresolved_libraries(bundle: Path) -> list[str]:
    """Linux: the bundle's libraries and modules whose linked libraries the loader cannot find
    (a trim rule that took away something still linked). Empty elsewhere or without ldd."""
    if not sys.platform.startswith("linux"):
        return []
    internal = bundle / "_internal"
    env = {"LD_LIBRARY_PATH": str(internal)}
    problems = []
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            out = subprocess.run(["ldd", str(path)], env={**os.environ, **env}, capture_output=True, text=True).stdout
        except OSError:
            return []
        problems += [f"{path.relative_to(internal)}: {line.split()[0]}" for line in out.splitlines() if "not found" in line]
    return problems


def dangling_links(bundle: Path) -> list[str]:
    return [str(p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]


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
    print(f"paket: {BUNDLE} — {total / 1024 / 1024:.1f} MiB ({total / 1e6:.1f} MB), {count} dosya, {built:.0f} sn'de kuruldu")

    frozen_gui = [str(BUNDLE / f"faaliyet{EXE}")]
    frozen_cli = [str(BUNDLE / f"faaliyet-cli{EXE}")]
    source = [sys.executable, "-m", "desktop"]
    if args.check:
        missing = missing_guide_files(BUNDLE / "_internal" / "resources" / "help")
        print("kılavuzlar pakette" if not missing else f"pakette eksik kılavuz dosyaları: {missing}")
        if missing:
            raise SystemExit("kullanıcı kılavuzları pakette eksik")
        shipped = support_files_missing(BUNDLE / "_internal")
        print("lisans ve bildirimler pakette" if not shipped else f"pakette eksik: {shipped}")
        if shipped:
            raise SystemExit("LICENSE ya da THIRD-PARTY-NOTICES.txt pakette yok")
        if total >= SIZE_LIMIT:
            raise SystemExit(f"paket {total / 1e6:.1f} MB: sınır {SIZE_LIMIT / 1e6:.0f} MB (trim.py'ye bakın)")
        left = trimmed_but_present(BUNDLE)
        if left:
            raise SystemExit(f"ayıklanması gereken dosyalar pakette: {left[:5]}")
        broken = dangling_links(BUNDLE) + unresolved_libraries(BUNDLE)
        print("paketteki kütüphanelerin bağları çözülüyor" if not broken else f"çözülemeyen bağlar: {broken[:5]}")
        if broken:
            raise SystemExit("ayıklama bağlı bir kütüphaneyi götürdü ya da bağ boşta kaldı")
        reported = run(frozen_cli + ["--version"], {"LANG": "C.UTF-8"}).stdout.strip()
        expected = f"faaliyet {project_version()}"
        print(f"paketin sürümü: {reported}")
        if reported != expected:
            raise SystemExit(f"paketteki --version '{reported}', beklenen '{expected}'")
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            run(
                frozen_gui,
                {
                    "QT_QPA_PLATFORM": "offscreen",
                    "FAALIYET_SMOKE_MS": "1",
                    "LANG": "C.UTF-8",
                    "FAALIYET_LOG_DIR": str(tmp / "logs"),
                },
            )
            if not (tmp / "logs" / "faaliyet.log").is_file():
                raise SystemExit("paketteki pencere günlük dosyasını yazmadı")
            print("paketteki pencere günlüğe yazıyor")
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

"""Real I/O errors inside SQLite: ``strace`` fails the N-th system call on the workbook.

bench/faults.py injects at the Python level (each SQL statement, each file
call). This goes below SQLite: a child process runs the operation under
``strace -P FILE -P FILE-journal -e inject=SYSCALL:error=EIO:when=N`` so the
N-th ``pwrite64``/``fdatasync``/``fsync``/``ftruncate``/``openat``/``unlink``
on the workbook or its journal fails as a dying disk would make it fail - in
the middle of SQLite's own commit protocol. Every (syscall, N) of a counting
run is tried (``every`` > 1 takes every n-th of the many pwrite64/write calls;
the syncs, opens and unlinks are always all tried).

After every run: the child printed a clean outcome (never a traceback); the
file opens (``Workbook.open`` rolls back a journal the failed commit left),
passes ``integrity_check`` and holds either exactly what it held before
(refused) or exactly the new values (accepted; only when the failed call came
after the commit point).

    python -m bench.syscall_faults op edit|merge TARGET [FILE...]   # the child
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SYSCALLS = ("pwrite64", "write", "fdatasync", "fsync", "ftruncate", "openat", "unlink")
EDIT = {"itfaiye.makbuz.ocak.arac": 777, "itfaiye.anlatim": "Çığ İğne Işık ölçü şüphe " * 400}


def available() -> str | None:
    """None when strace can inject here, else why not."""
    if not shutil.which("strace"):
        return "strace is not installed (apt-get install strace)"
    proc = subprocess.run(
        ["strace", "-qq", "-o", "/dev/null", "-e", "inject=getpid:error=EIO:when=1", sys.executable, "-c", "0"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        return f"strace cannot trace here (ptrace not permitted?): {proc.stderr.strip()[:200]}"
    return None


def op(argv: list[str]) -> int:
    """The child: run one operation and print OK / REFUSED <message> (a crash prints a traceback)."""
    from desktop.store.errors import WorkbookError  # noqa: PLC0415
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    kind, target, *files = argv
    try:
        if kind == "edit":
            with Workbook.open(target) as wb:
                wb.set_values(EDIT)
            print("OK")
        elif kind == "merge":
            from desktop.store.merge.run import merge_files  # noqa: PLC0415

            result = merge_files(Path(target), [Path(f) for f in files])
            print("REFUSED " + " | ".join(result.summary_lines()) if result.refused else "OK")
        else:
            raise SystemExit(f"unknown operation {kind}")
    except WorkbookError as exc:
        print("REFUSED " + " ".join(str(exc).split()))
    return 0


@dataclass
class SyscallTally:
    operation: str
    counts: dict = field(default_factory=dict)  # syscall -> invocations on the file
    runs: int = 0
    refused: int = 0
    absorbed: int = 0  # the operation succeeded (error after the commit point, or retried)
    problems: list = field(default_factory=list)


def _strace(target: Path, args: list[str], inject: tuple[str, int] | None, log: Path | None) -> subprocess.CompletedProcess:
    cmd = [
        "strace",
        "-f",
        "-qq",
        "-o",
        str(log) if log else "/dev/null",
        "-P",
        str(target),
        "-P",
        f"{target}-journal",
        "-e",
        "trace=" + ",".join(SYSCALLS),
    ]
    if inject:
        cmd += ["-e", f"inject={inject[0]}:error=EIO:when={inject[1]}"]
    cmd += [sys.executable, "-m", "bench.syscall_faults", "op", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)


def run(name: str, target: Path, args: list[str], restore, signature, *, every: int = 1) -> SyscallTally:
    """Inject at each (syscall, N) of ``args`` run against ``target``; ``restore()`` puts the
    files back, ``signature()`` reads what the target means (after reopening it)."""
    tally = SyscallTally(name)
    restore()
    before = signature()
    log = target.parent / "strace.log"
    proc = _strace(target, args, None, log)
    if proc.stdout.strip() != "OK":
        tally.problems.append(f"the operation itself fails: {proc.stdout[-300:]} {proc.stderr[-300:]}")
        return tally
    after = signature()
    calls = Counter(m.group(1) for line in log.read_text().splitlines() if (m := re.match(r"\d+\s+(\w+)\(", line)))
    log.unlink()
    tally.counts = dict(calls)
    for syscall, count in sorted(calls.items()):
        step = every if syscall in ("pwrite64", "write") else 1  # the few syncs, opens, unlinks: all of them
        ns = sorted(set(range(1, count + 1, step)) | {count})
        for n in ns:
            restore()
            proc = _strace(target, args, (syscall, n), None)
            tally.runs += 1
            out = proc.stdout.strip().splitlines()[-1:] or [""]
            where = f"{syscall}#{n}"
            if proc.returncode != 0 or "Traceback" in proc.stderr or not out[0].startswith(("OK", "REFUSED")):
                tally.problems.append(f"{where}: crash: {proc.stderr.strip()[-400:]}")
                continue
            try:
                found = signature()
            except Exception as exc:  # noqa: BLE001
                tally.problems.append(f"{where}: the file does not open afterwards: {type(exc).__name__}: {exc}")
                continue
            if out[0].startswith("REFUSED"):
                tally.refused += 1
                if not set("çğıöşüÇĞİÖŞÜ") & set(out[0]):
                    tally.problems.append(f"{where}: message not Turkish: {out[0][:120]}")
                if found != before:
                    tally.problems.append(f"{where}: refused, but the file changed")
            else:
                tally.absorbed += 1
                if found != after:
                    tally.problems.append(f"{where}: reported success, but the file does not hold the new values")
    return tally


def signature_of(path: Path) -> tuple:
    from desktop.store.file import fingerprint
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    with Workbook.open(path) as wb:
        check = wb.conn.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise RuntimeError(f"integrity_check: {check}")
        c = wb.conn
        return (
            tuple((d, fingerprint.content_hash(c, d)) for d in wb.departments),
            tuple(c.execute("SELECT department, state FROM status ORDER BY department")),
            tuple(c.execute("SELECT department, content_hash FROM import_log ORDER BY id")),
            c.execute("SELECT count(*) FROM audit").fetchone()[0],
        )


def edit_case(workdir: Path, definition, every: int = 1) -> SyscallTally:
    from bench.sample_files import department_files  # noqa: PLC0415

    path = department_files(definition, workdir, 1)[0]
    pristine = path.read_bytes()

    def restore():
        Path(f"{path}-journal").unlink(missing_ok=True)
        path.write_bytes(pristine)

    return run("edit", path, ["edit", str(path)], restore, lambda: signature_of(path), every=every)


def merge_case(workdir: Path, definition, every: int = 1) -> SyscallTally:
    from bench.sample_files import department_files  # noqa: PLC0415
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    files = department_files(definition, workdir / "birimler", 1)
    target = workdir / "birlesik.faaliyet"
    target.unlink(missing_ok=True)
    Workbook.create(target, definition, None).close()
    pristine = target.read_bytes()

    def restore():
        Path(f"{target}-journal").unlink(missing_ok=True)
        target.write_bytes(pristine)

    return run("merge", target, ["merge", str(target), *map(str, files)], restore, lambda: signature_of(target), every=every)


if __name__ == "__main__":
    if sys.argv[1:2] == ["op"]:
        sys.exit(op(sys.argv[2:]))
    print(__doc__, file=sys.stderr)
    sys.exit(2)

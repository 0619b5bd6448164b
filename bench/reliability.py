"""The reliability tally on one line.

    uv run python -m bench.reliability            # full: 200 kills each for edits, merge and copy
                                                  # (100 for the PDF export),
                                                  # the whole hostile corpus, thousands of fuzz inputs
    uv run python -m bench.reliability --quick    # a smoke run in well under a minute

Prints, on one line: kills survived, files refused, attacks handled (bench/attacks.py), bad inputs tried, faults
injected, edits lost (must be 0), corrupt files (must be 0). Details of
anything wrong go to stderr; the exit status is 0 only when nothing was lost,
nothing is corrupt, every hostile file was refused cleanly, every injected
fault was clean and no fuzz input crashed.

The work happens in a temporary folder on the real disk (``--workdir`` to
choose; tmpfs would make fsync free and the crash test meaningless).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

from desktop import resources
from desktop.core.loader import load_definition

from . import attacks, crash, crash_files, faults, fuzz, hostile, sample_files


def _crash(work: Path, definition, kills: int, problems: list) -> crash.CrashTally:
    total = crash.CrashTally()
    runs = (
        ("edit", lambda: crash.crash_edits(work / "edit", definition, kills=kills, seed=2020, max_delay=0.5)),
        ("merge", lambda: crash_files.crash_merge(work / "merge", definition, kills=kills, seed=2020)),
        ("copy", lambda: crash_files.crash_copy(work / "copy", definition, kills=kills, seed=2020)),
        ("pdf", lambda: crash_files.crash_pdf(work / "pdf", definition, kills=max(3, kills // 2), seed=2020)),
    )
    for name, run in runs:
        t = run()
        total.add(t)
        problems += [f"kill/{name}: {p}" for p in t.problems]
        print(
            f"kill/{name}: {t.survived}/{t.kills} survived, {t.completed} finished before the kill, "
            f"{t.acked} acknowledgements checked, in-flight work found committed {t.in_flight_committed} times",
            file=sys.stderr,
        )
    return total


def _hostile(work: Path, definition, quick: bool, problems: list) -> tuple[int, int]:
    cases = hostile.build_corpus(
        definition, work / "corpus", stride=4 if quick else 1, oversized=("text",) if quick else hostile.OVERSIZED
    )
    target = work / "corpus-birlesik.faaliyet"
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    Workbook.create(target, definition, None).close()
    refused = 0
    for case in cases:
        p = hostile.probe(case, target)
        if p:
            problems.append(f"hostile/{case.kind}/{case.name}: {p}")
        else:
            refused += 1
    hostile.remove_corpus(cases)
    return refused, len(cases)


def _attacks(work: Path, definition, problems: list) -> tuple[int, int]:
    """Valid files with hostile contents (bench/attacks_*.py): (handled cleanly, tried)."""
    every = attacks.all_attacks()
    handled = 0
    for i, attack in enumerate(every):
        p = attacks.run_attack(attack, definition, work / "attacks" / str(i))
        if p:
            problems.append(f"attack/{attack.kind}/{attack.name}: {p}")
        else:
            handled += 1
    return handled, len(every)


def _consolidated(path: Path, definition) -> Path:
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415

    Workbook.create(path, definition, None).close()
    return path


def _fuzz(work: Path, definition, quick: bool, problems: list) -> int:
    itfaiye = sample_files.department_files(definition, work / "fuzz", 1)[0]
    scale = 0.1 if quick else 1
    runs = (
        ("numbers", lambda: fuzz.fuzz_numbers(int(5000 * scale))),
        ("loader", lambda: fuzz.fuzz_loader(work / "fuzz-loader", max(5, int(150 * scale)), small=True)),
        ("valueset", lambda: fuzz.fuzz_valueset(itfaiye, max(10, int(150 * scale)))),
        ("excel", lambda: fuzz.fuzz_excel(itfaiye, max(5, int(50 * scale)))),
        (
            "stored",
            lambda: fuzz.fuzz_stored(
                itfaiye, _consolidated(work / "fuzz-birlesik.faaliyet", definition), max(10, int(200 * scale))
            ),
        ),
    )
    tried = 0
    for name, run in runs:
        try:
            t = run()
            tried += t.tried
        except Exception as exc:  # noqa: BLE001 - hypothesis raises the shrunk failing example
            problems.append(f"fuzz/{name}: {type(exc).__name__}: {str(exc)[:300]}")
    return tried


def _faults(work: Path, definition, quick: bool, problems: list) -> tuple[int, int]:
    """Every write step of a value-set import, a merge and a copy (the PDF is in the test suite),
    then real EIO from strace at every write-side system call of an edit and a merge."""
    from desktop.store.exchange.valueset import export_values, import_values  # noqa: PLC0415
    from desktop.store.file.submission import export_copy  # noqa: PLC0415
    from desktop.store.file.workbook import Workbook  # noqa: PLC0415
    from desktop.store.merge.run import merge_files  # noqa: PLC0415

    folder = work / "faults"
    files = sample_files.department_files(definition, folder / "birimler", 2)
    target = folder / "birlesik.faaliyet"
    Workbook.create(target, definition, None).close()
    dest = folder / "usb" / "gonder.faaliyet"
    dest.parent.mkdir()
    with Workbook.open(files[0]) as wb:
        data = export_values(wb)
        export_copy(wb, dest)
    data["values"] = [dict(r, value=r["value"] + 1) for r in data["values"] if isinstance(r["value"], int)]
    if quick:
        data["values"] = data["values"][:5]
    state = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    def restore() -> None:
        for p in list(folder.rglob("*")):
            if p.is_file() and p not in state:
                p.unlink()
        for p, b in state.items():
            p.write_bytes(b)

    def with_conn(path, fn):
        def op(plan):
            with Workbook.open(path) as wb:
                wb.conn = faults.FaultyConnection(wb.conn, plan)
                return fn(wb)

        return op

    tmp = folder / "tmp"
    tmp.mkdir()
    old_tempdir, tempfile.tempdir = tempfile.tempdir, str(tmp)
    injected = clean = 0
    try:
        for name, op, refused in (
            ("import", with_conn(files[0], lambda wb: import_values(wb, data)), lambda r: None),
            (
                "merge",
                with_conn(target, lambda wb: merge_files(wb, files[:1])),
                lambda r: "\n".join(r.summary_lines()) if r.refused else None,
            ),
            ("copy", with_conn(files[0], lambda wb: export_copy(wb, dest)), lambda r: None),
        ):
            t = faults.run_all(name, folder, restore, op, refused)
            injected += t.injected
            clean += t.clean
            problems += [f"fault/{name}: {p}" for p in t.problems]
    finally:
        tempfile.tempdir = old_tempdir
    from . import syscall_faults  # noqa: PLC0415

    reason = syscall_faults.available()
    if reason:
        print(f"real I/O errors below SQLite not tried: {reason}", file=sys.stderr)
        return clean, injected
    every = 8 if quick else 1
    for t in (
        syscall_faults.edit_case(work / "sys-edit", definition, every),
        syscall_faults.merge_case(work / "sys-merge", definition, every),
    ):
        injected += t.runs
        clean += t.runs - len(t.problems)
        problems += [f"syscall/{t.operation}: {p}" for p in t.problems]
    return clean, injected


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.reliability", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="10 kills each, a sample of the corpus, few fuzz inputs")
    ap.add_argument("--kills", type=int, help="kills per crash run (default 200, --quick 10)")
    ap.add_argument("--workdir", type=Path, help="folder on the real disk (default: a temporary folder)")
    args = ap.parse_args(argv)
    kills = args.kills or (10 if args.quick else 200)
    definition = load_definition(resources.default_definition())
    problems: list[str] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="faaliyet-guvenilirlik-", dir=args.workdir) as tmp:
        work = Path(tmp)
        try:
            times = {}
            t = time.perf_counter()
            kill = _crash(work, definition, kills, problems)
            times["kills"], t = time.perf_counter() - t, time.perf_counter()
            refused, files = _hostile(work, definition, args.quick, problems)
            times["hostile"], t = time.perf_counter() - t, time.perf_counter()
            handled, tried_attacks = _attacks(work, definition, problems)
            times["attacks"], t = time.perf_counter() - t, time.perf_counter()
            tried = _fuzz(work, definition, args.quick, problems)
            times["fuzz"], t = time.perf_counter() - t, time.perf_counter()
            clean, injected = _faults(work, definition, args.quick, problems)
            times["faults"] = time.perf_counter() - t
            print("times: " + ", ".join(f"{k} {v:.0f} s" for k, v in times.items()), file=sys.stderr)
        except Exception:  # noqa: BLE001 - the tally must still say something
            traceback.print_exc()
            print("reliability: the run itself failed (see above)", file=sys.stderr)
            return 2
    for p in problems:
        print(p, file=sys.stderr)
    print(
        f"kills survived: {kill.survived}/{kill.kills}, files refused: {refused}/{files}, "
        f"attacks handled: {handled}/{tried_attacks}, "
        f"bad inputs tried: {tried}, faults injected: {clean}/{injected} clean, "
        f"edits lost: {kill.lost}, corrupt files: {kill.corrupt} ({time.perf_counter() - t0:.0f} s)"
    )
    ok = (
        kill.lost == 0
        and kill.corrupt == 0
        and kill.survived == kill.kills
        and refused == files
        and clean == injected
        and handled == tried_attacks
        and not problems
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

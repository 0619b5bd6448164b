"""SIGKILL during a merge, "Gönderilecek kopya" and the PDF export (see bench/crash.py).

Each run restores the files, lets a forked worker run the operation, kills it
at a random moment, and checks that what is on disk is one of the states the
operation may leave: for a merge the state after some prefix of the files
(one transaction per file), for a copy or a PDF the earlier file, nothing, or
the whole new one. Once the worker acknowledged, only the final state counts.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.definition import Definition
from desktop.store.file.workbook import Workbook

from .crash import TURKISH, CrashTally, _crash_rounds, _restore, integrity
from .sample_files import department_files


def signature(path: Path) -> tuple:
    """What a consolidated file means: per-department content, states and the import log."""
    from desktop.store.file import fingerprint

    with Workbook.open(path) as wb:
        check = integrity(wb)
        if check != ["ok"]:
            raise RuntimeError(f"integrity_check: {check[:3]}")
        c = wb.conn
        return (
            tuple((d, fingerprint.content_hash(c, d)) for d in wb.departments),
            tuple(c.execute("SELECT department, state FROM status ORDER BY department")),
            tuple(c.execute("SELECT department, file_name, content_hash FROM import_log ORDER BY id")),
        )


def crash_merge(workdir: Path, definition: Definition, *, kills: int, seed: int = 7, files: int = 6) -> CrashTally:
    """Kill ``merge_files`` at random moments: the target holds, whole, the state after
    some prefix of the files (one transaction per file), all of them once acknowledged."""
    from desktop.store.merge.run import merge_files  # noqa: PLC0415

    workdir.mkdir(parents=True, exist_ok=True)
    files = department_files(definition, workdir / "birimler", files)
    target = workdir / "birlesik.faaliyet"
    target.unlink(missing_ok=True)
    Workbook.create(target, definition, None).close()
    merge_files(target, files[:1])  # a department already imported: the replace path runs too
    pristine = target.read_bytes()
    states = [signature(target)]
    ref = workdir / "referans.faaliyet"
    _restore(ref, pristine)
    for f in files:
        merge_files(ref, [f])
        states.append(signature(ref))
    ref.unlink()
    job = {
        "mode": "call",
        "target": "desktop.store.merge.run:merge_files",
        "kwargs": {"target": str(target), "files": [str(f) for f in files]},
    }
    return _crash_rounds(workdir, job, kills, seed, target, pristine, states, lambda: signature(target))


def copy_state(dest: Path, source_hashes: dict) -> object:
    """'missing', 'old' bytes' digest, or 'new' when dest is a whole copy of the source."""
    import hashlib  # noqa: PLC0415

    from desktop.store.file import fingerprint

    if not dest.exists():
        return "missing"
    with Workbook.open(dest, incoming=True) as wb:
        if integrity(wb) != ["ok"]:
            raise RuntimeError("integrity_check failed on the copy")
        if {d: fingerprint.content_hash(wb.conn, d) for d in wb.departments} == source_hashes:
            return "new"
    return hashlib.sha256(dest.read_bytes()).hexdigest()


def crash_copy(workdir: Path, definition: Definition, *, kills: int, seed: int = 7) -> CrashTally:
    """Kill "Gönderilecek kopya" (``export_copy``) at random moments: the destination is
    the earlier copy or nothing as before, or a whole copy; the source never changes."""
    import hashlib  # noqa: PLC0415

    from desktop.store.file import fingerprint

    workdir.mkdir(parents=True, exist_ok=True)
    src = department_files(definition, workdir / "birimler", 1)[0]
    usb = workdir / "usb"
    usb.mkdir(exist_ok=True)
    dest = usb / "itfaiye-gonder.faaliyet"
    old = workdir / "eski.faaliyet"
    with Workbook.open(src) as wb:
        from desktop.store.file.submission import export_copy  # noqa: PLC0415

        export_copy(wb, old)  # the copy sent last week
        wb.set_value("itfaiye.anlatim", "Güncellendi: " + TURKISH * 200)
        source_hashes = {d: fingerprint.content_hash(wb.conn, d) for d in wb.departments}
    old_bytes = old.read_bytes()
    src_digest = hashlib.sha256(src.read_bytes()).hexdigest()
    rounds = {"n": 0}

    def restore() -> None:
        rounds["n"] += 1
        for leftover in usb.glob(".*.tmp"):  # a killed copy leaves its temp file (never under the final name)
            leftover.unlink()
        if rounds["n"] % 2:
            dest.write_bytes(old_bytes)
        else:
            dest.unlink(missing_ok=True)

    def observe():
        if hashlib.sha256(src.read_bytes()).hexdigest() != src_digest:
            raise RuntimeError("the source file changed")
        return copy_state(dest, source_hashes)

    old_digest = hashlib.sha256(old_bytes).hexdigest()
    job = {"mode": "copy", "path": str(src), "dest": str(dest)}
    return _crash_rounds(workdir, job, kills, seed, dest, b"", ["missing", old_digest, "new"], observe, restore)


def crash_pdf(workdir: Path, definition: Definition, *, kills: int, seed: int = 7) -> CrashTally:
    """Kill the PDF export at random moments: the earlier PDF (or nothing) stays, or the
    whole new PDF is there - byte-identical to an unkilled build of the same data."""
    import hashlib  # noqa: PLC0415

    from desktop.report import build_report  # noqa: PLC0415

    workdir.mkdir(parents=True, exist_ok=True)
    src = department_files(definition, workdir / "birimler", 1)[0]
    out = workdir / "rapor" / "itfaiye.pdf"
    out.parent.mkdir(exist_ok=True)
    with Workbook.open(src) as wb:
        build_report(wb, out)
        old_bytes = out.read_bytes()
        wb.set_value("itfaiye.anlatim", "Yeni rapor metni: " + TURKISH * 50)
    ref = workdir / "referans.pdf"
    with Workbook.open(src, readonly=True) as wb:
        build_report(wb, ref)
    digest = lambda b: hashlib.sha256(b).hexdigest()  # noqa: E731
    new_digest = digest(ref.read_bytes())
    ref.unlink()
    rounds = {"n": 0}

    def restore() -> None:
        rounds["n"] += 1
        for leftover in out.parent.glob(".*.tmp"):  # a killed build leaves its temp file (never the final name)
            leftover.unlink()
        if rounds["n"] % 2:
            out.write_bytes(old_bytes)
        else:
            out.unlink(missing_ok=True)

    def observe():
        return digest(out.read_bytes()) if out.exists() else "missing"

    job = {"mode": "pdf", "path": str(src), "out": str(out)}
    return _crash_rounds(workdir, job, kills, seed, out, b"", ["missing", digest(old_bytes), new_digest], observe, restore)
